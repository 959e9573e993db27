// End to end against the local Cloud Storage stand-in: the public HR bucket's usage logs (the documented CSV, header
// first) in its log bucket. `scan gcp --evidence reads` counts the successful downloads; usage logs do not record
// the requester, so the evidence says "unidentified requesters" and never confirms a leak by itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { startFakeGcs, type FakeGcs } from '../helpers/gcs-server.js';
import { GCS_PROJECT, HR_PUBLIC, gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';
import { assertValidReport } from '../helpers/schema.js';
import { GCS_HEADER, gcsLine, type Request } from '../helpers/access-logs.js';

const LOGS = 'hr-usage-logs';
let gcs: FakeGcs;
const read = (i: number, time: string): Request => ({ time, bucket: HR_PUBLIC, key: 'exports/employees.csv', op: 'read', requester: null, status: 200, ip: `192.0.2.${30 + i}`, bytes: 8192 });

before(async () => {
  const world = hrWorld();
  const hr = world.buckets[HR_PUBLIC];
  assert.ok(hr);
  hr.resource.logging = { logBucket: LOGS, logObjectPrefix: HR_PUBLIC };
  const csv = [GCS_HEADER, gcsLine(read(0, '2026-11-02T01:00:00.000Z')), gcsLine(read(1, '2026-11-02T02:00:00.000Z')), gcsLine({ ...read(2, '2026-11-02T03:00:00.000Z'), status: 403 })].join('\n') + '\n';
  world.buckets[LOGS] = {
    resource: { name: LOGS, location: 'ASIA-NORTHEAST1', locationType: 'region', iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' } },
    policy: { bindings: [] },
    objects: {
      [`${HR_PUBLIC}_usage_2026_11_02_01_00_00_00c1_v0`]: { data: Buffer.from(csv), contentType: 'text/csv' },
      [`${HR_PUBLIC}_storage_2026_11_02_07_00_00_00c1_v0`]: { data: Buffer.from('"bucket","storage_byte_hours"\n'), contentType: 'text/csv' },
    },
  };
  gcs = await startFakeGcs(world);
});
after(async () => {
  await gcs?.close();
});

describe('scan gcp --evidence reads against the Cloud Storage stand-in', () => {
  test('usage logs: two successful downloads from two addresses, requester unidentified, the leak not confirmed', async () => {
    const res = await runCli(['scan', '--quiet', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--project', GCS_PROJECT, '--buckets', 'hr-system-*', '--evidence', 'reads', '--format', 'json', '--fail-on', 'none'], gcsEnv(gcs.token));
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    const r = report.resources.find((x) => x.name === HR_PUBLIC);
    assert.equal(r?.reads?.status, 'read');
    assert.equal(r?.reads?.identityRecorded, false);
    assert.deepEqual(r?.reads?.location, { bucket: LOGS, prefix: `${HR_PUBLIC}_usage_` });
    assert.deepEqual([r?.reads?.logs.objects, r?.reads?.outsiders.reads.requests, r?.reads?.outsiders.reads.clients], [1, 2, 2]);
    const a = report.assessment?.perResource.find((p) => p.resourceId === r?.id);
    assert.equal(a?.readByOutsiders?.leak, 'possible');
    assert.match(a?.readByOutsiders?.text.en ?? '', /^Read by unidentified requesters: 1 object, 30 persons/);
    assert.match(a?.readByOutsiders?.text.ja ?? '', /^要求者不明の読み取り: 1件のオブジェクト、30人/);
  });
});
