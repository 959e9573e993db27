// Builds container fixtures in memory for the decoder tests: a minimal zip writer (node:zlib deflateRaw, local
// headers, optional data descriptors, central directory), XLSX and DOCX on top of it, and small PDFs with
// each text run drawn at its own position (./pdf-writer.ts).
import { deflateRawSync } from 'node:zlib';
import { writePdf, type PdfTextRun } from './pdf-writer.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = (CRC_TABLE[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipMember {
  name: string;
  data: Buffer | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Sizes and CRC after the data (general purpose flag bit 3), as streaming writers do. */
  descriptor?: boolean;
}

export function zip(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const data = typeof m.data === 'string' ? Buffer.from(m.data, 'utf8') : m.data;
    const body = m.store ? data : deflateRawSync(data);
    const method = m.store ? 0 : 8;
    const crc = crc32(data);
    const name = Buffer.from(m.name, 'utf8');
    const flags = 0x0800 | (m.descriptor ? 0x0008 : 0);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt16LE(0, 10);
    lh.writeUInt16LE(0x21, 12);
    lh.writeUInt32LE(m.descriptor ? 0 : crc, 14);
    lh.writeUInt32LE(m.descriptor ? 0 : body.length, 18);
    lh.writeUInt32LE(m.descriptor ? 0 : data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    const parts = [lh, name, body];
    if (m.descriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(body.length, 8);
      dd.writeUInt32LE(data.length, 12);
      parts.push(dd);
    }
    const local = Buffer.concat(parts);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(0x21, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([ch, name]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(members.length, 8);
  eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colName(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A cell: text (shared string), a number, an Excel date serial shown as a date, or an inline string. */
export type XlsxCell = string | number | { date: number } | { inline: string } | null;

export interface XlsxOptions {
  /** Zip members with data descriptors (streaming writers). */
  descriptor?: boolean;
}

/** An XLSX whose parts come in Excel's order: sheets first, then styles and the shared strings. */
export function xlsx(sheets: readonly (readonly (readonly XlsxCell[])[])[], opts: XlsxOptions = {}): Buffer {
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const sheetXml = sheets.map((rows) => {
    const rowXml = rows.map((cells, r) => {
      const cs = cells.map((c, j) => {
        const ref = `${colName(j)}${r + 1}`;
        if (c === null) return '';
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        if (typeof c === 'string') {
          let i = sstIndex.get(c);
          if (i === undefined) {
            i = sst.length;
            sst.push(c);
            sstIndex.set(c, i);
          }
          return `<c r="${ref}" t="s"><v>${i}</v></c>`;
        }
        if ('date' in c) return `<c r="${ref}" s="1"><v>${c.date}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
      });
      return `<row r="${r + 1}">${cs.join('')}</row>`;
    });
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml.join('')}</sheetData></worksheet>`;
  });
  const d = opts.descriptor === true;
  const members: ZipMember[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', descriptor: d },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>', descriptor: d },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}"/>`).join('')}</sheets></workbook>`, descriptor: d },
    ...sheetXml.map((x, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: x, descriptor: d })),
    {
      name: 'xl/styles.xml',
      data: '<?xml version="1.0"?><styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>',
      descriptor: d,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0"?><sst count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>`).join('')}</sst>`,
      descriptor: d,
    },
  ];
  return zip(members);
}

/** A DOCX body: a string is a paragraph, an array is a table (rows of cells). */
export function docx(body: readonly (string | readonly (readonly string[])[])[]): Buffer {
  const p = (t: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const xml = body
    .map((b) =>
      typeof b === 'string'
        ? p(b)
        : `<w:tbl><w:tblPr/>${b.map((row) => `<w:tr>${row.map((c) => `<w:tc><w:tcPr/>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}<w:sectPr/></w:body></w:document>` },
  ]);
}

// ---------------------------------------------------------------------------------------------- PDF

/** One text run of a PDF page and the font that shows it. */
export type PdfRun =
  /** Helvetica (WinAnsi): ASCII text in a literal string. */
  | { simple: string }
  /** A Type0 Identity-H font with a ToUnicode CMap (glyph ids 1, 2, … for each distinct character). */
  | { cid: string }
  /** A Type0 font with the predefined 90ms-RKSJ-H CMap: the bytes are Shift_JIS. */
  | { rksj: Buffer }
  /** Identity-H without ToUnicode: cannot be decoded. */
  | { opaque: string };

/** A PDF with one page per entry, one run per line (see ./pdf-writer.ts); content streams Flate-compressed unless `uncompressed`. */
export function pdf(pages: readonly (readonly PdfRun[])[], opts: { uncompressed?: boolean } = {}): Buffer {
  const run = (r: PdfRun, i: number): PdfTextRun => {
    const at = { x: 72, y: 700 - i * 20, size: 12 };
    if ('simple' in r) return { ...at, text: r.simple };
    if ('cid' in r) return { ...at, text: r.cid, font: 'jp' };
    if ('rksj' in r) return { ...at, text: new TextDecoder('shift_jis').decode(r.rksj), font: 'sjis' };
    return { ...at, text: r.opaque, font: 'opaque' };
  };
  return writePdf(pages.map((runs) => ({ runs: runs.map(run) })), { compress: !opts.uncompressed });
}
