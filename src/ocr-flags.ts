// The OCR flags, shared by `kumoscan scan` (a budget per bucket sampled) and `kumoscan classify` (one budget for
// the run): --ocr on|off, --ocr-max-images N, --ocr-time-limit DURATION.
import { InvalidArgumentError, Option } from 'commander';
import { DURATION_HELP, parseDuration } from './config/duration.js';
import { DEFAULT_OCR_LIMITS } from './data/ocr/limits.js';

function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError(DURATION_HELP);
  return ms;
}

function imageCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new InvalidArgumentError('must be a whole number from 0 to 100000');
  return n;
}

export const ocrOptions = {
  ocr: (): Option => new Option('--ocr <on|off>', 'read the text of pictures (JPEG, PNG, TIFF, WebP, BMP, GIF) and image-only PDF pages with OCR, offline; off: pictures are judged by file name only').choices(['on', 'off']).default('on'),
  maxImages: (scope: string): Option => new Option('--ocr-max-images <n>', `pictures read by OCR ${scope} (further ones are noted as not read)`).argParser(imageCount).default(DEFAULT_OCR_LIMITS.maxImages),
  timeLimit: (scope: string): Option =>
    new Option('--ocr-time-limit <duration>', `OCR wall-clock time ${scope}: 90 (seconds), 90s, 2m, 1m30s (each picture also stops at ${DEFAULT_OCR_LIMITS.imageCpuMs / 1000} s of CPU time)`).argParser(duration).default(DEFAULT_OCR_LIMITS.timeLimitMs, `${DEFAULT_OCR_LIMITS.timeLimitMs / 1000}s`),
};
