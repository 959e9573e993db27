// The registry of file formats: every format file is listed here once, in the order they are tried. A stream's
// first 64 KiB (and its name) pick the first format that recognizes it; containers hand their members back to
// decodeSource one level deeper, up to MAX_DEPTH. To add a format: write formats/<id>.ts exporting a FormatSpec
// (./types.ts) and list it in FORMATS before the formats that would otherwise take its bytes (text comes last).
import { note } from '../note-messages.js';
import { peek } from '../byte-source.js';
import { extensionOf } from '../magic.js';
import { binaryFormat } from './binary.js';
import { emptyInner, notDecoded, unread } from './common.js';
import { emlFormat } from './eml.js';
import { gzipFormat } from './gzip.js';
import { imageFormat } from './image.js';
import { MAX_DEPTH } from './limits.js';
import { oleFormat } from './ole.js';
import { pdfFormat } from './pdf.js';
import { tarFormat } from './tar.js';
import { textFormat } from './text.js';
import type { Env, FormatSpec, Inner, Sniff } from './types.js';
import { zipFormat } from './zip.js';

/** Bytes looked at before deciding the format (and, for text, the encoding). */
export const HEAD_BYTES = 64 * 1024;

/** Every format, in the order they are tried: magic numbers first, text-based formats next, text last. */
export const FORMATS: readonly FormatSpec[] = [gzipFormat, zipFormat, pdfFormat, imageFormat, oleFormat, tarFormat, binaryFormat, emlFormat, textFormat];

/** The format of a stream from its first bytes and its name (the text fallback when nothing else matches). */
export function recognize(sniff: Sniff): FormatSpec {
  for (const f of FORMATS) {
    const byName = f.byExtension !== undefined && f.byExtension !== false && f.extensions.includes(sniff.ext);
    if ((byName && (f.byExtension === true || (f.byExtension as (h: Buffer) => boolean)(sniff.head))) || f.magic?.(sniff.head) === true) return f;
  }
  return textFormat;
}

/** Decodes one stream (recursively for wrappers and containers). */
export async function decodeSource(source: AsyncIterable<Buffer>, name: string, env: Env): Promise<Inner> {
  const p = await peek(source, HEAD_BYTES);
  if (p.head.length === 0) {
    await p.close();
    return emptyInner();
  }
  const sniff: Sniff = { head: p.head, ended: p.ended, name, ext: extensionOf(name) };
  const format = recognize(sniff);
  if (format.depthLimited && env.depth >= MAX_DEPTH) {
    // Not read: whatever it holds is unknown, so the object is partly read.
    unread(env, note('nested-too-deep', { depth: MAX_DEPTH }), true);
    await p.close();
    return notDecoded('binary', 'binary');
  }
  return format.open(p, sniff, env);
}
