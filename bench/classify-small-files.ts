// Benchmark: `kumoscan classify` over a folder of ~200,000 small files (issue 19, item 3) against `rg` looking for
// the same four shapes (My Number, card number, phone, e-mail) in the same files, in the same run.
//   - the corpus: bench/corpus.ts, seeds 1..SEEDS of 3,000 person records each (about 1,040 files of ~1 KB a seed),
//     written once into DIR (kept for the next run; labels.jsonl removed so that every file is a small one);
//   - each command runs as a child under /usr/bin/time: user + system CPU seconds and peak RSS are the child's own;
//   - kumoscan: `classify DIR --format json` (the 100 riskiest files and the totals) and `--format jsonl` (one line
//     per file), OCR off (there are no pictures); the size of each result;
//   - rg: one thread (`-j1`), every file (`--no-ignore --hidden`), the four patterns at once, counts per file.
// MB per CPU-second = corpus bytes ÷ the child's CPU seconds (the machine is shared: wall time is not compared).
// Run (after `npm run build`): node dist/bench/classify-small-files.js DIR [SEEDS=200]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, writeCorpus } from './corpus.js';

const MB = 1_000_000;
const RECORDS_PER_SEED = 3000;
const kumoscan = fileURLToPath(new URL('../../bin/kumoscan.js', import.meta.url));

/** The four shapes rg looks for: a 12-digit run, a 16-digit card (separators allowed), a phone, an e-mail. */
export const RG_SHAPES = ['\\b\\d{12}\\b', '\\b\\d{4}[- ]?\\d{4}[- ]?\\d{4}[- ]?\\d{4}\\b', '\\b0\\d{1,4}-\\d{1,4}-\\d{4}\\b', '[\\w.+-]+@[\\w-]+\\.[\\w.-]+'];

function seedDir(dir: string, seed: number): string {
  return join(dir, `s${String(seed).padStart(3, '0')}`);
}

function ensureCorpus(dir: string, seeds: number): void {
  for (let seed = 1; seed <= seeds; seed++) {
    const at = seedDir(dir, seed);
    if (existsSync(at)) continue;
    writeCorpus(at, generateCorpus(seed, RECORDS_PER_SEED));
    rmSync(join(at, 'labels.jsonl'));
  }
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const rel of readdirSync(dir, { recursive: true })) {
    const st = statSync(join(dir, String(rel)));
    if (!st.isFile()) continue;
    files++;
    bytes += st.size;
  }
  return { files, bytes };
}

interface Measured {
  cpuSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  wallSeconds: number;
  peakRssMiB: number;
  status: number | null;
}

/** Runs a command under /usr/bin/time: its own CPU seconds and peak RSS. */
function measure(cmd: string, args: string[]): Measured {
  const res = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %e %M', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(res.stderr ?? '');
  if (!m) throw new Error(`no measurement for ${cmd}: ${(res.stderr ?? '').slice(-500)}`);
  const user = Number(m[1]);
  const system = Number(m[2]);
  return { cpuSeconds: user + system, userSeconds: user, systemSeconds: system, wallSeconds: Number(m[3]), peakRssMiB: Math.round(Number(m[4]) / 1024), status: res.status };
}

const [dir, seedsText] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node dist/bench/classify-small-files.js DIR [SEEDS=200]');
  process.exit(2);
}
const seeds = Number(seedsText ?? 200);
mkdirSync(dir, { recursive: true });
const t0 = Date.now();
ensureCorpus(dir, seeds);
const roots = Array.from({ length: seeds }, (_, i) => seedDir(dir, i + 1));
const corpus = roots.map(sizeOf).reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }));
console.log(JSON.stringify({ corpus: { seeds, files: corpus.files, MB: corpus.bytes / MB, readySeconds: (Date.now() - t0) / 1000 } }));

const out = join(dir, '..', `kumoscan-small-files-${process.pid}`);
mkdirSync(out, { recursive: true });
try {
  const rows: Record<string, unknown>[] = [];
  const rg = measure('rg', ['-j1', '--no-ignore', '--hidden', '-c', ...RG_SHAPES.flatMap((p) => ['-e', p]), ...roots]);
  rows.push({ tool: 'rg -j1 (4 shapes)', ...rg, mbPerCpuSecond: corpus.bytes / MB / rg.cpuSeconds });
  for (const format of ['json', 'jsonl'] as const) {
    const result = join(out, `classify.${format}`);
    const k = measure(process.execPath, [kumoscan, 'classify', ...roots, '--format', format, '--out', result, '--ocr', 'off']);
    const mbps = corpus.bytes / MB / k.cpuSeconds;
    rows.push({ tool: `kumoscan classify --format ${format}`, ...k, mbPerCpuSecond: mbps, ratioToRg: mbps / (corpus.bytes / MB / rg.cpuSeconds), resultMB: statSync(result).size / MB });
  }
  for (const r of rows) console.log(JSON.stringify(r));
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
