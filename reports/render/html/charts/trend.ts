// Chart: findings across runs when a baseline was applied — the baseline run (unchanged + since resolved) next to
// this run (unchanged + new). Without a baseline there is no chart at all.
import { SEVERITIES, type I18n, type Severity } from '../../../../src/model.js';
import { SEVERITY_LABEL, type Lang } from '../../view.js';
import { esc } from '../text.js';
import { formatLocalTime } from '../../../../src/text/local-time.js';
import type { HistoryTrendRow as ReportTrendRow } from '../../json.js';
import { el, figure, label, round } from './svg.js';

export interface TrendPoint {
  /** The run's date (YYYY-MM-DD or an ISO time). */
  at: string;
  unchanged: number;
  /** Baseline run: resolved since; this run: new. */
  other: number;
  kind: 'baseline' | 'current';
}

const W = 560;
const NAME_W = 200;
const ROW = 30;
const TOP = 26;

export function trendChart(points: readonly TrendPoint[]): string {
  if (points.length < 2) return '';
  const most = Math.max(1, ...points.map((p) => p.unchanged + p.other));
  const scale = (W - NAME_W - 60) / most;
  const parts: string[] = [
    el('rect', { x: NAME_W, y: 6, width: 10, height: 10, class: 'tr-unchanged' }),
    label(NAME_W + 14, 15, { ja: '継続', en: 'unchanged' }, { class: 'tr-legend' }),
    el('rect', { x: NAME_W + 90, y: 6, width: 10, height: 10, class: 'tr-resolved' }),
    label(NAME_W + 104, 15, { ja: '解消（ベースラインのみ）', en: 'resolved (baseline only)' }, { class: 'tr-legend' }),
    el('rect', { x: NAME_W + 270, y: 6, width: 10, height: 10, class: 'tr-new' }),
    label(NAME_W + 284, 15, { ja: '新規', en: 'new' }, { class: 'tr-legend' }),
  ];
  points.forEach((p, i) => {
    const y = TOP + i * ROW;
    const name = p.kind === 'baseline' ? { ja: `ベースライン ${p.at.slice(0, 10)}`, en: `baseline ${p.at.slice(0, 10)}` } : { ja: `今回 ${p.at.slice(0, 10)}`, en: `this run ${p.at.slice(0, 10)}` };
    parts.push(label(0, y + 18, name, { class: 'tr-name' }));
    const wu = p.unchanged * scale;
    const wo = p.other * scale;
    parts.push(el('rect', { x: NAME_W, y: y + 4, width: wu, height: ROW - 8, class: 'tr-unchanged', 'data-count': p.unchanged }));
    parts.push(el('rect', { x: NAME_W + wu, y: y + 4, width: wo, height: ROW - 8, class: p.kind === 'baseline' ? 'tr-resolved' : 'tr-new', 'data-count': p.other }));
    parts.push(el('text', { x: NAME_W + wu + wo + 4, y: y + 18, class: 'tr-total' }, (p.unchanged + p.other).toLocaleString('en-US')));
  });
  return figure('chart-trend', { ja: '実行ごとの指摘数の推移', en: 'Findings across runs' }, W, TOP + points.length * ROW + 4, parts.join(''));
}

// Chart: the exposure history across stored runs (`kumoscan history trend`): one bar per run stacked by severity, a
// line for the exposed resources with personal data. Pure: the trend rows (src/history/trend.ts) in, SVG out.
// `lang`: one language (the `history trend --format html` page), or 'both' for a page that switches languages.

const H_W = 640;
const H_LEFT = 44;
const H_RIGHT = 12;
const H_TOP = 44;
const H_PLOT = 150;
const H_BOTTOM = 30;

function pick(text: I18n, lang: Lang | 'both'): I18n | string {
  return lang === 'both' ? text : text[lang];
}

function caption(text: I18n, lang: Lang | 'both'): I18n {
  return lang === 'both' ? text : { ja: text[lang], en: text[lang] };
}

const HISTORY_TEXT = {
  caption: { ja: '実行ごとの指摘数と、個人データを含む公開リソース数の推移', en: 'Findings per run, and exposed resources with personal data' },
  line: { ja: '個人データを含む公開リソース', en: 'exposed with personal data' },
  partial: { ja: '（部分的な実行）', en: ' (partial run)' },
  tip: (r: HistoryTrendRow, total: number): I18n => ({
    ja: `${formatLocalTime(r.scannedAt)}: 指摘 ${total} 件、新規 ${r.newFindings} 件、解消 ${r.resolvedFindings ?? '不明'}${r.resolvedFindings === null ? '' : ' 件'}、個人データを含む公開リソース ${r.exposedPersonal} 件`,
    en: `${formatLocalTime(r.scannedAt)}: ${total} findings, ${r.newFindings} new, ${r.resolvedFindings ?? 'unknown'} resolved, ${r.exposedPersonal} exposed with personal data`,
  }),
} as const;

