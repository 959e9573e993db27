// PDF text layer, pure TypeScript: objects are found by scanning for `n g obj` (so a prefix or a file with a
// broken xref still works), streams are inflated (FlateDecode, ASCIIHex, ASCII85; with the decompression
// limits), object streams are opened, and the text operators of content streams (Tj, TJ, ', ") are turned
// into text through each font's ToUnicode CMap or predefined CMap (page → resources → font).
// Not done: encrypted PDFs (noted), CID fonts without ToUnicode (noted), LZW/RunLength filters, text in
// images (no OCR), reading order beyond the content-stream order, form-field values (/AcroForm /V).
import { constants, inflateRawSync, inflateSync } from 'node:zlib';
import type { Segment } from '../types.js';
import type { DecodeContext } from './limits.js';
import { GUESS, predefinedCMapDecoder, ToUnicodeMap, UNDECODABLE, WIN_ANSI, type FontDecoder } from './pdf-fonts.js';
import { dictGet, nameOf, numOf, PdfLexer, type PdfValue } from './pdf-syntax.js';
import { TextChunkSegmenter } from './text-chunks.js';

/** What a content stream shows: text with the font it was shown in, and breaks. */
type Run = { font: string | null; bytes: string } | { brk: string };

const SKIP_SUBTYPES = new Set(['Image', 'Type1C', 'CIDFontType0C', 'OpenType', 'XML']);
const SKIP_TYPES = new Set(['XRef', 'Metadata', 'EmbeddedFile', 'Font', 'FontDescriptor']);
const MAX_STREAM = 32 * 1024 * 1024;

function filtersOf(dict: PdfValue): string[] {
  const f = dictGet(dict, 'Filter');
  if (!f) return [];
  if (f.k === 'name') return [f.v];
  if (f.k === 'arr') return f.v.map((x) => (x.k === 'name' ? x.v : '?'));
  return ['?'];
}

function ascii85(s: string): string {
  let out = '';
  let group: number[] = [];
  const end = s.indexOf('~>');
  const body = end >= 0 ? s.slice(0, end) : s;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x7a && group.length === 0) {
      out += '\0\0\0\0';
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 33);
    if (group.length === 5) {
      let v = 0;
      for (const g of group) v = v * 85 + g;
      out += String.fromCharCode((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    out += String.fromCharCode((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255).slice(0, n - 1);
  }
  return out;
}

function asciiHex(s: string): string {
  let out = '';
  let hi = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '>') break;
    const v = Number.parseInt(c, 16);
    if (Number.isNaN(v)) continue;
    if (hi < 0) hi = v;
    else {
      out += String.fromCharCode(hi * 16 + v);
      hi = -1;
    }
  }
  return out;
}

class PdfDocument {
  private readonly s: string;
  private readonly ctx: DecodeContext;
  readonly objects = new Map<number, PdfValue>();
  /** Streams' dictionaries, by object number. */
  readonly streamDicts = new Map<number, PdfValue>();
  readonly contents = new Map<number, Run[]>();
  readonly cmaps = new Map<number, ToUnicodeMap>();
  /** Object numbers of page dictionaries, in file order. */
  readonly pages: number[] = [];
  encrypted = false;
  undecodableStrings = 0;
  skippedFilters = new Set<string>();

  constructor(s: string, ctx: DecodeContext) {
    this.s = s;
    this.ctx = ctx;
  }

