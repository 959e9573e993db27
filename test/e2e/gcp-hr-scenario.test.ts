// End to end against a local stand-in for Google Cloud (test/helpers/gcs-server.ts) reached through the real
// @google-cloud/storage and the real CLI: the HR-system misconfiguration in GCS form (allUsers with
// roles/storage.objectViewer, Public Access Prevention "inherited"), its suppression by Public Access Prevention
// on the bucket and through the org policy, an unreadable org policy, --probe, the object reader, and a denied
// bucket listing. Exact verdicts, findings and exit codes; every request the scanner sends must be a GET.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { openGcsReader } from '../../providers/gcp/reader.js';
import { runCli } from '../helpers/cli.js';
import { startFakeGcs, type FakeGcs } from '../helpers/gcs-server.js';
import { assertValidReport } from '../helpers/schema.js';
import { CUSTOM_ROLE, GCS_EMPLOYEES, GCS_PROJECT, HR_LEGACY, HR_LOCKED, HR_PUBLIC, VENDOR_SA, gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-gcp-e2e-'));

function scanArgs(gcs: FakeGcs, ...extra: string[]): string[] {
  return ['scan', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--format', 'json', ...extra];
}

async function scan(gcs: FakeGcs, ...extra: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const res = await runCli([...scanArgs(gcs, ...extra), '--quiet'], gcsEnv(gcs.token));
  assert.equal(res.stderr, '', `no stderr expected, got: ${res.stderr}`);
  const report = JSON.parse(res.stdout) as Report;
  assertValidReport(report);
  return { code: res.code, report, stderr: res.stderr };
}

function findingsOf(report: Report, bucket: string): string[] {
  return report.findings.filter((f) => f.resourceId === `gs://${bucket}`).map((f) => `${f.checkId}:${f.severity}`).sort();
}

function resourceOf(report: Report, bucket: string): Report['resources'][number] {
  const r = report.resources.find((x) => x.name === bucket);
  assert.ok(r, `${bucket} not in the report`);
  return r;
}

function caps(r: Report['resources'][number]): [unknown, unknown, unknown, unknown] {
  return [r.exposure.read, r.exposure.list, r.exposure.write, r.exposure.aclWrite];
}

function assertOnlyAuthenticatedGets(gcs: FakeGcs): void {
  assert.ok(gcs.seen.length > 0);
  for (const s of gcs.seen) {
    assert.equal(s.method, 'GET', `${s.method} ${s.path}`);
    assert.equal(s.auth, 'token', `${s.route} ${s.path} sent without the credential`);
    assert.notEqual(s.route, 'unknown', `unexpected request ${s.path}`);
  }
}

const EMPLOYEES_SUPPRESSED = ['access-logging-off:medium', 'no-object-lock:info', 'provider-managed-encryption:info', 'versioning-off:medium'];

describe('kumoscan scan gcp: the HR-system incident in GCS form', () => {
  let gcs: FakeGcs;
  let report: Report;
  let exitCode: number | null;
  const snapshotFile = join(work, 'snapshot.json');

  before(async () => {
    gcs = await startFakeGcs(hrWorld());
    // No --project: the project comes from Resource Manager (projects.search).
    const res = await scan(gcs, '--save-snapshot', snapshotFile);
    report = res.report;
    exitCode = res.code;
  });
  after(async () => {
    await gcs?.close();
  });

  test('exit code 1 (critical findings at --fail-on high); scope and completeness', () => {
    assert.equal(exitCode, 1);
    assert.equal(report.scope.provider, 'gcp');
    assert.equal(report.scope.source, 'live');
    assert.deepEqual(report.scope.accounts, [GCS_PROJECT]);
    assert.deepEqual(report.scope.regions, ['asia-northeast1', 'asia1', 'us']);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.deepEqual(report.resources.map((r) => r.name).sort(), [HR_LOCKED, HR_PUBLIC, HR_LEGACY].sort());
  });

  test('the scanner only read: authenticated GETs, IAM policy version 3, full projection, ACLs only where uniform access is off', () => {
    const seen = gcs.seen.filter((s) => s.auth === 'token');
    assertOnlyAuthenticatedGets(gcs);
    assert.ok(seen.some((s) => s.route === 'projects.search'));
    assert.ok(seen.some((s) => s.route === 'organizations.get'));
    assert.ok(seen.some((s) => s.route === 'policies.getEffectivePolicy'));
    assert.ok(seen.some((s) => s.route === 'roles.get' && s.path === `/v1/${CUSTOM_ROLE}`));
    assert.deepEqual(seen.filter((s) => s.route === 'buckets.list').map((s) => s.query), [{ project: GCS_PROJECT, projection: 'full' }]);
    const iam = seen.filter((s) => s.route === 'buckets.getIamPolicy');
    assert.equal(iam.length, 3);
    assert.ok(iam.every((s) => s.query.optionsRequestedPolicyVersion === '3'));
    const aclPaths = seen.filter((s) => /AccessControls/.test(s.route)).map((s) => s.path);
    assert.ok(aclPaths.length > 0 && aclPaths.every((p) => p.startsWith(`/storage/v1/b/${HR_LEGACY}/`)), aclPaths.join(' '));
    assert.equal(seen.filter((s) => s.route === 'objectAccessControls.list').length, 2);
  });

  test('the employee CSV in the public bucket is classified (sampling): My Numbers, health data, no raw value', () => {
    const data = resourceOf(report, HR_PUBLIC).data;
    assert.ok(data, 'the public bucket was sampled');
    assert.equal(data.personalData, true);
    assert.equal(data.detections.find((d) => d.type === 'my_number' && d.confidence === 'high')?.count, GCS_EMPLOYEES.rows);
    assert.ok(data.detections.some((d) => d.type === 'sensitive_health' && d.confidence === 'high'));
    assert.equal(data.persons.sampled, GCS_EMPLOYEES.rows);
    const text = JSON.stringify(report);
    for (const raw of GCS_EMPLOYEES.rawValues) assert.equal(text.includes(raw), false, 'no raw value in the report');
  });

  test('the public bucket: read and list by anyone, with the binding as evidence', () => {
    const r = resourceOf(report, HR_PUBLIC);
    assert.deepEqual(caps(r), [true, true, false, false]);
    assert.equal(r.region, 'asia-northeast1');
    assert.deepEqual(r.guards, { publicAccessPrevention: false, bucketPublicAccessPrevention: 'inherited', orgPublicAccessPrevention: false, aclsEnabled: false });
    for (const cap of ['read', 'list'] as const) {
      assert.ok(r.exposure.evidence.some((e) => e.capability === cap && e.effect === 'grants' && e.source === 'iam-policy' && e.ref === 'binding roles/storage.objectViewer → allUsers'), cap);
    }
    assert.equal(r.encryption.atRest, 'provider-managed');
    assert.equal(r.softDeleteDays, 7);
    assert.deepEqual(r.tags, { system: 'hr' });
    assert.deepEqual(findingsOf(report, HR_PUBLIC), [
      'access-logging-off:medium',
      'gcs-public-access-prevention-off:medium',
      'no-object-lock:info',
      'provider-managed-encryption:info',
      'public-list:high',
      'public-read:critical',
      'versioning-off:medium',
    ]);
  });

  test('the locked bucket: PAP enforced neutralizes its stored allUsers binding', () => {
    const r = resourceOf(report, HR_LOCKED);
    assert.deepEqual(caps(r), [false, false, false, false]);
    assert.equal(r.guards.publicAccessPrevention, true);
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'read' && e.effect === 'neutralized' && e.ref === 'binding roles/storage.objectViewer → allUsers'));
    assert.equal(r.encryption.atRest, 'customer-managed');
    assert.deepEqual([r.versioning, r.logging, r.retentionLock, r.softDeleteDays, r.region, r.locationType], [true, true, true, 30, 'asia1', 'dual-region']);
    assert.deepEqual(findingsOf(report, HR_LOCKED), []);
  });

  test('the legacy bucket: ACLs on — a public object ACL, external principals, outside Japan', () => {
    const r = resourceOf(report, HR_LEGACY);
    assert.deepEqual(caps(r), [true, false, false, false]);
    assert.equal(r.guards.aclsEnabled, true);
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'read' && e.effect === 'grants' && e.source === 'object-acl' && e.ref === 'old/handbook.pdf: allUsers READER'));
    assert.deepEqual(
      r.externalPrincipals.map((p) => `${p.id}|${p.account ?? ''}|${p.capabilities.join('+')}`).sort(),
      [`${VENDOR_SA}|vendor-analytics|read+list`, 'user-auditor@partner.example|partner.example|list'],
    );
    assert.deepEqual(findingsOf(report, HR_LEGACY), [
      'access-logging-off:medium',
      'acls-enabled:low',
      'external-principal-read:high',
      'external-principal-read:high',
      'gcs-location-outside-japan:info',
      'gcs-public-access-prevention-off:medium',
      'gcs-soft-delete-off:medium',
      'no-object-lock:info',
      'provider-managed-encryption:info',
      'public-read:critical',
      'versioning-off:medium',
    ]);
  });

  test('the saved snapshot has the single-project shape and evaluates offline to the same report', async () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { provider: string; projectId: string; orgPublicAccessPrevention: unknown; domains?: string[]; buckets: { metadata: { name: string }; iamPolicy?: unknown; objectAcls?: Record<string, unknown> }[] };
    assert.equal(snap.provider, 'gcp');
    assert.equal(snap.projectId, GCS_PROJECT);
    assert.equal(snap.orgPublicAccessPrevention, false);
    assert.deepEqual(snap.domains, ['example.co.jp']);
    assert.deepEqual(Object.keys(snap.buckets.find((b) => b.metadata.name === HR_LEGACY)?.objectAcls ?? {}).sort(), ['old/handbook.pdf', 'old/private.txt']);
    const res = await runCli(['scan', '--input', snapshotFile, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const offline = JSON.parse(res.stdout) as Report;
    assertValidReport(offline);
    assert.equal(offline.scope.source, 'snapshot');
    assert.deepEqual(offline.resources, report.resources);
    assert.deepEqual(offline.findings, report.findings);
  });
});

