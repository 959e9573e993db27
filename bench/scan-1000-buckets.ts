// Benchmark: moto filled with 1,000 buckets of mixed configurations, then one full scan (collect -> report).
// Prints buckets per second, API calls per bucket and the scanning process's peak RSS.
// Run: npm run bench   (or: node dist/bench/scan-1000-buckets.js [N] [CONCURRENCY])
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createAwsClients, type AwsClients } from '../providers/aws/clients.js';
import { collectAws } from '../providers/aws/collect.js';
import { withMiddleware } from '../providers/aws/client-middleware.js';
import { evaluateSnapshot } from '../src/scan.js';
import { PACKAGE_ROOT } from '../src/package-info.js';
import { MOTO_ENV, startMoto } from '../test/helpers/moto.js';

Object.assign(process.env, MOTO_ENV);
const n = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 8);

function countingClients(base: AwsClients, onCall: () => void): AwsClients {
  return withMiddleware(base, 'kumoscanBenchCounter', 'initialize', (next) => async (args) => {
    onCall();
    return next(args);
  });
}

const moto = await startMoto();
try {
  const seedStart = Date.now();
  const seeded = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'bench', 'seed-buckets.js'), moto.endpoint, String(n)], { stdio: 'inherit', env: process.env });
  if (seeded.status !== 0) throw new Error('seeding failed');
  console.log(`seeded ${n} buckets in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  let calls = 0;
  const clients = countingClients(createAwsClients({ endpointUrl: moto.endpoint, region: 'us-east-1' }), () => calls++);
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const snapshot = await collectAws({ clients, concurrency });
  const collected = process.hrtime.bigint();
  const report = evaluateSnapshot(snapshot, { source: 'live', failOn: 'high', scannedAt: new Date().toISOString() });
  const end = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpuStart);
  clients.destroy();

  const seconds = Number(end - start) / 1e9;
  const buckets = snapshot.buckets.length;
  console.log(JSON.stringify({
    buckets,
    concurrency,
    seconds: Number(seconds.toFixed(2)),
    collectSeconds: Number((Number(collected - start) / 1e9).toFixed(2)),
    evaluateMs: Number((Number(end - collected) / 1e6).toFixed(1)),
    bucketsPerSecond: Number((buckets / seconds).toFixed(1)),
    apiCalls: calls,
    apiCallsPerBucket: Number((calls / buckets).toFixed(2)),
    scannerCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    findings: report.findings.length,
    publicRead: report.summary.exposed.read,
    errors: report.errors.length,
    peakRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
    node: process.version,
  }, null, 2));
} finally {
  await moto.stop();
}
