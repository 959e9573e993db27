// Chart: findings by severity for each provider and account — one stacked bar per account, worst first, capped.
import type { Severity } from '../../../../src/model.js';
import { SEVERITIES, severityRank } from '../../../../src/model.js';
import { SEVERITY_LABEL } from '../../view.js';
import { el, figure, label, moreNote, nameLabel } from './svg.js';

export interface SeverityGroup {
  /** "AWS S3 123456789012", "Azure Blob kumohrsystem": the provider and the account's short name. */
  label: string;
  /** The provider and the account's full id (an ARM id for Azure), in the label's tooltip (the label when absent). */
  title?: string;
  counts: Record<Severity, number>;
}

const W = 640;
const NAME_W = 230;
const ROW = 24;
const TOP = 28;
export const SEVERITY_MAX_ROWS = 10;

function weight(g: SeverityGroup): number[] {
  return [...SEVERITIES].sort((a, b) => severityRank(b) - severityRank(a)).map((s) => g.counts[s]);
}

function worstFirst(a: SeverityGroup, b: SeverityGroup): number {
  const wa = weight(a);
  const wb = weight(b);
  for (let i = 0; i < wa.length; i++) if ((wa[i] ?? 0) !== (wb[i] ?? 0)) return (wb[i] ?? 0) - (wa[i] ?? 0);
  return a.label < b.label ? -1 : 1;
}

/** The stacked bars; '' without any finding. */
export function severityBars(groups: readonly SeverityGroup[], max = SEVERITY_MAX_ROWS): string {
  const withFindings = groups.filter((g) => SEVERITIES.some((s) => g.counts[s] > 0)).sort(worstFirst);
  if (withFindings.length === 0) return '';
  const shown = withFindings.slice(0, max);
  const total = (g: SeverityGroup): number => SEVERITIES.reduce((n, s) => n + g.counts[s], 0);
  const most = Math.max(...shown.map(total));
  const scale = (W - NAME_W - 60) / most;
  const parts: string[] = [];
  // Legend.
  let lx = NAME_W;
  for (const s of SEVERITIES) {
    parts.push(el('rect', { x: lx, y: 6, width: 10, height: 10, class: `sv-${s}` }));
    parts.push(label(lx + 14, 15, SEVERITY_LABEL[s], { class: 'sv-legend' }));
    lx += 76;
  }
  shown.forEach((g, i) => {
    const y = TOP + i * ROW;
    parts.push(nameLabel(0, y + 15, g.label, g.title ?? g.label, NAME_W - 8, { class: 'sv-name' }));
    let x = NAME_W;
    for (const s of SEVERITIES) {
      const n = g.counts[s];
      if (n === 0) continue;
      const w = Math.max(2, n * scale);
      parts.push(el('rect', { x, y: y + 3, width: w, height: ROW - 6, class: `sv-${s}`, 'data-sev': s, 'data-count': n }));
      x += w;
    }
    parts.push(el('text', { x: x + 4, y: y + 15, class: 'sv-total' }, total(g).toLocaleString('en-US')));
  });
  const height = TOP + shown.length * ROW + 4;
  return figure(
    'chart-severity',
    { ja: 'クラウド・アカウント別の指摘（重大度）', en: 'Findings by provider and account (severity)' },
    W,
    height,
    parts.join(''),
    moreNote(withFindings.length - shown.length, { ja: 'アカウント', en: 'accounts' }),
  );
}
