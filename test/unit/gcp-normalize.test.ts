// GCS snapshot validation, normalize (settings -> Resource), the adapter (scope, filter, probe targets), error
// codes and connection flags.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/errors.js';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { parseSnapshot } from '../../src/snapshot.js';
import type { Resource } from '../../src/model.js';
import { gcpAdapter } from '../../providers/gcp/index.js';
import { normalizeGcp } from '../../providers/gcp/normalize.js';
import { gcpErrorCode, toGcpCollectError } from '../../providers/gcp/errors.js';
import { connectionFrom } from '../../providers/gcp/connection.js';
import type { GcpMultiProjectSnapshot, GcpSingleProjectSnapshot, GcsBucketSnapshot } from '../../providers/gcp/snapshot-types.js';

function single(buckets: GcsBucketSnapshot[], edit?: (s: GcpSingleProjectSnapshot) => void): GcpSingleProjectSnapshot {
  const s: GcpSingleProjectSnapshot = { provider: 'gcp', projectId: 'kumo-hr-prod', projectNumber: '123456789012', orgPublicAccessPrevention: false, domains: ['example.co.jp'], buckets };
  edit?.(s);
  return s;
}

function one(b: GcsBucketSnapshot): Resource {
  const [r] = normalizeGcp(single([b]));
  assert.ok(r);
  return r;
}

const full: GcsBucketSnapshot = {
  metadata: {
    name: 'hr-archive',
    projectNumber: '123456789012',
    location: 'ASIA1',
    locationType: 'dual-region',
    iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
    encryption: { defaultKmsKeyName: 'projects/p/locations/asia1/keyRings/r/cryptoKeys/k' },
    versioning: { enabled: true },
    softDeletePolicy: { retentionDurationSeconds: '2592000' },
    retentionPolicy: { retentionPeriod: '86400', isLocked: true },
    logging: { logBucket: 'logs' },
    website: { mainPageSuffix: 'index.html' },
    labels: { 'data-class': 'personal' },
    lifecycle: { rule: [{ action: { type: 'Delete' } }] },
  },
  iamPolicy: { bindings: [] },
};

describe('normalize: bucket settings', () => {
  test('a fully configured bucket', () => {
    const r = one(full);
    assert.equal(r.provider, 'gcp');
    assert.equal(r.account, 'kumo-hr-prod');
    assert.equal(r.id, 'gs://hr-archive');
    assert.equal(r.name, 'hr-archive');
    assert.equal(r.region, 'asia1');
    assert.equal(r.locationType, 'dual-region');
    assert.deepEqual(r.encryption, { atRest: 'customer-managed', key: 'projects/p/locations/asia1/keyRings/r/cryptoKeys/k' });
    assert.deepEqual(r.transport, { httpsOnly: false });
    assert.equal(r.versioning, true);
    assert.equal(r.logging, true);
    assert.equal(r.softDelete, true);
    assert.equal(r.softDeleteDays, 30);
    assert.equal(r.retentionLock, true);
    assert.equal(r.lifecycle, true);
    assert.equal(r.website, true);
    assert.deepEqual(r.tags, { 'data-class': 'personal' });
    assert.equal(r.mfaDelete, undefined);
    assert.deepEqual(r.guards, { publicAccessPrevention: true, bucketPublicAccessPrevention: 'enforced', orgPublicAccessPrevention: false, aclsEnabled: false });
    assert.deepEqual(r.errors, []);
  });

  test('a bare bucket: Google-managed keys, everything off, soft delete off', () => {
    const r = one({ metadata: { name: 'bare', location: 'US', iamConfiguration: {} }, iamPolicy: {} });
    assert.deepEqual(r.encryption, { atRest: 'provider-managed' });
    assert.deepEqual([r.versioning, r.logging, r.softDelete, r.softDeleteDays, r.retentionLock, r.lifecycle, r.website], [false, false, false, 0, false, false, false]);
    assert.equal(r.region, 'us');
    assert.equal(r.guards.aclsEnabled, true);
    assert.equal(r.guards.bucketPublicAccessPrevention, 'inherited');
  });

  test('soft delete: 7 days (the default), explicit 0, unlocked retention policy', () => {
    const r = one({ metadata: { name: 'b', iamConfiguration: {}, softDeletePolicy: { retentionDurationSeconds: 604800 }, retentionPolicy: { retentionPeriod: '10' } } });
    assert.equal(r.softDeleteDays, 7);
    assert.equal(r.softDelete, true);
    assert.equal(r.retentionLock, false);
    assert.equal(one({ metadata: { name: 'b', iamConfiguration: {}, softDeletePolicy: { retentionDurationSeconds: '0' } } }).softDelete, false);
  });

  test('configurable dual-region: dataLocations in lower case', () => {
    const r = one({ metadata: { name: 'b', location: 'ASIA', locationType: 'dual-region', customPlacementConfig: { dataLocations: ['ASIA-NORTHEAST1', 'ASIA-NORTHEAST2'] }, iamConfiguration: {} } });
    assert.deepEqual(r.dataLocations, ['asia-northeast1', 'asia-northeast2']);
  });

  test('the bucket resource could not be read: every setting null, the error kept', () => {
    const r = one({ metadata: { name: 'denied' }, errors: [{ call: 'buckets.get', code: 'PERMISSION_DENIED', message: 'no' }] });
    assert.deepEqual([r.versioning, r.logging, r.softDelete, r.softDeleteDays, r.retentionLock, r.website, r.encryption.atRest, r.region], [null, null, null, null, null, null, null, null]);
    assert.deepEqual(r.errors.map((e) => e.call), ['buckets.get']);
  });

  test('several projects: every bucket under its own project', () => {
    const multi: GcpMultiProjectSnapshot = {
      provider: 'gcp',
      projects: [
        { projectId: 'a-proj', orgPublicAccessPrevention: true, buckets: [{ metadata: { name: 'a1', iamConfiguration: {} }, iamPolicy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] } }] },
        { projectId: 'b-proj', orgPublicAccessPrevention: false, buckets: [{ metadata: { name: 'b1', iamConfiguration: {} }, iamPolicy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] } }] },
      ],
    };
    const rs = normalizeGcp(multi);
    assert.deepEqual(rs.map((r) => [r.account, r.name, r.exposure.read]), [['a-proj', 'a1', false], ['b-proj', 'b1', true]]);
  });
});

