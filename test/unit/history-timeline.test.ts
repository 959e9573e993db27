// The pure parts of the exposure history: the timeline's windows and bounds, the run id, the --history target and
// the masking of its password; and that the database drivers are not loaded at start-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { buildTimeline } from '../../src/history/timeline.js';
import type { Observation, RunSummary } from '../../src/history/store.js';
import { runSummary } from '../helpers/history-databases.js';
import { maskUrl, parseHistoryTarget, scrub, secretsOf } from '../../src/history/target.js';
import { runIdOf } from '../../src/history/run-record.js';
import type { Snapshot } from '../../src/snapshot.js';

const ACCOUNT = '111122223333';
const ID = 'arn:aws:s3:::hr';

function run(day: number, opts: Partial<RunSummary> = {}): RunSummary {
  return runSummary(`run${day}`, `2026-11-0${day}T15:00:00.000Z`, opts);
}

function seen(day: number, read: boolean | null, extra: Partial<Observation> = {}): Observation {
  return { runId: `run${day}`, resourceId: ID, name: 'hr', account: ACCOUNT, read, list: false, write: false, aclWrite: false, errors: 0, personalData: null, classes: [], personsLow: null, personsHigh: null, personsDeclared: null, ...extra };
}

const at = (day: number): string => `2026-11-0${day}T15:00:00.000Z`;

test('public in the first run: "since" has no lower bound; still public has no end', () => {
  const tl = buildTimeline([seen(1, true)], [run(1)]);
  assert.equal(tl?.status, 'public');
  assert.deepEqual(tl?.windows[0]?.since, { after: null, afterRun: null, by: at(1), byRun: 'run1' });
  assert.equal(tl?.windows[0]?.resolved, null);
});

test('two windows, each bounded by the runs around it; an unknown run moves no bound', () => {
  const obs = [seen(1, false), seen(2, null), seen(3, true), seen(4, false), seen(5, true), seen(6, null), seen(7, true), seen(8, false)];
  const tl = buildTimeline(obs, [1, 2, 3, 4, 5, 6, 7, 8].map((d) => run(d)));
  assert.equal(tl?.status, 'resolved');
  assert.deepEqual(tl?.windows.map((w) => [w.since.after, w.since.by, w.resolved?.after, w.resolved?.by, w.publicRuns]), [
    [at(1), at(3), at(3), at(4), 1],
    [at(4), at(5), at(7), at(8), 2],
  ]);
  assert.equal(tl?.firstSeenPublic, at(3));
  assert.equal(tl?.lastSeenPublic, at(7));
  assert.deepEqual(tl?.resolvedAt, { after: at(7), afterRun: 'run7', by: at(8), byRun: 'run8' });
});

test('a partial run that sees it private does not resolve; the next complete one does', () => {
  const tl = buildTimeline([seen(1, true), seen(2, false), seen(3, false)], [run(1), run(2, { complete: false }), run(3)]);
  assert.deepEqual(tl?.runs.map((p) => p.state), ['public', 'unknown', 'private']);
  assert.deepEqual(tl?.windows[0]?.resolved, { after: at(1), afterRun: 'run1', by: at(3), byRun: 'run3' });
});

test('gone from a complete unfiltered run of its account resolves; a filtered, sharded or partial run without it says nothing', () => {
  const runs = [run(1), run(2, { bucketFilter: ['other-*'] }), run(3, { shard: { index: 1, count: 2 } }), run(4, { complete: false }), run(5, { accounts: ['999999999999'] }), run(6)];
  const tl = buildTimeline([seen(1, true)], runs);
  assert.deepEqual(tl?.runs.map((p) => [p.runId, p.state]), [['run1', 'public'], ['run6', 'absent']]);
  assert.equal(tl?.status, 'resolved');
  assert.equal(tl?.windows[0]?.resolved?.by, at(6));
});

test('a window keeps the capabilities, classes and the highest person count seen while public', () => {
  const obs = [
    seen(1, true, { personalData: true, classes: ['personal'], personsHigh: 40 }),
    seen(2, true, { list: true, personalData: true, classes: ['specific_personal_information'], personsHigh: 1500, personsDeclared: 1200 }),
  ];
  const w = buildTimeline(obs, [run(1), run(2)])?.windows[0];
  assert.deepEqual(w?.capabilities, ['read', 'list']);
  assert.deepEqual(w?.classes, ['personal', 'specific_personal_information']);
  assert.equal(w?.maxPersons, 1200, 'a declared count wins over the estimate of the same run');
  assert.equal(w?.personalData, true);
});

test('the run id depends on the snapshot content and shard, not on the key order', () => {
  const a = { provider: 'aws', collectedAt: '2026-11-01T00:00:00Z', accountId: '1', buckets: [] } as unknown as Snapshot;
  const b = { buckets: [], accountId: '1', collectedAt: '2026-11-01T00:00:00Z', provider: 'aws' } as unknown as Snapshot;
  assert.equal(runIdOf(a, null), runIdOf(b, null));
  assert.match(runIdOf(a, null), /^[0-9a-f]{32}$/);
  assert.notEqual(runIdOf(a, null), runIdOf(a, { index: 0, count: 2 }));
  assert.notEqual(runIdOf(a, null), runIdOf({ ...a, collectedAt: '2026-11-02T00:00:00Z' } as Snapshot, null));
});

test('--history targets: file paths and sqlite: are SQLite, postgres:// and postgresql:// are PostgreSQL', () => {
  assert.deepEqual(parseHistoryTarget('history.db'), { engine: 'sqlite', path: 'history.db', label: 'history.db' });
  assert.deepEqual(parseHistoryTarget('sqlite:/var/lib/kumoscan/h.db'), { engine: 'sqlite', path: '/var/lib/kumoscan/h.db', label: '/var/lib/kumoscan/h.db' });
  assert.deepEqual(parseHistoryTarget('sqlite:///var/lib/kumoscan/h.db'), { engine: 'sqlite', path: '/var/lib/kumoscan/h.db', label: '/var/lib/kumoscan/h.db' });
  assert.deepEqual(parseHistoryTarget('postgresql://ks:p%40ss@db:5432/kumoscan'), { engine: 'postgres', url: 'postgresql://ks:p%40ss@db:5432/kumoscan', label: 'postgresql://ks:***@db:5432/kumoscan' });
  assert.equal(parseHistoryTarget('sqlite:'), '--history sqlite: needs a file path (sqlite:history.db)');
  assert.equal(parseHistoryTarget('https://u:pw@x/y'), '--history https://u:***@x/y: only a file path, sqlite:PATH or postgres:// URLs are supported');
});

test('the password never survives in a message: URL user info, the URL password decoded, PGPASSWORD', () => {
  const target = parseHistoryTarget('postgres://ks:p%40ss@db/k');
  assert.ok(typeof target !== 'string');
  const secrets = secretsOf(target, { PGPASSWORD: 'env-Secret' });
  assert.deepEqual(secrets, ['p%40ss', 'p@ss', 'env-Secret']);
  assert.equal(scrub('failed for postgres://ks:p%40ss@db/k (password p@ss, env env-Secret)', secrets), 'failed for postgres://ks:***@db/k (password ***, env ***)');
  assert.equal(maskUrl('postgres://ks@db/k'), 'postgres://ks@db/k');
});

test('start-up does not load the database drivers (only the history code path does)', async () => {
  await import('../../src/cli.js');
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.deepEqual(loaded.filter((p) => /node_modules\/(pg|better-sqlite3|kysely)\//.test(p)), []);
});
