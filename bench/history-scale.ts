// Benchmark: the exposure history at scale — RUNS nightly runs × RESOURCES resources written into SQLite (a file in a
// temporary folder) and PostgreSQL (a real server started like the e2e tests', test/helpers/postgres.ts), then the
// time of `kumoscan history show RESOURCE` (budget 1 s) and `kumoscan history trend` (budget 2 s) as a user runs
// them (a process each, start-up included; the median of 3), the same work in this process (open, query, compute,
// render: what the database and its indexes decide, without Node's start-up), and the database size per run.
// Synthetic runs: 1 % of the resources open to anyone on any night (a different 1 % over time, so windows open and
// close), a third of those with personal data; ~3 findings per 100 resources. Classes and counts only, as stored.
// Run: node dist/bench/history-scale.js [RUNS=365] [RESOURCES=10000] [ENGINES=sqlite,postgres]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHistoryStore } from '../src/history/open-store.js';
import type { FindingRecord, ResourceRecord, RunRecord } from '../src/history/store.js';
import { parseHistoryTarget } from '../src/history/target.js';
import { buildTimeline } from '../src/history/timeline.js';
import { trendRows, trendRowsOfCounts } from '../src/history/trend.js';
import { renderTrendHtml } from '../src/history/trend-render.js';
import { PACKAGE_ROOT } from '../src/package-info.js';
import { createDatabase, startPostgres, type RunningPostgres } from '../test/helpers/postgres.js';

const runs = Number(process.argv[2] ?? 365);
const resources = Number(process.argv[3] ?? 10_000);
const engines = (process.argv[4] ?? 'sqlite,postgres').split(',');
const SHOW_BUDGET_S = 1;
const TREND_BUDGET_S = 2;
const START = Date.parse('2025-12-01T15:00:00.000Z');
const DAY = 86_400_000;
/** The resource `history show` is timed on: public on some nights, private on others. */
const PROBE = 'bench-bucket-42';

function exposedOn(i: number, night: number): boolean {
  // Each resource is public for a 5-night stretch in every 500 nights, phase-shifted by its index.
  return (i * 5 + night) % 500 < 5;
}

function runOf(night: number): RunRecord {
  const rs: ResourceRecord[] = [];
  const fs: FindingRecord[] = [];
  for (let i = 0; i < resources; i++) {
    const open = exposedOn(i, night) || (i === 42 && night % 30 < 7);
    const personal = i % 3 === 0;
    const id = `arn:aws:s3:::bench-bucket-${i}`;
    rs.push({
      resourceId: id, name: `bench-bucket-${i}`, account: '111122223333', read: open, list: open && i % 2 === 0, write: false, aclWrite: false,
      evidence: open ? ['bucket-policy Sid "PublicRead"'] : [], errors: 0, personalData: i % 10 === 0 ? personal : null,
      classes: i % 10 === 0 && personal ? ['personal'] : [], personsLow: i % 10 === 0 && personal ? 120 : null, personsHigh: i % 10 === 0 && personal ? 480 : null, personsDeclared: null,
    });
    if (open) fs.push({ findingId: `public-read:${id}`, checkId: 'public-read', resourceId: id, severity: personal ? 'critical' : 'high' });
    if (i % 50 === night % 50) fs.push({ findingId: `no-versioning:${id}`, checkId: 'no-versioning', resourceId: id, severity: 'low' });
    if (i % 100 === 7) fs.push({ findingId: `no-logging:${id}`, checkId: 'no-logging', resourceId: id, severity: 'info' });
  }
  return {
    id: `bench-run-${night}`, provider: 'aws', accounts: ['111122223333'], scannedAt: new Date(START + night * DAY).toISOString(), version: 'bench',
    shard: null, bucketFilter: [], source: 'live', complete: night % 97 !== 13, errors: night % 97 === 13 ? 1 : 0, resources: rs, findings: fs,
  };
}

function cli(args: string[]): { seconds: number; code: number | null; bytes: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'kumoscan.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`kumoscan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds, code: r.status, bytes: Buffer.byteLength(r.stdout) };
}

function median3(args: string[]): { seconds: number; bytes: number } {
  const times = [cli(args), cli(args), cli(args)].sort((a, b) => a.seconds - b.seconds);
  return times[1] ?? times[0]!;
}

/** The median of 3 in-process runs of `work` on a freshly opened store (seconds). */
async function inProcess(history: string, work: (store: Awaited<ReturnType<typeof openHistoryStore>>) => Promise<unknown>): Promise<number> {
  const target = parseHistoryTarget(history);
  if (typeof target === 'string') throw new Error(target);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const store = await openHistoryStore(target);
    try {
      await work(store);
    } finally {
      await store.close();
    }
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return times.sort((a, b) => a - b)[1] ?? 0;
}

