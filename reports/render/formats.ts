// Rendering one or more reports in one of the formats of `--format` (their names, files and parsing are in
// ./format-names.ts, which loads no renderer). Pure.
import { renderCsv } from './csv.js';
import { htmlChunks, renderHtml } from './html.js';
import { renderJson, type Report } from './json.js';
import { jsonChunks } from './json-stream.js';
import { reportDocument } from './report-document.js';
import { renderMarkdown } from './md.js';
import { renderSarif } from './sarif.js';
import { renderTable, type TableOptions } from './table.js';
import type { Lang } from './view.js';
import type { Format } from './format-names.js';

export { FORMATS, combinesReports, fileNameFor, isPrinted, parseFormats, type Format } from './format-names.js';

export interface RenderOptions {
  /** Language of the table, Markdown and SARIF messages, and the one the HTML report starts in (it has a switch). */
  lang: Lang;
  /** The console table's --details and --severity. */
  table?: TableOptions;
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
      return renderTable(one(), opts.lang, opts.table);
    case 'html':
      return renderHtml(reports, { lang: opts.lang });
    case 'pdf':
      // The page the PDF is printed from (emitReports prints it); its print media is the summary.
      return renderHtml(reports, { lang: opts.lang });
    case 'sarif':
      return renderSarif(reports, { lang: opts.lang });
    case 'md':
      return renderMarkdown(reports, { lang: opts.lang });
    case 'csv':
      return renderCsv(reports);
  }
}

/**
 * The same text as renderFormat, in pieces: a JSON report is written piece by piece (a report of 100,000 buckets is
 * longer than one string can be), and so is the HTML page (its 100,000 table rows are never one string); the other
 * formats come as one piece.
 */
export function renderFormatChunks(format: Format, reports: readonly Report[], opts: RenderOptions): Iterable<string> {
  if (format === 'json') {
    const [first, ...rest] = reports;
    if (!first || rest.length > 0) throw new Error('the json format renders exactly one report');
    return jsonChunks(reportDocument(first));
  }
  if (format === 'html') return htmlChunks(reports, { lang: opts.lang });
  return [renderFormat(format, reports, opts)];
}
