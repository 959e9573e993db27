// `kumoscan classify PATH...`: its flags and help, registered on the program by src/cli.ts. The decoders, detectors
// and OCR (./classify-command.ts) are imported when the command runs.
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ClassifyFlags } from './classify-command.js';
import { DEFAULT_LIMITS, MiB } from './data/decode/limits.js';
import { langOption } from './lang-option.js';
import { ocrOptions } from './ocr-flags.js';

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: MiB, mb: MiB, mib: MiB, g: 1024 * MiB, gb: 1024 * MiB, gib: 1024 * MiB };

/** `64MiB`, `512k`, `1G`, `1048576`; 0 means no limit. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = SIZE_UNITS[(m?.[2] ?? '?').toLowerCase()];
  if (!m || unit === undefined) throw new InvalidArgumentError('must be a size such as 64MiB, 512KiB, 1GiB or a number of bytes (0 = no limit)');
  return Math.floor(Number(m[1]) * unit);
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number ≥ 0 (0 = no limit)');
  return n;
}

function intRange(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    return n;
  };
}

const EXAMPLES = `
Examples:
  # an export before it is uploaded
  $ kumoscan classify employees.csv

  # a whole folder (recursively, hidden files included), JSON into a file, exit 1 when personal data is found
  $ kumoscan classify ./export --format json --out classify.json --fail-on-personal

  # 200,000 files: every result as one JSON line while it runs (the JSON and the table list the 100 riskiest)
  $ kumoscan classify ./archive --format jsonl --out classify.jsonl

  # read at most 8 MiB of each file, 10 s per file
  $ kumoscan classify ./export --max-bytes 8MiB --time-limit 10

  # scans of ID cards: at most 200 pictures and 5 minutes of OCR in the run
  $ kumoscan classify ./uploads --ocr-max-images 200 --ocr-time-limit 5m

Formats: CSV/TSV, JSON/JSONL, text/log, XML/HTML, XLSX, DOCX, PPTX, PDF (text, tables, form fields), zip, tar
and gzip (then the inner format), e-mail (.eml, attachments included); UTF-8 (with or without BOM),
Shift_JIS/CP932, EUC-JP, UTF-16, ISO-2022-JP are detected. Pictures (JPEG, PNG, TIFF, WebP, BMP, GIF) and
image-only PDF pages are read by OCR, offline (--ocr off: by file name only, inside archives too); HEIC and
unknown binaries are classified by file name only; legacy .xls/.doc are not decoded (partly read).

Exit codes:
  0  classified (no personal data, or --fail-on-personal not given)
  1  --fail-on-personal and personal data found in some file
  2  usage error (a path that does not exist, a bad flag)
  3  some files could not be read or were partly read (a limit, containers nested too deep, a member
     not decoded: see their notes); the others were classified. 1 wins over 3.
`;

export function registerClassifyCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  program
    .command('classify')
    .description('find personal data in local files (an export before it is uploaded): types, counts, persons, APPI classes')
    .argument('<paths...>', 'files or directories (recursively)')
    .addOption(new Option('--format <format>', 'output format (jsonl: one line per file as it is classified, then a summary line)').choices(['table', 'json', 'jsonl']).default('table'))
    .option('--top <n>', 'files listed in the table and the JSON, riskiest first (the total counts every file)', intRange(0, 1_000_000), 100)
    .addOption(langOption('language of the table'))
    .option('--out <file>', 'write the result to a file instead of standard output')
    .option('--fail-on-personal', 'exit 1 when personal data is found', false)
    .option('--max-bytes <size>', 'bytes read per file (0 = no limit)', parseSize, DEFAULT_LIMITS.maxBytes)
    .option('--max-decompressed <size>', 'bytes decompressed per file: gzip, zip entries, PDF streams (0 = no limit)', parseSize, DEFAULT_LIMITS.maxDecompressedBytes)
    .option('--max-ratio <n>', 'compression ratio above which a stream is a bomb (0 = no limit)', nonNegative, DEFAULT_LIMITS.maxRatio)
    .option('--max-entries <n>', 'zip entries looked at per file', intRange(1, 1_000_000), DEFAULT_LIMITS.maxZipEntries)
    .option('--time-limit <seconds>', 'time per file (0 = no limit)', nonNegative, DEFAULT_LIMITS.timeBudgetMs / 1000)
    .option('--examples <n>', 'masked examples per detector and confidence', intRange(0, 20), 3)
    .addOption(ocrOptions.ocr())
    .addOption(ocrOptions.maxImages('in the run'))
    .addOption(ocrOptions.timeLimit('for the run'))
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], flags: ClassifyFlags) => {
      const { runClassify } = await import('./classify-command.js');
      setExit(await runClassify(paths, flags, write));
    });
}