  scan(): void {
    const s = this.s;
    const re = /(\d+)\s+(\d+)\s+obj\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      if (this.ctx.stopped || this.ctx.timeUp()) return;
      const num = Number(m[1]);
      const lx = new PdfLexer(s, re.lastIndex);
      const value = lx.value();
      if (value === null) continue;
      lx.skipWhite();
      if (value.k === 'dict' && s.startsWith('stream', lx.pos)) {
        let start = lx.pos + 6;
        if (s.charCodeAt(start) === 0x0d) start++;
        if (s.charCodeAt(start) === 0x0a) start++;
        const end = this.streamEnd(value, start);
        re.lastIndex = end;
        this.streamDicts.set(num, value);
        this.stream(num, value, start, end);
      } else {
        this.object(num, value);
        re.lastIndex = lx.pos;
      }
    }
    const trailer = s.lastIndexOf('trailer');
    if (trailer >= 0) {
      const t = new PdfLexer(s, trailer + 7).value();
      if (dictGet(t, 'Encrypt')) this.encrypted = true;
    }
  }

  private streamEnd(dict: PdfValue, start: number): number {
    const s = this.s;
    const len = dictGet(dict, 'Length');
    const n = len?.k === 'num' ? len.v : len?.k === 'ref' ? numOf(this.objects.get(len.n)) : undefined;
    if (n !== undefined && n >= 0 && start + n <= s.length) {
      let e = start + n;
      while (e < s.length && (s.charCodeAt(e) === 0x0d || s.charCodeAt(e) === 0x0a || s.charCodeAt(e) === 0x20)) e++;
      if (s.startsWith('endstream', e)) return start + n;
    }
    const e = s.indexOf('endstream', start);
    if (e < 0) return s.length; // cut inside the stream
    let stop = e;
    if (s.charCodeAt(stop - 1) === 0x0a) stop--;
    if (s.charCodeAt(stop - 1) === 0x0d) stop--;
    return Math.max(start, stop);
  }

  private object(num: number, value: PdfValue): void {
    this.objects.set(num, value);
    if (value.k !== 'dict') return;
    const type = nameOf(dictGet(value, 'Type'));
    if (type === 'Page') this.pages.push(num);
    if (dictGet(value, 'Encrypt') && (type === 'XRef' || type === undefined)) this.encrypted = true;
  }

  /** Decoded stream data (binary string), or null when skipped or over a limit. */
  private decodeStream(dict: PdfValue, raw: string): string | null {
    let data = raw;
    if ((numOf(dictGet(dictGet(dict, 'DecodeParms'), 'Predictor')) ?? 1) > 1) return null;
    for (const f of filtersOf(dict)) {
      if (f === 'FlateDecode' || f === 'Fl') {
        const out = this.inflate(data);
        if (out === null) return null;
        data = out;
      } else if (f === 'ASCIIHexDecode' || f === 'AHx') data = asciiHex(data);
      else if (f === 'ASCII85Decode' || f === 'A85') data = ascii85(data);
      else {
        this.skippedFilters.add(f);
        return null;
      }
    }
    return data;
  }

  private inflate(data: string): string | null {
    const ctx = this.ctx;
    const input = Buffer.from(data, 'latin1');
    const room = ctx.decompressedRoom();
    const byRatio = ctx.limits.maxRatio > 0 ? Math.max(ctx.limits.ratioMinBytes, input.length * ctx.limits.maxRatio) : Infinity;
    const cap = Math.min(room, byRatio, MAX_STREAM * 4);
    const opts = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, Math.floor(cap)) };
    let out: Buffer;
    try {
      out = inflateSync(input, opts);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        if (byRatio <= room) ctx.ratioOk(byRatio + 1, input.length, 'a PDF stream');
        else ctx.addDecompressed(room + 1, 'a PDF stream');
        return null;
      }
      try {
        out = inflateRawSync(input, opts);
      } catch {
        return null;
      }
    }
    if (!ctx.addDecompressed(out.length, 'a PDF stream')) return null;
    return out.toString('latin1');
  }

  private stream(num: number, dict: PdfValue, start: number, end: number): void {
    const type = nameOf(dictGet(dict, 'Type'));
    const subtype = nameOf(dictGet(dict, 'Subtype'));
    if (dictGet(dict, 'Encrypt')) this.encrypted = true;
    if ((type !== undefined && SKIP_TYPES.has(type)) || (subtype !== undefined && SKIP_SUBTYPES.has(subtype))) return;
    if (dictGet(dict, 'Length1') || dictGet(dict, 'Length2') || end - start > MAX_STREAM) return;
    const data = this.decodeStream(dict, this.s.slice(start, end));
    if (data === null) return;
    if (type === 'ObjStm') return this.objectStream(dict, data);
    if (data.includes('begincmap') || data.includes('beginbfchar') || data.includes('beginbfrange')) {
      this.cmaps.set(num, ToUnicodeMap.parse(data));
      return;
    }
    const runs = contentRuns(data);
    if (runs.length > 0) this.contents.set(num, runs);
  }

  private objectStream(dict: PdfValue, data: string): void {
    const n = numOf(dictGet(dict, 'N')) ?? 0;
    const first = numOf(dictGet(dict, 'First')) ?? 0;
    const head = new PdfLexer(data, 0, first);
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const a = head.next();
      const b = head.next();
      if (a?.k !== 'num' || b?.k !== 'num') break;
      pairs.push([a.v, b.v]);
    }
    for (const [num, off] of pairs) {
      const v = new PdfLexer(data, first + off).value();
      if (v !== null && !this.objects.has(num)) this.object(num, v);
    }
  }

  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (v?.k === 'ref' && depth < 16) return this.resolve(this.objects.get(v.n) ?? this.streamDicts.get(v.n), depth + 1);
    return v;
  }

  /** Font resource name → decoder, for a resources dictionary. */
  fontsOf(resources: PdfValue | undefined): Map<string, FontDecoder> {
    const map = new Map<string, FontDecoder>();
    const fonts = this.resolve(dictGet(this.resolve(resources), 'Font'));
    if (fonts?.k !== 'dict') return map;
    for (const [name, ref] of fonts.v) map.set(name, this.fontDecoder(this.resolve(ref)));
    return map;
  }

  private fontDecoder(font: PdfValue | undefined): FontDecoder {
    const tu = dictGet(font, 'ToUnicode');
    if (tu?.k === 'ref') {
      const cmap = this.cmaps.get(tu.n);
      if (cmap) return cmap;
    }
    const subtype = nameOf(dictGet(font, 'Subtype'));
    const enc = dictGet(font, 'Encoding');
    if (subtype === 'Type0') {
      const encName = nameOf(this.resolve(enc)) ?? nameOf(dictGet(this.resolve(enc), 'CMapName'));
      return (encName !== undefined ? predefinedCMapDecoder(encName) : null) ?? UNDECODABLE;
    }
    if (subtype === 'Type3') return UNDECODABLE;
    return WIN_ANSI;
  }

  /** The page's resources, inherited from the page tree when the page has none. */
  pageResources(page: PdfValue | undefined): PdfValue | undefined {
    let node = page;
    for (let i = 0; node && i < 32; i++) {
      const r = dictGet(node, 'Resources');
      if (r) return this.resolve(r);
      node = this.resolve(dictGet(node, 'Parent'));
    }
    return undefined;
  }
}

