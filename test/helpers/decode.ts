// Runs the decoder over bytes and collects everything it yields (decoder tests assert Segments directly).
import { decodeStream, type DecodeOptions, type DecodeStats } from '../../src/data/decode/decode-stream.js';
import type { Segment } from '../../src/data/types.js';

export interface Decoded {
  encoding: string;
  format: string;
  decoded: boolean;
  segments: Segment[];
  stats: DecodeStats;
}

export async function decodeAll(input: Uint8Array | AsyncIterable<Uint8Array>, opts: DecodeOptions): Promise<Decoded> {
  const d = await decodeStream(input, opts);
  const segments: Segment[] = [];
  for await (const s of d.segments) segments.push(s);
  const stats = d.stats();
  return { encoding: stats.encoding, format: stats.format, decoded: d.decoded, segments, stats };
}

/** Feeds a buffer as a stream of small chunks (chunk boundaries inside characters, quotes, escapes, tags). */
export async function* inPieces(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

/** Texts of the segments (`field:text@row`). */
export function brief(segments: readonly Segment[]): string[] {
  return segments.map((s) => `${s.field !== undefined ? `${s.field}:` : ''}${s.text}${s.row !== undefined ? `@${s.row}` : ''}`);
}
