// Small pieces shared by the formats: results without segments, batching, bounded whole reads, and the note that
// names a member that was not decoded (with the reason).
import { maskKey } from '../../detect/mask.js';
import type { Segment } from '../../types.js';
import { errorCode } from '../limits.js';
import type { Env, Inner } from './types.js';

async function* none(): AsyncGenerator<Segment[]> {}

/** No segments: the object is classified by name. */
export function notDecoded(format: string, encoding: string, close: () => Promise<void> = () => Promise.resolve()): Inner {
  return { encoding: () => encoding, format: () => format, decoded: false, batches: none(), close };
}

/** Decoded, but nothing in it (an empty file). */
export function emptyInner(): Inner {
  return { encoding: () => 'utf-8', format: () => 'empty', decoded: true, batches: none(), close: () => Promise.resolve() };
}

/** Segments of a finished list, in batches of 256. */
export async function* inBatches(segments: readonly Segment[]): AsyncGenerator<Segment[]> {
  for (let i = 0; i < segments.length; i += 256) yield segments.slice(i, i + 256);
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A member path as notes show it: digit runs and e-mail addresses masked (a file named after a My Number), control
 * characters escaped, at most 120 characters.
 */
export function memberLabel(path: string): string {
  const escaped = maskKey(path).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 120 ? `…${escaped.slice(-119)}` : escaped;
}

/**
 * This stream's content was not decoded: a note with the reason, naming the member when it is one (the object
 * itself is named by its profile). `partly`: the content is unknown, so the object counts as partly read.
 */
export function unread(env: Env, reason: string, partly: boolean): void {
  env.ctx.notDecoded(env.member === '' ? '' : memberLabel(env.member), reason, partly);
}

/** `parent/name` (the path of a member inside the object). */
export function memberPath(env: Env, name: string): string {
  return env.member === '' ? name : `${env.member}/${name}`;
}

/**
 * Reads a whole stream into memory, at most `max` bytes. `over`: the stream was longer (the bytes are then only
 * its first `max`; the rest is not read). A read error after some bytes keeps them (`error` says which).
 */
export async function readWhole(source: AsyncIterable<Buffer>, max: number): Promise<{ bytes: Buffer; over: boolean; error?: string }> {
  const parts: Buffer[] = [];
  let have = 0;
  try {
    for await (const chunk of source) {
      if (have + chunk.length > max) {
        parts.push(chunk.subarray(0, max - have));
        return { bytes: Buffer.concat(parts, max), over: true };
      }
      parts.push(chunk);
      have += chunk.length;
    }
  } catch (err) {
    if (have === 0) throw err;
    return { bytes: Buffer.concat(parts, have), over: false, error: errorCode(err) };
  }
  return { bytes: Buffer.concat(parts, have), over: false };
}
