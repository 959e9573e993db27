// Benchmark: offline evaluation (`kumoscan scan --input`) at growing bucket counts. The snapshot is the AWS example
// (examples/aws-hr-system.snapshot.json: a public bucket, a locked one, one whose reads were denied) repeated
// under new names up to N buckets. Each size runs the real CLI once per format and prints wall time, peak RSS
// and CPU seconds (user + system, GNU time), the report's size, µs per bucket and the ratio of each size's per-bucket time to the smallest's
// (1.0 = linear).
// Run: node dist/bench/offline-scale.js [SIZES=1000,10000,100000] [FORMATS=json,table]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../src/package-info.js';
import { writeSyntheticSnapshot } from './synthetic-snapshot.js';

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const formats = (process.argv[3] ?? 'json,table').split(',');
const GNU_TIME = '/usr/bin/time';

function run(input: string, format: string, out: string): { seconds: number; cpuSeconds: number | null; rssMiB: number | null; code: number | null } {
  const argv = [packagePath('bin', 'kumoscan.js'), 'scan', '--input', input, '--format', format, '--out', out, '--quiet', '--fail-on', 'none'];
  const started = process.hrtime.bigint();
  const timed = existsSync(GNU_TIME);
  const r = timed
    ? spawnSync(GNU_TIME, ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /maxrss=(\d+)/.exec(r.stderr ?? '');
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr ?? '');
  return { seconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null, rssMiB: m ? Number(m[1]) / 1024 : null, code: r.status };
}

const dir = mkdtempSync(join(tmpdir(), 'kumoscan-offline-scale-'));
try {
  console.log(`node ${process.version}; sizes ${sizes.join(', ')}; formats ${formats.join(', ')}${existsSync(GNU_TIME) ? '' : ' (no GNU time: RSS not measured)'}`);
  console.log('buckets  format  seconds  CPU s  µs/bucket  ratio  peak RSS MiB  report MiB  exit');
  const firstPerBucket = new Map<string, number>();
  for (const n of sizes) {
    const input = writeSyntheticSnapshot(n, join(dir, `aws-${n}.json`));
    for (const format of formats) {
      const out = join(dir, `report-${n}.${format}`);
      const r = run(input, format, out);
      const perBucket = (r.seconds * 1e6) / n;
      if (!firstPerBucket.has(format)) firstPerBucket.set(format, perBucket);
      const ratio = perBucket / (firstPerBucket.get(format) ?? perBucket);
      const size = existsSync(out) ? statSync(out).size / 1048576 : 0;
      console.log(
        `${String(n).padStart(7)}  ${format.padEnd(6)}  ${r.seconds.toFixed(1).padStart(7)}  ${(r.cpuSeconds?.toFixed(1) ?? '—').padStart(5)}  ${perBucket.toFixed(0).padStart(9)}  ${ratio.toFixed(2).padStart(5)}  ${(r.rssMiB?.toFixed(0) ?? '—').padStart(12)}  ${size.toFixed(0).padStart(10)}  ${r.code}`,
      );
      rmSync(out, { force: true });
    }
    rmSync(input, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
