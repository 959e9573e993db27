// The contract of every format decoder: decoded text in, Segments out (see ../types.ts). Decoders are push
// parsers over text chunks of any size and keep only a bounded tail between chunks.
import type { Segment } from '../types.js';

export interface Segmenter {
  /** More decoded text; complete pieces are appended to `out`. */
  write(text: string, out: Segment[]): void;
  /**
   * End of input. `partial` says the input was cut (a range GET, a limit): an incomplete last record is dropped
   * instead of being classified as if it were whole.
   */
  end(partial: boolean, out: Segment[]): void;
}

/** Adds a note about the content's structure (never content itself). */
export type NoteFn = (note: string) => void;

/** Longest single Segment text; longer values are split. Detectors keep their own window across segments. */
export const MAX_SEGMENT_CHARS = 16 * 1024;

/** Longest record (CSV row, JSON string, XML tag) kept while waiting for its end; beyond it the record is cut. */
export const MAX_PENDING_CHARS = 1024 * 1024;
