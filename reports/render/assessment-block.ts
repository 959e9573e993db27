// The APPI verdict in plain console lines, shared by the scan table and `kumoscan demo`: how many resources are
// exposed and hold personal data, and for each one that may have to be reported to the PPC its estimate, the
// categories of 規則第7条, the My Number Act, the number of persons, the 速報 window and the 確報 date (with --history
// first the 発生日 the run history estimates, and with --evidence changes when it became public). Pure.
import type { ReportCategory } from '../appi/types.js';
import type { Report } from './json.js';
import { hanging, pad, widest } from './columns.js';
import { escapeControls } from '../../src/text/sanitize.js';
import { occurrenceRange } from '../appi/occurrence.js';
import { SOURCE_LABEL } from '../../src/evidence/changes/text.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { NOT_ESTIMATED, PROVIDER_LABEL, RESULT_LABEL, allViews, categoriesOf, summarize, type Lang, type ResourceView } from './view.js';
import { combinedPublicSinceLine } from './public-since-view.js';

type Row = 'occurred' | 'opened' | 'estimate' | 'reads' | 'categories' | 'myNumberAct' | 'persons' | 'preliminary' | 'final';

const ROW_LABEL: Record<Row, { ja: string; en: string }> = {
  occurred: { ja: '発生日（推定）', en: 'Occurred (estimate)' },
  opened: { ja: '公開状態の開始', en: 'Public since' },
  estimate: { ja: '推定', en: 'Estimate' },
  reads: { ja: '読取記録', en: 'Who read it' },
  categories: { ja: '規則第7条', en: 'Rules Art. 7' },
  myNumberAct: { ja: '番号法', en: 'My Number Act' },
  persons: { ja: '本人の数', en: 'Persons' },
  preliminary: { ja: '速報', en: 'Preliminary (速報)' },
  final: { ja: '確報', en: 'Final (確報)' },
};

const CATEGORY_SHORT: Record<ReportCategory, { ja: string; en: string }> = {
  1: { ja: '第1号（要配慮個人情報）', en: 'No. 1 (sensitive data)' },
  2: { ja: '第2号（財産的被害のおそれ）', en: 'No. 2 (financial damage)' },
  3: { ja: '第3号（不正の目的）', en: 'No. 3 (wrongful purpose)' },
  4: { ja: '第4号（1,000人超）', en: 'No. 4 (over 1,000 persons)' },
};

const num = (n: number): string => n.toLocaleString('en-US');

/** Resources that may have to be reported: estimated likely or review, under the My Number Act, or exposed personal data not estimated. */
export function reportableViews(views: readonly ResourceView[]): ResourceView[] {
  return views.filter(
    (v) =>
      v.resource !== null &&
      (v.reportability?.result === 'likely' || v.reportability?.result === 'review' || v.reportability?.myNumberAct.applies === true || (v.reportability === null && v.exposed === true && v.personalData === true)),
  );
}

function categoriesText(v: ResourceView, lang: Lang): string {
  if (!v.reportability) return NOT_ESTIMATED[lang];
  const { applies, open } = categoriesOf(v.reportability);
  const list = (cs: ReportCategory[]): string => cs.map((c) => CATEGORY_SHORT[c][lang]).join(lang === 'ja' ? '・' : ', ');
  const parts: string[] = [];
  if (applies.length) parts.push(lang === 'ja' ? `該当 ${list(applies)}` : list(applies));
  if (open.length) parts.push(lang === 'ja' ? `否定できない ${list(open)}` : `cannot rule out ${list(open)}`);
  if (parts.length === 0) return lang === 'ja' ? '該当なし' : 'none applies';
  return parts.join(lang === 'ja' ? '／' : '; ');
}

function myNumberText(v: ResourceView, lang: Lang): string {
  if (!v.reportability) return NOT_ESTIMATED[lang];
  if (!v.reportability.myNumberAct.applies) return lang === 'ja' ? '該当しない' : 'does not apply';
  return lang === 'ja' ? '該当（第29条の4）: 人数にかかわらず報告対象' : 'applies (Art. 29-4): reportable at any number of persons';
}

function personsText(v: ResourceView, lang: Lang): string {
  const p = v.resource?.data?.persons;
  if (!p) return lang === 'ja' ? '不明（サンプル未実施）' : 'unknown (not sampled)';
  const ja = lang === 'ja';
  const sampled = ja ? `サンプル内 ${num(p.sampled)}人` : `${num(p.sampled)} in the sample`;
  if (p.declared !== undefined) return ja ? `${num(p.declared)}人（申告、${sampled}）` : `${num(p.declared)} (declared; ${sampled})`;
  const { low, high } = p.estimate;
  if (low === high) return ja ? `${num(low)}人（${sampled}）` : `${num(low)} (${sampled})`;
  return ja ? `${num(low)}〜${num(high)}人（推定、${sampled}）` : `${num(low)}–${num(high)} (estimate; ${sampled})`;
}

function preliminaryText(v: ResourceView, lang: Lang): string {
  const d = v.deadlines;
  if (!d) return lang === 'ja' ? '未算定' : 'not computed';
  return lang === 'ja' ? `${d.preliminary.from}〜${d.preliminary.to}` : `${d.preliminary.from} to ${d.preliminary.to}`;
}

