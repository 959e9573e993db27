// Bounds shared by the formats that must hold a whole stream in memory (zip without random access, PDF, e-mail,
// pictures for OCR) and by the nesting of containers.
import type { DecodeContext } from '../limits.js';

/** gzip in gzip, a zip in a zip …: deeper nesting is not decoded. */
export const MAX_DEPTH = 3;
/** Streams read whole (PDF, a zip without random access) never exceed this, even with limits switched off. */
export const HARD_CAP = 1024 * 1024 * 1024;

/** The most a stream read whole may hold under the object's limits. */
export function bufferCap(ctx: DecodeContext): number {
  const { maxDecompressedBytes, maxBytes } = ctx.limits;
  return Math.min(Math.max(maxBytes || HARD_CAP, maxDecompressedBytes || HARD_CAP), HARD_CAP);
}
