// The identity checks: every account check against a healthy posture, a failing one and an unknown (null) input;
// the personal-data readers check; and the posture kumoscan derives from a snapshot's `iam` key.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACCOUNT_CHECKS, runAccountChecks, runChecks } from '../../checks/index.js';
import { awsIdentities } from '../../providers/aws/normalize.js';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import type { Finding, IdentityPosture, PrincipalGrant, Resource, RolePosture, TrustGrant, UserPosture } from '../../src/model.js';

const ACCOUNT = '111122223333';
const USER = (n: string): string => `arn:aws:iam::${ACCOUNT}:user/${n}`;
const ROLE = (n: string): string => `arn:aws:iam::${ACCOUNT}:role/${n}`;

function user(name: string, edit: Partial<UserPosture> = {}): UserPosture {
  return { id: USER(name), name, consoleAccess: false, mfa: true, passwordLastUsed: null, accessKeys: [], groups: [], boundary: null, broadGrants: [], ...edit };
}

function role(name: string, edit: Partial<RolePosture> = {}): RolePosture {
  return { id: ROLE(name), name, trust: [], boundary: null, broadGrants: [], ...edit };
}

function trust(edit: Partial<TrustGrant>): TrustGrant {
  return { principal: 'arn:aws:iam::999988887777:root', kind: 'aws-account', account: '999988887777', external: true, externalId: false, pinned: false, conditions: [], statement: 'Statement[0]', ...edit };
}

/** A healthy account; `edit` breaks what a test needs broken. */
function posture(edit?: (p: IdentityPosture) => void): IdentityPosture {
  const p: IdentityPosture = {
    provider: 'aws',
    account: ACCOUNT,
    id: `aws:${ACCOUNT}`,
    collected: true,
    asOf: '2026-11-22T00:00:00.000Z',
    root: { mfa: true, accessKeys: false },
    passwordPolicy: { present: true, minimumLength: 14, reusePrevention: 24, maxAgeDays: null, requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true },
    users: [user('alice', { consoleAccess: true, mfa: true })],
    roles: [role('app')],
    notes: [],
    errors: [],
  };
  edit?.(p);
  return p;
}

type Brief = [id: string, severity: string];
const brief = (fs: Finding[]): Brief[] => fs.map((f) => [f.id, f.severity]);
const run = (checkId: string, p: IdentityPosture): Finding[] => runAccountChecks([p], { only: [checkId] });

describe('account checks: baseline', () => {
  test('a healthy account has no identity finding', () => {
    assert.deepEqual(runAccountChecks([posture()]), []);
  });

  test('identities not collected (--no-iam): no finding at all', () => {
    const p = posture((x) => {
      x.collected = false;
      x.reason = 'IAM not collected';
      x.root = { mfa: false, accessKeys: true };
      x.passwordPolicy = { present: false, minimumLength: null, reusePrevention: null, maxAgeDays: null, requireSymbols: null, requireNumbers: null, requireUppercase: null, requireLowercase: null };
    });
    assert.deepEqual(runAccountChecks([p]), []);
  });

  test('every account check has its describe block below', () => {
    assert.deepEqual(ACCOUNT_CHECKS.map((c) => c.id).sort(), [
      'iam-access-key-stale',
      'iam-console-user-without-mfa',
      'iam-external-trust-without-external-id',
      'iam-full-s3-access',
      'iam-not-verified',
      'iam-password-policy-weak',
      'iam-root-account-unprotected',
      'iam-trusted-by-anyone',
    ]);
  });
});

describe('iam-root-account-unprotected', () => {
  test('no MFA: critical, on the account', () => {
    const f = run('iam-root-account-unprotected', posture((p) => (p.root.mfa = false)));
    assert.deepEqual(brief(f), [[`iam-root-account-unprotected:aws:${ACCOUNT}`, 'critical']]);
    assert.equal(f[0]?.resourceId, `aws:${ACCOUNT}`);
    assert.deepEqual(f[0]?.duties.map((d) => d.valueOf()), ['APPI-23', 'GL-10-6-2', 'GL-10-6-1']);
    assert.match(f[0]?.detail.ja ?? '', /MFA が設定されていません/);
  });
  test('access keys: one finding naming both issues', () => {
    const f = run('iam-root-account-unprotected', posture((p) => (p.root = { mfa: false, accessKeys: true })));
    assert.equal(f.length, 1);
    assert.match(f[0]?.detail.en ?? '', /it has no MFA; it has access keys/);
  });
  test('unknown (null): no finding', () => {
    assert.deepEqual(run('iam-root-account-unprotected', posture((p) => (p.root = { mfa: null, accessKeys: null }))), []);
  });
});

