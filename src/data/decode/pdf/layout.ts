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
  /** A space precedes it inside the run it was cut from (splitRuns): joined back, it gets that space. */
  spaced?: boolean;
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
/** Items of a column begin within this many points of each other. */
const ANCHOR_TOLERANCE = 1.5;
/** Median gap (em) before the items at a column start: more than kerning (glyphs placed one by one on a grid). */
const ANCHOR_GAP = SPACE_GAP;
/** A wrapped cell's text ends within this many em of the right end of its column's text. */
const WRAP_SLACK = 1.5;
/** Rows (header included) before aligned lines count as a table. */
const MIN_TABLE_ROWS = 3;

function isSpace(s: string): boolean {
  return /^[\s\u3000]*$/.test(s);
}

/** Estimated advance of a character in em: wide (CJK, full-width) 1, digits and letters 0.55, punctuation 0.3. */
function charEm(c: string): number {
  const code = c.codePointAt(0) as number;
  if (code >= 0x1100 && !(code >= 0xff61 && code <= 0xff9f)) return 1;
  return /[0-9A-Za-z]/.test(c) ? 0.55 : 0.3;
}

/**
 * Runs that hold spaces cut into words. pdf.js joins into one run the glyphs it finds less than about half an em
 * apart, with a space between: a right-aligned date of one spreadsheet cell and the postal code that begins the
 * next cell come out as one run ("1988/08/24 780-0271") across the column boundary. Each word gets the x its
 * characters' estimated widths give it (scaled to the run's width; the spaces take what is left), so column
 * anchors can cut it again; words that stay in one cell are joined back with their space (`spaced`).
 */
export function splitRuns(items: readonly PositionedText[]): PositionedText[] {
  const out: PositionedText[] = [];
  for (const it of items) {
    const words = it.text.split(/[ \u3000]+/);
    if (words.length < 2 || !(it.width > 0)) {
      out.push(it);
      continue;
    }
    const lead = /^[ \u3000]/.test(it.text);
    const glyphs = words.reduce((w, word) => w + [...word].reduce((a, c) => a + charEm(c), 0), 0) * it.size;
    const spaces = words.length - 1 + (lead ? 1 : 0) + (/[ \u3000]$/.test(it.text) ? 1 : 0);
    // Glyphs wider than the run (a narrow font): all scaled down, a space a quarter em; else spaces share the rest.
    const spaceEm = 0.25 * it.size;
    const scale = glyphs + spaces * spaceEm > it.width ? it.width / (glyphs + spaces * spaceEm) : 1;
    const space = scale < 1 ? spaceEm * scale : (it.width - glyphs) / Math.max(1, spaces);
    let x = it.x + (lead ? space : 0);
    words.forEach((word, k) => {
      if (word === '') return;
      const width = [...word].reduce((a, c) => a + charEm(c), 0) * it.size * scale;
      out.push({ text: word, x, y: it.y, width, size: it.size, ...(k > 0 || lead || it.spaced ? { spaced: true } : {}) });
      x += width + space;
    });
  }
  return out;
}

/** Items of one baseline, left to right. */
export interface RawLine {
  y: number;
  size: number;
  items: PositionedText[];
}

/** Groups items into lines (top to bottom), each item list sorted left to right. */
export function groupLines(items: readonly PositionedText[]): RawLine[] {
  const sorted = items.filter((i) => !isSpace(i.text)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: RawLine[] = [];
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
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** x ranges where cells of a column begin (left-aligned columns of a spreadsheet or a table). */
type Anchors = readonly Interval[];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[(s.length - 1) >> 1] as number);
}

/**
 * Column starts of a region of consecutive lines: x positions where items begin on at least half of its lines,
 * after a gap (median over those lines) of at least ANCHOR_GAP em, and after text that does not end at the same
 * x on every line. Spreadsheet columns are often narrower than CELL_GAP apart, and a header that overflows its
 * cell touches the next one; words inside a cell (the digit groups of a My Number drawn one by one, the given
 * names after two-character surnames) follow text of the same extent on every line and make no column.
 */
export function regionAnchors(region: readonly RawLine[]): Anchors {
  const starts: { x: number; line: number; gap: number; em: number; prevEnd: number }[] = [];
  region.forEach((l, i) => {
    l.items.forEach((it, k) => {
      const prev = l.items[k - 1];
      if (prev) starts.push({ x: it.x, line: i, gap: it.x - (prev.x + prev.width), em: Math.max(it.size, prev.size, 1), prevEnd: prev.x + prev.width });
    });
  });
  starts.sort((a, b) => a.x - b.x);
  const anchors: Interval[] = [];
  let group: typeof starts = [];
  const close = (): void => {
    const lines = new Set(group.map((g) => g.line)).size;
    const ends = group.map((g) => g.prevEnd);
    // What comes before a column differs from row to row (its header at least); the second word of names that
    // all have a two-character surname comes after the same extent on every line.
    const varied = Math.max(...ends) - Math.min(...ends) > ANCHOR_TOLERANCE;
    if (group.length > 0 && lines >= Math.max(2, Math.ceil(region.length / 2)) && varied && median(group.map((g) => g.gap / g.em)) >= ANCHOR_GAP) {
      anchors.push({ x0: (group[0] as (typeof starts)[number]).x, x1: (group[group.length - 1] as (typeof starts)[number]).x });
    }
    group = [];
  };
  for (const st of starts) {
    const last = group[group.length - 1];
    if (last && st.x - last.x > ANCHOR_TOLERANCE) close();
    group.push(st);
  }
  close();
  return anchors;
}

