// The GCP custom roles and Azure role definitions in docs/permissions/ kept in sync with what the real SDKs send.
// A live scan (no --probe, --sample all so the object reader runs too) against the local stand-ins records every
// request; each one is mapped to the permission Google / Azure checks for it (the tables below) and must be granted
// by the right document. A request no table row matches fails the test: update the table and the document. The
// collectors' call labels (attempt('…')) are checked against the same tables, so a new call is caught even when the
// stand-in does not answer it. Minimality: every permission a document grants is in a table row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { CALLS } from '../../providers/azure/normalize.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { AZURITE_ACCOUNT } from '../helpers/azurite.js';
import { type FakeArm } from '../helpers/fake-arm.js';
import { startFakeGcs, type FakeGcs, type SeenRequest } from '../helpers/gcs-server.js';
import { readAzureRole, readGcpRole } from '../helpers/permissions.js';
import { type RecordingProxy } from '../helpers/recording-proxy.js';
import { assertValidReport } from '../helpers/schema.js';
import { GCS_PROJECT, gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';
import { type TestCert } from '../helpers/tls.js';
import { startAzureHrStack, type AzureHrStack } from '../helpers/azure-hr-stack.js';
import { startLoggingServer } from '../helpers/logging-server.js';
import { ENTRIES_LIST } from '../../src/evidence/changes/gcp.js';
import { ACTIVITY_LOG_CALL } from '../../src/evidence/changes/azure.js';

const UPDATE = 'update the table in test/e2e/permissions-sync.test.ts and the document in docs/permissions/';

// ---------------------------------------------------------------------------------------------------------
// Google Cloud

type GcpDoc = 'gcp-custom-role.yaml' | 'gcp-custom-role-sampling.yaml' | 'gcp-custom-role-changes.yaml';
const GCP_SCAN: GcpDoc = 'gcp-custom-role.yaml';
const GCP_SAMPLING: GcpDoc = 'gcp-custom-role-sampling.yaml';
const GCP_CHANGES: GcpDoc = 'gcp-custom-role-changes.yaml';

/** Route (test/helpers/gcs-server.ts names, the API's method names) → permissions checked, and the document. */
const GCP_ROUTES: Record<string, { permissions: (q: Record<string, string>) => string[]; doc: GcpDoc }> = {
  'projects.search': { permissions: () => ['resourcemanager.projects.get'], doc: GCP_SCAN },
  'projects.get': { permissions: () => ['resourcemanager.projects.get'], doc: GCP_SCAN },
  'folders.get': { permissions: () => ['resourcemanager.folders.get'], doc: GCP_SCAN },
  'organizations.get': { permissions: () => ['resourcemanager.organizations.get'], doc: GCP_SCAN },
  'policies.getEffectivePolicy': { permissions: () => ['orgpolicy.policy.get'], doc: GCP_SCAN },
  'roles.get': { permissions: () => ['iam.roles.get'], doc: GCP_SCAN },
  // projection=full returns the ACLs too, which Cloud Storage authorizes with getIamPolicy.
  'buckets.list': { permissions: (q) => ['storage.buckets.list', ...(q.projection === 'full' ? ['storage.buckets.getIamPolicy'] : [])], doc: GCP_SCAN },
  'buckets.get': { permissions: (q) => ['storage.buckets.get', ...(q.projection === 'full' ? ['storage.buckets.getIamPolicy'] : [])], doc: GCP_SCAN },
  'buckets.getIamPolicy': { permissions: () => ['storage.buckets.getIamPolicy'], doc: GCP_SCAN },
  'bucketAccessControls.list': { permissions: () => ['storage.buckets.getIamPolicy'], doc: GCP_SCAN },
  'defaultObjectAccessControls.list': { permissions: () => ['storage.buckets.getIamPolicy'], doc: GCP_SCAN },
  // Listing objects serves both the object-ACL sample (scan) and personal-data sampling.
  'objects.list': { permissions: () => ['storage.objects.list'], doc: GCP_SCAN },
  'objectAccessControls.list': { permissions: () => ['storage.objects.getIamPolicy'], doc: GCP_SCAN },
  'objects.get': { permissions: () => ['storage.objects.get'], doc: GCP_SAMPLING },
  'objects.get(media)': { permissions: () => ['storage.objects.get'], doc: GCP_SAMPLING },
  // --evidence changes: Admin Activity audit log entries (src/evidence/changes/gcp.ts; Cloud Logging's own route).
  'entries.list': { permissions: () => ['logging.logEntries.list'], doc: GCP_CHANGES },
};

/** The collectors' call labels that are not route names of the stand-in. */
const GCP_LABEL_ALIASES: Record<string, string> = { [ENTRIES_LIST]: 'entries.list' };

function gcpProblems(seen: readonly SeenRequest[]): string[] {
  const problems: string[] = [];
  const granted = { [GCP_SCAN]: new Set(readGcpRole(GCP_SCAN).includedPermissions), [GCP_SAMPLING]: new Set(readGcpRole(GCP_SAMPLING).includedPermissions), [GCP_CHANGES]: new Set(readGcpRole(GCP_CHANGES).includedPermissions) };
  for (const s of seen) {
    const row = GCP_ROUTES[s.route];
    if (!row) {
      problems.push(`GCP request ${s.method} ${s.path} (route ${s.route}) has no permission mapping: ${UPDATE}`);
      continue;
    }
    for (const p of row.permissions(s.query)) if (!granted[row.doc].has(p)) problems.push(`GCP ${s.route} needs ${p}, not granted by docs/permissions/${row.doc}`);
  }
  return [...new Set(problems)];
}

// ---------------------------------------------------------------------------------------------------------
// Azure

type AzureDoc = 'azure-role.json' | 'azure-role-sampling.json' | 'azure-role-changes.json';
const AZ_SCAN: AzureDoc = 'azure-role.json';
const AZ_SAMPLING: AzureDoc = 'azure-role-sampling.json';
const AZ_CHANGES: AzureDoc = 'azure-role-changes.json';

interface AzureRow {
  /** A name for messages, and the collector's call label when there is one. */
  call: string;
  /** Method and path (account segment removed for the data plane) with the query. */
  match: RegExp;
  kind: 'action' | 'dataAction' | 'identity';
  permission: string | null;
  doc: AzureDoc | null;
}

/** ARM (the stand-in's paths are ARM's) → RBAC actions. */
const AZURE_ARM: AzureRow[] = [
  { call: 'managed identity token', match: /^GET \/msi\/token\?/, kind: 'identity', permission: null, doc: null },
  { call: 'Subscriptions.list', match: /^GET \/subscriptions\?/, kind: 'action', permission: 'Microsoft.Resources/subscriptions/read', doc: AZ_SCAN },
  { call: 'StorageAccounts.list', match: /^GET \/subscriptions\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\?/, kind: 'action', permission: 'Microsoft.Storage/storageAccounts/read', doc: AZ_SCAN },
  { call: CALLS.blobServiceArm, match: /^GET \/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+\/blobServices\/default\?/, kind: 'action', permission: 'Microsoft.Storage/storageAccounts/blobServices/read', doc: AZ_SCAN },
  { call: CALLS.containersArm, match: /^GET \/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+\/blobServices\/default\/containers\?/, kind: 'action', permission: 'Microsoft.Storage/storageAccounts/blobServices/containers/read', doc: AZ_SCAN },
  { call: CALLS.diagnosticSettings, match: /^GET \/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+\/blobServices\/default\/providers\/Microsoft\.Insights\/diagnosticSettings\?/, kind: 'action', permission: 'Microsoft.Insights/diagnosticSettings/read', doc: AZ_SCAN },
  // --evidence changes: the Activity Log (src/evidence/changes/azure.ts)
  { call: ACTIVITY_LOG_CALL, match: /^GET \/subscriptions\/[^/]+\/providers\/Microsoft\.Insights\/eventtypes\/management\/values\?/, kind: 'action', permission: 'Microsoft.Insights/eventtypes/values/read', doc: AZ_CHANGES },
];

/** Blob data plane, with the Microsoft Entra token of ARM mode → RBAC actions and data actions. */
const AZURE_DATA: AzureRow[] = [
  { call: CALLS.serviceProperties, match: /^GET \/\?(?=.*restype=service)(?=.*comp=properties)/, kind: 'action', permission: 'Microsoft.Storage/storageAccounts/blobServices/read', doc: AZ_SCAN },
  { call: 'List Blobs (sampling)', match: /^GET \/[^/?]+\?(?=.*restype=container)(?=.*comp=list)/, kind: 'dataAction', permission: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', doc: AZ_SAMPLING },
  { call: 'Get Blob (sampling)', match: /^GET \/[^/?]+\/[^?]+/, kind: 'dataAction', permission: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', doc: AZ_SAMPLING },
];

/**
 * Data-plane mode (--account-url / --connection-string) calls: authorized by the SAS or key given, or with Microsoft
 * Entra ID by a data role such as Storage Blob Data Reader (docs/permissions.md); not part of the ARM-mode role.
 */
const AZURE_DATA_PLANE_MODE = new Set<string>([CALLS.containersData, CALLS.accountInfo]);

function azureProblems(requests: readonly string[], rows: readonly AzureRow[]): string[] {
  const problems: string[] = [];
  const docs = { [AZ_SCAN]: readAzureRole(AZ_SCAN), [AZ_SAMPLING]: readAzureRole(AZ_SAMPLING), [AZ_CHANGES]: readAzureRole(AZ_CHANGES) };
  for (const r of requests) {
    const row = rows.find((x) => x.match.test(r));
    if (!row) {
      problems.push(`Azure request ${r} has no permission mapping: ${UPDATE}`);
      continue;
    }
    if (row.permission === null || row.doc === null) continue;
    const list = row.kind === 'action' ? docs[row.doc].Actions : docs[row.doc].DataActions;
    if (!list.includes(row.permission)) problems.push(`Azure ${row.call} needs ${row.kind} ${row.permission}, not granted by docs/permissions/${row.doc}`);
  }
  return [...new Set(problems)];
}

/** Labels passed to attempt('…') and CALLS values in a collector's source. */
function callLabels(file: string): string[] {
  const text = readFileSync(packagePath(file), 'utf8');
  return [...new Set([...text.matchAll(/attempt\(\s*[`'"]([A-Za-z.()]+)[`'"]/g)].map((m) => m[1] ?? ''))];
}

// ---------------------------------------------------------------------------------------------------------

describe('GCP custom roles match the requests of a scan', () => {
  let gcs: FakeGcs;
  before(async () => {
    gcs = await startFakeGcs(hrWorld());
  });
  after(async () => {
    await gcs?.close();
  });

  test('a scan over every project (projects.search) and one with --project (projects.get), sampling every bucket', async () => {
    for (const extra of [[], ['--project', GCS_PROJECT]]) {
      const res = await runCli(['scan', '--quiet', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--sample', 'all', '--format', 'json', ...extra], gcsEnv(gcs.token));
      assert.equal(res.stderr, '');
      const report = JSON.parse(res.stdout) as Report;
      assertValidReport(report);
      assert.ok(report.resources.some((r) => r.data !== undefined), 'sampling ran');
    }
    // --evidence changes: Cloud Logging's entries.list, answered by its stand-in in front of the Google one.
    const logging = await startLoggingServer(gcs.url);
    try {
      const res = await runCli(['scan', '--quiet', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', logging.url, '--sample', 'none', '--evidence', 'changes', '--format', 'json'], gcsEnv(gcs.token));
      assert.equal(res.stderr, '');
      assert.ok(logging.requests.length > 0, 'entries.list was not exercised');
    } finally {
      await logging.close();
    }
    const logged: SeenRequest[] = logging.requests.map(() => ({ method: 'POST', path: '/v2/entries:list', query: {}, route: 'entries.list', auth: 'token' }));
    const routes = new Set(gcs.seen.map((s) => s.route));
    for (const r of ['projects.search', 'projects.get', 'buckets.list', 'buckets.getIamPolicy', 'objects.list', 'objects.get(media)']) assert.ok(routes.has(r), `${r} was not exercised`);
    assert.ok(gcs.seen.every((s) => s.method === 'GET' && s.auth === 'token'));
    assert.deepEqual(gcpProblems([...gcs.seen, ...logged]), []);
  });

  test('every call label of the GCP collector has a row; an unknown request fails with a pointer to the table', () => {
    const labels = [...callLabels('providers/gcp/collect.ts'), ENTRIES_LIST];
    assert.ok(labels.length >= 10, labels.join(', '));
    for (const l of labels) assert.ok(GCP_ROUTES[GCP_LABEL_ALIASES[l] ?? l], `providers/gcp/collect.ts calls ${l}: ${UPDATE}`);
    assert.deepEqual(gcpProblems([{ method: 'GET', path: '/storage/v1/b/x/notificationConfigs', query: {}, route: 'notifications.list', auth: 'token' }]), [
      `GCP request GET /storage/v1/b/x/notificationConfigs (route notifications.list) has no permission mapping: ${UPDATE}`,
    ]);
  });

  test('minimal: every permission the roles grant is in a table row; object contents only in the sampling role', () => {
    const mapped = new Set(Object.values(GCP_ROUTES).flatMap((r) => r.permissions({ projection: 'full' }).map((p) => `${r.doc} ${p}`)));
    mapped.add(`${GCP_SAMPLING} storage.objects.list`); // sampling lists before it reads
    for (const doc of [GCP_SCAN, GCP_SAMPLING, GCP_CHANGES]) {
      const role = readGcpRole(doc);
      assert.equal(role.stage, 'GA');
      for (const p of role.includedPermissions) assert.ok(mapped.has(`${doc} ${p}`), `${doc} grants ${p}, which no mapped call needs`);
    }
    assert.equal(readGcpRole(GCP_SCAN).includedPermissions.includes('storage.objects.get'), false);
  });
});

describe('Azure role definitions match the requests of a scan', () => {
  let cert: TestCert;
  let dataProxy: RecordingProxy;
  let arm: FakeArm;

  let stack: AzureHrStack | undefined;

  before(async () => {
    stack = await startAzureHrStack();
    ({ cert, dataProxy } = stack);
    arm = stack.arm as FakeArm;
  });
  after(async () => {
    await stack?.close();
  });

  test('ARM mode with sampling of every container: each request is granted by azure-role.json or azure-role-sampling.json', async () => {
    arm.seen.length = 0;
    dataProxy.seen.length = 0;
    const res = await runCli(['scan', '--quiet', 'azure', '--arm-endpoint', arm.endpoint, '--sample', 'all', '--evidence', 'changes', '--format', 'json'], { NODE_EXTRA_CA_CERTS: cert.certPath, ...arm.identityEnv });
    assert.equal(res.stderr, '');
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.ok(report.resources.some((r) => r.data !== undefined), 'sampling ran');
    const armRequests = arm.seen.map((s) => `${s.method} ${s.url}`);
    // The data plane is path-style here (/<account>/…): drop the account segment, as on <account>.blob.core.windows.net.
    const dataRequests = dataProxy.seen.map((s) => `${s.method} ${s.url.replace(new RegExp(`^/${AZURITE_ACCOUNT}(?=/|\\?|$)`), '') || '/'}`);
    assert.ok(dataProxy.seen.every((s) => s.authorization === 'Bearer'), 'the data plane is read with the Entra token only');
    for (const call of ['Subscriptions.list', CALLS.containersArm, CALLS.diagnosticSettings, ACTIVITY_LOG_CALL]) assert.ok(armRequests.some((r) => AZURE_ARM.find((x) => x.call === call)?.match.test(r)), `${call} not exercised`);
    for (const call of [CALLS.serviceProperties, 'List Blobs (sampling)', 'Get Blob (sampling)']) assert.ok(dataRequests.some((r) => AZURE_DATA.find((x) => x.call === call)?.match.test(r)), `${call} not exercised: ${dataRequests.join(', ')}`);
    assert.deepEqual([...azureProblems(armRequests, AZURE_ARM), ...azureProblems(dataRequests, AZURE_DATA)], []);
  });

  test('every call label of the Azure collector has a row; an unknown request fails with a pointer to the table', () => {
    const labels = [...callLabels('providers/azure/collect.ts'), ...Object.values(CALLS), ACTIVITY_LOG_CALL];
    const known = new Set([...AZURE_ARM, ...AZURE_DATA].map((r) => r.call));
    for (const l of labels) assert.ok(known.has(l) || AZURE_DATA_PLANE_MODE.has(l), `providers/azure/collect.ts calls ${l}: ${UPDATE}`);
    assert.deepEqual(azureProblems(['GET /subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a/listKeys?api-version=1'], AZURE_ARM), [
      `Azure request GET /subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a/listKeys?api-version=1 has no permission mapping: ${UPDATE}`,
    ]);
  });

  test('minimal: every action and data action the definitions grant is in a table row; blob contents only in the sampling role', () => {
    const mapped = new Set([...AZURE_ARM, ...AZURE_DATA].filter((r) => r.permission !== null).map((r) => `${r.doc} ${r.kind} ${r.permission}`));
    for (const doc of [AZ_SCAN, AZ_SAMPLING, AZ_CHANGES]) {
      const role = readAzureRole(doc);
      assert.equal(role.IsCustom, true);
      assert.deepEqual([role.NotActions, role.NotDataActions], [[], []]);
      for (const a of role.Actions) assert.ok(mapped.has(`${doc} action ${a}`), `${doc} grants ${a}, which no mapped call needs`);
      for (const a of role.DataActions) assert.ok(mapped.has(`${doc} dataAction ${a}`), `${doc} grants data action ${a}, which no mapped call needs`);
      for (const a of [...role.Actions, ...role.DataActions]) assert.match(a, /\/read$/, `${doc}: ${a} is not a read`);
    }
    assert.deepEqual(readAzureRole(AZ_SCAN).DataActions, []);
  });
});
