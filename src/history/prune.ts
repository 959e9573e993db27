// `kumoscan history prune --keep-days N` (pure parts): N checked, the cut-off time, and what was removed as text
// (ja or en, each whole) or JSON. The store deletes the runs and their rows in one transaction.
import type { Lang } from '../../reports/render/table.js';
import type { PruneResult } from './store.js';
import { formatLocalTime } from '../text/local-time.js';

const DAY_MS = 86_400_000;
/** 1,000 years: anything longer is a typo, not a retention period. */
const MAX_KEEP_DAYS = 365_000;

/** N as days, or the one-line message for a value that is not a positive whole number. */
export function parseKeepDays(value: string): number | string {
  const v = value.trim();
  if (!/^[1-9][0-9]*$/.test(v) || Number(v) > MAX_KEEP_DAYS) return `--keep-days must be a positive whole number of days (1 to ${MAX_KEEP_DAYS}), not "${value}"`;
  return Number(v);
}

/** Runs collected before this time (ISO 8601 UTC) are removed. */
export function pruneCutoff(keepDays: number, now: Date): string {
  return new Date(now.getTime() - keepDays * DAY_MS).toISOString();
}

export interface PruneReport extends PruneResult {
  keepDays: number;
  before: string;
}

export function renderPruneText(p: PruneReport, lang: Lang): string {
  const head =
    p.runs.length === 0
      ? lang === 'ja'
        ? `削除するものはありません: ${formatLocalTime(p.before)} より前に収集された実行はありません（保持 ${p.keepDays} 日）。`
        : `Nothing to remove: no run was collected before ${formatLocalTime(p.before)} (keeping ${p.keepDays} days).`
      : lang === 'ja'
        ? `${formatLocalTime(p.before)} より前に収集された実行 ${p.runs.length} 件を削除しました（保持 ${p.keepDays} 日）: リソースの行 ${p.resourceRows} 件、指摘の行 ${p.findingRows} 件。`
        : `Removed ${p.runs.length} run${p.runs.length === 1 ? '' : 's'} collected before ${formatLocalTime(p.before)} (keeping ${p.keepDays} days): ${p.resourceRows} resource rows, ${p.findingRows} finding rows.`;
  const lines = p.runs.map((r) => `  ${formatLocalTime(r.scannedAt)}  ${r.id.slice(0, 12)}  ${r.resources}  ${lang === 'ja' ? (r.complete ? '完全' : '部分') : r.complete ? 'complete' : 'partial'}`);
  return [head, ...lines, ''].join('\n');
}

/** JSON: the runs as `history runs` lists them, with the counts. */
export function pruneJson(p: PruneReport): unknown {
  return { prune: { keepDays: p.keepDays, before: p.before, runs: p.runs, resourceRows: p.resourceRows, findingRows: p.findingRows } };
}
