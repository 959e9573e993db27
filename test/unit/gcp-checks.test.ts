// The GCS checks (gcs-public-access-prevention-off, gcs-soft-delete-off, gcs-location-outside-japan) and the
// provider-neutral checks as they apply to a GCS bucket.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Resource, Severity } from '../../src/model.js';
import { CHECKS, findCheck, runChecks } from '../../checks/index.js';
import { storedInJapan } from '../../checks/gcs-location-outside-japan.js';

/** A healthy GCS bucket (TLS set to true here only to isolate the checks under test). */
function gcs(edit?: (r: Resource) => void): Resource {
  const r: Resource = {
    provider: 'gcp',
    account: 'kumo-hr-prod',
    id: 'gs://hr',
    name: 'hr',
    region: 'asia-northeast1',
    exposure: { read: false, list: false, write: false, aclWrite: false, evidence: [] },
    guards: { publicAccessPrevention: true, bucketPublicAccessPrevention: 'enforced', orgPublicAccessPrevention: false, aclsEnabled: false },
    externalPrincipals: [],
    encryption: { atRest: 'customer-managed', key: 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k' },
    transport: { httpsOnly: true },
    versioning: true,
    logging: true,
    softDelete: true,
    softDeleteDays: 7,
    retentionLock: true,
    lifecycle: true,
    website: false,
    tags: {},
    locationType: 'region',
    errors: [],
  };
  edit?.(r);
  return r;
}

const brief = (fs: Finding[]): [string, Severity][] => fs.map((f) => [f.checkId, f.severity]);
const run = (id: string, r: Resource): Finding[] => runChecks([r], { only: [id] });

describe('a healthy GCS bucket', () => {
  test('has no finding', () => {
    assert.deepEqual(brief(runChecks([gcs()])), []);
  });
  test('GCS checks never run on other providers', () => {
    for (const id of ['gcs-public-access-prevention-off', 'gcs-soft-delete-off', 'gcs-location-outside-japan']) {
      assert.deepEqual(findCheck(id)?.providers, ['gcp']);
      assert.ok(findCheck(id)?.duties.includes('APPI-23'));
    }
    const aws = gcs((r) => {
      r.provider = 'aws';
      r.region = 'us-east-1';
      r.softDeleteDays = 0;
      r.guards = { ...r.guards, publicAccessPrevention: false };
    });
    assert.deepEqual(runChecks([aws]).filter((f) => f.checkId.startsWith('gcs-')), []);
  });
});

describe('gcs-public-access-prevention-off', () => {
  test('inherited, org policy not enforced: medium, with both settings as evidence', () => {
    const [f, ...rest] = run('gcs-public-access-prevention-off', gcs((r) => (r.guards = { publicAccessPrevention: false, bucketPublicAccessPrevention: 'inherited', orgPublicAccessPrevention: false, aclsEnabled: false })));
    assert.equal(rest.length, 0);
    assert.equal(f?.severity, 'medium');
    assert.deepEqual(f?.duties, ['APPI-23', 'GL-10-6-1', 'GL-10-6-2']);
    assert.deepEqual(f?.evidence.map((e) => e.ref), ['guards.bucketPublicAccessPrevention', 'guards.orgPublicAccessPrevention']);
    assert.match(f?.detail.ja ?? '', /「inherited」/);
    assert.match(f?.detail.en ?? '', /nothing prevents it from being made public/);
    assert.ok(f?.remediation.commands?.some((c) => /--public-access-prevention/.test(c)));
  });
  test('says so when the bucket is public today', () => {
    const [f] = run('gcs-public-access-prevention-off', gcs((r) => {
      r.guards.publicAccessPrevention = false;
      r.exposure.read = true;
    }));
    assert.match(f?.detail.en ?? '', /public today/);
  });
  test('enforced (bucket or org): nothing; unknown: not-verified names it', () => {
    assert.deepEqual(run('gcs-public-access-prevention-off', gcs()), []);
    const unknown = gcs((r) => (r.guards.publicAccessPrevention = null));
    assert.deepEqual(run('gcs-public-access-prevention-off', unknown), []);
    const [nv] = run('not-verified', unknown);
    assert.equal(nv?.severity, 'medium');
    assert.match(nv?.detail.en ?? '', /Public Access Prevention \(bucket or org policy\)/);
  });
});

describe('gcs-soft-delete-off', () => {
  const soft = (days: number | null, versioning = true): Resource =>
    gcs((r) => {
      r.softDeleteDays = days;
      r.softDelete = days === null ? null : days > 0;
      r.versioning = versioning;
    });
  test('off with versioning off: medium; off with versioning on: low; shorter than 7 days: low', () => {
    assert.deepEqual(brief(run('gcs-soft-delete-off', soft(0, false))), [['gcs-soft-delete-off', 'medium']]);
    assert.deepEqual(brief(run('gcs-soft-delete-off', soft(0, true))), [['gcs-soft-delete-off', 'low']]);
    const [short] = run('gcs-soft-delete-off', soft(3));
    assert.equal(short?.severity, 'low');
    assert.match(short?.detail.en ?? '', /3 days, less than the default 7/);
    assert.deepEqual(run('gcs-soft-delete-off', soft(6.99)).length, 1);
  });
  test('7 days or more, or unknown: nothing', () => {
    assert.deepEqual(run('gcs-soft-delete-off', soft(7)), []);
    assert.deepEqual(run('gcs-soft-delete-off', soft(90)), []);
    assert.deepEqual(run('gcs-soft-delete-off', soft(null)), []);
  });
  test('cites the restore duty', () => {
    assert.deepEqual(findCheck('gcs-soft-delete-off')?.duties, ['APPI-23', 'GL-10-3-4']);
  });
});

describe('gcs-location-outside-japan', () => {
  const at = (region: string | null, dataLocations?: string[]): Resource =>
    gcs((r) => {
      r.region = region;
      if (dataLocations) r.dataLocations = dataLocations;
    });
  test('Tokyo, Osaka, asia1 and a configurable dual-region of both are in Japan', () => {
    for (const r of [at('asia-northeast1'), at('asia-northeast2'), at('asia1'), at('asia', ['asia-northeast1', 'asia-northeast2'])]) {
      assert.equal(storedInJapan(r), true, r.region ?? '');
      assert.deepEqual(run('gcs-location-outside-japan', r), []);
    }
    assert.equal(storedInJapan(at(null)), null);
    assert.deepEqual(run('gcs-location-outside-japan', at(null)), []);
  });
  test('outside Japan: info, naming the country, citing GL-10-7', () => {
    const [f] = run('gcs-location-outside-japan', at('us'));
    assert.equal(f?.severity, 'info');
    assert.deepEqual(f?.duties, ['APPI-23', 'GL-10-7']);
    assert.match(f?.detail.ja ?? '', /us（米国（マルチリージョン））/);
    assert.match(f?.detail.en ?? '', /United States \(multi-region\)/);
    assert.match(run('gcs-location-outside-japan', at('us-central1'))[0]?.detail.en ?? '', /us-central1 \(United States\)/);
    assert.match(run('gcs-location-outside-japan', at('asia-southeast1'))[0]?.detail.en ?? '', /Singapore/);
    assert.match(run('gcs-location-outside-japan', at('asia'))[0]?.detail.en ?? '', /several Asian countries/);
  });
  test('a dual-region with one region abroad, and a location kumoscan does not know', () => {
    const [dual] = run('gcs-location-outside-japan', at('asia', ['asia-northeast1', 'asia-east1']));
    assert.match(dual?.detail.en ?? '', /asia-northeast1 \(.*\), asia-east1 \(Taiwan\) \(a configurable dual-region of asia\)/);
    assert.match(run('gcs-location-outside-japan', at('mars-north1'))[0]?.detail.en ?? '', /a country kumoscan does not know/);
  });
});

describe('provider-neutral checks on a GCS bucket', () => {
  test('Google-managed encryption is info on GCS (low on S3)', () => {
    const [f] = run('provider-managed-encryption', gcs((r) => (r.encryption = { atRest: 'provider-managed' })));
    assert.equal(f?.severity, 'info');
    assert.match(f?.detail.ja ?? '', /Google が管理する暗号鍵/);
    const [s3] = run('provider-managed-encryption', gcs((r) => {
      r.provider = 'aws';
      r.encryption = { atRest: 'provider-managed' };
    }));
    assert.equal(s3?.severity, 'low');
  });
  test('uniform bucket-level access off is acls-enabled (low) with the GCS remediation', () => {
    const [f] = run('acls-enabled', gcs((r) => (r.guards.aclsEnabled = true)));
    assert.equal(f?.severity, 'low');
    assert.match(f?.detail.en ?? '', /uniform bucket-level access off/);
    assert.ok(f?.remediation.commands?.some((c) => /--uniform-bucket-level-access/.test(c)));
  });
  test('public read/list, versioning, logging, external principals', () => {
    const r = gcs((x) => {
      x.exposure = { read: true, list: true, write: false, aclWrite: false, evidence: [{ capability: 'read', effect: 'grants', source: 'iam-policy', ref: 'binding roles/storage.objectViewer → allUsers', message: 'm', messageJa: 'm' }] };
      x.versioning = false;
      x.logging = false;
      x.externalPrincipals = [{ id: 'user:a@partner.example', kind: 'gcp-member', account: 'partner.example', capabilities: ['read', 'list'], conditional: false, evidence: 'binding roles/storage.objectViewer' }];
    });
    assert.deepEqual(brief(runChecks([r])), [
      ['public-read', 'critical'],
      ['external-principal-read', 'high'],
      ['public-list', 'high'],
      ['access-logging-off', 'medium'],
      ['versioning-off', 'medium'],
    ]);
    assert.match(runChecks([r], { only: ['public-read'] })[0]?.detail.en ?? '', /binding roles\/storage\.objectViewer → allUsers/);
    assert.ok(runChecks([r], { only: ['public-read'] })[0]?.remediation.commands?.some((c) => /--public-access-prevention/.test(c)));
  });
  test('every check that lists gcp has Japanese and English remediation for it', () => {
    for (const c of CHECKS.filter((x) => x.providers.includes('gcp'))) {
      const rem = c.remediation.gcp ?? c.remediation.default;
      assert.ok(rem && rem.ja && rem.en, c.id);
    }
  });
});
