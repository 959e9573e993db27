// --shard i/n: which part of an account's buckets this run scans, so Kubernetes Indexed Jobs and AWS Batch array
// jobs can run parts in parallel and `kumoscan merge` joins them. The split is a hash of a stable key (the bucket
// name; for Azure the storage account name, so an account's containers and its account-level settings stay
// together), never the listing order or a random number: every run puts the same bucket in the same shard.
import { createHash } from 'node:crypto';
import type { Resource } from './model.js';

export interface Shard {
  /** 0 … count-1 (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX). */
  index: number;
  count: number;
}

/** The largest shard count accepted (a sanity bound, not a design limit). */
export const MAX_SHARDS = 10_000;

/**
 * Parses `i/n` (0 ≤ i < n, 1 ≤ n ≤ 10000); returns an error message for anything else. INDEX may also name an
 * environment variable that holds it (`AWS_BATCH_JOB_ARRAY_INDEX/4`), for runners that pass arguments without a
 * shell (AWS Batch, ECS).
 */
export function parseShard(value: string, env: NodeJS.ProcessEnv = process.env): Shard | string {
  const named = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\/\s*(\d+)\s*$/.exec(value);
  if (named) {
    const name = named[1] ?? '';
    const held = env[name];
    if (held === undefined || held === '') return `the environment variable ${name} is not set`;
    if (!/^\d+$/.test(held.trim())) return `the environment variable ${name} must hold a whole number, not "${held}"`;
    return parseShard(`${held.trim()}/${named[2] ?? ''}`, {});
  }
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return `must be INDEX/COUNT with whole numbers, e.g. 0/4 (got "${value}")`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return `the shard count must be from 1 to ${MAX_SHARDS} (got ${count})`;
  if (index >= count) return `the shard index must be from 0 to ${count - 1} (got ${index}): shards are numbered from 0, as JOB_COMPLETION_INDEX is`;
  return { index, count };
}

/** The shard (0 … count-1) of a key: the first 32 bits of its SHA-256, modulo count. */
export function shardOf(key: string, count: number): number {
  if (count <= 1) return 0;
  return createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count;
}

/** The key a resource is sharded by: the bucket name, or for Azure the storage account name. */
export function shardKeyOf(resource: Pick<Resource, 'provider' | 'name'> & { azure?: { storageAccount: string } }): string {
  if (resource.provider === 'azure') return resource.azure?.storageAccount ?? resource.name.split('/')[0] ?? resource.name;
  return resource.name;
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
