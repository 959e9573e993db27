// Byte sources for decoding: chunked streams (files, range GETs, gunzip output), peeking at the head without
// losing it, the read limit and time budget on the way in, and random access (zip central directory) over a
// file handle or a buffer. Nothing here holds more than one chunk plus the peeked head.
import { note } from './note-messages.js';
import { open, type FileHandle } from 'node:fs/promises';
import { errorCode, formatBytes, type DecodeContext } from './limits.js';

export type ByteInput = AsyncIterable<Uint8Array> | Uint8Array;

export const CHUNK = 64 * 1024;

function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** Any input as a stream of Buffers (a Uint8Array is cut into views of CHUNK bytes, not copied). */
export async function* chunksOf(input: ByteInput): AsyncGenerator<Buffer> {
  if (input instanceof Uint8Array) {
    const buf = asBuffer(input);
    for (let i = 0; i < buf.length; i += CHUNK) yield buf.subarray(i, Math.min(buf.length, i + CHUNK));
    return;
  }
  for await (const chunk of input) if (chunk.byteLength > 0) yield asBuffer(chunk);
}

export interface Peeked {
  /** At least `n` bytes, or everything when the stream is shorter. */
  head: Buffer;
  /** The stream ended within the head. */
  ended: boolean;
  /** The whole stream again: the head first, then the rest. Iterate once. */
  stream: AsyncGenerator<Buffer>;
  /** Closes the source when the stream will not be read (e.g. an image). */
  close(): Promise<void>;
}

/** Reads the first `n` bytes to sniff them, without losing them. */
export async function peek(source: AsyncIterable<Buffer>, n: number): Promise<Peeked> {
  const it = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let have = 0;
  let ended = false;
  // An error after some bytes came is kept for later (what came is decoded); an error before any is thrown.
  let failure: { err: unknown } | null = null;
  while (have < n) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (err) {
      if (parts.length === 0) throw err;
      failure = { err };
      ended = true;
      break;
    }
    if (r.done) {
      ended = true;
      break;
    }
    parts.push(r.value);
    have += r.value.length;
  }
  const head = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (failure !== null) throw failure.err;
      if (ended) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      if (!ended) await it.return?.();
    }
  }
  const close = async (): Promise<void> => {
    if (!ended) await it.return?.();
  };
  return { head, ended, stream: replay(), close };
}

/**
 * The raw input with the read limit and the time budget applied: counts ctx.bytesRead, cuts the last chunk at
 * maxBytes, and stops (closing the source) when a limit trips or the context was stopped.
 */
export async function* limitedInput(source: AsyncIterable<Buffer>, ctx: DecodeContext): AsyncGenerator<Buffer> {
  const max = ctx.limits.maxBytes;
  for await (const chunk of source) {
    if (ctx.stopped || ctx.timeUp()) return;
    if (max > 0 && ctx.bytesRead + chunk.length > max) {
      const keep = max - ctx.bytesRead;
      ctx.bytesRead = max;
      if (keep > 0) yield chunk.subarray(0, keep);
      ctx.stop(note('read-limit', { limit: formatBytes(max) }));
      return;
    }
    ctx.bytesRead += chunk.length;
    yield chunk;
  }
}

/** Collects a stream into one Buffer of at most `max` bytes (containers that need random access: zip, PDF). */
export async function collect(source: AsyncIterable<Buffer>, max: number, ctx: DecodeContext, what: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  try {
    for await (const chunk of source) {
      if (max > 0 && have + chunk.length > max) {
        parts.push(chunk.subarray(0, max - have));
        have = max;
        ctx.stop(note('larger-than', { stream: what, limit: formatBytes(max) }));
        break;
      }
      parts.push(chunk);
      have += chunk.length;
    }
  } catch (err) {
    if (have === 0) throw err;
    ctx.cut(note('read-error', { error: errorCode(err) }));
  }
  return Buffer.concat(parts, have);
}

/** Positional reads (zip central directory at the end of the file). */
export interface RandomAccess {
  readonly size: number;
  /** Up to `length` bytes at `position` (fewer at the end). */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function bufferAccess(buf: Buffer): RandomAccess {
  return {
    size: buf.length,
    read: (position, length) => Promise.resolve(buf.subarray(Math.max(0, position), Math.min(buf.length, position + length))),
    close: () => Promise.resolve(),
  };
}

/** Random access to a file already read whole: the same answers and bytesRead counting as fileAccess. */
export function contentAccess(content: Buffer, ctx: DecodeContext): RandomAccess {
  return {
    size: content.length,
    read(position, length) {
      const len = Math.max(0, Math.min(length, content.length - position));
      ctx.bytesRead += len;
      return Promise.resolve(content.subarray(position, position + len));
    },
    close: () => Promise.resolve(),
  };
}

/** Random access to a file; every read counts into ctx.bytesRead. */
export async function fileAccess(path: string, ctx: DecodeContext): Promise<RandomAccess> {
  const fh: FileHandle = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    async read(position, length) {
      const len = Math.max(0, Math.min(length, size - position));
      const buf = Buffer.allocUnsafe(len);
      let got = 0;
      while (got < len) {
        const { bytesRead } = await fh.read(buf, got, len - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      ctx.bytesRead += got;
      return got === len ? buf : buf.subarray(0, got);
    },
    close: () => fh.close(),
  };
}
