// `kumoscan classify PATH...`: decode and classify local files (directories recursively) before they are
// uploaded — per file and in total: detected types, confidence, counts, persons, APPI classes and masked
// examples. Never a raw value: the Classifier keeps only masked examples and salted hashes. Results are streamed
// (classifyEach): JSON Lines writes each file as it is classified; the JSON and the table keep the totals and the
// --top riskiest files (./classify-totals.ts), so memory does not grow with the number of files. The command's flags
// and help are in ./classify-cli.ts, which imports this module when the command runs.
import { personsBasisJa } from './data/detect/persons-basis-ja.js';
import { DETECTOR_NAMES } from './data/detect/detector-names.js';
import { noteText } from './data/decode/note-messages.js';
import { lstat } from 'node:fs/promises';
import { displayWidth } from '../reports/render/table.js';
import type { Lang } from './model.js';
import { classifyLocalFile, type ClassifyOptions } from './data/decode/classify.js';
import { DEFAULT_LIMITS, errorCode, formatBytes, type DecodeLimits } from './data/decode/limits.js';
import { Classifier } from './data/detect/classifier.js';
import { PersonLedger } from './data/detect/persons.js';
import type { AppiClass, Confidence, DetectorId, FileProfile } from './data/types.js';
import { isPersonal, TopFiles, TotalAccumulator, type ClassifiedFile, type ClassifyTotal } from './classify-totals.js';
import { Reached, walk } from './classify-walk.js';
import { EXIT, UsageError } from './errors.js';
import { openAtomicWriter } from './io/atomic-write.js';
import { checkOutputFile } from './io/output-paths.js';
import { VERSION } from './package-info.js';
import { maskText } from './text/mask-text.js';
import { escapeLines } from './text/sanitize.js';
import { OcrService, type OcrSettings } from './data/ocr/index.js';

