// --evidence changes on Azure, end to end: the real CLI against Azurite and the ARM stand-in, whose Activity Log
// answers the documented EventData shape in pages. Per public container, the change that opened it; the Activity
// Log that cannot be read is a recorded error, the opening null, exit 3.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { startAzureHrStack, type AzureHrStack } from '../helpers/azure-hr-stack.js';
import { assertValidReport } from '../helpers/schema.js';
import { AZ_ACCOUNT, AZ_ACCOUNT_ID, AZ_SUBSCRIPTION, HR_BLOB, HR_PRIVATE, HR_SYSTEM, containerId } from '../helpers/seed-azure-hr.js';

let stack: AzureHrStack;
const daysAgo = (d: number): string => new Date(Date.now() - d * 86_400_000).toISOString();
const CONTAINER_WRITE = 'Microsoft.Storage/storageAccounts/blobServices/containers/write';
const ACCOUNT_WRITE = 'Microsoft.Storage/storageAccounts/write';

function event(op: string, resourceId: string, at: string, caller: string, ip: string, body?: unknown, status = 'Succeeded'): Record<string, unknown> {
  return {
    authorization: { action: op, scope: resourceId },
    caller,
    channels: 'Operation',
    claims: { ipaddr: ip },
    correlationId: `c-${at}`,
    eventDataId: `e-${at}-${status}`,
    eventTimestamp: at,
    httpRequest: { clientRequestId: 'r', clientIpAddress: ip, method: 'PUT' },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    level: 'Informational',
    operationName: { value: op, localizedValue: op },
    resourceId,
    resourceProviderName: { value: 'Microsoft.Storage', localizedValue: 'Microsoft.Storage' },
    status: { value: status, localizedValue: status },
    subscriptionId: AZ_SUBSCRIPTION,
    properties: body === undefined ? { statusCode: 'OK' } : { statusCode: 'OK', requestbody: JSON.stringify(body) },
  };
}

const opened = daysAgo(12);
const accountOpened = daysAgo(20);

before(async () => {
  stack = await startAzureHrStack();
  const arm = stack.arm;
  assert.ok(arm);
  arm.state.activityLogPageSize = 2;
  arm.state.activityLog = {
    [AZ_SUBSCRIPTION]: [
      event(ACCOUNT_WRITE, AZ_ACCOUNT_ID, accountOpened, 'admin@contoso.example', '198.51.100.4', { properties: { allowBlobPublicAccess: true } }),
      event(CONTAINER_WRITE, containerId(HR_SYSTEM), opened, 'dev@contoso.example', '198.51.100.5', { properties: { publicAccess: 'Container' } }),
      event(CONTAINER_WRITE, containerId(HR_SYSTEM), daysAgo(6), 'dev@contoso.example', '198.51.100.5', { properties: { publicAccess: 'None' } }, 'Failed'),
      event(CONTAINER_WRITE, containerId(HR_BLOB), daysAgo(8), 'ops@contoso.example', '198.51.100.6'),
      event(CONTAINER_WRITE, containerId(HR_PRIVATE), daysAgo(2), 'ops@contoso.example', '198.51.100.6', { properties: { publicAccess: 'None' } }),
      event(ACCOUNT_WRITE, AZ_ACCOUNT_ID, daysAgo(200), 'old@contoso.example', '198.51.100.9', { properties: { allowBlobPublicAccess: true } }),
    ],
  };
});
after(async () => {
  await stack?.close();
});

const scan = (...extra: string[]) =>
  runCli(['scan', 'azure', '--arm-endpoint', stack.arm?.endpoint ?? '', '--format', 'json', '--quiet', '--sample', 'none', '--fail-on', 'none', '--evidence', 'changes', ...extra], { NODE_EXTRA_CA_CERTS: stack.cert.certPath, ...(stack.arm?.identityEnv ?? {}) });

describe('kumoscan scan azure --evidence changes', () => {
  test('each public container: the latest change that opened it, on the container or its account; read-only, all pages', async () => {
    const res = await scan();
    assert.equal(res.code, 0, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    const by = new Map(report.resources.map((r) => [r.name, r]));
    assert.deepEqual(by.get(`${AZ_ACCOUNT}/${HR_SYSTEM}`)?.openedBy?.change, { time: opened, source: 'azure-activity-log', action: CONTAINER_WRITE, principal: 'dev@contoso.example', sourceIp: '198.51.100.5', userAgent: null, basis: 'opens' });
    // hr-blob's own write has no request body: the account's allowBlobPublicAccess change is the known opening.
    assert.deepEqual(by.get(`${AZ_ACCOUNT}/${HR_BLOB}`)?.openedBy?.change, { time: accountOpened, source: 'azure-activity-log', action: ACCOUNT_WRITE, principal: 'admin@contoso.example', sourceIp: '198.51.100.4', userAgent: null, basis: 'opens' });
    assert.equal(by.get(`${AZ_ACCOUNT}/${HR_PRIVATE}`)?.openedBy, undefined);
    const log = stack.arm?.seen.filter((s) => s.url.includes('eventtypes/management/values')) ?? [];
    assert.equal(log.length, 3, 'five events in the window, two a page');
    assert.ok(stack.arm?.seen.every((s) => s.method === 'GET' || s.url.startsWith('/msi/token')));
  });

  test('an Activity Log that cannot be read: the error recorded, the openings null, exit 3', async () => {
    const arm = stack.arm;
    assert.ok(arm);
    arm.state.deny = (path) => (path.endsWith('/eventtypes/management/values') ? 403 : undefined);
    try {
      const res = await scan();
      assert.equal(res.code, 3, res.stderr);
      const report = JSON.parse(res.stdout) as Report;
      const e = report.errors.find((x) => x.call === 'Microsoft.Insights/eventtypes/management/values');
      assert.equal(e?.code, 'AuthorizationFailed');
      const system = report.resources.find((r) => r.name === `${AZ_ACCOUNT}/${HR_SYSTEM}`);
      assert.deepEqual([system?.openedBy?.change, system?.openedBy?.reason], [null, 'log-error']);
    } finally {
      delete arm.state.deny;
    }
  });
});
