// `kumoscan history trend` and `history prune` on both real engines (SQLite in a temporary folder, a PostgreSQL
// started by the test), and concurrent writers: shard processes writing at once into one fresh database, each shard
// started twice so the same run is written twice at the same moment — no row lost, none duplicated.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocalTime } from '../../src/text/local-time.js';
import { runCli } from '../helpers/cli.js';
import { createDatabase, type RunningPostgres } from '../helpers/postgres.js';
import { useHistoryDatabases } from '../helpers/history-databases.js';
import { EXPOSED_BUCKET, partialPrivateSnapshot, privateSnapshot, publicSnapshot, writeSnapshot } from '../helpers/history-snapshots.js';
import { openHistoryStore } from '../../src/history/open-store.js';
import { parseHistoryTarget } from '../../src/history/target.js';
import type { TrendInput } from '../../src/history/store.js';

const NIGHTS = ['2026-11-01T15:00:00.000Z', '2026-11-02T15:00:00.000Z', '2026-11-03T15:00:00.000Z', '2026-11-04T15:00:00.000Z'] as const;
const DAY = 86_400_000;

interface ReportJson {
  scannedAt: string;
  summary: { complete: boolean; findings: Record<string, number> };
  findings: { id: string }[];
  resources: { id: string; exposure: Record<string, boolean | null>; data?: { personalData: boolean } | null }[];
}

const databases = useHistoryDatabases('kumoscan-history-ops-');
let dir: string;
let pg: RunningPostgres;

before(async () => {
  ({ dir, pg } = await databases.ready);
});

const engines = databases.engines;

/** Scans a snapshot into the history; returns the report it wrote. */
async function scanInto(history: string, snapshot: string, name: string, extra: string[] = []): Promise<{ code: number | null; stderr: string; report: ReportJson }> {
  const out = join(dir, `${name}.report.json`);
  const r = await runCli(['scan', '--input', snapshot, '--format', 'json', '--out', out, '--fail-on', 'none', '-q', '--history', history, ...extra]);
  return { code: r.code, stderr: r.stderr, report: JSON.parse(readFileSync(out, 'utf8')) as ReportJson };
}

const isExposed = (r: ReportJson['resources'][number]): boolean => ['read', 'list', 'write', 'aclWrite'].some((c) => r.exposure[c] === true);

/** Snapshot of the HR fixture with each bucket copied `copies` times under new names (its sample follows it). */
function manyBuckets(collectedAt: string, copies: number): Record<string, unknown> {
  const base = publicSnapshot(collectedAt) as { buckets: { Name: string }[]; samples: Record<string, unknown> };
  const buckets: unknown[] = [];
  const samples: Record<string, unknown> = {};
  for (let k = 0; k < copies; k++) {
    for (const b of base.buckets) {
      const name = `${b.Name}-${k}`;
      buckets.push(JSON.parse(JSON.stringify(b).split(b.Name).join(name)));
      const sample = base.samples[`arn:aws:s3:::${b.Name}`];
      if (sample !== undefined) samples[`arn:aws:s3:::${name}`] = JSON.parse(JSON.stringify(sample).split(b.Name).join(name));
    }
  }
  return { ...base, buckets, samples };
}

