// Benchmark: `kumoscan classify` throughput and memory (issue 3, item 8).
//  1. mixed: (decoding alone first, then decoding + detectors) generates ≥ 100 MB of mixed files (CSV in UTF-8 and Shift_JIS, JSONL, text logs, XLSX, gzip'd CSV)
//     into a temp directory and classifies them in-process (decode + detectors), single-threaded: MB/s per core
//     from the process's CPU seconds, and peak RSS (process.resourceUsage().maxRSS).
//  2. huge: one ~1 GiB CSV generated on the fly (never held in memory, never written) and streamed through the
//     decoder and the Classifier with no read limit: peak RSS stays bounded whatever the size.
// Each phase runs in its own child process so that its peak RSS is its own.
// The phases run with the parent's node flags (node --cpu-prof … profiles each of them).
// Run (after `npm run build`): node dist/bench/classify-throughput.js [MIXED_MB=110] [HUGE_MIB=1024]
//   [--profiles-out FILE.json | --profiles-check FILE.json]: write the FileProfiles of the mixed files (paths
//   relative to the temporary directory), or compare them with a file written before (a speed-up must not
//   change any result; bench/classify-profiles.ts does the same for the accuracy corpus).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { classifyPaths } from '../src/classify-command.js';
import { classifyBytes } from '../src/data/decode/classify.js';
import { decodeFile } from '../src/data/decode/decode-stream.js';
import { xlsx, type XlsxCell } from '../test/helpers/office-fixtures.js';
import { diffFiles } from './classify-profiles.js';

const MB = 1_000_000;
const MiB = 1024 * 1024;

// ------------------------------------------------------------------------------------------ generator

/** xorshift32: the same files on every run. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 0x100000000;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)] as T;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
}

const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '一郎', '次郎', '美咲', '大輔', '翔太', '陽子', '健一', '由美'];
const PLACES = ['東京都千代田区千代田', '大阪府大阪市北区梅田', '神奈川県横浜市西区みなとみらい', '愛知県名古屋市中区栄', '福岡県福岡市博多区博多駅前'];
const DEPTS = ['人事部', '経理部', '営業部', '開発部', '総務部'];
const NOTES = ['', '', '', '健康診断 要再検査', '在宅勤務', '産休', ''];

function myNumber(rng: Rng): string {
  const body = rng.digits(11);
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(body[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return `${body}${r <= 1 ? 0 : 11 - r}`;
}

function card(rng: Rng): string {
  const body = `4${rng.digits(14)}`;
  for (let d = 0; d <= 9; d++) {
    const s = `${body}${d}`;
    let sum = 0;
    for (let i = 0; i < 16; i++) {
      let v = Number(s[15 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  return body;
}

interface Person {
  id: number;
  name: string;
  myNumber: string;
  birth: string;
  phone: string;
  email: string;
  address: string;
  dept: string;
  note: string;
}

function person(rng: Rng, id: number): Person {
  return {
    id,
    name: `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`,
    myNumber: myNumber(rng),
    birth: `${1950 + rng.int(50)}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
    phone: `090-${rng.digits(4)}-${rng.digits(4)}`,
    email: `user${id}@example.com`,
    address: `${rng.pick(PLACES)}${1 + rng.int(9)}-${1 + rng.int(20)}-${1 + rng.int(30)}`,
    dept: rng.pick(DEPTS),
    note: rng.pick(NOTES),
  };
}

const CSV_HEADER = '社員番号,氏名,マイナンバー,生年月日,電話番号,メール,住所,部署,備考';
const csvRow = (p: Person): string => `${p.id},${p.name},${p.myNumber},${p.birth},${p.phone},${p.email},${p.address},${p.dept},${p.note}`;

/** Shift_JIS encoder for the generator's characters: the inverse of TextDecoder('shift_jis') over its 2-byte space. */
function shiftJisEncoder(): (s: string) => Buffer {
  const dec = new TextDecoder('shift_jis');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return (s) => {
    const out: number[] = [];
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      if (c < 0x80) out.push(c);
      else {
        const b = map.get(ch);
        if (!b) throw new Error(`not encodable in Shift_JIS: U+${c.toString(16)}`);
        out.push(...b);
      }
    }
    return Buffer.from(out);
  };
}

function textUntil(target: number, first: string, line: (i: number) => string, sep = '\n'): string {
  const parts: string[] = first ? [first] : [];
  let size = first.length;
  for (let i = 0; size < target; i++) {
    const l = line(i);
    parts.push(l);
    size += Buffer.byteLength(l) + sep.length;
  }
  return parts.join(sep) + sep;
}

