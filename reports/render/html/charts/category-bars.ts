// Chart: the kinds of personal data (APPI classes) found in resources anyone can read — one bar per class,
// counted in resources, out of the exposed resources with personal data.
import type { I18n } from '../../../../src/model.js';
import { el, figure, label } from './svg.js';

export interface CategoryCount {
  id: string;
  label: I18n;
  /** Exposed resources holding the class. */
  resources: number;
}

const W = 560;
const NAME_W = 230;
const ROW = 24;

/** The bars; '' when no exposed resource holds personal data. */
export function categoryBars(counts: readonly CategoryCount[], exposedPersonal: number): string {
  const rows = counts.filter((c) => c.resources > 0);
  if (rows.length === 0 || exposedPersonal === 0) return '';
  const scale = (W - NAME_W - 70) / exposedPersonal;
  const parts = rows.map((c, i) => {
    const y = 4 + i * ROW;
    return (
      label(0, y + 15, c.label, { class: 'ct-name' }) +
      el('rect', { x: NAME_W, y: y + 3, width: Math.max(2, c.resources * scale), height: ROW - 6, class: `ct-bar ct-${c.id}`, 'data-category': c.id, 'data-count': c.resources }) +
      el('text', { x: NAME_W + c.resources * scale + 4, y: y + 15, class: 'ct-total' }, `${c.resources.toLocaleString('en-US')} / ${exposedPersonal.toLocaleString('en-US')}`)
    );
  });
  return figure(
    'chart-categories',
    { ja: '誰でも読み取れるリソースにある個人データの区分（リソース数）', en: 'Kinds of personal data in resources anyone can read (resources)' },
    W,
    8 + rows.length * ROW,
    parts.join(''),
  );
}