describe('kumoscan scan gcp: Public Access Prevention suppresses the HR-system exposure', () => {
  test('through the org policy (inherited + storage.publicAccessPrevention enforced): not public, exit 0', async () => {
    const world = hrWorld();
    world.orgPublicAccessPrevention = true;
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--buckets', HR_PUBLIC);
      assert.equal(code, 0);
      const r = resourceOf(report, HR_PUBLIC);
      assert.deepEqual(caps(r), [false, false, false, false]);
      assert.deepEqual(r.guards, { publicAccessPrevention: true, bucketPublicAccessPrevention: 'inherited', orgPublicAccessPrevention: true, aclsEnabled: false });
      assert.ok(r.exposure.evidence.some((e) => e.capability === 'read' && e.effect === 'neutralized' && /the org policy enforces Public Access Prevention/.test(e.message)));
      assert.deepEqual(findingsOf(report, HR_PUBLIC), EMPLOYEES_SUPPRESSED);
      assertOnlyAuthenticatedGets(gcs);
      assert.equal(gcs.seen.some((s) => s.route === 'projects.search'), false, '--project given: no listing of projects');
    } finally {
      await gcs.close();
    }
  });

  test('on the bucket (publicAccessPrevention "enforced"): not public, exit 0', async () => {
    const world = hrWorld();
    world.buckets[HR_PUBLIC]!.resource.iamConfiguration!.publicAccessPrevention = 'enforced';
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--buckets', HR_PUBLIC);
      assert.equal(code, 0);
      const r = resourceOf(report, HR_PUBLIC);
      assert.deepEqual(caps(r), [false, false, false, false]);
      assert.equal(r.guards.bucketPublicAccessPrevention, 'enforced');
      assert.ok(r.exposure.evidence.some((e) => e.effect === 'neutralized' && /enforced on the bucket/.test(e.message)));
      assert.deepEqual(findingsOf(report, HR_PUBLIC), EMPLOYEES_SUPPRESSED);
    } finally {
      await gcs.close();
    }
  });

  test('the org policy cannot be read: the verdict is unknown (not-verified, high), never "safe"; exit 1, or 3 with --fail-on none', async () => {
    const world = hrWorld();
    world.orgPublicAccessPrevention = 'denied';
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--buckets', HR_PUBLIC);
      assert.equal(code, 1);
      const r = resourceOf(report, HR_PUBLIC);
      assert.deepEqual(caps(r), [null, null, false, false]);
      assert.equal(r.guards.publicAccessPrevention, null);
      assert.equal(r.guards.orgPublicAccessPrevention, null);
      assert.equal(report.summary.complete, false);
      assert.deepEqual(report.errors.map((e) => `${e.scope}|${e.call}|${e.code}`), [`gcp:${GCS_PROJECT}|policies.getEffectivePolicy|PERMISSION_DENIED`]);
      assert.deepEqual(findingsOf(report, HR_PUBLIC), ['access-logging-off:medium', 'no-object-lock:info', 'not-verified:high', 'provider-managed-encryption:info', 'versioning-off:medium']);
      const nv = report.findings.find((f) => f.checkId === 'not-verified');
      assert.ok(nv?.evidence.some((e) => /policies\.getEffectivePolicy failed \(PERMISSION_DENIED\)/.test(e.message)));
      const none = await scan(gcs, '--project', GCS_PROJECT, '--buckets', HR_PUBLIC, '--fail-on', 'none');
      assert.equal(none.code, 3);
    } finally {
      await gcs.close();
    }
  });
});

