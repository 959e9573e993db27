// The IAM credential report: GetCredentialReport returns a CSV (base64 on the wire; the SDK hands over the bytes).
// Parsed here into its header and one record per row, exactly the report's columns and nothing else: the report
// names employees (user names are identifiers of persons), so kumoscan keeps no more of it than AWS wrote.
import type { AwsIamCredentialReport } from '../snapshot-types.js';

/** RFC 4180 CSV: fields separated by commas, optionally quoted ("" inside quotes is one quote), CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < body.length) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch === '\r') {
      if (body[i + 1] !== '\n') endRow();
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** The report's bytes (UTF-8 CSV) -> header and records; rows with a different number of fields are dropped. */
export function parseCredentialReport(content: Uint8Array | string, meta: { GeneratedTime?: string; ReportFormat?: string } = {}): AwsIamCredentialReport {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  const [header = [], ...body] = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  const rows = body
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((column, i) => [column, r[i] ?? ''])));
  return {
    ...(meta.GeneratedTime !== undefined ? { GeneratedTime: meta.GeneratedTime } : {}),
    ...(meta.ReportFormat !== undefined ? { ReportFormat: meta.ReportFormat } : {}),
    columns: header,
    rows,
  };
}

/** The user name of the root user's row. */
export const ROOT_ROW = '<root_account>';
