// An RFC 4180 reader for the tests of the CSV report: quoted fields, doubled quotes, CRLF records; strict about
// garbage after a closing quote and bare quotes.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`garbage after a closing quote at ${i}`);
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
    } else if (c === '"') {
      throw new Error(`a bare quote inside an unquoted field at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`LF without CR outside quotes at ${i}`);
    } else {
      field += c;
      atFieldStart = false;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}
