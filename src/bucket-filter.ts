// --buckets GLOB: which bucket names a scan includes. Several globs may be given (repeated or comma-separated).
// --shard i/n: which shard of the buckets (src/shard.ts); adapters ask inShard() with the bucket name (AWS, GCS) or
// the storage account name (Azure).
import picomatch from 'picomatch';
import { shardOf, type Shard } from './shard.js';

export interface BucketFilter {
  matches(name: string): boolean;
  /** Patterns without glob characters: exact names that can be scanned even when listing is denied. */
  literalNames(): string[];
  /** The key (bucket name; Azure: storage account name) belongs to this run's shard; always true without --shard. */
  inShard(key: string): boolean;
  /** The shard of this run, when --shard was given. */
  shard?: Shard;
}

export function splitGlobs(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

export function compileBucketFilter(values: readonly string[], shard?: Shard): BucketFilter {
  const globs = splitGlobs(values);
  const sharding = shard !== undefined && shard.count > 1 ? shard : undefined;
  const inShard = sharding ? (key: string): boolean => shardOf(key, sharding.count) === sharding.index : (): boolean => true;
  const shardPart = shard !== undefined ? { shard } : {};
  if (globs.length === 0) return { matches: () => true, literalNames: () => [], inShard, ...shardPart };
  const matchers = globs.map((g) => picomatch(g, { dot: true }));
  return {
    matches: (name) => matchers.some((m) => m(name)),
    literalNames: () => globs.filter((g) => !picomatch.scan(g).isGlob),
    inShard,
    ...shardPart,
  };
}
