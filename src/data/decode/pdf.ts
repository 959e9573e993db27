// PDF through pdf.js (Mozilla, pdfjs-dist): text items with their positions, page by page, rebuilt into lines
// and tables (./pdf/layout.ts); the values of text form fields and the comments of annotations as text; pages
// without a text layer (scans) handed to OCR when a reader is given. Bounded: a scan for PDF bombs under the
// decompression limits before parsing (./pdf/stream-guard.ts), at most MAX_PAGES pages, the time budget checked
// between pages and raced within one, images above MAX_IMAGE_PIXELS never decoded. Whatever pdf.js rejects
// (encrypted with a password, broken, cyclic page trees) is a note, never a throw.
import { note } from './note-messages.js';
import type { Segment } from '../types.js';
import type { ImageText, ImageTextReader, RawImage } from './image-text.js';
import { errorCode, type DecodeContext } from './limits.js';
import { pageBlocks, sameColumns, type Block, type Interval, type PositionedText } from './pdf/layout.js';
import { pageImages, type PdfPage } from './pdf/page-images.js';
import { documentParams, pdfjs, type PdfJs } from './pdf/pdfjs.js';
import { withTrailer } from './pdf/cut-file.js';
import { guardStreams } from './pdf/stream-guard.js';
import { HeaderedRows, type RowCounter } from './table-rows.js';
import { TextChunkSegmenter } from './text-chunks.js';

/** Pages read at most in one PDF. */
export const MAX_PAGES = 2000;
/** Images larger than this (pixels) are not decoded (OCR of a scan at 600 dpi A4 is ~35 MP). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** A page with fewer visible characters than this and a picture is read as an image (a scan). */
const IMAGE_ONLY_MAX_CHARS = 10;
/** Pages in a row that pdf.js cannot open before the rest is given up (a /Count of a billion). */
const MAX_FAILED_PAGES = 20;
/** Lines of text between the end of a table and its continuation on the next page (page footer and header). */
const CONTINUATION_LINES = 4;

export interface PdfOptions {
  /** Reads the text of image-only pages (OCR); without it they are noted. */
  imageText?: ImageTextReader;
  /** File name or object key (`name#page 3` is what the reader gets). */
  name?: string;
  /** Absolute end time (ms since the epoch) besides the context's time budget. */
  deadline?: number;
  /** Overrides MAX_PAGES (tests). */
  maxPages?: number;
}

const TIMEOUT = Symbol('timeout');

/** `p`, or TIMEOUT once `ms` passed (the promise is then left to fail quietly). */
function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  p.catch(() => undefined);
  if (!Number.isFinite(ms)) return p;
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), Math.max(0, ms));
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function ranOut(ctx: DecodeContext): void {
  const already = ctx.stopped;
  if (already || !ctx.timeUp()) ctx.stop(note('time-ran-out'));
}

/** A string shown with a font pdf.js could not map to Unicode comes out as control or private-use codes. */
function undecodable(s: string): boolean {
  let bad = 0;
  let all = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c === 0x20 || c === 0x3000) continue;
    all++;
    if ((c < 0x20 && c !== 0x09) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return all > 0 && bad * 2 >= all;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** Horizontal text items with their positions; other directions (vertical, rotated) in `other`, in order. */
function positioned(items: readonly unknown[], counts: { undecodable: number }): { flat: PositionedText[]; other: string[]; chars: number } {
  const flat: PositionedText[] = [];
  const other: string[] = [];
  let chars = 0;
  for (const raw of items) {
    const it = raw as TextItemLike;
    if (typeof it.str !== 'string' || it.str.trim() === '') continue;
    if (undecodable(it.str)) {
      counts.undecodable++;
      continue;
    }
    chars += it.str.replace(/\s/g, '').length;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform ?? [];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 1;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) other.push(it.str.trim());
    else flat.push({ text: it.str, x: e, y: f, width: it.width ?? 0, size });
  }
  return { flat, other, chars };
}

interface AnnotationLike {
  subtype?: string;
  fieldType?: string | null;
  fieldName?: string;
  alternativeText?: string;
  fieldValue?: unknown;
  contentsObj?: { str?: string };
}

