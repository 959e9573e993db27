// After `kumoscan scan --history …` wrote its report: the run goes into the history. A failure is one line on
// standard error (password masked) and exit 3; the report is already written.
import type { Report } from '../../reports/render/json.js';
import type { Lang } from '../../reports/render/table.js';
import { escapeControls } from '../text/sanitize.js';
import { EXIT } from '../errors.js';
import type { Snapshot } from '../snapshot.js';
import { HistoryError, openHistoryStore } from './open-store.js';
import { runRecordOf } from './run-record.js';
import type { HistoryTarget } from './target.js';

const FAILED: Record<Lang, (reason: string) => string> = {
  ja: (reason) => `kumoscan: 実行を履歴に保存できませんでした（レポートは出力済み）: ${reason}`,
  en: (reason) => `kumoscan: the run was not stored in the history (the report was written): ${reason}`,
};

const UNDATED: Record<Lang, string> = {
  ja: 'スナップショットに有効な "collectedAt" がないため、実行の日時を決められません',
  en: 'the snapshot has no valid "collectedAt", so the run cannot be dated',
};

/** Stores the run; returns the exit code to use (the scan's, or 3 when the history failed and no finding set 1). */
export async function recordRun(target: HistoryTarget, snapshot: Snapshot, report: Report, exitCode: number, lang: Lang, stderr: (text: string) => void): Promise<number> {
  const failed = (reason: string): number => {
    stderr(`${escapeControls(FAILED[lang](reason))}\n`);
    return exitCode === EXIT.FINDINGS ? exitCode : EXIT.INCOMPLETE;
  };
  const run = runRecordOf(snapshot, report);
  if (run === null) return failed(`${lang === 'ja' ? '履歴' : 'history'} ${target.label}: ${UNDATED[lang]}`);
  try {
    const store = await openHistoryStore(target);
    try {
      await store.storeRun(run);
    } finally {
      await store.close().catch(() => undefined);
    }
    return exitCode;
  } catch (err) {
    if (err instanceof HistoryError) return failed(err.text(lang));
    throw err;
  }
}
