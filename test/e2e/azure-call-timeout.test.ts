// Azure: a call that never answers (the data plane's GetBlobServiceProperties, held open by a proxy in front of
// Azurite) becomes a recorded Timeout error within --call-timeout; the verdicts that depend on it are null, the
// others are read as usual, the report is written and the scan exits 3. The ARM stand-in and Azurite bind 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { AZURITE_ACCOUNT, startAzurite, type Azurite } from '../helpers/azurite.js';
import { runCli } from '../helpers/cli.js';
import { startFakeArm, type FakeArm } from '../helpers/fake-arm.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_PRIVATE, HR_SYSTEM, containerId, hrArmState, seedAzureHr } from '../helpers/seed-azure-hr.js';
import { makeTestCert, type TestCert } from '../helpers/tls.js';

let cert: TestCert;
let azurite: Azurite;
let setup: RecordingProxy;
let holding: RecordingProxy;
let arm: FakeArm;

const isServiceProperties = (url: string): boolean => url.includes('restype=service') && url.includes('comp=properties');

before(async () => {
  cert = makeTestCert();
  azurite = await startAzurite(cert);
  setup = await startRecordingProxy(azurite.origin, cert, 'http');
  await seedAzureHr(setup.origin);
  holding = await startRecordingProxy(azurite.origin, cert, 'https', (req) => req.method === 'GET' && isServiceProperties(req.url ?? ''));
  arm = await startFakeArm(cert, hrArmState({ blobEndpoint: `${holding.origin}/${AZURITE_ACCOUNT}`, allowBlobPublicAccess: true }));
});

after(async () => {
  await arm?.close();
  await holding?.close();
  await setup?.close();
  await azurite?.stop();
});

test('GetBlobServiceProperties held open: a Timeout error, the settings it gives null, the report written, exit 3', async () => {
  const started = Date.now();
  const res = await runCli(
    ['scan', 'azure', '--arm-endpoint', arm.endpoint, '--format', 'json', '--quiet', '--call-timeout', '3s', '--sample', 'none', '--fail-on', 'none'],
    { NODE_EXTRA_CA_CERTS: cert.certPath, ...arm.identityEnv },
  );
  const seconds = (Date.now() - started) / 1000;
  assert.equal(res.code, 3, res.stderr);
  // 3 s for the held call; the rest is Azurite and node start-up on a busy machine. Without a timeout it never ends.
  assert.ok(seconds < 3 + 40, `took ${seconds} s`);
  assert.ok(holding.seen.some((r) => isServiceProperties(r.url)), 'the held call reached the proxy');
  assert.ok(res.stdout.startsWith('{'), `no JSON report; stderr:\n${res.stderr}`);
  const report = JSON.parse(res.stdout) as Report;
  assertValidReport(report);
  assert.equal(report.summary.complete, false);
  const timeouts = report.errors.filter((e) => e.code === 'Timeout');
  assert.ok(timeouts.length >= 1, JSON.stringify(report.errors));
  assert.ok(timeouts.every((e) => e.call === 'GetBlobServiceProperties'), JSON.stringify(timeouts));
  assert.match(timeouts[0]?.message ?? '', /no answer within 3s \(--call-timeout\)/);
  const byName = new Map(report.resources.map((r) => [r.id, r]));
  for (const name of [HR_SYSTEM, HR_PRIVATE]) {
    const r = byName.get(containerId(name));
    assert.ok(r, `${name} in the report`);
    // What only the service properties tell is unknown, not "off".
    assert.equal(r.azure?.staticWebsite, null, `${name}: staticWebsite`);
    assert.equal(r.azure?.classicLogging, null, `${name}: classicLogging`);
  }
  // The container-level verdicts do not depend on the held call: read as usual.
  assert.equal(byName.get(containerId(HR_SYSTEM))?.exposure.read, true);
  assert.equal(byName.get(containerId(HR_PRIVATE))?.exposure.read, false);
});
