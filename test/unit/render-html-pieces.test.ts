// The HTML page is written in pieces (reports/render/pieces.ts): its resource table of 100,000 rows is never one
// string. The pieces join to renderHtml byte for byte, and a render that fails half-way leaves the previous file.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pendingTempFiles, writeFileAtomic } from '../../src/io/atomic-write.js';
import { renderFormatChunks } from '../../reports/render/formats.js';
import { htmlChunks, renderHtml } from '../../reports/render/html.js';
import type { Report } from '../../reports/render/json.js';
import { PIECE } from '../../reports/render/pieces.js';
import { emitReports } from '../../reports/render/output.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';

const RESOURCES = 6000;
const NOW = new Date('2026-12-08T00:00:00.000Z');

/** The AWS example with RESOURCES more buckets (copies of its first, under new names): a page of several MiB. */
function largeReport(): Report {
  const report = evaluateSnapshot(readSnapshotFile(packagePath('examples', 'aws-hr-system.snapshot.json')), { source: 'snapshot', failOn: 'high', scannedAt: '2026-12-07T00:00:00.000Z' });
  const base = report.resources[0];
  assert.ok(base);
  const copies = Array.from({ length: RESOURCES }, (_, i) => ({ ...base, id: `${base.id}-copy-${i}`, name: `${base.name}-copy-${i}` }));
  return { ...report, resources: [...report.resources, ...copies] };
}

const report = largeReport();
const dir = mkdtempSync(join(tmpdir(), 'kumoscan-html-pieces-'));

describe('the HTML report in pieces', () => {
  test('a large page comes as many pieces of about 32K characters that join to renderHtml, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const whole = renderHtml(report, { lang, now: NOW });
      const pieces = [...htmlChunks(report, { lang, now: NOW })];
      assert.equal(pieces.join(''), whole);
      assert.ok(whole.length > 2 * 1024 * 1024, `${whole.length} characters`);
      assert.ok(pieces.length >= Math.floor(whole.length / (2 * PIECE)), `${pieces.length} pieces`);
      // No piece holds the table: each is a piece's size plus at most one part (a row, or the page's head with its CSS).
      const largest = Math.max(...pieces.map((p) => p.length));
      assert.ok(largest < 4 * PIECE, `largest piece ${largest} characters`);
      assert.ok(pieces.every((p) => p.length > 0));
      assert.ok(whole.includes(`${report.resources[0]?.name}-copy-${RESOURCES - 1}`));
    }
  });

  test('--format html is written through those pieces (renderFormatChunks), not one string', () => {
    const pieces = [...renderFormatChunks('html', [report], { lang: 'en' })];
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    // The first piece is the page's beginning; the last its end.
    assert.match(pieces[0] ?? '', /^<!DOCTYPE html>/);
    assert.match(pieces.at(-1) ?? '', /<\/html>\n$/);
  });

  test('the file written is the page, byte for byte', async () => {
    const f = join(dir, 'kumoscan-report.html');
    await emitReports([report], ['html'], { out: f, lang: 'ja' }, () => assert.fail('nothing goes to standard output'));
    assert.equal(readFileSync(f, 'utf8'), renderHtml(report, { lang: 'ja' }));
  });

  test('a render that fails after part of the page was written leaves the previous file, and no temporary file', async () => {
    const sub = mkdtempSync(join(dir, 'fail-'));
    const f = join(sub, 'report.html');
    writeFileSync(f, 'previous report');
    let partWritten = 0;
    function* failingHalfway(): Generator<string> {
      let chars = 0;
      for (const piece of htmlChunks(report, { lang: 'ja', now: NOW })) {
        yield piece;
        chars += piece.length;
        if (chars > 2 * 1024 * 1024) {
          // Part of the page is in the temporary file beside the target (more than the writer's 1 MiB buffer).
          const [tmp] = pendingTempFiles();
          assert.ok(tmp);
          partWritten = statSync(tmp).size;
          throw new Error('rendering failed');
        }
      }
    }
    await assert.rejects(writeFileAtomic(f, failingHalfway()), /rendering failed/);
    assert.ok(partWritten >= 1024 * 1024, `${partWritten} bytes were written before the failure`);
    assert.equal(readFileSync(f, 'utf8'), 'previous report');
    assert.deepEqual(readdirSync(sub), ['report.html']);
    assert.deepEqual(pendingTempFiles(), []);
  });
});
