// Clean-up of a scanned page (the decoded pixels of an image-only PDF page) before OCR. A form scanned as a picture
// has its text inside ruled cells, the rules touching the glyphs, at about 20 px a glyph on a 200 dpi A4 scan:
// Tesseract then reads the lines inside the cells as broken text. Two steps, measured on the third-party corpus
// (docs/benchmarks.md): long horizontal and vertical rules are whitened (runs of dark pixels much longer than a
// glyph), and a page whose glyphs are small is enlarged so they reach about 30 px. Pure functions on gray pixels.
import type { RawImage } from '../decode/image-text.js';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte a pixel, rows top to bottom, 0 = black. */
  data: Uint8Array;
}

/** RGB(A) or gray pixels as gray (the mean of the colour channels), always a copy. */
export function grayOf(img: RawImage): GrayImage {
  const { width, height, channels, data } = img;
  if (channels === 1) return { width, height, data: new Uint8Array(data.subarray(0, width * height)) };
  const out = new Uint8Array(width * height);
  for (let i = 0, o = 0; o < out.length; o++, i += channels) out[o] = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 3;
  return { width, height, data: out };
}

/** Otsu's threshold of the gray levels: pixels at or below it are ink. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (const v of data) hist[v]!++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Ink mask (1 = ink) at Otsu's threshold. */
export function inkMask(img: GrayImage): Uint8Array {
  const t = otsuThreshold(img.data);
  const mask = new Uint8Array(img.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = img.data[i]! <= t ? 1 : 0;
  return mask;
}

/**
 * Median height of the ink's connected components (8-connected) between `min` and `max` pixels high: the size of
 * a glyph (or of a kanji's radical, close to it). Null when there are too few components to say.
 */
export function medianGlyphHeight(mask: Uint8Array, width: number, height: number, min = 6, max = 120): number | null {
  const labels = new Int32Array(mask.length).fill(-1);
  const heights: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || labels[start] !== -1) continue;
    let top = height;
    let bottom = -1;
    let left = width;
    let right = -1;
    labels[start] = start;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const y = (p / width) | 0;
      const x = p - y * width;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (mask[q] === 1 && labels[q] === -1) {
            labels[q] = start;
            stack.push(q);
          }
        }
      }
    }
    const h = bottom - top + 1;
    const w = right - left + 1;
    if (h >= min && h <= max && w <= max) heights.push(h);
  }
  if (heights.length < 20) return null;
  heights.sort((a, b) => a - b);
  return heights[heights.length >> 1] ?? null;
}

/**
 * Whitens the runs of ink at least `minRun` pixels long, along rows (horizontal rules) and along columns (vertical
 * rules), bridging gaps of up to `gap` pixels (scan noise), and the grey edge `halo` pixels either side of the run
 * (a scanned rule is blurred: its edges are lighter than the ink threshold but still a line to the engine). In place
 * on `gray`, decided on `mask`. Returns the pixels whitened.
 */
export function removeRules(gray: GrayImage, mask: Uint8Array, minRun: number, gap = 1, halo = 2): number {
  const { width, height, data } = gray;
  let removed = 0;
  // step: from one pixel of a run to the next; across: to the pixel beside it (perpendicular to the run).
  const erase = (first: number, count: number, step: number, across: number, line: number, lines: number): void => {
    for (let k = 0, i = first; k < count; k++, i += step) {
      if (mask[i] !== 1) continue;
      for (let d = -halo; d <= halo; d++) {
        if (line + d < 0 || line + d >= lines) continue;
        const j = i + d * across;
        // Beside the run only the grey edge goes (not ink: a glyph stroke touching the rule stays).
        if (data[j] !== 255 && (d === 0 || mask[j] === 0)) {
          data[j] = 255;
          removed++;
        }
      }
    }
  };
  // A scanned page is tilted a little: a rule drifts by a pixel every few dozen, so a pixel of a run may be beside the
  // previous one (the neighbour lines count).
  const inkNear = (i: number, across: number, line: number, lines: number): boolean =>
    mask[i] === 1 || (line > 0 && mask[i - across] === 1) || (line < lines - 1 && mask[i + across] === 1);
  const scan = (lines: number, length: number, step: number, across: number): void => {
    for (let line = 0; line < lines; line++) {
      const base = line * across;
      let start = -1;
      let last = -1;
      for (let k = 0; k <= length; k++) {
        const ink = k < length && inkNear(base + k * step, across, line, lines);
        if (ink && start >= 0 && k - last <= gap + 1) {
          last = k;
          continue;
        }
        if (ink || k === length) {
          if (start >= 0 && last - start + 1 >= minRun) erase(base + start * step, last - start + 1, step, across, line, lines);
          start = ink ? k : -1;
          last = k;
        }
      }
    }
  };
  scan(height, width, 1, width); // rows: horizontal rules
  scan(width, height, width, 1); // columns: vertical rules
  return removed;
}

