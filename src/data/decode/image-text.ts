// The seam between decoding and OCR: decoders that meet a picture (an image file, an image inside an archive, an
// image-only PDF page) hand it to an ImageTextReader when one is given; the OCR module (src/data/ocr/) implements
// it. Decoding never imports the OCR engine itself, so `classify` and sampling without OCR load nothing of it.
import type { Segment } from '../types.js';

/** A picture as stored (JPEG, PNG, TIFF, WebP, BMP, GIF … bytes). */
export interface EncodedImage {
  kind: 'encoded';
  bytes: Buffer;
}

/** Decoded pixels (a PDF page image): 1 (gray), 3 (RGB) or 4 (RGBA) bytes per pixel, rows top to bottom. */
export interface RawImage {
  kind: 'raw';
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  data: Uint8Array;
}

export type ImageInput = EncodedImage | RawImage;

export interface ImageTextRequest {
  /** File name or object key, or `name#page 3` for a PDF page: for notes only (never printed raw). */
  name: string;
  /** Absolute end time (ms since the epoch) of the object being decoded. */
  deadline: number;
}

export interface ImageText {
  /**
   * Recognized text as segments (OCR-normalized; one per line, table cells with `row`/`column` where the layout
   * shows them). Empty when nothing legible was found.
   */
  segments: Segment[];
  /** Mean word confidence 0–100 of what was recognized; null when OCR did not run. */
  confidence: number | null;
  /** Document kind recognized from printed labels (`my_number_card_front`, `drivers_license` …), or null. */
  documentKind: string | null;
  /** Fixed sentences (never content): skipped because a budget or limit was reached, OCR off, unsupported format … */
  notes: string[];
  /** True when the image was not (fully) read: a limit, a budget, a timeout or an error. */
  incomplete: boolean;
}

/** Reads the text of pictures. One instance carries the budget of one resource (or one `classify` run). */
export interface ImageTextReader {
  read(image: ImageInput, req: ImageTextRequest): Promise<ImageText>;
}
