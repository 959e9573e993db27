// Benchmark of the tools, not of the emulator: moto's answers for a seeded account of 20 template buckets (4 regions
// x 5 configurations, bench/seed-buckets.ts) are recorded once, then served from memory by the bench's replay server
// (bench/replay/server.ts) for 1,000 or 10,000 buckets, after a fixed added round trip per request. kumoscan (the
// CLI, a child process) and Prowler (from a bench-only venv, when installed) run against it in interleaved rounds.
// Prints per run: buckets/s, requests per bucket, round trips on the critical path per bucket, peak RSS, CPU, and the
// buckets each tool reported (must equal the account's); then medians and the kumoscan / Prowler ratio.
//
// Usage (after npm run build and the moto venv of npm test):
//   node dist/bench/scan-replay.js [--sizes 1000,10000] [--delays 0,30,100] [--rounds 2] [--tools kumoscan,prowler]
//                                  [--listing real,moto] [--concurrency 8] [--time-limit 1200] [--record]
// Prowler: python3 -m venv bench/.venv-prowler && bench/.venv-prowler/bin/pip install prowler==5.46.0
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-info.js';
import { MOTO_ENV, startMoto } from '../test/helpers/moto.js';
import { startRecorder } from './replay/record.js';
import { loadRecording, saveRecording, type Recording } from './replay/recording.js';
import { startReplayServer, type ReplayServer } from './replay/server.js';
import { criticalPath } from './replay/critical-path.js';

const TEMPLATE_BUCKETS = 20;
const OUT = join(PACKAGE_ROOT, 'bench', 'out');
const RECORDING = join(OUT, 'replay-recording.json');
const PROWLER = join(PACKAGE_ROOT, 'bench', '.venv-prowler', 'bin', 'prowler');
const KUMOSCAN = join(PACKAGE_ROOT, 'bin', 'kumoscan.js');

type Tool = 'kumoscan' | 'prowler';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const list = (name: string, fallback: string): string[] => arg(name, fallback).split(',').filter((s) => s.length > 0);

const sizes = list('sizes', '1000,10000').map(Number);
const delays = list('delays', '0,30,100').map(Number);
const rounds = Number(arg('rounds', '2'));
const listings = list('listing', 'real') as ('real' | 'moto')[];
const concurrency = Number(arg('concurrency', '8'));
/** A tool still running after this many seconds is stopped; its buckets/s is then at most buckets / seconds. */
const timeLimitS = Number(arg('time-limit', '1200'));
const tools = list('tools', existsSync(PROWLER) ? 'kumoscan,prowler' : 'kumoscan') as Tool[];

interface Command {
  argv: string[];
  env: NodeJS.ProcessEnv;
}

function kumoscanCommand(endpoint: string, outFile: string, extra: string[] = []): Command {
  return {
    argv: [process.execPath, KUMOSCAN, 'scan', 'aws', '--endpoint-url', endpoint, '--region', 'us-east-1', '--sample', 'none', '--concurrency', String(concurrency), '--format', 'json', '--out', outFile, '--fail-on', 'none', '--quiet', ...extra],
    env: { ...process.env, ...MOTO_ENV },
  };
}

function prowlerCommand(endpoint: string, outDir: string): Command {
  return {
    argv: [PROWLER, 'aws', '--service', 's3', '--output-formats', 'json-ocsf', '--output-directory', outDir, '--no-banner'],
    env: { ...process.env, ...MOTO_ENV, AWS_ENDPOINT_URL: endpoint, AWS_DEFAULT_REGION: 'us-east-1' },
  };
}

interface Measured {
  exit: number | null;
  timedOut: boolean;
  wallSeconds: number;
  peakRssMiB: number;
  cpuSeconds: number;
  stderrTail: string;
}

/** Runs a command under /usr/bin/time (its peak RSS and CPU), asynchronously: the replay server answers meanwhile. */
function measure(cmd: Command): Promise<Measured> {
  const timeFile = join(mkdtempSync(join(tmpdir(), 'kumoscan-bench-time-')), 'time');
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, ...cmd.argv], { env: cmd.env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL'); // its own process group: the tool and /usr/bin/time
    }, timeLimitS * 1000);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-2000);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      const times = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '' : '';
      const [rssKb, user, sys] = /^\d+ [\d.]+ [\d.]+$/.test(times) ? times.split(' ').map(Number) : [];
      resolve({ exit: code, timedOut, wallSeconds, peakRssMiB: (rssKb ?? 0) / 1024, cpuSeconds: (user ?? 0) + (sys ?? 0), stderrTail: stderr.slice(-400) });
    });
  });
}

