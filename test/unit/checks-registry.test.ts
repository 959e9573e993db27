// The registry: metadata of every check, every check file registered, and how runChecks builds and orders findings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { I18n, Resource } from '../../src/model.js';
import { SEVERITIES } from '../../src/model.js';
import { DUTIES } from '../../reports/appi/duties.js';
import { ACCOUNT_CHECKS, CHECKS, UnknownCheckError, findCheck, runChecks } from '../../checks/index.js';
import type { AccountCheck, Check } from '../../checks/types.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/test/unit
const root = process.env.KUMOSCAN_ROOT ?? resolve(here, '..', '..', '..');
const NOT_CHECKS = new Set(['index.ts', 'types.ts', 'helpers.ts', 'commands.ts']);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function assertText(t: I18n | undefined, what: string): void {
  assert.ok(t, `${what} missing`);
  assert.ok(t.ja.trim().length > 0, `${what}.ja empty`);
  assert.ok(t.en.trim().length > 0, `${what}.en empty`);
  assert.ok(JAPANESE.test(t.ja), `${what}.ja is not Japanese: ${t.ja}`);
}

/** Resource checks and account (identity) checks: every check file holds one of either kind. */
const ALL_CHECKS: readonly (Check | AccountCheck)[] = [...CHECKS, ...ACCOUNT_CHECKS];

function isCheck(v: unknown): v is Check | AccountCheck {
  if (typeof v !== 'object' || v === null || typeof (v as Check).id !== 'string') return false;
  return typeof (v as Check).run === 'function' || typeof (v as AccountCheck).runAccount === 'function';
}

