// XML and HTML files with the tags stripped. XML: each text node and attribute value becomes a Segment whose
// field is its element (or attribute) name, so `<my_number>…</my_number>` carries its own context like a JSON
// key. HTML: the visible text (script/style skipped, a few value-bearing attributes kept) as bounded chunks.
import type { Segment } from '../types.js';
import { MAX_SEGMENT_CHARS, type NoteFn, type Segmenter } from './segmenter.js';
import { TextChunkSegmenter } from './text-chunks.js';
import { attr, attrs, XmlTokenizer, type XmlHandler } from './xml.js';

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon >= 0 ? qname.slice(colon + 1) : qname;
}

class XmlFieldHandler implements XmlHandler {
  out: Segment[] = [];
  private stack: string[] = [];
  private buf = '';

  open(name: string, raw: string, selfClosing: boolean): void {
    this.flush();
    const local = localName(name);
    if (raw.trim() !== '') {
      for (const [k, v] of attrs(raw)) {
        if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xml:') || v.trim() === '') continue;
        this.out.push({ text: v.slice(0, MAX_SEGMENT_CHARS), field: localName(k) });
      }
    }
    if (!selfClosing) {
      this.stack.push(local);
      if (this.stack.length > 512) this.stack.shift();
    }
  }

  close(name: string): void {
    this.flush();
    const local = localName(name);
    const at = this.stack.lastIndexOf(local);
    if (at >= 0) this.stack.length = at;
  }

  text(t: string): void {
    this.buf += t;
    if (this.buf.length > MAX_SEGMENT_CHARS) this.flush();
  }

  flush(): void {
    const t = this.buf;
    this.buf = '';
    if (t.trim() === '') return;
    const field = this.stack[this.stack.length - 1];
    this.out.push(field !== undefined ? { text: t, field } : { text: t });
  }
}

export class XmlSegmenter implements Segmenter {
  private readonly handler = new XmlFieldHandler();
  private readonly tok: XmlTokenizer;

  constructor(note?: NoteFn) {
    this.tok = new XmlTokenizer(this.handler, note ? { note } : {});
  }

  write(text: string, out: Segment[]): void {
    this.tok.write(text);
    this.take(out);
  }

  end(_partial: boolean, out: Segment[]): void {
    this.tok.end();
    this.handler.flush();
    this.take(out);
  }

  private take(out: Segment[]): void {
    if (this.handler.out.length === 0) return;
    for (const s of this.handler.out) out.push(s);
    this.handler.out = [];
  }
}

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'section', 'article', 'dt', 'dd', 'pre', 'blockquote', 'option', 'title']);
const TEXT_ATTRS = ['value', 'alt', 'title', 'content'];

class HtmlTextHandler implements XmlHandler {
  readonly chunks = new TextChunkSegmenter();
  out: Segment[] = [];

  open(name: string, raw: string): void {
    const lower = name.toLowerCase();
    if (BLOCK.has(lower)) this.chunks.write('\n', this.out);
    else this.chunks.write(' ', this.out);
    if (raw.trim() !== '') {
      for (const a of TEXT_ATTRS) {
        const v = attr(raw, a);
        if (v !== undefined && v.trim() !== '') this.chunks.write(` ${v} `, this.out);
      }
    }
  }

  close(name: string): void {
    this.chunks.write(BLOCK.has(name.toLowerCase()) ? '\n' : ' ', this.out);
  }

  text(t: string): void {
    this.chunks.write(t, this.out);
  }
}

export class HtmlSegmenter implements Segmenter {
  private readonly handler = new HtmlTextHandler();
  private readonly tok: XmlTokenizer;

  constructor(note?: NoteFn) {
    this.tok = new XmlTokenizer(this.handler, note ? { html: true, note } : { html: true });
  }

  write(text: string, out: Segment[]): void {
    this.tok.write(text);
    this.take(out);
  }

  end(partial: boolean, out: Segment[]): void {
    this.tok.end();
    this.handler.chunks.end(partial, this.handler.out);
    this.take(out);
  }

  private take(out: Segment[]): void {
    if (this.handler.out.length === 0) return;
    // HTML collapses white space; so do we (block ends stay line ends).
    for (const s of this.handler.out) {
      const text = s.text.replace(/[ \t\f\r]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
      if (text !== '') out.push({ text });
    }
    this.handler.out = [];
  }
}
