// End to end against moto: the HR scenario scanned live in 2 shards (as two pods of a Kubernetes Indexed Job would),
// merged with `kumoscan merge`, equals the report of one live run; and a live --baseline run against it. The same
// for Cloud Storage against the local GCS server and for Azure against Azurite and the ARM stand-in (a storage account
// is in one shard: the other shard collects nothing of it).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { shardOf } from '../../src/shard.js';
import { blankScanTime } from '../helpers/blank-scan-time.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_LOCKED, HR_PUBLIC, seedHrScenario } from '../helpers/seed-hr.js';
import { startFakeGcs } from '../helpers/gcs-server.js';
import { gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';
import { AZURITE_ACCOUNT } from '../helpers/azurite.js';
import { type FakeArm } from '../helpers/fake-arm.js';
import { startAzureHrStack, type AzureHrStack } from '../helpers/azure-hr-stack.js';

let moto: Moto;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-e2e-shard-'));

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

/**
 * What differs between two live runs by nature, blanked before comparing: scannedAt (the clock; the PPC draft quotes
 * it) and identities[].asOf (when the IAM credential report was read, the collection time of each run).
 */
function runIndependent(report: Report): unknown {
  const copy = blankScanTime(report) as Report;
  for (const i of copy.identities) i.asOf = '<asOf>';
  return copy;
}

async function liveScan(out: string, ...extra: string[]): Promise<Report> {
  const res = await runCli(['scan', '--quiet', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--buckets', 'hr-system-*', '--format', 'json', '--out', out, ...extra], MOTO_ENV);
  assert.equal(res.stderr, '');
  assert.equal(res.code, 1, 'critical findings at the default --fail-on high');
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  assertValidReport(report);
  return report;
}

describe('live against moto: 2 shards merged == one run', () => {
  test('the HR scenario splits over the two shards and merges back exactly', async () => {
    // The precondition of the test: the two HR buckets fall in different shards.
    assert.notEqual(shardOf(HR_PUBLIC, 2), shardOf(HR_LOCKED, 2));
    const single = await liveScan(join(work, 'single.json'));
    const shards = [0, 1].map((k) => join(work, `shard-${k}`, 'kumoscan-report.json'));
    for (const k of [0, 1]) {
      const res = await runCli(['scan', '--quiet', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--buckets', 'hr-system-*', '--shard', `${k}/2`, '--format', 'json', '--out-dir', join(work, `shard-${k}`)], MOTO_ENV);
      assert.equal(res.stderr, '');
      const shard = JSON.parse(readFileSync(shards[k]!, 'utf8')) as Report;
      assertValidReport(shard);
      assert.deepEqual(shard.scope.shard, { index: k, count: 2 });
      assert.deepEqual(shard.resources.map((r) => r.name), [[HR_PUBLIC, HR_LOCKED].find((b) => shardOf(b, 2) === k)]);
      // Account-level data is in every shard.
      assert.deepEqual(shard.identities.map((i) => i.account), single.identities.map((i) => i.account));
    }
    const merged = join(work, 'merged.json');
    const res = await runCli(['merge', ...shards, '--format', 'json', '--out', merged]);
    assert.equal(res.stderr, '');
    assert.equal(res.code, 1);
    const report = JSON.parse(readFileSync(merged, 'utf8')) as Report;
    assertValidReport(report);
    assert.deepEqual(runIndependent(report), runIndependent(single));
  });

  test('a live run with --baseline against the previous run: everything unchanged', async () => {
    const prev = join(work, 'single.json');
    const again = await liveScan(join(work, 'again.json'), '--baseline', prev);
    const before = JSON.parse(readFileSync(prev, 'utf8')) as Report;
    assert.deepEqual(again.summary.baseline, { against: before.scannedAt, file: prev, new: 0, unchanged: before.findings.length, resolved: 0, notCovered: 0 });
    assert.ok(again.findings.every((f) => f.baseline === 'unchanged'));
    // One shard against the whole previous run: the other shard's findings are not covered, not resolved.
    const half = await liveScan(join(work, 'half.json'), '--baseline', prev, '--shard', `${shardOf(HR_PUBLIC, 2)}/2`);
    const otherShard = before.findings.filter((f) => f.resourceId === `arn:aws:s3:::${HR_LOCKED}`).length;
    assert.ok(otherShard > 0);
    assert.equal(half.summary.baseline?.resolved, 0);
    assert.equal(half.summary.baseline?.notCovered, otherShard);
  });
});

describe('live against the local GCS server: 2 shards merged == one run', () => {
  test('the GCS HR scenario', async () => {
    const gcs = await startFakeGcs(hrWorld());
    try {
      const args = ['scan', '--quiet', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--format', 'json'];
      const run = async (out: string, ...extra: string[]): Promise<Report> => {
        const res = await runCli([...args, '--out', out, ...extra], gcsEnv(gcs.token));
        assert.equal(res.stderr, '');
        assert.equal(res.code, 1);
        const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
        assertValidReport(report);
        return report;
      };
      const single = await run(join(work, 'gcs-single.json'));
      const shards = [join(work, 'gcs-0.json'), join(work, 'gcs-1.json')];
      const sizes: number[] = [];
      for (const k of [0, 1]) sizes.push((await run(shards[k]!, '--shard', `${k}/2`)).resources.length);
      assert.deepEqual(sizes, [1, 2]);
      const merged = join(work, 'gcs-merged.json');
      const res = await runCli(['merge', ...shards, '--format', 'json', '--out', merged]);
      assert.equal(res.stderr, '');
      assert.equal(res.code, 1);
      assert.deepEqual(runIndependent(JSON.parse(readFileSync(merged, 'utf8')) as Report), runIndependent(single));
    } finally {
      await gcs.close();
    }
  });
});

describe('live against Azurite and the ARM stand-in: 2 shards merged == one run', () => {
  let stack: AzureHrStack | undefined;
  let arm: FakeArm;
  let certPath = '';

  before(async () => {
    stack = await startAzureHrStack();
    certPath = stack.cert.certPath;
    arm = stack.arm as FakeArm;
  });
  after(async () => {
    await stack?.close();
  });

  test('the Azure HR scenario: the account and all its containers in one shard', async () => {
    const env = { NODE_EXTRA_CA_CERTS: certPath, ...arm.identityEnv };
    const run = async (out: string, ...extra: string[]): Promise<Report> => {
      const res = await runCli(['scan', '--quiet', 'azure', '--arm-endpoint', arm.endpoint, '--format', 'json', '--fail-on', 'none', '--out', out, ...extra], env);
      assert.equal(res.stderr, '');
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      assertValidReport(report);
      return report;
    };
    const single = await run(join(work, 'az-single.json'));
    assert.ok(single.resources.length >= 3);
    const shards = [join(work, 'az-0.json'), join(work, 'az-1.json')];
    const sizes: number[] = [];
    for (const k of [0, 1]) sizes.push((await run(shards[k]!, '--shard', `${k}/2`)).resources.length);
    const inShard = shardOf(AZURITE_ACCOUNT, 2);
    assert.deepEqual(sizes, [0, 1].map((k) => (k === inShard ? single.resources.length : 0)));
    const merged = join(work, 'az-merged.json');
    const res = await runCli(['merge', ...shards, '--format', 'json', '--fail-on', 'none', '--out', merged]);
    assert.equal(res.stderr, '');
    assert.deepEqual(runIndependent(JSON.parse(readFileSync(merged, 'utf8')) as Report), runIndependent(single));
  });
});