/** Text form fields (label and value) and annotation comments as lines. */
function annotationLines(annots: readonly unknown[]): string[] {
  const lines: string[] = [];
  for (const raw of annots) {
    const a = raw as AnnotationLike;
    if (a.subtype === 'Widget' && (a.fieldType === 'Tx' || a.fieldType === 'Ch')) {
      const values = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (values.length === 0) continue;
      const label = (a.alternativeText || a.fieldName || '').trim();
      lines.push(`${label}${label ? ' ' : ''}${values.join(' ')}`);
    } else if (a.subtype !== 'Widget' && a.contentsObj?.str?.trim()) lines.push(a.contentsObj.str.trim());
  }
  return lines;
}

/** Writes page blocks as Segments: text lines as chunks, tables as rows (continued over page breaks). */
class PdfSegmentWriter {
  private readonly chunks = new TextChunkSegmenter();
  private readonly counter: RowCounter = { next: 0 };
  /** The last table and the lines written since (its continuation on the next page keeps its header). */
  private last: { columns: Interval[]; header: string[] | null } | null = null;
  private linesSince = 0;

  constructor(private readonly out: Segment[]) {}

  /** Columns of the table the text so far ended with (a table running over the page break continues it). */
  carry(): Interval[] | null {
    return this.last !== null && this.linesSince <= CONTINUATION_LINES ? this.last.columns : null;
  }

  page(blocks: readonly Block[], extra: readonly Segment[]): void {
    let firstTable = true;
    for (const b of blocks) {
      if (b.kind === 'line') {
        this.chunks.write(`${b.text}\n`, this.out);
        this.linesSince++;
        continue;
      }
      const prev = this.last;
      const continues = firstTable && prev !== null && this.linesSince <= CONTINUATION_LINES && !b.header && sameColumns(prev.columns, b.columns);
      firstTable = false;
      this.chunks.end(false, this.out);
      const rows = new HeaderedRows(this.counter);
      const header = continues ? prev.header : b.header ? (b.rows[0] as string[]) : null;
      if (continues && header) rows.push(header, this.out);
      for (const r of b.rows) rows.push(r, this.out);
      rows.end(this.out);
      this.last = { columns: b.columns, header };
      this.linesSince = 0;
    }
    this.chunks.write('\n', this.out);
    if (extra.length > 0) {
      this.chunks.end(false, this.out);
      this.out.push(...extra);
    }
  }

  end(): void {
    this.chunks.end(false, this.out);
  }
}

