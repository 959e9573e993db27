// A small PDF writer for the demo, laid out the way office suites (LibreOffice, Word, Excel) export documents: every
// run of text is its own `BT /F Tf 1 0 0 1 x y Tm … Tj ET` at an absolute position, in the order given (the caller
// need not write them line by line: src/demo/register-pdf.ts writes them column by column), so a
// reader that joins text operators line by line gets nothing useful; the lines and the table columns exist only
// in the positions. Latin text uses the standard Helvetica (WinAnsi); Japanese text a Type0 font with the
// Identity-H encoding and a ToUnicode CMap (one CID per distinct character), without embedded glyphs — enough for
// a text extractor, which is all the demo needs. Content streams are Flate-compressed.
import { deflateSync } from 'node:zlib';

export interface TextRun {
  /** Left end of the baseline, in points from the bottom-left corner of an A4 page (595 × 842). */
  x: number;
  y: number;
  text: string;
  /** Font size in points (default 9). */
  size?: number;
}

export const A4 = { width: 595, height: 842 } as const;

/** Text that Helvetica's WinAnsi encoding writes byte for byte (printable ASCII). */
function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Helvetica advance widths (1/1000 em) of what the demo writes: digits, hyphen, space, letters. */
export function helveticaWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch === ' ' ? 278 : ch === '-' ? 333 : /[0-9a-z]/.test(ch) ? 556 : /[A-Z]/.test(ch) ? 667 : 278;
  return (w * size) / 1000;
}

/** Width of a run as drawn: Helvetica for ASCII, one em a character for Japanese (the CID font's default width). */
export function runWidth(text: string, size: number): number {
  return isAscii(text) ? helveticaWidth(text, size) : [...text].length * size;
}

const utf16Hex = (s: string): string => Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();
const literal = (s: string): string => `(${s.replace(/([()\\])/g, '\\$1')})`;

/** Writes a PDF with one A4 page per entry. */
export function writeOfficePdf(pages: readonly (readonly TextRun[])[], title: string): Buffer {
  const objs: Buffer[] = [];
  const add = (o: string | Buffer): number => objs.push(typeof o === 'string' ? Buffer.from(o, 'latin1') : o);
  const stream = (dict: string, data: Buffer): Buffer => {
    const body = deflateSync(data);
    return Buffer.concat([Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
  };
  const catalog = add('');
  const tree = add('');
  const helv = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const chars = [...new Set(pages.flatMap((runs) => runs.flatMap((r) => (isAscii(r.text) ? [] : [...r.text]))))];
  const cid = new Map(chars.map((c, i) => [c, i + 1]));
  const cidHex = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();
  // A ToUnicode CMap takes at most 100 entries per bfchar block.
  const blocks: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const part = chars.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.map((c, k) => `<${cidHex(i + k + 1)}> <${utf16Hex(c)}>`).join('\n')}\nendbfchar`);
  }
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${blocks.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const toUnicode = add(stream('', Buffer.from(cmap, 'latin1')));
  const descriptor = add('<< /Type /FontDescriptor /FontName /IPAexGothic /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /IPAexGothic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const jp = add(`<< /Type /Font /Subtype /Type0 /BaseFont /IPAexGothic /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const runs of pages) {
    const ops = runs.map((r) => {
      const [font, shown] = isAscii(r.text) ? ['F1', `${literal(r.text)} Tj`] : ['F2', `<${[...r.text].map((c) => cidHex(cid.get(c) ?? 0)).join('')}> Tj`];
      return `BT /${font} ${r.size ?? 9} Tf 1 0 0 1 ${r.x.toFixed(2)} ${r.y.toFixed(2)} Tm ${shown} ET`;
    });
    const content = add(stream('', Buffer.from(ops.join('\n'), 'latin1')));
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 ${helv} 0 R /F2 ${jp} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  const info = add(`<< /Title <FEFF${utf16Hex(title)}> /Producer (kumoscan demo) >>`);
  objs[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`, 'latin1');
  objs[tree - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let pos = parts[0]?.length ?? 0;
  const offsets = objs.map((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    const at = pos;
    pos += b.length;
    return at;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${pos}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
