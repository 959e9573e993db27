// Reading order of a PDF page from the positions of its text items (pdf.js getTextContent): office suites draw
// every word or cell with its own text operator at an absolute position, so the order of the operators says
// little. Items are grouped into lines by baseline (a tolerance relative to the font size), ordered left to
// right and joined with a space only where the gap between them is wider than a narrow space; gaps wider than
// about a character split a line into cells. Consecutive lines whose cells fall into the same x columns form a
// table (its rows keep their columns, like a CSV); a column of labels (氏名, 個人番号 …) makes it a form, whose
// lines stay text so each label stays next to its value. Pure: no pdf.js types here.
import { isHeaderWord, looksLikeHeader } from '../header-row.js';

/** One positioned run of text (PDF user space: y grows upwards; `y` is the baseline). */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  /** Advance width along the baseline. */
  width: number;
  /** Font size in user space (the text matrix's scale). */
  size: number;
}

export interface Cell {
  text: string;
  x0: number;
  x1: number;
}

export interface Line {
  y: number;
  size: number;
  cells: Cell[];
}

/**
 * What a page holds, top to bottom: lines of text and tables (rows of cells, one per column; `header`: the first
 * row names the columns).
 */
export type Block = { kind: 'line'; text: string } | { kind: 'table'; rows: string[][]; columns: Interval[]; header: boolean };

export interface Interval {
  x0: number;
  x1: number;
}

/** Baselines closer than this × the font size are one line (sub/superscripts stay on their line). */
const SAME_LINE = 0.45;
/** A gap wider than this × the font size gets a space (a space glyph is 0.25–0.5 em; kerning is far less). */
const SPACE_GAP = 0.15;
/** A gap wider than this × the font size separates two cells. */
const CELL_GAP = 1.0;
/** Rows of a table are at most this × the font size apart. */
const ROW_PITCH = 3.0;
/** Rows (header included) before aligned lines count as a table. */
const MIN_TABLE_ROWS = 3;

function isSpace(s: string): boolean {
  return /^[\s\u3000]*$/.test(s);
}

/** Groups items into lines (top to bottom), each item list sorted left to right. */
export function groupLines(items: readonly PositionedText[]): PositionedText[][] {
  const sorted = items.filter((i) => !isSpace(i.text)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PositionedText[] }[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= SAME_LINE * Math.max(last.size, it.size)) {
      last.items.push(it);
      // The line's baseline is its largest text's (a superscript read first does not move it).
      if (it.size > last.size) {
        last.size = it.size;
        last.y = it.y;
      }
    } else lines.push({ y: it.y, size: it.size || 1, items: [it] });
  }
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

/** A line's cells: items closer than CELL_GAP joined (with a space where the gap is wider than SPACE_GAP). */
export function lineCells(items: readonly PositionedText[]): Line {
  const cells: Cell[] = [];
  let size = 0;
  let cur: Cell | null = null;
  let prev: PositionedText | null = null;
  for (const it of items) {
    size = Math.max(size, it.size);
    const em = Math.max(it.size, prev?.size ?? 0, 1);
    const gap = prev === null ? Infinity : it.x - (prev.x + prev.width);
    const text = it.text;
    if (cur === null || gap > CELL_GAP * em) {
      cur = { text: text.trim(), x0: it.x, x1: it.x + Math.max(it.width, 0) };
      cells.push(cur);
    } else {
      const spaced = gap > SPACE_GAP * em && !/\s$/.test(cur.text) && !/^\s/.test(text);
      cur.text = `${cur.text}${spaced ? ' ' : ''}${text}`.trimEnd();
      cur.x1 = Math.max(cur.x1, it.x + Math.max(it.width, 0));
    }
    prev = it;
  }
  return { y: items[0]?.y ?? 0, size: size || 1, cells: cells.filter((c) => c.text !== '') };
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1;
}

/** Columns of rows: cell intervals that overlap (across rows) merge into one column, left to right. */
export function columnsOf(rows: readonly Line[]): Interval[] {
  const spans = rows.flatMap((r) => r.cells.map((c) => ({ x0: c.x0, x1: Math.max(c.x1, c.x0 + 0.01) }))).sort((a, b) => a.x0 - b.x0);
  const cols: Interval[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 < last.x1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ ...s });
  }
  return cols;
}

