// Several Google Cloud projects in one report, against the local stand-in (test/helpers/gcs-server.ts): every
// project the credentials list (or those named with --project) is scanned; a project whose bucket listing is
// denied is recorded with its own scope (gcp:<project>) while the others are reported. Exact verdicts and exit codes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { assertScopeFoundFirst } from '../helpers/log-lines.js';
import { startFakeGcs, type FakeGcs, type GcsWorld } from '../helpers/gcs-server.js';
import { assertValidReport } from '../helpers/schema.js';
import { GCS_PROJECT, HR_LEGACY, HR_LOCKED, HR_PUBLIC, gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-gcp-projects-'));
const SALES_PROJECT = 'kumo-sales-prod';
const SALES_BUCKET = 'sales-reports';

/** The HR world plus a second project with one private bucket. */
function twoProjects(): GcsWorld {
  const world = hrWorld();
  world.extraProjects = [{ projectId: SALES_PROJECT, projectNumber: '210987654321' }];
  world.buckets[SALES_BUCKET] = {
    projectId: SALES_PROJECT,
    resource: {
      name: SALES_BUCKET,
      location: 'ASIA-NORTHEAST1',
      locationType: 'region',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, bucketPolicyOnly: { enabled: true }, publicAccessPrevention: 'enforced' },
    },
    policy: { bindings: [{ role: 'roles/storage.legacyBucketOwner', members: [`projectOwner:${SALES_PROJECT}`] }] },
    objects: {},
  };
  return world;
}

async function scan(gcs: FakeGcs, ...extra: string[]): Promise<{ code: number | null; report: Report }> {
  const res = await runCli(['scan', '--quiet', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--format', 'json', '--sample', 'none', ...extra], gcsEnv(gcs.token));
  assert.equal(res.stderr, '', res.stderr);
  const report = JSON.parse(res.stdout) as Report;
  assertValidReport(report);
  return { code: res.code, report };
}

const placed = (report: Report): string[] => report.resources.map((r) => `${r.account} ${r.name} read=${r.exposure.read}`).sort();

describe('kumoscan scan gcp: several projects, one report', () => {
  test('every listed project (no --project): both in scope.accounts, each bucket under its project; --input round-trips', async () => {
    const gcs = await startFakeGcs(twoProjects());
    const snapshotFile = join(work, 'two.json');
    try {
      const { code, report } = await scan(gcs, '--save-snapshot', snapshotFile);
      assert.equal(code, 1);
      assert.deepEqual(report.scope.accounts, [GCS_PROJECT, SALES_PROJECT]);
      assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
      assert.deepEqual(placed(report), [
        `${GCS_PROJECT} ${HR_LOCKED} read=false`,
        `${GCS_PROJECT} ${HR_PUBLIC} read=true`,
        `${GCS_PROJECT} ${HR_LEGACY} read=true`,
        `${SALES_PROJECT} ${SALES_BUCKET} read=false`,
      ].sort());
      assert.deepEqual(gcs.seen.filter((s) => s.route === 'buckets.list').map((s) => s.query.project), [GCS_PROJECT, SALES_PROJECT]);
      const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { projects: { projectId: string }[] };
      assert.deepEqual(snap.projects.map((p) => p.projectId), [GCS_PROJECT, SALES_PROJECT]);
      const offline = await runCli(['scan', '--quiet', '--input', snapshotFile, '--format', 'json']);
      assert.equal(offline.code, 1, offline.stderr);
      const again = JSON.parse(offline.stdout) as Report;
      assert.deepEqual(again.scope.accounts, report.scope.accounts);
      assert.deepEqual(again.findings, report.findings);
    } finally {
      await gcs.close();
    }
  });

  test('scope.found once, with both projects and all 4 buckets, before the first bucket is read; one progress count over both', async () => {
    const gcs = await startFakeGcs(twoProjects());
    try {
      const res = await runCli(['scan', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--format', 'json', '--sample', 'none', '--log-format', 'json', '--verbose'], gcsEnv(gcs.token));
      assert.equal(res.code, 1, res.stderr);
      const progress = assertScopeFoundFirst(res.stderr, [GCS_PROJECT, SALES_PROJECT], 4);
      assert.deepEqual(progress, ['1/4', '2/4', '3/4', '4/4']);
      // Both projects are listed before any bucket is read.
      const routes = gcs.seen.map((s) => s.route);
      const firstRead = routes.findIndex((r) => ['buckets.get', 'buckets.getIamPolicy', 'objects.list'].includes(r));
      assert.ok(firstRead > routes.lastIndexOf('buckets.list'), routes.join(' '));
    } finally {
      await gcs.close();
    }
  });

  test('--project a,b names them (no projects.search)', async () => {
    const gcs = await startFakeGcs(twoProjects());
    try {
      const { report } = await scan(gcs, '--project', `${SALES_PROJECT},${GCS_PROJECT}`, '--buckets', `${SALES_BUCKET},${HR_LOCKED}`);
      assert.deepEqual(report.scope.accounts, [SALES_PROJECT, GCS_PROJECT]);
      assert.deepEqual(placed(report), [`${GCS_PROJECT} ${HR_LOCKED} read=false`, `${SALES_PROJECT} ${SALES_BUCKET} read=false`]);
      assert.equal(gcs.seen.some((s) => s.route === 'projects.search'), false);
    } finally {
      await gcs.close();
    }
  });

  test('bucket listing denied (403) in one project: recorded as gcp:<project>, the other project reported, exit 3 (1 with findings)', async () => {
    const world = twoProjects();
    world.deny = (route, _bucket, project) => (route === 'buckets.list' && project === GCS_PROJECT ? 403 : undefined);
    const gcs = await startFakeGcs(world);
    try {
      const { code, report } = await scan(gcs, '--fail-on', 'none');
      assert.equal(code, 3);
      assert.equal(report.summary.complete, false);
      assert.deepEqual(report.scope.accounts, [GCS_PROJECT, SALES_PROJECT]);
      assert.deepEqual(report.errors.map((e) => `${e.scope} ${e.call} ${e.code}`), [`gcp:${GCS_PROJECT} buckets.list PERMISSION_DENIED`]);
      assert.deepEqual(placed(report), [`${SALES_PROJECT} ${SALES_BUCKET} read=false`]);
      const failOnMedium = await scan(gcs, '--fail-on', 'medium');
      assert.equal(failOnMedium.code, 1);
    } finally {
      await gcs.close();
    }
  });
});