export interface ClassifyFlags {
  format: 'table' | 'json' | 'jsonl';
  /** Files listed in the JSON and the table: the riskiest first. */
  top: number;
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

export type { ClassifiedFile, ClassifyTotal } from './classify-totals.js';
export { isPersonal } from './classify-totals.js';

export interface ClassifyReport {
  tool: { name: 'kumoscan'; version: string };
  limits: DecodeLimits;
  /** How many files `files` lists at most (--top). */
  top: number;
  /** The riskiest files, riskiest first (classify-totals.ts, riskOf); every file is in --format jsonl. */
  files: ClassifiedFile[];
  /** Files classified but not listed in `files` (counted in `total`). */
  filesNotListed: number;
  total: ClassifyTotal;
}

const CLASS_NAMES: Record<AppiClass, { ja: string; en: string }> = {
  specific_personal_information: { ja: '特定個人情報', en: 'specific personal information (My Number)' },
  sensitive: { ja: '要配慮個人情報', en: 'special care-required personal information' },
  financial: { ja: '財産的被害のおそれ', en: 'risk of financial damage' },
  personal: { ja: '個人情報', en: 'personal information' },
  not_personal: { ja: '個人情報なし（法人番号のみ）', en: 'not personal (corporate numbers only)' },
};

/** Yields to the event loop every so many files: the reads are synchronous, a SIGINT must still be handled. */
const FILES_BETWEEN_TURNS = 256;

/**
 * Classifies every file under `paths` and hands each result to `onFile` as soon as it is made (masked paths and
 * notes); returns the totals. Nothing per file is kept here. `ocr`: OCR of pictures (default on), one budget for
 * the whole run; the engine is closed before this returns.
 */
export async function classifyEach(paths: readonly string[], limits: Partial<DecodeLimits>, maxExamples: number, ocr: OcrSettings, onFile: (file: ClassifiedFile) => void | Promise<void>): Promise<ClassifyTotal> {
  const service = new OcrService(ocr);
  try {
    const ledger = new PersonLedger();
    const imageText = service.reader();
    const opts: ClassifyOptions = { limits, maxExamples, ledger, salt: ledger.salt, ...(imageText ? { imageText } : {}) };
    const totals = new TotalAccumulator();
    const seen = new Reached();
    let sinceTurn = 0;
    for (const root of paths) {
      for (const t of walk(root, seen)) {
        let profile: FileProfile;
        let read = true;
        let unreadable = false;
        if (t.skip) {
          read = false;
          unreadable = t.skip.code !== 'ENOTREG';
          profile = new Classifier({ path: t.path, encoding: 'unknown', format: 'unknown', salt: ledger.salt }).finish({ bytesRead: 0, truncated: true, notes: [t.skip.note] });
        } else {
          const maybe = classifyLocalFile(t.path, t.size ?? Infinity, opts);
          const r = maybe instanceof Promise ? await maybe : maybe;
          if (r.error !== undefined) {
            unreadable = true;
            read = false;
          }
          profile = r.profile;
        }
        // A file name can hold a personal value (a My Number, an e-mail): masked like object keys in every output.
        const file = { ...profile, path: maskText(profile.path), notes: profile.notes.map(maskText), personalData: isPersonal(profile) };
        totals.add(file, read, unreadable);
        const written = onFile(file);
        if (written !== undefined) await written;
        if (++sinceTurn >= FILES_BETWEEN_TURNS) {
          sinceTurn = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    return totals.total(ledger);
  } finally {
    await service.close();
  }
}

function reportOf(limits: Partial<DecodeLimits>, top: number, files: ClassifiedFile[], total: ClassifyTotal): ClassifyReport {
  return { tool: { name: 'kumoscan', version: VERSION }, limits: { ...DEFAULT_LIMITS, ...limits }, top, files, filesNotListed: total.files - files.length, total };
}

/** The report of a run with the `top` riskiest files (default: every file, riskiest first). */
export async function classifyPaths(paths: readonly string[], limits: Partial<DecodeLimits>, maxExamples: number, ocr: OcrSettings = {}, top = Number.MAX_SAFE_INTEGER): Promise<ClassifyReport> {
  const kept = new TopFiles(top);
  const total = await classifyEach(paths, limits, maxExamples, ocr, (f) => kept.offer(f));
  return reportOf(limits, top, kept.files(), total);
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
  out.push(`kumoscan ${report.tool.version} — ${ja ? `個人データの分類（${report.total.files} ファイル）` : `personal-data classification (${report.total.files} files)`}`);
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
    for (const n of f.notes) out.push(`  ${ja ? `注記: ${noteText(n, 'ja')}` : `note: ${n}`}`);
    out.push('');
  }
  if (report.filesNotListed > 0) {
    const n = report.filesNotListed;
    out.push(ja ? `リスクの高い順に ${report.files.length} ファイルを表示。ほかの ${n} ファイルは合計にのみ含まれます（--top で件数を変更、--format jsonl で全ファイルを出力）。` : `The ${report.files.length} riskiest files are shown; ${n} more file${n === 1 ? ' is' : 's are'} only in the total (--top changes the number, --format jsonl lists every file).`);
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

/** Where the result goes: standard output, or --out written atomically (the previous file stays until the end). */
interface Sink {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

async function openSink(out: string | undefined, write: (text: string) => void): Promise<Sink> {
  if (out === undefined) return { write: (text) => Promise.resolve(write(text)), commit: () => Promise.resolve(), abort: () => Promise.resolve() };
  const w = await openAtomicWriter(out);
  return { write: (text) => w.write(Buffer.from(text, 'utf8')), commit: () => w.commit(), abort: () => w.abort() };
}

/** Lines of JSON Lines gathered into writes of about this many characters. */
const JSONL_FLUSH = 64 * 1024;

/**
 * --format jsonl: one line per file as soon as it is classified (`"record":"file"`), then one summary line
 * (`"record":"summary"`: tool, limits, total). Nothing per file stays in memory.
 */
async function classifyToJsonLines(paths: readonly string[], limits: Partial<DecodeLimits>, flags: ClassifyFlags, ocr: OcrSettings, sink: Sink): Promise<ClassifyTotal> {
  let buffered: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const text = buffered.join('');
    buffered = [];
    size = 0;
    await sink.write(text);
  };
  // a promise only when the buffer is written out (classifyEach awaits nothing in between)
  const total = await classifyEach(paths, limits, flags.examples, ocr, (f) => {
    const line = `${JSON.stringify({ record: 'file', ...f })}\n`;
    buffered.push(line);
    size += line.length;
    return size >= JSONL_FLUSH ? flush() : undefined;
  });
  buffered.push(`${JSON.stringify({ record: 'summary', tool: { name: 'kumoscan', version: VERSION }, limits: { ...DEFAULT_LIMITS, ...limits }, total })}\n`);
  await flush();
  return total;
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
  const ocr: OcrSettings = { enabled: flags.ocr !== 'off', maxImages: flags.ocrMaxImages, timeLimitMs: flags.ocrTimeLimit };
  const sink = await openSink(flags.out, write);
  let total: ClassifyTotal;
  try {
    if (flags.format === 'jsonl') total = await classifyToJsonLines(paths, limits, flags, ocr, sink);
    else {
      const report = await classifyPaths(paths, limits, flags.examples, ocr, flags.top);
      total = report.total;
      await sink.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderClassifyTable(report, flags.lang));
    }
  } catch (err) {
    await sink.abort();
    throw err;
  }
  await sink.commit();
  return classifyExitCode(total, flags.failOnPersonal);
}

/**
 * 1 when --fail-on-personal and personal data was found (certain, even if something else was not read); else 3
 * when a file was unreadable or partly read (a limit, a container too deep, content not decoded: what it holds is
 * unknown, so "clean" cannot be said); else 0. Devices, FIFOs and sockets skipped on purpose do not count.
 */
export function classifyExitCode(total: ClassifyTotal, failOnPersonal: boolean): number {
  if (failOnPersonal && total.personalDataFiles > 0) return EXIT.FINDINGS;
  if (total.unreadableFiles > 0 || total.truncatedFiles > 0) return EXIT.INCOMPLETE;
  return EXIT.OK;
}