function finalText(v: ResourceView, lang: Lang): string {
  const d = v.deadlines;
  if (!d) return lang === 'ja' ? '未算定' : 'not computed';
  return lang === 'ja' ? `${d.final.due} まで（${d.final.days}日）` : `by ${d.final.due} (${d.final.days} days)`;
}

const VALUE: Record<Row, (v: ResourceView, lang: Lang) => string> = {
  estimate: (v, lang) => (v.reportability ? RESULT_LABEL[v.reportability.result][lang] : NOT_ESTIMATED[lang]),
  reads: (v, lang) => (v.readByOutsiders ? `${v.readByOutsiders.leak === 'occurred' ? (lang === 'ja' ? '漏えい（発生を確認）: ' : 'leaked (confirmed): ') : ''}${v.readByOutsiders.text[lang]}` : ''),
  categories: categoriesText,
  myNumberAct: myNumberText,
  persons: personsText,
  preliminary: preliminaryText,
  final: finalText,
  occurred: occurredText,
  opened: openedText,
};

/** When it became public, from its change log (--evidence changes), unless the run history dates it earlier; the row is left out without a change found. */
function openedText(v: ResourceView, lang: Lang): string {
  const c = v.resource?.openedBy?.change;
  if (!c) return '';
  // The run history saw it public before this change (or private after it): the combined line says so and why.
  if (v.since?.source === 'history') return combinedPublicSinceLine(v.since)[lang];
  const src = SOURCE_LABEL[c.source][lang];
  const who = c.principal ?? (lang === 'ja' ? '不明な主体' : 'an unknown principal');
  return lang === 'ja' ? `${formatLocalTime(c.time)}（${who} による変更。出典: ${src}）` : `${formatLocalTime(c.time)} (a change by ${who}; source: ${src})`;
}

/** 発生日 from the run history (--history); the row is left out without it. */
function occurredText(v: ResourceView, lang: Lang): string {
  return v.deadlines?.occurred ? occurrenceRange(v.deadlines.occurred)[lang] : '';
}

const ROWS: readonly Row[] = ['occurred', 'opened', 'estimate', 'reads', 'categories', 'myNumberAct', 'persons', 'preliminary', 'final'];

/** Two sentences: what is exposed with personal data, then how many are reportable. */
function countsLines(reports: readonly Report[], views: readonly ResourceView[], lang: Lang): [string, string] {
  const s = summarize(reports, views);
  const unsampled = views.filter((v) => v.resource !== null && v.exposed === true && v.personalData === null).length;
  if (lang === 'ja') {
    return [
      `リソース ${num(s.resources)}、誰でも読取・一覧可 ${num(s.exposed)}、うち個人データあり ${num(s.exposedPersonal)}${unsampled ? `、個人データ不明（未サンプル） ${num(unsampled)}` : ''}。`,
      `報告対象の可能性が高い ${num(s.likely.length)}、要確認 ${num(s.review.length)}。`,
    ];
  }
  return [
    `${num(s.resources)} resources, ${num(s.exposed)} readable or listable by anyone, ${num(s.exposedPersonal)} of them with personal data${unsampled ? `, ${num(unsampled)} not sampled (personal data unknown)` : ''}.`,
    `Likely reportable: ${num(s.likely.length)}; to review: ${num(s.review.length)}.`,
  ];
}

/** The block's lines (no trailing blank line); `views` when the caller already has them. */
export function assessmentBlock(reports: readonly Report[], lang: Lang, views: readonly ResourceView[] = allViews(reports)): string[] {
  const ja = lang === 'ja';
  const out: string[] = [ja ? '個人情報保護法の評価（個人情報保護委員会への漏えい等報告）' : 'APPI assessment (breach report to the PPC)'];
  for (const line of countsLines(reports, views, lang)) out.push(...hanging('  ', line));
  const reportable = reportableViews(views);
  if (reportable.length === 0) {
    out.push(ja ? '  報告対象と推定されたリソースはありません。' : '  No resource is estimated reportable.');
    return out;
  }
  const known = [...new Set(reportable.flatMap((v) => (v.deadlines ? [v.deadlines.discoveredAt] : [])))];
  if (known.length > 0) {
    out.push(...hanging('  ', ja ? `期限は知った日 ${known.join('、')} から数えています（--discovered-at で指定）。` : `Deadlines count from ${known.join(', ')}, the day the exposure became known (--discovered-at).`));
  }
  // 発生日 only with --history: without it the rows (and their width) are as before.
  const rows = ROWS.filter(
    (r) => (r !== 'occurred' || reportable.some((v) => v.deadlines?.occurred)) && (r !== 'opened' || reportable.some((v) => v.resource?.openedBy?.change)) && (r !== 'reads' || reportable.some((v) => v.readByOutsiders)),
  );
  const labelWidth = widest(rows.map((r) => ROW_LABEL[r][lang]));
  for (const v of reportable) {
    const provider = PROVIDER_LABEL[v.provider];
    out.push('', `  ${escapeControls(v.name)}${ja ? `（${provider}）` : ` (${provider})`}`);
    for (const row of rows) {
      const value = VALUE[row](v, lang);
      if (value !== '') out.push(...hanging(`    ${pad(ROW_LABEL[row][lang], labelWidth)}  `, value));
    }
  }
  return out;
}