/** Hands the page's pictures to the OCR reader; its segments, notes and completeness join the document's. */
async function readImages(images: readonly RawImage[], page: number, reader: ImageTextReader, ctx: DecodeContext, opts: PdfOptions): Promise<Segment[]> {
  const out: Segment[] = [];
  for (const image of images) {
    const left = ctx.msLeft();
    if (left <= 0) break;
    const end = Math.min(opts.deadline ?? Infinity, Date.now() + left);
    let r: ImageText;
    try {
      r = await reader.read(image, { name: `${opts.name ?? 'pdf'}#page ${page}`, deadline: end });
    } catch (err) {
      ctx.cut(note('pdf-ocr-failed', { error: errorCode(err) }));
      continue;
    }
    out.push(...r.segments);
    for (const n of r.notes) (r.incomplete ? ctx.cut(n) : ctx.note(n));
    if (r.incomplete && r.notes.length === 0) ctx.cut(note('pdf-image-partial'));
  }
  return out;
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * Segments of a PDF: its text layer in reading order, tables as rows, form values; OCR of image-only pages.
 * `partial`: `buf` is the first bytes of the file. The object the cut falls in is not parsed (./pdf/cut-file.ts),
 * so no half value is read and nothing more is dropped; a prefix without any page object is noted.
 */
export async function pdfSegments(buf: Buffer, ctx: DecodeContext, partial: boolean, opts: PdfOptions = {}): Promise<Segment[]> {
  const out: Segment[] = [];
  // A byte limit may have stopped the context already: the prefix is still read. A bomb stops it here.
  const scan = guardStreams(buf, ctx, MAX_IMAGE_PIXELS);
  if (scan.stop) return out;
  const repaired = withTrailer(buf);
  if (repaired.how === 'no-pages' && (partial || ctx.truncated)) {
    ctx.cut(note('pdf-cut'));
    return out;
  }
  let lib: PdfJs;
  try {
    lib = await pdfjs();
  } catch {
    ctx.cut(note('pdf-reader-missing'));
    return out;
  }
  // pdf.js takes the bytes over: a copy keeps the caller's buffer intact.
  const task = lib.getDocument(documentParams(new Uint8Array(repaired.data), MAX_IMAGE_PIXELS));
  try {
    const doc = await within(task.promise, ctx.msLeft());
    if (doc === TIMEOUT) {
      ranOut(ctx);
      return out;
    }
    await readPages(lib, doc, ctx, opts, out, scan.oversizedImages);
  } catch (err) {
    // pdf.js errors are named (PasswordException, InvalidPDFException, FormatError …); their messages are not shown.
    const name = errorCode(err);
    if (name === 'PasswordException') ctx.note(note('pdf-encrypted'));
    else ctx.cut(note('pdf-unreadable', { error: name }));
  } finally {
    task.destroy().catch(() => undefined);
  }
  return out;
}

async function readPages(lib: PdfJs, doc: PdfDocument, ctx: DecodeContext, opts: PdfOptions, out: Segment[], oversized: number): Promise<void> {
  const maxPages = opts.maxPages ?? MAX_PAGES;
  const count = doc.numPages;
  const last = Math.min(count, maxPages);
  if (count > maxPages) ctx.cut(note('pdf-pages', { count, max: maxPages }));
  const writer = new PdfSegmentWriter(out);
  const counts = { undecodable: 0 };
  let failed = 0;
  let failedInRow = 0;
  let imageOnly = 0;
  let unreadImages = 0;
  /** Within the time budget (a byte limit may have stopped the context before: the prefix is still read). */
  const inTime = (): boolean => {
    if (ctx.msLeft() > 0) return true;
    ranOut(ctx);
    return false;
  };
  for (let n = 1; n <= last && inTime(); n++) {
    let page: PdfPage;
    try {
      const p = await within(doc.getPage(n), ctx.msLeft());
      if (p === TIMEOUT) {
        ranOut(ctx);
        break;
      }
      page = p;
    } catch {
      failed++;
      if (++failedInRow >= MAX_FAILED_PAGES) {
        if (n < last) ctx.cut(note('pdf-pages-in-a-row', { failed: MAX_FAILED_PAGES, rest: last - n }));
        break;
      }
      continue;
    }
    failedInRow = 0;
    try {
      const tc = await within(page.getTextContent(), ctx.msLeft());
      if (tc === TIMEOUT) {
        ranOut(ctx);
        break;
      }
      const { flat, other, chars } = positioned(tc.items, counts);
      const blocks = pageBlocks(flat, writer.carry());
      for (const t of other) blocks.push({ kind: 'line', text: t });
      const annots = await within(page.getAnnotations(), ctx.msLeft());
      if (annots !== TIMEOUT) for (const t of annotationLines(annots)) blocks.push({ kind: 'line', text: t });
      let extra: Segment[] = [];
      if (chars < IMAGE_ONLY_MAX_CHARS && inTime()) {
        const images = await within(pageImages(lib, page, 5_000), ctx.msLeft());
        if (images === TIMEOUT) ranOut(ctx);
        else if (images.length > 0) {
          imageOnly++;
          if (opts.imageText) extra = await readImages(images, n, opts.imageText, ctx, opts);
        } else if (oversized > 0) unreadImages++;
      }
      writer.page(blocks, extra);
    } catch {
      failed++;
    } finally {
      page.cleanup();
    }
  }
  writer.end();
  if (failed > 0) ctx.cut(note('pdf-pages-broken', { count: failed }));
  if (counts.undecodable > 0) ctx.note(note('pdf-fonts', { count: counts.undecodable }));
  if (imageOnly > 0 && !opts.imageText) ctx.note(note('pdf-image-only-ocr-off', { count: imageOnly }));
  if (unreadImages > 0) ctx.cut(note('pdf-large-images', { count: unreadImages, mp: MAX_IMAGE_PIXELS / 1_000_000 }));
}