/** Bilinear enlargement by `factor` (> 1). */
export function upscale(img: GrayImage, factor: number): GrayImage {
  const width = Math.round(img.width * factor);
  const height = Math.round(img.height * factor);
  const out = new Uint8Array(width * height);
  const src = img.data;
  const sw = img.width;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const wx = fx - x0;
      const a = src[y0 * sw + x0]! * (1 - wx) + src[y0 * sw + x1]! * wx;
      const b = src[y1 * sw + x0]! * (1 - wx) + src[y1 * sw + x1]! * wx;
      out[y * width + x] = a * (1 - wy) + b * wy;
    }
  }
  return { width, height, data: out };
}

export interface CleanupOptions {
  /** Rules are runs of ink longer than this many glyph heights. */
  ruleGlyphs: number;
  /** Glyph height (px) the page is enlarged to reach. */
  targetGlyph: number;
  /** Largest enlargement. */
  maxFactor: number;
  /** Pixels after enlargement at most (the OCR pixel bound). */
  maxPixels: number;
  removeRules: boolean;
  enlarge: boolean;
}

export const DEFAULT_CLEANUP: CleanupOptions = { ruleGlyphs: 3, targetGlyph: 30, maxFactor: 2, maxPixels: 16_000_000, removeRules: true, enlarge: true };

export interface Cleaned {
  image: RawImage;
  glyphHeight: number | null;
  factor: number;
  rulePixels: number;
}

/** The page cleaned for OCR: gray, rules whitened, enlarged when its glyphs are small. */
export function cleanScan(raw: RawImage, opts: CleanupOptions = DEFAULT_CLEANUP): Cleaned {
  const page = grayOf(raw);
  const mask = inkMask(page);
  const glyph = medianGlyphHeight(mask, page.width, page.height);
  let rulePixels = 0;
  if (opts.removeRules && glyph !== null) rulePixels = removeRules(page, mask, Math.round(glyph * opts.ruleGlyphs));
  let factor = 1;
  if (opts.enlarge && glyph !== null && glyph < opts.targetGlyph) {
    factor = Math.min(opts.maxFactor, opts.targetGlyph / glyph, Math.sqrt(opts.maxPixels / (page.width * page.height)));
  }
  const out = factor > 1.1 ? upscale(page, factor) : page;
  return { image: { kind: 'raw', width: out.width, height: out.height, channels: 1, data: out.data }, glyphHeight: glyph, factor: factor > 1.1 ? factor : 1, rulePixels };
}

/** Decoded pictures at least this large are pages (a scan); smaller ones (a logo, a stamp, a card) are left as they are. */
export const PAGE_PIXELS = 1_000_000;

/** What the reader hands the engine for decoded pixels: a page cleaned (rules whitened, small glyphs enlarged), else the pixels. */
export function pageForOcr(raw: RawImage): RawImage {
  return raw.width * raw.height >= PAGE_PIXELS ? cleanScan(raw).image : raw;
}