/** Writes the mixed corpus; returns the files and their total size. */
function generateMixed(dir: string, totalMB: number): { files: number; bytes: number; byKind: Record<string, number> } {
  const rng = new Rng(20251122);
  let id = 0;
  const byKind: Record<string, number> = {};
  const write = (kind: string, name: string, data: string | Buffer): void => {
    const p = join(dir, kind, name);
    mkdirSync(join(dir, kind), { recursive: true });
    writeFileSync(p, data);
    byKind[kind] = (byKind[kind] ?? 0) + statSync(p).size;
  };
  const scale = totalMB / 110;
  const each = (mb: number): number => Math.max(1, Math.round(mb * scale * MB));
  const sjis = shiftJisEncoder();
  for (let f = 0; f < 4; f++) write('csv-utf8', `employees-${f}.csv`, textUntil(each(10), CSV_HEADER, () => csvRow(person(rng, ++id))));
  for (let f = 0; f < 2; f++) write('csv-sjis', `shain-${f}.csv`, sjis(textUntil(each(10), CSV_HEADER, () => csvRow(person(rng, ++id)), '\r\n')));
  for (let f = 0; f < 2; f++) {
    write('jsonl', `customers-${f}.jsonl`, textUntil(each(10), '', () => {
      const p = person(rng, ++id);
      return JSON.stringify({ id: p.id, name: p.name, email: p.email, phone: p.phone, address: p.address, card_number: card(rng), memo: p.note });
    }));
  }
  for (let f = 0; f < 2; f++) {
    write('text', `app-${f}.log`, textUntil(each(8), '', (i) => {
      const p = person(rng, ++id);
      return i % 10 === 0 ? `2025-11-22T10:00:${String(i % 60).padStart(2, '0')}Z WARN contact form: 電話 ${p.phone} メール ${p.email}` : `2025-11-22T10:00:${String(i % 60).padStart(2, '0')}Z INFO GET /api/v1/items/${rng.digits(6)} 200 ${rng.int(900) + 100}ms`;
    }));
  }
  for (let f = 0; f < 4; f++) {
    const rows: XlsxCell[][] = [['社員番号', '氏名', 'マイナンバー', '生年月日', 'メール', '住所', '備考']];
    const n = Math.round(25_000 * scale);
    for (let i = 0; i < n; i++) {
      const p = person(rng, ++id);
      rows.push([p.id, p.name, Number(p.myNumber), { date: 20000 + rng.int(15000) }, p.email, p.address, p.note || null]);
    }
    write('xlsx', `roster-${f}.xlsx`, xlsx([rows]));
  }
  for (let f = 0; f < 2; f++) write('gzip', `export-${f}.csv.gz`, gzipSync(textUntil(each(40), CSV_HEADER, () => csvRow(person(rng, ++id)))));
  const files = readdirSync(dir, { recursive: true }).filter((p) => statSync(join(dir, String(p))).isFile()).length;
  const bytes = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { files, bytes, byKind };
}

// ------------------------------------------------------------------------------------------ phases

function usage(): { cpuSeconds: number; maxRssMiB: number } {
  const u = process.resourceUsage();
  return { cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMiB: Math.round((u.maxRSS / 1024) * 10) / 10 };
}

