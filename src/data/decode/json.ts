// JSON and JSONL as a stream: a tolerant incremental lexer (never JSON.parse of the whole document) that turns
// every string and number leaf into a Segment { text, field: the nearest key, row: the record }. Records are
// the elements of the first array met outside any record (a top-level array, or `{"employees": [...]}`), or
// each line of JSONL. Numbers keep their literal digits (no float rounding of 12-digit identifiers).
// Malformed input is skipped over, not thrown; in JSONL a bad line does not affect the next one.
import type { Segment } from '../types.js';
import { MAX_SEGMENT_CHARS, type Segmenter } from './segmenter.js';

interface Frame {
  obj: boolean;
  /** The key whose value is being read (objects). */
  key?: string;
  /** Elements of this array are records. */
  record: boolean;
}

const MAX_KEY = 256;

function isLiteralChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 43 || c === 45 || c === 46;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export class JsonSegmenter implements Segmenter {
  private readonly lines: boolean;
  private stack: Frame[] = [];
  private recordFrames = 0;
  private expectKey = false;
  /** Inside a string: the text so far (null outside). */
  private str: string | null = null;
  private strIsKey = false;
  /** An escape sequence cut by a chunk boundary. */
  private esc = '';
  /** A number or literal being read (null outside). */
  private lit: string | null = null;
  private row = -1;
  /** JSONL: the current line already started a record. */
  private lineStarted = false;

  /** `lines`: JSONL (one value per line; a newline resets the lexer). */
  constructor(lines: boolean) {
    this.lines = lines;
  }

  write(text: string, out: Segment[]): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.str !== null) {
        i = this.readString(text, i, out);
        continue;
      }
      if (this.lit !== null) {
        let j = i;
        while (j < n && isLiteralChar(text.charCodeAt(j))) j++;
        if (this.lit.length < 4096) this.lit += text.slice(i, Math.min(j, i + 4096));
        i = j;
        if (j < n) this.endLiteral(out);
        continue;
      }
      const c = text.charCodeAt(i);
      i++;
      switch (c) {
        case 34: // "
          this.strIsKey = this.expectKey && this.top()?.obj === true;
          if (!this.strIsKey) this.valueStart();
          this.str = '';
          break;
        case 123: // {
          this.valueStart();
          this.stack.push({ obj: true, record: false });
          this.expectKey = true;
          break;
        case 91: {
          // [
          this.valueStart();
          const record = !this.lines && this.recordFrames === 0;
          if (record) this.recordFrames++;
          this.stack.push({ obj: false, record });
          this.expectKey = false;
          break;
        }
        case 125: // }
        case 93: {
          // ]
          const f = this.stack.pop();
          if (f?.record) this.recordFrames--;
          this.expectKey = false;
          break;
        }
        case 58: // :
          this.expectKey = false;
          break;
        case 44: // ,
          this.expectKey = this.top()?.obj === true;
          break;
        case 10: // \n
          if (this.lines) this.resetLine();
          break;
        default:
          if (isLiteralChar(c)) {
            this.valueStart();
            this.lit = String.fromCharCode(c);
          }
      }
    }
  }

  end(partial: boolean, out: Segment[]): void {
    // An unterminated string at the end is dropped (cut input); a complete trailing number is kept.
    if (this.lit !== null && !partial) this.endLiteral(out);
    this.str = null;
    this.lit = null;
    this.stack = [];
    this.recordFrames = 0;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private resetLine(): void {
    this.stack = [];
    this.recordFrames = 0;
    this.expectKey = false;
    this.str = null;
    this.lit = null;
    this.esc = '';
    this.lineStarted = false;
  }

  /** A value begins: a new record when it is an element of a record array or a JSONL line. */
  private valueStart(): void {
    if (this.lines) {
      if (!this.lineStarted) {
        this.lineStarted = true;
        this.row++;
      }
      return;
    }
    if (this.top()?.record) this.row++;
  }

  private field(): string | undefined {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const f = this.stack[k] as Frame;
      if (f.obj && f.key !== undefined) return f.key;
    }
    return undefined;
  }

  private leaf(text: string, out: Segment[]): void {
    if (text.length === 0) return;
    const field = this.field();
    const seg: Segment = { text };
    if (field !== undefined) seg.field = field;
    if (this.lines ? this.row >= 0 : this.recordFrames > 0) seg.row = this.row;
    out.push(seg);
  }

  private endLiteral(out: Segment[]): void {
    const lit = this.lit as string;
    this.lit = null;
    if (/^-?[0-9]/.test(lit)) this.leaf(lit, out);
  }

  private endString(out: Segment[]): void {
    const s = this.str as string;
    this.str = null;
    if (this.strIsKey) {
      const f = this.top();
      if (f) f.key = s.length > MAX_KEY ? s.slice(0, MAX_KEY) : s;
    } else {
      this.leaf(s, out);
    }
  }

  /** Continues a string at `i`; returns where to go on. */
  private readString(text: string, i: number, out: Segment[]): number {
    const n = text.length;
    if (this.esc !== '') {
      // Complete an escape cut at the previous chunk's end.
      const need = this.esc.length >= 2 && this.esc[1] === 'u' ? 6 : 2;
      const take = Math.min(n - i, need - this.esc.length);
      this.esc += text.slice(i, i + take);
      i += take;
      if (this.esc.length < need) return n;
      this.str += this.unescape(this.esc);
      this.esc = '';
    }
    while (i < n) {
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === 34 || c === 92 || c === 10) break;
        j++;
      }
      this.str += text.slice(i, j);
      if (j >= n) {
        this.splitLong(out);
        return n;
      }
      if (c === 34) {
        this.endString(out);
        return j + 1;
      }
      if (c === 10) {
        // A raw newline cannot be inside a JSON string: malformed; in JSONL it ends the line.
        if (this.lines) {
          this.resetLine();
          return j + 1;
        }
        this.str += '\n';
        i = j + 1;
        continue;
      }
      // Backslash.
      const need = text[j + 1] === 'u' ? 6 : 2;
      if (j + need > n) {
        this.esc = text.slice(j);
        return n;
      }
      this.str += this.unescape(text.slice(j, j + need));
      i = j + need;
    }
    this.splitLong(out);
    return n;
  }

  private unescape(seq: string): string {
    if (seq[1] === 'u') {
      const code = Number.parseInt(seq.slice(2), 16);
      return Number.isNaN(code) ? '' : String.fromCharCode(code);
    }
    return ESCAPES[seq[1] ?? ''] ?? (seq[1] ?? '');
  }

  /** A very long string value is handed out in pieces instead of being buffered whole. */
  private splitLong(out: Segment[]): void {
    if (this.str === null) return;
    if (this.strIsKey) {
      if (this.str.length > MAX_KEY) this.str = this.str.slice(0, MAX_KEY);
      return;
    }
    if (this.str.length <= MAX_SEGMENT_CHARS) return;
    this.leaf(this.str, out);
    this.str = '';
  }
}
