// The report formats by name: what `--format` accepts, the file each is written to with --out-dir, which can hold
// several reports. No renderer is loaded here (they are in ./formats.ts), so the command line parses --format
// without loading them.
/** The two of the first version first (the wording of their errors stays the same). */
export const FORMATS = ['json', 'table', 'html', 'sarif', 'md', 'csv', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSION: Record<Format, string> = { json: 'json', html: 'html', sarif: 'sarif', md: 'md', csv: 'csv', table: 'txt', pdf: 'pdf' };

/** Formats written as a file printed from the rendered text (pdf: the HTML report printed by Chromium, reports/render/pdf.ts). */
export function isPrinted(format: Format): boolean {
  return format === 'pdf';
}

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

/** Formats that can hold several reports in one file (one per provider, e.g. the demo's). */
export function combinesReports(format: Format): boolean {
  return format !== 'json' && format !== 'table';
}
