// Several Azure subscriptions in one report, against Azurite and the local ARM stand-in: every subscription the
// credential lists (or those named with --subscription) is scanned; a subscription whose storage accounts cannot be
// listed (403) is recorded with its own scope (azure:<subscription>) while the other is reported.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { assertScopeFoundFirst } from '../helpers/log-lines.js';
import { AZURITE_ACCOUNT } from '../helpers/azurite.js';
import { startFakeArm, type FakeArm, type FakeArmState, type FakeStorageAccount } from '../helpers/fake-arm.js';
import { type RecordingProxy } from '../helpers/recording-proxy.js';
import { assertValidReport } from '../helpers/schema.js';
import { type TestCert } from '../helpers/tls.js';
import { AZ_ACCOUNT, AZ_RG, AZ_SUBSCRIPTION, HR_BLOB, HR_PRIVATE, HR_SYSTEM, hrStorageAccount } from '../helpers/seed-azure-hr.js';
import { startAzureHrStack, type AzureHrStack } from '../helpers/azure-hr-stack.js';

const SALES_SUBSCRIPTION = '5c2e9d10-7a41-4e8b-9f3c-444455556666';
const SALES_RG = 'rg-sales';
const work = mkdtempSync(join(tmpdir(), 'kumoscan-azure-subs-'));

let cert: TestCert;
let dataProxy: RecordingProxy;

let stack: AzureHrStack | undefined;

before(async () => {
  stack = await startAzureHrStack({ arm: false });
  ({ cert, dataProxy } = stack);
});
after(async () => {
  await stack?.close();
});

/** The HR account in its subscription, and the same Azurite account presented under a second subscription. */
function twoSubscriptions(): FakeArmState {
  const hr = hrStorageAccount({ blobEndpoint: `${dataProxy.origin}/${AZURITE_ACCOUNT}`, allowBlobPublicAccess: true });
  const sales = JSON.parse(JSON.stringify(hr).replaceAll(`/subscriptions/${AZ_SUBSCRIPTION}/resourceGroups/${AZ_RG}/`, `/subscriptions/${SALES_SUBSCRIPTION}/resourceGroups/${SALES_RG}/`)) as FakeStorageAccount;
  return {
    subscriptions: [
      { subscriptionId: AZ_SUBSCRIPTION, displayName: 'HR production' },
      { subscriptionId: SALES_SUBSCRIPTION, displayName: 'Sales' },
    ],
    accounts: { [AZ_SUBSCRIPTION]: [hr], [SALES_SUBSCRIPTION]: [sales] },
  };
}

async function scan(arm: FakeArm, ...extra: string[]): Promise<{ code: number | null; report: Report }> {
  const res = await runCli(['scan', '--quiet', 'azure', '--arm-endpoint', arm.endpoint, '--format', 'json', '--sample', 'none', ...extra], { NODE_EXTRA_CA_CERTS: cert.certPath, ...arm.identityEnv });
  assert.equal(res.stderr, '', res.stderr);
  const report = JSON.parse(res.stdout) as Report;
  assertValidReport(report);
  return { code: res.code, report };
}

const subscriptionOf = (r: Report['resources'][number]): string => /^\/subscriptions\/([^/]+)\//.exec(r.account)?.[1] ?? '?';
const placed = (report: Report): string[] => report.resources.map((r) => `${subscriptionOf(r)} ${r.name} read=${r.exposure.read}`).sort();
const CONTAINERS = [HR_BLOB, HR_PRIVATE, HR_SYSTEM];
const READ: Record<string, boolean> = { [HR_BLOB]: true, [HR_PRIVATE]: false, [HR_SYSTEM]: true };

