// Golden tests of the JSON assessment: a saved snapshot evaluated offline with fixed options must give exactly the
// committed assessment. Fixtures (test/fixtures/):
//   examples/aws-hr-system.snapshot.json without its samples (test/helpers/unsampled-example.ts)
//                                                 -> aws-hr-system.assessment.expected.json (no sample: duties, entrustment by tag)
//   appi-hr-1500.snapshot.json (samples: a DataProfile with My Numbers and health data of 1,500 persons in a public
//   bucket, a vendor share in us-west-2, a list-only CRM bucket)  -> appi-hr-1500.assessment.expected.json
// To regenerate after an intended change (then review the diff before committing):
//   node node_modules/typescript/bin/tsc -p tsconfig.json && KUMOSCAN_UPDATE_GOLDEN=1 node --test dist/test/unit/appi-golden.test.js
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { evaluateSnapshot, type EvaluateOptions } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { packagePath } from '../../src/package-info.js';
import { SCHEMA_VERSION } from '../../reports/render/json.js';
import { assertValidReport } from '../helpers/schema.js';
import { unsampledExample } from '../helpers/unsampled-example.js';

const UPDATE = process.env.KUMOSCAN_UPDATE_GOLDEN === '1';

interface GoldenCase {
  name: string;
  snapshot: string;
  expected: string;
  opts: Omit<EvaluateOptions, 'source' | 'failOn'>;
}

const CASES: GoldenCase[] = [
  {
    name: 'examples/aws-hr-system.snapshot.json without its samples',
    snapshot: unsampledExample(),
    expected: packagePath('test', 'fixtures', 'aws-hr-system.assessment.expected.json'),
    opts: { scannedAt: '2026-11-22T00:00:00.000Z' },
  },
  {
    name: 'test/fixtures/appi-hr-1500.snapshot.json',
    snapshot: packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json'),
    expected: packagePath('test', 'fixtures', 'appi-hr-1500.assessment.expected.json'),
    // 15:30 UTC is 00:30 the next day in Tokyo: the default day of knowing is 2026-12-01.
    opts: { scannedAt: '2026-11-30T15:30:00.000Z', entrustees: [{ id: '444455556666', name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' }] },
  },
];

describe('golden JSON assessments', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const report = evaluateSnapshot(readSnapshotFile(c.snapshot), { source: 'snapshot', failOn: 'high', ...c.opts });
      assert.equal(report.schemaVersion, SCHEMA_VERSION);
      assertValidReport(report);
      const actual = JSON.stringify(report.assessment, null, 2) + '\n';
      if (UPDATE) writeFileSync(c.expected, actual);
      assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(c.expected, 'utf8')), `assessment differs from ${c.expected} (see the header of this test to regenerate)`);
    });
  }
});

describe('what the golden files pin', () => {
  test('the HR bucket of 1,500 persons: likely with categories 1 and 4, category 3 cannot be ruled out, the My Number Act, 60 days', () => {
    const report = evaluateSnapshot(readSnapshotFile(CASES[1]!.snapshot), { source: 'snapshot', failOn: 'high', ...CASES[1]!.opts });
    const a = report.assessment;
    assert.equal(a.discoveredAt, '2026-12-01');
    const hr = a.perResource.find((p) => p.resourceId === 'arn:aws:s3:::hr-exports-1500');
    assert.equal(hr?.reportability?.result, 'likely');
    assert.deepEqual(hr?.reportability?.categories.map((x) => x.applies), [true, false, null, true]);
    assert.equal(hr?.reportability?.myNumberAct.applies, true);
    assert.deepEqual([hr?.deadlines?.final.days, hr?.deadlines?.final.due, hr?.deadlines?.preliminary.from, hr?.deadlines?.preliminary.to], [60, '2027-01-29', '2026-12-03', '2026-12-05']);
    assert.deepEqual(hr?.duties, ['APPI-23', 'GL-10-6-1', 'GL-10-6-2', 'GL-10-6-3', 'GL-10-6-4', 'GL-10-3-3', 'GL-10-3-4', 'GL-10-5-4', 'APPI-26', 'MNA-29-4']);
    const crm = a.perResource.find((p) => p.resourceId === 'arn:aws:s3:::crm-list-only');
    assert.equal(crm?.reportability?.result, 'review');
    assert.deepEqual(crm?.reportability?.categories.map((x) => x.applies), [false, null, false, false]);
    const vendor = a.perResource.find((p) => p.resourceId === 'arn:aws:s3:::hr-vendor-share');
    assert.equal(vendor?.reportability, null);
    assert.ok(vendor?.duties.includes('GL-10-7') && vendor.duties.includes('APPI-25'));
    assert.deepEqual(a.reportable, ['arn:aws:s3:::crm-list-only', 'arn:aws:s3:::hr-exports-1500']);
    assert.equal(a.deadlines?.final.days, 30, 'the earliest: the list-only bucket, logging on');
    assert.deepEqual(a.entrustment.map((s) => [s.principal.id, s.declared?.name ?? null]), [
      ['arn:aws:iam::444455556666:role/payroll-export', 'Kyuyo Payroll Co.'],
      ['arn:aws:iam::777788889999:root', null],
    ]);
  });

  test('the AWS example without its samples: nothing sampled, so no estimate; the tagged bucket\'s payroll vendor is a signal', () => {
    const report = evaluateSnapshot(readSnapshotFile(CASES[0]!.snapshot), { source: 'snapshot', failOn: 'high', ...CASES[0]!.opts });
    const a = report.assessment;
    assert.deepEqual(a.reportable, []);
    assert.equal(a.deadlines, null);
    assert.ok(a.perResource.every((p) => p.reportability === null && p.ppcDraft === null));
    assert.deepEqual(a.entrustment.map((s) => s.principal.id), ['arn:aws:iam::444455556666:role/payroll-export']);
  });
});
