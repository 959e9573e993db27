// Benchmark: how long kumoscan takes to start, as a ratio to starting Node itself, measured in one run so that the
// machine's load affects both sides alike. Each command runs RUNS times, the three interleaved (node -e 0, then
// kumoscan --version, then scan --input, then again), and the median wall time of each is compared. Also prints
// the peak RSS of one run of each (from /usr/bin/time when installed).
// Budgets (issue 14): `kumoscan --version` ≤ 3× `node -e 0`; `kumoscan scan --input <the AWS example>` ≤ 5×.
// Exit 1 when a budget is exceeded.
// Run: node dist/bench/start-up.js [RUNS=15]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-info.js';

const runs = Number(process.argv[2] ?? 15);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node dist/bench/start-up.js [RUNS=15]');
  process.exit(2);
}

const bin = join(PACKAGE_ROOT, 'bin', 'kumoscan.js');
const example = join(PACKAGE_ROOT, 'examples', 'aws-hr-system.snapshot.json');

interface Case {
  name: string;
  args: string[];
  /** Budget as a multiple of `node -e 0`; none for the reference itself. */
  budget?: number;
  /** Exit codes that mean the command did its work (scan --input of the example exits 3: one bucket was denied). */
  codes: number[];
}

const CASES: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'], codes: [0] },
  { name: 'kumoscan --version', args: [bin, '--version'], budget: 3, codes: [0] },
  { name: 'kumoscan scan --input examples/aws-hr-system.snapshot.json', args: [bin, 'scan', '--input', example, '--fail-on', 'none', '-q'], budget: 5, codes: [0, 3] },
];

function once(c: Case): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status === null || !c.codes.includes(r.status)) {
    console.error(`${c.name}: exit ${r.status ?? r.signal}\n${r.stderr}`);
    process.exit(2);
  }
  return ms;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Peak RSS in MiB of one run, when GNU time is installed. */
function peakRss(c: Case): string {
  if (!existsSync('/usr/bin/time')) return '—';
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...c.args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const kib = Number(r.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kib) ? (kib / 1024).toFixed(1) : '—';
}

// One warm-up run of each (the file system cache), not counted.
for (const c of CASES) once(c);
const times = CASES.map(() => [] as number[]);
for (let i = 0; i < runs; i++) CASES.forEach((c, j) => times[j]?.push(once(c)));

const reference = median(times[0] ?? []);
let over = false;
console.log(`start-up, median of ${runs} interleaved runs (Node ${process.version})`);
console.log('| command | median (ms) | × node -e 0 | budget | peak RSS (MiB) |');
console.log('|---|---:|---:|---:|---:|');
CASES.forEach((c, j) => {
  const m = median(times[j] ?? []);
  const ratio = m / reference;
  const within = c.budget === undefined || ratio <= c.budget;
  if (!within) over = true;
  console.log(`| \`${c.name}\` | ${m.toFixed(0)} | ${ratio.toFixed(2)} | ${c.budget === undefined ? '—' : `≤ ${c.budget}× ${within ? 'ok' : 'OVER'}`} | ${peakRss(c)} |`);
});
process.exitCode = over ? 1 : 0;
