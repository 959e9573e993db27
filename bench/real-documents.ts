// Accuracy of `kumoscan classify` on documents written by third-party writers (bench/real-documents/generate.py:
// faker ja_JP values in files made by openpyxl, python-docx, reportlab, fpdf2, Pillow and LibreOffice), against
// the corpus's ground-truth manifest.
//
// It runs the built CLI itself (bin/kumoscan.js classify --format json), the entry point a user has, so it works
// on whatever dist/ the tree has. When `classify --help` offers `--ocr`, it runs a second time with `--ocr off`:
// the difference of process CPU time is the OCR cost, divided by the pictures of the corpus (per image per core,
// tesseract.js runs in worker threads of the same process).
//
// Reports hold only masked values and counts, so matching is by what is observable: per file and detector, the
// number of detections (high confidence, any confidence) against the number of expected occurrences; a masked
// example whose visible part (last digits, first character, e-mail domain, prefecture) fits no expected value is
// a false positive for sure. Per file: tp = min(expected, detections − sure false positives); detections beyond
// the expected and the optional values (an e-mail header, an unlabelled romanized name) are false positives.
//
// Usage: node dist/bench/real-documents.js OUT_DIR [--json results.json] [--runs main|both] [--ocr-budget default] [--explain] [-- extra classify flags]
//   OUT_DIR: what generate.py wrote (manifest.json and corpus/). --runs main: skip the run without OCR.
//   --ocr-budget default: keep classify's per-run OCR limits (by default the bench lifts --ocr-max-images and
//   --ocr-time-limit, when the build has them, above what the corpus needs). KUMOSCAN_BENCH_CLI=/other/bin/kumoscan.js
//   measures another build. Always exits 0: it is a bench.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Level = 'high' | 'any';

interface ManifestFile {
  path: string;
  kind: string;
  writer: string;
  expected: Record<string, string[]>;
  optional: Record<string, string[]>;
  decoys: { type: string; value: string; what: string }[];
  persons: [number, number];
  images: number;
  classes: string[];
}

interface Manifest {
  detectors: string[];
  writers: Record<string, string>;
  files: ManifestFile[];
  personsDistinct: number;
  seed: number;
}

interface ProfileDetection {
  type: string;
  confidence: 'high' | 'low';
  count: number;
  masked: string[];
}

interface Profile {
  path: string;
  format: string;
  encoding: string;
  truncated: boolean;
  notes: string[];
  detections: ProfileDetection[];
  persons: { distinct: number };
  classes: string[];
}

interface ClassifyJson {
  files: Profile[];
  total: { persons: { distinct: number }; unreadableFiles: number };
}

interface Run {
  label: string;
  args: string[];
  report: ClassifyJson | null;
  error?: string;
  exitCode: number | null;
  wallMs: number;
  cpuMs: number | null;
  maxRssMiB: number | null;
}

