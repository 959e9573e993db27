// Streaming decompression (node:zlib) under the limits: compressed input is fed in small pieces so one piece
// can never blow up memory (deflate tops out near 1032:1), and after each piece the decompressed size and the
// ratio are checked. A corrupt or cut stream ends the output with a note instead of an exception.
import { createGunzip, createInflate, createInflateRaw, type Gunzip, type Inflate, type InflateRaw } from 'node:zlib';
import type { DecodeContext } from './limits.js';

/** 8 KiB of compressed input yields at most about 8 MiB of output. */
const PIECE = 8 * 1024;

export type InflateKind = 'gzip' | 'zlib' | 'raw';

export interface InflateInfo {
  /** Compressed bytes handed to zlib. */
  fed: number;
  /** Compressed bytes zlib consumed (exact once the stream ended; trailing bytes are not counted). */
  consumed: number;
  /** Decompressed bytes produced. */
  produced: number;
  /** The compressed stream reached its proper end. */
  complete: boolean;
  /** zlib's message when the data was corrupt or cut. */
  error?: string;
}

type ZStream = Gunzip | Inflate | InflateRaw;

function writePiece(z: ZStream, piece: Buffer): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      z.off('error', finish);
      z.off('close', finish);
      z.off('end', finish);
      resolve();
    };
    z.once('error', finish);
    z.once('close', finish);
    z.once('end', finish);
    if (z.destroyed || z.writableEnded) return finish();
    z.write(piece, () => finish());
  });
}

function endStream(z: ZStream): Promise<void> {
  return new Promise((resolve) => {
    if (z.readableEnded || z.destroyed) return resolve();
    const finish = (): void => resolve();
    z.once('end', finish);
    z.once('error', finish);
    z.once('close', finish);
    z.end();
  });
}

/**
 * Decompresses `source`. `what` names the stream in notes ("gzip", "zip entry xl/sharedStrings.xml").
 * The output ends when the compressed stream ends, even if more input follows (zip entries whose size is only
 * given after the data: `info.consumed` then says where the entry ended). Multi-member gzip is read whole.
 */
export function inflateChunks(
  source: AsyncIterable<Buffer>,
  kind: InflateKind,
  ctx: DecodeContext,
  what: string,
): { chunks: AsyncGenerator<Buffer>; info: InflateInfo } {
  const info: InflateInfo = { fed: 0, consumed: 0, produced: 0, complete: false };
  async function* run(): AsyncGenerator<Buffer> {
    const z: ZStream = kind === 'gzip' ? createGunzip() : kind === 'raw' ? createInflateRaw() : createInflate();
    const queue: Buffer[] = [];
    z.on('data', (d: Buffer) => queue.push(d));
    z.on('error', (e: Error) => (info.error = e.message));
    z.on('end', () => (info.complete = true));
    // Hands out what zlib produced, within the limits; false when decoding must stop.
    const drain = function* (): Generator<Buffer, boolean> {
      while (queue.length > 0) {
        const d = queue.shift() as Buffer;
        const room = ctx.decompressedRoom();
        if (d.length > room) {
          if (room > 0) yield d.subarray(0, room);
          info.produced += d.length;
          ctx.addDecompressed(d.length, what);
          return false;
        }
        info.produced += d.length;
        ctx.addDecompressed(d.length, what);
        if (!ctx.ratioOk(info.produced, info.fed, what)) return false;
        yield d;
      }
      return true;
    };
    try {
      let more = true;
      outer: for await (const chunk of source) {
        for (let off = 0; off < chunk.length; off += PIECE) {
          const piece = chunk.subarray(off, Math.min(chunk.length, off + PIECE));
          info.fed += piece.length;
          await writePiece(z, piece);
          more = yield* drain();
          if (!more || info.error !== undefined || info.complete || ctx.stopped) break outer;
        }
        if (ctx.timeUp()) break;
      }
      if (more && info.error === undefined && !info.complete && !ctx.stopped) {
        await endStream(z);
        yield* drain();
      }
    } finally {
      info.consumed = z.bytesWritten;
      z.destroy();
    }
  }
  return { chunks: run(), info };
}