function atAnchor(x: number, anchors: Anchors): boolean {
  return anchors.some((a) => x >= a.x0 - ANCHOR_TOLERANCE && x <= a.x1 + ANCHOR_TOLERANCE);
}

/**
 * A line's cells: items closer than CELL_GAP joined (with a space where the gap is wider than SPACE_GAP), unless
 * an item begins at a column anchor of its region.
 */
export function lineCells(line: RawLine, anchors: Anchors = []): Line {
  const cells: Cell[] = [];
  let cur: Cell | null = null;
  let prev: PositionedText | null = null;
  for (const it of line.items) {
    const em = Math.max(it.size, prev?.size ?? 0, 1);
    const gap = prev === null ? Infinity : it.x - (prev.x + prev.width);
    const text = it.text;
    if (cur === null || gap > CELL_GAP * em || atAnchor(it.x, anchors)) {
      cur = { text: text.trim(), x0: it.x, x1: it.x + Math.max(it.width, 0) };
      cells.push(cur);
    } else {
      const spaced = (gap > SPACE_GAP * em || it.spaced === true) && !/\s$/.test(cur.text) && !/^\s/.test(text);
      cur.text = `${cur.text}${spaced ? ' ' : ''}${text}`.trimEnd();
      cur.x1 = Math.max(cur.x1, it.x + Math.max(it.width, 0));
    }
    prev = it;
  }
  // Text that overflows its cell (a header wider than its column) ends where the next cell begins.
  for (let k = 0; k + 1 < cells.length; k++) {
    const c = cells[k] as Cell;
    c.x1 = Math.max(c.x0 + 0.01, Math.min(c.x1, (cells[k + 1] as Cell).x0 - 0.01));
  }
  return { y: line.y, size: line.size, cells: cells.filter((c) => c.text !== '') };
}

/**
 * Lines → cells: runs of close lines with several items each get the column anchors they share. The first run
 * of a page also gets the starts of the columns of `carry` (the table the previous page ended with).
 */
