// The exposure history on both real engines (SQLite in a temporary folder, a PostgreSQL started by the test):
// three nightly runs from saved snapshots (private → public with My Numbers → fixed), a partial run in between,
// `history show` with the window and its bounds, re-storing a run, and a database that cannot be reached.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { createDatabase, type RunningPostgres } from '../helpers/postgres.js';
import { useHistoryDatabases } from '../helpers/history-databases.js';
import { EXPOSED_BUCKET, EXPOSED_ID, partialPrivateSnapshot, privateSnapshot, publicSnapshot, writeSnapshot } from '../helpers/history-snapshots.js';
import { openHistoryStore } from '../../src/history/open-store.js';
import { parseHistoryTarget } from '../../src/history/target.js';
import type { RunRecord } from '../../src/history/store.js';

const NIGHT1 = '2026-11-01T15:00:00.000Z';
const NIGHT2 = '2026-11-02T15:00:00.000Z';
const NIGHT3 = '2026-11-03T15:00:00.000Z';
const NIGHT4 = '2026-11-04T15:00:00.000Z';

const databases = useHistoryDatabases('kumoscan-history-');
let dir: string;
let pg: RunningPostgres;
let snaps: { night1: string; night2: string; night3Partial: string; night4: string };

before(async () => {
  ({ dir, pg } = await databases.ready);
  snaps = {
    night1: writeSnapshot(dir, 'night1.json', privateSnapshot(NIGHT1)),
    night2: writeSnapshot(dir, 'night2.json', publicSnapshot(NIGHT2)),
    night3Partial: writeSnapshot(dir, 'night3.json', partialPrivateSnapshot(NIGHT3)),
    night4: writeSnapshot(dir, 'night4.json', privateSnapshot(NIGHT4)),
  };
});

const engines = databases.engines;

async function scanInto(history: string, snapshot: string, extra: string[] = []): Promise<{ code: number | null; stderr: string }> {
  const r = await runCli(['scan', '--input', snapshot, '--format', 'json', '--out', join(dir, 'report.json'), '--fail-on', 'none', '-q', '--history', history, ...extra]);
  return { code: r.code, stderr: r.stderr };
}

