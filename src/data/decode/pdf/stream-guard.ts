// Before pdf.js parses a PDF: every Flate stream is inflated once here under the decompression limits, so a
// stream that would inflate to gigabytes (a PDF bomb) stops the object with a note instead of exhausting memory
// inside pdf.js, which has no such limit. Content streams and other data count toward --max-decompressed; font
// programs and images are only checked one by one (the ratio, and no single stream above the limit), since pdf.js
// decodes images only when asked (image-only pages, bounded by pixels) and fonts are large but legitimate. The
// dimensions of images are kept to say which images are too large to be read. A scan of the bytes, not a parser:
// what it cannot recognise is left to pdf.js.
import { note } from '../note-messages.js';
import { constants, inflateSync } from 'node:zlib';
import type { DecodeContext } from '../limits.js';

export interface StreamScan {
  /** Streams found (any filter). */
  streams: number;
  /** Images (width × height) above `maxImagePixels`. */
  oversizedImages: number;
  /** A decompression limit tripped or the time ran out: the PDF must not be parsed. */
  stop: boolean;
}

/** Streams larger than this (compressed) are not inflated here: the byte limit already bounds them. */
const MAX_STREAM = 64 * 1024 * 1024;
const DICT_WINDOW = 16 * 1024;

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

function dictBefore(buf: Buffer, at: number): string {
  const from = Math.max(0, at - DICT_WINDOW);
  const obj = buf.lastIndexOf('obj', at);
  return buf.toString('latin1', obj >= from ? obj : from, at);
}

function firstFilter(dict: string): string | null {
  const m = /\/Filter\s*(?:\[\s*)?\/([A-Za-z0-9]+)/.exec(dict);
  return m ? (m[1] as string) : null;
}

/** Inflates `input` under the limits; false when a limit tripped (the context is then stopped). */
function checkInflate(input: Buffer, ctx: DecodeContext, counted: boolean): boolean {
  const { maxRatio, ratioMinBytes, maxDecompressedBytes } = ctx.limits;
  const room = counted ? ctx.decompressedRoom() : maxDecompressedBytes > 0 ? maxDecompressedBytes : Infinity;
  const byRatio = maxRatio > 0 ? Math.max(ratioMinBytes, input.length * maxRatio) : Infinity;
  const cap = Math.min(room, byRatio, MAX_STREAM * 4);
  let out: Buffer;
  try {
    out = inflateSync(input, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, Math.floor(cap)) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') return true; // corrupt or encrypted: pdf.js decides
    if (byRatio <= room) ctx.ratioOk(byRatio + 1, input.length, 'a PDF stream');
    else if (counted) ctx.addDecompressed(room + 1, 'a PDF stream');
    else ctx.stop(note('pdf-stream-inflates'));
    return false;
  }
  return counted ? ctx.addDecompressed(out.length, 'a PDF stream') : true;
}

/** Scans the streams of a PDF; stops `ctx` (with its note) when one of them trips a decompression limit. */
export function guardStreams(buf: Buffer, ctx: DecodeContext, maxImagePixels: number): StreamScan {
  const scan: StreamScan = { streams: 0, oversizedImages: 0, stop: false };
  let pos = 0;
  for (;;) {
    const at = buf.indexOf(STREAM, pos);
    if (at < 0) break;
    pos = at + STREAM.length;
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = pos;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    else if (start === pos) continue; // `stream` not followed by an end of line: not a stream keyword
    scan.streams++;
    if ((scan.streams & 63) === 0 && ctx.msLeft() <= 0) {
      ctx.timeUp();
      scan.stop = true;
      return scan;
    }
    const dict = dictBefore(buf, at);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = length ? start + Number(length[1]) : -1;
    const after = end >= start && end <= buf.length ? buf.indexOf(ENDSTREAM, end) : -1;
    if (after < 0 || after - end > 4) {
      // No /Length, an indirect one, or a wrong one: up to `endstream` (or the end of a cut file).
      const e = buf.indexOf(ENDSTREAM, start);
      end = e < 0 ? buf.length : e;
    }
    pos = Math.max(pos, end);
    const image = /\/Subtype\s*\/Image\b/.test(dict);
    if (image) {
      const w = /\/Width\s+(\d+)/.exec(dict);
      const h = /\/Height\s+(\d+)/.exec(dict);
      if (w && h && Number(w[1]) * Number(h[1]) > maxImagePixels) scan.oversizedImages++;
      continue;
    }
    const filter = firstFilter(dict);
    if (filter !== 'FlateDecode' && filter !== 'Fl') continue;
    if (end - start > MAX_STREAM) continue;
    const font = /\/Length[123]\b|\/Subtype\s*\/(?:Type1C|CIDFontType0C|OpenType)\b/.test(dict);
    if (!checkInflate(buf.subarray(start, end), ctx, !font)) {
      scan.stop = true;
      return scan;
    }
  }
  return scan;
}
