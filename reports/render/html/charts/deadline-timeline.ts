// Chart: the deadlines of breach reporting on one time line per distinct set of dates — 発生日 as the run history
// bounds it (--history), 知った日 (the day the business knew), the 速報 window (preliminary report), 確報 (final
// report) — with today marked.
import type { Deadlines } from '../../../appi/types.js';
import { el, figure, fitLabel, label, moreNote, nameLabel, round } from './svg.js';
import { tokyoDate } from '../../../appi/deadlines.js';

export interface TimelineRow {
  /** The resources the dates are for (short names). */
  names: string[];
  /** Their full ids, in the label's tooltip. */
  ids: string[];
  deadlines: Deadlines;
}

const W = 640;
const LEFT = 16;
const RIGHT = 16;
const ROW = 64;
const TOP = 26;
const MAX_ROWS = 4;

function day(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The days of 発生日 (--history) as the history bounds it (Asia/Tokyo dates). */
function occurredDays(d: Deadlines): number[] {
  if (!d.occurred) return [];
  return [d.occurred.earliest ?? d.occurred.latest, d.occurred.latest].map((iso) => day(tokyoDate(iso)));
}

/** Resources with the same dates share a line. */
export function timelineRows(items: readonly { name: string; id?: string; deadlines: Deadlines | null }[]): TimelineRow[] {
  const rows = new Map<string, TimelineRow>();
  for (const it of items) {
    const d = it.deadlines;
    if (!d) continue;
    const key = [d.discoveredAt, d.preliminary.from, d.preliminary.to, d.final.due, d.occurred?.earliest ?? '', d.occurred?.latest ?? ''].join('|');
    const row = rows.get(key) ?? { names: [], ids: [], deadlines: d };
    row.names.push(it.name);
    row.ids.push(it.id ?? it.name);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.deadlines.final.due < b.deadlines.final.due ? -1 : 1));
}

/** The timeline SVG; '' without any dates. `today` is YYYY-MM-DD (Asia/Tokyo). */
export function deadlineTimeline(rows: readonly TimelineRow[], today: string): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, MAX_ROWS);
  const days = shown.flatMap((r) => [day(r.deadlines.discoveredAt), day(r.deadlines.final.due), ...occurredDays(r.deadlines)]).concat(day(today));
  const min = Math.min(...days);
  const max = Math.max(...days);
  const span = Math.max(1, max - min);
  const x = (date: string): number => LEFT + ((day(date) - min) / span) * (W - LEFT - RIGHT);
  const height = TOP + shown.length * ROW + 8;
  const parts: string[] = [];
  shown.forEach((r, i) => {
    const d = r.deadlines;
    const y = TOP + i * ROW + 30;
    const who = r.names.length === 1 ? (r.names[0] ?? '') : `${fitLabel(r.names[0] ?? '', (W - LEFT - RIGHT) / 2)} +${r.names.length - 1}`;
    parts.push(nameLabel(LEFT, y - 20, who, r.ids.join('\n'), W - LEFT - RIGHT, { class: 'tl-name' }));
    parts.push(el('line', { x1: x(d.discoveredAt), y1: y, x2: x(d.final.due), y2: y, class: 'tl-axis' }));
    const pFrom = x(d.preliminary.from);
    const pTo = x(d.preliminary.to);
    parts.push(el('rect', { x: pFrom, y: y - 7, width: Math.max(4, pTo - pFrom), height: 14, rx: 3, class: 'tl-prelim', 'data-part': 'preliminary' }));
    if (d.occurred) {
      // 発生日 as the run history bounds it: a bar from the last private run to the first public one (a point when
      // public in the first run recorded), joined to 知った日 by the axis.
      const from = x(tokyoDate(d.occurred.earliest ?? d.occurred.latest));
      const to = x(tokyoDate(d.occurred.latest));
      parts.push(el('line', { x1: to, y1: y, x2: x(d.discoveredAt), y2: y, class: 'tl-axis tl-exposed' }));
      parts.push(el('rect', { x: from, y: y - 5, width: Math.max(4, to - from), height: 10, rx: 2, class: 'tl-occurred', 'data-part': 'occurred' }));
      const range = `${tokyoDate(d.occurred.earliest ?? d.occurred.latest).slice(5)}${d.occurred.earliest ? `〜${tokyoDate(d.occurred.latest).slice(5)}` : ''}`;
      parts.push(label(from, y - 10, { ja: `発生 ${d.occurred.earliest ? range : `〜${range}`}`, en: `occurred ${d.occurred.earliest ? range : `by ${range}`}` }, { class: 'tl-lab' }));
    }
    parts.push(el('circle', { cx: x(d.discoveredAt), cy: y, r: 5, class: 'tl-known', 'data-part': 'discovered' }));
    const fx = x(d.final.due);
    parts.push(el('path', { d: `M${round(fx)} ${round(y - 7)}l7 7l-7 7l-7-7z`, class: 'tl-final', 'data-part': 'final' }));
    parts.push(label(x(d.discoveredAt), y + 20, { ja: `知った日 ${d.discoveredAt.slice(5)}`, en: `knew ${d.discoveredAt.slice(5)}` }, { class: 'tl-lab' }));
    parts.push(label(Math.min(pTo + 6, W - 150), y - 10, { ja: `速報 〜${d.preliminary.to.slice(5)}`, en: `速報 by ${d.preliminary.to.slice(5)}` }, { class: 'tl-lab' }));
    parts.push(label(fx, y + 20, { ja: `確報 ${d.final.due}`, en: `確報 ${d.final.due}` }, { class: 'tl-lab', 'text-anchor': 'end' }));
  });
  const tx = x(today);
  parts.push(el('line', { x1: tx, y1: 14, x2: tx, y2: height - 4, class: 'tl-today', 'data-part': 'today' }));
  parts.push(label(tx, 11, { ja: `今日 ${today}`, en: `today ${today}` }, { class: 'tl-lab tl-today-lab', 'text-anchor': tx > W / 2 ? 'end' : 'start' }));
  const note = moreNote(rows.length - shown.length, { ja: '期限', en: 'deadline sets' });
  return figure('chart-deadlines', rows.some((r) => r.deadlines.occurred) ? { ja: '報告期限: 発生日（推定）→ 知った日 → 速報 → 確報（今日の位置）', en: 'Deadlines: occurred (estimate) → day known → 速報 (preliminary) → 確報 (final), today marked' } : { ja: '報告期限: 知った日 → 速報 → 確報（今日の位置）', en: 'Deadlines: day known → 速報 (preliminary) → 確報 (final), today marked' }, W, height, parts.join(''), note);
}
