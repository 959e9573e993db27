// The real CLI on the Azure example snapshot (examples/azure-hr-system.snapshot.json): exact verdicts, findings
// and exit codes offline, the Azure options in --help, and clear usage errors. No cloud, no emulator.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const EXAMPLE = packagePath('examples', 'azure-hr-system.snapshot.json');
const SUB = '0b1f6471-1bf0-4dda-aec3-111122223333';
const dir = mkdtempSync(join(tmpdir(), 'kumoscan-azure-cli-'));

function verdicts(report: Report, name: string): (boolean | null)[] {
  const r = report.resources.find((x) => x.name === name);
  assert.ok(r, name);
  return [r.exposure.read, r.exposure.list, r.exposure.write, r.exposure.aclWrite];
}

/** `check@account/container` for every finding. */
function ids(report: Report): string[] {
  return report.findings.map((f) => `${f.checkId}@${f.resourceId.replace(/^.*storageAccounts\/([^/]+)\/blobServices\/default\/containers\//, '$1/')}`).sort();
}

describe('kumoscan scan --input on an Azure snapshot', () => {
  test('exact verdicts, findings and exit code 1', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.equal(report.scope.provider, 'azure');
    assert.deepEqual(report.scope.accounts, [SUB]);
    assert.deepEqual(report.scope.regions, ['japaneast', 'japanwest']);
    assert.deepEqual(verdicts(report, 'kumohrsystem/hr-system'), [true, true, false, false]);
    assert.deepEqual(verdicts(report, 'kumohrsystem/hr-photos'), [true, false, false, false]);
    assert.deepEqual(verdicts(report, 'kumohrsystem/hr-payroll'), [false, false, false, false]);
    // Static website on: $web is readable through the web endpoint even though its level is private.
    assert.deepEqual(verdicts(report, 'kumohrsystem/$web'), [true, false, false, false]);
    // allowBlobPublicAccess false suppresses the container's "container" level.
    assert.deepEqual(verdicts(report, 'kumohrlocked/employees'), [false, false, false, false]);
    // allowBlobPublicAccess absent: unknown, never safe.
    assert.deepEqual(verdicts(report, 'kumolegacy/exports'), [null, false, false, false]);
    assert.deepEqual(ids(report), [
      'access-logging-off@kumohrsystem/$web',
      'azure-blob-public-access-allowed@kumohrsystem/$web',
      'azure-blob-soft-delete-off@kumohrsystem/$web',
      'azure-container-soft-delete-off@kumohrsystem/$web',
      'azure-cross-tenant-replication-allowed@kumohrsystem/$web',
      'azure-infrastructure-encryption-off@kumohrsystem/$web',
      'azure-infrastructure-encryption-off@kumolegacy/exports',
      'azure-min-tls-below-1-2@kumohrsystem/$web',
      'azure-network-open-to-all@kumohrsystem/$web',
      'azure-shared-key-access-allowed@kumohrsystem/$web',
      'no-object-lock@kumohrsystem/$web',
      'no-object-lock@kumohrsystem/hr-photos',
      'no-object-lock@kumohrsystem/hr-system',
      'no-object-lock@kumolegacy/exports',
      'not-verified@kumolegacy/exports',
      'provider-managed-encryption@kumohrsystem/$web',
      'provider-managed-encryption@kumolegacy/exports',
      'public-list@kumohrsystem/hr-system',
      'public-read@kumohrsystem/$web',
      'public-read@kumohrsystem/hr-photos',
      'public-read@kumohrsystem/hr-system',
      'tls-not-enforced@kumolegacy/exports',
      'versioning-off@kumohrsystem/$web',
      'website-public@kumohrsystem/$web',
    ]);
    const nv = report.findings.find((f) => f.checkId === 'not-verified');
    assert.equal(nv?.severity, 'high');
    assert.deepEqual(nv?.evidence.filter((e) => e.source === 'collect').map((e) => e.ref), ['BlobServices.getServiceProperties', 'DiagnosticSettings.list', 'GetBlobServiceProperties']);
    assert.equal(report.summary.complete, false);
    assert.equal(report.errors.length, 3);
  });

  test('--fail-on none: exit 3 (calls failed); only the locked account: exit 0', async () => {
    assert.equal((await runCli(['scan', '--input', EXAMPLE, '--fail-on', 'none', '--format', 'json'])).code, 3);
    const locked = await runCli(['scan', '--input', EXAMPLE, '--buckets', 'kumohrlocked/*', '--fail-on', 'info', '--format', 'json']);
    assert.equal(locked.code, 0, locked.stdout);
    const report = JSON.parse(locked.stdout) as Report;
    assertValidReport(report);
    assert.deepEqual(report.resources.map((r) => r.name), ['kumohrlocked/employees']);
    assert.deepEqual(report.findings, []);
  });

  test('the table names the containers', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--lang', 'en']);
    assert.equal(res.code, 1);
    assert.match(res.stdout, /kumohrsystem\/hr-system/);
  });

  test('a snapshot of the wrong shape names the path', async () => {
    const p = join(dir, 'bad.json');
    writeFileSync(p, JSON.stringify({ provider: 'azure', accounts: [{ properties: { name: 'a' }, containers: [{ name: 'c', publicAccess: 'everyone' }] }] }));
    const res = await runCli(['scan', '--input', p]);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /accounts\[0\]\.containers\[0\]\.publicAccess must be "container", "blob" or null/);
  });
});

describe('kumoscan scan azure: flags', () => {
  test('--help lists the Azure options in their own group', async () => {
    const res = await runCli(['scan', '--help']);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /Azure options:\n\s+--subscription <id>/);
    for (const o of ['--account-url <url>', '--connection-string <cs>', '--arm-endpoint <url>']) assert.ok(res.stdout.includes(o), o);
  });

  test('no Azure credential anywhere: a usage error naming the ways to sign in', async () => {
    // AZURE_TOKEN_CREDENTIALS=dev limits DefaultAzureCredential to the developer tools (none installed here), so no
    // managed identity endpoint is probed: nothing leaves 127.0.0.1.
    const res = await runCli(['scan', 'azure', '--arm-endpoint', 'https://127.0.0.1:9'], { AZURE_TOKEN_CREDENTIALS: 'dev' });
    assert.equal(res.code, 2, res.stderr);
    // The credential chain tries the developer tools for some seconds: the start lines show meanwhile (a scan that
    // takes long is visible in the log), then the one error line.
    const lines = res.stderr.trimEnd().split('\n');
    assert.match(lines.at(-1) ?? '', /^kumoscan: no Azure credentials found .*az login/);
    assert.deepEqual(lines.slice(0, -1).map((l) => l.split(/\s+/)[2]), lines.length === 3 ? ['scan.start', 'collect.start'] : []);
    assert.doesNotMatch(res.stderr, /\n\s+at /);
  });

  test('--account-url that is not a URL, and two data-plane sources at once, are usage errors', async () => {
    const bad = await runCli(['scan', 'azure', '--account-url', 'not a url']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--account-url not a url is not a URL/);
    const both = await runCli(['scan', 'azure', '--account-url', 'https://a.blob.core.windows.net', '--connection-string', 'AccountName=a;AccountKey=eA==']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /not both/);
    assert.doesNotMatch(both.stderr, /eA==/);
  });
});