describe('iam-console-user-without-mfa', () => {
  test('a console user without MFA: high, on the user ARN', () => {
    const f = run('iam-console-user-without-mfa', posture((p) => (p.users = [user('alice', { consoleAccess: true, mfa: false, passwordLastUsed: '2026-11-20T09:00:00+00:00' }), user('bob', { consoleAccess: false, mfa: false })])));
    assert.deepEqual(brief(f), [[`iam-console-user-without-mfa:${USER('alice')}`, 'high']]);
    assert.match(f[0]?.detail.en ?? '', /password last used: 2026-11-20/);
  });
  test('MFA unknown or console unknown: no finding', () => {
    assert.deepEqual(run('iam-console-user-without-mfa', posture((p) => (p.users = [user('alice', { consoleAccess: true, mfa: null }), user('bob', { consoleAccess: null, mfa: false })]))), []);
  });
});

describe('iam-access-key-stale', () => {
  const key = (slot: number, edit: Partial<NonNullable<UserPosture['accessKeys']>[number]>) => ({ slot, active: true, lastRotated: '2026-10-01T00:00:00+00:00', lastUsed: '2026-11-21T00:00:00+00:00', ageDays: 52, idleDays: 1, ...edit });
  test('older than 90 days, and unused for 90 days: one finding per key', () => {
    const p = posture((x) => (x.users = [user('batch', { accessKeys: [key(1, { ageDays: 200, idleDays: 3 }), key(2, { lastUsed: null, ageDays: 91, idleDays: 91 })] })]));
    const f = run('iam-access-key-stale', p);
    assert.deepEqual(brief(f), [
      [`iam-access-key-stale:${USER('batch')}:key-1`, 'medium'],
      [`iam-access-key-stale:${USER('batch')}:key-2`, 'medium'],
    ]);
    assert.match(f[1]?.detail.en ?? '', /never used in 91 days/);
  });
  test('exactly 90 days, inactive keys and unknown ages: no finding', () => {
    const p = posture((x) => (x.users = [user('ok', { accessKeys: [key(1, { ageDays: 90, idleDays: 90 }), key(2, { active: false, ageDays: 400, idleDays: 400 })] }), user('unknown', { accessKeys: [key(1, { ageDays: null, idleDays: null })] })]));
    assert.deepEqual(run('iam-access-key-stale', p), []);
  });
});

describe('iam-password-policy-weak', () => {
  test('no policy: medium', () => {
    const f = run('iam-password-policy-weak', posture((p) => (p.passwordPolicy = { present: false, minimumLength: null, reusePrevention: null, maxAgeDays: null, requireSymbols: null, requireNumbers: null, requireUppercase: null, requireLowercase: null })));
    assert.deepEqual(brief(f), [[`iam-password-policy-weak:aws:${ACCOUNT}`, 'medium']]);
    assert.match(f[0]?.detail.en ?? '', /no password policy is set/);
  });
  test('13 characters and no reuse prevention: both stated', () => {
    const f = run('iam-password-policy-weak', posture((p) => p.passwordPolicy && Object.assign(p.passwordPolicy, { minimumLength: 13, reusePrevention: null })));
    assert.match(f[0]?.detail.en ?? '', /the minimum length is 13 \(under 14\); password reuse is not prevented/);
  });
  test('no console user: low', () => {
    const f = run('iam-password-policy-weak', posture((p) => {
      if (p.passwordPolicy) p.passwordPolicy.minimumLength = 8;
      p.users = [user('batch')];
    }));
    assert.deepEqual(brief(f), [[`iam-password-policy-weak:aws:${ACCOUNT}`, 'low']]);
  });
  test('policy unknown: no finding; 14 with reuse prevention: none', () => {
    assert.deepEqual(run('iam-password-policy-weak', posture((p) => (p.passwordPolicy = null))), []);
    assert.deepEqual(run('iam-password-policy-weak', posture()), []);
  });
});

