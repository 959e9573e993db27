// Chart: findings across runs when a baseline was applied — the baseline run (unchanged + since resolved) next to
// this run (unchanged + new). Without a baseline there is no chart at all.
import { el, figure, label } from './svg.js';

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
