// --evidence changes on GCP, end to end: the real CLI against the local Google stand-in, with a Cloud Logging
// entries.list stand-in in front of it answering Cloud Audit Logs Admin Activity entries (the documented LogEntry /
// AuditLog shape) in pages. The public bucket's opening; an unreadable log is a recorded error and exit 3.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { startFakeGcs, type FakeGcs } from '../helpers/gcs-server.js';
import { startLoggingServer, type LoggingServer } from '../helpers/logging-server.js';
import { assertValidReport } from '../helpers/schema.js';
import { GCS_PROJECT, HR_LOCKED, HR_PUBLIC, gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';

let gcs: FakeGcs;
let logging: LoggingServer;
const daysAgo = (d: number): string => new Date(Date.now() - d * 86_400_000).toISOString();
const opened = daysAgo(15);

function entry(bucket: string, methodName: string, timestamp: string, who: string, payload: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    logName: `projects/${GCS_PROJECT}/logs/cloudaudit.googleapis.com%2Factivity`,
    resource: { type: 'gcs_bucket', labels: { bucket_name: bucket, project_id: GCS_PROJECT, location: 'asia-northeast1' } },
    timestamp,
    receiveTimestamp: timestamp,
    severity: 'NOTICE',
    insertId: `${bucket}-${timestamp}`,
    protoPayload: {
      '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
      status: {},
      serviceName: 'storage.googleapis.com',
      methodName,
      resourceName: `projects/_/buckets/${bucket}`,
      authenticationInfo: { principalEmail: who },
      requestMetadata: { callerIp: '192.0.2.10', callerSuppliedUserAgent: 'google-cloud-sdk gcloud/460.0.0' },
      ...payload,
    },
  };
}

const allUsers = (action: 'ADD' | 'REMOVE') => ({ serviceData: { '@type': 'type.googleapis.com/google.iam.v1.logging.AuditData', policyDelta: { bindingDeltas: [{ action, role: 'roles/storage.objectViewer', member: 'allUsers' }] } } });

before(async () => {
  gcs = await startFakeGcs(hrWorld());
  logging = await startLoggingServer(gcs.url, [
    entry(HR_PUBLIC, 'storage.buckets.create', daysAgo(60), 'ops@example.co.jp'),
    entry(HR_PUBLIC, 'storage.setIamPermissions', opened, 'dev@example.co.jp', allUsers('ADD')),
    entry(HR_PUBLIC, 'storage.buckets.update', daysAgo(10), 'dev@example.co.jp'),
    entry(HR_LOCKED, 'storage.setIamPermissions', daysAgo(5), 'sec@example.co.jp', allUsers('REMOVE')),
    entry(HR_PUBLIC, 'storage.objects.get', daysAgo(1), 'anyone@example.co.jp'),
  ]);
  logging.pageSize = 2;
});
after(async () => {
  await logging?.close();
  await gcs?.close();
});

const scan = () => runCli(['scan', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', logging.url, '--format', 'json', '--quiet', '--sample', 'none', '--fail-on', 'none', '--evidence', 'changes'], gcsEnv(gcs.token));

describe('kumoscan scan gcp --evidence changes', () => {
  test('the public bucket: the latest change that added allUsers (not the later update whose content the log does not show)', async () => {
    const res = await scan();
    assert.equal(res.stderr, '');
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    const r = report.resources.find((x) => x.name === HR_PUBLIC);
    assert.deepEqual(r?.openedBy?.change, { time: opened, source: 'gcp-audit-log', action: 'storage.setIamPermissions', principal: 'dev@example.co.jp', sourceIp: '192.0.2.10', userAgent: 'google-cloud-sdk gcloud/460.0.0', basis: 'opens' });
    assert.equal(report.resources.find((x) => x.name === HR_LOCKED)?.openedBy, undefined);
    assert.equal(report.errors.filter((e) => e.call === 'logging.entries.list').length, 0);
    assert.deepEqual(logging.requests.map((q) => q.resourceNames), [[`projects/${GCS_PROJECT}`], [`projects/${GCS_PROJECT}`]], 'four audit entries, two a page');
    assert.match(logging.requests[0]?.filter ?? '', /^logName="projects\/kumo-hr-prod\/logs\/cloudaudit\.googleapis\.com%2Factivity" AND protoPayload\.serviceName="storage\.googleapis\.com" AND /);
  });

  test('entries.list denied: the error recorded, the opening null, exit 3', async () => {
    logging.deny = 403;
    try {
      const res = await scan();
      assert.equal(res.code, 3);
      const report = JSON.parse(res.stdout) as Report;
      const e = report.errors.find((x) => x.call === 'logging.entries.list');
      assert.deepEqual([e?.code, e?.scope], ['PERMISSION_DENIED', GCS_PROJECT]);
      const r = report.resources.find((x) => x.name === HR_PUBLIC);
      assert.deepEqual([r?.openedBy?.change, r?.openedBy?.reason], [null, 'log-error']);
    } finally {
      delete logging.deny;
    }
  });
});
