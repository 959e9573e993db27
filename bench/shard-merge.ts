// Benchmark: moto filled with N buckets; one full scan, then the same account in K shards (--shard i/K, run one
// after the other here: on K machines they run side by side), then `kumoscan merge` of the K shard reports.
// Prints the time and API calls of the single run and of each shard, the merge time, and whether the merged report
// equals the single run's (scannedAt and the IAM read time blanked, as in test/unit/merge.test.ts).
// Run: node dist/bench/shard-merge.js [N=1000] [K=4] [CONCURRENCY=8]
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { createAwsClients, type AwsClients } from '../providers/aws/clients.js';
import { collectAws } from '../providers/aws/collect.js';
import { mergeReports } from '../reports/merge.js';
import type { Report } from '../reports/render/json.js';
import { compileBucketFilter } from '../src/bucket-filter.js';
import { evaluateSnapshot } from '../src/scan.js';
import { PACKAGE_ROOT } from '../src/package-info.js';
import type { Shard } from '../src/shard.js';
import { MOTO_ENV, startMoto } from '../test/helpers/moto.js';

Object.assign(process.env, MOTO_ENV);
const n = Number(process.argv[2] ?? 1000);
const k = Number(process.argv[3] ?? 4);
const concurrency = Number(process.argv[4] ?? 8);

interface Countable {
  middlewareStack: { add(mw: (next: (a: unknown) => Promise<unknown>) => (a: unknown) => Promise<unknown>, opts: { step: 'initialize'; name: string }): void };
}

/** Clients that count every API call they send. */
function counted(base: AwsClients): { clients: AwsClients; calls: () => number } {
  let calls = 0;
  const seen = new WeakSet<object>();
  const count = <T extends object>(client: T): T => {
    if (!seen.has(client)) {
      seen.add(client);
      (client as unknown as Countable).middlewareStack.add((next) => async (args) => {
        calls++;
        return next(args);
      }, { step: 'initialize', name: 'kumoscanBenchCounter' });
    }
    return client;
  };
  count(base.sts);
  count(base.s3control);
  count(base.iam);
  return { clients: { ...base, s3: (region: string) => count(base.s3(region)) }, calls: () => calls };
}

/** One run (the whole account, or one shard): its report, wall seconds and API calls. */
async function run(endpoint: string, shard?: Shard): Promise<{ report: Report; seconds: number; calls: number; buckets: number }> {
  const { clients, calls } = counted(createAwsClients({ endpointUrl: endpoint, region: 'us-east-1' }));
  const start = process.hrtime.bigint();
  const snapshot = await collectAws({ clients, concurrency, filter: compileBucketFilter([], shard) });
  const report = evaluateSnapshot(snapshot, { source: 'live', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z', ...(shard ? { shard } : {}) });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clients.destroy();
  return { report, seconds, calls: calls(), buckets: snapshot.buckets.length };
}

/** What differs between two runs by nature: the time IAM was read. */
function comparable(report: Report): unknown {
  return JSON.parse(JSON.stringify({ ...report, identities: report.identities.map((i) => ({ ...i, asOf: '' })) }));
}

const moto = await startMoto();
try {
  const seeded = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'bench', 'seed-buckets.js'), moto.endpoint, String(n)], { stdio: 'inherit', env: process.env });
  if (seeded.status !== 0) throw new Error('seeding failed');
  const single = await run(moto.endpoint);
  const shards = [];
  for (let index = 0; index < k; index++) shards.push(await run(moto.endpoint, { index, count: k }));
  const mergeStart = process.hrtime.bigint();
  const merged = mergeReports(shards.map((s) => s.report));
  const mergeMs = Number(process.hrtime.bigint() - mergeStart) / 1e6;
  const slowest = Math.max(...shards.map((s) => s.seconds));
  console.log(JSON.stringify({
    buckets: n,
    shards: k,
    concurrency,
    single: { seconds: Number(single.seconds.toFixed(2)), apiCalls: single.calls, findings: single.report.findings.length },
    perShard: shards.map((s) => ({ buckets: s.buckets, seconds: Number(s.seconds.toFixed(2)), apiCalls: s.calls })),
    slowestShardSeconds: Number(slowest.toFixed(2)),
    shardApiCallsTotal: shards.reduce((a, s) => a + s.calls, 0),
    mergeMs: Number(mergeMs.toFixed(1)),
    mergedEqualsSingle: isDeepStrictEqual(comparable(merged), comparable(single.report)),
    peakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    node: process.version,
  }, null, 2));
} finally {
  await moto.stop();
}
