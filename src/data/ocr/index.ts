// OCR of pictures (src/data/decode/image-text.ts): one OcrService per run holds the engine (a pool of tesseract.js
// workers, created on the first image, terminated by close()); it hands out one ImageTextReader per resource (or
// per `kumoscan classify` run), each with its own budget. With OCR off there is no reader: decoders then classify
// images by name only. Importing this module does not load tesseract.js (engine.ts imports it on first use).
import type { ImageTextReader } from '../decode/image-text.js';
import { TesseractEngine, type OcrEngine } from './engine.js';
import { DEFAULT_OCR_LIMITS, type OcrLimits } from './limits.js';
import { OcrImageTextReader } from './reader.js';

export { DEFAULT_OCR_LIMITS, type OcrLimits } from './limits.js';
export { OcrImageTextReader } from './reader.js';
export { normalizeOcrText, foldOcrText, compactText } from './normalize.js';
export { DOCUMENT_KINDS, recognizeDocument } from './documents/index.js';

export interface OcrSettings extends Partial<OcrLimits> {
  /** --ocr on|off (default on). */
  enabled?: boolean;
  /** Workers of the pool (default: one per core, at most 2). */
  workers?: number;
}

export class OcrService {
  private engine: OcrEngine | null = null;
  readonly enabled: boolean;
  readonly limits: OcrLimits;

  constructor(
    private readonly settings: OcrSettings = {},
    private readonly makeEngine: () => OcrEngine = () => new TesseractEngine(settings.workers !== undefined ? { workers: settings.workers } : {}),
  ) {
    this.enabled = settings.enabled !== false;
    this.limits = {
      maxImages: settings.maxImages ?? DEFAULT_OCR_LIMITS.maxImages,
      timeLimitMs: settings.timeLimitMs ?? DEFAULT_OCR_LIMITS.timeLimitMs,
      maxPixels: settings.maxPixels ?? DEFAULT_OCR_LIMITS.maxPixels,
      imageCpuMs: settings.imageCpuMs ?? DEFAULT_OCR_LIMITS.imageCpuMs,
      imageWallMs: settings.imageWallMs ?? DEFAULT_OCR_LIMITS.imageWallMs,
    };
  }

  /** True once an image was given to the engine (tests: no engine for a run without images). */
  get started(): boolean {
    return this.engine !== null;
  }

  /** A reader with a fresh budget (one per resource, or per classify run); undefined when OCR is off. */
  reader(): ImageTextReader | undefined {
    if (!this.enabled) return undefined;
    return new OcrImageTextReader(() => (this.engine ??= this.makeEngine()), this.limits);
  }

  /** Terminates the engine's workers (always call at the end of a run, or the process does not exit). */
  async close(): Promise<void> {
    const e = this.engine;
    this.engine = null;
    await e?.close();
  }
}
