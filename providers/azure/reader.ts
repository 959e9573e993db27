// The Azure Blob ObjectReader (src/data/object-reader.ts): List Blobs and ranged Get Blob — read-only, bounded.
// ARM mode reads through the account's blob endpoint with the Microsoft Entra credential (Storage Blob Data Reader);
// data-plane mode through the same connection string / account URL the scan used.
import type { ContainerClient } from '@azure/storage-blob';
import type { ObjectInfo, ObjectPage, ObjectReader } from '../../src/data/object-reader.js';
import type { Resource } from '../../src/model.js';
import { armDataPlaneClient, dataPlaneClient, type AzureConnectionOptions } from './clients.js';
import { within } from '../../src/call-limits.js';
import { containerNameOf } from './normalize.js';

function containerClientFor(connection: AzureConnectionOptions, resource: Resource): ContainerClient {
  const container = containerNameOf(resource);
  if (resource.azure?.source === 'data-plane') return dataPlaneClient(connection).client.getContainerClient(container);
  const endpoint = resource.azure?.blobEndpoint;
  if (!endpoint) throw new Error(`no blob endpoint known for ${resource.name}`);
  return armDataPlaneClient(endpoint, connection).getContainerClient(container);
}

interface BlobItemLike {
  name: string;
  properties: { contentLength?: number; lastModified?: Date; accessTier?: string };
}

function info(item: BlobItemLike): ObjectInfo {
  const p = item.properties;
  return {
    key: item.name,
    size: p.contentLength ?? 0,
    ...(p.lastModified ? { lastModified: p.lastModified.toISOString() } : {}),
    ...(p.accessTier ? { storageClass: p.accessTier } : {}),
  };
}

/** Reads at most maxBytes of a Node stream, then stops reading. */
async function readBounded(body: NodeJS.ReadableStream | undefined, maxBytes: number): Promise<Uint8Array> {
  const out = new Uint8Array(maxBytes);
  let used = 0;
  if (!body) return out.subarray(0, 0);
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    const take = Math.min(bytes.length, maxBytes - used);
    out.set(bytes.subarray(0, take), used);
    used += take;
    if (used >= maxBytes) break;
  }
  return out.subarray(0, used);
}

export function openAzureReader(connection: AzureConnectionOptions, resource: Resource): ObjectReader {
  const container = containerClientFor(connection, resource);
  return {
    list: (opts) => within(connection.limits, (signal) => listPage(container, { ...opts, signal }), opts.signal),
    read: (key, opts) =>
      within(
        connection.limits,
        async (signal) => {
          if (opts.maxBytes <= 0) return new Uint8Array(0);
          const res = await container.getBlobClient(key).download(0, opts.maxBytes, { abortSignal: signal });
          return readBounded(res.readableStreamBody, opts.maxBytes);
        },
        opts.signal,
      ),
    close() {
      // The SDK keeps no connection that needs closing beyond Node's keep-alive agent.
    },
  };
}

/** One page of List Blobs (flat, or by hierarchy with a delimiter). */
async function listPage(container: ContainerClient, opts: Parameters<ObjectReader['list']>[0]): Promise<ObjectPage> {
  const maxPageSize = Math.min(5000, Math.max(1, opts.max));
  const settings = { maxPageSize, ...(opts.next ? { continuationToken: opts.next } : {}) };
  const listOptions = { ...(opts.prefix ? { prefix: opts.prefix } : {}), ...(opts.signal ? { abortSignal: opts.signal } : {}) };
  if (opts.delimiter) {
    const page = (await container.listBlobsByHierarchy(opts.delimiter, listOptions).byPage(settings).next()).value;
    if (!page) return { objects: [], prefixes: [] };
    return {
      objects: page.segment.blobItems.map(info),
      prefixes: (page.segment.blobPrefixes ?? []).map((p: { name: string }) => p.name),
      ...(page.continuationToken ? { next: page.continuationToken } : {}),
    };
  }
  const page = (await container.listBlobsFlat(listOptions).byPage(settings).next()).value;
  if (!page) return { objects: [], prefixes: [] };
  return { objects: page.segment.blobItems.map(info), prefixes: [], ...(page.continuationToken ? { next: page.continuationToken } : {}) };
}
