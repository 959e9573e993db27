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
      // Small pieces really are small: the writer never holds the whole text.
      assert.ok([...jsonChunks(doc, 4096)].length > 10);
    });
  }

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