function linesWithCells(lines: readonly RawLine[], carry: readonly Interval[] | null): Line[] {
  const out: Line[] = [];
  let region: RawLine[] = [];
  let first = true;
  const close = (): void => {
    if (region.length === 0) return;
    const anchors = [...(region.length >= MIN_TABLE_ROWS ? regionAnchors(region) : []), ...(first && carry ? carry.slice(1).map((c) => ({ x0: c.x0, x1: c.x0 })) : [])];
    first = false;
    for (const l of region) out.push(lineCells(l, anchors));
    region = [];
  };
  for (const l of lines) {
    const prev = region[region.length - 1];
    if (l.items.length < 2 || (prev !== undefined && prev.y - l.y > ROW_PITCH * Math.max(prev.size, l.size))) {
      close();
      if (l.items.length < 2) {
        out.push(lineCells(l));
        continue;
      }
    }
    region.push(l);
  }
  close();
  return out;
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

/** Cells of a row placed in their columns (null where empty), or null when two cells share a column. */
function placeCells(row: Line, cols: readonly Interval[]): (Cell | null)[] | null {
  const out: (Cell | null)[] = cols.map(() => null);
  for (const c of row.cells) {
    const k = cols.findIndex((col) => overlaps(col, { x0: c.x0, x1: Math.max(c.x1, c.x0 + 0.01) }));
    if (k < 0 || out[k] !== null) return null;
    out[k] = c;
  }
  return out;
}

function placeAll(rows: readonly Line[], cols: readonly Interval[]): string[][] | null {
  const out: string[][] = [];
  for (const r of rows) {
    const placed = placeCells(r, cols);
    if (placed === null) return null;
    out.push(placed.map((c) => c?.text ?? ''));
  }
  return out;
}

/** A cell's text wrapped onto the next line, joined back: a space between Latin letters or digits only. */
function joinWrapped(a: string, b: string): string {
  return /[0-9A-Za-z]$/.test(a) && /^[0-9A-Za-z]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/**
 * Rows of a table whose header is `lines[0]`, with the lines of cells that wrapped joined to their row. A line
 * continues the row above when it fills fewer cells and each of its cells sits under a cell of that row that
 * reaches (within WRAP_SLACK em) the right end of its column's text: the cell ran out of width (a 12-digit number
 * written 4-4-4 as `9018 7860` / `6830`, a reading cut in two). Null when two cells share a column.
 */
export function tableRows(lines: readonly Line[], cols: readonly Interval[]): string[][] | null {
  const placed: (Cell | null)[][] = [];
  for (const l of lines) {
    const p = placeCells(l, cols);
    if (p === null) return null;
    placed.push(p);
  }
  const right = cols.map((_, k) => Math.max(...placed.map((r) => r[k]?.x1 ?? -Infinity)));
  const rows: (Cell | null)[][] = [];
  placed.forEach((row, i) => {
    const prev = rows[rows.length - 1];
    const em = (lines[i] as Line).size;
    const filled = (r: readonly (Cell | null)[]): number => r.filter((c) => c !== null).length;
    const wraps =
      i >= 2 && prev !== undefined && filled(row) < filled(prev) &&
      row.every((c, k) => c === null || (prev[k] != null && (prev[k] as Cell).x1 >= (right[k] as number) - WRAP_SLACK * em));
    if (!wraps) {
      rows.push(row.map((c) => (c === null ? null : { ...c })));
      return;
    }
    row.forEach((c, k) => {
      const p = prev[k];
      if (c === null || p == null) return;
      prev[k] = { text: joinWrapped(p.text, c.text), x0: p.x0, x1: c.x1 };
    });
  });
  return rows.map((r) => r.map((c) => c?.text ?? ''));
}

function lineText(l: Line): string {
  return l.cells.map((c) => c.text).join(' ');
}

/**
 * A column holding labels (氏名, 生年月日 …) row after row: a form laid out in a grid, not a table of records.
 * `header`: data[0] names the columns; a column under a header word holds its values, even values that read like
 * labels themselves (足立支店 under 振込支店, 京都銀行 under 振込銀行).
 */
function isForm(data: readonly (readonly string[])[], header: boolean): boolean {
  const width = data[0]?.length ?? 0;
  // A header row of column names (most of its cells header words; a form's first row is a label and its value)
  const names = (data[0] ?? []).map((c) => c.trim()).filter((c) => c !== '');
  const named = header && names.filter(isHeaderWord).length >= Math.max(3, 0.7 * names.length);
  for (let j = 0; j < width; j++) {
    if (named && isHeaderWord((data[0]?.[j] ?? '').trim())) continue;
    const cells = data.map((r) => (r[j] ?? '').trim()).filter((c) => c !== '');
    const labels = cells.filter(isHeaderWord);
    if (labels.length >= 2 && labels.length >= 0.6 * cells.length && new Set(labels).size >= 0.8 * labels.length) return true;
  }
  return false;
}

/**
 * Right-aligned values (numbers and dates of a spreadsheet) under a left-aligned header: the header's column holds
 * nothing else and the column right of it has no header, so the two are one column. `rows[0]` is the header.
 */
export function underHeaders(rows: readonly (readonly string[])[], columns: readonly Interval[]): { rows: string[][]; columns: Interval[] } {
  const out = rows.map((r) => [...r]);
  const cols = columns.map((c) => ({ ...c }));
  const empty = (j: number, from: number): boolean => out.slice(from).every((r) => (r[j] ?? '') === '');
  for (let j = 0; j + 1 < cols.length; j++) {
    const head = out[0] as string[];
    if (head[j] === '' || !empty(j, 1) || head[j + 1] !== '' || empty(j + 1, 1)) continue;
    for (const r of out) r.splice(j, 2, r[j] !== '' ? (r[j] as string) : (r[j + 1] as string));
    cols.splice(j, 2, { x0: (cols[j] as Interval).x0, x1: (cols[j + 1] as Interval).x1 });
  }
  return { rows: out, columns: cols };
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
  // Without a header a two-column grid is most often label → value: text keeps each label before its value.
  if (isForm(head >= 0 ? rows.slice(head) : rows, head >= 0) || (head < 0 && cols.length < 3)) return asText(run);
  if (head > 0) {
    const tail = run.slice(head);
    const tcols = columnsOf(tail);
    const trows = tableRows(tail, tcols);
    if (trows !== null) return [...asText(run.slice(0, head)), { kind: 'table', ...underHeaders(trows, tcols), header: true }];
  }
  return [{ kind: 'table', ...(head === 0 ? underHeaders(tableRows(run, cols) ?? rows, cols) : { rows, columns: cols }), header: head === 0 }];
}

/** Blocks of one page, top to bottom. `carry`: the columns of a table the previous page ended with (see runBlocks). */
export function pageBlocks(items: readonly PositionedText[], carry: readonly Interval[] | null = null): Block[] {
  const lines = linesWithCells(groupLines(splitRuns(items)), carry).filter((l) => l.cells.length > 0);
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
