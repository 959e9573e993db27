// --history on `scan`, `merge` and `report` (and `history:` in kumoscan.yml): which store, and the report enriched
// from it. Light at start-up: the store, its drivers and the report enrichment are imported only when used.
import type { Report } from '../../reports/render/json.js';
import type { Lang } from '../../reports/render/table.js';
import { UsageError } from '../errors.js';
import { locateConfig } from '../config/locate.js';
import type { Snapshot } from '../snapshot.js';
import { parseHistoryTarget, type HistoryTarget } from './target.js';

/** --history, else the configuration's `history:` (--config or ./kumoscan.yml); undefined when neither. Bad value: usage error. */
export async function historyTargetFrom(flag: string | undefined, configFlag: string | undefined): Promise<HistoryTarget | undefined> {
  // The YAML parser and the schema load only when a configuration file is there (start-up stays light).
  const value = flag ?? (locateConfig(configFlag) !== undefined ? (await import('../config/load.js')).findConfig(configFlag)?.config.history : undefined);
  if (value === undefined) return undefined;
  const target = parseHistoryTarget(value);
  if (typeof target === 'string') throw new UsageError(target);
  return target;
}

/** The run a command stores: a scan's snapshot with its report, a merged report; none for `report`. */
export type RunSource = { snapshot: Snapshot; report: Report } | { merged: Report } | null;

/** Stores the run (scan, merge), then enriches `report` from the history (src/history/record.ts). */
export async function reportWithHistory(target: HistoryTarget, report: Report, source: RunSource, exitCode: number, lang: Lang): Promise<{ report: Report; exitCode: number }> {
  const [{ withHistory }, { runRecordOf, runRecordOfReport }] = await Promise.all([import('./record.js'), import('./run-record.js')]);
  const run = source === null ? undefined : 'snapshot' in source ? runRecordOf(source.snapshot, source.report) : runRecordOfReport(source.merged);
  return withHistory({ target, report, ...(run !== undefined ? { run } : {}), exitCode, lang, stderr: (t) => process.stderr.write(t) });
}
