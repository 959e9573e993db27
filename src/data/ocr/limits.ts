// The OCR budgets and their defaults (--ocr-max-images, --ocr-time-limit, and the per-image bounds). Kept apart from
// the reader (./reader.ts, which loads image-size) so the command line shows the defaults without loading it.
export interface OcrLimits {
  /** Images read per reader (resource or run); further images are not read (0: none at all). */
  maxImages: number;
  /** OCR time per reader (ms of wall time), summed over its images. */
  timeLimitMs: number;
  /** Pixels per image; larger images are not read. */
  maxPixels: number;
  /**
   * CPU time per image (ms, of the worker thread that reads it): the worker is terminated and replaced when it
   * overruns. Where a thread's CPU time cannot be read (not Linux), applied to wall time instead.
   */
  imageCpuMs: number;
  /** Wall time per image (ms): the safety net above imageCpuMs (a worker starved of CPU on a busy machine). */
  imageWallMs: number;
}

export const DEFAULT_OCR_LIMITS: OcrLimits = {
  maxImages: 50,
  timeLimitMs: 120_000,
  maxPixels: 40_000_000,
  imageCpuMs: 20_000,
  imageWallMs: 90_000,
};
