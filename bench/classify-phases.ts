// Where the CPU of `kumoscan classify` on many small files goes, without the file system: the files of the given
// folders are read into memory once, then each pass runs one phase over all of them and prints its CPU seconds
// (process.cpuUsage: user + system of this process, garbage collection included):
//   - decode: bytes → Segments (decodeStream), the segments counted;
//   - detect: the Classifier alone, over Segments decoded once before the passes (push and finish per file);
//   - both: classifyBytes, what classify did per file after reading it (decode → Classifier → FileProfile);
//   - sync: classifyWholeSync (no promise: text of at most 64 KiB), else classifyBytes — what classify does now;
//     its digest is the one of `both`.
// Pass 0 of each phase includes the JIT's warm-up; the later passes are the steady state of a long run. Every
// pass of `detect` and `both` prints a digest of the profiles (the same on every pass and before and after a
// change that must not change a result). "Today" and the salt are fixed.
//
// Run (after `npm run build`): node dist/bench/classify-phases.js DIR[,DIR…] [PASSES=4]
//   e.g. the folders classify-small-files.js wrote: node dist/bench/classify-phases.js /tmp/c/s001,/tmp/c/s002
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classifyBytes, classifyWholeSync } from '../src/data/decode/classify.js';
import { decodeStream } from '../src/data/decode/decode-stream.js';
import { Classifier } from '../src/data/detect/classifier.js';
import { PersonLedger } from '../src/data/detect/persons.js';
import type { Segment } from '../src/data/types.js';
import { PROFILE_NOW } from './classify-profiles.js';

const SALT = Buffer.alloc(16, 7);

interface Loaded {
  path: string;
  bytes: Buffer;
  segments: Segment[];
  encoding: string;
  format: string;
}

function cpuSince(t0: NodeJS.CpuUsage): number {
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e6;
}

async function load(dirs: readonly string[]): Promise<Loaded[]> {
  const files: Loaded[] = [];
  for (const dir of dirs) {
    for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
      const path = join(dir, rel);
      if (!statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      const d = await decodeStream(bytes, { name: path });
      const segments: Segment[] = [];
      if (d.decoded) for await (const batch of d.batches) segments.push(...batch);
      files.push({ path, bytes, segments, encoding: d.encoding, format: d.format });
    }
  }
  return files;
}

const [dirsText, passesText] = process.argv.slice(2);
if (!dirsText) {
  console.error('usage: node dist/bench/classify-phases.js DIR[,DIR…] [PASSES=4]');
  process.exit(2);
}
const files = await load(dirsText.split(','));
const MB = files.reduce((a, f) => a + f.bytes.length, 0) / 1e6;
const segments = files.reduce((a, f) => a + f.segments.length, 0);
const passes = Number(passesText ?? 4);
console.log(JSON.stringify({ files: files.length, MB, segments }));

const phases: Record<string, () => Promise<string>> = {
  decode: async () => {
    let n = 0;
    for (const f of files) {
      const d = await decodeStream(f.bytes, { name: f.path });
      if (d.decoded) for await (const batch of d.batches) n += batch.length;
      await d.close();
    }
    return `${n} segments`;
  },
  detect: () => {
    const ledger = new PersonLedger({ salt: SALT });
    const h = createHash('sha256');
    for (const f of files) {
      const c = new Classifier({ path: f.path, encoding: f.encoding, format: f.format, salt: SALT, ledger, now: PROFILE_NOW });
      for (const s of f.segments) c.push(s);
      h.update(JSON.stringify(c.finish()));
    }
    return Promise.resolve(`digest ${h.digest('hex').slice(0, 16)}, ledger ${ledger.size}`);
  },
  both: async () => {
    const ledger = new PersonLedger({ salt: SALT });
    const h = createHash('sha256');
    for (const f of files) h.update(JSON.stringify(await classifyBytes(f.bytes, { name: f.path, ledger, salt: SALT })));
    return `digest ${h.digest('hex').slice(0, 16)}, ledger ${ledger.size}`;
  },
  sync: async () => {
    const ledger = new PersonLedger({ salt: SALT });
    const h = createHash('sha256');
    for (const f of files) {
      const opts = { name: f.path, ledger, salt: SALT };
      h.update(JSON.stringify(classifyWholeSync(f.bytes, opts) ?? (await classifyBytes(f.bytes, opts))));
    }
    return `digest ${h.digest('hex').slice(0, 16)}, ledger ${ledger.size}`;
  },
};
for (const [phase, run] of Object.entries(phases)) {
  for (let pass = 0; pass < passes; pass++) {
    const t0 = process.cpuUsage();
    const what = await run();
    const cpu = cpuSince(t0);
    console.log(JSON.stringify({ phase, pass, cpuSeconds: cpu, mbPerCpuSecond: MB / cpu, usPerFile: (cpu * 1e6) / files.length, usPerSegment: (cpu * 1e6) / segments, result: what }));
  }
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
