// Bytes → Segments: the entry points for classify (files) and for bucket sampling (the first N bytes of an object,
// possibly cut mid-record). What the bytes are and how they are decoded is the format registry's business
// (./formats/index.ts); here are the limits on the input, the bookkeeping and the public shape of a decode.
import { note } from './note-messages.js';
import { createReadStream } from 'node:fs';
import type { Segment } from '../types.js';
import { bufferAccess, chunksOf, contentAccess, fileAccess, limitedInput, type ByteInput, type RandomAccess } from './byte-source.js';
import { decodeSource, HEAD_BYTES, recognize } from './formats/index.js';
import { decodeWholeText, openText, textFormat } from './formats/text.js';
import type { Env, Sniff } from './formats/types.js';
import { extensionOf } from './magic.js';
import type { ImageTextReader } from './image-text.js';
import { DecodeContext, errorCode, formatBytes, resolveLimits, type DecodeLimits } from './limits.js';

export interface DecodeOptions {
  /** File name or object key: decides the format when the content does not (.csv vs .txt …). */
  name: string;
  limits?: Partial<DecodeLimits>;
  /** The input is only the first bytes of a larger object (a range GET): truncated, the last record dropped. */
  partial?: boolean;
  /** Size of the whole object when known; fewer bytes read means `partial`. */
  size?: number;
  /** Absolute end time (ms since the epoch) besides limits.timeBudgetMs. */
  deadline?: number;
  /** Clock (tests). */
  now?: () => number;
  /** Reads the text of pictures (OCR); without it images are classified by name only. */
  imageText?: ImageTextReader;
}

export interface DecodeStats {
  /** Bytes read from the input (compressed bytes for gzip/zip). */
  bytesRead: number;
  decompressedBytes: number;
  /** A limit or a partial read cut the content, or some content was not decoded: counts are lower bounds. */
  truncated: boolean;
  /** Why (fixed sentences, never content; members not decoded are named, masked). */
  notes: string[];
  /** Final encoding (a pure-ASCII head may be settled later in the stream). */
  encoding: string;
  format: string;
  /**
   * Paths of the members inside the object (archive entries, mail attachments; at most 10,000): the file-name rule
   * for ID documents applies to them. The user's data: never print them.
   */
  members: string[];
}

export interface DecodedStream {
  /** utf-8, utf-8-bom, shift_jis, euc-jp, utf-16le, utf-16be, iso-2022-jp, binary, unknown (as far as known now). */
  readonly encoding: string;
  /** csv, tsv, json, jsonl, text, xml, html, xlsx, docx, pptx, pdf, zip, tar, eml, gzip+<inner>, image, binary, empty. */
  readonly format: string;
  /** False for images (without OCR) and binaries: no segments; classify them by name. */
  readonly decoded: boolean;
  /** The segments in document order, a batch per input chunk. Iterate once (either this or `segments`). */
  readonly batches: AsyncIterable<Segment[]>;
  /** The same segments one by one. */
  readonly segments: AsyncIterable<Segment>;
  stats(): DecodeStats;
  /** Releases the input when the segments are not read to the end. */
  close(): Promise<void>;
}

async function* flatten(batches: AsyncIterable<Segment[]>): AsyncGenerator<Segment> {
  for await (const b of batches) yield* b;
}

/** Was the input only a part of the object (a range GET, a read limit below the size)? */
function sampledOf(opts: DecodeOptions, ctx: DecodeContext): () => boolean {
  return () => opts.partial === true || (opts.size !== undefined && ctx.bytesRead < opts.size);
}

/** The end of the input: a sample that no limit stopped says so. */
function endOfInput(opts: DecodeOptions, ctx: DecodeContext, sampled: () => boolean): void {
  if (sampled() && !ctx.stopped) ctx.cut(opts.size !== undefined ? note('sample-of', { read: formatBytes(ctx.bytesRead), size: formatBytes(opts.size) }) : note('sample', { read: formatBytes(ctx.bytesRead) }));
}

function statsOf(ctx: DecodeContext, encoding: string, format: string): DecodeStats {
  return {
    bytesRead: ctx.bytesRead,
    decompressedBytes: ctx.decompressedBytes,
    truncated: ctx.truncated,
    notes: ctx.unnamedUnread > 0 ? [...ctx.notes, note('members-unnamed', { count: ctx.unnamedUnread })] : [...ctx.notes],
    encoding,
    format,
    members: [...ctx.members],
  };
}

function envOf(opts: DecodeOptions, ctx: DecodeContext, sampled: () => boolean, random?: () => Promise<RandomAccess>): Env {
  return {
    ctx,
    partial: () => sampled() || ctx.truncated,
    depth: 0,
    member: '',
    decode: decodeSource,
    ...(random ? { random } : {}),
    ...(opts.imageText ? { imageText: opts.imageText } : {}),
  };
}

