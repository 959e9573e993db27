// The S3 ObjectReader (src/data/object-reader.ts): ListObjectsV2 and ranged GetObject — read-only, bounded.
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { ObjectPage, ObjectReader } from '../../src/data/object-reader.js';
import { createAwsClients, type AwsConnectionOptions } from './clients.js';
import { errorCode } from './errors.js';

/** Reads at most maxBytes of a body stream, then stops reading (the rest is never downloaded past the range). */
async function readBounded(body: AsyncIterable<Uint8Array> | undefined, maxBytes: number): Promise<Uint8Array> {
  const out = new Uint8Array(maxBytes);
  let used = 0;
  if (!body) return out.subarray(0, 0);
  for await (const chunk of body) {
    const take = Math.min(chunk.length, maxBytes - used);
    out.set(chunk.subarray(0, take), used);
    used += take;
    if (used >= maxBytes) break;
  }
  return out.subarray(0, used);
}

/** The SDK's error with the code kumoscan records (AccessDenied for a bare 403 …), for the sampler's skip reasons. */
function coded(err: unknown): unknown {
  if (typeof err !== 'object' || err === null) return err;
  const code = errorCode(err);
  return (err as { name?: string }).name === code ? err : Object.assign(new Error((err as Error).message || code), { name: code });
}

export function openS3Reader(connection: AwsConnectionOptions, bucket: string, region: string | null): ObjectReader {
  const clients = createAwsClients(connection);
  const s3 = clients.s3(region ?? clients.homeRegion);
  return {
    list: (opts) => listPage(opts).catch((err: unknown) => Promise.reject(coded(err))),
    read: (key, opts) => readObject(key, opts).catch((err: unknown) => Promise.reject(coded(err))),
    close() {
      clients.destroy();
    },
  };

  async function listPage(opts: Parameters<ObjectReader['list']>[0]): Promise<ObjectPage> {
    const out = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        MaxKeys: Math.min(1000, Math.max(1, opts.max)),
        ...(opts.prefix ? { Prefix: opts.prefix } : {}),
        ...(opts.delimiter ? { Delimiter: opts.delimiter } : {}),
        ...(opts.next ? { ContinuationToken: opts.next } : {}),
      }),
      opts.signal ? { abortSignal: opts.signal } : {},
    );
    return {
      objects: (out.Contents ?? []).filter((o) => o.Key !== undefined).map((o) => ({
        key: o.Key as string,
        size: o.Size ?? 0,
        ...(o.LastModified ? { lastModified: o.LastModified.toISOString() } : {}),
        ...(o.StorageClass ? { storageClass: o.StorageClass } : {}),
      })),
      prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix).filter((p): p is string => p !== undefined),
      ...(out.IsTruncated && out.NextContinuationToken ? { next: out.NextContinuationToken } : {}),
    };
  }

  async function readObject(key: string, opts: Parameters<ObjectReader['read']>[1]): Promise<Uint8Array> {
    if (opts.maxBytes <= 0) return new Uint8Array(0);
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${opts.maxBytes - 1}` }), opts.signal ? { abortSignal: opts.signal } : {});
    const body = out.Body as AsyncIterable<Uint8Array> | undefined;
    return readBounded(body, opts.maxBytes);
  }
}