describe('kumoscan scan gcp --probe: anonymous GETs against the same server', () => {
  test('the HR bucket is confirmed public (read and list); the locked bucket is not probed', async () => {
    const gcs = await startFakeGcs(hrWorld());
    try {
      const snapshotFile = join(work, 'probed.json');
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--probe', '--probe-endpoint', gcs.url, '--save-snapshot', snapshotFile);
      assert.equal(code, 1);
      const pub = resourceOf(report, HR_PUBLIC);
      assert.deepEqual(pub.probe?.observed, { read: true, list: true });
      assert.equal(pub.probe?.object?.key, 'exports/employees.csv');
      assert.equal(pub.probe?.list?.url, `${gcs.url}/storage/v1/b/${HR_PUBLIC}/o?maxResults=1`);
      assert.equal(pub.probe?.object?.url, `${gcs.url}/${HR_PUBLIC}/exports/employees.csv`);
      assert.ok(pub.exposure.evidence.some((e) => e.source === 'probe' && e.capability === 'read' && e.message.startsWith('confirmed public')));
      assert.ok(pub.exposure.evidence.some((e) => e.source === 'probe' && e.capability === 'list' && e.message.startsWith('confirmed public')));
      // Public only through one object's ACL: the object answers, the listing does not (as configured).
      const legacy = resourceOf(report, HR_LEGACY);
      assert.deepEqual(legacy.probe?.observed, { read: true, list: false });
      assert.equal(resourceOf(report, HR_LOCKED).probe, undefined);
      assert.equal(report.findings.some((f) => f.checkId === 'probe-disagreement'), false);
      const anonymous = gcs.seen.filter((s) => s.auth === 'none');
      assert.deepEqual(anonymous.map((s) => s.route).sort(), ['objects.list', 'objects.list', 'xml.object.get', 'xml.object.get']);
      assert.ok(anonymous.every((s) => s.method === 'GET'));
      assert.ok(anonymous.filter((s) => s.route === 'xml.object.get').every((s) => s.range === 'bytes=0-0'));
      assert.ok(gcs.seen.every((s) => s.method === 'GET' && s.auth !== 'other'));
      const offline = JSON.parse((await runCli(['scan', '--input', snapshotFile, '--format', 'json'])).stdout) as Report;
      assert.deepEqual(offline.resources, report.resources);
    } finally {
      await gcs.close();
    }
  });

  test('after PAP is enforced the anonymous GETs are refused: a configured-private bucket is not probed, and nothing is confirmed', async () => {
    const world = hrWorld();
    world.orgPublicAccessPrevention = true;
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--buckets', HR_PUBLIC, '--probe', '--probe-endpoint', gcs.url);
      assert.equal(code, 0);
      assert.equal(resourceOf(report, HR_PUBLIC).probe, undefined);
      assert.equal(gcs.seen.filter((s) => s.auth === 'none').length, 0);
    } finally {
      await gcs.close();
    }
  });
});

