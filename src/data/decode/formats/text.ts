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
import type { Env, FormatSpec, Sniff } from './types.js';

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
    const start = openText(p.head, p.ended, sniff, env);
    if (start.binary !== undefined) {
      await p.close();
      return notDecoded(start.binary, 'binary');
    }
    const text0 = start;
    const { dec, fmt, seg, headText } = text0;
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
      endText(text0, env, out);
      if (out.length > 0) yield out;
    }
    return { encoding: () => dec.encoding, format: () => fmt.format, decoded: true, batches: batches(), close: p.close };
  },
};

/** A text stream once its head is read: the decoder, the format, the segmenter and the head as text. */
export interface TextStart {
  binary?: undefined;
  dec: StreamTextDecoder;
  fmt: TextFormatGuess;
  seg: Segmenter;
  headText: string;
}

/**
 * The encoding and the text format from the head (`ended`: the stream ended within it). Content that is not text
 * is classified by name (`binary`: the format it is then reported as; the note is made here).
 */
export function openText(head: Buffer, ended: boolean, sniff: Sniff, env: Env): TextStart | { binary: 'image' | 'binary' } {
  const guess = detectEncoding(head, ended);
  if (guess.encoding === 'binary') {
    const image = isImageName(sniff.name);
    unread(env, note('content-by-name', { kind: image ? 'image' : 'binary' }), false);
    return { binary: image ? 'image' : 'binary' };
  }
  const dec = new StreamTextDecoder(guess);
  const headText = dec.decode(head);
  const fmt = detectTextFormat(sniff.name, headText);
  return { dec, fmt, seg: segmenterFor(fmt, (n) => env.ctx.note(n)), headText };
}

/** The end of a text stream: what the decoder still holds, then the segmenter's last record (dropped when cut). */
export function endText(start: TextStart, env: Env, out: Segment[]): void {
  start.seg.write(start.dec.flush(), out);
  start.seg.end(env.partial(), out);
}

/**
 * A whole text held in memory (one chunk: at most the head's size) decoded without a stream, with the same segments,
 * notes and error handling as `open` gives for it. Segments go to `sink` in order.
 */
export function decodeWholeText(start: TextStart, env: Env, sink: (s: Segment) => void): void {
  let out: Segment[] = [];
  try {
    start.seg.write(start.headText, out);
  } catch (err) {
    out = [];
    env.ctx.cut(note('read-error', { error: errorCode(err) }));
  }
  for (const s of out) sink(s);
  out = [];
  try {
    endText(start, env, out);
  } catch (err) {
    out = [];
    env.ctx.cut(note('read-error', { error: errorCode(err) }));
  }
  for (const s of out) sink(s);
}