describe('check metadata', () => {
  test('ids are unique and kebab-case', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('every check has Japanese and English title, description and remediation for each of its providers', () => {
    for (const c of ALL_CHECKS) {
      assertText(c.title, `${c.id}.title`);
      assertText(c.description, `${c.id}.description`);
      assert.ok(c.providers.length > 0, `${c.id} has no provider`);
      for (const p of c.providers) assertText(c.remediation[p] ?? c.remediation.default, `${c.id}.remediation[${p}]`);
      for (const [key, text] of Object.entries(c.remediation)) {
        assert.ok(key === 'default' || c.providers.includes(key as never), `${c.id}: remediation for unlisted provider ${key}`);
        assertText(text, `${c.id}.remediation.${key}`);
      }
    }
  });

  test('every check cites at least one known duty, always APPI-23, never APPI-26 (the assessment adds it)', () => {
    for (const c of ALL_CHECKS) {
      assert.ok(c.duties.length > 0, c.id);
      assert.ok(c.duties.includes('APPI-23'), `${c.id} must cite APPI-23`);
      assert.ok(!c.duties.includes('APPI-26'), `${c.id} must not cite APPI-26`);
      assert.equal(new Set(c.duties).size, c.duties.length, `${c.id} repeats a duty`);
      for (const d of c.duties) assert.ok(d in DUTIES, `${c.id}: unknown duty ${d}`);
    }
  });

  test('severities are known', () => {
    for (const c of ALL_CHECKS) assert.ok(SEVERITIES.includes(c.severity), c.id);
  });

  test('every file in checks/ other than index.ts, types.ts and helpers.ts is one registered check named after the file', async () => {
    const dir = join(root, 'checks');
    assert.ok(existsSync(join(dir, 'types.ts')), `checks/ not found under ${root} (set KUMOSCAN_ROOT)`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !NOT_CHECKS.has(f));
    assert.equal(files.length, ALL_CHECKS.length, `files: ${files.join(', ')}`);
    for (const file of files) {
      const mod = (await import(`../../checks/${file.replace(/\.ts$/, '.js')}`)) as Record<string, unknown>;
      const exported = Object.values(mod).filter(isCheck);
      assert.equal(exported.length, 1, `${file} must export exactly one check`);
      const check = exported[0]!;
      assert.equal(`${check.id}.ts`, file, 'the file is named after the check id');
      assert.ok(ALL_CHECKS.includes(check), `${check.id} is not registered in checks/index.ts`);
    }
  });

  test('findCheck', () => {
    assert.equal(findCheck('public-read')?.severity, 'critical');
    assert.equal(findCheck('no-such-check'), undefined);
  });
});

function resource(provider: Resource['provider'], id: string, edit?: (r: Resource) => void): Resource {
  const r: Resource = {
    provider,
    account: '111122223333',
    id,
    name: id,
    region: null,
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
    tags: {},
    errors: [],
  };
  edit?.(r);
  return r;
}

describe('runChecks', () => {
  test('builds findings from the check and the draft', () => {
    const [f, ...rest] = runChecks([resource('aws', 'b1', (r) => (r.transport.httpsOnly = false))]);
    assert.equal(rest.length, 0);
    const check = findCheck('tls-not-enforced')!;
    assert.equal(f!.id, 'tls-not-enforced:b1');
    assert.equal(f!.checkId, 'tls-not-enforced');
    assert.equal(f!.resourceId, 'b1');
    assert.equal(f!.provider, 'aws');
    assert.equal(f!.severity, 'medium');
    assert.deepEqual(f!.title, check.title);
    // Shared with every finding of the check (a report of 100,000 buckets holds about 600,000), and frozen.
    assert.equal(f!.title, check.title);
    assert.equal(f!.duties, check.duties);
    assert.equal(f!.remediation, check.remediation.aws);
    assert.ok(Object.isFrozen(f!.title) && Object.isFrozen(f!.duties) && Object.isFrozen(f!.remediation));
    assert.throws(() => (f!.duties as string[]).push('APPI-26'), TypeError);
  });

  test('uses the default remediation for a provider without its own', () => {
    const check = findCheck('website-public')!;
    assert.equal(check.remediation.gcp, undefined);
    const [f] = runChecks([resource('gcp', 'g1', (r) => ((r.website = true), (r.exposure.read = true)))], { only: ['website-public'] });
    assert.deepEqual(f!.remediation, check.remediation.default);
  });

  test('adds the suffix to the id and lets the draft override the severity', () => {
    const f = runChecks([
      resource('aws', 'b1', (r) => {
        r.externalPrincipals = [{ id: '444455556666', kind: 'aws-account', account: '444455556666', capabilities: ['read'], conditional: true, evidence: 'Sid "X"' }];
      }),
    ]);
    assert.deepEqual(f.map((x) => [x.id, x.severity]), [['external-principal-read:b1:444455556666', 'medium']]);
  });

  test('skips checks that do not apply to the provider', () => {
    const bpaOff = (r: Resource) => {
      r.guards.bucketBlockPublicAccess = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
      r.mfaDelete = false;
    };
    assert.deepEqual(
      runChecks([resource('azure', 'z1', bpaOff)]).map((f) => f.id),
      [],
    );
    assert.deepEqual(
      runChecks([resource('aws', 'b1', bpaOff)]).map((f) => f.id),
      ['s3-block-public-access-off:b1', 'mfa-delete-off:b1'],
    );
  });

  test('sorts by severity, then resource id, then check id', () => {
    const findings = runChecks([
      resource('aws', 'b2', (r) => {
        r.logging = false;
        r.versioning = false;
      }),
      resource('aws', 'b1', (r) => {
        r.retentionLock = false;
        r.logging = false;
        r.exposure.read = true;
      }),
      resource('gcp', 'a0', (r) => (r.exposure.write = true)),
    ]);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.id]),
      [
        ['critical', 'public-write:a0'],
        ['critical', 'public-read:b1'],
        ['medium', 'access-logging-off:b1'],
        ['medium', 'access-logging-off:b2'],
        ['medium', 'versioning-off:b2'],
        ['info', 'no-object-lock:b1'],
      ],
    );
  });

  test('only and skip select checks; an unknown id is an error', () => {
    const r = resource('aws', 'b1', (r) => {
      r.logging = false;
      r.versioning = false;
    });
    assert.deepEqual(runChecks([r], { only: ['versioning-off'] }).map((f) => f.checkId), ['versioning-off']);
    assert.deepEqual(runChecks([r], { skip: ['versioning-off'] }).map((f) => f.checkId), ['access-logging-off']);
    assert.deepEqual(runChecks([r], { only: ['versioning-off'], skip: ['versioning-off'] }), []);
    assert.deepEqual(runChecks([r], { only: [] }).length, 2, 'an empty only selects everything');
    assert.throws(() => runChecks([r], { only: ['versioning-of'] }), UnknownCheckError);
    assert.throws(() => runChecks([r], { skip: ['nope'] }), /unknown check id: nope/);
  });

  test('finding ids are unique when every check fires on one resource', () => {
    const all = runChecks([
      resource('aws', 'b1', (r) => {
        r.exposure = { read: true, list: true, write: true, aclWrite: true, evidence: [] };
        r.guards = {
          accountBlockPublicAccess: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
          bucketBlockPublicAccess: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
          aclsEnabled: true,
          objectOwnership: 'ObjectWriter',
        };
        r.externalPrincipals = [
          { id: '444455556666', kind: 'aws-account', account: '444455556666', capabilities: ['read'], conditional: false, evidence: 'Sid "A"' },
          { id: '777788889999', kind: 'aws-account', account: '777788889999', capabilities: ['list'], conditional: false, evidence: 'Sid "B"' },
        ];
        r.encryption = { atRest: 'provider-managed' };
        r.transport = { httpsOnly: false };
        r.versioning = true;
        r.mfaDelete = false;
        r.logging = false;
        r.retentionLock = false;
        r.website = true;
        // A personal-data bucket readable by more identities than the default threshold (10).
        r.tags = { 'data-class': 'personal' };
        r.principals = {
          read: Array.from({ length: 11 }, (_, i) => ({ id: `arn:aws:iam::111122223333:user/u${i}`, kind: 'user' as const, policyType: 'inline' as const, policy: 'p', statement: 'Statement[0]', conditions: [], caveats: [] })),
          list: [],
          write: [],
        };
      }),
    ], { settings: { entrustees: [{ id: '777788889999', name: 'Kumo Audit K.K.', contract: 'CTR-9' }] } });
    const ids = all.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    // Every check of an S3 bucket but not-verified (nothing unknown), versioning-off (versioning on, for
    // mfa-delete-off) and probe-disagreement (no probe was made).
    const awsChecks = CHECKS.filter((c) => c.providers.includes('aws'));
    const silent = new Set(['not-verified', 'versioning-off', 'probe-disagreement']);
    assert.deepEqual(
      new Set(all.map((f) => f.checkId)),
      new Set(awsChecks.map((c) => c.id).filter((id) => !silent.has(id))),
    );
    // Two external principals: one undeclared (external-principal-read), one declared entrustee (documented-entrustment).
    assert.equal(ids.length, awsChecks.length - silent.size);
  });
});
