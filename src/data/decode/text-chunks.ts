// Free text (TXT, LOG, anything without structure) as chunks of bounded size, cut at line ends where possible
// so that a value is rarely split between two segments.
import type { Segment } from '../types.js';
import { MAX_SEGMENT_CHARS, type Segmenter } from './segmenter.js';

/** Where to cut `s` at or before `max`: after a newline, else after a space, else at `max`. */
export function cutPoint(s: string, max: number): number {
  const nl = s.lastIndexOf('\n', max - 1);
  if (nl >= max / 2) return nl + 1;
  for (let i = max - 1; i >= max / 2; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x3001 || c === 0x3002) return i + 1;
  }
  // Do not split a surrogate pair.
  const c = s.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

export class TextChunkSegmenter implements Segmenter {
  private buf = '';
  private readonly max: number;

  constructor(max = MAX_SEGMENT_CHARS) {
    this.max = max;
  }

  write(text: string, out: Segment[]): void {
    this.buf += text;
    while (this.buf.length >= this.max) {
      const cut = cutPoint(this.buf, this.max);
      this.push(this.buf.slice(0, cut), out);
      this.buf = this.buf.slice(cut);
    }
  }

  end(partial: boolean, out: Segment[]): void {
    let rest = this.buf;
    this.buf = '';
    if (partial) {
      // The last line was cut mid-way: a half value must not be classified as a whole one.
      const nl = rest.lastIndexOf('\n');
      const cut = nl >= 0 ? nl : Math.max(rest.lastIndexOf(' '), rest.lastIndexOf('\t'), rest.lastIndexOf('\u3000'));
      rest = cut >= 0 ? rest.slice(0, cut + 1) : '';
    }
    this.push(rest, out);
  }

  private push(text: string, out: Segment[]): void {
    if (text.trim() !== '') out.push({ text });
  }
}
