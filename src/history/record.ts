// --history on `scan`, `merge` and `report`: the run (scan, merge) goes into the history, then the report is enriched
// with what the history says (reports/history.ts: public since, 発生日, the still-reportable window) before it is
// written. A failure is one line on standard error (password masked) and exit 3; the report is written all the same,
// without what could not be read.
import { applyHistory } from '../../reports/history.js';
import type { Report } from '../../reports/render/json.js';
import type { Lang } from '../../reports/render/table.js';
import { escapeControls } from '../text/sanitize.js';
import { EXIT } from '../errors.js';
import { HistoryError, openHistoryStore } from './open-store.js';
import { historyFacts } from './report-history.js';
import type { RunRecord } from './store.js';
import type { HistoryTarget } from './target.js';

const NOT_STORED: Record<Lang, (reason: string) => string> = {
  ja: (reason) => `kumoscan: 実行を履歴に保存できませんでした（レポートは出力済み）: ${reason}`,
  en: (reason) => `kumoscan: the run was not stored in the history (the report was written): ${reason}`,
};

const NOT_READ: Record<Lang, (reason: string) => string> = {
  ja: (reason) => `kumoscan: 履歴を読み取れませんでした（レポートは履歴の情報なしで出力済み）: ${reason}`,
  en: (reason) => `kumoscan: the history could not be read (the report was written without it): ${reason}`,
};

const UNDATED: Record<Lang, string> = {
  ja: 'スナップショットに有効な "collectedAt" がないため、実行の日時を決められません',
  en: 'the snapshot has no valid "collectedAt", so the run cannot be dated',
};

export interface HistoryRequest {
  target: HistoryTarget;
  report: Report;
  /** The run to store first (scan, merge); null: it could not be dated; absent: nothing to store (`report`). */
  run?: RunRecord | null;
  /** The command's exit code so far. */
  exitCode: number;
  lang: Lang;
  stderr: (text: string) => void;
}

/** Stores the run (when given), reads the history; the report to write and the exit code (3 when the history failed and no finding set 1). */
export async function withHistory(req: HistoryRequest): Promise<{ report: Report; exitCode: number }> {
  const { target, lang } = req;
  let exitCode = req.exitCode;
  const failed = (line: string): void => {
    req.stderr(`${escapeControls(line)}\n`);
    exitCode = req.exitCode === EXIT.FINDINGS ? req.exitCode : EXIT.INCOMPLETE;
  };
  if (req.run === null) failed(NOT_STORED[lang](`${lang === 'ja' ? '履歴' : 'history'} ${target.label}: ${UNDATED[lang]}`));
  let stored = req.run === undefined || req.run === null;
  try {
    const store = await openHistoryStore(target);
    try {
      if (req.run) await store.storeRun(req.run);
      stored = true;
      const facts = await historyFacts(store, req.report, req.run?.id);
      return { report: applyHistory(req.report, facts), exitCode };
    } finally {
      await store.close().catch(() => undefined);
    }
  } catch (err) {
    if (!(err instanceof HistoryError)) throw err;
    failed((stored ? NOT_READ : NOT_STORED)[lang](err.text(lang)));
    return { report: req.report, exitCode };
  }
}