describe('the GCS object reader through the SDK', () => {
  test('lists with prefix and delimiter, pages, and reads a bounded range (alt=media with Range)', async () => {
    const gcs = await startFakeGcs(hrWorld());
    try {
      const reader = openGcsReader({ gcsEndpoint: gcs.url, accessToken: gcs.token }, GCS_PROJECT, HR_PUBLIC);
      assert.deepEqual(await reader.list({ max: 10, delimiter: '/' }), { objects: [], prefixes: ['exports/'] });
      const first = await reader.list({ max: 1, prefix: 'exports/' });
      assert.deepEqual(first.objects.map((o) => [o.key, o.lastModified, o.storageClass]), [['exports/employees.csv', '2024-12-01T00:00:00.000Z', 'STANDARD']]);
      assert.ok(first.next);
      const second = await reader.list({ max: 1, prefix: 'exports/', next: first.next });
      assert.deepEqual(second.objects.map((o) => o.key), ['exports/readme.txt']);
      assert.equal(second.next, undefined);
      // Shift_JIS: 2 bytes a character, so the first 8 bytes are 社員番号 and nothing more is read
      const bytes = await reader.read('exports/employees.csv', { maxBytes: 8 });
      assert.equal(new TextDecoder('shift_jis').decode(bytes), '社員番号');
      reader.close();
      const media = gcs.seen.filter((s) => s.route === 'objects.get(media)');
      assert.deepEqual(media.map((s) => [s.range, s.auth]), [['bytes=0-7', 'token']]);
      assertOnlyAuthenticatedGets(gcs);
    } finally {
      await gcs.close();
    }
  });
});

