// End to end against Azurite (HTTPS, in memory) in data-plane mode (--connection-string): classic Storage Analytics
// logging with reads on, a container anyone can read holding an employee CSV, and Storage Analytics 2.0 log blobs
// in `$logs` written from the documented field list (plus a malformed one). `scan azure --evidence reads` says who
// read it: the leak is confirmed, with the persons of the object read.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BlobServiceClient } from '@azure/storage-blob';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzurite, type Azurite } from '../helpers/azurite.js';
import { makeTestCert, type TestCert } from '../helpers/tls.js';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy.js';
import { assertValidReport } from '../helpers/schema.js';
import { employeeCsv } from '../helpers/employees.js';
import { azureLine, type Request } from '../helpers/access-logs.js';

const CONTAINER = 'hr-export';
const KEY = 'exports/employees.csv';
let cert: TestCert;
let azurite: Azurite;
/** Plain HTTP in front of Azurite, for the set-up and the scan. */
let proxy: RecordingProxy;
let connection: string;

const read = (i: number, time: string): Request => ({ time, bucket: `${AZURITE_ACCOUNT}/${CONTAINER}`, key: KEY, op: 'read', requester: null, status: 200, ip: `198.51.100.${20 + i}`, bytes: 2048 });

before(async () => {
  cert = makeTestCert();
  azurite = await startAzurite(cert);
  proxy = await startRecordingProxy(azurite.origin, cert, 'http');
  connection = `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${proxy.origin}/${AZURITE_ACCOUNT};`;
  const service = BlobServiceClient.fromConnectionString(connection);
  await service.setProperties({ blobAnalyticsLogging: { version: '2.0', read: true, write: true, deleteProperty: true, retentionPolicy: { enabled: false } } });
  const hr = service.getContainerClient(CONTAINER);
  await hr.create({ access: 'container' });
  const csv = employeeCsv(40, 'utf-8', 7).bytes;
  await hr.getBlockBlobClient(KEY).upload(csv, csv.length);
  const logs = service.getContainerClient('$logs');
  await logs.createIfNotExists();
  const lines = [read(0, '2026-11-02T01:00:00.000Z'), read(1, '2026-11-02T02:00:00.000Z'), { ...read(2, '2026-11-02T03:00:00.000Z'), requester: AZURITE_ACCOUNT }, { ...read(3, '2026-11-02T04:00:00.000Z'), op: 'list' as const, key: null }];
  const text = lines.map(azureLine).join('\n') + '\n';
  await logs.getBlockBlobClient('blob/2026/11/02/0100/000000.log').upload(text, Buffer.byteLength(text));
  await logs.getBlockBlobClient('blob/2026/11/02/0200/000000.log').upload('1.0;garbage\n', 12);
});
after(async () => {
  await proxy?.close();
  await azurite?.stop();
});

describe('scan azure --evidence reads against Azurite', () => {
  let report: Report;

  before(async () => {
    const res = await runCli(['scan', 'azure', '--connection-string', connection, '--evidence', 'reads', '--format', 'json', '--quiet', '--fail-on', 'none']);
    assert.equal(res.stderr, '');
    report = JSON.parse(res.stdout) as Report;
  });

  test('the $logs entries of the container: two anonymous downloads from two addresses, one listing; the owner not counted', () => {
    assertValidReport(report);
    const r = report.resources.find((x) => x.name === `${AZURITE_ACCOUNT}/${CONTAINER}`);
    // Data-plane mode cannot read allowBlobPublicAccess (exposure unverified): its logs are read, as sampling reads it.
    assert.equal(r?.exposure.read, null);
    assert.equal(r?.reads?.status, 'read');
    assert.deepEqual(r?.reads?.location, { bucket: `${AZURITE_ACCOUNT}/$logs`, prefix: 'blob/' });
    assert.deepEqual([r?.reads?.logs.objects, r?.reads?.logs.malformedLines], [2, 1]);
    assert.deepEqual([r?.reads?.outsiders.reads.requests, r?.reads?.outsiders.reads.clients, r?.reads?.outsiders.lists.requests], [2, 2, 1]);
    assert.deepEqual(r?.reads?.personal, { objects: 1, persons: 40, keys: [KEY] });
  });

  test('the assessment: leak occurred — read by outsiders: 1 object, 40 persons', () => {
    const id = report.resources.find((x) => x.name === `${AZURITE_ACCOUNT}/${CONTAINER}`)?.id;
    const a = report.assessment?.perResource.find((p) => p.resourceId === id);
    assert.equal(a?.readByOutsiders?.leak, 'occurred');
    assert.match(a?.readByOutsiders?.text.ja ?? '', /^外部の者による読み取り: 1件のオブジェクト、40人/);
    assert.match(a?.readByOutsiders?.text.en ?? '', /^Read by outsiders: 1 object, 40 persons .*source: Azure Storage Analytics logs \(\$logs container\)/);
  });
});
