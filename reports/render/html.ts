// The HTML report for compliance: ONE self-contained file (inline CSS, one inline script admitted by its hash, inline
// SVG charts; no external request — a Content-Security-Policy of default-src 'none' enforces it), Japanese and English
// with a switch. Reading order: the first screen (what is public, what personal data, reportable, by when), charts,
// the view per APPI duty, a compact sortable and searchable table of every resource, then closed cards with the
// detail of the most urgent resources. Printing gives a few A4 pages (cover, KPIs, deadlines, exposed personal data,
// PPC drafts); a button prints everything. Pure: reports in, a string out. Every string from a report goes through
// esc() — bucket names, object keys and evidence are data, never markup. The parts live in ./html/.
import type { I18n } from '../../src/model.js';
import { tokyoDate } from '../appi/deadlines.js';
import type { Report } from './json.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { PROVIDER_LABEL, allViews, type Lang, type ResourceView } from './view.js';
import { coverageOf, dutyCoverage, failingByAccountScope } from './coverage.js';
import { card } from './html/card.js';
import { charts } from './html/charts/index.js';
import { closingParts } from './html/closing.js';
import { dutiesView } from './html/duties-view.js';
import { coverPart, printSummaryPart } from './html/print.js';
import { resourceTableParts } from './html/resource-table.js';
import { joinedPieces } from './pieces.js';
import { JS, SCRIPT_HASH } from './html/script.js';
import { CSS, pageCss } from './html/style.js';
import { filtersPart, summaryPart } from './html/summary.js';
import { esc, t, tt } from './html/text.js';

export { esc } from './html/text.js';
export { SCRIPT_HASH } from './html/script.js';

export interface HtmlOptions {
  /** The language shown first (the reader can switch). Default ja. */
  lang?: Lang;
  /** A title above the summary, e.g. "kumoscan demo". */
  title?: I18n;
  /** "Today" on the deadline timeline; default now. */
  now?: Date;
}

/** Cards (full detail) for at most this many resources, most urgent first; every resource is in the table. */
export const CARD_LIMIT = 25;

function scopeText(reports: readonly Report[]): string {
  const s = reports.map((r) => `${PROVIDER_LABEL[r.scope.provider]} ${r.scope.accounts.join(', ')}`.trim()).join(' / ');
  return s.length > 90 ? `${s.slice(0, 89)}…` : s;
}

/** The resources with a card (the CARD_LIMIT most urgent) and their card's index. */
function cardIndex(views: readonly ResourceView[]): Map<ResourceView, number> {
  return new Map(views.slice(0, CARD_LIMIT).map((v, i) => [v, i]));
}

/** The cards, one part each (a card of a resource with many findings is long). */
function* cardsParts(views: readonly ResourceView[], reports: readonly Report[]): Generator<string> {
  const withCards = views.slice(0, CARD_LIMIT);
  const byScope = new Map(reports.map((r) => [r, failingByAccountScope(r)]));
  const rest = views.length - withCards.length;
  const note = rest > 0
    ? `<p class="notice" id="cards-capped">${tt(`詳細カードは緊急度の高い ${withCards.length.toLocaleString('en-US')} 件のみです。残りの ${rest.toLocaleString('en-US')} 件は上の一覧にあり、すべての詳細は JSON レポートにあります（kumoscan report で Markdown などにも変換できます）。`, `Detail cards are shown for the ${withCards.length.toLocaleString('en-US')} most urgent resources only. The other ${rest.toLocaleString('en-US')} are in the table above; every detail is in the JSON report (kumoscan report renders it as Markdown and more).`)}</p>`
    : '';
  yield `${note}<section id="resources">\n`;
  for (const [i, v] of withCards.entries()) yield `${i === 0 ? '' : '\n'}${card(v, i, coverageOf(v, byScope.get(v.report)))}`;
  yield '\n</section>';
}

/** Renders one or more reports (e.g. one per provider) as one page. */
export function renderHtml(input: Report | readonly Report[], opts: HtmlOptions = {}): string {
  return [...htmlParts(input, opts)].join('');
}

/** The page of renderHtml in pieces of about 32K characters, for writing (src/io/atomic-write.ts). */
export function htmlChunks(input: Report | readonly Report[], opts: HtmlOptions = {}): Generator<string> {
  return joinedPieces(htmlParts(input, opts));
}

/** The page as parts: the sections before the resource table, each of its rows, the sections after it. */
function* htmlParts(input: Report | readonly Report[], opts: HtmlOptions): Generator<string> {
  const reports: readonly Report[] = Array.isArray(input) ? input : [input as Report];
  const lang = opts.lang ?? 'ja';
  const views = allViews(reports);
  const first = reports[0];
  const notLegalAdvice = first?.assessment.notLegalAdvice ?? { ja: '本評価は法的助言ではなく、判断材料です。', en: 'This assessment is not legal advice; it is material for your own judgement.' };
  const title = opts.title ?? { ja: '個人情報保護法に基づくクラウドストレージ評価レポート', en: 'Cloud storage exposure and APPI assessment report' };
  const version = first?.tool.version ?? '';
  const scannedAt = reports.map((r) => r.scannedAt).sort().at(-1) ?? '';
  const scanDate = formatLocalTime(scannedAt);
  const scope = scopeText(reports);
  const today = tokyoDate((opts.now ?? new Date()).toISOString());
  const cardOf = cardIndex(views);
  const chartList = charts(reports, views, today);
  yield `<!DOCTYPE html>
<html lang="${lang}" data-lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="kumoscan ${esc(version)}">
<title>kumoscan — ${esc(title[lang])}</title>
<style>${CSS}${pageCss(scope, scanDate)}</style>
</head>
<body>
<header class="top"><div class="brand">kumoscan<small>${tt('雲スキャン ', '')}${esc(version)}</small></div>
<div class="lang no-print" role="group" aria-label="language"><button type="button" data-set-lang="ja" aria-pressed="${lang === 'ja'}">日本語</button><button type="button" data-set-lang="en" aria-pressed="${lang === 'en'}">English</button></div></header>
<main>
${coverPart(title, scope, scanDate, notLegalAdvice)}
<h1>${t(title)}</h1>
<p class="meta">${tt('スキャン日時', 'Scanned')}: ${esc(scanDate)} · ${esc(reports.map((r) => PROVIDER_LABEL[r.scope.provider]).join(' / '))} <button type="button" class="no-print" id="print-full">${tt('詳細をすべて印刷', 'Print with every detail')}</button></p>
<p class="notice" id="not-legal-advice"><strong>${t(notLegalAdvice)}</strong></p>
${first ? `<p class="framing">${t(first.assessment.framing)}</p>` : ''}
${summaryPart(reports, views)}
${chartList.length ? `<section class="charts" id="charts">${chartList.join('\n')}</section>` : ''}
${printSummaryPart(views)}
${dutiesView(dutyCoverage(views))}
`;
  yield* resourceTableParts(views, cardOf);
  yield `
<h2 id="resources-heading">${tt('リソースごとの詳細', 'Resources in detail')}</h2>
<p class="print-only small" id="print-filter"></p>
${filtersPart(views, lang)}
`;
  yield* cardsParts(views, reports);
  yield `
${closingParts(reports)}
</main>
<footer><p>${t(notLegalAdvice)}</p><p>kumoscan ${esc(version)} · ${tt('この報告書は外部へ通信せずに表示できる単一のファイルです。', 'This report is one self-contained file; it makes no network request.')}</p></footer>
<script>${JS}</script>
</body>
</html>
`;
}
