// The HR-system incident twice: seeded into moto and scanned live, and written as Terraform
// (test/fixtures/terraform/hr: main.tf, modules/locked, plan.json) and evaluated from the plan. Both must give the
// same exposure verdicts, guards and findings for the public bucket and the locked bucket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import type { Resource } from '../../src/model.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ACCOUNT, MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { HR_LOCKED, HR_PUBLIC, seedHrScenario } from '../helpers/seed-hr.js';
import { PACKAGE_ROOT } from '../../src/package-info.js';

let moto: Moto;
before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

/** What the configuration decides (the live scan's sample is left out: a plan has no bytes). */
function verdicts(r: Resource | undefined): unknown {
  assert.ok(r);
  return {
    exposure: { read: r.exposure.read, list: r.exposure.list, write: r.exposure.write, aclWrite: r.exposure.aclWrite },
    guards: { ignorePublicAcls: r.guards.ignorePublicAcls, restrictPublicBuckets: r.guards.restrictPublicBuckets, aclsEnabled: r.guards.aclsEnabled },
    encryption: r.encryption.atRest,
    httpsOnly: r.transport.httpsOnly,
    versioning: r.versioning,
    logging: r.logging,
    retentionLock: r.retentionLock,
  };
}

function findingsOf(report: Report, bucket: string): string[] {
  return report.findings.filter((f) => f.resourceId === `arn:aws:s3:::${bucket}`).map((f) => `${f.checkId}:${f.severity}`).sort();
}

describe('the HR-system incident: the plan gives the verdicts of the live scan', () => {
  let live: Report;
  let plan: Report;
  let planCode: number | null;

  before(async () => {
    const liveRun = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--format', 'json', '--buckets', 'hr-system-*', '--sample', 'none', '--quiet'], MOTO_ENV);
    assert.equal(liveRun.stderr, '');
    live = JSON.parse(liveRun.stdout) as Report;
    // moto's account has no account-level Block Public Access: the same, said of the plan with --assume.
    const planRun = await runCli(['scan', 'terraform', 'test/fixtures/terraform/hr/plan.json', '--assume', 'account-bpa=off', '--assume', `aws-account-id=${MOTO_ACCOUNT}`, '--format', 'json'], {}, PACKAGE_ROOT);
    assert.equal(planRun.stderr, '');
    planCode = planRun.code;
    plan = JSON.parse(planRun.stdout) as Report;
  });

  for (const bucket of [HR_PUBLIC, HR_LOCKED]) {
    test(`${bucket}: the same verdicts and findings`, () => {
      const l = live.resources.find((r) => r.name === bucket);
      const p = plan.resources.find((r) => r.name === bucket);
      assert.deepEqual(verdicts(p), verdicts(l));
      assert.deepEqual(findingsOf(plan, bucket), findingsOf(live, bucket));
    });
  }

  test('the same exit code (1: a critical finding), both complete', () => {
    assert.equal(planCode, 1);
    assert.equal(live.summary.complete, true);
    assert.equal(plan.summary.complete, true);
  });
});
