// Bytes → Segments: sniff what the bytes are (magic numbers, encoding, text format), then stream them through
// the matching decoder under the limits. The entry points for classify (files) and for bucket sampling
// (the first N bytes of an object, possibly cut mid-record).
import { createReadStream } from 'node:fs';
import type { Segment } from '../types.js';
import { bufferAccess, chunksOf, collect, fileAccess, limitedInput, peek, type ByteInput, type RandomAccess } from './byte-source.js';
import { CsvSegmenter } from './csv.js';
import { detectEncoding, StreamTextDecoder } from './encoding.js';
import type { ImageTextReader } from './image-text.js';
import { inflateChunks } from './inflate.js';
import { JsonSegmenter } from './json.js';
import { DecodeContext, errorCode, formatBytes, resolveLimits, type DecodeLimits } from './limits.js';
import { extensionOf, isImageName, sniffMagic, stripExtension } from './magic.js';
import { HtmlSegmenter, XmlSegmenter } from './markup.js';
import { ooxmlBatches, ooxmlKind } from './ooxml.js';
import { pdfSegments } from './pdf.js';
import type { NoteFn, Segmenter } from './segmenter.js';
import { TextChunkSegmenter } from './text-chunks.js';
import { detectTextFormat, type TextFormatGuess } from './text-format.js';
import { entriesByDirectory, entriesByLocalHeaders, localNamesInHead, readCentralDirectory, type ZipEntry } from './zip.js';

/** Bytes looked at before deciding the encoding and the format. */
const HEAD_BYTES = 64 * 1024;
/** gzip in gzip, a zip in a zip …: deeper nesting is not decoded. */
const MAX_DEPTH = 3;
/** Containers read whole (PDF, a zip without random access) never exceed this, even with limits switched off. */
const HARD_CAP = 1024 * 1024 * 1024;

function bufferCap(ctx: DecodeContext): number {
  const { maxDecompressedBytes, maxBytes } = ctx.limits;
  return Math.min(Math.max(maxBytes || HARD_CAP, maxDecompressedBytes || HARD_CAP), HARD_CAP);
}

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
  /** A limit or a partial read cut the content: counts are lower bounds. */
  truncated: boolean;
  /** Why (fixed sentences, never content). */
  notes: string[];
  /** Final encoding (a pure-ASCII head may be settled later in the stream). */
  encoding: string;
  format: string;
}

export interface DecodedStream {
  /** utf-8, utf-8-bom, shift_jis, euc-jp, utf-16le, utf-16be, iso-2022-jp, binary, unknown (as far as known now). */
  readonly encoding: string;
  /** csv, tsv, json, jsonl, text, xml, html, xlsx, docx, pptx, pdf, zip, gzip+<inner>, image, binary, empty. */
  readonly format: string;
  /** False for images and binaries: no segments; classify them by name. */
  readonly decoded: boolean;
  /** The segments in document order, a batch per input chunk. Iterate once (either this or `segments`). */
  readonly batches: AsyncIterable<Segment[]>;
  /** The same segments one by one. */
  readonly segments: AsyncIterable<Segment>;
  stats(): DecodeStats;
  /** Releases the input when the segments are not read to the end. */
  close(): Promise<void>;
}

interface Inner {
  encoding(): string;
  format(): string;
  decoded: boolean;
  batches: AsyncGenerator<Segment[]>;
  close(): Promise<void>;
}

interface Env {
  ctx: DecodeContext;
  /** Evaluated at the end: was the input cut? */
  partial: () => boolean;
  depth: number;
  /** Random access to the same bytes (zip central directory), when available. */
  random?: () => Promise<RandomAccess>;
  /** OCR of pictures (image-only PDF pages) and the object's deadline, from DecodeOptions. */
  imageText?: ImageTextReader;
  deadline?: number;
}

async function* none(): AsyncGenerator<Segment[]> {}

