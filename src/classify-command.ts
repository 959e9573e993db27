// `kumoscan classify PATH...`: decode and classify local files (directories recursively) before they are
// uploaded — per file and in total: detected types, confidence, counts, persons, APPI classes and masked
// examples. Never a raw value: the Classifier keeps only masked examples and salted hashes. The command's flags and
// help are in ./classify-cli.ts, which imports this module when the command runs.
import { personsBasisJa } from './data/detect/persons-basis-ja.js';
import { DETECTOR_NAMES } from './data/detect/detector-names.js';
import { decodeNoteJa } from './data/decode/notes-ja.js';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayWidth, type Lang } from '../reports/render/table.js';
import { classifyFileDetailed, type ClassifyOptions } from './data/decode/classify.js';
import { DEFAULT_LIMITS, errorCode, formatBytes, type DecodeLimits } from './data/decode/limits.js';
import { Classifier } from './data/detect/classifier.js';
import { PersonLedger } from './data/detect/persons.js';
import type { AppiClass, Confidence, DetectorId, FileProfile } from './data/types.js';
import { EXIT, UsageError } from './errors.js';
import { writeFileAtomic } from './io/atomic-write.js';
import { checkOutputFile } from './io/output-paths.js';
import { VERSION } from './package-info.js';
import { maskText } from './text/mask-text.js';
import { escapeLines } from './text/sanitize.js';
import { OcrService, type OcrSettings } from './data/ocr/index.js';

export interface ClassifyFlags {
  format: 'table' | 'json';
  lang: Lang;
  out?: string;
  failOnPersonal: boolean;
  maxBytes: number;
  maxDecompressed: number;
  maxRatio: number;
  maxEntries: number;
  timeLimit: number;
  examples: number;
  ocr: 'on' | 'off';
  ocrMaxImages: number;
  /** Milliseconds. */
  ocrTimeLimit: number;
}

export interface ClassifyTotal {
  files: number;
  bytesRead: number;
  /** Files with at least one APPI class other than not_personal. */
  personalDataFiles: number;
  truncatedFiles: number;
  unreadableFiles: number;
  detections: { type: DetectorId; confidence: Confidence; count: number; files: number }[];
  persons: { distinct: number; basis: string };
  classes: AppiClass[];
}

export interface ClassifyReport {
  tool: { name: 'kumoscan'; version: string };
  limits: DecodeLimits;
  files: (FileProfile & { personalData: boolean })[];
  total: ClassifyTotal;
}

/** Strongest type first (as in the file profiles). */
const TYPE_ORDER: readonly DetectorId[] = [
  'my_number', 'credit_card', 'sensitive_health', 'sensitive_crime', 'id_document_image', 'drivers_license', 'passport', 'residence_card', 'pension_insurance',
  'bank_account', 'person_name', 'birth_date', 'postal_address', 'phone', 'email', 'corporate_number',
];


const CLASS_NAMES: Record<AppiClass, { ja: string; en: string }> = {
  specific_personal_information: { ja: '特定個人情報', en: 'specific personal information (My Number)' },
  sensitive: { ja: '要配慮個人情報', en: 'special care-required personal information' },
  financial: { ja: '財産的被害のおそれ', en: 'risk of financial damage' },
  personal: { ja: '個人情報', en: 'personal information' },
  not_personal: { ja: '個人情報なし（法人番号のみ）', en: 'not personal (corporate numbers only)' },
};

interface Target {
  path: string;
  /** Not a regular file, a broken link, an unreadable directory … */
  skip?: { code: string; note: string };
}

/** Files under the given paths: directories recursively (hidden files included), symlink loops skipped. */
async function* walk(root: string, seen: Set<string>): AsyncGenerator<Target> {
  let st;
  try {
    st = await stat(root);
  } catch (err) {
    const code = errorCode(err);
    yield { path: root, skip: { code, note: code === 'ENOENT' ? 'broken symbolic link: not classified' : `unreadable (${code}): not classified` } };
    return;
  }
  const id = `${st.dev}:${st.ino}`;
  if (seen.has(id)) return; // a symlink loop, or the same file reached twice
  seen.add(id);
  if (st.isFile()) {
    yield { path: root };
    return;
  }
  if (!st.isDirectory()) {
    yield { path: root, skip: { code: 'ENOTREG', note: 'not a regular file (device, FIFO or socket): not read' } };
    return;
  }
  let names: string[];
  try {
    names = (await readdir(root)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    const code = errorCode(err);
    yield { path: root, skip: { code, note: `directory unreadable (${code}): its files were not classified` } };
    return;
  }
  for (const name of names) yield* walk(join(root, name), seen);
}

export function isPersonal(p: FileProfile): boolean {
  return p.classes.some((c) => c !== 'not_personal');
}

function totalOf(files: readonly FileProfile[], unreadable: number, ledger: PersonLedger, notRead: ReadonlySet<FileProfile>): ClassifyTotal {
  const det = new Map<string, { type: DetectorId; confidence: Confidence; count: number; files: number }>();
  const classes = new Set<AppiClass>();
  for (const f of files) {
    for (const d of f.detections) {
      const key = `${d.type}|${d.confidence}`;
      const t = det.get(key) ?? { type: d.type, confidence: d.confidence, count: 0, files: 0 };
      t.count += d.count;
      t.files++;
      det.set(key, t);
    }
    for (const c of f.classes) classes.add(c);
  }
  const order: readonly AppiClass[] = ['specific_personal_information', 'sensitive', 'financial', 'personal', 'not_personal'];
  const personal = [...classes].some((c) => c !== 'not_personal');
  if (personal) classes.delete('not_personal');
  const fileSum = files.reduce((n, f) => n + f.persons.distinct, 0);
  const distinct = Math.max(ledger.size, 0);
  return {
    files: files.length,
    bytesRead: files.reduce((n, f) => n + f.bytesRead, 0),
    personalDataFiles: files.filter(isPersonal).length,
    // Read in part: a limit, a container too deep, content not decoded (files not read at all are not counted here).
    truncatedFiles: files.filter((f) => f.truncated && !notRead.has(f)).length,
    unreadableFiles: unreadable,
    // Strongest type first; within a type high before low.
    detections: [...det.values()].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1)),
    persons: {
      distinct,
      basis:
        distinct === 0 && fileSum === 0
          ? 'no person identifier found'
          : `de-duplicated across files by a salted hash of the strongest identifier${ledger.overflow ? '; hash cap reached: lower bound' : ''} (per-file sum: ${fileSum})`,
    },
    classes: order.filter((c) => classes.has(c)),
  };
}

