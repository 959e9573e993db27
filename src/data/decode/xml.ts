// A small incremental XML/HTML tokenizer: tags, text (entities decoded), CDATA; comments, processing
// instructions and doctypes skipped; HTML script/style contents skipped. Enough for OOXML parts and for
// stripping tags from XML/HTML files. It keeps only an unfinished tag between chunks (bounded).
import { note } from './note-messages.js';
import { MAX_PENDING_CHARS, type NoteFn } from './segmenter.js';

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; one text node may come in several calls. */
  text(text: string): void;
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', yen: '¥', copy: '©', reg: '®', times: '×', divide: '÷',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', middot: '·', deg: '°', plusmn: '±', sect: '§', para: '¶',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', euro: '€', pound: '£', cent: '¢', trade: '™', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[body] ?? m;
  });
}

/** The value of attribute `name` in a raw attribute string, entities decoded. */
export function attr(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? ' ' : raw[at - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let k = from;
    while (raw[k] === ' ' || raw[k] === '\t' || raw[k] === '\n' || raw[k] === '\r') k++;
    if (raw[k] !== '=') continue;
    k++;
    while (raw[k] === ' ' || raw[k] === '\t' || raw[k] === '\n' || raw[k] === '\r') k++;
    const q = raw[k];
    if (q === '"' || q === "'") {
      const end = raw.indexOf(q, k + 1);
      return decodeEntities(raw.slice(k + 1, end < 0 ? raw.length : end));
    }
    let e = k;
    while (e < raw.length && raw[e] !== ' ' && raw[e] !== '\t' && raw[e] !== '>' && raw[e] !== '/') e++;
    return decodeEntities(raw.slice(k, e));
  }
}

/** Every attribute (name, value) of a raw attribute string. */
export function attrs(raw: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>"']+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) out.push([m[1] as string, decodeEntities(m[3] ?? m[4] ?? m[5] ?? '')]);
  return out;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

/** Finds the `>` that ends a tag starting at `from`, skipping quoted attribute values; -1 when not yet there. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

export class XmlTokenizer {
  private pending = '';
  private readonly h: XmlHandler;
  private readonly html: boolean;
  private readonly note: NoteFn;
  /** HTML: inside <script> or <style>, skip to this closing tag. */
  private rawUntil: string | null = null;

  constructor(handler: XmlHandler, opts: { html?: boolean; note?: NoteFn } = {}) {
    this.h = handler;
    this.html = opts.html === true;
    this.note = opts.note ?? (() => undefined);
  }

  write(text: string): void {
    const s = this.pending.length > 0 ? this.pending + text : text;
    const pos = this.run(s);
    this.pending = pos >= s.length ? '' : s.slice(pos);
    if (this.pending.length > MAX_PENDING_CHARS) {
      this.note(note('markup-long'));
      this.pending = '';
    }
  }

  end(): void {
    // Whatever is left is an unfinished tag or comment (cut input): dropped. Trailing text is kept.
    if (this.pending !== '' && !this.pending.startsWith('<')) this.h.text(decodeEntities(this.pending));
    this.pending = '';
  }

  /** Consumes `s` as far as possible; returns the position where an unfinished construct begins. */
  private run(s: string): number {
    const n = s.length;
    const h = this.h;
    let pos = 0;
    while (pos < n) {
      if (this.rawUntil !== null) {
        const close = s.toLowerCase().indexOf(this.rawUntil, pos);
        if (close < 0) return Math.max(pos, n - this.rawUntil.length);
        pos = close;
        this.rawUntil = null;
        continue;
      }
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // Keep a possibly cut entity (`&am`) for the next chunk.
        const amp = s.lastIndexOf('&');
        const keepFrom = amp >= pos && amp > n - 12 && s.indexOf(';', amp) < 0 ? amp : n;
        if (keepFrom > pos) h.text(decodeEntities(s.slice(pos, keepFrom)));
        return keepFrom;
      }
      if (lt > pos) h.text(decodeEntities(s.slice(pos, lt)));
      pos = lt;
      if (lt + 1 >= n) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          pos = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          if (e > lt + 9) h.text(s.slice(lt + 9, e));
          pos = e + 3;
        } else {
          if (n - lt < 9) return lt;
          const e = s.indexOf('>', lt + 2);
          if (e < 0) return lt;
          pos = e + 1;
        }
      } else if (c1 === 63) {
        // <? ?>
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        pos = e + 2;
      } else if (c1 === 47) {
        // </name>
        const e = s.indexOf('>', lt + 2);
        if (e < 0) return lt;
        h.close(s.slice(lt + 2, e).trim());
        pos = e + 1;
      } else if (isNameStart(c1)) {
        const e = tagEnd(s, lt + 1);
        if (e < 0) return lt;
        const selfClosing = s.charCodeAt(e - 1) === 47;
        const body = s.slice(lt + 1, selfClosing ? e - 1 : e);
        let k = 0;
        while (k < body.length) {
          const c = body.charCodeAt(k);
          if (c === 32 || c === 9 || c === 10 || c === 13) break;
          k++;
        }
        const name = body.slice(0, k);
        h.open(name, body.slice(k), selfClosing);
        pos = e + 1;
        if (this.html && !selfClosing) {
          const lower = name.toLowerCase();
          if (lower === 'script' || lower === 'style') this.rawUntil = `</${lower}`;
        }
      } else {
        // A lone "<" in text.
        h.text('<');
        pos = lt + 1;
      }
    }
    return pos;
  }
}
