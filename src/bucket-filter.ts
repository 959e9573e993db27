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

/**
 * The one line (ja, en) when --buckets matched no bucket: an empty report would read as a clean result. null when
 * no filter was given, something matched, the scan is incomplete (a failed listing is reported as such, exit 3),
 * or the run is one shard of several (a shard may hold none of a few matching buckets).
 */
export function emptyFilterMessage(scope: { bucketFilter: readonly string[]; accounts: readonly string[] }, resources: number, complete: boolean, shard?: Shard): { ja: string; en: string } | null {
  if (scope.bucketFilter.length === 0 || resources > 0 || !complete || (shard !== undefined && shard.count > 1)) return null;
  const globs = scope.bucketFilter.map((g) => `'${g}'`).join(', ');
  const where = scope.accounts.join(', ');
  return {
    ja: `--buckets ${globs} に一致するバケットがありません（${where}）。何も検査していないため、結果はありません。パターンを確認してください（バケット名、Azure ではコンテナー名か「アカウント/コンテナー」と照合します）。`,
    en: `--buckets ${globs} matched no bucket (${where}): nothing was checked, so there is no result. Check the pattern (it is matched against bucket names; Azure: container or account/container).`,
  };
}