async function showJson(history: string, resource = EXPOSED_BUCKET): Promise<Record<string, any>> {
  const r = await runCli(['history', 'show', resource, '--history', history, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { timeline: Record<string, any> }).timeline;
}

async function runsJson(history: string): Promise<Record<string, any>[]> {
  const r = await runCli(['history', 'runs', '--history', history, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { runs: Record<string, any>[] }).runs;
}

for (const engine of engines) {
  describe(`history on ${engine.name}`, () => {
    test('private → public with My Numbers → partial → fixed: the window and the bounds of each date', async () => {
      const history = await engine.fresh('scenario');
      for (const s of [snaps.night1, snaps.night2]) assert.deepEqual(await scanInto(history, s), { code: 0, stderr: '' });

      let tl = await showJson(history);
      assert.equal(tl.status, 'public');
      assert.equal(tl.resourceId, EXPOSED_ID);
      assert.deepEqual(tl.windows[0].since, { after: NIGHT1, afterRun: tl.runs[0].runId, by: NIGHT2, byRun: tl.runs[1].runId });

      // The partial run sees the bucket private, but a partial run never resolves: still public.
      assert.equal((await scanInto(history, snaps.night3Partial)).code, 3);
      tl = await showJson(history);
      assert.equal(tl.status, 'public');
      assert.equal(tl.resolvedAt, null);
      assert.deepEqual(tl.runs.map((p: { state: string; complete: boolean }) => [p.state, p.complete]), [['private', true], ['public', true], ['unknown', false]]);

      assert.equal((await scanInto(history, snaps.night4)).code, 0);
      tl = await showJson(history);
      assert.equal(tl.status, 'resolved');
      assert.equal(tl.firstSeenPublic, NIGHT2);
      assert.equal(tl.lastSeenPublic, NIGHT2);
      assert.equal(tl.windows.length, 1);
      const w = tl.windows[0];
      assert.equal(w.since.after, NIGHT1);
      assert.equal(w.since.by, NIGHT2);
      assert.equal(w.resolved.after, NIGHT2);
      assert.equal(w.resolved.by, NIGHT4, 'resolved by the complete run of night 4, not the partial run of night 3');
      assert.deepEqual(tl.resolvedAt, w.resolved);
      assert.deepEqual(w.capabilities, ['read', 'list']);
      assert.equal(w.personalData, true);
      assert.deepEqual(w.classes, ['personal', 'sensitive', 'specific_personal_information']);
      assert.equal(w.maxPersons, 1500);
      assert.equal(w.publicRuns, 1);

      const en = await runCli(['history', 'show', EXPOSED_BUCKET, '--history', history, '--lang', 'en']);
      assert.equal(en.code, 0, en.stderr);
      assert.match(en.stdout, new RegExp(`^Resource: ${EXPOSED_BUCKET} \\(arn:aws:s3:::${EXPOSED_BUCKET}\\) — resolved$`, 'm'));
      assert.match(en.stdout, new RegExp(`^  Public since: between ${NIGHT1} \\(seen private\\) and ${NIGHT2} \\(seen public\\)$`, 'm'));
      assert.match(en.stdout, new RegExp(`^  Resolved: between ${NIGHT2} \\(seen public\\) and ${NIGHT4} \\(seen private\\)$`, 'm'));
      assert.match(en.stdout, /^ {2}Personal data: found \(classes: personal, sensitive, specific_personal_information; up to 1500 persons\)$/m);
      assert.match(en.stdout, /unknown \(partial run: "private" here does not resolve\)$/m);
      const ja = await runCli(['history', 'show', EXPOSED_BUCKET, '--history', history, '--lang', 'ja']);
      assert.equal(ja.code, 0, ja.stderr);
      assert.match(ja.stdout, new RegExp(`^  公開開始: ${NIGHT1}（非公開を確認）から ${NIGHT2}（公開を確認）の間$`, 'm'));
      assert.match(ja.stdout, new RegExp(`^  解消: ${NIGHT2}（公開を確認）から ${NIGHT4}（非公開を確認）の間$`, 'm'));
      assert.match(ja.stdout, /— 解消済み$/m);
      assert.doesNotMatch(ja.stdout, /\b(public|private|resolved|between|Resource|Personal)\b/, 'the Japanese output has no English words');
      // Classes and counts only: no masked example and no object key of the sample is stored or shown.
      for (const out of [en.stdout, ja.stdout]) assert.doesNotMatch(out, /\*\*\*\*|employees\.csv/);
    });

    test('storing the same run twice is a no-op; runs lists each run once with its completeness', async () => {
      const history = await engine.fresh('rerun');
      for (const s of [snaps.night1, snaps.night2, snaps.night2, snaps.night3Partial]) await scanInto(history, s);
      const runs = await runsJson(history);
      assert.deepEqual(runs.map((r) => [r.scannedAt, r.complete, r.exposed]), [[NIGHT1, true, 1], [NIGHT2, true, 2], [NIGHT3, false, 1]]);
      assert.deepEqual(runs[1]?.findings, { critical: 1, high: 4, medium: 9, low: 4, info: 5 });
      const table = await runCli(['history', 'runs', '--history', history, '--lang', 'en']);
      assert.equal(table.code, 0, table.stderr);
      assert.match(table.stdout, /^3 runs \(oldest first\)$/m);
      assert.match(table.stdout, new RegExp(`^${runs[2]?.id.slice(0, 12)}\\s+${NIGHT3}\\s+aws\\s+111122223333\\s+-\\s+no \\(partial\\)\\s+3\\s+1\\s+`, 'm'));
      const tl = await showJson(history);
      assert.deepEqual(tl.runs.map((p: { state: string }) => p.state), ['private', 'public', 'unknown']);
    });

    test('the store keeps exact verdicts (null included), counts beyond 32 bits and 1,200 resources in one run; a second store is a no-op', async () => {
      const target = parseHistoryTarget(await engine.fresh('store'));
      assert.ok(typeof target !== 'string');
      const resources = Array.from({ length: 1200 }, (_, i) => ({
        resourceId: `arn:aws:s3:::b${i}`, name: `b${i}`, account: '111122223333', read: i === 0 ? true : i === 1 ? null : false, list: false, write: false, aclWrite: false,
        evidence: i === 0 ? ['bucket-policy Sid "PublicRead"'] : [], errors: i === 1 ? 1 : 0, personalData: i === 0 ? true : null,
        classes: i === 0 ? (['specific_personal_information'] as const).slice() : [], personsLow: i === 0 ? 1500 : null, personsHigh: i === 0 ? 15_000_000_000 : null, personsDeclared: null,
      }));
      const run: RunRecord = {
        id: 'r1', provider: 'aws', accounts: ['111122223333'], scannedAt: NIGHT1, version: '0.1.0', shard: { index: 1, count: 4 }, bucketFilter: ['b*'],
        source: 'live', complete: false, errors: 1, resources, findings: [{ findingId: 'public-read:arn:aws:s3:::b0', checkId: 'public-read', resourceId: 'arn:aws:s3:::b0', severity: 'critical' }],
      };
      const store = await openHistoryStore(target);
      try {
        assert.deepEqual(await store.storeRun(run), { runId: 'r1', stored: true });
        assert.deepEqual(await store.storeRun({ ...run, resources: [] }), { runId: 'r1', stored: false });
        const [summary] = await store.listRuns();
        assert.deepEqual({ ...summary, storedAt: undefined }, {
          id: 'r1', provider: 'aws', accounts: ['111122223333'], scannedAt: NIGHT1, storedAt: undefined, version: '0.1.0', shard: { index: 1, count: 4 }, bucketFilter: ['b*'],
          source: 'live', complete: false, errors: 1, resources: 1200, exposed: 1, findings: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
        });
        const [b0] = await store.observations('b0');
        assert.deepEqual(b0, { runId: 'r1', resourceId: 'arn:aws:s3:::b0', name: 'b0', account: '111122223333', read: true, list: false, write: false, aclWrite: false, errors: 0, personalData: true, classes: ['specific_personal_information'], personsLow: 1500, personsHigh: 15_000_000_000, personsDeclared: null });
        const [b1] = await store.observations('arn:aws:s3:::b1');
        assert.equal(b1?.read, null);
        assert.equal(b1?.personalData, null);
      } finally {
        await store.close();
      }
    });

    test('a database that cannot be reached: one line, password masked, the report still written, exit 3', async () => {
      const history = await engine.fresh('unreachable');
      const bad = engine.name === 'SQLite' ? join(dir, 'no-such-folder', 'h.db') : history.replace(`:${encodeURIComponent(pg.password)}@`, ':wrong-Secret-77@');
      const out = join(dir, 'unreachable-report.json');
      rmSync(out, { force: true });
      const r = await runCli(['scan', '--input', snaps.night2, '--format', 'json', '--out', out, '--fail-on', 'none', '-q', '--history', bad]);
      assert.equal(r.code, 3);
      assert.ok(existsSync(out), 'the report is written before the history');
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0] ?? '', /^kumoscan: the run was not stored in the history \(the report was written\): history /);
      assert.doesNotMatch(r.stderr, /wrong-Secret-77/);
      assert.doesNotMatch(r.stderr, new RegExp(pg.password));
      if (engine.name === 'PostgreSQL') assert.match(r.stderr, /postgres:\/\/kumoscan:\*\*\*@127\.0\.0\.1:\d+\/unreachable/);
    });
  });
}

