// The counts `history trend` reads on both real engines: new and resolved findings stored with each run
// (trend-counts.ts) must be exactly what the rule over every finding id gives (trend.ts trendRows) — several scopes
// (shards, a bucket filter), partial runs, findings that come back, runs stored in order and out of order, a prune; `history show` reads a resource and every run in one query, by id or else by name; and a history written
// before migration 003 gets its scopes and the same trend after it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { useHistoryDatabases } from '../helpers/history-databases.js';
import { openHistoryStore } from '../../src/history/open-store.js';
import { parseHistoryTarget } from '../../src/history/target.js';
import { MIGRATIONS } from '../../src/history/migrations/index.js';
import { trendRows, trendRowsOfCounts } from '../../src/history/trend.js';
import type { FindingRecord, HistoryStore, ResourceRecord, RunRecord } from '../../src/history/store.js';

const databases = useHistoryDatabases('kumoscan-history-sql-');
before(async () => {
  await databases.ready;
});

const DAY = 86_400_000;
const START = Date.parse('2026-10-01T15:00:00.000Z');

function resource(i: number, open: boolean): ResourceRecord {
  return {
    resourceId: `arn:aws:s3:::b${i}`, name: `b${i}`, account: '111122223333', read: open, list: false, write: false, aclWrite: false,
    evidence: [], errors: 0, personalData: open && i % 2 === 0 ? true : null, classes: [], personsLow: null, personsHigh: null, personsDeclared: null,
  };
}

/** A deterministic mix: 3 scopes (whole account, shard 0/2, a bucket filter), a partial run every 4th night, findings that come and go. */
function runOf(night: number, scope: 0 | 1 | 2): RunRecord {
  const resources = Array.from({ length: 12 }, (_, i) => resource(i, (i + night) % 5 === 0));
  const findings: FindingRecord[] = [];
  for (let i = 0; i < 12; i++) {
    if ((i * 7 + night * 3 + scope) % 4 === 0) findings.push({ findingId: `f-${i}`, checkId: 'public-read', resourceId: `arn:aws:s3:::b${i}`, severity: 'high' });
    if ((i + night) % 6 === 1) findings.push({ findingId: `g-${i}`, checkId: 'no-logging', resourceId: `arn:aws:s3:::b${i}`, severity: 'low' });
  }
  return {
    id: `run-${scope}-${String(night).padStart(2, '0')}`, provider: 'aws', accounts: scope === 1 ? ['222233334444', '111122223333'] : ['111122223333'],
    // Two runs of a night share the scanned-at time: the run id breaks the tie.
    scannedAt: new Date(START + night * DAY).toISOString(), version: 'test', shard: scope === 1 ? { index: 0, count: 2 } : null,
    bucketFilter: scope === 2 ? ['b1*', 'b*'] : [], source: 'snapshot', complete: (night + scope) % 4 !== 2, errors: 0, resources, findings,
  };
}

const RUNS: RunRecord[] = [];
for (let night = 0; night < 14; night++) for (const scope of [0, 1, 2] as const) if (scope !== 2 || night % 3 !== 1) RUNS.push(runOf(night, scope));
// Stored out of order: the trend orders by collection time, not by storage.
const STORE_ORDER = [...RUNS].reverse();

async function open(history: string): Promise<HistoryStore> {
  const target = parseHistoryTarget(history);
  if (typeof target === 'string') throw new Error(target);
  return openHistoryStore(target);
}

