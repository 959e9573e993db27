// What every renderer shows of --baseline (reports/baseline.ts): the state labels and the summary line.
import type { I18n } from '../../src/model.js';
import type { BaselineSummary, Report } from './json.js';

export type BaselineMark = 'new' | 'unchanged' | 'resolved';

export const BASELINE_LABEL: Record<BaselineMark, I18n> = {
  new: { ja: '新規', en: 'new' },
  unchanged: { ja: '継続', en: 'unchanged' },
  resolved: { ja: '解消', en: 'resolved' },
};

/** The reports carry baseline states (a --baseline was applied). */
export function hasBaseline(reports: readonly Report[]): boolean {
  return reports.some((r) => r.summary.baseline !== undefined);
}

export function baselineLine(b: BaselineSummary): I18n {
  const file = b.file ? ` ${b.file}` : '';
  return {
    ja: `ベースライン${file}（${b.against}）との比較: 新規 ${b.new}、継続 ${b.unchanged}、解消 ${b.resolved}、対象外 ${b.notCovered}（今回の実行で確認していないリソースの指摘）。`,
    en: `Against the baseline${file} (${b.against}): ${b.new} new, ${b.unchanged} unchanged, ${b.resolved} resolved, ${b.notCovered} not covered (findings on resources this run did not look at).`,
  };
}
