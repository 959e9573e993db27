// Office Open XML containers: XLSX (shared strings + sheets, first row as header when it looks like one,
// date-formatted numbers as dates), DOCX (paragraphs; tables with a header row or label/value pairs) and PPTX
// (slide text). Parts are streamed out of the zip through the XML tokenizer; nothing but the shared-string
// table (bounded by the decompressed-size limit) is kept for long.
import { note } from './note-messages.js';
import type { Segment } from '../types.js';
import type { DecodeContext } from './limits.js';
import type { RandomAccess } from './byte-source.js';
import { detectEncoding, StreamTextDecoder } from './encoding.js';
import { isHeaderWord } from './header-row.js';
import { HeaderedRows, type RowCounter } from './table-rows.js';
import { attr, XmlTokenizer, type XmlHandler } from './xml.js';
import { entriesByDirectory, entriesByLocalHeaders, type ZipEntry, type ZipPlan } from './zip.js';
import { MAX_SEGMENT_CHARS } from './segmenter.js';
import { extensionOf } from './magic.js';

export type OoxmlKind = 'xlsx' | 'docx' | 'pptx';

export function ooxmlKind(names: readonly string[], fileName: string): OoxmlKind | null {
  if (names.some((n) => n === 'xl/workbook.xml' || n.startsWith('xl/worksheets/'))) return 'xlsx';
  if (names.some((n) => n === 'word/document.xml')) return 'docx';
  if (names.some((n) => n.startsWith('ppt/slides/'))) return 'pptx';
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'docx' || ext === 'docm') return 'docx';
  if (ext === 'pptx' || ext === 'pptm') return 'pptx';
  return null;
}

