// Where rendered reports go: one format to standard output or --out FILE (as before), or any number of formats
// into --out-dir DIR as kumoscan-report.<ext>. Shared by `kumoscan scan` and `kumoscan report`.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../../src/errors.js';
import type { Report } from './json.js';
import { FORMATS, combinesReports, fileNameFor, parseFormats, renderFormatChunks, type Format } from './formats.js';
import type { Lang } from './view.js';

/** commander argParser for --format: a comma-separated list of formats. */
export function formatList(value: string): Format[] {
  const parsed = parseFormats(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return parsed;
}

export const FORMAT_HELP = `report format(s), comma-separated: ${FORMATS.join(', ')} (several need --out-dir)`;

export interface EmitOptions {
  out?: string;
  outDir?: string;
  lang: Lang;
}

function writeFile(path: string, chunks: Iterable<string>): void {
  try {
    const fd = openSync(path, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** The usage errors of a format list and its destination, found before any work is done. */
export function checkOutputs(reportCount: number, formats: readonly Format[], opts: { out?: string | undefined; outDir?: string | undefined }): void {
  if (opts.out !== undefined && opts.outDir !== undefined) throw new UsageError('give --out FILE (one format) or --out-dir DIR, not both');
  if (formats.length > 1 && opts.outDir === undefined) throw new UsageError(`several formats (${formats.join(', ')}) need --out-dir DIR; each is written there as kumoscan-report.<ext>`);
  if (reportCount > 1) {
    const single = formats.filter((f) => !combinesReports(f));
    if (single.length > 0) throw new UsageError(`the ${single.join(' and ')} format${single.length > 1 ? 's render' : ' renders'} one report at a time; give one SCAN.json, or use html, sarif, md or csv to combine several`);
  }
}

/** Renders `reports` in every format and writes them out; returns the files written ([] for standard output). */
export function emitReports(reports: readonly Report[], formats: readonly Format[], opts: EmitOptions, write: (text: string) => void): string[] {
  checkOutputs(reports.length, formats, opts);
  if (opts.outDir === undefined) {
    const format = formats[0] ?? 'table';
    const chunks = renderFormatChunks(format, reports, { lang: opts.lang });
    if (opts.out !== undefined) writeFile(opts.out, chunks);
    else for (const chunk of chunks) write(chunk);
    return opts.out !== undefined ? [opts.out] : [];
  }
  try {
    mkdirSync(opts.outDir, { recursive: true });
  } catch (err) {
    throw new UsageError(`cannot create ${opts.outDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return formats.map((format) => {
    const path = join(opts.outDir ?? '.', fileNameFor(format));
    writeFile(path, renderFormatChunks(format, reports, { lang: opts.lang }));
    return path;
  });
}
