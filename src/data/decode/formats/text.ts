// Text, the fallback: the encoding from the head (UTF-8/16, Shift_JIS, EUC-JP, ISO-2022-JP), then the text format
// (CSV/TSV, JSON/JSONL, XML, HTML, free text) by name and content, streamed through its segmenter. Content that is
// not text (NUL bytes, no known encoding) is classified by name.
import { note } from '../note-messages.js';
import type { Segment } from '../../types.js';
import { CsvSegmenter } from '../csv.js';
import { detectEncoding, StreamTextDecoder } from '../encoding.js';
import { JsonSegmenter } from '../json.js';
import { errorCode } from '../limits.js';
import { isImageName } from '../magic.js';
import { HtmlSegmenter, XmlSegmenter } from '../markup.js';
import type { NoteFn, Segmenter } from '../segmenter.js';
import { TextChunkSegmenter } from '../text-chunks.js';
import { detectTextFormat, type TextFormatGuess } from '../text-format.js';
import { notDecoded, unread } from './common.js';
import type { FormatSpec } from './types.js';

export function segmenterFor(guess: TextFormatGuess, note: NoteFn): Segmenter {
  switch (guess.format) {
    case 'csv':
    case 'tsv':
      return new CsvSegmenter(guess.delimiter ?? (guess.format === 'tsv' ? '\t' : ','), note);
    case 'json':
      return new JsonSegmenter(false);
    case 'jsonl':
      return new JsonSegmenter(true);
    case 'xml':
      return new XmlSegmenter(note);
    case 'html':
      return new HtmlSegmenter(note);
    default:
      return new TextChunkSegmenter();
  }
}

export const textFormat: FormatSpec = {
  id: 'text',
  title: 'text: CSV/TSV, JSON/JSONL, XML, HTML, plain text and logs, in any of the detected encodings',
  extensions: ['csv', 'tsv', 'json', 'jsonl', 'ndjson', 'xml', 'html', 'htm', 'txt', 'log', 'md'],
  // The fallback: everything that no other format recognized.
  magic: () => true,
  nesting: 'leaf',
  depthLimited: false,
  async open(p, sniff, env) {
    const { ctx } = env;
    const guess = detectEncoding(p.head, p.ended);
    if (guess.encoding === 'binary') {
      const image = isImageName(sniff.name);
      unread(env, note('content-by-name', { kind: image ? 'image' : 'binary' }), false);
      await p.close();
      return notDecoded(image ? 'image' : 'binary', 'binary');
    }
    const dec = new StreamTextDecoder(guess);
    const headText = dec.decode(p.head);
    const fmt = detectTextFormat(sniff.name, headText);
    const seg = segmenterFor(fmt, (n) => ctx.note(n));
    async function* batches(): AsyncGenerator<Segment[]> {
      let first = true;
      try {
        for await (const chunk of p.stream) {
          const text = first ? headText : dec.decode(chunk);
          first = false;
          const out: Segment[] = [];
          seg.write(text, out);
          if (out.length > 0) yield out;
          if (ctx.stopped) break;
        }
      } catch (err) {
        // A read error half-way (a vanished file, a reset connection): what was read is still classified.
        ctx.cut(note('read-error', { error: errorCode(err) }));
      }
      const out: Segment[] = [];
      seg.write(dec.flush(), out);
      seg.end(env.partial(), out);
      if (out.length > 0) yield out;
    }
    return { encoding: () => dec.encoding, format: () => fmt.format, decoded: true, batches: batches(), close: p.close };
  },
};
