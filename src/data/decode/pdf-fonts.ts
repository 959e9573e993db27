// From the bytes a PDF text operator shows to Unicode: ToUnicode CMaps (bfchar/bfrange), the predefined
// Japanese CMaps whose codes are an ordinary encoding (90ms-RKSJ = Shift_JIS, EUC-H, UniJIS-UCS2/UTF16 = UTF-16BE,
// H/V = JIS X 0208), and simple fonts (WinAnsi). Identity-H/V CID fonts without a ToUnicode map cannot be
// decoded: the glyph ids mean nothing without the font program.
import { PdfLexer } from './pdf-syntax.js';

export interface FontDecoder {
  /** Text for the shown bytes (binary string), or null when the font cannot be decoded. */
  decode(bytes: string): string | null;
}

interface CodeRange {
  len: number;
  lo: number;
  hi: number;
}

function codeOf(bytes: string, at: number, len: number): number {
  let v = 0;
  for (let i = 0; i < len; i++) v = v * 256 + bytes.charCodeAt(at + i);
  return v;
}

function utf16be(bytes: string): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.charCodeAt(i) * 256 + bytes.charCodeAt(i + 1));
  return out;
}

/** A parsed ToUnicode CMap. */
export class ToUnicodeMap implements FontDecoder {
  readonly ranges: CodeRange[] = [];
  readonly map = new Map<number, string>();
  private lens: number[] = [];

  static parse(text: string): ToUnicodeMap {
    const m = new ToUnicodeMap();
    const lx = new PdfLexer(text);
    const stack: string[] = [];
    let mode = '';
    for (;;) {
      const t = lx.next();
      if (t === null) break;
      if (t.k === 'kw') {
        const w = t.v;
        if (w === 'begincodespacerange' || w === 'beginbfchar' || w === 'beginbfrange') {
          mode = w;
          stack.length = 0;
        } else if (w === 'endcodespacerange') {
          for (let i = 0; i + 1 < stack.length; i += 2) {
            const lo = stack[i] as string;
            const hi = stack[i + 1] as string;
            if (lo.length >= 1 && lo.length <= 4) m.ranges.push({ len: lo.length, lo: codeOf(lo, 0, lo.length), hi: codeOf(hi, 0, hi.length) });
          }
          mode = '';
        } else if (w === 'endbfchar') {
          for (let i = 0; i + 1 < stack.length; i += 2) m.map.set(codeOf(stack[i] as string, 0, (stack[i] as string).length), utf16be(stack[i + 1] as string));
          mode = '';
        } else if (w === 'endbfrange') mode = '';
        continue;
      }
      if (mode === 'beginbfrange') {
        // <lo> <hi> <dst>  or  <lo> <hi> [<d0> <d1> …]
        if (t.k === 'str') stack.push(t.v);
        else if (t.k === 'open' && t.v === '[') {
          const arr: string[] = [];
          for (;;) {
            const u = lx.next();
            if (u === null || (u.k === 'close' && u.v === ']')) break;
            if (u.k === 'str') arr.push(u.v);
          }
          const [lo, hi] = stack;
          stack.length = 0;
          if (lo !== undefined && hi !== undefined) {
            const a = codeOf(lo, 0, lo.length);
            arr.forEach((d, i) => m.map.set(a + i, utf16be(d)));
          }
          continue;
        }
        if (stack.length === 3) {
          const [lo, hi, dst] = stack as [string, string, string];
          stack.length = 0;
          const a = codeOf(lo, 0, lo.length);
          const b = Math.min(codeOf(hi, 0, hi.length), a + 65535);
          const base = utf16be(dst);
          const last = base.charCodeAt(base.length - 1);
          for (let c = a; c <= b; c++) m.map.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - a)));
        }
      } else if ((mode === 'begincodespacerange' || mode === 'beginbfchar') && t.k === 'str') stack.push(t.v);
    }
    if (m.ranges.length === 0) {
      // No codespace: guess the code length from the keys.
      let len = 1;
      for (const k of m.map.keys()) if (k > 0xff) len = 2;
      m.ranges.push({ len, lo: 0, hi: len === 2 ? 0xffff : 0xff });
    }
    m.lens = [...new Set(m.ranges.map((r) => r.len))].sort((a, b) => a - b);
    return m;
  }

  decode(bytes: string): string | null {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      let used = 0;
      for (const len of this.lens) {
        if (i + len > bytes.length) break;
        const code = codeOf(bytes, i, len);
        if (this.ranges.some((r) => r.len === len && code >= r.lo && code <= r.hi)) {
          const u = this.map.get(code);
          if (u !== undefined) out += u;
          used = len;
          break;
        }
      }
      i += used || 1;
    }
    return out;
  }
}

class TextDecoderFont implements FontDecoder {
  private readonly label: string;
  private readonly transform: ((bytes: string) => string) | undefined;

  constructor(label: string, transform?: (bytes: string) => string) {
    this.label = label;
    this.transform = transform;
  }

  decode(bytes: string): string {
    const b = this.transform ? this.transform(bytes) : bytes;
    return new TextDecoder(this.label).decode(Buffer.from(b, 'latin1'));
  }
}

/** Predefined CMaps (Adobe-Japan1) whose codes are a standard encoding. */
export function predefinedCMapDecoder(name: string): FontDecoder | null {
  if (/RKSJ/.test(name)) return new TextDecoderFont('shift_jis');
  if (/^EUC-[HV]$/.test(name)) return new TextDecoderFont('euc-jp');
  if (/^UniJIS-(UCS2|UTF16)/.test(name) || /^UniJIS2004-UTF16/.test(name)) return new TextDecoderFont('utf-16be');
  if (/^UniJIS(X|2004)?-UTF8/.test(name)) return new TextDecoderFont('utf-8');
  // ISO-2022-JP row/cell codes: the same bytes + 0x80 are EUC-JP.
  if (name === 'H' || name === 'V') return new TextDecoderFont('euc-jp', (b) => b.replace(/[\s\S]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) | 0x80)));
  return null;
}

export const WIN_ANSI: FontDecoder = new TextDecoderFont('windows-1252');

/** A font we cannot decode (Identity-H without ToUnicode, Type3 …). */
export const UNDECODABLE: FontDecoder = { decode: () => null };

/** Bytes shown with a font we could not resolve: UTF-16BE with a BOM, or printable ASCII; else nothing. */
export const GUESS: FontDecoder = {
  decode(bytes: string): string | null {
    if (bytes.startsWith('\u00fe\u00ff')) return utf16be(bytes.slice(2));
    return /^[\x20-\x7e\t\r\n]*$/.test(bytes) ? bytes : null;
  },
};
