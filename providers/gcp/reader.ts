// The GCS ObjectReader (src/data/object-reader.ts): objects.list and ranged objects.get (alt=media) through the
// Storage SDK — read-only, bounded.
import type { ObjectInfo, ObjectPage, ObjectReader } from '../../src/data/object-reader.js';
import { createAuth, createStorage, type GcpAuth } from './clients.js';
import type { GcpConnection } from './connection.js';
import { within } from '../../src/call-limits.js';

interface GcsObjectResource {
  name?: string;
  size?: string | number;
  updated?: string;
  storageClass?: string;
}

/** Reads at most maxBytes of a stream, then stops it. */
async function readBounded(stream: AsyncIterable<Uint8Array> & { destroy(): void }, maxBytes: number): Promise<Uint8Array> {
  const out = new Uint8Array(maxBytes);
  let used = 0;
  try {
    for await (const chunk of stream) {
      const take = Math.min(chunk.length, maxBytes - used);
      out.set(chunk.subarray(0, take), used);
      used += take;
      if (used >= maxBytes) break;
    }
  } finally {
    stream.destroy();
  }
  return out.subarray(0, used);
}

export function openGcsReader(conn: GcpConnection, projectId: string, bucketName: string, auth?: GcpAuth): ObjectReader {
  const storage = createStorage(auth ?? createAuth(conn), projectId, conn);
  const bucket = storage.bucket(bucketName);
  return {
    async list(opts): Promise<ObjectPage> {
      opts.signal?.throwIfAborted();
      const [files, nextQuery, raw] = await within(
        conn.limits,
        () =>
          bucket.getFiles({
            autoPaginate: false,
            maxResults: Math.min(1000, Math.max(1, opts.max)),
            ...(opts.prefix ? { prefix: opts.prefix } : {}),
            ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
            ...(opts.next ? { pageToken: opts.next } : {}),
          }),
        opts.signal,
      );
      const objects: ObjectInfo[] = files.map((f) => {
        const md = f.metadata as GcsObjectResource;
        return {
          key: f.name,
          size: Number(md.size ?? 0),
          ...(md.updated ? { lastModified: new Date(md.updated).toISOString() } : {}),
          ...(md.storageClass ? { storageClass: md.storageClass } : {}),
        };
      });
      const prefixes = (raw as { prefixes?: unknown } | undefined)?.prefixes;
      const next = (nextQuery as { pageToken?: string } | null | undefined)?.pageToken;
      return {
        objects,
        prefixes: Array.isArray(prefixes) ? prefixes.filter((p): p is string => typeof p === 'string') : [],
        ...(next ? { next } : {}),
      };
    },
    async read(key, opts): Promise<Uint8Array> {
      if (opts.maxBytes <= 0) return new Uint8Array(0);
      opts.signal?.throwIfAborted();
      // A ranged read: validation is off (hashes cover whole objects only), the range bounds what is downloaded.
      const stream = bucket.file(key).createReadStream({ start: 0, end: opts.maxBytes - 1, validation: false });
      const onAbort = (): void => {
        stream.destroy(new Error('aborted'));
      };
      // The stream is destroyed when the call times out, the scan deadline passes or the caller aborts.
      return within(
        conn.limits,
        (signal) => {
          signal.addEventListener('abort', onAbort, { once: true });
          return readBounded(stream, opts.maxBytes);
        },
        opts.signal,
      );
    },
    close() {
      // The SDK keeps no connection of its own beyond the shared agent; nothing to free.
    },
  };
}