for (const engine of databases.engines) {
  describe(`history queries on ${engine.name}`, () => {
    for (const [how, order] of [['in order (each run counted from the runs before it)', RUNS], ['out of order (a rebuild: the scope recounted in SQL)', STORE_ORDER]] as const) {
      test(`trend, runs stored ${how}: the stored counts equal the rule over every finding id`, async () => {
        const store = await open(await engine.fresh(`trend-${order === RUNS ? 'in' : 'out'}`));
        try {
          for (const run of order) await store.storeRun(run);
          const stored = trendRowsOfCounts(await store.trendCounts());
          assert.equal(stored.length, RUNS.length);
          assert.deepEqual(stored, trendRows(await store.trendInputs()));
          // The mix exercises every case: partial runs (null), resolved and new findings in each scope.
          assert.ok(stored.some((r) => r.resolvedFindings === null));
          assert.ok(stored.some((r) => (r.resolvedFindings ?? 0) > 0 && r.shard !== null));
          assert.ok(stored.some((r) => r.newFindings > 0 && r.runId.startsWith('run-2-') && r.runId !== 'run-2-00'));
          // A prune leaves the first remaining runs of each scope compared with fewer runs: recounted.
          await store.pruneRuns(new Date(START + 5 * DAY).toISOString());
          const left = trendRowsOfCounts(await store.trendCounts());
          assert.ok(left.length > 0 && left.length < RUNS.length);
          assert.deepEqual(left, trendRows(await store.trendInputs()));
        } finally {
          await store.close();
        }
      });
    }

    test('show: every run and the resource\'s rows in one query, by id, else by name', async () => {
      const store = await open(await engine.fresh('show-sql'));
      try {
        for (const run of STORE_ORDER) await store.storeRun(run);
        const runs = await store.listRuns();
        for (const key of ['arn:aws:s3:::b3', 'b3']) {
          const h = await store.resourceHistory(key);
          assert.deepEqual(h.runs, runs);
          assert.deepEqual(h.observations, await store.observations(key));
          assert.equal(h.observations.length, RUNS.length);
        }
        const none = await store.resourceHistory('no-such-bucket');
        assert.deepEqual(none, { runs, observations: [] });
        const batch = await store.observationsByResource(['arn:aws:s3:::b3', 'arn:aws:s3:::b4', 'arn:aws:s3:::missing']);
        assert.deepEqual(batch.get('arn:aws:s3:::b3'), await store.observations('arn:aws:s3:::b3'));
        assert.deepEqual(batch.get('arn:aws:s3:::b4'), await store.observations('arn:aws:s3:::b4'));
        assert.deepEqual(batch.get('arn:aws:s3:::missing'), []);
      } finally {
        await store.close();
      }
    });
  });
}

test('a SQLite history written before migration 003 gets its scopes and counts, and the same trend', async () => {
  const { dir } = await databases.ready;
  const path = `${dir}/before-003.db`;
  const { default: Database } = await import('better-sqlite3');
  const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(path) }) });
  const upTo002 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '003'));
  const migrated = await new Migrator({ db: old, provider: { getMigrations: async () => upTo002 } }).migrateToLatest();
  assert.equal(migrated.error, undefined);
  // Rows as version 2 wrote them (no scope column).
  for (const run of RUNS.slice(0, 9)) {
    await old.insertInto('runs').values({
      id: run.id, provider: run.provider, accounts: JSON.stringify(run.accounts), scanned_at: run.scannedAt, stored_at: run.scannedAt, version: run.version,
      shard_index: run.shard?.index ?? null, shard_count: run.shard?.count ?? null, bucket_filter: JSON.stringify(run.bucketFilter), source: run.source,
      complete: run.complete ? 1 : 0, errors: 0, resources: run.resources.length, exposed: 0, exposed_personal: 0, critical: 0, high: 0, medium: 0, low: 0, info: 0,
    }).execute();
    for (const f of run.findings) await old.insertInto('findings').values({ run_id: run.id, finding_id: f.findingId, check_id: f.checkId, resource_id: f.resourceId, severity: f.severity }).execute();
  }
  await old.destroy();
  const store = await open(path);
  try {
    for (const run of RUNS.slice(9)) await store.storeRun(run);
    const fromSql = trendRowsOfCounts(await store.trendCounts());
    assert.equal(fromSql.length, RUNS.length);
    assert.deepEqual(fromSql, trendRows(await store.trendInputs()));
  } finally {
    await store.close();
  }
});