describe('snapshot validation (--input)', () => {
  const text = (doc: unknown): string => JSON.stringify(doc);

  test('the single-project shape of the issue is accepted', () => {
    const s = parseSnapshot(text(single([full])));
    assert.equal(s.provider, 'gcp');
    assert.equal(normalizeGcp(s as GcpSingleProjectSnapshot).length, 1);
  });

  test('the multi-project shape is accepted', () => {
    parseSnapshot(text({ provider: 'gcp', projects: [{ projectId: 'a', orgPublicAccessPrevention: null, buckets: [] }], errors: [{ call: 'projects.search', code: 'PERMISSION_DENIED', message: 'x' }] }));
  });

  test('wrong shapes name the path', () => {
    const bad: [unknown, RegExp][] = [
      [{ provider: 'gcp', orgPublicAccessPrevention: false, buckets: [] }, /projectId must be a non-empty string/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: 'yes', buckets: [] }, /orgPublicAccessPrevention must be true, false or null/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false }, /buckets must be an array/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false, buckets: [{}] }, /buckets\[0\]\.metadata must be the bucket resource/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false, buckets: [{ metadata: { name: '' } }] }, /buckets\[0\]\.metadata\.name must be a non-empty string/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false, buckets: [{ metadata: { name: 'b' }, bucketAcl: [{ entity: 'allUsers' }] }] }, /buckets\[0\]\.bucketAcl\[0\] must be an access control entry/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false, buckets: [{ metadata: { name: 'b' }, iamPolicy: { bindings: [{ members: [] }] } }] }, /iamPolicy\.bindings\[0\] must be a binding with a string role/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false, buckets: [{ metadata: { name: 'b' }, objectAcls: { 'a.txt': {} } }] }, /objectAcls\["a\.txt"\] must be an array/],
      [{ provider: 'gcp', projectId: 'p', orgPublicAccessPrevention: false, customRoles: { r: { includedPermissions: 'x' } }, buckets: [] }, /customRoles\["r"\]\.includedPermissions must be an array/],
      [{ provider: 'gcp', projectId: 'p', projects: [], buckets: [] }, /projects cannot be combined/],
      [{ provider: 'gcp', projects: [{ projectId: 'p', orgPublicAccessPrevention: false, buckets: [{ metadata: {} }] }] }, /projects\[0\]\.buckets\[0\]\.metadata\.name/],
    ];
    for (const [doc, msg] of bad) assert.throws(() => parseSnapshot(text(doc)), (e: unknown) => e instanceof UsageError && msg.test(e.message), JSON.stringify(doc));
  });
});