/** Sorts part names by the number in them (sheet2 before sheet10). */
function byNumber(a: string, b: string): number {
  const na = Number(/(\d+)\.xml$/i.exec(a)?.[1] ?? 0);
  const nb = Number(/(\d+)\.xml$/i.exec(b)?.[1] ?? 0);
  return na - nb || (a < b ? -1 : a > b ? 1 : 0);
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SST = /^xl\/sharedstrings\.xml$/i;
const STYLES = /^xl\/styles\.xml$/i;
const DOCX_MAIN = /^word\/document\.xml$/i;
const DOCX_OTHER = /^word\/(footnotes|endnotes|comments|header\d*|footer\d*)\.xml$/i;
const SLIDE = /^ppt\/slides\/slide\d+\.xml$/i;

function planFor(kind: OoxmlKind): ZipPlan {
  if (kind === 'xlsx') {
    return {
      order: (names) => [...names.filter((n) => STYLES.test(n)), ...names.filter((n) => SST.test(n)), ...names.filter((n) => SHEET.test(n)).sort(byNumber)],
      wants: (n) => STYLES.test(n) || SST.test(n) || SHEET.test(n),
    };
  }
  if (kind === 'docx') {
    return {
      order: (names) => [...names.filter((n) => DOCX_MAIN.test(n)), ...names.filter((n) => DOCX_OTHER.test(n)).sort()],
      wants: (n) => DOCX_MAIN.test(n) || DOCX_OTHER.test(n),
    };
  }
  return { order: (names) => names.filter((n) => SLIDE.test(n)).sort(byNumber), wants: (n) => SLIDE.test(n) };
}

/** A part's reader: an XML handler that collects Segments in `out`, and what to do at the part's end. */
interface PartReader extends XmlHandler {
  out: Segment[];
  finish(): void;
}

// ---------------------------------------------------------------------------------------------- XLSX

/** Built-in number formats that show dates (ECMA-376 18.8.30, Japanese locale ids 27–36 and 50–58 included). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[yde]|g{1,3}/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

/** Excel serial day number → YYYY-MM-DD (1900 date system, with its 29 Feb 1900). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  if (Math.floor(serial) === 60) return '1900-02-29'; // Lotus 1-2-3's leap day, kept by Excel
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  const d = new Date(days * 86400000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** `x:row` → `row` (some writers prefix the spreadsheet namespace). */
function local(qname: string): string {
  const colon = qname.indexOf(':');
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

interface RawCell {
  col: number;
  t: string;
  s: number;
  v: string;
}

class Workbook {
  sst: string[] | null = null;
  dateStyles: boolean[] | null = null;
  readonly counter: RowCounter = { next: 0 };
  /** Sheets read before the shared strings (local-header mode): their raw rows wait here. */
  readonly deferred: RawCell[][][] = [];

  resolve(c: RawCell): string {
    switch (c.t) {
      case 's': {
        const i = Number(c.v);
        return this.sst?.[i] ?? '';
      }
      case 'inlineStr':
      case 'str':
      case 'd':
        return c.v;
      case 'b':
      case 'e':
        return '';
      default: {
        if (c.v !== '' && this.dateStyles?.[c.s] === true) return excelSerialToDate(Number(c.v)) ?? c.v;
        return c.v;
      }
    }
  }

  rowCells(raw: RawCell[]): string[] {
    const cells: string[] = [];
    for (const c of raw) {
      if (c.col > 16384) continue;
      while (cells.length < c.col) cells.push('');
      cells[c.col] = this.resolve(c);
    }
    return cells;
  }
}

class SharedStringsReader implements PartReader {
  out: Segment[] = [];
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;
  private readonly list: string[] = [];
  private readonly wb: Workbook;

  constructor(wb: Workbook) {
    this.wb = wb;
  }

  open(qname: string, _raw: string, selfClosing: boolean): void {
    const name = local(qname);
    if (name === 'si') {
      if (selfClosing) this.list.push('');
      else this.parts = [];
    } else if (name === 'rPh' && !selfClosing) this.phonetic++;
    else if (name === 't' && !selfClosing) this.inT = true;
  }

  close(qname: string): void {
    const name = local(qname);
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') this.list.push(this.parts.join(''));
  }

  text(t: string): void {
    if (this.inT && this.phonetic === 0) this.parts.push(t);
  }

  finish(): void {
    this.wb.sst = this.list;
  }
}

class StylesReader implements PartReader {
  out: Segment[] = [];
  private readonly custom = new Map<number, boolean>();
  private inXfs = false;
  private readonly xfs: boolean[] = [];
  private readonly wb: Workbook;

  constructor(wb: Workbook) {
    this.wb = wb;
  }

  open(qname: string, raw: string, selfClosing: boolean): void {
    const name = local(qname);
    if (name === 'numFmt') {
      const id = Number(attr(raw, 'numFmtId'));
      this.custom.set(id, isDateFormatCode(attr(raw, 'formatCode') ?? ''));
    } else if (name === 'cellXfs' && !selfClosing) this.inXfs = true;
    else if (name === 'xf' && this.inXfs) {
      const id = Number(attr(raw, 'numFmtId') ?? 0);
      this.xfs.push(this.custom.get(id) ?? DATE_FORMAT_IDS.has(id));
    }
  }

  close(qname: string): void {
    if (local(qname) === 'cellXfs') this.inXfs = false;
  }

  text(): void {}

  finish(): void {
    this.wb.dateStyles = this.xfs;
  }
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

class SheetReader implements PartReader {
  out: Segment[] = [];
  private readonly wb: Workbook;
  private readonly rows: HeaderedRows;
  /** Raw rows kept for later (shared strings not read yet), or null when rows go out at once. */
  private readonly keep: RawCell[][] | null;
  private row: RawCell[] = [];
  private cell: RawCell | null = null;
  private inValue = false;
  private inInline = false;
  private phonetic = 0;
  private lastCol = -1;

  constructor(wb: Workbook, defer: boolean) {
    this.wb = wb;
    this.rows = new HeaderedRows(wb.counter);
    this.keep = defer ? [] : null;
    if (this.keep) wb.deferred.push(this.keep);
  }

  open(qname: string, raw: string, selfClosing: boolean): void {
    switch (local(qname)) {
      case 'row':
        this.row = [];
        this.lastCol = -1;
        if (selfClosing) this.endRow();
        break;
      case 'c': {
        const ref = attr(raw, 'r');
        const col = ref !== undefined ? columnIndex(ref) : this.lastCol + 1;
        this.lastCol = col;
        this.cell = { col, t: attr(raw, 't') ?? 'n', s: Number(attr(raw, 's') ?? 0), v: '' };
        if (selfClosing) this.cell = null;
        break;
      }
      case 'v':
        this.inValue = !selfClosing;
        break;
      case 'is':
        this.inInline = !selfClosing;
        break;
      case 'rPh':
        if (!selfClosing) this.phonetic++;
        break;
    }
  }

  close(qname: string): void {
    switch (local(qname)) {
      case 'v':
        this.inValue = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        if (this.cell && this.cell.v !== '') this.row.push(this.cell);
        this.cell = null;
        break;
      case 'row':
        this.endRow();
        break;
    }
  }

  text(t: string): void {
    if (!this.cell) return;
    if (this.inValue || (this.inInline && this.phonetic === 0)) {
      if (this.cell.v.length < MAX_SEGMENT_CHARS * 4) this.cell.v += t;
    }
  }

  private endRow(): void {
    const raw = this.row;
    this.row = [];
    if (raw.length === 0) return;
    if (this.keep) this.keep.push(raw);
    else this.rows.push(this.wb.rowCells(raw), this.out);
  }

  finish(): void {
    if (!this.keep) this.rows.end(this.out);
  }
}

// ---------------------------------------------------------------------------------------------- DOCX

const TABLE_ROWS_HELD = 2000;

class DocxReader implements PartReader {
  out: Segment[] = [];
  private para = '';
  private inText = false;
  private tableDepth = 0;
  private cells: string[] | null = null;
  private cell = '';
  private tableRows: string[][] = [];
  private readonly counter: RowCounter;
  private streaming: HeaderedRows | null = null;

  constructor(counter: RowCounter) {
    this.counter = counter;
  }

  open(name: string, _raw: string, selfClosing: boolean): void {
    switch (name) {
      case 'w:t':
        this.inText = !selfClosing;
        break;
      case 'w:tab':
        this.para += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        this.para += '\n';
        break;
      case 'w:p':
        if (!selfClosing) this.para = '';
        break;
      case 'w:tbl':
        this.tableDepth++;
        if (this.tableDepth === 1) {
          this.tableRows = [];
          this.streaming = null;
        }
        break;
      case 'w:tr':
        if (this.tableDepth === 1) this.cells = [];
        break;
      case 'w:tc':
        if (this.tableDepth === 1) this.cell = '';
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'w:t':
        this.inText = false;
        break;
      case 'w:p':
        this.endParagraph();
        break;
      case 'w:tc':
        if (this.tableDepth === 1 && this.cells) this.cells.push(this.cell);
        break;
      case 'w:tr':
        if (this.tableDepth === 1 && this.cells) {
          this.tableRow(this.cells);
          this.cells = null;
        }
        break;
      case 'w:tbl':
        if (this.tableDepth === 1) this.endTable();
        this.tableDepth = Math.max(0, this.tableDepth - 1);
        break;
    }
  }

  text(t: string): void {
    if (this.inText) this.para += t;
    if (this.para.length > MAX_SEGMENT_CHARS && this.tableDepth === 0) this.endParagraph();
  }

  private endParagraph(): void {
    const p = this.para;
    this.para = '';
    if (p.trim() === '') return;
    if (this.tableDepth > 0) this.cell = this.cell === '' ? p : `${this.cell}\n${p}`;
    else this.out.push({ text: p });
  }

  private tableRow(cells: string[]): void {
    if (this.streaming) {
      this.streaming.push(cells, this.out);
      return;
    }
    this.tableRows.push(cells);
    if (this.tableRows.length >= TABLE_ROWS_HELD) {
      this.streaming = new HeaderedRows(this.counter);
      for (const r of this.tableRows) this.streaming.push(r, this.out);
      this.tableRows = [];
    }
  }

  /**
   * A table: label/value rows (| 氏名 | 山田 太郎 | — a form) become one record whose fields are the labels;
   * otherwise the first row is the header when it looks like one.
   */
  private endTable(): void {
    if (this.streaming) {
      this.streaming.end(this.out);
      this.streaming = null;
      return;
    }
    const rows = this.tableRows.filter((r) => r.some((c) => c.trim() !== ''));
    this.tableRows = [];
    if (rows.length === 0) return;
    const pairs = rows.every((r) => r.length % 2 === 0 && r.length >= 2);
    const labelCells = pairs ? rows.flatMap((r) => r.filter((_, i) => i % 2 === 0)) : [];
    if (pairs && rows.length >= 2 && labelCells.filter(isHeaderWord).length / labelCells.length >= 0.5) {
      // The labels first (plain text), then the values as one record: a record's cells must be contiguous.
      const row = this.counter.next++;
      for (const r of rows) for (let i = 0; i < r.length; i += 2) if ((r[i] as string).trim() !== '') this.out.push({ text: (r[i] as string).trim() });
      for (const r of rows) {
        for (let i = 0; i + 1 < r.length; i += 2) {
          const label = (r[i] as string).trim();
          const value = r[i + 1] as string;
          if (value.trim() !== '') this.out.push(label !== '' ? { text: value, field: label, row, column: i + 1 } : { text: value, row, column: i + 1 });
        }
      }
      return;
    }
    const table = new HeaderedRows(this.counter);
    for (const r of rows) table.push(r, this.out);
    table.end(this.out);
  }

  finish(): void {
    this.endParagraph();
  }
}

// ---------------------------------------------------------------------------------------------- PPTX

class SlideReader implements PartReader {
  out: Segment[] = [];
  private para = '';
  private inText = false;

  open(name: string, _raw: string, selfClosing: boolean): void {
    if (name === 'a:t') this.inText = !selfClosing;
    else if (name === 'a:br') this.para += '\n';
  }

  close(name: string): void {
    if (name === 'a:t') this.inText = false;
    else if (name === 'a:p') this.finish();
  }

  text(t: string): void {
    if (this.inText) this.para += t;
  }

  finish(): void {
    const p = this.para;
    this.para = '';
    if (p.trim() !== '') this.out.push({ text: p.slice(0, MAX_SEGMENT_CHARS * 4) });
  }
}

// ---------------------------------------------------------------------------------------------- driver

/**
 * Segments of an OOXML container, part by part. `directory`: the central directory (readCentralDirectory), or
 * null to walk the local headers (a prefix).
 */
export async function* ooxmlBatches(ra: RandomAccess, kind: OoxmlKind, directory: ZipEntry[] | null, ctx: DecodeContext): AsyncGenerator<Segment[]> {
  const plan = planFor(kind);
  const entries = directory !== null ? entriesByDirectory(ra, directory, plan, ctx) : entriesByLocalHeaders(ra, plan, ctx);
  const wb = new Workbook();
  const docCounter: RowCounter = { next: 0 };
  let sawSst = false;
  for await (const { name, data } of entries) {
    let reader: PartReader;
    if (kind === 'xlsx') {
      if (SST.test(name)) {
        reader = new SharedStringsReader(wb);
        sawSst = true;
      } else if (STYLES.test(name)) reader = new StylesReader(wb);
      else reader = new SheetReader(wb, directory === null && !sawSst);
    } else if (kind === 'docx') reader = new DocxReader(docCounter);
    else reader = new SlideReader();
    const tok = new XmlTokenizer(reader, { note: (n) => ctx.note(n) });
    let dec: StreamTextDecoder | null = null;
    for await (const chunk of data) {
      dec ??= new StreamTextDecoder(detectEncoding(chunk));
      tok.write(dec.decode(chunk));
      if (reader.out.length > 0) {
        yield reader.out;
        reader.out = [];
      }
      if (ctx.stopped) break;
    }
    if (dec) tok.write(dec.flush());
    tok.end();
    reader.finish();
    if (reader.out.length > 0) {
      yield reader.out;
      reader.out = [];
    }
    if (ctx.stopped) break;
  }
  // Sheets that came before the shared strings (local-header mode).
  if (wb.deferred.length > 0) {
    if (wb.sst === null) ctx.note(note('xlsx-no-shared-strings'));
    for (const sheet of wb.deferred) {
      const rows = new HeaderedRows(wb.counter);
      const out: Segment[] = [];
      for (const raw of sheet) rows.push(wb.rowCells(raw), out);
      rows.end(out);
      if (out.length > 0) yield out;
    }
  }
}