describe('kumoscan scan gcp: failures', () => {
  test('bucket listing denied: buckets named on the command line are read with buckets.get; exit 1 (findings), errors recorded', async () => {
    const world = hrWorld();
    world.deny = (route) => (route === 'buckets.list' ? 403 : undefined);
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--buckets', HR_PUBLIC);
      assert.equal(code, 1);
      assert.deepEqual(report.errors.map((e) => `${e.call}|${e.code}`), ['buckets.list|PERMISSION_DENIED']);
      assert.ok(gcs.seen.some((s) => s.route === 'buckets.get' && s.query.projection === 'full'));
      assert.deepEqual(caps(resourceOf(report, HR_PUBLIC)), [true, true, false, false]);
    } finally {
      await gcs.close();
    }
  });

  test('IAM policy denied on one bucket: that bucket is unverified (high), exit 3 with --fail-on none', async () => {
    const world = hrWorld();
    world.deny = (route, bucket) => (route === 'buckets.getIamPolicy' && bucket === HR_PUBLIC ? 403 : undefined);
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--project', GCS_PROJECT, '--buckets', 'hr-system-*', '--fail-on', 'none');
      assert.equal(code, 3);
      const r = resourceOf(report, HR_PUBLIC);
      assert.deepEqual(caps(r), [null, null, null, null]);
      assert.deepEqual(r.errors.map((e) => `${e.call}|${e.code}`), ['buckets.getIamPolicy|PERMISSION_DENIED']);
      assert.ok(findingsOf(report, HR_PUBLIC).includes('not-verified:high'));
      assert.deepEqual(caps(resourceOf(report, HR_LOCKED)), [false, false, false, false]);
    } finally {
      await gcs.close();
    }
  });

  test('no credentials at all: a usage error (exit 2), no request sent', async () => {
    const gcs = await startFakeGcs(hrWorld());
    try {
      const res = await runCli(scanArgs(gcs, '--project', GCS_PROJECT), { METADATA_SERVER_DETECTION: 'none' });
      assert.equal(res.code, 2);
      assert.match(res.stderr, /no Google Cloud credentials found/);
      assert.equal(gcs.seen.length, 0);
    } finally {
      await gcs.close();
    }
  });
});