/** `ocr`: OCR of pictures (default on), one budget for the whole run; the engine is closed before this returns. */
export async function classifyPaths(paths: readonly string[], limits: Partial<DecodeLimits>, maxExamples: number, ocr: OcrSettings = {}): Promise<ClassifyReport> {
  const service = new OcrService(ocr);
  try {
    return await classifyWith(paths, limits, maxExamples, service);
  } finally {
    await service.close();
  }
}

async function classifyWith(paths: readonly string[], limits: Partial<DecodeLimits>, maxExamples: number, service: OcrService): Promise<ClassifyReport> {
  const ledger = new PersonLedger();
  const imageText = service.reader();
  const opts: ClassifyOptions = { limits, maxExamples, ledger, salt: ledger.salt, ...(imageText ? { imageText } : {}) };
  const files: (FileProfile & { personalData: boolean })[] = [];
  let unreadable = 0;
  const notRead = new Set<FileProfile>();
  const seen = new Set<string>();
  for (const root of paths) {
    for await (const t of walk(root, seen)) {
      let profile: FileProfile;
      let read = true;
      if (t.skip) {
        read = false;
        if (t.skip.code !== 'ENOTREG') unreadable++;
        profile = new Classifier({ path: t.path, encoding: 'unknown', format: 'unknown', salt: ledger.salt }).finish({ bytesRead: 0, truncated: true, notes: [t.skip.note] });
      } else {
        const r = await classifyFileDetailed(t.path, opts);
        if (r.error !== undefined) {
          unreadable++;
          read = false;
        }
        profile = r.profile;
      }
      // A file name can hold a personal value (a My Number, an e-mail): masked like object keys in every output.
      const file = { ...profile, path: maskText(profile.path), notes: profile.notes.map(maskText), personalData: isPersonal(profile) };
      files.push(file);
      if (!read) notRead.add(file);
    }
  }
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  return { tool: { name: 'kumoscan', version: VERSION }, limits: resolved, files, total: totalOf(files, unreadable, ledger, notRead) };
}

/** Format and encoding words shown in Japanese; the other ids (`utf-8`, `csv`, `gzip+json`) are names, upper-cased. */
const WORDS_JA: Record<string, string> = { text: 'テキスト', image: '画像', binary: 'バイナリ', empty: '空', unknown: '不明', eml: '電子メール' };

/** `[utf-8, csv]` of a file row: in Japanese the words translated, the format names upper-cased (`CSV`, `GZIP+JSON`). */
function formatTag(f: FileProfile, lang: Lang): string {
  if (lang === 'en') return `[${f.encoding}, ${f.format}]`;
  const format = f.format.split('+').map((p) => WORDS_JA[p] ?? p.toUpperCase()).join('+');
  return `［${WORDS_JA[f.encoding] ?? f.encoding}、${format}］`;
}

/** A detector in a row: the Japanese name alone, or the id with its English name. */
function typeName(type: DetectorId, lang: Lang): string {
  return lang === 'ja' ? DETECTOR_NAMES[type].ja : `${type} (${DETECTOR_NAMES[type].en})`;
}

