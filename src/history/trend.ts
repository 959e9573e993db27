// `history trend` (pure): per stored run, findings by severity, new findings, resolved findings, and exposed
// resources with personal data. A run is compared with the earlier runs of the same scope (cloud, accounts, shard,
// bucket filter): a shard is compared with the same shard, never with its siblings. The findings still open in a
// scope are those of its last complete run plus any seen since by a partial run; a partial run adds what it saw and
// never resolves anything (its "resolved" is null: not known).
import { SEVERITIES, type Severity } from '../model.js';
import type { RunSummary, TrendCounts, TrendInput } from './store.js';

export interface TrendRow {
  runId: string;
  scannedAt: string;
  provider: RunSummary['provider'];
  accounts: string[];
  shard: RunSummary['shard'];
  complete: boolean;
  findings: Record<Severity, number>;
  /** Findings of this run not open in its scope before it (every finding of the scope's first run). */
  newFindings: number;
  /** Findings open in its scope before it and absent now; null for a partial run (it never resolves). */
  resolvedFindings: number | null;
  /** Resources open to anyone on which a sample found personal data. */
  exposedPersonal: number;
}

/** The scope a run speaks for: runs of one scope are compared with each other only. */
export function scopeKey(run: Pick<RunSummary, 'accounts' | 'shard' | 'bucketFilter'> & { provider: string }): string {
  return JSON.stringify([run.provider, [...run.accounts].sort(), run.shard ? `${run.shard.index}/${run.shard.count}` : null, [...run.bucketFilter].sort()]);
}

function chronological(a: { run: RunSummary }, b: { run: RunSummary }): number {
  const x = a.run;
  const y = b.run;
  return x.scannedAt < y.scannedAt ? -1 : x.scannedAt > y.scannedAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** One row per run, oldest first, from the counts the store computes (store.trendCounts, one SQL statement). */
export function trendRowsOfCounts(counts: readonly TrendCounts[]): TrendRow[] {
  return [...counts].sort(chronological).map(({ run, newFindings, resolvedFindings, exposedPersonal }) => ({
    runId: run.id,
    scannedAt: run.scannedAt,
    provider: run.provider,
    accounts: [...run.accounts],
    shard: run.shard,
    complete: run.complete,
    findings: Object.fromEntries(SEVERITIES.map((s) => [s, run.findings[s]])) as Record<Severity, number>,
    newFindings,
    resolvedFindings,
    exposedPersonal,
  }));
}

/**
 * The counts from every run's finding ids: the rule itself, which the store's SQL (kysely-store.ts trendCounts)
 * computes without reading the ids. One row per run, oldest first.
 */
export function trendRows(inputs: readonly TrendInput[]): TrendRow[] {
  const openByScope = new Map<string, Set<string>>();
  const counts = [...inputs].sort(chronological).map(({ run, findingIds, exposedPersonal }): TrendCounts => {
    const key = scopeKey(run);
    const open = openByScope.get(key) ?? new Set<string>();
    const now = new Set(findingIds);
    const newFindings = [...now].filter((id) => !open.has(id)).length;
    let resolvedFindings: number | null = null;
    if (run.complete) {
      resolvedFindings = [...open].filter((id) => !now.has(id)).length;
      openByScope.set(key, now);
    } else {
      openByScope.set(key, new Set([...open, ...now]));
    }
    return { run, newFindings, resolvedFindings, exposedPersonal };
  });
  return trendRowsOfCounts(counts);
}

/** Every finding of a row (all severities). */
export function findingTotal(row: Pick<TrendRow, 'findings'>): number {
  return SEVERITIES.reduce((n, s) => n + row.findings[s], 0);
}