function segmenterFor(guess: TextFormatGuess, note: NoteFn): Segmenter {
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

/** `a.csv.gz` → `a.csv`; `a.tgz` → `a.tar`. */
function gunzippedName(name: string): string {
  const ext = extensionOf(name);
  if (ext === 'gz' || ext === 'gzip') return stripExtension(name);
  if (ext === 'tgz') return `${stripExtension(name)}.tar`;
  return name;
}

function notDecoded(format: string, encoding: string, close: () => Promise<void>): Inner {
  return { encoding: () => encoding, format: () => format, decoded: false, batches: none(), close };
}

/** Decodes one byte stream (recursively for gzip and zip members). */
async function decodeSource(source: AsyncIterable<Buffer>, name: string, env: Env): Promise<Inner> {
  const { ctx } = env;
  const p = await peek(source, HEAD_BYTES);
  const note: NoteFn = (n) => ctx.note(n);
  if (p.head.length === 0) {
    await p.close();
    return { encoding: () => 'utf-8', format: () => 'empty', decoded: true, batches: none(), close: () => Promise.resolve() };
  }
  const magic = sniffMagic(p.head);
  if (magic !== null && env.depth >= MAX_DEPTH && magic.kind !== 'image') {
    ctx.note(`containers nested more than ${MAX_DEPTH} deep were not decoded`);
    return notDecoded('binary', 'binary', p.close);
  }
  switch (magic?.kind) {
    case 'gzip': {
      const z = inflateChunks(p.stream, 'gzip', ctx, 'gzip data');
      const inner = await decodeSource(z.chunks, gunzippedName(name), { ...env, depth: env.depth + 1, random: undefined });
      async function* batches(): AsyncGenerator<Segment[]> {
        yield* inner.batches;
        if (z.info.error !== undefined && !ctx.stopped) ctx.cut(`gzip data is corrupt or cut (${z.info.error}); decoded up to there`);
      }
      return { encoding: inner.encoding, format: () => `gzip+${inner.format()}`, decoded: inner.decoded, batches: batches(), close: inner.close };
    }
    case 'zip': {
      let ra: RandomAccess;
      if (env.random) {
        await p.close();
        ra = await env.random();
      } else {
        ra = bufferAccess(await collect(p.stream, bufferCap(ctx), ctx, 'zip archive'));
      }
      const directory = await readCentralDirectory(ra, ctx);
      if (directory === null) ctx.note('zip central directory not found (a prefix or a cut file): entries read in file order');
      const kind = ooxmlKind(directory?.map((e) => e.name) ?? localNamesInHead(p.head), name);
      if (kind !== null) {
        async function* batches(): AsyncGenerator<Segment[]> {
          try {
            yield* ooxmlBatches(ra, kind as NonNullable<typeof kind>, directory, ctx);
          } finally {
            await ra.close();
          }
        }
        return { encoding: () => 'utf-8', format: () => kind, decoded: true, batches: batches(), close: () => ra.close() };
      }
      return zipMembers(ra, directory, env);
    }
    case 'pdf': {
      const buf = await collect(p.stream, bufferCap(ctx), ctx, 'PDF');
      async function* batches(): AsyncGenerator<Segment[]> {
        const segs = await pdfSegments(buf, ctx, env.partial(), { name, ...(env.imageText ? { imageText: env.imageText } : {}), ...(env.deadline !== undefined ? { deadline: env.deadline } : {}) });
        for (let i = 0; i < segs.length; i += 256) yield segs.slice(i, i + 256);
      }
      return { encoding: () => 'binary', format: () => 'pdf', decoded: true, batches: batches(), close: () => Promise.resolve() };
    }
    case 'image':
      ctx.note(`${magic.type} image: content not decoded; classified by file name only`);
      await p.close();
      return notDecoded('image', 'binary', () => Promise.resolve());
    case 'binary':
      ctx.note(`${magic.type} binary: content not decoded; classified by file name only`);
      await p.close();
      return notDecoded('binary', 'binary', () => Promise.resolve());
  }
  const guess = detectEncoding(p.head, p.ended);
  if (guess.encoding === 'binary') {
    const image = isImageName(name);
    ctx.note(`${image ? 'image' : 'binary'} content: not decoded; classified by file name only`);
    await p.close();
    return notDecoded(image ? 'image' : 'binary', 'binary', () => Promise.resolve());
  }
  const dec = new StreamTextDecoder(guess);
  const headText = dec.decode(p.head);
  const fmt = detectTextFormat(name, headText);
  const seg = segmenterFor(fmt, note);
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
      ctx.cut(`read error (${errorCode(err)}); decoded up to there`);
    }
    const out: Segment[] = [];
    seg.write(dec.flush(), out);
    seg.end(env.partial(), out);
    if (out.length > 0) yield out;
  }
  return { encoding: () => dec.encoding, format: () => fmt.format, decoded: true, batches: batches(), close: p.close };
}