function personsLine(p: { distinct: number; basis: string }, lang: Lang): string {
  return lang === 'ja' ? `本人の数: ${p.distinct}（${personsBasisJa(p.basis)}）` : `persons: ${p.distinct} (${p.basis})`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function renderClassifyTable(report: ClassifyReport, lang: Lang): string {
  const ja = lang === 'ja';
  const out: string[] = [];
  out.push(`kumoscan ${report.tool.version} — ${ja ? `個人データの分類（${report.files.length} ファイル）` : `personal-data classification (${report.files.length} files)`}`);
  out.push('');
  const conf = (c: Confidence): string => (ja ? (c === 'high' ? '高' : '低') : c);
  for (const f of report.files) {
    const classes = f.classes.map((c) => CLASS_NAMES[c][lang]).join(ja ? '、' : ', ');
    const verdict = f.personalData ? (ja ? `個人データあり: ${classes}` : `personal data: ${classes}`) : f.classes.length > 0 ? classes : ja ? '個人データは見つかりません' : 'no personal data found';
    out.push(`${f.path}  ${formatTag(f, lang)}  ${verdict}`);
    if (f.detections.length > 0) {
      const names = f.detections.map((d) => typeName(d.type, lang));
      const w = Math.min(56, Math.max(...names.map(displayWidth)));
      f.detections.forEach((d, i) => {
        out.push(`  ${pad(names[i] as string, w)}  ${pad(conf(d.confidence), 4)}  ${String(d.count).padStart(7)}  ${d.masked.join(', ')}`);
      });
    }
    if (f.persons.distinct > 0) out.push(`  ${personsLine(f.persons, lang)}`);
    if (f.truncated) out.push(`  ${ja ? '一部のみ読み取り（件数は下限）' : 'partly read (counts are lower bounds)'}`);
    for (const n of f.notes) out.push(`  ${ja ? `注記: ${decodeNoteJa(n)}` : `note: ${n}`}`);
    out.push('');
  }
  const t = report.total;
  out.push(ja ? '合計' : 'Total');
  out.push(
    ja
      ? `  ファイル ${t.files}（読み取り ${formatBytes(t.bytesRead)}）、個人データあり ${t.personalDataFiles}、一部のみ読み取り ${t.truncatedFiles}、読み取り不可 ${t.unreadableFiles}`
      : `  ${t.files} files (${formatBytes(t.bytesRead)} read), ${t.personalDataFiles} with personal data, ${t.truncatedFiles} partly read, ${t.unreadableFiles} unreadable`,
  );
  if (t.classes.length > 0) out.push(`  ${ja ? '区分' : 'APPI classes'}: ${t.classes.map((c) => CLASS_NAMES[c][lang]).join(ja ? '、' : ', ')}`);
  if (t.detections.length > 0) {
    const names = t.detections.map((d) => typeName(d.type, lang));
    const w = Math.min(56, Math.max(...names.map(displayWidth)));
    t.detections.forEach((d, i) => out.push(`  ${pad(names[i] as string, w)}  ${pad(conf(d.confidence), 4)}  ${String(d.count).padStart(7)}  ${ja ? `${d.files} ファイル` : `in ${d.files} file${d.files === 1 ? '' : 's'}`}`));
  }
  out.push(`  ${personsLine(t.persons, lang)}`);
  out.push(
    ja
      ? '個人データの判定は標本に基づく推定です。マスク済みの例のみを表示し、値そのものは出力しません。'
      : 'Findings are estimates from the content read; only masked examples are shown, never a value.',
  );
  // A file name with a newline or ESC cannot forge a line or drive the terminal (src/text/sanitize.ts).
  return escapeLines(out).join('\n') + '\n';
}

export async function runClassify(paths: string[], flags: ClassifyFlags, write: (text: string) => void): Promise<number> {
  if (flags.out) checkOutputFile(flags.out, '--out');
  for (const p of paths) {
    try {
      await lstat(p);
    } catch (err) {
      const code = errorCode(err);
      throw new UsageError(code === 'ENOENT' ? `no such file or directory: ${maskText(p)}` : `cannot access ${maskText(p)} (${code})`);
    }
  }
  const limits: Partial<DecodeLimits> = {
    maxBytes: flags.maxBytes,
    maxDecompressedBytes: flags.maxDecompressed,
    maxRatio: flags.maxRatio,
    maxZipEntries: flags.maxEntries,
    timeBudgetMs: Math.round(flags.timeLimit * 1000),
  };
  const report = await classifyPaths(paths, limits, flags.examples, { enabled: flags.ocr !== 'off', maxImages: flags.ocrMaxImages, timeLimitMs: flags.ocrTimeLimit });
  const text = flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderClassifyTable(report, flags.lang);
  if (flags.out) await writeFileAtomic(flags.out, text);
  else write(text);
  return classifyExitCode(report, flags.failOnPersonal);
}

/**
 * 1 when --fail-on-personal and personal data was found (certain, even if something else was not read); else 3
 * when a file was unreadable or partly read (a limit, a container too deep, content not decoded: what it holds is
 * unknown, so "clean" cannot be said); else 0. Devices, FIFOs and sockets skipped on purpose do not count.
 */
export function classifyExitCode(report: ClassifyReport, failOnPersonal: boolean): number {
  if (failOnPersonal && report.total.personalDataFiles > 0) return EXIT.FINDINGS;
  if (report.total.unreadableFiles > 0 || report.total.truncatedFiles > 0) return EXIT.INCOMPLETE;
  return EXIT.OK;
}
