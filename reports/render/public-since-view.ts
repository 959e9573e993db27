// What every renderer shows of --history (reports/history.ts): "public since" of a resource open to anyone, with
// the bounds the run history gives it, in one line per language. Times in Asia/Tokyo, run ids as `history runs`
// shows them (12 characters).
import type { I18n } from '../../src/model.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { SOURCE_LABEL } from '../../src/evidence/changes/text.js';
import type { OpeningChange } from '../../src/evidence/changes/types.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { changeNotTaken, combinedPublicSince, type CombinedPublicSince } from '../public-since.js';
import type { Report } from './json.js';

export const PUBLIC_SINCE_LABEL: I18n = { ja: '公開開始（実行履歴）', en: 'Public since (run history)' };
const CHANGES_LABEL: I18n = { ja: '公開開始（変更履歴）', en: 'Public since (change logs)' };
const BOTH_LABEL: I18n = { ja: '公開開始（実行履歴・変更履歴）', en: 'Public since (run history and change logs)' };

const short = (id: string): string => id.slice(0, 12);

/** "public since between A and B (last private run … / first public run …)" or "at least since B (…)". */
export function publicSinceLine(p: PublicSince): I18n {
  const by = formatLocalTime(p.latest);
  if (p.earliest === null || p.lastPrivateRun === null) {
    return {
      ja: `遅くとも ${by} から公開（記録された最初の実行 ${short(p.firstPublicRun.id)} で既に公開）`,
      en: `public since at least ${by} (public in the first run recorded, ${short(p.firstPublicRun.id)})`,
    };
  }
  const after = formatLocalTime(p.earliest);
  return {
    ja: `${after} から ${by} の間に公開（最後に非公開だった実行 ${short(p.lastPrivateRun.id)} ／ 最初に公開だった実行 ${short(p.firstPublicRun.id)}）`,
    en: `public since between ${after} and ${by} (last private run ${short(p.lastPrivateRun.id)} / first public run ${short(p.firstPublicRun.id)})`,
  };
}

/** "<source>, <action>" of a change, with what its basis means when it is not a change that opened it. */
function changeRef(c: OpeningChange): I18n {
  const src = SOURCE_LABEL[c.source];
  const basis: I18n = c.basis === 'content-unknown' ? { ja: '、変更内容はログにありません', en: '; the log does not show what changed' } : c.basis === 'created' ? { ja: '、作成時の記録', en: '; its creation' } : { ja: '', en: '' };
  return { ja: `${src.ja}、${c.action}${basis.ja}`, en: `${src.en}, ${c.action}${basis.en}` };
}

/**
 * The one "public since" line of a resource, with both sources: the change log's time when it is the earliest bound
 * (the run history after it), else the run history's bounds (the change after it, and why it is not taken).
 */
export function combinedPublicSinceLine(c: CombinedPublicSince): I18n {
  const h = c.history;
  const ch = c.change;
  if (ch && c.source !== 'history') {
    const ref = changeRef(ch);
    const head: I18n = { ja: `${formatLocalTime(ch.time)} から公開（出典: ${ref.ja}）`, en: `public since ${formatLocalTime(ch.time)} (source: ${ref.en})` };
    if (!h) return head;
    const line = publicSinceLine(h);
    return { ja: `${head.ja}。実行履歴: ${line.ja}`, en: `${head.en}; run history: ${line.en}` };
  }
  if (!h) return { ja: '', en: '' };
  const line = publicSinceLine(h);
  if (!ch) return line;
  const ref = changeRef(ch);
  const at = formatLocalTime(ch.time);
  const why = changeNotTaken(c) === 'history-earlier'
    ? { ja: '実行履歴ではそれより前から公開のため、公開開始の根拠としていません', en: 'not taken: the run history saw it public before then' }
    : { ja: 'その後の実行で非公開を確認しているため、公開開始の根拠としていません', en: 'not taken: a later run still saw it private' };
  return { ja: `${line.ja}。変更履歴: ${at}（${ref.ja}）は、${why.ja}`, en: `${line.en}; change log: ${at} (${ref.en}), ${why.en}` };
}

/** The report's "public since" from the run history by resource id (empty without --history). */
export function publicSinceByResource(report: Report): Map<string, PublicSince> {
  return new Map((report.history?.publicSince ?? []).map(({ resourceId, ...p }) => [resourceId, p]));
}

/** The report's combined "public since" (run history and change log) by resource id. */
export function combinedPublicSinceByResource(report: Report): Map<string, CombinedPublicSince> {
  return new Map(combinedPublicSince(report).map(({ resourceId, ...c }) => [resourceId, c]));
}

/** The label of a "public since" section or line: which sources its entries come from. */
export function publicSinceLabel(entries: readonly Pick<CombinedPublicSince, 'history' | 'change'>[]): I18n {
  const history = entries.some((e) => e.history !== null);
  const changes = entries.some((e) => e.change !== null);
  return changes ? (history ? BOTH_LABEL : CHANGES_LABEL) : PUBLIC_SINCE_LABEL;
}

/** Each public resource of the reports with a "public since" from either source, in the reports' order: its name and the line. */
export function publicSinceEntries(reports: readonly Report[]): { name: string; line: I18n; since: CombinedPublicSince }[] {
  return reports.flatMap((report) => {
    const names = new Map(report.resources.map((r) => [r.id, r.name]));
    return combinedPublicSince(report).map(({ resourceId, ...since }) => ({ name: names.get(resourceId) ?? resourceId, line: combinedPublicSinceLine(since), since }));
  });
}