/** Decoding alone (no detectors): every file of the directory through decodeFile. */
async function decodeOnly(dir: string): Promise<{ segments: number; decoded: number; cpuSeconds: number; seconds: number }> {
  const before = usage();
  const start = process.hrtime.bigint();
  let segments = 0;
  let decoded = 0;
  for (const rel of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(rel));
    if (!statSync(p).isFile()) continue;
    const d = await decodeFile(p, { limits: { timeBudgetMs: 0 } });
    for await (const batch of d.batches) {
      segments += batch.length;
      for (const s of batch) decoded += s.text.length;
    }
  }
  return { segments, decoded, cpuSeconds: usage().cpuSeconds - before.cpuSeconds, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function phaseMixed(dir: string, bytes: number, profiles?: { mode: string; file: string }): Promise<void> {
  const dec = await decodeOnly(dir);
  const before = usage();
  const start = process.hrtime.bigint();
  const report = await classifyPaths([dir], { timeBudgetMs: 0 }, 3);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = usage();
  const cpu = after.cpuSeconds - before.cpuSeconds;
  console.log(
    JSON.stringify({
      phase: 'mixed',
      files: report.total.files,
      fileMB: bytes / MB,
      decodeOnly: { segments: dec.segments, decodedMChars: dec.decoded / 1e6, seconds: dec.seconds, cpuSeconds: dec.cpuSeconds, mbPerCpuSecond: bytes / MB / dec.cpuSeconds },
      seconds,
      cpuSeconds: cpu,
      mbPerSecond: bytes / MB / seconds,
      mbPerCpuSecond: bytes / MB / cpu,
      maxRssMiB: after.maxRssMiB,
      truncatedFiles: report.total.truncatedFiles,
      personsDistinct: report.total.persons.distinct,
      detections: report.total.detections.filter((d) => d.confidence === 'high').map((d) => `${d.type}:${d.count}`),
      formats: [...new Set(report.files.map((f) => `${f.format}/${f.encoding}`))].sort(),
    }),
  );
  if (profiles !== undefined) {
    const files = report.files.map((f) => ({ ...f, path: relative(dir, f.path), name: relative(dir, f.path) })).sort((a, b) => a.name.localeCompare(b.name));
    const total = { name: 'total', ...report.total };
    if (profiles.mode === '--profiles-out') {
      writeFileSync(profiles.file, JSON.stringify({ files, total }));
      console.log(`profiles of ${files.length} files written to ${profiles.file}`);
    } else {
      const ref = JSON.parse(readFileSync(profiles.file, 'utf8')) as { files: { name: string }[]; total: { name: string } };
      const diffs = diffFiles([...ref.files, ref.total], [...files, total]);
      if (diffs.length === 0) console.log(`profiles identical to ${profiles.file} (${files.length} files and the total)`);
      else {
        for (const d of diffs) console.log(d);
        console.log('profiles DIFFERENT');
        process.exitCode = 1;
      }
    }
  }
}

async function phaseHuge(mib: number): Promise<void> {
  let rng = new Rng(7);
  let target = mib * MiB;
  let produced = 0;
  const rss: number[] = [];
  async function* generate(): AsyncGenerator<Uint8Array> {
    let id = 0;
    let chunk: string[] = [`${CSV_HEADER}\n`];
    let size = 0;
    while (produced < target) {
      const row = `${csvRow(person(rng, ++id))}\n`;
      chunk.push(row);
      size += row.length * 2;
      if (size >= MiB) {
        const buf = Buffer.from(chunk.join(''));
        produced += buf.length;
        chunk = [];
        size = 0;
        if (produced % (64 * MiB) < buf.length) rss.push(Math.round(process.memoryUsage.rss() / MiB));
        yield buf;
      }
    }
  }
  // The file is generated in this process while it is classified, so the CPU seconds below include making it:
  // the CPU of generating a sample alone (up to 128 MiB, the same generator) is measured first and scaled.
  const sampleMiB = Math.min(mib, 128);
  target = sampleMiB * MiB;
  const genBefore = usage();
  for await (const _ of generate()) void _;
  const generationCpuPerMiB = (usage().cpuSeconds - genBefore.cpuSeconds) / (produced / MiB);
  rng = new Rng(7);
  target = mib * MiB;
  produced = 0;
  rss.length = 0;
  const before = usage();
  const start = process.hrtime.bigint();
  const profile = await classifyBytes(generate(), { name: 'huge.csv', limits: { maxBytes: 0, timeBudgetMs: 0 } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = usage();
  const cpu = after.cpuSeconds - before.cpuSeconds;
  console.log(
    JSON.stringify({
      phase: 'huge',
      fileMiB: produced / MiB,
      bytesRead: profile.bytesRead,
      truncated: profile.truncated,
      seconds,
      cpuSeconds: cpu,
      mbPerSecond: produced / MB / seconds,
      mbPerCpuSecond: produced / MB / cpu,
      generationCpuSeconds: generationCpuPerMiB * (produced / MiB),
      mbPerCpuSecondWithoutGeneration: produced / MB / (cpu - generationCpuPerMiB * (produced / MiB)),
      maxRssMiB: after.maxRssMiB,
      rssEvery64MiB: rss,
      persons: profile.persons,
      detections: profile.detections.filter((d) => d.confidence === 'high').map((d) => `${d.type}:${d.count}`),
      notes: profile.notes,
    }),
  );
}

// ------------------------------------------------------------------------------------------ main

const argv = process.argv.slice(2);
const profilesAt = argv.findIndex((a) => a === '--profiles-out' || a === '--profiles-check');
const profileArgs = profilesAt >= 0 ? argv.splice(profilesAt, 2) : [];
const profiles = profileArgs.length === 2 ? { mode: String(profileArgs[0]), file: String(profileArgs[1]) } : undefined;
const args = argv;
if (args[0] === '--phase') {
  if (args[1] === 'mixed') await phaseMixed(String(args[2]), Number(args[3]), profiles);
  else await phaseHuge(Number(args[2]));
} else {
  const mixedMB = Number(args[0] ?? 110);
  const hugeMiB = Number(args[1] ?? 1024);
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-bench-classify-'));
  try {
    const t0 = Date.now();
    const gen = generateMixed(dir, mixedMB);
    console.log(`generated ${gen.files} files, ${(gen.bytes / MB).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(gen.byKind).map(([k, v]) => `${k} ${(v / MB).toFixed(1)} MB`).join(', ')}`);
    const mixed = spawnSync(process.execPath, [...process.execArgv, self, '--phase', 'mixed', dir, String(gen.bytes), ...profileArgs], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (mixed.status !== 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (hugeMiB > 0) {
    const huge = spawnSync(process.execPath, [...process.execArgv, self, '--phase', 'huge', String(hugeMiB)], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (huge.status !== 0) process.exitCode = 1;
  }
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
}