describe('iam-external-trust-without-external-id', () => {
  test('another account without ExternalId: high, on the role', () => {
    const f = run('iam-external-trust-without-external-id', posture((p) => (p.roles = [role('vendor-maint', { trust: [trust({})] })])));
    assert.deepEqual(brief(f), [[`iam-external-trust-without-external-id:${ROLE('vendor-maint')}`, 'high']]);
    assert.match(f[0]?.detail.en ?? '', /999988887777/);
  });
  test('pinned to the organization: low', () => {
    const f = run('iam-external-trust-without-external-id', posture((p) => (p.roles = [role('org', { trust: [trust({ pinned: true, conditions: ['StringEquals aws:PrincipalOrgID=o-abc'] })] })])));
    assert.deepEqual(brief(f).map((b) => b[1]), ['low']);
  });
  test('with ExternalId, own account, federated or service: no finding', () => {
    const p = posture((x) => (x.roles = [role('a', { trust: [trust({ externalId: true }), trust({ account: ACCOUNT, external: false }), trust({ kind: 'federated', principal: 'arn:aws:iam::111122223333:saml-provider/corp', account: ACCOUNT }), trust({ kind: 'aws-service', principal: 'ec2.amazonaws.com', account: null, external: false })] })]));
    assert.deepEqual(run('iam-external-trust-without-external-id', p), []);
  });
});

describe('iam-trusted-by-anyone', () => {
  const anyone = (edit: Partial<TrustGrant> = {}) => trust({ principal: '*', kind: 'anyone', account: null, ...edit });
  test('* without condition: critical', () => {
    assert.deepEqual(brief(run('iam-trusted-by-anyone', posture((p) => (p.roles = [role('open', { trust: [anyone()] })])))), [[`iam-trusted-by-anyone:${ROLE('open')}`, 'critical']]);
  });
  test('* with a condition that does not pin the caller: high', () => {
    assert.deepEqual(brief(run('iam-trusted-by-anyone', posture((p) => (p.roles = [role('open', { trust: [anyone({ externalId: true, conditions: ['StringEquals sts:ExternalId=x'] })] })])))).map((b) => b[1]), ['high']);
  });
  test('* pinned to the organization: no finding', () => {
    assert.deepEqual(run('iam-trusted-by-anyone', posture((p) => (p.roles = [role('org', { trust: [anyone({ pinned: true, conditions: ['StringEquals aws:PrincipalOrgID=o-abc'] })] })]))), []);
  });
});

describe('iam-full-s3-access', () => {
  const broad = { policyType: 'managed' as const, policy: 'arn:aws:iam::aws:policy/AdministratorAccess', statement: 'Statement[0]', actions: ['*'], conditions: [], limitedByBoundary: false };
  test('a user and a role with * on *: high each', () => {
    const f = run('iam-full-s3-access', posture((p) => {
      p.users = [user('admin', { broadGrants: [{ ...broad, via: `arn:aws:iam::${ACCOUNT}:group/admins` }] })];
      p.roles = [role('ops', { broadGrants: [broad] })];
    }));
    assert.deepEqual(brief(f), [
      [`iam-full-s3-access:${ROLE('ops')}`, 'high'],
      [`iam-full-s3-access:${USER('admin')}`, 'high'],
    ]);
    assert.match(f[1]?.detail.en ?? '', /group arn:aws:iam::111122223333:group\/admins/);
  });
  test('conditional only: medium; limited by a boundary: low', () => {
    const f = run('iam-full-s3-access', posture((p) => (p.roles = [role('c', { broadGrants: [{ ...broad, conditions: ['Bool aws:MultiFactorAuthPresent=true'] }] }), role('b', { broadGrants: [{ ...broad, limitedByBoundary: true }] })])));
    assert.deepEqual(brief(f).map((b) => b[1]).sort(), ['low', 'medium']);
  });
});

describe('iam-not-verified', () => {
  test('failed IAM calls: medium, on the account, with the calls as evidence', () => {
    const f = run('iam-not-verified', posture((p) => {
      p.errors = [{ call: 'GetAccountAuthorizationDetails', code: 'AccessDenied', message: 'denied' }];
      p.users = null;
      p.roles = null;
    }));
    assert.deepEqual(brief(f), [[`iam-not-verified:aws:${ACCOUNT}`, 'medium']]);
    assert.deepEqual(f[0]?.evidence.map((e) => e.ref), ['GetAccountAuthorizationDetails']);
    assert.match(f[0]?.detail.en ?? '', /Not verified: users, roles and the principals/);
  });
  test('no error: nothing', () => assert.deepEqual(run('iam-not-verified', posture()), []));
});

