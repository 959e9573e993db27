// End to end against moto: an AWS Organization (management account, two ACTIVE members, one SUSPENDED) scanned in
// one run with --org-role; one member's AssumeRole denied on the wire. Asserts exact verdicts, findings per account,
// scope, the recorded errors, the exit codes and that only read-only calls were sent.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { blankScanTime } from '../helpers/blank-scan-time.js';
import { runCli } from '../helpers/cli.js';
import { shardOf } from '../../src/shard.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { startFaultProxy, type FaultProxy, type FaultRequest } from '../helpers/fault-proxy.js';
import { HR_BUCKET, MGMT_BUCKET, ORG_ROLE, SALES_BUCKET, seedOrganization, type SeededOrganization } from '../helpers/seed-org.js';

let moto: Moto;
let org: SeededOrganization;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-e2e-org-'));

before(async () => {
  moto = await startMoto();
  org = await seedOrganization(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

function findingsByAccount(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of report.findings) {
    const r = report.resources.find((x) => x.id === f.resourceId);
    const key = r ? `${r.account} ${r.name}` : `${f.resourceId}`;
    (out[key] ??= []).push(`${f.checkId}:${f.severity}`);
  }
  for (const v of Object.values(out)) v.sort();
  return out;
}

const DENIED = { status: 403, code: 'AccessDenied', message: 'not authorized to perform sts:AssumeRole' };
const BUCKET_BASELINE = ['access-logging-off:medium', 'acls-enabled:low', 'no-object-lock:info', 'provider-managed-encryption:low', 'tls-not-enforced:medium', 'versioning-off:medium'];
const ACCOUNT_FINDINGS = ['iam-password-policy-weak:low', 'iam-root-account-unprotected:critical'];

/** A request as a command name: the query/JSON-protocol action, or the S3 (Control) method and sub-resources. */
function command(r: FaultRequest): string {
  if (r.action) return `${r.service}:${r.action}`;
  if (r.bucket === 'v20180820') return `s3control:${r.method} /publicAccessBlock`;
  const keys = [...r.query.keys()].filter((k) => k !== 'x-id').sort().join('&');
  return `${r.service}:${r.method} ${keys || (r.bucket ? 'object' : 'service')}`;
}

function verdict(report: Report, bucket: string): string {
  const r = report.resources.find((x) => x.name === bucket);
  assert.ok(r, bucket);
  return `${r.account} read=${r.exposure.read} list=${r.exposure.list} write=${r.exposure.write} aclWrite=${r.exposure.aclWrite}`;
}

describe('kumoscan scan aws --org-role against moto: every member account in one report', () => {
  let proxy: FaultProxy;
  let res: { code: number | null; stdout: string; stderr: string };
  let report: Report;
  const snapshotFile = join(work, 'org.json');

  before(async () => {
    proxy = await startFaultProxy(moto.endpoint, () => undefined);
    res = await runCli(['scan', '--quiet', 'aws', '--org-role', ORG_ROLE, '--endpoint-url', proxy.endpoint, '--format', 'json', '--save-snapshot', snapshotFile], MOTO_ENV);
    report = JSON.parse(res.stdout) as Report;
  });
  after(async () => {
    await proxy?.close();
  });

  test('exit 1 (a public bucket in a member account), a valid report, complete, no stderr', () => {
    assert.equal(res.stderr, '');
    assert.equal(res.code, 1);
    assertValidReport(report);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.deepEqual(report.errors, []);
  });

  test('scope: the three ACTIVE accounts (management and two members), not the suspended one', () => {
    assert.deepEqual(report.scope.accounts, [org.management, org.hr, org.sales].sort());
    assert.ok(!report.scope.accounts.includes(org.closed));
    assert.deepEqual(report.scope.regions, ['us-east-1']);
  });

  test('exact verdicts, each bucket under its own account', () => {
    assert.deepEqual(
      [MGMT_BUCKET, HR_BUCKET, SALES_BUCKET].map((b) => verdict(report, b)),
      [
        `${org.management} read=false list=false write=false aclWrite=false`,
        `${org.hr} read=true list=false write=false aclWrite=false`,
        `${org.sales} read=false list=false write=false aclWrite=false`,
      ],
    );
  });

  test('exact findings per account: buckets, account-level IAM findings and the organization access roles', () => {
    assert.deepEqual(findingsByAccount(report), {
      [`${org.management} ${MGMT_BUCKET}`]: BUCKET_BASELINE,
      [`${org.hr} ${HR_BUCKET}`]: [...BUCKET_BASELINE, 'public-read:critical', 's3-account-block-public-access-off:medium', 's3-block-public-access-off:medium'].sort(),
      [`${org.sales} ${SALES_BUCKET}`]: BUCKET_BASELINE,
      [`aws:${org.management}`]: ACCOUNT_FINDINGS,
      [`aws:${org.hr}`]: ACCOUNT_FINDINGS,
      [`aws:${org.sales}`]: ACCOUNT_FINDINGS,
      // moto creates OrganizationAccountAccessRole in each new member, trusting the management account.
      [`arn:aws:iam::${org.hr}:role/OrganizationAccountAccessRole`]: ['iam-external-trust-without-external-id:high'],
      [`arn:aws:iam::${org.sales}:role/OrganizationAccountAccessRole`]: ['iam-external-trust-without-external-id:high'],
    });
    assert.deepEqual(report.identities.map((i) => `${i.account} ${i.id} ${i.collected}`), [org.management, org.hr, org.sales].sort().map((a) => `${a} aws:${a} true`));
  });

  test('the public member bucket was sampled with that member account\'s credentials: personal data found', () => {
    const hr = report.resources.find((r) => r.name === HR_BUCKET);
    assert.equal(hr?.data?.personalData, true);
  });

  test('only read-only calls: the exact set of commands sent', () => {
    assert.deepEqual([...new Set(proxy.seen.map(command))].sort(), [
      'iam:GenerateCredentialReport',
      'iam:GetAccountAuthorizationDetails',
      'iam:GetAccountPasswordPolicy',
      'iam:GetAccountSummary',
      'iam:GetCredentialReport',
      'organizations:DescribeOrganization',
      'organizations:ListAccounts',
      's3:GET acl',
      's3:GET encryption',
      's3:GET lifecycle',
      's3:GET list-type&max-keys',
      's3:GET location',
      's3:GET logging',
      's3:GET max-buckets',
      's3:GET object',
      's3:GET object-lock',
      's3:GET ownershipControls',
      's3:GET policy',
      's3:GET publicAccessBlock',
      's3:GET replication',
      's3:GET tagging',
      's3:GET versioning',
      's3:GET website',
      's3control:GET /publicAccessBlock',
      'sts:AssumeRole',
      'sts:GetCallerIdentity',
    ]);
  });

  test('one AssumeRole per ACTIVE account (session "kumoscan"), none into the suspended account', () => {
    const assumed = proxy.seen.filter((r) => r.action === 'AssumeRole').map((r) => `${r.params?.get('RoleArn')} ${r.params?.get('RoleSessionName')}`);
    assert.deepEqual(assumed.sort(), [org.management, org.hr, org.sales].sort().map((a) => `arn:aws:iam::${a}:role/${ORG_ROLE} kumoscan`));
  });

  test("each account's buckets are read with that account's own credentials (the sample included)", () => {
    const keysOf = (bucket: string): string[] => [...new Set(proxy.seen.filter((r) => r.bucket === bucket).map((r) => r.accessKey ?? 'none'))];
    const keys = [MGMT_BUCKET, HR_BUCKET, SALES_BUCKET].map(keysOf);
    for (const k of keys) assert.equal(k.length, 1, JSON.stringify(keys));
    assert.equal(new Set(keys.flat()).size, 3);
    assert.ok(!keys.flat().includes(MOTO_ENV.AWS_ACCESS_KEY_ID), 'no bucket is read with the caller\'s own key');
    assert.ok(proxy.seen.some((r) => r.bucket === HR_BUCKET && r.query.has('list-type')), 'the sample listed the member bucket');
  });

  test('the snapshot: organization, one snapshot per account, the suspended account as skipped', () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as {
      provider: string;
      organization: Record<string, string>;
      accounts: { accountId: string; callerArn: string; buckets: { Name: string }[] }[];
      skippedAccounts: unknown[];
      errors?: unknown[];
    };
    assert.equal(snap.provider, 'aws');
    assert.deepEqual(snap.organization, { memberRole: ORG_ROLE, callerAccountId: org.management, id: org.orgId, managementAccountId: org.management });
    assert.deepEqual(
      snap.accounts.map((a) => `${a.accountId} ${a.callerArn} ${a.buckets.map((b) => b.Name).join(',')}`),
      [
        [org.management, MGMT_BUCKET],
        [org.hr, HR_BUCKET],
        [org.sales, SALES_BUCKET],
      ]
        .sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''))
        .map(([a, b]) => `${a} arn:aws:sts::${a}:assumed-role/${ORG_ROLE}/kumoscan ${b}`),
    );
    assert.deepEqual(snap.skippedAccounts, [{ accountId: org.closed, name: 'legacy', status: 'SUSPENDED' }]);
    assert.equal(snap.errors, undefined);
  });

  test('--input: the saved organization snapshot evaluates offline to the same report; --buckets filters every member', async () => {
    const offline = await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json']);
    assert.equal(offline.code, 1, offline.stderr);
    const again = JSON.parse(offline.stdout) as Report;
    assertValidReport(again);
    assert.deepEqual(again.scope.accounts, report.scope.accounts);
    assert.deepEqual(again.resources, report.resources);
    assert.deepEqual(again.findings, report.findings);
    const filtered = await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json', '--buckets', 'org-*-private']);
    const f = JSON.parse(filtered.stdout) as Report;
    assert.deepEqual(f.resources.map((r) => r.name).sort(), [MGMT_BUCKET, SALES_BUCKET]);
    assert.deepEqual(f.scope.accounts, report.scope.accounts);
  });

  test('an organization snapshot in 2 shards, merged, is the report of one run (identities of every account once)', async () => {
    const single = JSON.parse((await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json'])).stdout) as Report;
    const files: string[] = [];
    const sizes: number[] = [];
    for (const k of [0, 1]) {
      const file = join(work, `org-shard-${k}.json`);
      const res = await runCli(['scan', '--quiet', '--input', snapshotFile, '--shard', `${k}/2`, '--format', 'json', '--out', file]);
      assert.ok([0, 1, 3].includes(res.code ?? -1), `exit ${res.code}: ${res.stderr}`);
      const shard = JSON.parse(readFileSync(file, 'utf8')) as Report;
      assert.deepEqual(shard.scope.accounts, single.scope.accounts, 'every shard reads every account');
      sizes.push(shard.resources.length);
      files.push(file);
    }
    assert.equal(sizes[0]! + sizes[1]!, single.resources.length);
    const out = join(work, 'org-merged.json');
    const merged = await runCli(['merge', ...files, '--format', 'json', '--out', out]);
    assert.equal(merged.code, 1, merged.stderr);
    const m = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(m);
    assert.deepEqual(blankScanTime(m), blankScanTime(single));
    assert.equal(new Set(m.identities.map((i) => i.account)).size, m.identities.length);
  });

  test('live in 2 shards: merged equals the single run; a shard reads IAM only of the accounts it has buckets of or owns', async () => {
    const files: string[] = [];
    const iamReads: number[] = [];
    for (const k of [0, 1]) {
      const shardProxy = await startFaultProxy(moto.endpoint, () => undefined);
      try {
        const file = join(work, `org-live-shard-${k}.json`);
        const r = await runCli(['scan', '--quiet', 'aws', '--org-role', ORG_ROLE, '--endpoint-url', shardProxy.endpoint, '--shard', `${k}/2`, '--format', 'json', '--out', file], MOTO_ENV);
        assert.ok([0, 1].includes(r.code ?? -1), `exit ${r.code}: ${r.stderr}`);
        files.push(file);
        iamReads.push(new Set(shardProxy.seen.filter((q) => q.action === 'GetAccountAuthorizationDetails').map((q) => q.accessKey)).size);
      } finally {
        await shardProxy.close();
      }
    }
    // Expected: per shard, the accounts with a bucket in it, plus the accounts whose id falls in it.
    const expected = [0, 1].map(
      (k) => report.scope.accounts.filter((a) => report.resources.some((r) => r.account === a && shardOf(r.name, 2) === k) || shardOf(a, 2) === k).length,
    );
    assert.deepEqual(iamReads, expected);
    const out = join(work, 'org-live-merged.json');
    const merged = await runCli(['merge', ...files, '--format', 'json', '--out', out]);
    assert.equal(merged.code, 1, merged.stderr);
    const m = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(m);
    // Run-specific by nature: the clock (scannedAt, quoted by the PPC draft), the time IAM was read, and here the
    // port of each run's recording proxy.
    const blank = (r: Report): unknown => blankScanTime({ ...r, scope: { ...r.scope, endpointUrl: '<proxy>' }, identities: r.identities.map((i) => ({ ...i, asOf: null })) });
    assert.deepEqual(blank(m), blank(report));
  });

  test('--accounts and --exclude-accounts choose member accounts', async () => {
    const only = await runCli(['scan', '--quiet', 'aws', '--org-role', ORG_ROLE, '--endpoint-url', moto.endpoint, '--format', 'json', '--no-iam', '--sample', 'none', '--accounts', `${org.hr},${org.sales}`, '--exclude-accounts', org.sales], MOTO_ENV);
    const r = JSON.parse(only.stdout) as Report;
    assert.equal(only.code, 1, only.stderr);
    assert.deepEqual(r.scope.accounts, [org.hr]);
    assert.deepEqual(r.resources.map((x) => x.name), [HR_BUCKET]);
    assert.deepEqual(r.errors, []);
  });
});

describe('kumoscan scan aws --org-role against moto: accounts that fail are recorded and skipped', () => {
  test('AssumeRole denied in one member: error scoped aws:<id>, the others scanned, exit 3 (1 with findings); the management account falls back to the caller', async () => {
    const proxy = await startFaultProxy(moto.endpoint, ({ action, params }) => {
      const arn = params?.get('RoleArn') ?? '';
      return action === 'AssumeRole' && (arn.includes(`::${org.sales}:`) || arn.includes(`::${org.management}:`)) ? DENIED : undefined;
    });
    const snapshotFile = join(work, 'denied.json');
    try {
      const args = ['scan', '--quiet', 'aws', '--org-role', ORG_ROLE, '--endpoint-url', proxy.endpoint, '--format', 'json', '--no-iam', '--sample', 'none', '--buckets', 'org-*-private', '--accounts', `${org.management},${org.sales},${org.hr},999999999999`];
      const res = await runCli([...args, '--fail-on', 'none', '--save-snapshot', snapshotFile], MOTO_ENV);
      assert.equal(res.code, 3, res.stderr);
      const report = JSON.parse(res.stdout) as Report;
      assertValidReport(report);
      assert.equal(report.summary.complete, false);
      assert.deepEqual(report.scope.accounts, [org.management, org.hr].sort());
      assert.deepEqual(report.errors, [
        { scope: 'aws:999999999999', call: 'ListAccounts', code: 'NotInOrganization', message: 'account 999999999999 (--accounts) is not a member of the organization' },
        { scope: `aws:${org.sales}`, call: 'AssumeRole', code: 'AccessDenied', message: DENIED.message },
      ]);
      assert.deepEqual(report.resources.map((r) => `${r.account} ${r.name}`), [`${org.management} ${MGMT_BUCKET}`]);
      const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { accounts: { accountId: string; callerArn: string }[] };
      assert.deepEqual(snap.accounts.map((a) => `${a.accountId} ${a.callerArn}`), [
        `${org.management} arn:aws:sts::${org.management}:user/moto`,
        `${org.hr} arn:aws:sts::${org.hr}:assumed-role/${ORG_ROLE}/kumoscan`,
      ].sort());
      const withFindings = await runCli([...args, '--fail-on', 'medium'], MOTO_ENV);
      assert.equal(withFindings.code, 1);
      const offline = await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json', '--fail-on', 'none']);
      assert.equal(offline.code, 3);
      assert.deepEqual((JSON.parse(offline.stdout) as Report).errors, report.errors);
    } finally {
      await proxy.close();
    }
  });

  test('ListAccounts denied (not the management account): exit 2 with a one-line error', async () => {
    const proxy = await startFaultProxy(moto.endpoint, ({ action }) =>
      action === 'ListAccounts'
        ? {
            status: 400,
            code: 'AccessDeniedException',
            message: 'You don’t have permissions to access this resource.',
            contentType: 'application/x-amz-json-1.1',
            body: JSON.stringify({ __type: 'AccessDeniedException', message: 'You do not have permissions to access this resource.' }),
          }
        : undefined,
    );
    try {
      const res = await runCli(['scan', '--quiet', 'aws', '--org-role', ORG_ROLE, '--endpoint-url', proxy.endpoint, '--format', 'json'], MOTO_ENV);
      assert.equal(res.code, 2);
      assert.equal(res.stdout, '');
      assert.equal(
        res.stderr.trim(),
        "kumoscan: --org-role: cannot list the organization's accounts (organizations:ListAccounts AccessDeniedException: You do not have permissions to access this resource.); run from the management account or a delegated administrator account, or scan one account without --org-role",
      );
    } finally {
      await proxy.close();
    }
  });

  test('--accounts without --org-role, and a malformed account id: exit 2', async () => {
    const without = await runCli(['scan', '--quiet', 'aws', '--endpoint-url', moto.endpoint, '--accounts', org.hr], MOTO_ENV);
    assert.equal(without.code, 2);
    assert.match(without.stderr, /--accounts needs --org-role/);
    const bad = await runCli(['scan', '--quiet', 'aws', '--endpoint-url', moto.endpoint, '--org-role', ORG_ROLE, '--accounts', '12345'], MOTO_ENV);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"12345" is not an AWS account id \(12 digits\)/);
  });
});