async function build(source: AsyncIterable<Buffer>, opts: DecodeOptions, ctx: DecodeContext, random?: () => Promise<RandomAccess>): Promise<DecodedStream> {
  const sampled = sampledOf(opts, ctx);
  const inner = await decodeSource(limitedInput(source, ctx), opts.name, envOf(opts, ctx, sampled, random));
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    endOfInput(opts, ctx, sampled);
  };
  async function* guarded(): AsyncGenerator<Segment[]> {
    try {
      yield* inner.batches;
    } catch (err) {
      // A read error half-way (a file that vanished, a network reset): keep what was decoded.
      ctx.cut(note('read-error', { error: errorCode(err) }));
    } finally {
      finish();
    }
  }
  const batches = guarded();
  if (!inner.decoded) finish();
  return {
    get encoding() {
      return inner.encoding();
    },
    get format() {
      return inner.format();
    },
    decoded: inner.decoded,
    batches,
    segments: flatten(batches),
    stats: () => statsOf(ctx, inner.encoding(), inner.format()),
    close: async () => {
      await batches.return(undefined);
      await inner.close();
    },
  };
}

/** A decode of content held in memory, run synchronously (decodeWholeSync). */
export interface WholeDecode {
  readonly encoding: string;
  readonly format: string;
  /** False: no segments (content that is not text); classify it by name. */
  readonly decoded: boolean;
  /** Decodes: every segment to `sink`, in document order. Call once. */
  run(sink: (s: Segment) => void): void;
  stats(): DecodeStats;
}

const NOTHING = Buffer.alloc(0);

/**
 * Content already in memory decoded without a promise, a stream or a generator, when that gives exactly what
 * decodeStream and decodeFileContent give: at most HEAD_BYTES (one chunk, the whole head) of text (CSV/TSV,
 * JSON/JSONL, XML, HTML, plain text; content that is not text is classified by name), with the same read limit,
 * time budget, notes and sample rule. undefined for anything else (compressed, containers, PDF, pictures, larger
 * content): then decode it as a stream.
 */
export function decodeWholeSync(content: Buffer, opts: DecodeOptions): WholeDecode | undefined {
  if (content.length > HEAD_BYTES) return undefined;
  const ctx = contextFor(opts);
  const sampled = sampledOf(opts, ctx);
  // limitedInput over the one chunk
  let head = content;
  const max = ctx.limits.maxBytes;
  if (content.length > 0 && ctx.timeUp()) head = NOTHING;
  else if (max > 0 && content.length > max) {
    head = content.subarray(0, max);
    ctx.bytesRead = max;
    ctx.stop(note('read-limit', { limit: formatBytes(max) }));
  } else ctx.bytesRead = content.length;
  const stats = (encoding: string, format: string) => (): DecodeStats => statsOf(ctx, encoding, format);
  if (head.length === 0) {
    return { encoding: 'utf-8', format: 'empty', decoded: true, run: () => endOfInput(opts, ctx, sampled), stats: stats('utf-8', 'empty') };
  }
  // a stream of one chunk ends within the head unless the chunk fills it
  const sniff: Sniff = { head, ended: head.length < HEAD_BYTES, name: opts.name, ext: extensionOf(opts.name) };
  if (recognize(sniff) !== textFormat) return undefined;
  const env = envOf(opts, ctx, sampled);
  const start = openText(head, sniff.ended, sniff, env);
  if (start.binary !== undefined) {
    endOfInput(opts, ctx, sampled);
    return { encoding: 'binary', format: start.binary, decoded: false, run: () => undefined, stats: stats('binary', start.binary) };
  }
  return {
    get encoding() {
      return start.dec.encoding;
    },
    format: start.fmt.format,
    decoded: true,
    run(sink) {
      decodeWholeText(start, env, sink);
      endOfInput(opts, ctx, sampled);
    },
    stats: () => statsOf(ctx, start.dec.encoding, start.fmt.format),
  };
}

function contextFor(opts: { limits?: Partial<DecodeLimits>; now?: () => number; deadline?: number }): DecodeContext {
  return new DecodeContext(resolveLimits(opts.limits), opts.now ?? Date.now, opts.deadline ?? Infinity);
}

/** Decodes bytes in memory or a stream of chunks (a range GET, a pipe). */
export async function decodeStream(input: ByteInput, opts: DecodeOptions): Promise<DecodedStream> {
  const ctx = contextFor(opts);
  let random: (() => Promise<RandomAccess>) | undefined;
  if (input instanceof Uint8Array) {
    const whole = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    random = () => {
      const max = ctx.limits.maxBytes;
      const cut = max > 0 && whole.length > max;
      ctx.bytesRead = Math.max(ctx.bytesRead, cut ? max : whole.length);
      if (cut) ctx.stop(note('read-limit', { limit: formatBytes(max) }));
      return Promise.resolve(bufferAccess(cut ? whole.subarray(0, max) : whole));
    };
  }
  return build(chunksOf(input), opts, ctx, random);
}

/**
 * Decodes a file as a stream (bounded memory whatever its size); zip containers are read through the central
 * directory with positional reads.
 */
export async function decodeFile(path: string, opts: Omit<DecodeOptions, 'name'> & { name?: string } = {}): Promise<DecodedStream> {
  const ctx = contextFor(opts);
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>;
  return build(stream, { ...opts, name: opts.name ?? path }, ctx, () => fileAccess(path, ctx));
}

/**
 * A file already read whole (a small one, in one read): decoded exactly as decodeFile decodes it (the same chunks
 * of CHUNK bytes, positional reads counted the same way), without a read stream per file.
 */
export async function decodeFileContent(path: string, content: Buffer, opts: Omit<DecodeOptions, 'name'> & { name?: string } = {}): Promise<DecodedStream> {
  const ctx = contextFor(opts);
  return build(chunksOf(content), { ...opts, name: opts.name ?? path }, ctx, () => Promise.resolve(contentAccess(content, ctx)));
}
