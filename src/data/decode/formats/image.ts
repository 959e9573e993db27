// Pictures (JPEG, PNG, GIF, TIFF, BMP, WebP; HEIC/HEIF recognized). Without an ImageTextReader they are classified
// by name only, as before. With one (OCR), the picture is read into memory (bounded) and its recognized text feeds
// the classifier; the reader's notes are kept and an incomplete read marks the object partly read. HEIC has no
// decoder here: a note names it and the object counts as partly read.
import { note } from '../note-messages.js';
import type { Segment } from '../../types.js';
import { errorCode, formatBytes, MiB } from '../limits.js';
import { imageType } from '../magic.js';
import { inBatches, notDecoded, readWhole, unread } from './common.js';
import type { Env, FormatSpec, Inner } from './types.js';

/** The largest picture handed to OCR (also bounded by --max-bytes). */
export const MAX_IMAGE_BYTES = 64 * MiB;

function imageCap(env: Env): number {
  const max = env.ctx.limits.maxBytes;
  return max > 0 ? Math.min(max, MAX_IMAGE_BYTES) : MAX_IMAGE_BYTES;
}

function ocrBatches(bytes: Buffer, name: string, env: Env): AsyncGenerator<Segment[]> {
  const { ctx } = env;
  const reader = env.imageText;
  async function* run(): AsyncGenerator<Segment[]> {
    if (reader === undefined || ctx.stopped || ctx.timeUp()) return;
    let segments: Segment[] = [];
    try {
      const text = await reader.read({ kind: 'encoded', bytes }, { name, deadline: ctx.deadlineAt() });
      for (const n of text.notes) ctx.note(n);
      if (text.incomplete) unread(env, note('ocr-incomplete'), true);
      segments = text.segments;
    } catch (err) {
      unread(env, note('ocr-failed', { error: errorCode(err) }), true);
    }
    yield* inBatches(segments);
  }
  return run();
}

export const imageFormat: FormatSpec = {
  id: 'image',
  title: 'pictures: JPEG, PNG, GIF, TIFF, BMP, WebP (text by OCR when enabled), HEIC/HEIF (recognized, not decoded)',
  extensions: ['jpg', 'jpeg', 'jpe', 'png', 'gif', 'tif', 'tiff', 'bmp', 'webp', 'heic', 'heif', 'avif'],
  magic: (head) => imageType(head) !== null,
  nesting: 'leaf',
  depthLimited: false,
  async open(input, sniff, env): Promise<Inner> {
    const type = imageType(input.head) ?? 'unknown';
    if (env.imageText === undefined) {
      unread(env, note('image-type', { type }), false);
      await input.close();
      return notDecoded('image', 'binary');
    }
    if (type === 'heic') {
      unread(env, note('heic'), true);
      await input.close();
      return notDecoded('image', 'binary');
    }
    const cap = imageCap(env);
    const read = await readWhole(input.stream, cap);
    if (read.over || read.error !== undefined || env.ctx.stopped || (env.depth === 0 && env.partial())) {
      const why = read.over ? note('image-too-large', { limit: formatBytes(cap) }) : read.error !== undefined ? note('image-read-error', { error: read.error }) : note('image-partial');
      unread(env, why, true);
      return notDecoded('image', 'binary');
    }
    const name = env.member === '' ? sniff.name : env.member;
    return { encoding: () => 'binary', format: () => 'image', decoded: true, batches: ocrBatches(read.bytes, name, env), close: () => Promise.resolve() };
  },
};
