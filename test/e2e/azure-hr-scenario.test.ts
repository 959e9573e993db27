// End to end against Azurite (started here: in memory, HTTPS, port picked by the OS) and a local stand-in for Azure
// Resource Manager reached through the real @azure/arm-storage and subscriptions clients. The real CLI scans the
// HR-system incident — a container at public access level "container" holding an employee CSV, beside a "blob"-level
// and a private container — with DefaultAzureCredential getting its tokens from the stand-in's managed identity
// endpoint. Asserts exact verdicts, findings, exit codes, the probe's answers, and that only reads are sent.
// Nothing here reaches a real cloud endpoint: every server binds 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { parseReport } from '../../reports/render/load.js';
import { azureAdapter } from '../../providers/azure/index.js';
import { normalizeAzure } from '../../providers/azure/normalize.js';
import type { AzureSnapshot } from '../../providers/azure/snapshot-types.js';
import { probeResource } from '../../src/probe.js';
import type { BaseSnapshot, ProviderAdapter } from '../../src/provider.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { assertScopeFoundFirst } from '../helpers/log-lines.js';
import { AZURITE_ACCOUNT, AZURITE_KEY } from '../helpers/azurite.js';
import { type FakeArm } from '../helpers/fake-arm.js';
import { type RecordingProxy } from '../helpers/recording-proxy.js';
import { assertValidReport } from '../helpers/schema.js';
import { type TestCert } from '../helpers/tls.js';
import {
  AZ_ACCOUNT,
  AZ_ACCOUNT_ID,
  AZ_SUBSCRIPTION,
  EMPLOYEES_CSV,
  HR_BLOB,
  AZ_EMPLOYEES,
  HR_PRIVATE,
  HR_SYSTEM,
  containerId,
  
  hrStorageAccount,
  
} from '../helpers/seed-azure-hr.js';
import { startAzureHrStack, type AzureHrStack } from '../helpers/azure-hr-stack.js';

let cert: TestCert;
/** What the scanner talks to for the data plane and the probe (HTTPS, recorded). */
let dataProxy: RecordingProxy;
/** Plain HTTP in front of Azurite for the in-process test set-up and in-process probes. */
let setupProxy: RecordingProxy;
let arm: FakeArm;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-azure-e2e-'));

let stack: AzureHrStack | undefined;

before(async () => {
  stack = await startAzureHrStack();
  ({ cert, dataProxy, setupProxy } = stack);
  arm = stack.arm as FakeArm;
});

after(async () => {
  await stack?.close();
});

/** The environment of the CLI: trust the test certificate, get tokens from the stand-in's managed identity endpoint. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_EXTRA_CA_CERTS: cert.certPath, ...arm.identityEnv, ...extra };
}

async function scanArm(...extra: string[]): Promise<{ res: CliResult; report: Report }> {
  const res = await runCli(['scan', 'azure', '--arm-endpoint', arm.endpoint, '--format', 'json', '--quiet', ...extra], env());
  assert.equal(res.stderr, '', `no stderr expected, got: ${res.stderr}`);
  assertValidReport(JSON.parse(res.stdout));
  // Read as kumoscan reads it: the findings' check texts and duties restored from `checks` (schema 1.4.0).
  const report = parseReport(res.stdout, 'report');
  return { res, report };
}

function resourceOf(report: Report, container: string): Report['resources'][number] {
  const r = report.resources.find((x) => x.name === `${AZ_ACCOUNT}/${container}`);
  assert.ok(r, `no resource for ${container}`);
  return r;
}

function verdicts(report: Report, container: string): (boolean | null)[] {
  const e = resourceOf(report, container).exposure;
  return [e.read, e.list, e.write, e.aclWrite];
}

function findingsOf(report: Report, container: string): string[] {
  const id = resourceOf(report, container).id;
  return report.findings.filter((f) => f.resourceId === id).map((f) => `${f.checkId}:${f.severity}`).sort();
}

/** The account-level findings of the HR account, raised once, on its first container (hr-blob). */
const ACCOUNT_FINDINGS = [
  'access-logging-off:medium',
  'azure-blob-soft-delete-off:medium',
  'azure-infrastructure-encryption-off:info',
  'azure-min-tls-below-1-2:medium',
  'azure-network-open-to-all:medium',
  'azure-shared-key-access-allowed:medium',
  'provider-managed-encryption:low',
  'versioning-off:medium',
];