// ---------------------------------------------------------------------------------------------------------

function grant(name: string): PrincipalGrant {
  return { id: USER(name), kind: 'user', policyType: 'managed', policy: `arn:aws:iam::${ACCOUNT}:policy/read`, statement: 'Statement[0]', conditions: [], caveats: [] };
}

function bucket(readers: number, tags: Record<string, string>, edit?: (r: Resource) => void): Resource {
  const r: Resource = {
    provider: 'aws',
    account: ACCOUNT,
    id: 'arn:aws:s3:::hr-data',
    name: 'hr-data',
    region: 'ap-northeast-1',
    exposure: { read: false, list: false, write: false, aclWrite: false, evidence: [] },
    guards: {},
    externalPrincipals: [],
    encryption: { atRest: 'customer-managed' },
    transport: { httpsOnly: true },
    versioning: true,
    logging: true,
    softDelete: true,
    retentionLock: true,
    website: false,
    tags,
    errors: [],
    principals: { read: Array.from({ length: readers }, (_, i) => grant(`u${String(i).padStart(2, '0')}`)), list: [], write: [] },
  };
  edit?.(r);
  return r;
}

describe('personal-data-bucket-many-readers', () => {
  const runIt = (r: Resource, maxReaders?: number) => runChecks([r], { only: ['personal-data-bucket-many-readers'], ...(maxReaders !== undefined ? { settings: { maxReaders } } : {}) });
  test('11 readers of a data-class=personal bucket: medium (default threshold 10)', () => {
    const f = runIt(bucket(11, { 'data-class': 'personal' }));
    assert.deepEqual(brief(f), [['personal-data-bucket-many-readers:arn:aws:s3:::hr-data', 'medium']]);
    assert.match(f[0]?.detail.en ?? '', /by tag data-class=personal\) can be read by 11 IAM users and roles of the account \(threshold 10\)/);
    assert.equal(f[0]?.evidence.filter((e) => e.effect === 'grants').length, 11);
  });
  test('10 readers: none; --max-readers 3 with 4: one', () => {
    assert.deepEqual(runIt(bucket(10, { 'data-class': 'personal' })), []);
    assert.equal(runIt(bucket(4, { 'Data-Class': 'PII' }), 3).length, 1);
  });
  test('several grants of one identity count once', () => {
    const r = bucket(10, { 'data-class': 'personal' }, (x) => x.principals?.read.push({ ...grant('u00'), statement: 'Statement[1]' }));
    assert.deepEqual(runIt(r), []);
  });
  test('not personal data, or principals unknown: none', () => {
    assert.deepEqual(runIt(bucket(50, { 'data-class': 'public' })), []);
    assert.deepEqual(runIt(bucket(50, { 'data-class': 'personal' }, (x) => (x.principals = null))), []);
  });
  test('a data profile that found personal data counts too', () => {
    const r = bucket(12, {}, (x) => Object.assign(x, { data: { personalData: true } }));
    assert.match(runIt(r)[0]?.detail.en ?? '', /data profile/);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('the identity posture of a snapshot', () => {
  const report = (rows: string[]) => ({
    GeneratedTime: '2026-11-21T23:00:00.000Z',
    columns: ['user', 'arn', 'password_enabled', 'password_last_used', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date'],
    rows: rows.map((line) => {
      const v = line.split(',');
      return Object.fromEntries(['user', 'arn', 'password_enabled', 'password_last_used', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date'].map((c, i) => [c, v[i] ?? '']));
    }),
  });
  const snap = (iam: AwsSnapshot['iam']): AwsSnapshot => ({ provider: 'aws', accountId: ACCOUNT, collectedAt: '2026-11-22T00:00:00.000Z', buckets: [], ...(iam ? { iam } : {}) });

  test('without iam: not collected, with the reason', () => {
    const [p] = awsIdentities(snap(undefined));
    assert.deepEqual([p?.collected, p?.reason, p?.users, p?.roles, p?.notes], [false, 'IAM not collected (--no-iam, or a snapshot taken without IAM)', null, null, []]);
  });

  test('users from the credential report: console, MFA, key ages at the collection time; root from its row', () => {
    const [p] = awsIdentities(snap({
      passwordPolicy: null,
      credentialReport: report([
        `<root_account>,arn:aws:iam::${ACCOUNT}:root,not_supported,2026-11-01T00:00:00+00:00,false,false,N/A,N/A,true,2025-01-01T00:00:00+00:00,N/A`,
        `alice,${USER('alice')},true,2026-11-20T09:00:00+00:00,false,true,2026-08-01T00:00:00+00:00,N/A,false,N/A,N/A`,
      ]),
    }));
    assert.ok(p);
    assert.deepEqual(p.root, { mfa: false, accessKeys: true });
    assert.deepEqual(p.passwordPolicy?.present, false);
    assert.equal(p.users?.length, 1);
    const alice = p.users?.[0];
    assert.deepEqual([alice?.consoleAccess, alice?.mfa, alice?.passwordLastUsed], [true, false, '2026-11-20T09:00:00+00:00']);
    assert.deepEqual(alice?.accessKeys, [{ slot: 1, active: true, lastRotated: '2026-08-01T00:00:00+00:00', lastUsed: null, ageDays: 113, idleDays: 113 }]);
    assert.equal(p.roles, null, 'no authorization details: roles unknown');
    assert.equal(p.notes.length, 2, 'SCPs unknown and the scope of the evaluation');
    assert.match(p.notes[0]?.en ?? '', /service control policies \(SCPs\).*unknown/);
  });

  test('the account summary wins over the report for root; a failed password-policy call is unknown', () => {
    const [p] = awsIdentities(snap({ accountSummary: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 }, errors: [{ call: 'GetAccountPasswordPolicy', code: 'AccessDenied', message: 'x' }] }));
    assert.deepEqual(p?.root, { mfa: true, accessKeys: false });
    assert.equal(p?.passwordPolicy, null);
    assert.equal(p?.users, null);
    assert.deepEqual(p?.errors.map((e) => e.call), ['GetAccountPasswordPolicy']);
  });

  test('roles: trust and every Allow of all S3 actions on all resources', () => {
    const enc = (o: unknown) => encodeURIComponent(JSON.stringify(o));
    const [p] = awsIdentities(snap({
      authorizationDetails: {
        UserDetailList: [{ UserName: 'admin', Arn: USER('admin'), GroupList: ['admins'] }],
        GroupDetailList: [{ GroupName: 'admins', Arn: `arn:aws:iam::${ACCOUNT}:group/admins`, AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }],
        RoleDetailList: [{
          RoleName: 'vendor',
          Arn: ROLE('vendor'),
          AssumeRolePolicyDocument: enc({ Statement: [{ Sid: 'Vendor', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }] }),
          RolePolicyList: [{ PolicyName: 'not-iam', PolicyDocument: enc({ Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }) }],
          PermissionsBoundary: { PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/s3-read` },
        }],
        Policies: [
          { Arn: 'arn:aws:iam::aws:policy/AdministratorAccess', DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: enc({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }] },
          { Arn: `arn:aws:iam::${ACCOUNT}:policy/s3-read`, DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: enc({ Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] }) }] },
        ],
      },
    }));
    assert.deepEqual(p?.users?.[0]?.broadGrants, [{ policyType: 'managed', policy: 'arn:aws:iam::aws:policy/AdministratorAccess', statement: 'Statement[0]', via: `arn:aws:iam::${ACCOUNT}:group/admins`, actions: ['*'], conditions: [], limitedByBoundary: false }]);
    const vendor = p?.roles?.[0];
    assert.deepEqual(vendor?.trust, [{ principal: 'arn:aws:iam::999988887777:root', kind: 'aws-account', account: '999988887777', external: true, externalId: true, pinned: false, conditions: ['StringEquals sts:ExternalId=abc'], statement: 'Sid "Vendor"' }]);
    assert.deepEqual(vendor?.broadGrants.map((g) => [g.actions, g.limitedByBoundary]), [[['NotAction iam:*'], true]]);
    assert.equal(vendor?.boundary, `arn:aws:iam::${ACCOUNT}:policy/s3-read`);
  });
});
