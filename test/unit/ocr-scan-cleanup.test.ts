// Clean-up of scanned pages before OCR (src/data/ocr/scan-cleanup.ts): on a drawn form (ruled cells, glyph-like
// marks touching the rules, a slight tilt), the rules are whitened and the marks kept, the glyph height is measured
// and small glyphs are enlarged towards 30 px; the input is never changed; small pictures are left as they are.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawImage } from '../../src/data/decode/image-text.js';
import { cleanScan, DEFAULT_CLEANUP, inkMask, medianGlyphHeight, otsuThreshold, pageForOcr, upscale } from '../../src/data/ocr/scan-cleanup.js';

const W = 1200;
const H = 900;
/** Row of the horizontal rule at x (tilted: one pixel every 60). */
const ruleY = (y0: number, x: number): number => y0 + Math.floor(x / 60);

/** A white page with a ruled table (rules 2 px, tilted), and in each cell 20 px glyph-like marks, every other one touching the rule below. */
function form(): { page: RawImage; glyphs: [number, number][] } {
  const data = new Uint8Array(W * H).fill(235);
  const ink = (x: number, y: number): void => {
    if (x >= 0 && x < W && y >= 0 && y < H) data[y * W + x] = 20;
  };
  const rows = [100, 160, 220, 280, 340, 400];
  const cols = [100, 400, 700, 1000];
  for (const y0 of rows) for (let x = 100; x <= 1000; x++) for (let t = 0; t < 2; t++) ink(x, ruleY(y0, x) + t);
  for (const x0 of cols) for (let y = 100; y <= 420; y++) for (let t = 0; t < 2; t++) ink(x0 + t, y);
  const glyphs: [number, number][] = [];
  for (const y0 of rows.slice(0, -1)) {
    for (const x0 of cols.slice(0, -1)) {
      for (let g = 0; g < 8; g++) {
        // a mark 16 px wide, 20 px high: a box with a middle bar, its foot on the rule below (or 4 px above it)
        const gx = x0 + 20 + g * 30;
        const bottom = ruleY(y0 + 60, gx) - (g % 2 === 0 ? 1 : 5);
        for (let y = bottom - 19; y <= bottom; y++) {
          ink(gx, y);
          ink(gx + 15, y);
        }
        for (let x = gx; x <= gx + 15; x++) {
          ink(x, bottom - 19);
          ink(x, bottom - 10);
        }
        glyphs.push([gx, bottom - 10]);
      }
    }
  }
  return { page: { kind: 'raw', width: W, height: H, channels: 1, data }, glyphs };
}

describe('scan clean-up', () => {
  test('Otsu threshold between ink and paper; glyph height is the median mark height', () => {
    const { page } = form();
    const t = otsuThreshold(page.data);
    assert.ok(t >= 20 && t < 235, String(t));
    const mask = inkMask({ width: W, height: H, data: page.data });
    assert.equal(medianGlyphHeight(mask, W, H), 20);
    assert.equal(medianGlyphHeight(new Uint8Array(W * H), W, H), null, 'no marks: no size');
  });

  test('rules whitened (tilted ones too), marks kept, glyphs enlarged to about 30 px, the input unchanged', () => {
    const { page, glyphs } = form();
    const before = Uint8Array.from(page.data);
    const c = cleanScan(page, { ...DEFAULT_CLEANUP, enlarge: false });
    assert.deepEqual(page.data, before, 'the input is not changed');
    assert.equal(c.glyphHeight, 20);
    assert.equal(c.factor, 1);
    const out = c.image.data;
    // rule pixels between the marks: white
    for (const [x, y0] of [[395, 160], [1000 - 5, 340], [250, 400]] as const) assert.equal(out[ruleY(y0, x) * W + x], 255, `rule at ${x},${y0}`);
    assert.equal(out[250 * W + 700], 255, 'vertical rule');
    // every mark's left stroke and middle bar: still ink
    for (const [gx, mid] of glyphs) {
      assert.ok((out[mid * W + gx] ?? 255) < 128, `mark at ${gx},${mid}`);
      assert.ok((out[mid * W + gx + 8] ?? 255) < 128, `bar at ${gx + 8},${mid}`);
    }
    const enlarged = cleanScan(page);
    assert.equal(enlarged.factor, 1.5);
    assert.deepEqual([enlarged.image.width, enlarged.image.height, enlarged.image.channels], [1800, 1350, 1]);
  });

  test('enlargement stays within its factor and pixel bounds; bilinear values stay between their neighbours', () => {
    const { page } = form();
    assert.equal(cleanScan(page, { ...DEFAULT_CLEANUP, targetGlyph: 200 }).factor, 2);
    const bounded = cleanScan(page, { ...DEFAULT_CLEANUP, maxPixels: W * H * 1.44 });
    assert.ok(Math.abs(bounded.factor - 1.2) < 1e-9, String(bounded.factor));
    const up = upscale({ width: 2, height: 1, data: new Uint8Array([0, 200]) }, 2);
    assert.deepEqual([up.width, up.height], [4, 2]);
    assert.deepEqual([...up.data.subarray(0, 4)], [0, 50, 150, 200]);
  });

  test('only pages are cleaned: a small picture goes to the engine as it is', () => {
    const small: RawImage = { kind: 'raw', width: 300, height: 200, channels: 3, data: new Uint8Array(300 * 200 * 3).fill(200) };
    assert.equal(pageForOcr(small), small);
    const { page } = form();
    const cleaned = pageForOcr(page);
    assert.notEqual(cleaned, page);
    assert.equal(cleaned.channels, 1);
  });
});
