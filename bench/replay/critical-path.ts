// Round trips on the critical path of each bucket, from the replay server's request log: a request that arrived
// after another request of the same bucket had been answered waited for it (one more round trip in a row); requests
// in flight together share one. Per bucket: the longest such chain. Pure.
import type { LoggedRequest } from './server.js';

export interface CriticalPath {
  buckets: number;
  /** Mean and largest chain over the buckets. */
  mean: number;
  max: number;
  /** Buckets by chain length: { "1": 998, "2": 2 }. */
  histogram: Record<string, number>;
}

/** The longest chain of one bucket's requests, each arriving after the previous one was answered. */
export function chainLength(requests: readonly Pick<LoggedRequest, 'start' | 'end'>[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  let longest = 0;
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const q = sorted[j];
      if (q && q.end <= r.start) d = Math.max(d, (depth[j] ?? 1) + 1);
    }
    depth.push(d);
    longest = Math.max(longest, d);
  });
  return longest;
}

export function criticalPath(log: readonly LoggedRequest[]): CriticalPath {
  const byBucket = new Map<string, LoggedRequest[]>();
  for (const r of log) {
    if (r.bucket === undefined) continue;
    const list = byBucket.get(r.bucket) ?? [];
    list.push(r);
    byBucket.set(r.bucket, list);
  }
  const histogram: Record<string, number> = {};
  let sum = 0;
  let max = 0;
  for (const requests of byBucket.values()) {
    const n = chainLength(requests);
    histogram[String(n)] = (histogram[String(n)] ?? 0) + 1;
    sum += n;
    max = Math.max(max, n);
  }
  return { buckets: byBucket.size, mean: byBucket.size === 0 ? 0 : sum / byBucket.size, max, histogram };
}
