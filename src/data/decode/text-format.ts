// Which text format a decoded head is: by file name first where the name is specific (.csv, .json, .xml …),
// by content where it is not (.txt, .dat, no extension): JSON/JSONL by their first values, XML/HTML by their
// first tag, CSV/TSV by a consistent delimiter count per record, plain text otherwise.
import { sniffDelimiter } from './csv.js';
import { extensionOf } from './magic.js';

export type TextFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'xml' | 'html' | 'text';

export interface TextFormatGuess {
  format: TextFormat;
  /** CSV/TSV delimiter. */
  delimiter?: string;
}

const BY_EXTENSION: Record<string, TextFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  geojson: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  xml: 'xml',
  xsd: 'xml',
  svg: 'xml',
  rss: 'xml',
  atom: 'xml',
  plist: 'xml',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  log: 'text',
  md: 'text',
  yaml: 'text',
  yml: 'text',
  ini: 'text',
  conf: 'text',
  sql: 'text',
  eml: 'text',
};

/** The first non-empty line, or null. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let pos = 0;
  while (lines.length < count && pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const line = (nl < 0 ? text.slice(pos) : text.slice(pos, nl)).trim();
    if (line !== '') lines.push(line);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return lines;
}

function parses(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function jsonKind(text: string): 'json' | 'jsonl' {
  const lines = firstLines(text, 3);
  const [a, b] = lines;
  if (a !== undefined && b !== undefined && (b.startsWith('{') || b.startsWith('[')) && a.length < 1_000_000 && parses(a)) return 'jsonl';
  return 'json';
}

function csvGuess(head: string, fallback: TextFormat): TextFormatGuess {
  const d = sniffDelimiter(head);
  if (d === null) return fallback === 'tsv' ? { format: 'tsv', delimiter: '\t' } : fallback === 'csv' ? { format: 'csv', delimiter: ',' } : { format: fallback };
  return { format: d.delimiter === '\t' ? 'tsv' : 'csv', delimiter: d.delimiter };
}

/** `head`: the decoded first bytes (BOM removed). `complete`: the head is the whole content. */
export function detectTextFormat(name: string, head: string): TextFormatGuess {
  const ext = extensionOf(name);
  const byName = BY_EXTENSION[ext];
  const trimmed = head.replace(/^[\s\ufeff]+/, '');
  if (byName === 'csv' || byName === 'tsv') return csvGuess(head, byName);
  if (byName === 'json' || byName === 'jsonl') return { format: byName === 'json' ? jsonKind(trimmed) : 'jsonl' };
  if (byName === 'xml' || byName === 'html') return { format: byName };
  if (byName === 'text') return { format: 'text' };
  // Not said by the name: look.
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { format: jsonKind(trimmed) };
  if (trimmed.startsWith('<')) {
    const start = trimmed.slice(0, 2048).toLowerCase();
    if (start.includes('<!doctype html') || start.includes('<html')) return { format: 'html' };
    if (/^<(\?xml|[a-z_][\w.:-]*[\s>/])/i.test(trimmed)) return { format: 'xml' };
  }
  const d = sniffDelimiter(head);
  // Needs several records with the same count: one line with a comma is prose, not a table.
  if (d !== null && d.records >= 3) return { format: d.delimiter === '\t' ? 'tsv' : 'csv', delimiter: d.delimiter };
  return { format: 'text' };
}