/** A plain zip archive: each member decoded on its own (row numbers kept apart). */
function zipMembers(ra: RandomAccess, directory: ZipEntry[] | null, env: Env): Inner {
  const { ctx } = env;
  const plan = { order: (names: readonly string[]) => names.filter((n) => !n.endsWith('/')), wants: (n: string) => !n.endsWith('/') };
  const encodings = new Set<string>();
  async function* batches(): AsyncGenerator<Segment[]> {
    try {
      const entries = directory !== null ? entriesByDirectory(ra, directory, plan, ctx) : entriesByLocalHeaders(ra, plan, ctx);
      let rowBase = 0;
      for await (const { name, data } of entries) {
        const member = await decodeSource(data, name, { ctx, partial: env.partial, depth: env.depth + 1, imageText: env.imageText, deadline: env.deadline });
        if (!member.decoded) {
          await member.close();
          continue;
        }
        let maxRow = -1;
        for await (const batch of member.batches) {
          for (const s of batch) {
            if (s.row === undefined) continue;
            s.row += rowBase;
            if (s.row > maxRow) maxRow = s.row;
          }
          yield batch;
        }
        encodings.add(member.encoding());
        rowBase = Math.max(rowBase, maxRow + 1);
        if (ctx.stopped) break;
      }
    } finally {
      await ra.close();
    }
  }
  return {
    encoding: () => (encodings.size === 1 ? [...encodings][0] as string : encodings.size === 0 ? 'binary' : 'mixed'),
    format: () => 'zip',
    decoded: true,
    batches: batches(),
    close: () => ra.close(),
  };
}

async function* flatten(batches: AsyncIterable<Segment[]>): AsyncGenerator<Segment> {
  for await (const b of batches) yield* b;
}

async function build(source: AsyncIterable<Buffer>, opts: DecodeOptions, ctx: DecodeContext, random?: () => Promise<RandomAccess>): Promise<DecodedStream> {
  const sampled = (): boolean => opts.partial === true || (opts.size !== undefined && ctx.bytesRead < opts.size);
  const inner = await decodeSource(limitedInput(source, ctx), opts.name, {
    ctx,
    partial: () => sampled() || ctx.truncated,
    depth: 0,
    ...(random ? { random } : {}),
    ...(opts.imageText ? { imageText: opts.imageText } : {}),
    ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}),
  });
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    if (sampled() && !ctx.stopped) ctx.cut(`only the first ${formatBytes(ctx.bytesRead)}${opts.size !== undefined ? ` of ${formatBytes(opts.size)}` : ''} were read (a sample)`);
  };
  async function* guarded(): AsyncGenerator<Segment[]> {
    try {
      yield* inner.batches;
    } catch (err) {
      // A read error half-way (a file that vanished, a network reset): keep what was decoded.
      ctx.cut(`read error (${errorCode(err)}); decoded up to there`);
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
    stats: () => ({
      bytesRead: ctx.bytesRead,
      decompressedBytes: ctx.decompressedBytes,
      truncated: ctx.truncated,
      notes: [...ctx.notes],
      encoding: inner.encoding(),
      format: inner.format(),
    }),
    close: async () => {
      await batches.return(undefined);
      await inner.close();
    },
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
      if (cut) ctx.stop(`read limit of ${formatBytes(max)} per object reached (--max-bytes); the rest was not read`);
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