describe('the adapter', () => {
  test('scope: projects, with project- and scan-level errors scoped', () => {
    const s = single([full], (x) => (x.errors = [{ call: 'policies.getEffectivePolicy', code: 'PERMISSION_DENIED', message: 'm' }]));
    assert.deepEqual(gcpAdapter.scope(s), { accounts: ['kumo-hr-prod'], errors: [{ scope: 'gcp:kumo-hr-prod', call: 'policies.getEffectivePolicy', code: 'PERMISSION_DENIED', message: 'm' }] });
    const multi: GcpMultiProjectSnapshot = { provider: 'gcp', projects: [{ projectId: 'a', orgPublicAccessPrevention: false, buckets: [] }], errors: [{ call: 'projects.search', code: 'UNAVAILABLE', message: 'x' }] };
    assert.deepEqual(gcpAdapter.scope(multi).errors.map((e) => e.scope), ['gcp']);
  });

  test('filterSnapshot keeps the matching buckets in both shapes', () => {
    const b = (name: string): GcsBucketSnapshot => ({ metadata: { name } });
    const f = compileBucketFilter(['hr-*']);
    const s = gcpAdapter.filterSnapshot(single([b('hr-a'), b('web')]), f) as GcpSingleProjectSnapshot;
    assert.deepEqual(s.buckets.map((x) => x.metadata.name), ['hr-a']);
    const m = gcpAdapter.filterSnapshot({ provider: 'gcp', projects: [{ projectId: 'p', orgPublicAccessPrevention: false, buckets: [b('hr-b'), b('x')] }] }, f) as GcpMultiProjectSnapshot;
    assert.deepEqual(m.projects[0]?.buckets.map((x) => x.metadata.name), ['hr-b']);
  });

  test('probe targets: the public endpoint by default, --probe-endpoint, else --gcs-endpoint', () => {
    const r = one({ metadata: { name: 'hr-data', iamConfiguration: {} } });
    const t = gcpAdapter.probeTargets?.(r, {});
    assert.equal(t?.list, 'https://storage.googleapis.com/storage/v1/b/hr-data/o?maxResults=1');
    assert.equal(t?.object?.('exports/社員 一覧.csv'), 'https://storage.googleapis.com/hr-data/exports/%E7%A4%BE%E5%93%A1%20%E4%B8%80%E8%A6%A7.csv');
    assert.equal(gcpAdapter.probeTargets?.(r, { probeEndpoint: 'http://127.0.0.1:9/' })?.list, 'http://127.0.0.1:9/storage/v1/b/hr-data/o?maxResults=1');
    assert.equal(gcpAdapter.probeTargets?.(r, { gcsEndpoint: 'http://127.0.0.1:8' })?.list, 'http://127.0.0.1:8/storage/v1/b/hr-data/o?maxResults=1');
  });

  test('options: --project, --gcp-domain, --gcs-endpoint, --gcp-api-endpoint in the GCP group', () => {
    const opts = gcpAdapter.options();
    assert.deepEqual(opts.map((o) => o.long), ['--project', '--gcp-domain', '--gcs-endpoint', '--gcp-api-endpoint']);
    assert.ok(opts.every((o) => o.helpGroupHeading === 'GCP options:'));
  });
});

describe('errors and connection', () => {
  test('Google status names from SDK errors, REST bodies and network errors', () => {
    assert.equal(gcpErrorCode({ code: 403, message: 'x' }), 'PERMISSION_DENIED');
    assert.equal(gcpErrorCode({ code: 404, message: 'x' }), 'NOT_FOUND');
    assert.equal(gcpErrorCode({ status: 418 }), 'HTTP418');
    assert.equal(gcpErrorCode({ response: { status: 403, data: { error: { code: 403, status: 'PERMISSION_DENIED' } } } }), 'PERMISSION_DENIED');
    assert.equal(gcpErrorCode({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }), 'ECONNREFUSED');
    assert.equal(gcpErrorCode(new Error('Could not load the default credentials. Browse to …')), 'NoCredentials');
    assert.deepEqual(toGcpCollectError('roles.get', { code: 404, message: 'not found\nmore' }, 'projects/p/roles/r'), { call: 'roles.get', code: 'NOT_FOUND', message: 'projects/p/roles/r: not found' });
  });

  test('--gcs-endpoint wins over STORAGE_EMULATOR_HOST; a bare host:port gets http://; the token comes from GOOGLE_OAUTH_ACCESS_TOKEN', () => {
    assert.deepEqual(connectionFrom({ gcsEndpoint: 'http://a:1' }, { STORAGE_EMULATOR_HOST: 'b:2' }), { gcsEndpoint: 'http://a:1' });
    assert.deepEqual(connectionFrom({}, { STORAGE_EMULATOR_HOST: 'b:2', GOOGLE_OAUTH_ACCESS_TOKEN: 't' }), { gcsEndpoint: 'http://b:2', accessToken: 't' });
    assert.deepEqual(connectionFrom({ gcpApiEndpoint: 'http://c:3' }, {}), { apiEndpoint: 'http://c:3' });
  });
});
