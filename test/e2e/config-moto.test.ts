// kumoscan.yml end to end against moto: the scope (endpoint, region, buckets) and the sampling mode come from the
// file (no provider word, no flags), a suppression and a severity override change the exit code, and evaluating the
// saved snapshot with the same file gives the same findings, suppressions and assessment as the live scan.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_PUBLIC, seedHrScenario } from '../helpers/seed-hr.js';

let moto: Moto;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-config-e2e-'));

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

describe('kumoscan scan with kumoscan.yml against moto', () => {
  let live: Report;
  let liveCode: number | null;
  const snapshot = join(work, 'snap.json');

  before(async () => {
    writeFileSync(
      join(work, 'kumoscan.yml'),
      `version: 1
scan:
  failOn: high
sampling:
  mode: none
aws:
  endpointUrl: ${moto.endpoint}
  region: us-east-1
  buckets: 'hr-system-*'
inventory:
  - buckets: ${HR_PUBLIC}
    categories: [person_name, my_number]
    persons: 60
suppressions:
  - check: public-read
    resources: ${HR_PUBLIC}
    reason: accepted until the migration (ticket SEC-7)
    expires: 2999-12-31
  - check: iam-root-account-unprotected
    resources: 'aws:*'
    reason: moto's root user has no MFA; the emulator cannot set one
    expires: 2999-12-31
severity:
  public-list: medium
`,
    );
    const res = await runCli(['scan', '--quiet', '--format', 'json', '--save-snapshot', snapshot], MOTO_ENV, work);
    assert.equal(res.stderr, '');
    liveCode = res.code;
    live = JSON.parse(res.stdout) as Report;
  });

  test('the scope comes from the file; the report is valid', () => {
    assertValidReport(live);
    assert.equal(live.scope.endpointUrl, moto.endpoint);
    assert.deepEqual(live.scope.bucketFilter, ['hr-system-*']);
    assert.equal(live.scope.configFile, 'kumoscan.yml');
    assert.equal(live.resources.find((r) => r.name === HR_PUBLIC)?.data?.sampled.objects, 0, 'sampling mode none from the file');
  });

  test('public-read and the account finding suppressed, public-list lowered: nothing at or above high, exit 0', () => {
    assert.deepEqual(live.suppressed?.map((s) => s.finding.checkId).sort(), ['iam-root-account-unprotected', 'public-read']);
    assert.equal(live.findings.find((f) => f.checkId === 'public-list')?.originalSeverity, 'high');
    assert.equal(live.summary.findings.critical + live.summary.findings.high, 0, JSON.stringify(live.findings.map((f) => [f.checkId, f.severity])));
    assert.equal(liveCode, 0);
  });

  test('the declared My Number makes the exposed bucket reportable under the My Number Act without a sample', () => {
    const a = live.assessment.perResource.find((p) => p.resourceId === `arn:aws:s3:::${HR_PUBLIC}`);
    assert.equal(a?.reportability?.myNumberAct.applies, true);
  });

  test('--input with the same file: the same findings, suppressions, warnings and assessment', async () => {
    const res = await runCli(['scan', '--quiet', '--input', snapshot, '--format', 'json'], {}, work);
    assert.equal(res.stderr, '');
    assert.equal(res.code, liveCode);
    const offline = JSON.parse(res.stdout) as Report;
    assertValidReport(offline);
    const strip = (r: Report) => ({ findings: r.findings, suppressed: r.suppressed, configWarnings: r.configWarnings, summary: r.summary, resources: r.resources, perResource: r.assessment.perResource.map((p) => ({ ...p, ppcDraft: null })) });
    assert.deepEqual(strip(offline), strip(live));
  });
});