/** Buckets a tool reported: kumoscan's JSON report's resources; Prowler's OCSF findings' S3 bucket resources. */
function reportedBuckets(tool: Tool, out: string): number {
  if (tool === 'kumoscan') {
    if (!existsSync(out)) return 0;
    return (JSON.parse(readFileSync(out, 'utf8')) as { resources: { name: string }[] }).resources.length;
  }
  const names = new Set<string>();
  if (!existsSync(out)) return 0;
  for (const f of readdirSync(out).filter((n) => n.endsWith('.ocsf.json'))) {
    const findings = JSON.parse(readFileSync(join(out, f), 'utf8')) as { resources?: { uid?: string; name?: string }[] }[];
    for (const finding of findings) for (const r of finding.resources ?? []) {
      const m = /(?:arn:aws:s3:::)?(bench-\d{5})$/.exec(r.uid ?? r.name ?? '');
      if (m?.[1]) names.add(m[1]);
    }
  }
  return names.size;
}

async function record(): Promise<Recording> {
  mkdirSync(OUT, { recursive: true });
  const moto = await startMoto();
  try {
    const seeded = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'bench', 'seed-buckets.js'), moto.endpoint, String(TEMPLATE_BUCKETS)], { stdio: 'inherit', env: { ...process.env, ...MOTO_ENV } });
    if (seeded.status !== 0) throw new Error('seeding failed');
    const recorder = await startRecorder(moto.endpoint);
    const work = mkdtempSync(join(tmpdir(), 'kumoscan-bench-record-'));
    // Every read either tool may send: kumoscan's with the cross-check (GetBucketPolicyStatus), Prowler's S3 checks.
    const k = await measure(kumoscanCommand(recorder.endpoint, join(work, 'k.json'), ['--cross-check-policy-status', '--sample', 'all']));
    console.error(`recorded kumoscan: exit ${k.exit}`);
    if (tools.includes('prowler')) {
      const p = await measure(prowlerCommand(recorder.endpoint, join(work, 'prowler')));
      console.error(`recorded Prowler: exit ${p.exit} ${p.exit !== 0 && p.exit !== 3 ? p.stderrTail : ''}`);
    }
    await recorder.close();
    const recording = recorder.recording();
    if (recording.buckets.length !== TEMPLATE_BUCKETS) throw new Error(`recorded ${recording.buckets.length} buckets, expected ${TEMPLATE_BUCKETS}`);
    saveRecording(RECORDING, recording);
    rmSync(work, { recursive: true, force: true });
    return recording;
  } finally {
    await moto.stop();
  }
}

interface Run {
  tool: Tool;
  buckets: number;
  delayMs: number;
  listing: 'real' | 'moto';
  round: number;
  exit: number | null;
  /** Stopped at --time-limit: bucketsPerSecond is an upper bound. */
  timedOut: boolean;
  seconds: number;
  bucketsPerSecond: number;
  requests: number;
  requestsPerBucket: number;
  bucketRequestsPerBucket: number;
  roundTripsPerBucket: number;
  roundTripsMax: number;
  roundTripsHistogram: Record<string, number>;
  bucketsSeenByServer: number;
  bucketsReported: number;
  peakRssMiB: number;
  cpuSeconds: number;
  misses: Record<string, number>;
}

