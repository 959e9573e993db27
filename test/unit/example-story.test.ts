// The AWS example tells the HR-system story the README tells: `scan --input examples/aws-hr-system.snapshot.json`
// finds the public, listable bucket holding My Numbers and health-check results of 1,500 employees, likely
// reportable to the PPC. Its data profile is the one kumoscan's own sampler makes of the demo's invented export
// (scripts/example-profile.mjs writes it; this test says when the example and the sampler drift apart).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { EXAMPLE_SAMPLED_BUCKET, exampleProfile } from '../../src/demo/example-profile.js';
import { employeeExport } from '../../src/demo/employees.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';

const example = packagePath('examples', 'aws-hr-system.snapshot.json');

describe('examples/aws-hr-system.snapshot.json', () => {
  test('holds the profile the sampler makes of the demo export (node scripts/example-profile.mjs)', async () => {
    const snapshot = JSON.parse(readFileSync(example, 'utf8')) as { samples?: Record<string, unknown> };
    assert.deepEqual(Object.keys(snapshot.samples ?? {}), [EXAMPLE_SAMPLED_BUCKET]);
    assert.deepEqual(snapshot.samples?.[EXAMPLE_SAMPLED_BUCKET], JSON.parse(JSON.stringify(await exampleProfile())));
  });

  test('scan --input: the public bucket holds My Numbers and health data of 1,500 persons, likely reportable', async () => {
    const res = await runCli(['scan', '--input', example, '--format', 'json', '-q', '--discovered-at', '2026-11-22']);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    const bucket = report.resources.find((r) => r.id === EXAMPLE_SAMPLED_BUCKET);
    assert.deepEqual(bucket?.exposure.read, true);
    assert.deepEqual(bucket?.exposure.list, true);
    assert.deepEqual(bucket?.data?.classes, ['specific_personal_information', 'sensitive', 'personal']);
    assert.equal(bucket?.data?.persons.estimate?.low, 1500);
    assert.equal(bucket?.data?.persons.over1000, true);
    const assessed = report.assessment.perResource.find((r) => r.resourceId === EXAMPLE_SAMPLED_BUCKET);
    assert.equal(assessed?.reportability?.result, 'likely');
    assert.equal(assessed?.reportability?.myNumberAct.applies, true);
    assert.ok(report.findings.some((f) => f.resourceId === EXAMPLE_SAMPLED_BUCKET && f.checkId === 'public-read' && f.severity === 'critical'));
    // Only the profile: no raw value of the export (My Number, name, birth date, address) reaches the report.
    assert.deepEqual(employeeExport(1500).rawValues.filter((v) => res.stdout.includes(v)), []);
  });
});