/** One run as the chart needs it (a TrendRow of src/history/trend.ts and a report's history.trend row both fit). */
export type HistoryTrendRow = Omit<ReportTrendRow, 'runId'>;

/** The chart; '' without any run. */
export function historyTrendChart(rows: readonly HistoryTrendRow[], lang: Lang | 'both'): string {
  if (rows.length === 0) return '';
  const totals = rows.map((r) => SEVERITIES.reduce((n, s) => n + r.findings[s], 0));
  const most = Math.max(1, ...totals, ...rows.map((r) => r.exposedPersonal));
  const plotW = H_W - H_LEFT - H_RIGHT;
  const slot = plotW / rows.length;
  const barW = Math.max(0.6, slot * 0.7);
  const y = (v: number): number => H_TOP + H_PLOT - (v / most) * H_PLOT;
  const parts: string[] = [];
  // Legend: the severities, then the line.
  let lx = H_LEFT;
  for (const s of SEVERITIES) {
    parts.push(el('rect', { x: lx, y: 6, width: 10, height: 10, class: `sv-${s}` }));
    parts.push(label(lx + 14, 15, pick(SEVERITY_LABEL[s], lang), { class: 'sv-legend' }));
    lx += 74;
  }
  parts.push(el('line', { x1: H_LEFT, y1: 28, x2: H_LEFT + 16, y2: 28, stroke: '#142b4d', 'stroke-width': 2 }));
  parts.push(label(H_LEFT + 20, 32, pick(HISTORY_TEXT.line, lang), { class: 'sv-legend' }));
  // Axis: 0 and the highest count.
  for (const v of [0, most]) {
    parts.push(el('line', { x1: H_LEFT, y1: y(v), x2: H_W - H_RIGHT, y2: y(v), stroke: '#d8dde6', 'stroke-width': 1 }));
    parts.push(el('text', { x: H_LEFT - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'sv-total' }, v.toLocaleString('en-US')));
  }
  rows.forEach((r, i) => {
    const x = H_LEFT + i * slot + (slot - barW) / 2;
    let base = 0;
    const bars: string[] = [];
    for (const s of SEVERITIES) {
      const n = r.findings[s];
      if (n === 0) continue;
      bars.push(el('rect', { x, y: y(base + n), width: barW, height: (n / most) * H_PLOT, class: `sv-${s}`, 'data-count': n }));
      base += n;
    }
    const tip = HISTORY_TEXT.tip(r, totals[i] ?? 0);
    const title = el('title', {}, esc(lang === 'both' ? `${tip.ja} / ${tip.en}` : tip[lang]) + (r.complete ? '' : esc(lang === 'both' ? `${HISTORY_TEXT.partial.ja}${HISTORY_TEXT.partial.en}` : HISTORY_TEXT.partial[lang])));
    parts.push(el('g', { class: r.complete ? 'tr-run' : 'tr-run tr-partial', 'data-at': r.scannedAt, 'data-total': totals[i] ?? 0, opacity: r.complete ? undefined : 0.5 }, title + bars.join('')));
  });
  const points = rows.map((r, i) => `${round(H_LEFT + (i + 0.5) * slot)},${round(y(r.exposedPersonal))}`).join(' ');
  parts.push(el(rows.length === 1 ? 'circle' : 'polyline', rows.length === 1 ? { cx: H_LEFT + slot / 2, cy: y(rows[0]?.exposedPersonal ?? 0), r: 3, fill: '#142b4d', class: 'tr-line' } : { points, fill: 'none', stroke: '#142b4d', 'stroke-width': 2, class: 'tr-line' }));
  // The first and the last run's date (Asia/Tokyo) under the axis.
  const bottom = H_TOP + H_PLOT + 18;
  const first = rows[0] ? formatLocalTime(rows[0].scannedAt).slice(0, 10) : '';
  const lastRow = rows[rows.length - 1];
  const last = lastRow ? formatLocalTime(lastRow.scannedAt).slice(0, 10) : '';
  parts.push(el('text', { x: H_LEFT, y: bottom, class: 'sv-total' }, esc(first)));
  if (rows.length > 1) parts.push(el('text', { x: H_W - H_RIGHT, y: bottom, 'text-anchor': 'end', class: 'sv-total' }, esc(last)));
  return figure('chart-history-trend', caption(HISTORY_TEXT.caption, lang), H_W, H_TOP + H_PLOT + H_BOTTOM, parts.join(''));
}
