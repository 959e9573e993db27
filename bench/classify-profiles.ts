// Detection results as data, to prove that a change to the detectors' code (a speed-up) changes no result:
// `record` classifies the accuracy corpus (bench/corpus.ts) of the given seeds and writes, per file, its
// FileProfile (detections with counts and masked examples, persons, classes) and every detection event (type,
// confidence, segment, offsets — positions only, never a value) as JSON; `check` does the same again and
// compares with a recorded file, listing the first differences. The throughput files are checked the same way
// by `classify-throughput.js --profiles-out / --profiles-check`.
//
// "Today" and the salt are fixed, so a recording made on another day still compares.
//
// Usage: node dist/bench/classify-profiles.js record OUT.json [seeds=1,2,3,4,5] [records=5000]
//        node dist/bench/classify-profiles.js check REF.json
import { readFileSync, writeFileSync } from 'node:fs';
import { Classifier, type DetectionEvent } from '../src/data/detect/classifier.js';
import type { FileProfile } from '../src/data/types.js';
import { generateCorpus, type CorpusFile } from './corpus.js';

/** The "today" of every recording (birth-date plausibility depends on it). */
export const PROFILE_NOW = new Date(Date.UTC(2026, 10, 22));
const SALT = Buffer.alloc(16, 7);

export interface RecordedFile {
  name: string;
  profile: FileProfile;
  /** One string per detection event: `segment:start-end type confidence`. */
  events: string[];
}

export interface Recording {
  seeds: number[];
  records: number;
  files: RecordedFile[];
}

export function classifyCorpusFile(f: CorpusFile): RecordedFile {
  const events: DetectionEvent[] = [];
  const c = new Classifier({ path: f.name, encoding: f.encoding, format: f.format, salt: SALT, now: PROFILE_NOW, onDetection: (e) => events.push(e) });
  for (const s of f.segments) c.push(s.segment);
  const profile = c.finish();
  return { name: f.name, profile, events: events.map((e) => `${e.segment}:${e.start}-${e.end} ${e.type} ${e.confidence}`) };
}

/**
 * The same file's content as free text in chunks of 1–400 characters cut anywhere (keywords and values cut in two,
 * long segments, no rows): exercises the code paths the labelled segments do not.
 */
export function rechunked(f: CorpusFile, seed: number): CorpusFile {
  let s = (seed * 2654435761) >>> 0 || 1;
  const next = (n: number): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
  const segments: CorpusFile['segments'] = [];
  for (let i = 0; i < f.content.length; ) {
    const n = 1 + next(next(4) === 0 ? 40 : 400);
    segments.push({ segment: { text: f.content.slice(i, i + n) }, labels: [], nearMisses: [] });
    i += n;
  }
  return { ...f, name: `${f.name}#text`, format: 'text', segments };
}

export function recordCorpus(seeds: readonly number[], records: number): Recording {
  const files: RecordedFile[] = [];
  for (const seed of seeds) {
    generateCorpus(seed, records).forEach((f, i) => {
      files.push({ ...classifyCorpusFile(f), name: `seed${seed}/${f.name}` });
      const t = rechunked(f, seed * 100_000 + i);
      files.push({ ...classifyCorpusFile(t), name: `seed${seed}/${t.name}` });
    });
  }
  return { seeds: [...seeds], records, files };
}

/** Differences between two lists of named results (at most `max` lines). */
export function diffFiles(ref: readonly { name: string }[], now: readonly { name: string }[], max = 20): string[] {
  const out: string[] = [];
  if (ref.length !== now.length) out.push(`file count: ${ref.length} recorded, ${now.length} now`);
  const byName = new Map(now.map((f) => [f.name, f]));
  for (const r of ref) {
    if (out.length >= max) break;
    const n = byName.get(r.name);
    if (n === undefined) {
      out.push(`${r.name}: missing now`);
      continue;
    }
    const a = JSON.stringify(r);
    const b = JSON.stringify(n);
    if (a === b) continue;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    out.push(`${r.name}: differs at character ${i}: recorded …${a.slice(Math.max(0, i - 80), i + 80)}… now …${b.slice(Math.max(0, i - 80), i + 80)}…`);
  }
  return out;
}

const invokedAs = process.argv[1] ?? '';
if (invokedAs.endsWith('classify-profiles.js')) {
  const [cmd, file, seedsText, recordsText] = process.argv.slice(2);
  if ((cmd !== 'record' && cmd !== 'check') || file === undefined) {
    console.error('usage: node dist/bench/classify-profiles.js record OUT.json [seeds=1,2,3,4,5] [records=5000] | check REF.json');
    process.exit(2);
  }
  const t0 = performance.now();
  if (cmd === 'record') {
    const seeds = (seedsText ?? '1,2,3,4,5').split(',').map(Number);
    const rec = recordCorpus(seeds, Number(recordsText ?? 5000));
    writeFileSync(file, JSON.stringify(rec));
    const events = rec.files.reduce((a, f) => a + f.events.length, 0);
    console.log(`recorded ${rec.files.length} files, ${events} detection events (seeds ${seeds.join(',')}, ${rec.records} records) → ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    const ref = JSON.parse(readFileSync(file, 'utf8')) as Recording;
    const now = recordCorpus(ref.seeds, ref.records);
    const diffs = diffFiles(ref.files, now.files);
    const events = now.files.reduce((a, f) => a + f.events.length, 0);
    if (diffs.length === 0) {
      console.log(`identical: ${now.files.length} files, ${events} detection events (seeds ${ref.seeds.join(',')}, ${ref.records} records) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else {
      for (const d of diffs) console.log(d);
      console.log('DIFFERENT');
      process.exitCode = 1;
    }
  }
}