/** Text-showing operations of a content stream, in order. */
export function contentRuns(data: string): Run[] {
  const runs: Run[] = [];
  if (!data.includes('T')) return runs;
  const lx = new PdfLexer(data);
  const operands: PdfValue[] = [];
  let font: string | null = null;
  let lastY: number | null = null;
  for (;;) {
    const t = lx.next();
    if (t === null) break;
    if (t.k === 'open') {
      const v = lx.finish(t, 0);
      if (v) operands.push(v);
      continue;
    }
    if (t.k !== 'kw') {
      if (t.k !== 'close') operands.push(t);
      if (operands.length > 64) operands.shift();
      continue;
    }
    switch (t.v) {
      case 'Tf': {
        const f = operands[operands.length - 2];
        if (f?.k === 'name') font = f.v;
        break;
      }
      case 'Tj': {
        const s = operands[operands.length - 1];
        if (s?.k === 'str') runs.push({ font, bytes: s.v });
        break;
      }
      case "'":
      case '"': {
        runs.push({ brk: '\n' });
        const s = operands[operands.length - 1];
        if (s?.k === 'str') runs.push({ font, bytes: s.v });
        break;
      }
      case 'TJ': {
        const a = operands[operands.length - 1];
        if (a?.k === 'arr') {
          for (const x of a.v) {
            if (x.k === 'str') runs.push({ font, bytes: x.v });
            else if (x.k === 'num' && x.v < -250) runs.push({ brk: ' ' });
          }
        }
        break;
      }
      case 'Td':
      case 'TD': {
        const ty = operands[operands.length - 1];
        if (ty?.k === 'num' && ty.v !== 0) runs.push({ brk: '\n' });
        break;
      }
      case 'Tm': {
        const f = operands[operands.length - 1];
        const y = f?.k === 'num' ? f.v : null;
        if (y !== lastY) runs.push({ brk: '\n' });
        lastY = y;
        break;
      }
      case 'T*':
      case 'ET':
        runs.push({ brk: '\n' });
        break;
      case 'ID': {
        // Inline image data: skip to EI.
        const e = data.indexOf('EI', lx.pos);
        lx.pos = e < 0 ? data.length : e + 2;
        break;
      }
    }
    operands.length = 0;
  }
  return runs.some((r) => 'bytes' in r) ? runs : [];
}