interface Tally {
  expected: number;
  detected: number;
  tp: number;
  fp: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
/** The CLI measured: this tree's, or another build's bin/kumoscan.js (KUMOSCAN_BENCH_CLI) to compare two trees. */
const cli = resolve(process.env.KUMOSCAN_BENCH_CLI ?? join(repoRoot, 'bin', 'kumoscan.js'));

const DIGIT_TYPES = new Set(['my_number', 'credit_card', 'phone', 'bank_account', 'drivers_license']);

function digitsOf(s: string): string {
  return s.normalize('NFKC').replace(/[^0-9]/g, '');
}

/**
 * Whether a masked example can stand for `value` (a value of the ground truth). null: the mask shows nothing to
 * compare (a date, a bare `***`).
 */
export function maskFits(type: string, masked: string, value: string): boolean | null {
  if (DIGIT_TYPES.has(type)) {
    const visible = /([0-9]+)$/.exec(masked)?.[1];
    if (visible === undefined) return null;
    return digitsOf(value).endsWith(visible);
  }
  if (type === 'residence_card' || type === 'passport') {
    const visible = /([0-9A-Za-z]+)$/.exec(masked)?.[1];
    if (visible === undefined) return null;
    return value.normalize('NFKC').toUpperCase().endsWith(visible.toUpperCase());
  }
  if (type === 'email') {
    const m = /^(.)\*+@(.+)$/.exec(masked);
    if (!m) return null;
    const v = value.toLowerCase();
    return v.startsWith((m[1] as string).toLowerCase()) && v.endsWith(`@${(m[2] as string).toLowerCase()}`);
  }
  if (type === 'person_name') {
    const first = [...masked][0];
    if (first === undefined || first === '*') return null;
    return [...value.normalize('NFKC').trim()][0] === first.normalize('NFKC');
  }
  if (type === 'postal_address') {
    if (masked.startsWith('〒')) return value.startsWith('〒') || /^[0-9]{3}-?[0-9]{4}/.test(value);
    const pref = /^(.+?[都道府県])\*/.exec(masked)?.[1];
    if (pref === undefined) return null;
    return value.startsWith(pref);
  }
  return null;
}

/** Masked examples that fit none of the values: each is at least one false positive. */
function sureWrong(type: string, masked: readonly string[], values: readonly string[]): number {
  let wrong = 0;
  for (const m of masked) {
    const fits = values.map((v) => maskFits(type, m, v));
    if (fits.some((f) => f === null)) continue;
    if (fits.length === 0 ? maskFits(type, m, '') !== null : !fits.some((f) => f === true)) wrong++;
  }
  return wrong;
}

/** Masked examples that fit a decoy and no expected value. */
function decoyHits(type: string, masked: readonly string[], expected: readonly string[], decoys: readonly string[]): number {
  let hits = 0;
  for (const m of masked) {
    if (expected.some((v) => maskFits(type, m, v) !== false)) continue;
    if (decoys.some((v) => maskFits(type, m, v) === true)) hits++;
  }
  return hits;
}

function detectionsAt(p: Profile | undefined, type: string, level: Level): { count: number; masked: string[] } {
  const out = { count: 0, masked: [] as string[] };
  for (const d of p?.detections ?? []) {
    if (d.type !== type || (level === 'high' && d.confidence !== 'high')) continue;
    out.count += d.count;
    out.masked.push(...d.masked);
  }
  return out;
}

export function scoreFile(f: ManifestFile, p: Profile | undefined, type: string, level: Level): Tally & { decoyHits: number } {
  const expected = f.expected[type] ?? [];
  const optional = f.optional[type] ?? [];
  const { count, masked } = detectionsAt(p, type, level);
  const wrong = Math.min(count, sureWrong(type, masked, [...expected, ...optional]));
  const good = count - wrong;
  const tp = Math.min(good, expected.length);
  const fp = wrong + Math.max(0, good - tp - optional.length);
  const decoys = f.decoys.filter((d) => d.type === type).map((d) => d.value);
  let hits = decoyHits(type, masked, expected, decoys);
  // Dates show nothing in their mask: the excess over the expected values is put on the date decoys.
  if (type === 'birth_date') hits = Math.min(fp, decoys.length);
  return { expected: expected.length, detected: count, tp, fp, decoyHits: Math.min(hits, fp) };
}

function ratio(n: number, d: number): string {
  return d === 0 ? '—' : (n / d).toFixed(3);
}

function pad(s: string | number, w: number, left = false): string {
  const t = String(s);
  return left ? t.padEnd(w) : t.padStart(w);
}

function runClassify(label: string, corpus: string, extra: string[], tmp: string): Run {
  const out = join(tmp, `${label}.json`);
  const rusage = join(tmp, `${label}.rusage.json`);
  const preload = join(tmp, 'rusage.mjs');
  writeFileSync(
    preload,
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.KUMOSCAN_BENCH_RUSAGE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS })); });\n",
  );
  const args = ['--import', pathToFileURL(preload).href, cli, 'classify', corpus, '--format', 'json', '--examples', '20', '--out', out, ...extra];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, KUMOSCAN_BENCH_RUSAGE: rusage }, timeout: 3_600_000, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const run: Run = { label, args: extra, report: null, exitCode: r.status, wallMs, cpuMs: null, maxRssMiB: null };
  try {
    run.report = JSON.parse(readFileSync(out, 'utf8')) as ClassifyJson;
  } catch {
    run.error = `no JSON report (exit ${String(r.status)}${r.signal ? `, ${r.signal}` : ''}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
  }
  try {
    const u = JSON.parse(readFileSync(rusage, 'utf8')) as { cpuMs: number; maxRssKiB: number };
    run.cpuMs = u.cpuMs;
    run.maxRssMiB = u.maxRssKiB / 1024;
  } catch {
    // the process died before its exit handler
  }
  return run;
}

/**
 * `rel` begins with the manifest path `k`, where `*` in `rel` stands for any character: the report masks the parts
 * of a file name that read like personal data (a run of 11 or 12 digits inside an opaque hex name), keeping their
 * length. Not a prefix cut inside a name: `k` ends `rel` or is followed by a member separator.
 */
export function startsWithMasked(rel: string, k: string): boolean {
  if (rel.length < k.length) return false;
  for (let i = 0; i < k.length; i++) if (rel[i] !== k[i] && rel[i] !== '*') return false;
  return rel.length === k.length || /[!/#]/.test(rel.charAt(k.length)) || rel.startsWith(k);
}

/** Profiles by manifest path; a profile of a member (`a.zip!x.csv`, `a.zip/x.csv`) is added to its archive. */
function profilesByFile(m: Manifest, corpus: string, report: ClassifyJson): Map<string, Profile> {
  const known = new Set(m.files.map((f) => f.path));
  const out = new Map<string, Profile>();
  for (const p of report.files) {
    let rel = relative(corpus, p.path).split(sep).join('/');
    if (!known.has(rel)) {
      const owner = [...known].filter((k) => startsWithMasked(rel, k)).sort((a, b) => b.length - a.length)[0];
      if (owner === undefined) continue;
      rel = owner;
    }
    const prev = out.get(rel);
    if (prev === undefined) {
      out.set(rel, { ...p, detections: p.detections.map((d) => ({ ...d, masked: [...d.masked] })), notes: [...p.notes] });
    } else {
      prev.detections.push(...p.detections);
      prev.notes.push(...p.notes);
      prev.persons = { distinct: prev.persons.distinct + p.persons.distinct };
    }
  }
  return out;
}

interface KindResult {
  kind: string;
  files: number;
  silentlyEmpty: number;
  notRead: number;
  personsOk: number;
  personsExpected: number;
  personsFound: number;
  perDetector: Map<string, { high: Tally; any: Tally; decoyHits: number }>;
  failures: string[];
}

interface Score {
  kinds: KindResult[];
  overall: Map<string, { high: Tally; any: Tally; decoyHits: number }>;
  decoys: Map<string, { count: number; hits: number }>;
  silentlyEmptyFiles: { path: string; kind: string }[];
  /** Files with no detection and no note, whether or not personal data was expected. */
  emptyWithoutNote: number;
  personsDistinct: number;
}

function emptyTally(): Tally {
  return { expected: 0, detected: 0, tp: 0, fp: 0 };
}

function addTally(t: Tally, s: Tally): void {
  t.expected += s.expected;
  t.detected += s.detected;
  t.tp += s.tp;
  t.fp += s.fp;
}

function score(m: Manifest, corpus: string, report: ClassifyJson): Score {
  const profiles = profilesByFile(m, corpus, report);
  const kinds = new Map<string, KindResult>();
  const overall = new Map<string, { high: Tally; any: Tally; decoyHits: number }>();
  const decoys = new Map<string, { count: number; hits: number }>();
  const silentlyEmptyFiles: { path: string; kind: string }[] = [];
  let emptyWithoutNote = 0;
  for (const f of m.files) {
    const p = profiles.get(f.path);
    let k = kinds.get(f.kind);
    if (k === undefined) {
      k = { kind: f.kind, files: 0, silentlyEmpty: 0, notRead: 0, personsOk: 0, personsExpected: 0, personsFound: 0, perDetector: new Map(), failures: [] };
      kinds.set(f.kind, k);
    }
    k.files++;
    if (p === undefined) k.notRead++;
    const expectsSomething = Object.values(f.expected).some((v) => v.length > 0);
    if (p !== undefined && p.detections.length === 0 && p.notes.length === 0) emptyWithoutNote++;
    if (p !== undefined && p.detections.length === 0 && p.notes.length === 0 && expectsSomething) {
      k.silentlyEmpty++;
      silentlyEmptyFiles.push({ path: f.path, kind: f.kind });
    }
    const got = p?.persons.distinct ?? 0;
    if (got >= f.persons[0] && got <= f.persons[1]) k.personsOk++;
    k.personsExpected += f.persons[0];
    k.personsFound += got;
    for (const d of f.decoys) {
      const e = decoys.get(`${d.type}: ${d.what}`) ?? { count: 0, hits: 0 };
      e.count++;
      decoys.set(`${d.type}: ${d.what}`, e);
    }
    for (const type of m.detectors) {
      const high = scoreFile(f, p, type, 'high');
      const any = scoreFile(f, p, type, 'any');
      for (const target of [k.perDetector, overall]) {
        const t = target.get(type) ?? { high: emptyTally(), any: emptyTally(), decoyHits: 0 };
        addTally(t.high, high);
        addTally(t.any, any);
        t.decoyHits += high.decoyHits;
        target.set(type, t);
      }
      if (high.decoyHits > 0) {
        // Put the hits on the decoys of this file and type, in order of what they are.
        let left = high.decoyHits;
        for (const d of f.decoys.filter((x) => x.type === type)) {
          if (left === 0) break;
          const e = decoys.get(`${d.type}: ${d.what}`);
          if (e && e.hits < e.count) {
            e.hits++;
            left--;
          }
        }
      }
    }
  }
  for (const k of kinds.values()) {
    for (const [type, t] of k.perDetector) {
      const h = t.high;
      if (h.expected === 0 && h.detected === 0) continue;
      const p = h.tp + h.fp === 0 ? 1 : h.tp / (h.tp + h.fp);
      const r = h.expected === 0 ? 1 : h.tp / h.expected;
      if (type === 'my_number' && (p < 0.99 || r < 0.95)) k.failures.push(`my_number P ${p.toFixed(2)} R ${r.toFixed(2)}`);
      else if (type === 'credit_card' && (h.fp > 0 || h.tp !== h.expected)) k.failures.push(`credit_card ${h.tp}/${h.expected} +${h.fp} fp`);
      else if (type !== 'my_number' && type !== 'credit_card' && r < 0.9) k.failures.push(`${type} R ${r.toFixed(2)}`);
    }
    if (k.silentlyEmpty > 0) k.failures.push(`${k.silentlyEmpty} silently empty`);
    if (k.notRead > 0) k.failures.push(`${k.notRead} not in the report`);
  }
  return { kinds: [...kinds.values()].sort((a, b) => (a.kind < b.kind ? -1 : 1)), overall, decoys, silentlyEmptyFiles, emptyWithoutNote, personsDistinct: report.total.persons.distinct };
}

function printScore(title: string, m: Manifest, s: Score, out: string[]): void {
  out.push(`## ${title}`, '');
  out.push('Per file kind (high confidence; pass = my_number P ≥ 0.99 and R ≥ 0.95, credit cards exact, every other detector R ≥ 0.90, no file silently empty):', '');
  out.push(`| kind | files | silently empty | persons exact | persons found / expected | my_number tp/exp (+fp) | pass |`);
  out.push('|---|---:|---:|---:|---:|---:|---|');
  let passing = 0;
  for (const k of s.kinds) {
    const mn = k.perDetector.get('my_number')?.high ?? emptyTally();
    const mnCell = mn.expected === 0 && mn.detected === 0 ? '—' : `${mn.tp}/${mn.expected}${mn.fp > 0 ? ` (+${mn.fp})` : ''}`;
    if (k.failures.length === 0) passing++;
    out.push(`| ${k.kind} | ${k.files} | ${k.silentlyEmpty} | ${k.personsOk}/${k.files} | ${k.personsFound} / ${k.personsExpected} | ${mnCell} | ${k.failures.length === 0 ? 'yes' : `no: ${k.failures.join('; ')}`} |`);
  }
  out.push('', `File kinds passing: ${passing} of ${s.kinds.length}.`, '');
  out.push('Per file kind × detector at high confidence: found / expected, +false positives; persons found / expected (sum over files):', '');
  out.push(`| kind | ${m.detectors.join(' | ')} | persons |`);
  out.push(`|---|${m.detectors.map(() => '---:|').join('')}---:|`);
  for (const k of s.kinds) {
    const cells = m.detectors.map((type) => {
      const h = k.perDetector.get(type)?.high;
      if (!h || (h.expected === 0 && h.detected === 0)) return '—';
      return `${h.tp}/${h.expected}${h.fp > 0 ? ` +${h.fp}` : ''}`;
    });
    out.push(`| ${k.kind} | ${cells.join(' | ')} | ${k.personsFound}/${k.personsExpected} |`);
  }
  out.push('');
  out.push('Per file kind and detector (tp / expected, detections; P and R at high confidence, R at any confidence):', '');
  out.push('| kind | detector | expected | high | tp | P high | R high | any | R any |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const k of s.kinds) {
    for (const type of m.detectors) {
      const t = k.perDetector.get(type);
      if (!t || (t.high.expected === 0 && t.any.detected === 0)) continue;
      const h = t.high;
      out.push(`| ${k.kind} | ${type} | ${h.expected} | ${h.detected} | ${h.tp} | ${ratio(h.tp, h.tp + h.fp)} | ${ratio(h.tp, h.expected)} | ${t.any.detected} | ${ratio(t.any.tp, t.any.expected)} |`);
    }
  }
  out.push('', 'Overall per detector:', '');
  out.push('| detector | expected | detections high | tp high | fp high | P high | R high | detections any | P any | R any | decoy hits (high) |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const type of m.detectors) {
    const t = s.overall.get(type);
    if (!t) continue;
    const h = t.high;
    const a = t.any;
    out.push(`| ${type} | ${h.expected} | ${h.detected} | ${h.tp} | ${h.fp} | ${ratio(h.tp, h.tp + h.fp)} | ${ratio(h.tp, h.expected)} | ${a.detected} | ${ratio(a.tp, a.tp + a.fp)} | ${ratio(a.tp, a.expected)} | ${t.decoyHits} |`);
  }
  out.push('', 'Decoys (values that must not be found as that type; hits = high-confidence detections attributed to them):', '');
  out.push('| decoy | count | hits |');
  out.push('|---|---:|---:|');
  for (const [what, d] of [...s.decoys].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.push(`| ${what} | ${d.count} | ${d.hits} |`);
  const empty = s.silentlyEmptyFiles.length;
  if (s.emptyWithoutNote > empty) out.push('', `Files with no detection and no note at all (decoy-only files included): ${s.emptyWithoutNote}.`);
  out.push('', `Files silently empty (personal data expected, no detection and no note): ${empty} of ${m.files.length}${empty > 0 ? ` — by kind: ${summarize(s.silentlyEmptyFiles.map((f) => f.kind))}` : ''}.`);
  out.push(`Persons across the corpus (de-duplicated by kumoscan across files): ${s.personsDistinct}; distinct persons in the ground truth: ${m.personsDistinct}.`, '');
}

/** Files where a detector missed or over-counted at high confidence: path, kind, counts and masked examples only. */
function explain(m: Manifest, corpus: string, report: ClassifyJson, out: string[]): void {
  const profiles = profilesByFile(m, corpus, report);
  out.push('Misses and false positives per file (high confidence; masked examples as the report shows them):', '');
  for (const f of m.files) {
    const p = profiles.get(f.path);
    for (const type of m.detectors) {
      const s = scoreFile(f, p, type, 'high');
      if (s.tp === s.expected && s.fp === 0) continue;
      const { masked } = detectionsAt(p, type, 'high');
      const low = detectionsAt(p, type, 'any').count - s.detected;
      out.push(`- ${f.path} [${f.kind}, ${p?.format ?? 'not in report'}] ${type}: expected ${s.expected}, high ${s.detected} (tp ${s.tp}, fp ${s.fp}), low ${low}; ${masked.slice(0, 8).join(', ')}`);
    }
    const got = p?.persons.distinct ?? 0;
    if (got < f.persons[0] || got > f.persons[1]) out.push(`- ${f.path} [${f.kind}] persons ${got}, expected ${f.persons[0]}–${f.persons[1]}`);
  }
  out.push('');
}

function summarize(items: readonly string[]): string {
  const c = new Map<string, number>();
  for (const i of items) c.set(i, (c.get(i) ?? 0) + 1);
  return [...c].map(([k, n]) => `${k} ${n}`).join(', ');
}

function toJson(s: Score): unknown {
  const obj = (m: Map<string, unknown>): Record<string, unknown> => Object.fromEntries(m);
  return {
    kinds: s.kinds.map((k) => ({ ...k, perDetector: obj(k.perDetector) })),
    overall: obj(s.overall),
    decoys: obj(s.decoys),
    silentlyEmptyFiles: s.silentlyEmptyFiles,
    emptyWithoutNote: s.emptyWithoutNote,
    personsDistinct: s.personsDistinct,
  };
}

function main(argv: string[]): void {
  const dashes = argv.indexOf('--');
  const own = dashes >= 0 ? argv.slice(0, dashes) : argv;
  const extra = dashes >= 0 ? argv.slice(dashes + 1) : [];
  const valued = new Set(['--json', '--runs', '--ocr-budget']);
  const dir = own.find((a, i) => !a.startsWith('--') && !valued.has(own[i - 1] ?? ''));
  const jsonOut = own.includes('--json') ? own[own.indexOf('--json') + 1] : undefined;
  const runs = own.includes('--runs') ? own[own.indexOf('--runs') + 1] : 'both';
  if (dir === undefined) {
    console.log('usage: node dist/bench/real-documents.js OUT_DIR [--json results.json] [--runs main|both] [--ocr-budget default] [--explain] [-- extra classify flags]');
    return;
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const corpus = resolve(dir, 'corpus');
  const help = spawnSync(process.execPath, [cli, 'classify', '--help'], { encoding: 'utf8', timeout: 60_000 });
  const helpText = help.stdout ?? '';
  const hasOcr = /--(?:no-)?ocr\b/.test(helpText);
  // `--ocr <mode>` (the issue's `--ocr off`) or a boolean `--no-ocr`.
  const ocrOff = /--ocr[ =]<[^>]+>/.test(helpText) || !/--no-ocr\b/.test(helpText) ? ['--ocr', 'off'] : ['--no-ocr'];
  const images = manifest.files.reduce((n, f) => n + f.images, 0);
  const out: string[] = [];
  out.push(`# kumoscan classify on documents from third-party writers`, '');
  out.push(`Corpus: ${manifest.files.length} files, ${new Set(manifest.files.map((f) => f.kind)).size} kinds, seed ${manifest.seed}, ${images} pictures (photos, scanned pages, pictures in archives).`);
  out.push(`Writers: ${Object.entries(manifest.writers).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out.push(`CLI: ${cli} (classify --help ${hasOcr ? 'offers --ocr' : 'has no --ocr option: no OCR in this build'}); Node ${process.version}.`, '');
  const tmp = mkdtempSync(join(tmpdir(), 'kumoscan-real-docs-'));
  const results: Record<string, unknown> = { writers: manifest.writers, hasOcr, images };
  try {
    // The bench measures what the detectors find, not the run's OCR budget: unless told otherwise it lifts the
    // per-run picture count and time limits (when the build has them) above what the corpus needs.
    const budget: string[] = [];
    if (own.includes('--ocr-budget') && own[own.indexOf('--ocr-budget') + 1] === 'default') {
      // keep classify's defaults
    } else {
      if (/--ocr-max-images\b/.test(helpText) && !extra.includes('--ocr-max-images')) budget.push('--ocr-max-images', String(Math.max(1000, images * 2)));
      if (/--ocr-time-limit\b/.test(helpText) && !extra.includes('--ocr-time-limit')) budget.push('--ocr-time-limit', '3600');
    }
    const main = runClassify('main', corpus, [...budget, ...extra], tmp);
    const runList = [main];
    if (hasOcr && runs === 'both') runList.push(runClassify('ocr-off', corpus, [...extra, ...ocrOff], tmp));
    for (const r of runList) {
      out.push(`Run "${r.label}" (classify ${['--format json --examples 20', ...r.args].join(' ')}): exit ${String(r.exitCode)}, wall ${(r.wallMs / 1000).toFixed(1)} s, CPU ${r.cpuMs === null ? '?' : (r.cpuMs / 1000).toFixed(1)} s, peak RSS ${r.maxRssMiB === null ? '?' : r.maxRssMiB.toFixed(0)} MiB${r.error ? `; ${r.error}` : ''}.`);
    }
    const off = runList[1];
    if (off && main.cpuMs !== null && off.cpuMs !== null && images > 0) {
      const ocrCpu = main.cpuMs - off.cpuMs;
      const ocrWall = main.wallMs - off.wallMs;
      out.push(`OCR: ${(ocrCpu / images).toFixed(0)} ms CPU per image (all cores of the process: per core), ${(ocrWall / images).toFixed(0)} ms wall per image (${images} pictures; run "main" minus run "ocr-off").`);
      results.ocr = { cpuMsPerImage: ocrCpu / images, wallMsPerImage: ocrWall / images };
    }
    out.push('');
    for (const r of runList) {
      results[r.label] = { exitCode: r.exitCode, wallMs: r.wallMs, cpuMs: r.cpuMs, maxRssMiB: r.maxRssMiB, error: r.error };
      if (r.report === null) continue;
      // Whatever OCR statistics the build reports in its total (none before the OCR work).
      const ocrTotal = (r.report.total as unknown as Record<string, unknown>).ocr;
      if (ocrTotal !== undefined) out.push(`OCR statistics of run "${r.label}" as the report gives them: ${JSON.stringify(ocrTotal)}`, '');
      const s = score(manifest, corpus, r.report);
      printScore(r.label === 'main' ? 'Default flags' : `With ${r.args.join(' ')}`, manifest, s, out);
      (results[r.label] as Record<string, unknown>).score = toJson(s);
      if (own.includes('--explain')) explain(manifest, corpus, r.report, out);
    }
  } catch (err) {
    out.push(`bench error: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(out.join('\n'));
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 1)}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.log(`bench error: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exitCode = 0;
}
