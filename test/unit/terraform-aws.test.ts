// kumoscan scan terraform: AWS plans (format_version 1.x) translated into the AWS snapshot and evaluated with the
// same rules as a live scan. Exact verdicts, findings, notes and exit codes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import type { Resource } from '../../src/model.js';
import { evaluatePlan, type TerraformScanFlags } from '../../src/terraform/command.js';
import { assertValidReport } from '../helpers/schema.js';
import { awsBucket, awsSplit, buildPlan, constant, writePlan, type PlanEntry } from '../helpers/terraform-plan.js';

const HR_PLAN = 'test/fixtures/terraform/hr/plan.json';

function flags(extra: Partial<TerraformScanFlags> = {}): TerraformScanFlags {
  return { format: ['json'], failOn: 'high', lang: 'en', assume: {}, dataDeclared: [], entrustee: [], ...extra };
}

/** The report of a plan (one cloud), its exit code. */
function run(plan: string, extra: Partial<TerraformScanFlags> = {}): { report: Report; exitCode: number } {
  const { reports, exitCode } = evaluatePlan(plan, flags(extra), new Date('2026-12-07T00:00:00Z'));
  assert.equal(reports.length, 1);
  const report = reports[0] as Report;
  assertValidReport(report);
  return { report, exitCode };
}

function planOf(entries: PlanEntry[]): string {
  return writePlan(buildPlan(entries));
}

function bucket(report: Report, name: string): Resource {
  const r = report.resources.find((x) => x.name === name);
  assert.ok(r, `no resource ${name} in ${report.resources.map((x) => x.name).join(', ')}`);
  return r;
}

const exposure = (r: Resource) => ({ read: r.exposure.read, list: r.exposure.list, write: r.exposure.write, aclWrite: r.exposure.aclWrite });
const findingsOf = (report: Report, name: string): string[] => report.findings.filter((f) => f.resourceId === `arn:aws:s3:::${name}`).map((f) => `${f.checkId}:${f.severity}`).sort();

const OPEN_BPA = { block_public_acls: false, ignore_public_acls: false, block_public_policy: false, restrict_public_buckets: false };
const openBpa = (address: string, resource = 'b'): PlanEntry => awsSplit('aws_s3_bucket_public_access_block', address, resource, OPEN_BPA, Object.fromEntries(Object.keys(OPEN_BPA).map((k) => [k, constant(false)])));

describe('the HR-system plan (test/fixtures/terraform/hr: root module and a child module, split resources, references)', () => {
  const { report, exitCode } = run(HR_PLAN, { assume: { accountBpa: 'off', awsAccountId: '123456789012' } });

  test('the public bucket: the verdicts and findings of the live scan of the same configuration', () => {
    const r = bucket(report, 'hr-system-employees');
    assert.deepEqual(exposure(r), { read: true, list: true, write: false, aclWrite: false });
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'read' && e.effect === 'grants' && e.ref === 'Sid "PublicRead"'));
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'list' && e.source === 'bucket-acl' && e.ref.includes('AllUsers')));
    assert.equal(r.guards.aclsEnabled, true);
    assert.equal(r.encryption.atRest, 'provider-managed');
    assert.equal(r.transport.httpsOnly, false);
    assert.equal(r.region, 'ap-northeast-1');
    assert.deepEqual(findingsOf(report, 'hr-system-employees'), [
      'access-logging-off:medium',
      'acls-enabled:low',
      'no-object-lock:info',
      'provider-managed-encryption:low',
      'public-list:high',
      'public-read:critical',
      's3-account-block-public-access-off:medium',
      's3-block-public-access-off:medium',
      'tls-not-enforced:medium',
      'versioning-off:medium',
    ]);
  });

  test('the locked bucket (child module, heredoc policy): nothing public, only MFA delete (info)', () => {
    const r = bucket(report, 'hr-system-locked');
    assert.deepEqual(exposure(r), { read: false, list: false, write: false, aclWrite: false });
    assert.equal(r.guards.aclsEnabled, false);
    assert.equal(r.encryption.atRest, 'customer-managed');
    assert.equal(r.transport.httpsOnly, true);
    assert.equal(r.versioning, true);
    assert.equal(r.logging, true);
    assert.equal(r.retentionLock, true);
    assert.deepEqual(r.tags, { 'data-class': 'personal' });
    assert.deepEqual(findingsOf(report, 'hr-system-locked'), ['mfa-delete-off:info']);
  });

  test('each resource names its address and the line of its resource block (comments and strings that look like one are skipped)', () => {
    assert.deepEqual(bucket(report, 'hr-system-employees').source, { address: 'aws_s3_bucket.employees', file: 'test/fixtures/terraform/hr/main.tf', line: 9 });
    assert.deepEqual(bucket(report, 'hr-system-locked').source, { address: 'module.locked.aws_s3_bucket.this', file: 'test/fixtures/terraform/hr/modules/locked/main.tf', line: 9 });
  });

  test('complete, exit 1 (a critical finding)', () => {
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.equal(exitCode, 1);
  });

  test('--tf-dir elsewhere: no file is found, the address stays', () => {
    const moved = run(HR_PLAN, { assume: { accountBpa: 'off' }, tfDir: '/nonexistent' }).report;
    assert.deepEqual(bucket(moved, 'hr-system-employees').source, { address: 'aws_s3_bucket.employees' });
  });
});