function runsToText(runs: readonly Run[], fonts: Map<string, FontDecoder>, fallback: Map<string, FontDecoder>, doc: PdfDocument): string {
  let text = '';
  for (const r of runs) {
    if ('brk' in r) {
      if (text !== '' && !text.endsWith('\n') && !(r.brk === ' ' && text.endsWith(' '))) text += r.brk;
      continue;
    }
    const dec = (r.font !== null ? (fonts.get(r.font) ?? fallback.get(r.font)) : undefined) ?? GUESS;
    const t = dec.decode(r.bytes);
    if (t === null) doc.undecodableStrings++;
    else text += t;
  }
  return text;
}

/** Segments of a PDF's text layer. `data`: the PDF (or its first bytes). */
export function pdfSegments(data: Buffer, ctx: DecodeContext, partial: boolean): Segment[] {
  const doc = new PdfDocument(data.toString('latin1'), ctx);
  doc.scan();
  if (doc.encrypted) {
    ctx.note('encrypted PDF: the text layer was not extracted');
    return [];
  }
  const out: Segment[] = [];
  const chunks = new TextChunkSegmenter();
  const done = new Set<number>();
  const fallback = new Map<string, FontDecoder>();
  const emit = (num: number, fonts: Map<string, FontDecoder>): void => {
    const runs = doc.contents.get(num);
    if (!runs || done.has(num)) return;
    done.add(num);
    chunks.write(`${runsToText(runs, fonts, fallback, doc)}\n`, out);
  };
  const perPage: [PdfValue | undefined, Map<string, FontDecoder>][] = [];
  for (const p of doc.pages) {
    const page = doc.objects.get(p);
    const fonts = doc.fontsOf(doc.pageResources(page));
    for (const [k, v] of fonts) if (!fallback.has(k)) fallback.set(k, v);
    perPage.push([page, fonts]);
  }
  for (const dict of doc.streamDicts.values()) {
    if (nameOf(dictGet(dict, 'Subtype')) !== 'Form') continue;
    for (const [k, v] of doc.fontsOf(dictGet(dict, 'Resources'))) if (!fallback.has(k)) fallback.set(k, v);
  }
  for (const [page, fonts] of perPage) {
    const c = dictGet(page, 'Contents');
    const target = c?.k === 'ref' ? doc.objects.get(c.n) : c;
    const list = target?.k === 'arr' ? target.v : c ? [c] : [];
    for (const x of list) if (x.k === 'ref') emit(x.n, fonts);
  }
  // Form XObjects with their own resources, then whatever content was not reached from a page (a prefix).
  for (const [num, dict] of doc.streamDicts) if (nameOf(dictGet(dict, 'Subtype')) === 'Form') emit(num, doc.fontsOf(dictGet(dict, 'Resources')));
  for (const num of doc.contents.keys()) emit(num, fallback);
  chunks.end(partial, out);
  if (doc.undecodableStrings > 0) ctx.note(`PDF: ${doc.undecodableStrings} text strings use fonts without a ToUnicode map (e.g. Identity-H CID fonts) and were not decoded`);
  if (doc.skippedFilters.size > 0) ctx.note(`PDF: streams with unsupported filters skipped (${[...doc.skippedFilters].sort().join(', ')})`);
  return out;
}
