// Reports of 100,000 buckets: the table and the diff render every row (a `Math.max(...rows)` over that many rows
// overflowed the stack: "scan failed: Maximum call stack size exceeded", exit 3, no report).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffReports, renderDiffTable } from '../../reports/diff.js';
import type { Report } from '../../reports/render/json.js';
import { renderTable } from '../../reports/render/table.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';

const ROWS = 200_000;

function bigReport(): Report {
  const report = evaluateSnapshot(readSnapshotFile(packagePath('examples', 'aws-hr-system.snapshot.json')), { source: 'snapshot', failOn: 'high', scannedAt: '2026-12-07T00:00:00.000Z' });
  const one = report.findings.find((f) => f.checkId === 'public-read');
  assert.ok(one);
  const findings = Array.from({ length: ROWS }, (_, i) => ({ ...one, id: `${one.id}-${i}`, resourceId: `${one.resourceId}-${i}` }));
  return { ...report, findings };
}

describe('reports at scale', () => {
  test(`the table lists ${ROWS.toLocaleString('en')} findings`, () => {
    const report = bigReport();
    const text = renderTable(report, 'en', { details: true });
    assert.ok(text.includes(`CRITICAL (${ROWS.toLocaleString('en-US')})`));
    assert.ok(text.includes(`hr-system-employees-${ROWS - 1}  public-read`));
    // Grouped (the default): one line for the check, counting the resources it affects.
    const grouped = renderTable(report, 'en');
    assert.match(grouped, new RegExp(`\\n {2}CRITICAL {2}${ROWS.toLocaleString('en-US')} resources {2}Anyone can read objects in the bucket\\s+\\(public-read\\)\\n`));
  });

  test(`the diff lists ${ROWS.toLocaleString('en')} new findings`, () => {
    const later = bigReport();
    const earlier: Report = { ...later, findings: [] };
    const text = renderDiffTable(diffReports(earlier, later, { a: 'a.json', b: 'b.json' }), 'en');
    assert.match(text, new RegExp(`New \\(${ROWS}\\)`));
  });
});