for (const engine of engines) {
  describe(`history trend and prune on ${engine.name}`, () => {
    test('trend: per run the severities, new and resolved findings (a partial run resolves nothing), exposed resources with personal data', async () => {
      const history = await engine.fresh('trend');
      const snaps = [privateSnapshot(NIGHTS[0]), publicSnapshot(NIGHTS[1]), partialPrivateSnapshot(NIGHTS[2]), privateSnapshot(NIGHTS[3])];
      const reports: ReportJson[] = [];
      for (const [i, s] of snaps.entries()) {
        const r = await scanInto(history, writeSnapshot(dir, `trend-${engine.name}-${i}.json`, s), `trend-${engine.name}-${i}`);
        assert.equal(r.code, i === 2 ? 3 : 0, r.stderr);
        reports.push(r.report);
      }
      assert.deepEqual(reports.map((r) => r.summary.complete), [true, true, false, true]);
      const res = await runCli(['history', 'trend', '--history', history, '--format', 'json']);
      assert.equal(res.code, 0, res.stderr);
      const trend = (JSON.parse(res.stdout) as { trend: Record<string, any>[] }).trend;

      // Expected values from the reports the scans wrote: the open findings are those of the last complete run
      // plus what a partial run saw since.
      const ids = reports.map((r) => new Set(r.findings.map((f) => f.id)));
      const minus = (a: Set<string>, b: Set<string>): number => [...a].filter((x) => !b.has(x)).length;
      const open2 = new Set([...(ids[1] ?? []), ...(ids[2] ?? [])]);
      const expected = [
        { newFindings: ids[0]?.size, resolvedFindings: 0 },
        { newFindings: minus(ids[1]!, ids[0]!), resolvedFindings: minus(ids[0]!, ids[1]!) },
        { newFindings: minus(ids[2]!, ids[1]!), resolvedFindings: null },
        { newFindings: minus(ids[3]!, open2), resolvedFindings: minus(open2, ids[3]!) },
      ];
      assert.deepEqual(trend.map((t) => ({ newFindings: t.newFindings, resolvedFindings: t.resolvedFindings })), expected);
      assert.deepEqual(trend.map((t) => t.scannedAt), [...NIGHTS]);
      assert.deepEqual(trend.map((t) => t.complete), [true, true, false, true]);
      assert.deepEqual(trend.map((t) => t.findings), reports.map((r) => r.summary.findings));
      assert.deepEqual(trend.map((t) => t.exposedPersonal), reports.map((r) => r.resources.filter((x) => isExposed(x) && x.data?.personalData === true).length));
      // The scenario itself: the My Number bucket's exposure adds findings on night 2 and night 4 resolves them.
      assert.ok(expected[1]!.newFindings! > 0 && expected[3]!.resolvedFindings! > 0, JSON.stringify(expected));
      assert.equal(trend[1]!.exposedPersonal - trend[0]!.exposedPersonal, 1, 'night 2 adds the exposed My Number bucket');

      const en = await runCli(['history', 'trend', '--history', history, '--lang', 'en']);
      assert.equal(en.code, 0, en.stderr);
      assert.match(en.stdout, /^Trend over 4 runs \(oldest first\)$/m);
      assert.match(en.stdout, new RegExp(`^${formatLocalTime(NIGHTS[2])}\\s+[0-9a-f]{12}\\s+aws\\s+111122223333\\s+-\\s+no \\(partial\\)(\\s+\\d+){6}\\s+${expected[2]!.newFindings}\\s+unknown\\s+${trend[2]!.exposedPersonal}$`, 'm'));
      assert.match(en.stdout, new RegExp(`^${formatLocalTime(NIGHTS[3])}\\s+[0-9a-f]{12}\\s+aws\\s+111122223333\\s+-\\s+yes(\\s+\\d+){6}\\s+${expected[3]!.newFindings}\\s+${expected[3]!.resolvedFindings}\\s+${trend[3]!.exposedPersonal}$`, 'm'));
      const ja = await runCli(['history', 'trend', '--history', history, '--lang', 'ja']);
      assert.equal(ja.code, 0, ja.stderr);
      assert.match(ja.stdout, /^4 件の実行の推移（古い順）$/m);
      assert.match(ja.stdout, new RegExp(`^${formatLocalTime(NIGHTS[2])}\\s+[0-9a-f]{12}\\s+aws\\s+111122223333\\s+-\\s+いいえ（部分）.*\\s不明\\s`, 'm'));
      assert.doesNotMatch(ja.stdout, /\b(new|resolved|findings|partial|unknown|yes|no|Trend|critical|high)\b/i, 'the Japanese output has no English words');

      const html = await runCli(['history', 'trend', '--history', history, '--format', 'html', '--lang', 'ja']);
      assert.equal(html.code, 0, html.stderr);
      assert.match(html.stdout, /^<!DOCTYPE html>\n<html lang="ja" data-lang="ja">/);
      assert.match(html.stdout, /<section class="history-trend" id="history-trend"><h2>露出の推移<\/h2><figure class="chart" id="chart-history-trend">/);
      assert.equal(html.stdout.match(/<g class="tr-run/g)?.length, 4, 'one bar per run');
      assert.equal(html.stdout.match(/<g class="tr-run tr-partial"/g)?.length, 1, 'the partial run is marked');
      assert.equal(html.stdout.match(/<tr data-run="[0-9a-f]+"/g)?.length, 4, 'one table row per run');
      assert.doesNotMatch(html.stdout, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no script, nothing loaded');
      for (const out of [en.stdout, ja.stdout, html.stdout, res.stdout]) assert.doesNotMatch(out, /\*\*\*\*|employees\.csv|山田/, 'no masked value nor object key');
    });

    test('prune --keep-days N removes the older runs with their rows in one go and says what it removed', async () => {
      const history = await engine.fresh('prune');
      const now = Date.now();
      const dates = [now - 40 * DAY, now - 35 * DAY, now - 2 * DAY].map((t) => new Date(t).toISOString());
      const reports: ReportJson[] = [];
      for (const [i, at] of dates.entries()) reports.push((await scanInto(history, writeSnapshot(dir, `prune-${engine.name}-${i}.json`, i === 1 ? publicSnapshot(at) : privateSnapshot(at)), `prune-${engine.name}-${i}`)).report);

      const json = await runCli(['history', 'prune', '--keep-days', '30', '--history', history, '--format', 'json']);
      assert.equal(json.code, 0, json.stderr);
      const pruned = (JSON.parse(json.stdout) as { prune: Record<string, any> }).prune;
      assert.equal(pruned.keepDays, 30);
      assert.ok(Math.abs(Date.parse(pruned.before) - (now - 30 * DAY)) < 10 * 60_000, pruned.before);
      assert.deepEqual(pruned.runs.map((r: { scannedAt: string }) => r.scannedAt), dates.slice(0, 2));
      assert.equal(pruned.resourceRows, reports[0]!.resources.length + reports[1]!.resources.length);
      assert.equal(pruned.findingRows, reports[0]!.findings.length + reports[1]!.findings.length);

      const runs = await runCli(['history', 'runs', '--history', history, '--format', 'json']);
      assert.deepEqual((JSON.parse(runs.stdout) as { runs: { scannedAt: string }[] }).runs.map((r) => r.scannedAt), [dates[2]]);
      // The pruned runs' resource rows are gone: the bucket's timeline has one run left.
      const show = await runCli(['history', 'show', EXPOSED_BUCKET, '--history', history, '--format', 'json']);
      assert.equal(show.code, 0, show.stderr);
      assert.deepEqual((JSON.parse(show.stdout) as { timeline: { runs: { scannedAt: string }[]; status: string } }).timeline.runs.map((r) => r.scannedAt), [dates[2]]);
      const target = parseHistoryTarget(history);
      assert.ok(typeof target !== 'string');
      const store = await openHistoryStore(target);
      try {
        const inputs: TrendInput[] = await store.trendInputs();
        assert.deepEqual(inputs.map((x) => x.findingIds.length), [reports[2]!.findings.length], 'only the kept run\'s findings remain');
      } finally {
        await store.close();
      }

      const again = await runCli(['history', 'prune', '--keep-days', '30', '--history', history, '--lang', 'en']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /^Nothing to remove: no run was collected before \d{4}-\d\d-\d\d \d\d:\d\d JST \(keeping 30 days\)\.\n$/);
      const one = await runCli(['history', 'prune', '--keep-days', '1', '--history', history, '--lang', 'ja']);
      assert.equal(one.code, 0, one.stderr);
      assert.match(one.stdout, new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d JST より前に収集された実行 1 件を削除しました（保持 1 日）: リソースの行 ${reports[2]!.resources.length} 件、指摘の行 ${reports[2]!.findings.length} 件。\\n  ${formatLocalTime(dates[2] ?? '')}  [0-9a-f]{12}  ${reports[2]!.resources.length}  完全\\n$`));
    });
  });
}

describe('history prune and trend: bad input and an unreachable database', () => {
  test('--keep-days must be a positive whole number: one line, exit 2, nothing opened', async () => {
    const db = join(dir, 'never-created.db');
    for (const bad of ['0', '-3', '1.5', 'abc', '7d', '']) {
      const r = await runCli(['history', 'prune', '--keep-days', bad, '--history', db]);
      assert.equal(r.code, 2, `${bad}: ${r.stderr}`);
      assert.equal(r.stderr, `kumoscan: --keep-days must be a positive whole number of days (1 to 365000), not "${bad}"\n`);
    }
    // Without --keep-days: a usage error (exit 2) like every other parsing error.
    const missing = await runCli(['history', 'prune', '--history', db]);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /required option '--keep-days <n>' not specified/);
    const noResource = await runCli(['history', 'show', '--history', db]);
    assert.equal(noResource.code, 2, noResource.stderr);
  });

  test('trend and prune against a PostgreSQL that refuses the password: one line, password masked, exit 3', async () => {
    const url = (await createDatabase(pg, 'refused')).replace(`:${encodeURIComponent(pg.password)}@`, ':wrong-Secret-91@');
    for (const args of [['trend'], ['prune', '--keep-days', '30']]) {
      const r = await runCli(['history', ...args, '--history', url]);
      assert.equal(r.code, 3, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^kumoscan: history postgres:\/\/kumoscan:\*\*\*@127\.0\.0\.1:\d+\/refused: cannot open: .+\n$/);
      assert.doesNotMatch(r.stderr, /wrong-Secret-91/);
    }
  });
});

for (const engine of engines) {
  describe(`concurrent writers on ${engine.name}`, () => {
    test('4 shards written at once into a fresh database, each shard twice at the same moment: no row lost or duplicated', async () => {
      const history = await engine.fresh('shards');
      const snapshot = writeSnapshot(dir, `shards-${engine.name}.json`, manyBuckets(NIGHTS[1], 60));
      const COUNT = 4;
      const jobs = Array.from({ length: COUNT * 2 }, (_, j) => ({ shard: j % COUNT, copy: Math.floor(j / COUNT) }));
      const results = await Promise.all(jobs.map((j) => scanInto(history, snapshot, `shards-${engine.name}-${j.shard}-${j.copy}`, ['--shard', `${j.shard}/${COUNT}`])));
      for (const r of results) assert.deepEqual({ code: r.code, stderr: r.stderr }, { code: 0, stderr: '' });
      const byShard = results.slice(0, COUNT).map((r) => r.report);
      assert.equal(byShard.reduce((n, r) => n + r.resources.length, 0), 180, 'the shards cover every bucket once');

      const target = parseHistoryTarget(history);
      assert.ok(typeof target !== 'string');
      const store = await openHistoryStore(target);
      let inputs: TrendInput[];
      try {
        inputs = await store.trendInputs();
      } finally {
        await store.close();
      }
      assert.equal(inputs.length, COUNT, 'one run per shard, the second write of each a no-op');
      const sorted = [...inputs].sort((a, b) => (a.run.shard?.index ?? 0) - (b.run.shard?.index ?? 0));
      assert.deepEqual(sorted.map((x) => x.run.shard), byShard.map((_, i) => ({ index: i, count: COUNT })));
      assert.deepEqual(sorted.map((x) => x.run.resources), byShard.map((r) => r.resources.length));
      assert.deepEqual(sorted.map((x) => [...x.findingIds].sort()), byShard.map((r) => r.findings.map((f) => f.id).sort()));
      assert.deepEqual(sorted.map((x) => x.exposedPersonal), byShard.map((r) => r.resources.filter((x) => isExposed(x) && x.data?.personalData === true).length));

      // Row by row: every resource of every shard once, none twice, in the resource_states table itself.
      const rows = await resourceRows(history);
      const expectedRows = byShard.flatMap((r, i) => r.resources.map((x) => `${sorted[i]!.run.id} ${x.id}`)).sort();
      assert.deepEqual(rows, expectedRows);
    });
  });
}

/** Every (run, resource) row of resource_states, straight from the database. */
async function resourceRows(history: string): Promise<string[]> {
  if (history.startsWith('postgres')) {
    const { default: pgLib } = await import('pg');
    const c = new pgLib.Client({ connectionString: history, connectionTimeoutMillis: 10_000 });
    await c.connect();
    try {
      const r = await c.query<{ run_id: string; resource_id: string }>('SELECT run_id, resource_id FROM resource_states');
      return r.rows.map((x) => `${x.run_id} ${x.resource_id}`).sort();
    } finally {
      await c.end();
    }
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(history, { readonly: true });
  try {
    return (db.prepare('SELECT run_id, resource_id FROM resource_states').all() as { run_id: string; resource_id: string }[]).map((x) => `${x.run_id} ${x.resource_id}`).sort();
  } finally {
    db.close();
  }
}