async function runOnce(server: ReplayServer, recording: Recording, tool: Tool, buckets: number, delayMs: number, listing: 'real' | 'moto', round: number): Promise<Run> {
  server.reset({ buckets, delayMs, bucketRegion: listing === 'real' });
  const work = mkdtempSync(join(tmpdir(), `kumoscan-bench-${tool}-`));
  const out = tool === 'kumoscan' ? join(work, 'report.json') : join(work, 'prowler');
  const m = await measure(tool === 'kumoscan' ? kumoscanCommand(server.endpoint, out) : prowlerCommand(server.endpoint, out));
  const log = server.log;
  const path = criticalPath(log);
  const bucketRequests = log.filter((r) => r.bucket !== undefined).length;
  const run: Run = {
    tool,
    buckets,
    delayMs,
    listing,
    round,
    exit: m.exit,
    timedOut: m.timedOut,
    seconds: Number(m.wallSeconds.toFixed(2)),
    bucketsPerSecond: Number((buckets / m.wallSeconds).toFixed(1)),
    requests: log.length,
    requestsPerBucket: Number((log.length / buckets).toFixed(2)),
    bucketRequestsPerBucket: Number((bucketRequests / buckets).toFixed(2)),
    roundTripsPerBucket: Number(path.mean.toFixed(2)),
    roundTripsMax: path.max,
    roundTripsHistogram: path.histogram,
    bucketsSeenByServer: path.buckets,
    bucketsReported: reportedBuckets(tool, out),
    peakRssMiB: Number(m.peakRssMiB.toFixed(1)),
    cpuSeconds: Number(m.cpuSeconds.toFixed(2)),
    misses: Object.fromEntries(server.misses),
  };
  if (m.exit !== 0 && !(tool === 'prowler' && m.exit === 3)) console.error(`${tool} exit ${m.exit}: ${m.stderrTail}`);
  rmSync(work, { recursive: true, force: true });
  void recording;
  return run;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const recording = process.argv.includes('--record') || !existsSync(RECORDING) ? await record() : loadRecording(RECORDING);
const server = await startReplayServer(recording, { buckets: 0, delayMs: 0, bucketRegion: true });
const runs: Run[] = [];
try {
  for (const buckets of sizes) {
    for (const delayMs of delays) {
      for (const listing of listings) {
        for (let round = 0; round < rounds; round++) {
          // Interleaved: the order flips every round, so the machine's load weighs on both tools alike.
          const order = round % 2 === 0 ? tools : [...tools].reverse();
          for (const tool of order) {
            if (tool === 'prowler' && listing === 'moto' && listings.includes('real')) continue; // Prowler asks every bucket's location either way
            const run = await runOnce(server, recording, tool, buckets, delayMs, listing, round);
            runs.push(run);
            console.log(JSON.stringify(run));
          }
        }
      }
    }
  }
} finally {
  await server.close();
}

console.log('\n| buckets | added RTT (ms) | listing | tool | runs | buckets/s (median) | requests / bucket | round trips / bucket (critical path) | peak RSS (MiB) | CPU (s) | buckets counted | ratio kumoscan / Prowler |');
console.log('|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---|---:|');
for (const buckets of sizes) {
  for (const delayMs of delays) {
    for (const listing of listings) {
      const of = (tool: Tool): Run[] => runs.filter((r) => r.tool === tool && r.buckets === buckets && r.delayMs === delayMs && (r.listing === listing || tool === 'prowler'));
      const k = median(of('kumoscan').map((r) => r.bucketsPerSecond));
      const p = median(of('prowler').map((r) => r.bucketsPerSecond));
      for (const tool of tools) {
        const rs = of(tool);
        if (rs.length === 0 || (tool === 'prowler' && listing === 'moto' && listings.includes('real'))) continue;
        const counted = rs.map((r) => (r.timedOut ? `stopped at ${timeLimitS} s` : `${r.bucketsReported}`)).join('/');
        const prowlerCut = of('prowler').some((r) => r.timedOut);
        const ratio = tool === 'kumoscan' && p > 0 ? `${prowlerCut ? '≥ ' : ''}${(k / p).toFixed(1)}` : '';
        console.log(
          `| ${buckets} | ${delayMs} | ${listing === 'real' ? 'BucketRegion' : 'no BucketRegion'} | ${tool} | ${rs.length} | ${rs.some((r) => r.timedOut) ? '≤ ' : ''}${median(rs.map((r) => r.bucketsPerSecond)).toFixed(1)} | ${median(rs.map((r) => r.requestsPerBucket)).toFixed(2)} | ${median(rs.map((r) => r.roundTripsPerBucket)).toFixed(2)} | ${Math.max(...rs.map((r) => r.peakRssMiB)).toFixed(0)} | ${median(rs.map((r) => r.cpuSeconds)).toFixed(1)} | ${counted} of ${buckets} | ${ratio} |`,
        );
      }
    }
  }
}
