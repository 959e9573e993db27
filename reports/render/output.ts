// Where rendered reports go: one format to standard output or --out FILE (as before), or any number of formats
// into --out-dir DIR as kumoscan-report.<ext>. Shared by `kumoscan scan` and `kumoscan report`.
import { join } from 'node:path';
import { UsageError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { checkOutputFile, prepareOutputDir } from '../../src/io/output-paths.js';
import type { Report } from './json.js';
import { FORMATS, combinesReports, fileNameFor, isPrinted, parseFormats, renderFormat, renderFormatChunks, type Format, type RenderOptions } from './formats.js';
import { findChromium, printPdf } from './pdf.js';
import type { TableOptions } from './table.js';
import type { Lang } from './view.js';

export interface EmitOptions {
  out?: string;
  outDir?: string;
  lang: Lang;
  /** The console table's --details and --severity. */
  table?: TableOptions;
}

/**
 * The usage errors of a format list and its destination, found before any work is done: the --out file's folder
 * must exist and be writable; --out-dir is created when missing.
 */
export function checkOutputs(reportCount: number, formats: readonly Format[], opts: { out?: string | undefined; outDir?: string | undefined; lang?: Lang | undefined }): void {
  if (opts.out !== undefined && opts.outDir !== undefined) throw new UsageError('give --out FILE (one format) or --out-dir DIR, not both');
  if (formats.length > 1 && opts.outDir === undefined) throw new UsageError(`several formats (${formats.join(', ')}) need --out-dir DIR; each is written there as kumoscan-report.<ext>`);
  if (reportCount > 1) {
    const single = formats.filter((f) => !combinesReports(f));
    if (single.length > 0) throw new UsageError(`the ${single.join(' and ')} format${single.length > 1 ? 's render' : ' renders'} one report at a time; give one SCAN.json, or use html, sarif, md or csv to combine several`);
  }
  if (formats.some(isPrinted)) {
    if (opts.out === undefined && opts.outDir === undefined) throw new UsageError('the pdf format writes a file: give --out FILE.pdf or --out-dir DIR');
    findChromium(opts.lang ?? 'en');
  }
  if (opts.out !== undefined) checkOutputFile(opts.out, '--out');
  if (opts.outDir !== undefined) prepareOutputDir(opts.outDir);
}

function renderOptions(opts: EmitOptions): RenderOptions {
  return { lang: opts.lang, ...(opts.table ? { table: opts.table } : {}) };
}

/** Renders `reports` in every format and writes them out (each file atomically); returns the files written ([] for standard output). */
export async function emitReports(reports: readonly Report[], formats: readonly Format[], opts: EmitOptions, write: (text: string) => void): Promise<string[]> {
  checkOutputs(reports.length, formats, opts);
  if (opts.outDir === undefined) {
    const format = formats[0] ?? 'table';
    if (isPrinted(format) && opts.out !== undefined) {
      await writeFileAtomic(opts.out, await printed(format, reports, opts.lang));
      return [opts.out];
    }
    const chunks = renderFormatChunks(format, reports, renderOptions(opts));
    if (opts.out !== undefined) await writeFileAtomic(opts.out, chunks);
    else for (const chunk of chunks) write(chunk);
    return opts.out !== undefined ? [opts.out] : [];
  }
  const written: string[] = [];
  for (const format of formats) {
    const path = join(opts.outDir, fileNameFor(format));
    await writeFileAtomic(path, isPrinted(format) ? await printed(format, reports, opts.lang) : renderFormatChunks(format, reports, renderOptions(opts)));
    written.push(path);
  }
  return written;
}

/** A printed format's bytes: the rendered page through Chromium (playwright-core is loaded only then). */
async function printed(format: Format, reports: readonly Report[], lang: Lang): Promise<Uint8Array> {
  return printPdf(renderFormat(format, reports, { lang }), { lang });
}
