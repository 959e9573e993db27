// PDF syntax (ISO 32000-1 §7.2–7.3) over a "binary string" (one char per byte, latin1): tokens and objects —
// numbers, names, literal and hex strings, arrays, dictionaries, indirect references, keywords/operators.

export type PdfValue =
  | { k: 'num'; v: number }
  | { k: 'name'; v: string }
  | { k: 'str'; v: string }
  | { k: 'ref'; n: number }
  | { k: 'arr'; v: PdfValue[] }
  | { k: 'dict'; v: Map<string, PdfValue> }
  | { k: 'kw'; v: string };

export type PdfToken = PdfValue | { k: 'open'; v: '[' | '<<' | '{' } | { k: 'close'; v: ']' | '>>' | '}' };

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

function isDelimiter(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

const MAX_DEPTH = 64;

export class PdfLexer {
  pos: number;
  readonly s: string;
  readonly end: number;

  constructor(s: string, pos = 0, end = s.length) {
    this.s = s;
    this.pos = pos;
    this.end = end;
  }

  skipWhite(): void {
    const s = this.s;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        // comment to end of line
        while (this.pos < this.end && s.charCodeAt(this.pos) !== 0x0a && s.charCodeAt(this.pos) !== 0x0d) this.pos++;
      } else break;
    }
  }

  next(): PdfToken | null {
    this.skipWhite();
    if (this.pos >= this.end) return null;
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    switch (c) {
      case 0x2f: // /name
        return { k: 'name', v: this.name() };
      case 0x28: // (string)
        return { k: 'str', v: this.literal() };
      case 0x3c: // < or <<
        if (s.charCodeAt(this.pos + 1) === 0x3c) {
          this.pos += 2;
          return { k: 'open', v: '<<' };
        }
        return { k: 'str', v: this.hex() };
      case 0x3e:
        this.pos += s.charCodeAt(this.pos + 1) === 0x3e ? 2 : 1;
        return { k: 'close', v: '>>' };
      case 0x5b:
        this.pos++;
        return { k: 'open', v: '[' };
      case 0x5d:
        this.pos++;
        return { k: 'close', v: ']' };
      case 0x7b:
        this.pos++;
        return { k: 'open', v: '{' };
      case 0x7d:
        this.pos++;
        return { k: 'close', v: '}' };
      case 0x29:
        this.pos++;
        return this.next();
    }
    const start = this.pos;
    while (this.pos < this.end) {
      const d = s.charCodeAt(this.pos);
      if (isWhite(d) || isDelimiter(d)) break;
      this.pos++;
    }
    const word = s.slice(start, this.pos);
    const first = word.charCodeAt(0);
    if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) {
      const n = Number(word);
      if (!Number.isNaN(n)) return { k: 'num', v: n };
    }
    return { k: 'kw', v: word };
  }

  private name(): string {
    const s = this.s;
    this.pos++;
    let out = '';
    let start = this.pos;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (isWhite(c) || isDelimiter(c)) break;
      if (c === 0x23 && this.pos + 2 < this.end) {
        const h = hexValue(s.charCodeAt(this.pos + 1));
        const l = hexValue(s.charCodeAt(this.pos + 2));
        if (h >= 0 && l >= 0) {
          out += s.slice(start, this.pos) + String.fromCharCode(h * 16 + l);
          this.pos += 3;
          start = this.pos;
          continue;
        }
      }
      this.pos++;
    }
    return out + s.slice(start, this.pos);
  }

  private literal(): string {
    const s = this.s;
    this.pos++;
    let depth = 1;
    let out = '';
    let start = this.pos;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x5c) {
        out += s.slice(start, this.pos);
        this.pos++;
        const e = s.charCodeAt(this.pos);
        this.pos++;
        switch (e) {
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x0d:
            if (s.charCodeAt(this.pos) === 0x0a) this.pos++;
            break;
          case 0x0a:
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let v = e - 0x30;
              for (let k = 0; k < 2; k++) {
                const o = s.charCodeAt(this.pos);
                if (o < 0x30 || o > 0x37) break;
                v = v * 8 + (o - 0x30);
                this.pos++;
              }
              out += String.fromCharCode(v & 0xff);
            } else if (!Number.isNaN(e)) out += String.fromCharCode(e);
        }
        start = this.pos;
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        depth--;
        if (depth === 0) {
          out += s.slice(start, this.pos);
          this.pos++;
          return out;
        }
      }
      this.pos++;
    }
    return out + s.slice(start, this.pos);
  }

  private hex(): string {
    const s = this.s;
    this.pos++;
    let out = '';
    let hi = -1;
    while (this.pos < this.end) {
      const c = s.charCodeAt(this.pos++);
      if (c === 0x3e) break;
      const v = hexValue(c);
      if (v < 0) continue;
      if (hi < 0) hi = v;
      else {
        out += String.fromCharCode(hi * 16 + v);
        hi = -1;
      }
    }
    if (hi >= 0) out += String.fromCharCode(hi * 16);
    return out;
  }

  /** One complete object; `n g R` becomes a reference. Null at the end. */
  value(depth = 0): PdfValue | null {
    const t = this.next();
    if (t === null) return null;
    return this.finish(t, depth);
  }

  /** Completes an object whose first token was already read. */
  finish(t: PdfToken, depth: number): PdfValue | null {
    if (t.k === 'open') {
      if (depth > MAX_DEPTH) return null;
      if (t.v === '<<') return this.dict(depth + 1);
      return { k: 'arr', v: this.items(depth + 1, t.v === '[' ? ']' : '}') };
    }
    if (t.k === 'close') return null;
    if (t.k === 'num' && Number.isInteger(t.v)) {
      // Look ahead for `g R`.
      const save = this.pos;
      const g = this.next();
      if (g && g.k === 'num') {
        const r = this.next();
        if (r && r.k === 'kw' && r.v === 'R') return { k: 'ref', n: t.v };
      }
      this.pos = save;
    }
    return t;
  }

  private items(depth: number, close: string): PdfValue[] {
    const out: PdfValue[] = [];
    for (;;) {
      const t = this.next();
      if (t === null) return out;
      if (t.k === 'close') {
        if (t.v === close) return out;
        continue;
      }
      if (t.k === 'kw' && t.v === 'R' && out.length >= 2) {
        const g = out[out.length - 1];
        const n = out[out.length - 2];
        if (g?.k === 'num' && n?.k === 'num') {
          out.length -= 2;
          out.push({ k: 'ref', n: n.v });
          continue;
        }
      }
      if (t.k === 'open') {
        const v = this.finish(t, depth);
        if (v) out.push(v);
      } else out.push(t);
    }
  }

  private dict(depth: number): PdfValue {
    const items = this.items(depth, '>>');
    const map = new Map<string, PdfValue>();
    for (let i = 0; i + 1 < items.length; i += 2) {
      const key = items[i];
      if (key?.k !== 'name') {
        i--; // resynchronise on the next name
        continue;
      }
      map.set(key.v, items[i + 1] as PdfValue);
    }
    return { k: 'dict', v: map };
  }
}

export function dictGet(d: PdfValue | undefined | null, key: string): PdfValue | undefined {
  return d?.k === 'dict' ? d.v.get(key) : undefined;
}

export function nameOf(v: PdfValue | undefined): string | undefined {
  return v?.k === 'name' ? v.v : undefined;
}

export function numOf(v: PdfValue | undefined): number | undefined {
  return v?.k === 'num' ? v.v : undefined;
}
