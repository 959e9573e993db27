// The report formats of `--format` (a comma-separated list), the file each one is written to with --out-dir, and
// rendering one or more reports in one of them. Pure.
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, type Report } from './json.js';
import { jsonChunks } from './json-stream.js';
import { reportDocument } from './report-document.js';
import { renderMarkdown } from './md.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';
import type { Lang } from './view.js';

/** The two of the first version first (the wording of their errors stays the same). */
export const FORMATS = ['json', 'table', 'html', 'sarif', 'md', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSION: Record<Format, string> = { json: 'json', html: 'html', sarif: 'sarif', md: 'md', csv: 'csv', table: 'txt' };

/** The file a format is written to in --out-dir: kumoscan-report.<ext>. */
export function fileNameFor(format: Format, base = 'kumoscan-report'): string {
  return `${base}.${EXTENSION[format]}`;
}

function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

/** "json,html" -> ['json', 'html'] (trimmed, de-duplicated, in the order given); an unknown name is an error message. */
export function parseFormats(value: string): Format[] | string {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (names.length === 0) return `give at least one of ${FORMATS.join(', ')}`;
  const unknown = names.filter((n) => !isFormat(n));
  if (unknown.length > 0) return `unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. Allowed choices are ${FORMATS.join(', ')} (comma-separated; several need --out-dir).`;
  return [...new Set(names.filter(isFormat))];
}

export interface RenderOptions {
  /** Language of the table, Markdown and SARIF messages; the HTML report starts in Japanese and has a switch. */
  lang: Lang;
}

/** Renders reports in one format. JSON and the table take exactly one report. */
export function renderFormat(format: Format, reports: readonly Report[], opts: RenderOptions): string {
  const one = (): Report => {
    const [first, ...rest] = reports;
    if (!first || rest.length > 0) throw new Error(`the ${format} format renders exactly one report`);
    return first;
  };
  switch (format) {
    case 'json':
      return renderJson(one());
    case 'table':
      return renderTable(one(), opts.lang);
    case 'html':
      return renderHtml(reports, { lang: 'ja' });
    case 'sarif':
      return renderSarif(reports, { lang: opts.lang });
    case 'md':
      return renderMarkdown(reports, { lang: opts.lang });
    case 'csv':
      return renderCsv(reports);
  }
}

/** Formats that can hold several reports in one file (one per provider, e.g. the demo's). */
export function combinesReports(format: Format): boolean {
  return format !== 'json' && format !== 'table';
}

/**
 * The same text as renderFormat, in pieces: a JSON report is written piece by piece (a report of 100,000 buckets is
 * longer than one string can be); the other formats come as one piece.
 */
export function renderFormatChunks(format: Format, reports: readonly Report[], opts: RenderOptions): Iterable<string> {
  if (format === 'json') {
    const [first, ...rest] = reports;
    if (!first || rest.length > 0) throw new Error('the json format renders exactly one report');
    return jsonChunks(reportDocument(first));
  }
  return [renderFormat(format, reports, opts)];
}