describe('unknown is not safe', () => {
  const B = 'aws_s3_bucket.b';

  test('a policy known only after apply on a bucket without Block Public Access: read and list null, not-verified high with the note in both languages', () => {
    const plan = planOf([
      awsBucket('tf-unknown-policy'),
      openBpa(B),
      awsSplit('aws_s3_bucket_policy', B, 'b', {}, { policy: { references: ['aws_s3_bucket.b.arn', B] } }, { policy: true }),
    ]);
    const { report, exitCode } = run(plan, { assume: { accountBpa: 'off' } });
    const r = bucket(report, 'tf-unknown-policy');
    assert.deepEqual(exposure(r), { read: null, list: null, write: null, aclWrite: null });
    assert.deepEqual(r.errors, [{ call: 'GetBucketPolicy', code: 'KnownAfterApply', message: 'aws_s3_bucket_policy.b: policy is known only after apply', messageJa: 'aws_s3_bucket_policy.b: policy は適用後にしか決まりません' }]);
    const nv = report.findings.find((f) => f.checkId === 'not-verified');
    assert.equal(nv?.severity, 'high');
    assert.ok(nv?.evidence.some((e) => e.messageJa === 'aws_s3_bucket_policy.b: policy は適用後にしか決まりません'));
    assert.equal(report.summary.complete, false);
    assert.equal(exitCode, 1);
    assert.equal(run(plan, { assume: { accountBpa: 'off' }, failOn: 'critical' }).exitCode, 3);
  });

  test('the same unknown policy behind S3\'s default Block Public Access of a new bucket: not public whatever it says', () => {
    const plan = planOf([awsBucket('tf-default-bpa'), awsSplit('aws_s3_bucket_policy', B, 'b', {}, { policy: { references: ['aws_s3_bucket.b.arn', B] } }, { policy: true })]);
    const r = bucket(run(plan, { assume: { accountBpa: 'off' } }).report, 'tf-default-bpa');
    assert.deepEqual({ read: r.exposure.read, list: r.exposure.list, write: r.exposure.write }, { read: false, list: false, write: false });
    assert.equal(r.guards.aclsEnabled, false);
    assert.equal(r.encryption.atRest, 'provider-managed');
  });

  test('account-level Block Public Access outside the plan: stated unknown (exit 3); --assume account-bpa=on|off decides it', () => {
    const plan = planOf([awsBucket('tf-plain')]);
    const unknown = run(plan);
    assert.deepEqual(unknown.report.errors.map((e) => `${e.call} ${e.code}`), ['GetPublicAccessBlock NotInPlan']);
    assert.match(unknown.report.errors[0]?.message ?? '', /--assume account-bpa=on\|off/);
    assert.equal(unknown.report.resources[0]?.guards.accountBlockPublicAccess, null);
    assert.equal(unknown.exitCode, 3);
    const on = run(plan, { assume: { accountBpa: 'on' } });
    assert.equal(on.report.summary.complete, true);
    assert.equal(on.exitCode, 0);
    assert.deepEqual(on.report.resources[0]?.guards.accountBlockPublicAccess, { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
  });

  test('aws_s3_account_public_access_block in the plan sets the account level (no --assume needed)', () => {
    const plan = planOf([
      awsBucket('tf-account'),
      { type: 'aws_s3_account_public_access_block', name: 'this', after: { account_id: null, block_public_acls: true, ignore_public_acls: true, block_public_policy: true, restrict_public_buckets: true }, unknown: { id: true }, expressions: { block_public_acls: constant(true), ignore_public_acls: constant(true), block_public_policy: constant(true), restrict_public_buckets: constant(true) } },
    ]);
    const { report, exitCode } = run(plan);
    assert.equal(report.summary.complete, true);
    assert.equal(report.resources[0]?.guards.blockPublicPolicy, true);
    assert.equal(exitCode, 0);
  });

  test('a bucket name known only after apply (bucket_prefix): named by its address, the name stated unknown', () => {
    const plan = planOf([{ type: 'aws_s3_bucket', name: 'tmp', after: { bucket_prefix: 'tmp-', force_destroy: false }, unknown: { ...awsBucket('x').unknown, bucket: true, bucket_prefix: false }, expressions: { bucket_prefix: constant('tmp-') } }]);
    const { report } = run(plan, { assume: { accountBpa: 'on' } });
    const r = bucket(report, 'aws_s3_bucket.tmp');
    assert.deepEqual(r.errors.map((e) => `${e.call} ${e.code}`), ['ListBuckets KnownAfterApply']);
  });

  test('a split resource whose bucket is unknown and not a reference: a scope error, nothing guessed', () => {
    const plan = planOf([{ type: 'aws_s3_bucket_policy', name: 'p', after: { policy: '{}' }, unknown: { bucket: true }, expressions: { bucket: { references: ['var.bucket'] }, policy: constant('{}') } }]);
    const { report, exitCode } = run(plan, { assume: { accountBpa: 'on' } });
    assert.deepEqual(report.errors.map((e) => `${e.call} ${e.code} ${e.message}`), ['ResolveBucket KnownAfterApply aws_s3_bucket_policy.p: bucket is known only after apply']);
    assert.equal(exitCode, 3);
  });
});

describe('resource types and references', () => {
  test('legacy arguments of aws_s3_bucket: a canned ACL public-read-write, inline versioning and a heredoc policy', () => {
    const policy = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::tf-legacy/*"}]\n}\n';
    const plan = planOf([
      awsBucket('tf-legacy', 'b', {
        after: { bucket: 'tf-legacy', acl: 'public-read-write', policy, versioning: [{ enabled: true, mfa_delete: false }] },
        expressions: { bucket: constant('tf-legacy'), acl: constant('public-read-write'), policy: constant(policy), versioning: [{ enabled: constant(true) }] },
        unknown: { ...awsBucket('x').unknown, acl: false, policy: false, versioning: [{}] },
      }),
      awsSplit('aws_s3_bucket_ownership_controls', 'aws_s3_bucket.b', 'b', { rule: [{ object_ownership: 'BucketOwnerPreferred' }] }, { rule: [{ object_ownership: constant('BucketOwnerPreferred') }] }),
      openBpa('aws_s3_bucket.b'),
    ]);
    const { report } = run(plan, { assume: { accountBpa: 'off' } });
    const r = bucket(report, 'tf-legacy');
    assert.deepEqual(exposure(r), { read: false, list: true, write: true, aclWrite: false });
    assert.equal(r.versioning, true);
    assert.deepEqual(findingsOf(report, 'tf-legacy').filter((f) => f.startsWith('public')), ['public-list:high', 'public-write:critical']);
  });

  test('aws_s3_bucket_acl with an access_control_policy granting AuthenticatedUsers READ; website, lifecycle, versioning Suspended', () => {
    const B = 'aws_s3_bucket.site';
    const acp = [{ grant: [{ grantee: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers', id: null, email_address: null }], permission: 'READ' }], owner: [{ id: 'abc123', display_name: null }] }];
    const plan = planOf([
      awsBucket('tf-site', 'site'),
      openBpa(B, 'site'),
      awsSplit('aws_s3_bucket_ownership_controls', B, 'site', { rule: [{ object_ownership: 'ObjectWriter' }] }, { rule: [{ object_ownership: constant('ObjectWriter') }] }),
      awsSplit('aws_s3_bucket_acl', B, 'site', { acl: null, access_control_policy: acp }, { access_control_policy: [{ grant: [{ grantee: [{ type: constant('Group'), uri: constant('http://acs.amazonaws.com/groups/global/AuthenticatedUsers') }], permission: constant('READ') }], owner: [{ id: constant('abc123') }] }] }),
      awsSplit('aws_s3_bucket_website_configuration', B, 'site', { index_document: [{ suffix: 'index.html' }], error_document: [], redirect_all_requests_to: [] }, { index_document: [{ suffix: constant('index.html') }] }, { website_endpoint: true }),
      awsSplit('aws_s3_bucket_lifecycle_configuration', B, 'site', { rule: [{ id: 'expire', status: 'Enabled' }] }, { rule: [{ id: constant('expire'), status: constant('Enabled') }] }),
      awsSplit('aws_s3_bucket_versioning', B, 'site', { versioning_configuration: [{ status: 'Suspended', mfa_delete: null }] }, { versioning_configuration: [{ status: constant('Suspended') }] }),
    ]);
    const r = bucket(run(plan, { assume: { accountBpa: 'off' } }).report, 'tf-site');
    assert.deepEqual(exposure(r), { read: false, list: true, write: false, aclWrite: false });
    assert.equal(r.website, true);
    assert.equal(r.lifecycle, true);
    assert.equal(r.versioning, false);
  });

  test('count: each split resource reaches the bucket of its own index (`aws_s3_bucket.b[count.index].id` refers to aws_s3_bucket.b and count.index)', () => {
    const entries: PlanEntry[] = [0, 1].flatMap((i): PlanEntry[] => [
      { ...awsBucket(`tf-count-${i}`), index: i },
      { ...openBpa('aws_s3_bucket.b'), index: i, expressions: { ...openBpa('aws_s3_bucket.b').expressions, bucket: { references: ['aws_s3_bucket.b', 'count.index'] } } },
    ]);
    const open = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::tf-count-1/*' }] });
    entries.push({ ...awsSplit('aws_s3_bucket_policy', 'aws_s3_bucket.b', 'p', { policy: open }, { policy: constant(open) }), index: 1, expressions: { bucket: { references: ['aws_s3_bucket.b', 'count.index'] }, policy: constant(open) } });
    const { report } = run(planOf(entries), { assume: { accountBpa: 'off' } });
    assert.equal(bucket(report, 'tf-count-0').exposure.read, false);
    assert.equal(bucket(report, 'tf-count-1').exposure.read, true);
    assert.deepEqual(bucket(report, 'tf-count-1').source, { address: 'aws_s3_bucket.b[1]' });
  });

  test('a policy on a bucket the plan does not create (by name): the settings the plan does not show are stated unknown', () => {
    const open = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::legacy-bucket/*' }] });
    const plan = planOf([{ type: 'aws_s3_bucket_policy', name: 'p', after: { bucket: 'legacy-bucket', policy: open }, unknown: { id: true }, expressions: { bucket: constant('legacy-bucket'), policy: constant(open) } }]);
    const { report, exitCode } = run(plan, { assume: { accountBpa: 'off' } });
    const r = bucket(report, 'legacy-bucket');
    assert.equal(r.exposure.read, null, 'the bucket\'s Block Public Access is not in the plan');
    assert.ok(r.errors.some((e) => e.call === 'GetPublicAccessBlock' && e.code === 'NotInPlan' && e.messageJa === '既存バケット legacy-bucket のブロックパブリックアクセスはこの計画に含まれていません'));
    assert.deepEqual(r.source, { address: 'aws_s3_bucket_policy.p' });
    assert.equal(exitCode, 1);
  });

  test('an existing bucket (no-op): its refreshed settings are read, Block Public Access and Object Ownership are stated unknown', () => {
    const plan = planOf([{ type: 'aws_s3_bucket', name: 'old', actions: ['no-op'], after: { bucket: 'tf-old', policy: '', grant: [{ id: 'abc', type: 'CanonicalUser', uri: '', permissions: ['FULL_CONTROL'] }], versioning: [{ enabled: true, mfa_delete: false }], logging: [], server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256', kms_master_key_id: '' }], bucket_key_enabled: false }] }] }, unknown: {}, expressions: { bucket: constant('tf-old') } }]);
    const r = bucket(run(plan, { assume: { accountBpa: 'on' } }).report, 'tf-old');
    assert.equal(r.versioning, true);
    assert.equal(r.logging, false);
    assert.equal(r.encryption.atRest, 'provider-managed');
    assert.deepEqual(r.errors.map((e) => `${e.call} ${e.code}`), ['GetPublicAccessBlock NotInPlan', 'GetBucketOwnershipControls NotInPlan']);
    assert.equal(r.guards.aclsEnabled, null);
  });

  test('a bucket the plan deletes is not evaluated', () => {
    const plan = planOf([{ ...awsBucket('tf-gone'), actions: ['delete'] }, awsBucket('tf-kept', 'k')]);
    assert.deepEqual(run(plan, { assume: { accountBpa: 'on' } }).report.resources.map((r) => r.name), ['tf-kept']);
  });
});

describe('kumoscan.yml and --data-declared on a plan', () => {
  test('a suppression naming a Terraform address suppresses that resource\'s finding', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-tfcfg-'));
    const config = join(dir, 'kumoscan.yml');
    writeFileSync(config, 'version: 1\nsuppressions:\n  - check: versioning-off\n    resources: ["aws_s3_bucket.employees"]\n    reason: export bucket, versions not kept\n    expires: 2099-12-31\n');
    const { report } = run(HR_PLAN, { assume: { accountBpa: 'off' }, config });
    assert.ok(!findingsOf(report, 'hr-system-employees').includes('versioning-off:medium'));
    assert.deepEqual(report.suppressed?.map((s) => `${s.finding.checkId} ${s.suppression}`), ['versioning-off suppressions[0]']);
  });

  test('kumoscan.yml `terraform.assume` states the account-level Block Public Access; --assume wins', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const config = join(mkdtempSync(join(tmpdir(), 'kumoscan-tfcfg-')), 'kumoscan.yml');
    writeFileSync(config, 'version: 1\nterraform:\n  assume:\n    accountBpa: "on"\n');
    const plan = planOf([awsBucket('tf-config')]);
    const fromConfig = run(plan, { config }).report;
    assert.equal(fromConfig.summary.complete, true);
    assert.equal(fromConfig.resources[0]?.guards.accountBlockPublicAccess?.BlockPublicPolicy, true);
    const overridden = run(plan, { config, assume: { accountBpa: 'off' } }).report;
    assert.equal(overridden.resources[0]?.guards.accountBlockPublicAccess?.BlockPublicPolicy, false);
  });

  test('--data-declared: the assessment of the public bucket runs before any byte exists', () => {
    const { report } = run(HR_PLAN, { assume: { accountBpa: 'off' }, dataDeclared: [{ field: '--data-declared[0]', buckets: ['hr-system-employees'], categories: ['my_number', 'person_name'] }] });
    const r = bucket(report, 'hr-system-employees');
    assert.equal(r.data?.personalData, true);
    const entry = report.assessment.perResource.find((p) => p.resourceId === 'arn:aws:s3:::hr-system-employees');
    assert.equal(entry?.reportability?.result, 'review');
    assert.deepEqual(report.assessment.reportable, ['arn:aws:s3:::hr-system-employees']);
  });
});

test('the HR plan file is the documented JSON format (format_version 1.x, configuration with module calls)', () => {
  const doc = JSON.parse(readFileSync(HR_PLAN, 'utf8')) as { format_version: string; configuration: { root_module: { module_calls: Record<string, { source: string }> } } };
  assert.match(doc.format_version, /^1\.\d+$/);
  assert.equal(doc.configuration.root_module.module_calls.locked?.source, './modules/locked');
});