async function sizeOf(history: string): Promise<number> {
  if (!history.startsWith('postgres')) return [history, `${history}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: history, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    await c.query('VACUUM ANALYZE');
    const r = await c.query<{ size: string }>('SELECT pg_database_size(current_database())::text AS size');
    return Number(r.rows[0]?.size ?? 0);
  } finally {
    await c.end();
  }
}

async function bench(engine: string, history: string): Promise<void> {
  const target = parseHistoryTarget(history);
  if (typeof target === 'string') throw new Error(target);
  const store = await openHistoryStore(target);
  const started = process.hrtime.bigint();
  try {
    for (let night = 0; night < runs; night++) {
      await store.storeRun(runOf(night));
      if ((night + 1) % 50 === 0) process.stderr.write(`  ${engine}: ${night + 1}/${runs} runs written\n`);
    }
  } finally {
    await store.close();
  }
  const writeS = Number(process.hrtime.bigint() - started) / 1e9;
  const bytes = await sizeOf(history);
  const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`${engine}: load average ${load()} before the reads`);
  const show = median3(['history', 'show', PROBE, '--history', history, '--format', 'json']);
  const showTable = median3(['history', 'show', PROBE, '--history', history]);
  const trend = median3(['history', 'trend', '--history', history, '--format', 'json']);
  const trendHtml = median3(['history', 'trend', '--history', history, '--format', 'html']);
  const showIn = await inProcess(history, async (s) => {
    const { runs: all, observations } = await s.resourceHistory(PROBE);
    return buildTimeline(observations, all);
  });
  const trendIn = await inProcess(history, async (s) => renderTrendHtml(trendRowsOfCounts(await s.trendCounts()), 'en'));
  // The same with the reads the commands made before (one query for the rows and one for the runs; every finding id).
  const showOld = await inProcess(history, async (s) => buildTimeline(await s.observations(PROBE), await s.listRuns()));
  const trendOld = await inProcess(history, async (s) => renderTrendHtml(trendRows(await s.trendInputs()), 'en'));
  const rows = runs * resources;
  console.log(`${engine}: wrote ${runs} runs × ${resources} resources (${rows.toLocaleString('en-US')} resource rows) in ${writeS.toFixed(1)} s (${Math.round(rows / writeS).toLocaleString('en-US')} rows/s)`);
  console.log(`${engine}: database ${(bytes / 1048576).toFixed(1)} MiB, ${(bytes / runs / 1024).toFixed(0)} KiB per run`);
  console.log(`${engine}: history show ${PROBE} --format json  ${show.seconds.toFixed(2)} s (budget ${SHOW_BUDGET_S} s) ${show.seconds <= SHOW_BUDGET_S ? 'ok' : 'OVER'}`);
  console.log(`${engine}: history show ${PROBE} (table)        ${showTable.seconds.toFixed(2)} s (budget ${SHOW_BUDGET_S} s) ${showTable.seconds <= SHOW_BUDGET_S ? 'ok' : 'OVER'}`);
  console.log(`${engine}: in process (no start-up): show ${showIn.toFixed(2)} s, trend (html) ${trendIn.toFixed(2)} s; before (rows + runs, every finding id): show ${showOld.toFixed(2)} s, trend ${trendOld.toFixed(2)} s`);
  console.log(`${engine}: history trend --format json          ${trend.seconds.toFixed(2)} s (budget ${TREND_BUDGET_S} s) ${trend.seconds <= TREND_BUDGET_S ? 'ok' : 'OVER'}`);
  console.log(`${engine}: history trend --format html          ${trendHtml.seconds.toFixed(2)} s (budget ${TREND_BUDGET_S} s) ${trendHtml.seconds <= TREND_BUDGET_S ? 'ok' : 'OVER'} (${(trendHtml.bytes / 1024).toFixed(0)} KiB)`);
  console.log(`${engine}: load average ${load()} after the reads`);
}

const dir = mkdtempSync(join(tmpdir(), 'kumoscan-history-scale-'));
let pg: RunningPostgres | undefined;
try {
  console.log(`node ${process.version}; ${runs} runs × ${resources} resources; engines ${engines.join(', ')}`);
  const start = cli(['--version']);
  console.log(`kumoscan --version (start-up alone): ${start.seconds.toFixed(2)} s`);
  for (const engine of engines) {
    if (engine === 'sqlite') await bench('SQLite', join(dir, 'history.db'));
    else if (engine === 'postgres') {
      pg = await startPostgres();
      await bench('PostgreSQL', await createDatabase(pg, 'bench'));
    } else throw new Error(`unknown engine ${engine}`);
  }
} finally {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}
