// The ImageTextReader of src/data/decode/image-text.ts on the OCR engine: one reader per resource sampled (or per
// `kumoscan classify` run) carries that budget — images read (--ocr-max-images) and OCR time (--ocr-time-limit) —
// and bounds each image: its pixels (dimensions read from the header first, with image-size) and its time — CPU time
// of the worker thread, with a wall time above it as a safety net, and never past the budget or the object's
// deadline (the worker is terminated and replaced when it overruns). Notes are fixed sentences, never content.
import { note } from '../decode/note-messages.js';
import { imageSize } from 'image-size';
import type { ImageInput, ImageText, ImageTextReader, ImageTextRequest } from '../decode/image-text.js';
import { OcrTimeout, type OcrEngine, type OcrLine, type OcrResult, type OcrTimeLimit } from './engine.js';
import { myNumberUnread, pageSegments, withMyNumberLines } from './page-segments.js';
import { encodePnm } from './raw-image.js';
import { pageForOcr } from './scan-cleanup.js';
import { tiffSize } from './tiff-size.js';
import { DEFAULT_OCR_LIMITS, type OcrLimits } from './limits.js';

/** Formats the engine's Leptonica decodes (test/unit/ocr-real.test.ts reads one file of each). */
const READABLE = new Set(['jpg', 'png', 'tiff', 'webp', 'bmp', 'gif']);

/** ISO-BMFF brands of HEIC/HEIF/AVIF pictures (image-size may not find their size). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

function isHeif(b: Uint8Array): boolean {
  if (b.length < 12) return false;
  const s = Buffer.from(b.buffer, b.byteOffset, 12).toString('latin1');
  return s.slice(4, 8) === 'ftyp' && HEIF_BRANDS.has(s.slice(8, 12));
}

function skipped(note: string): ImageText {
  return { segments: [], confidence: null, documentKind: null, notes: [note], incomplete: true };
}

const HEIF_NOTE = note('heif');

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}`;

/** The note of an image stopped at its limit: CPU time of its worker, or wall time (the safety net, a budget). */
function timeoutNote(err: OcrTimeout): string {
  return note(err.clock === 'cpu' ? 'ocr-cpu-timeout' : 'ocr-timeout', { seconds: seconds(err.ms) });
}

export class OcrImageTextReader implements ImageTextReader {
  private read_ = 0;
  private notRead = 0;
  private spentMs = 0;
  private rows = 0;

  constructor(
    private readonly engine: () => OcrEngine,
    readonly limits: OcrLimits = DEFAULT_OCR_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Images read, images not read because the budget was spent, OCR time spent (ms). */
  get stats(): { read: number; notRead: number; spentMs: number } {
    return { read: this.read_, notRead: this.notRead, spentMs: this.spentMs };
  }

  private budgetSpent(): ImageText | null {
    const { maxImages, timeLimitMs } = this.limits;
    if (this.read_ >= maxImages) {
      this.notRead++;
      return skipped(note('ocr-max-images', { max: maxImages, count: this.notRead, images: this.notRead === 1 ? 'image' : 'images' }));
    }
    if (this.spentMs >= timeLimitMs) {
      this.notRead++;
      return skipped(note('ocr-time-limit', { seconds: seconds(timeLimitMs), count: this.notRead, images: this.notRead === 1 ? 'image' : 'images' }));
    }
    return null;
  }

  /**
   * A page that names a My Number none of whose lines holds a valid one is read again with adaptive thresholding
   * (noise and blur break large digits into kana under the global threshold); a line of that reading with a valid
   * My Number joins the first reading's lines. Within the image's time: when none is left, or the second reading
   * fails, the first reading stands as it is.
   */
  private async secondLook(bytes: Uint8Array, first: OcrResult, start: number, wallMs: number, req: ImageTextRequest): Promise<readonly OcrLine[]> {
    const elapsed = this.now() - start;
    const limit = { cpuMs: this.limits.imageCpuMs - (first.cpuMs ?? elapsed), wallMs: Math.min(wallMs, this.limits.timeLimitMs - this.spentMs, req.deadline - start) - elapsed };
    if (limit.cpuMs <= 0 || limit.wallMs <= 0) return first.lines;
    try {
      const again = await this.engine().recognize(bytes, limit, 'adaptive');
      return withMyNumberLines(first.lines, again.lines);
    } catch {
      return first.lines;
    }
  }

  async read(image: ImageInput, req: ImageTextRequest): Promise<ImageText> {
    const spent = this.budgetSpent();
    if (spent) return spent;
    let bytes: Uint8Array;
    let pixels: number;
    if (image.kind === 'raw') {
      pixels = image.width * image.height;
      if (!(pixels > 0)) return skipped(note('ocr-no-pixels'));
    } else {
      let size: { width?: number; height?: number; type?: string };
      if (isHeif(image.bytes)) return skipped(HEIF_NOTE);
      try {
        const tiff = tiffSize(image.bytes);
        size = tiff !== null ? { ...tiff, type: 'tiff' } : imageSize(image.bytes);
      } catch {
        return skipped(note('ocr-format-unknown'));
      }
      const type = size.type ?? 'unknown';
      if (type === 'heif') return skipped(HEIF_NOTE);
      if (!READABLE.has(type)) return skipped(note('image-ocr-format', { type }));
      pixels = (size.width ?? 0) * (size.height ?? 0);
    }
    if (pixels > this.limits.maxPixels) {
      return skipped(note('ocr-too-many-pixels', { mp: Math.round(pixels / 1e5) / 10, max: Math.round(this.limits.maxPixels / 1e5) / 10 }));
    }
    const start = this.now();
    const limit: OcrTimeLimit = { cpuMs: this.limits.imageCpuMs, wallMs: Math.min(this.limits.imageWallMs, this.limits.timeLimitMs - this.spentMs, req.deadline - start) };
    if (limit.wallMs <= 0) return skipped(note('ocr-no-time'));
    try {
      bytes = image.kind === 'raw' ? encodePnm(pageForOcr(image)) : image.bytes;
    } catch {
      return skipped(note('ocr-pixels-inconsistent'));
    }
    this.read_++;
    const row = this.rows++;
    try {
      const result = await this.engine().recognize(bytes, limit);
      const lines = myNumberUnread(result.lines) ? await this.secondLook(bytes, result, start, limit.wallMs, req) : result.lines;
      const page = pageSegments(lines, row);
      return { segments: page.segments, confidence: Math.round(result.confidence), documentKind: page.documentKind, notes: [], incomplete: false };
    } catch (err) {
      if (err instanceof OcrTimeout) return skipped(timeoutNote(err));
      return skipped(note('ocr-decode-failed'));
    } finally {
      this.spentMs += Math.max(0, this.now() - start);
    }
  }
}