describe('history from kumoscan.yml and bad input', () => {
  test('`history:` in kumoscan.yml is used by scan and by history runs', async () => {
    const work = mkdtempSync(join(dir, 'cfg-'));
    const db = join(work, 'from-config.db');
    writeFileSync(join(work, 'kumoscan.yml'), `version: 1\nhistory: ${db}\n`);
    const r = await runCli(['scan', '--input', snaps.night2, '--format', 'json', '--out', join(work, 'r.json'), '--fail-on', 'none', '-q'], {}, work);
    assert.equal(r.code, 0, r.stderr);
    const runs = await runCli(['history', 'runs', '--format', 'json'], {}, work);
    assert.equal(runs.code, 0, runs.stderr);
    assert.deepEqual((JSON.parse(runs.stdout) as { runs: { scannedAt: string }[] }).runs.map((x) => x.scannedAt), [NIGHT2]);
  });

  test('a snapshot without collectedAt cannot be dated: the report is written, the run is not stored, exit 3 (ja)', async () => {
    const undated = publicSnapshot(NIGHT2);
    delete undated.collectedAt;
    const file = writeSnapshot(dir, 'undated.json', undated);
    const db = join(dir, 'undated.db');
    const r = await runCli(['scan', '--input', file, '--format', 'json', '--out', join(dir, 'undated-report.json'), '--fail-on', 'none', '-q', '--lang', 'ja', '--history', db]);
    assert.equal(r.code, 3);
    assert.equal(r.stderr, `kumoscan: 実行を履歴に保存できませんでした（レポートは出力済み）: 履歴 ${db}: スナップショットに有効な "collectedAt" がないため、実行の日時を決められません\n`);
    assert.ok(existsSync(join(dir, 'undated-report.json')));
  });

  test('an unknown resource, a missing --history and an unsupported URL are usage errors (exit 2)', async () => {
    const db = join(dir, 'usage.db');
    await scanInto(db, snaps.night1);
    const unknown = await runCli(['history', 'show', 'no-such-bucket', '--history', db]);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, `kumoscan: no resource "no-such-bucket" in the history ${db}\n`);
    const missing = await runCli(['history', 'runs'], {}, mkdtempSync(join(dir, 'empty-')));
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'kumoscan: give --history PATH|URL (or `history:` in kumoscan.yml)\n');
    const mysql = await runCli(['scan', '--input', snaps.night1, '--history', 'mysql://root:hunter2@db/x', '-q']);
    assert.equal(mysql.code, 2);
    assert.match(mysql.stderr, /^kumoscan: --history mysql:\/\/\S+@db\/x: only a file path, sqlite:PATH or postgres:\/\/ URLs are supported\n$/);
    assert.doesNotMatch(mysql.stderr, /hunter2/);
  });
});
