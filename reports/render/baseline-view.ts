// What every renderer shows of --baseline (reports/baseline.ts): the state labels and the summary line.
import type { I18n } from '../../src/model.js';
import type { BaselineSummary, Report, StillReportable } from './json.js';
import { formatLocalTime } from '../../src/text/local-time.js';

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
  const at = formatLocalTime(b.against);
  const still = b.stillReportable ? { ja: `（うち報告対象の可能性あり ${b.stillReportable}）`, en: ` (${b.stillReportable} still reportable)` } : { ja: '', en: '' };
  return {
    ja: `ベースライン${file}（${at}）との比較: 新規 ${b.new}、継続 ${b.unchanged}、解消 ${b.resolved}${still.ja}、対象外 ${b.notCovered}（今回の実行で確認していないリソースの指摘）。`,
    en: `Against the baseline${file} (${at}): ${b.new} new, ${b.unchanged} unchanged, ${b.resolved} resolved${still.en}, ${b.notCovered} not covered (findings on resources this run did not look at).`,
  };
}

/** The mark of a resolved finding that is still reportable. */
export const STILL_REPORTABLE_LABEL: I18n = { ja: '解消済み—報告対象の可能性あり', en: 'resolved — still reportable' };

/** The exposure window as bounds: exposed since `firstSeenBy` or earlier, fixed after `resolvedAfter` and by `resolvedBy`. */
export function exposureWindowLine(s: StillReportable): I18n {
  const [first, after, by] = [s.firstSeenBy, s.resolvedAfter, s.resolvedBy].map(formatLocalTime);
  const p = s.basis === 'history' ? s.publicSince : undefined;
  if (p) {
    const from: I18n = p.earliest === null ? { ja: `遅くとも ${first} から`, en: `from ${first} or earlier` } : { ja: `${formatLocalTime(p.earliest)} から ${first} の間に公開され`, en: `from between ${formatLocalTime(p.earliest)} and ${first}` };
    return {
      ja: `公開期間: ${from.ja}、${after} より後 ${by} までの間に解消（実行履歴による）`,
      en: `exposed ${from.en} until a fix after ${after} and by ${by} (from the run history)`,
    };
  }
  return {
    ja: `公開期間: ${first} 以前から、${after} より後 ${by} までの間に解消`,
    en: `exposed from ${first} or earlier until a fix after ${after} and by ${by}`,
  };
}

/** The deadlines that keep running from 知った日: 速報 window and 確報 date. */
export function stillReportableDeadlinesLine(s: StillReportable): I18n {
  const d = s.deadlines;
  return {
    ja: `知った日 ${d.discoveredAt}、速報 ${d.preliminary.from}〜${d.preliminary.to}、確報 ${d.final.due}まで（${d.final.days}日）`,
    en: `知った日 (day known) ${d.discoveredAt}, 速報 (preliminary report) ${d.preliminary.from} – ${d.preliminary.to}, 確報 (final report) by ${d.final.due} (${d.final.days} days)`,
  };
}

/** One line for every renderer: the mark, the window, the deadlines, and why they still hold. */
export function stillReportableLine(s: StillReportable): I18n {
  const w = exposureWindowLine(s);
  const d = stillReportableDeadlinesLine(s);
  return {
    ja: `${STILL_REPORTABLE_LABEL.ja}（「${s.resourceName}」）: ${w.ja}。${d.ja}。設定を直しても、公開中に生じた漏えい等の報告の要否と期限は変わりません。`,
    en: `${STILL_REPORTABLE_LABEL.en} ("${s.resourceName}"): ${w.en}; ${d.en}. Fixing the setting does not undo the exposure: the duty to report and its deadlines stay.`,
  };
}