describe('kumoscan scan azure (ARM + Azurite): the HR-system incident', () => {
  let report: Report;
  let exitCode: number | null;
  const snapshotFile = join(work, 'azure-snapshot.json');

  before(async () => {
    arm.seen.length = 0;
    dataProxy.seen.length = 0;
    const out = await scanArm('--save-snapshot', snapshotFile);
    report = out.report;
    exitCode = out.res.code;
  });

  test('the employee CSV in the public container is classified (sampling): My Numbers, health data, 40 persons, no raw value', () => {
    const data = report.resources.find((r) => r.name.endsWith(`/${HR_SYSTEM}`))?.data;
    assert.ok(data, 'the public container was sampled');
    assert.equal(data.personalData, true);
    assert.equal(data.detections.find((d) => d.type === 'my_number' && d.confidence === 'high')?.count, AZ_EMPLOYEES.rows);
    assert.ok(data.detections.some((d) => d.type === 'sensitive_health' && d.confidence === 'high'));
    assert.equal(data.persons.sampled, AZ_EMPLOYEES.rows);
    assert.equal(report.resources.find((r) => r.name.endsWith(`/${HR_PRIVATE}`))?.data, undefined, 'the private container is not sampled');
    const text = JSON.stringify(report);
    for (const raw of AZ_EMPLOYEES.rawValues) assert.equal(text.includes(raw), false, 'no raw value in the report');
  });

  test('exit code 1 (critical findings), scope is the subscription, scan complete', () => {
    assert.equal(exitCode, 1);
    assert.equal(report.scope.provider, 'azure');
    assert.deepEqual(report.scope.accounts, [AZ_SUBSCRIPTION]);
    assert.deepEqual(report.scope.regions, ['japaneast']);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.deepEqual(report.resources.map((r) => r.name), [HR_BLOB, HR_PRIVATE, HR_SYSTEM].map((c) => `${AZ_ACCOUNT}/${c}`));
  });

  test('one resource per container, with the ARM id, linked to its storage account', () => {
    for (const c of [HR_BLOB, HR_PRIVATE, HR_SYSTEM]) {
      const r = resourceOf(report, c);
      assert.equal(r.id, containerId(c));
      assert.equal(r.account, AZ_ACCOUNT_ID);
      assert.equal(r.region, 'japaneast');
      assert.equal(r.accountScope?.name, AZ_ACCOUNT);
      assert.equal(r.accountScope?.primary, c === HR_BLOB);
    }
  });

  test('exact verdicts: container level = read + list, blob level = read, private = nothing; never write', () => {
    assert.deepEqual(verdicts(report, HR_SYSTEM), [true, true, false, false]);
    assert.deepEqual(verdicts(report, HR_BLOB), [true, false, false, false]);
    assert.deepEqual(verdicts(report, HR_PRIVATE), [false, false, false, false]);
    const sys = resourceOf(report, HR_SYSTEM);
    assert.ok(sys.exposure.evidence.some((e) => e.capability === 'list' && e.effect === 'grants' && e.ref === 'publicAccess=container'));
    assert.equal(sys.guards.allowBlobPublicAccess, true);
  });

  test('the account settings, from ARM and the data plane', () => {
    const r = resourceOf(report, HR_SYSTEM);
    assert.equal(r.transport.httpsOnly, true);
    assert.equal(r.transport.minTls, 'TLS1_0');
    assert.equal(r.encryption.atRest, 'provider-managed');
    assert.equal(r.versioning, false);
    assert.equal(r.softDelete, false);
    assert.equal(r.logging, false);
    assert.equal(r.website, false);
    assert.deepEqual(r.tags, { system: 'hr' });
    assert.deepEqual(
      { ...r.azure },
      {
        source: 'arm',
        storageAccount: AZ_ACCOUNT,
        storageAccountId: AZ_ACCOUNT_ID,
        subscriptionId: AZ_SUBSCRIPTION,
        resourceGroup: 'rg-hr',
        kind: 'StorageV2',
        sku: 'Standard_LRS',
        blobEndpoint: `${dataProxy.origin}/${AZURITE_ACCOUNT}`,
        webEndpoint: 'https://127.0.0.1:1/devstoreaccount1-web',
        allowSharedKeyAccess: true,
        publicNetworkAccess: 'Enabled',
        networkDefaultAction: 'Allow',
        openToAllNetworks: true,
        allowCrossTenantReplication: false,
        infrastructureEncryption: false,
        blobSoftDeleteDays: null,
        containerSoftDelete: true,
        containerSoftDeleteDays: 7,
        staticWebsite: false,
        classicLogging: false,
        diagnosticLogging: false,
      },
    );
  });

  test('exact findings: public containers on their own, account settings once on the first container', () => {
    assert.deepEqual(findingsOf(report, HR_SYSTEM), ['no-object-lock:info', 'public-list:high', 'public-read:critical']);
    assert.deepEqual(findingsOf(report, HR_BLOB), [...ACCOUNT_FINDINGS, 'azure-blob-public-access-allowed:medium', 'no-object-lock:info', 'public-read:critical'].sort());
    assert.deepEqual(findingsOf(report, HR_PRIVATE), ['no-object-lock:info']);
    const tls = report.findings.find((f) => f.checkId === 'azure-min-tls-below-1-2');
    assert.ok(tls?.detail.en.includes(`applies to all its 3 resources: ${AZ_ACCOUNT}/${HR_BLOB}, ${AZ_ACCOUNT}/${HR_PRIVATE}, ${AZ_ACCOUNT}/${HR_SYSTEM}`), tls?.detail.en);
    for (const f of report.findings) assert.ok(f.duties.some((d) => d.id === 'APPI-23'), f.id);
  });

  test('ARM saw only GETs, with a bearer token; the data plane only reads', () => {
    assert.ok(arm.seen.length > 0);
    assert.deepEqual([...new Set(arm.seen.map((s) => s.method))], ['GET']);
    const armPaths = arm.seen.filter((s) => !s.url.startsWith('/msi/')).map((s) => s.url.split('?')[0]);
    assert.deepEqual([...new Set(armPaths)].sort(), [
      '/subscriptions',
      `/subscriptions/${AZ_SUBSCRIPTION}/providers/Microsoft.Storage/storageAccounts`,
      `${AZ_ACCOUNT_ID}/blobServices/default`,
      `${AZ_ACCOUNT_ID}/blobServices/default/containers`,
      `${AZ_ACCOUNT_ID}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings`,
    ].sort());
    assert.ok(arm.seen.filter((s) => !s.url.startsWith('/msi/')).every((s) => s.authorization));
    assert.ok(!arm.seen.some((s) => /listKeys|listAccountSas|listServiceSas/i.test(s.url)), 'never asks for keys');
    assert.ok(dataProxy.seen.length > 0);
    assert.ok(dataProxy.seen.every((s) => s.method === 'GET' || s.method === 'HEAD'), JSON.stringify(dataProxy.seen));
    assert.ok(dataProxy.seen.every((s) => s.authorization === 'Bearer'), 'the data plane is read with the Entra token, never a key');
  });

  test('the saved snapshot has the documented shape and evaluates offline to the same report', async () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as AzureSnapshot;
    assert.equal(snap.provider, 'azure');
    assert.equal(snap.mode, 'arm');
    assert.equal(snap.subscriptionId, AZ_SUBSCRIPTION);
    const account = snap.accounts[0];
    assert.ok(account);
    assert.equal(account.properties.allowBlobPublicAccess, true);
    assert.equal(account.properties.minimumTlsVersion, 'TLS1_0');
    assert.equal(account.blobService?.isVersioningEnabled, false);
    assert.deepEqual(account.blobService?.staticWebsite, { enabled: false });
    assert.deepEqual(account.containers.map((c) => [c.name, c.publicAccess]).sort(), [[HR_BLOB, 'blob'], [HR_PRIVATE, null], [HR_SYSTEM, 'container']]);
    const res = await runCli(['scan', '--input', snapshotFile, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const offline = parseReport(res.stdout, 'offline');
    assertValidReport(offline);
    assert.equal(offline.scope.source, 'snapshot');
    assert.deepEqual(offline.resources, report.resources);
    assert.deepEqual(offline.findings, report.findings);
  });

  test('--buckets selects containers by name or account/name', async () => {
    const { res, report: only } = await scanArm('--buckets', `${AZ_ACCOUNT}/hr-s*`);
    assert.equal(res.code, 1);
    assert.deepEqual(only.resources.map((r) => r.name), [`${AZ_ACCOUNT}/${HR_SYSTEM}`]);
    // The only container is now the first: the account findings move to it.
    assert.deepEqual(findingsOf(only, HR_SYSTEM), [...ACCOUNT_FINDINGS, 'azure-blob-public-access-allowed:medium', 'no-object-lock:info', 'public-list:high', 'public-read:critical'].sort());
  });
});

describe('kumoscan scan azure --probe: what an outsider sees on Azurite', () => {
  test('configured public is confirmed: hr-system answers 200 to the listing and 206 to a ranged GET, hr-blob 403 and 206', async () => {
    dataProxy.seen.length = 0;
    const { res, report } = await scanArm('--probe');
    assert.equal(res.code, 1);
    const sys = resourceOf(report, HR_SYSTEM).probe;
    assert.equal(sys?.list?.status, 200);
    assert.equal(sys?.object?.status, 206);
    assert.equal(sys?.object?.key, EMPLOYEES_CSV);
    assert.deepEqual(sys?.observed, { read: true, list: true });
    assert.deepEqual(sys?.configured, { read: true, list: true });
    const blob = resourceOf(report, HR_BLOB).probe;
    assert.equal(blob?.list?.status, 403);
    assert.equal(blob?.object?.status, 206);
    assert.deepEqual(blob?.observed, { read: true, list: false });
    // Judged private: not probed at all.
    assert.equal(resourceOf(report, HR_PRIVATE).probe, undefined);
    assert.ok(resourceOf(report, HR_SYSTEM).exposure.evidence.some((e) => e.source === 'probe' && e.capability === 'read' && e.message.startsWith('confirmed public')));
    assert.equal(report.findings.some((f) => f.checkId === 'probe-disagreement'), false);
    const anonymous = dataProxy.seen.filter((s) => s.authorization === null);
    assert.equal(anonymous.length, 4);
    assert.ok(anonymous.every((s) => s.method === 'GET'));
    assert.ok(anonymous.some((s) => s.url === `/${AZURITE_ACCOUNT}/${HR_SYSTEM}?restype=container&comp=list&maxresults=1`));
    assert.ok(anonymous.some((s) => s.url === `/${AZURITE_ACCOUNT}/${HR_SYSTEM}/exports/employees.csv`));
  });

  test('the anonymous answers of all three containers (in-process probe through the shared machinery)', async () => {
    const snapshot: AzureSnapshot = {
      provider: 'azure',
      mode: 'data-plane',
      accountUrl: `${setupProxy.origin}/${AZURITE_ACCOUNT}`,
      dataPlaneAuth: 'shared-key',
      accounts: [{ properties: { name: AZ_ACCOUNT }, containers: [{ name: HR_PRIVATE, publicAccess: null }, { name: HR_BLOB, publicAccess: 'blob' }, { name: HR_SYSTEM, publicAccess: 'container' }] }],
    };
    const flags = { connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${setupProxy.origin}/${AZURITE_ACCOUNT};` };
    const answers: Record<string, [number | null | undefined, number | null | undefined]> = {};
    for (const r of normalizeAzure(snapshot)) {
      const p = await probeResource(azureAdapter as unknown as ProviderAdapter<BaseSnapshot>, flags, r, new Date());
      answers[r.name.split('/')[1] ?? ''] = [p?.list?.status, p?.object?.status];
    }
    assert.deepEqual(answers, { [HR_PRIVATE]: [403, 403], [HR_BLOB]: [403, 206], [HR_SYSTEM]: [200, 206] });
  });
});

describe('kumoscan scan azure: allowBlobPublicAccess false from ARM suppresses the public verdicts', () => {
  test('no public verdict, no public finding, exit 0 at --fail-on high', async () => {
    const account = hrStorageAccount({ blobEndpoint: `${dataProxy.origin}/${AZURITE_ACCOUNT}`, allowBlobPublicAccess: false });
    const saved = arm.state.accounts[AZ_SUBSCRIPTION];
    arm.state.accounts[AZ_SUBSCRIPTION] = [account];
    try {
      const { res, report } = await scanArm('--probe');
      assert.equal(res.code, 0, JSON.stringify(report.findings.map((f) => f.id)));
      for (const c of [HR_BLOB, HR_PRIVATE, HR_SYSTEM]) assert.deepEqual(verdicts(report, c), [false, false, false, false], c);
      const sys = resourceOf(report, HR_SYSTEM);
      assert.equal(sys.guards.allowBlobPublicAccess, false);
      assert.ok(sys.exposure.evidence.some((e) => e.capability === 'list' && e.effect === 'neutralized' && e.message.includes('allowBlobPublicAccess=false')));
      assert.deepEqual(findingsOf(report, HR_SYSTEM), ['no-object-lock:info']);
      assert.deepEqual(findingsOf(report, HR_BLOB), [...ACCOUNT_FINDINGS, 'no-object-lock:info'].sort());
      // Judged private, so not probed (Azurite itself does not enforce the ARM flag).
      assert.ok(report.resources.every((r) => r.probe === undefined));
    } finally {
      arm.state.accounts[AZ_SUBSCRIPTION] = saved ?? [];
    }
  });

  test('allowBlobPublicAccess absent: public levels are unknown, never safe — not-verified high', async () => {
    const saved = arm.state.accounts[AZ_SUBSCRIPTION];
    arm.state.accounts[AZ_SUBSCRIPTION] = [hrStorageAccount({ blobEndpoint: `${dataProxy.origin}/${AZURITE_ACCOUNT}`, allowBlobPublicAccess: undefined })];
    try {
      const { res, report } = await scanArm();
      assert.equal(res.code, 1);
      assert.deepEqual(verdicts(report, HR_SYSTEM), [null, null, false, false]);
      assert.deepEqual(verdicts(report, HR_BLOB), [null, false, false, false]);
      assert.deepEqual(verdicts(report, HR_PRIVATE), [false, false, false, false]);
      assert.deepEqual(findingsOf(report, HR_SYSTEM), ['no-object-lock:info', 'not-verified:high']);
      const nv = report.findings.find((f) => f.id === `not-verified:${containerId(HR_SYSTEM)}`);
      assert.ok(nv?.evidence.some((e) => e.effect === 'unknown' && e.message.includes('sources disagree')), JSON.stringify(nv?.evidence));
    } finally {
      arm.state.accounts[AZ_SUBSCRIPTION] = saved ?? [];
    }
  });
});

describe('kumoscan scan azure in data-plane mode (connection string, no ARM)', () => {
  const connectionString = (): string => `DefaultEndpointsProtocol=https;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${dataProxy.origin}/${AZURITE_ACCOUNT};`;

  test('ARM-only settings are unknown with the reason; public levels unknown without ARM; --probe confirms them', async () => {
    arm.seen.length = 0;
    dataProxy.seen.length = 0;
    const res = await runCli(['scan', 'azure', '--format', 'json', '--probe', '--quiet'], { NODE_EXTRA_CA_CERTS: cert.certPath, AZURE_STORAGE_CONNECTION_STRING: connectionString() });
    assert.equal(res.stderr, '');
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.equal(res.code, 1);
    assert.equal(arm.seen.length, 0, 'no ARM call in data-plane mode');
    assert.deepEqual(report.scope.accounts, [`${dataProxy.origin}/${AZURITE_ACCOUNT}`]);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    const sys = resourceOf(report, HR_SYSTEM);
    assert.equal(sys.id, `${dataProxy.origin}/${AZURITE_ACCOUNT}/${HR_SYSTEM}`);
    assert.equal(sys.account, `${dataProxy.origin}/${AZURITE_ACCOUNT}`);
    assert.equal(sys.azure?.source, 'data-plane');
    assert.equal(sys.guards.allowBlobPublicAccess, null);
    assert.equal(sys.transport.httpsOnly, null);
    assert.equal(sys.versioning, null);
    assert.equal(sys.encryption.atRest, null);
    assert.equal(sys.softDelete, false);
    assert.equal(sys.azure?.allowSharedKeyAccess, true, 'a working account key proves Shared Key is allowed');
    // Configured: unknown (the flag is ARM-only); the probe saw it public.
    assert.deepEqual(sys.probe?.configured, { read: null, list: null });
    assert.deepEqual(verdicts(report, HR_SYSTEM), [true, true, false, false]);
    assert.deepEqual(verdicts(report, HR_PRIVATE), [false, false, false, false]);
    const blob = resourceOf(report, HR_BLOB);
    assert.deepEqual(verdicts(report, HR_BLOB), [true, false, false, false]);
    assert.ok(blob.exposure.evidence.some((e) => e.effect === 'unknown' && e.message.includes('only ARM')));
    const primaryNv = report.findings.find((f) => f.id === `not-verified:${blob.id}`);
    assert.ok(primaryNv?.detail.en.includes('minimum TLS version'), primaryNv?.detail.en);
    assert.ok(!report.findings.some((f) => f.id === `not-verified:${resourceOf(report, HR_PRIVATE).id}`), 'account-level unknowns are reported once, on the first container');
    assert.ok(dataProxy.seen.every((s) => s.method === 'GET' || s.method === 'HEAD'));
    assert.ok(!res.stdout.includes(AZURITE_KEY), 'the account key never reaches the report');
  });

  test('scope.found (the account URL, 3 containers) is logged once the containers are listed, before the account is done', async () => {
    const res = await runCli(['scan', 'azure', '--format', 'json', '--sample', 'none', '--log-format', 'json', '--verbose'], { NODE_EXTRA_CA_CERTS: cert.certPath, AZURE_STORAGE_CONNECTION_STRING: connectionString() });
    assert.equal(res.code, 1, res.stderr);
    assert.deepEqual(assertScopeFoundFirst(res.stderr, [`${dataProxy.origin}/${AZURITE_ACCOUNT}`], 3), ['1/1']);
    assert.ok(!res.stderr.includes(AZURITE_KEY), 'the account key never reaches the log');
  });

  test('--connection-string with --subscription is a usage error', async () => {
    const res = await runCli(['scan', 'azure', '--subscription', AZ_SUBSCRIPTION, '--connection-string', connectionString()], env());
    assert.equal(res.code, 2);
    assert.match(res.stderr, /give one or the other/);
  });
});