describe('kumoscan scan azure: several subscriptions, one report', () => {
  test('every subscription the credential lists: both in scope.accounts, each container under its subscription; --input round-trips', async () => {
    const arm = await startFakeArm(cert, twoSubscriptions());
    const snapshotFile = join(work, 'two.json');
    try {
      const { code, report } = await scan(arm, '--save-snapshot', snapshotFile);
      assert.equal(code, 1);
      assert.deepEqual(report.scope.accounts, [AZ_SUBSCRIPTION, SALES_SUBSCRIPTION].sort());
      assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
      assert.deepEqual(placed(report), [AZ_SUBSCRIPTION, SALES_SUBSCRIPTION].flatMap((s) => CONTAINERS.map((c) => `${s} ${AZ_ACCOUNT}/${c} read=${READ[c]}`)).sort());
      assert.equal(new Set(report.resources.map((r) => r.id)).size, 6, 'resource ids stay unique across subscriptions');
      const offline = await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json']);
      assert.equal(offline.code, 1, offline.stderr);
      const again = JSON.parse(offline.stdout) as Report;
      assert.deepEqual(again.scope.accounts, report.scope.accounts);
      assert.deepEqual(again.findings, report.findings);
      assert.deepEqual(JSON.parse(readFileSync(snapshotFile, 'utf8')).subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId), [AZ_SUBSCRIPTION, SALES_SUBSCRIPTION]);
    } finally {
      await arm.close();
    }
  });

  test('scope.found once, with both subscriptions and all 6 containers, before the first storage account is read', async () => {
    const arm = await startFakeArm(cert, twoSubscriptions());
    try {
      const res = await runCli(['scan', 'azure', '--arm-endpoint', arm.endpoint, '--format', 'json', '--sample', 'none', '--log-format', 'json', '--verbose'], { NODE_EXTRA_CA_CERTS: cert.certPath, ...arm.identityEnv });
      assert.equal(res.code, 1, res.stderr);
      const progress = assertScopeFoundFirst(res.stderr, [AZ_SUBSCRIPTION, SALES_SUBSCRIPTION].sort(), 6);
      assert.deepEqual(progress, ['1/2', '2/2']);
      // The containers of both accounts are listed before any account's blob service is read.
      const urls = arm.seen.map((s) => s.url);
      const listings = urls.flatMap((u, i) => (/\/blobServices\/default\/containers\?/.test(u) ? [i] : []));
      const firstRead = urls.findIndex((u) => /\/blobServices\/default(\?|\/providers\/)/.test(u));
      assert.equal(listings.length, 2, urls.join('\n'));
      const lastListing = Math.max(...listings);
      assert.ok(lastListing < firstRead, urls.join('\n'));
    } finally {
      await arm.close();
    }
  });

  test('storage accounts of one subscription denied (403): recorded as azure:<subscription>, the other reported, exit 3 (1 with findings)', async () => {
    const state = twoSubscriptions();
    state.deny = (path) => (path === `/subscriptions/${SALES_SUBSCRIPTION}/providers/Microsoft.Storage/storageAccounts` ? 403 : undefined);
    const arm = await startFakeArm(cert, state);
    const snapshotFile = join(work, 'denied.json');
    try {
      const { code, report } = await scan(arm, '--fail-on', 'none', '--save-snapshot', snapshotFile);
      assert.equal(code, 3);
      assert.equal(report.summary.complete, false);
      assert.deepEqual(report.scope.accounts, [AZ_SUBSCRIPTION, SALES_SUBSCRIPTION].sort());
      assert.deepEqual(report.errors.map((e) => `${e.scope} ${e.call} ${e.code}`), [`azure:${SALES_SUBSCRIPTION} StorageAccounts.list AuthorizationFailed`]);
      assert.deepEqual(placed(report), CONTAINERS.map((c) => `${AZ_SUBSCRIPTION} ${AZ_ACCOUNT}/${c} read=${READ[c]}`).sort());
      const offline = await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json', '--fail-on', 'none']);
      assert.equal(offline.code, 3, offline.stderr);
      assert.deepEqual((JSON.parse(offline.stdout) as Report).errors, report.errors);
      const withFindings = await scan(arm, '--subscription', SALES_SUBSCRIPTION, '--subscription', AZ_SUBSCRIPTION);
      assert.equal(withFindings.code, 1);
      assert.deepEqual(withFindings.report.errors.map((e) => e.scope), [`azure:${SALES_SUBSCRIPTION}`]);
    } finally {
      await arm.close();
    }
  });
});