/** Cells of a row placed in their columns ('' where empty), or null when two cells share a column. */
function placeRow(row: Line, cols: readonly Interval[]): string[] | null {
  const out = cols.map(() => '');
  for (const c of row.cells) {
    const k = cols.findIndex((col) => overlaps(col, { x0: c.x0, x1: Math.max(c.x1, c.x0 + 0.01) }));
    if (k < 0 || out[k] !== '') return null;
    out[k] = c.text;
  }
  return out;
}

function placeAll(rows: readonly Line[], cols: readonly Interval[]): string[][] | null {
  const out: string[][] = [];
  for (const r of rows) {
    const placed = placeRow(r, cols);
    if (placed === null) return null;
    out.push(placed);
  }
  return out;
}

function lineText(l: Line): string {
  return l.cells.map((c) => c.text).join(' ');
}

/** A column holding labels (氏名, 生年月日 …) row after row: a form laid out in a grid, not a table of records. */
function isForm(data: readonly (readonly string[])[]): boolean {
  const width = data[0]?.length ?? 0;
  for (let j = 0; j < width; j++) {
    const cells = data.map((r) => (r[j] ?? '').trim()).filter((c) => c !== '');
    const labels = cells.filter(isHeaderWord);
    if (labels.length >= 2 && labels.length >= 0.6 * cells.length && new Set(labels).size >= 0.8 * labels.length) return true;
  }
  return false;
}

/**
 * A run of aligned lines → blocks: a table from its header row on (lines before it stay text), or text lines.
 * `carry`: the columns of a table that the previous page ended with; rows in those columns continue it.
 */
function runBlocks(run: readonly Line[], carry: readonly Interval[] | null): Block[] {
  const asText = (ls: readonly Line[]): Block[] => ls.map((l) => ({ kind: 'line', text: lineText(l) }));
  const cols = columnsOf(run);
  const rows = placeAll(run, cols);
  if (rows === null || cols.length < 2) return asText(run);
  if (carry !== null && sameColumns(carry, cols) && !looksLikeHeader(rows[0] as string[], rows.slice(1))) return [{ kind: 'table', rows, columns: cols, header: false }];
  if (run.length < MIN_TABLE_ROWS) return asText(run);
  // The header: one of the first rows filling most columns and looking like column names (a title line above a
  // table may share its columns).
  let head = -1;
  for (let i = 0; i < Math.min(3, rows.length - 2); i++) {
    const row = rows[i] as string[];
    const filled = row.filter((c) => c !== '').length;
    if (filled >= Math.max(2, Math.ceil(0.6 * cols.length)) && looksLikeHeader(row, rows.slice(i + 1))) {
      head = i;
      break;
    }
  }
  const body = head >= 0 ? rows.slice(head + 1) : rows;
  // Without a header a two-column grid is most often label → value: text keeps each label before its value.
  if (isForm(body) || (head < 0 && cols.length < 3)) return asText(run);
  if (head > 0) {
    const tail = run.slice(head);
    const tcols = columnsOf(tail);
    const trows = placeAll(tail, tcols);
    if (trows !== null) return [...asText(run.slice(0, head)), { kind: 'table', rows: trows, columns: tcols, header: true }];
  }
  return [{ kind: 'table', rows, columns: cols, header: head === 0 }];
}

/** Blocks of one page, top to bottom. `carry`: the columns of a table the previous page ended with (see runBlocks). */
export function pageBlocks(items: readonly PositionedText[], carry: readonly Interval[] | null = null): Block[] {
  const lines = groupLines(items).map(lineCells).filter((l) => l.cells.length > 0);
  const blocks: Block[] = [];
  let run: Line[] = [];
  const close = (): void => {
    if (run.length === 0) return;
    // Only the first table of a page can continue the previous page's.
    blocks.push(...runBlocks(run, blocks.some((b) => b.kind === 'table') ? null : carry));
    run = [];
  };
  for (const line of lines) {
    const prev = run[run.length - 1];
    const near = prev !== undefined && prev.y - line.y <= ROW_PITCH * Math.max(prev.size, line.size);
    if (line.cells.length >= 2 && near && placeAll([...run, line], columnsOf([...run, line])) !== null) {
      run.push(line);
      continue;
    }
    close();
    if (line.cells.length >= 2) run.push(line);
    else blocks.push({ kind: 'line', text: lineText(line) });
  }
  close();
  return blocks;
}

/** Two tables continue each other (a table running over a page break): same number of columns, overlapping. */
export function sameColumns(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every((c, i) => overlaps(c, b[i] as Interval));
}
