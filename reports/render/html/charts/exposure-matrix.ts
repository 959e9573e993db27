// Chart: which resources anyone can read, list or write — a matrix of resources × read/list/write (yes, no,
// unknown) with a personal-data marker. Only resources with a yes or an unknown are rows; capped, with a count.
import { el, figure, label, moreNote, nameLabel } from './svg.js';

export interface MatrixRow {
  /** The short name shown (bucket, account/container). */
  name: string;
  /** The full id, in the label's tooltip (the name when absent). */
  id?: string;
  read: boolean | null;
  list: boolean | null;
  write: boolean | null;
  personal: boolean | null;
}

const W = 560;
const NAME_W = 300;
const COL = 64;
const ROW = 22;
const TOP = 30;
export const MATRIX_MAX_ROWS = 15;

function cell(v: boolean | null): { cls: string; mark: string } {
  if (v === true) return { cls: 'mx-yes', mark: '✕' };
  if (v === null) return { cls: 'mx-null', mark: '?' };
  return { cls: 'mx-no', mark: '' };
}

/** The rows worth a line: any yes or unknown among read, list, write. */
export function matrixRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return rows.filter((r) => r.read !== false || r.list !== false || r.write !== false);
}

/** The matrix SVG; '' when no resource is (or may be) open to anyone. */
export function exposureMatrix(all: readonly MatrixRow[], max = MATRIX_MAX_ROWS): string {
  const rows = matrixRows(all);
  if (rows.length === 0) return '';
  const shown = rows.slice(0, max);
  const height = TOP + shown.length * ROW + 6;
  const cols: [keyof MatrixRow, { ja: string; en: string }][] = [
    ['read', { ja: '読取', en: 'read' }],
    ['list', { ja: '一覧', en: 'list' }],
    ['write', { ja: '書込', en: 'write' }],
    ['personal', { ja: '個人データ', en: 'personal' }],
  ];
  const parts: string[] = [];
  cols.forEach(([, name], c) => parts.push(label(NAME_W + c * COL + COL / 2, 18, name, { class: 'mx-head', 'text-anchor': 'middle' })));
  shown.forEach((r, i) => {
    const y = TOP + i * ROW;
    parts.push(nameLabel(0, y + 15, r.name, r.id ?? r.name, NAME_W - 8, { class: 'mx-name' }));
    (['read', 'list', 'write'] as const).forEach((k, c) => {
      const { cls, mark } = cell(r[k]);
      const x = NAME_W + c * COL + 4;
      parts.push(el('rect', { x, y: y + 2, width: COL - 8, height: ROW - 4, rx: 3, class: cls, 'data-cell': k }));
      if (mark) parts.push(el('text', { x: x + (COL - 8) / 2, y: y + 15, class: 'mx-mark', 'text-anchor': 'middle' }, mark));
    });
    const px = NAME_W + 3 * COL + COL / 2;
    if (r.personal === true) parts.push(el('circle', { cx: px, cy: y + ROW / 2, r: 6, class: 'mx-pd', 'data-cell': 'personal' }));
    else if (r.personal === null) parts.push(el('text', { x: px, y: y + 15, class: 'mx-pd-null', 'text-anchor': 'middle' }, '?'));
  });
  return figure(
    'chart-exposure',
    { ja: '誰でもできること（読取・一覧・書込）と個人データ（●）', en: 'What anyone can do (read, list, write) and personal data (●)' },
    W,
    height,
    parts.join(''),
    moreNote(rows.length - shown.length, { ja: 'リソース', en: 'resources' }),
  );
}
