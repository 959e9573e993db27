// The JSON report written in pieces (reports/render/json-stream.ts) is byte for byte JSON.stringify(document, null, 2):
// on the three example snapshots' reports, on values of every JSON shape, and through `scan --out` (the CLI path).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { jsonChunks, lazyJsonArray } from '../../reports/render/json-stream.js';
import { reportDocument } from '../../reports/render/report-document.js';
import { renderJson } from '../../reports/render/json.js';
import { packagePath } from '../../src/package-info.js';
import { escapeJsonControls } from '../../src/text/sanitize.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { unsampledExample } from '../helpers/unsampled-example.js';

const joined = (value: unknown, size?: number): string => [...jsonChunks(value, size)].join('');

describe('JSON in pieces', () => {
  for (const name of ['aws-hr-system', 'gcp-hr-system', 'azure-hr-system']) {
    test(`${name}: the pieces join to renderJson, whatever the piece size`, () => {
      const report = evaluateSnapshot(readSnapshotFile(packagePath('examples', `${name}.snapshot.json`)), { source: 'snapshot', failOn: 'high', scannedAt: '2026-12-07T00:00:00.000Z' });
      const whole = renderJson(report);
      const doc = reportDocument(report);
      for (const size of [1, 100, 1 << 20]) assert.equal(joined(doc, size), whole);
      // The same bytes as one JSON.stringify of the whole document (the walk and the batches change nothing).
      assert.equal(whole, `${escapeJsonControls(JSON.stringify(doc, null, 2))}\n`);
      // Small pieces really are small: the writer never holds the whole text.
      const small = [...jsonChunks(doc, 4096)];
      assert.ok(small.length > 3 && small.every((c) => c.length < whole.length / 2), `${small.length} pieces`);
    });
  }

  test('long arrays at every depth, written in many batches, are JSON.stringify of the whole', () => {
    const item = (i: number): unknown => ({
      i,
      text: i % 7 === 0 ? `line\nbreak \u2028 ${'x'.repeat(i % 300)}` : '日本語',
      when: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
      nested: { list: [i, { deep: [i % 3 === 0 ? undefined : i] }] },
      gone: i % 5 === 0 ? undefined : i,
      lazy: lazyJsonArray([i, i + 1], (n: number) => ({ n })),
    });
    const many = Array.from({ length: 3000 }, (_, i) => item(i));
    const mapped = lazyJsonArray(many, (v) => (v as { i: number }).i % 11 === 0 ? undefined : v);
    const values: unknown[] = [
      { top: many, mapped, empty: [], inner: { items: many, deeper: { items: many.slice(0, 500) } } },
      [many.slice(0, 50), { a: many.slice(0, 2000) }],
      many,
    ];
    for (const v of values) {
      const text = joined(v, 1000);
      assert.equal(text, `${escapeJsonControls(JSON.stringify(v, null, 2))}\n`);
      assert.ok(text.includes('\\u2028'), 'U+2028 is written escaped');
    }
  });

  test('every JSON shape: empty containers, undefined and functions, toJSON, nesting past the walked depth', () => {
    const values: unknown[] = [
      {},
      [],
      null,
      0,
      'text "quoted"\n',
      { a: undefined, b: () => 1, c: [undefined, () => 2, null], d: {}, e: [] },
      { when: new Date('2026-12-07T00:00:00Z'), deep: { x: { y: { z: [1, { w: 'v' }] } } } },
      [[[['deep']]], { k: [{ m: [] }] }],
      { 'key with "quote"': 'ü日本', n: -1.5e-7 },
    ];
    for (const v of values) assert.equal(joined(v, 3), `${JSON.stringify(v, null, 2)}\n`, JSON.stringify(v));
  });

  test('an array mapped as it is written is the JSON of the mapped array, at any depth', () => {
    const double = (n: number): unknown => ({ n: n * 2, list: [n] });
    const values: unknown[] = [
      { a: lazyJsonArray([1, 2, 3], double), b: lazyJsonArray([], double), c: { d: lazyJsonArray([4], double) } },
      lazyJsonArray([5, 6], (n: number) => (n === 5 ? undefined : n)),
    ];
    const mapped: unknown[] = [
      { a: [1, 2, 3].map(double), b: [], c: { d: [4].map(double) } },
      [null, 6],
    ];
    values.forEach((v, i) => {
      assert.equal(joined(v, 5), `${JSON.stringify(mapped[i], null, 2)}\n`);
      assert.equal(JSON.stringify(v), JSON.stringify(mapped[i]));
    });
  });

  test('scan --input --format json --out writes the same bytes as standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-json-stream-'));
    const out = join(dir, 'r.json');
    // Without samples: the PPC draft of a reportable bucket names the minute of the scan, which two runs need not share.
    const input = unsampledExample();
    const toFile = await runCli(['scan', '--input', input, '--format', 'json', '--out', out, '--quiet']);
    const toStdout = await runCli(['scan', '--input', input, '--format', 'json', '--quiet']);
    assert.equal(toFile.code, toStdout.code);
    const a = JSON.parse(readFileSync(out, 'utf8')) as { scannedAt: string };
    const b = JSON.parse(toStdout.stdout) as { scannedAt: string };
    b.scannedAt = a.scannedAt;
    assert.deepEqual(a, b);
  });
});
