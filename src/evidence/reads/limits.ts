// The bounds of reading access logs: total bytes downloaded, bytes per log object, bytes after decompression, time.

export interface ReadsLimits {
  /** Bytes of log objects downloaded in the whole scan (--evidence-max-bytes). */
  maxBytes: number;
  /** A log object larger than this is not read (recorded as an error). */
  maxObjectBytes: number;
  /** A gzip log object may not decompress to more than this (gzip-bomb protection). */
  maxDecompressedBytes: number;
  /** Milliseconds for the whole evidence collection (--evidence-timeout); what is left is recorded as not read. */
  timeMs: number;
  /** Log objects listed per location at most. */
  maxListed: number;
}

export const DEFAULT_READS_LIMITS: ReadsLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxObjectBytes: 64 * 1024 * 1024,
  maxDecompressedBytes: 256 * 1024 * 1024,
  timeMs: 5 * 60_000,
  maxListed: 100_000,
};
