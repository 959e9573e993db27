// A tiny PDF writer for the decoder tests. Every text run is drawn with its own `BT … Td/Tm … Tj ET` at an
// absolute position, as office suites (LibreOffice, Word) export them, so the decoder has to rebuild lines and
// table columns from positions. Fonts: Helvetica (WinAnsi) for ASCII, a Type0 Identity-H CID font with a
// ToUnicode CMap for Japanese, a Type0 font with the predefined 90ms-RKSJ-H CMap and no ToUnicode (Shift_JIS
// bytes, Adobe-Japan1 CIDs), and an Identity-H font without ToUnicode (undecodable). Images: raw 8-bit gray or
// RGB pixels, Flate-compressed XObjects.
import { deflateSync } from 'node:zlib';

export type PdfFontKind = 'helv' | 'jp' | 'sjis' | 'opaque';

export interface PdfTextRun {
  x: number;
  y: number;
  /** The text (for `sjis`: the text whose Shift_JIS bytes are written). */
  text: string;
  font?: PdfFontKind;
  size?: number;
  /** Position with `Td` (default) or a text matrix `Tm`. */
  op?: 'Td' | 'Tm';
}

export interface PdfImage {
  /** Where the image is painted (points) and its size in pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
  width: number;
  height: number;
  channels: 1 | 3;
  /** width × height × channels bytes, rows top to bottom; a solid grey when absent. */
  pixels?: Buffer;
  /** A JPEG file (DCTDecode, as scanners write them) instead of pixels; width and height must be its own. */
  jpeg?: Buffer;
}

export interface PdfPage {
  runs?: readonly PdfTextRun[];
  images?: readonly PdfImage[];
  /** Extra content-stream operators appended as they are. */
  raw?: string;
  /** Annotation dictionaries (form fields, comments), as written. */
  annotations?: readonly string[];
}

export interface PdfWriterOptions {
  /** Flate-compress the content streams (default true). */
  compress?: boolean;
  /** A Standard security handler whose user password is not empty: the text cannot be read. */
  encrypted?: boolean;
  /** The catalog and the page tree written last, as LibreOffice does (a prefix of the file then has neither). */
  treeLast?: boolean;
  /** The page tree's Kids also lists the Pages node itself (a cycle). */
  cyclicPageTree?: boolean;
}

function literal(s: string): string {
  return `(${s.replace(/([()\\])/g, '\\$1')})`;
}

function hex(b: Buffer): string {
  return `<${b.toString('hex').toUpperCase()}>`;
}

function utf16be(s: string): Buffer {
  return Buffer.from(s, 'utf16le').swap16();
}

/** Shift_JIS bytes of kana/kanji text (a small table for the tests' characters, enough for 氏名 and names). */
export function shiftJis(s: string): Buffer {
  const decoder = new TextDecoder('shift_jis');
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    let found = false;
    // Brute force over the double-byte range: test-only, a few characters.
    for (let hi = 0x81; hi <= 0xef && !found; hi++) {
      if (hi >= 0xa0 && hi <= 0xdf) continue;
      for (let lo = 0x40; lo <= 0xfc && !found; lo++) {
        if (lo === 0x7f) continue;
        if (decoder.decode(Uint8Array.of(hi, lo)) === ch) {
          out.push(hi, lo);
          found = true;
        }
      }
    }
    if (!found) throw new Error(`no Shift_JIS code for ${ch}`);
  }
  return Buffer.from(out);
}

/** Writes a PDF with one page per entry (612 × 792 points, origin at the bottom left). */
export function writePdf(pages: readonly PdfPage[], opts: PdfWriterOptions = {}): Buffer {
  const compress = opts.compress !== false;
  const objs: (string | Buffer)[] = [];
  const add = (o: string | Buffer): number => {
    objs.push(o);
    return objs.length;
  };
  const stream = (dict: string, data: Buffer, deflate = compress): Buffer => {
    const body = deflate ? deflateSync(data) : data;
    return Buffer.concat([Buffer.from(`<< ${dict} ${deflate ? '/Filter /FlateDecode ' : ''}/Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]);
  };
  // Object numbers of the catalog and the page tree: first (1, 2) or, with treeLast, after everything else.
  const late = opts.treeLast === true;
  const catalog = late ? 0 : add('');
  let pagesObj = late ? 0 : add('');
  const helv = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  // Japanese with ToUnicode: glyph ids 1, 2, … for each distinct character of the document.
  const chars = [...new Set(pages.flatMap((p) => (p.runs ?? []).flatMap((r) => (r.font === 'jp' ? [...r.text] : []))))];
  const gid = new Map(chars.map((c, i) => [c, i + 1]));
  const bf = chars.map((c, i) => `<${(i + 1).toString(16).padStart(4, '0').toUpperCase()}> ${hex(utf16be(c))}`).join('\n');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange ${chars.length} beginbfchar\n${bf}\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const toUnicode = add(stream('', Buffer.from(cmap, 'latin1')));
  const descriptor = (name: string): number => add(`<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>`);
  const identityCid = (name: string): number =>
    add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor(name)} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const jp = add(`<< /Type /Font /Subtype /Type0 /BaseFont /IPAexGothic /Encoding /Identity-H /DescendantFonts [${identityCid('IPAexGothic')} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const japan1 = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor ${descriptor('MS-Mincho')} 0 R /DW 1000 >>`);
  const sjis = add(`<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /90ms-RKSJ-H /DescendantFonts [${japan1} 0 R] >>`);
  const opaque = add(`<< /Type /Font /Subtype /Type0 /BaseFont /Opaque /Encoding /Identity-H /DescendantFonts [${identityCid('Opaque')} 0 R] >>`);
  // With treeLast the page tree's number is reserved after every page's objects (it is written last).
  if (late) pagesObj = pages.reduce((n, p) => n + 2 + (p.images?.length ?? 0) + (p.annotations?.length ?? 0), objs.length + 1);
  const fonts = `/Font << /F1 ${helv} 0 R /F2 ${jp} 0 R /F3 ${sjis} 0 R /F4 ${opaque} 0 R >>`;
  const pageNums: number[] = [];
  pages.forEach((p) => {
    const ops: string[] = [];
    for (const r of p.runs ?? []) {
      const size = r.size ?? 10;
      const kind = r.font ?? 'helv';
      const font = { helv: 'F1', jp: 'F2', sjis: 'F3', opaque: 'F4' }[kind];
      const at = r.op === 'Tm' ? `1 0 0 1 ${r.x} ${r.y} Tm` : `${r.x} ${r.y} Td`;
      let shown: string;
      if (kind === 'helv') shown = `${literal(r.text)} Tj`;
      else if (kind === 'jp') shown = `[${hex(Buffer.from([...r.text].flatMap((c) => [(gid.get(c) ?? 0) >> 8, (gid.get(c) ?? 0) & 255])))}] TJ`;
      else if (kind === 'sjis') shown = `${hex(shiftJis(r.text))} Tj`;
      else shown = `${hex(Buffer.from([...r.text].flatMap((_, k) => [0, k + 1])))} Tj`;
      ops.push(`BT /${font} ${size} Tf ${at} ${shown} ET`);
    }
    const xobjects: string[] = [];
    (p.images ?? []).forEach((im, k) => {
      const dict = `/Type /XObject /Subtype /Image /Width ${im.width} /Height ${im.height} /ColorSpace /${im.channels === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8`;
      const obj = im.jpeg
        ? add(stream(`${dict} /Filter /DCTDecode`, im.jpeg, false))
        : add(stream(dict, im.pixels ?? Buffer.alloc(im.width * im.height * im.channels, 0x80), true));
      xobjects.push(`/Im${k} ${obj} 0 R`);
      ops.push(`q ${im.w} 0 0 ${im.h} ${im.x} ${im.y} cm /Im${k} Do Q`);
    });
    if (p.raw) ops.push(p.raw);
    const content = add(stream('', Buffer.from(ops.join('\n'), 'latin1')));
    const resources = `<< ${fonts}${xobjects.length > 0 ? ` /XObject << ${xobjects.join(' ')} >>` : ''} >>`;
    const annots = (p.annotations ?? []).map((a) => `${add(a)} 0 R`);
    pageNums.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents ${content} 0 R${annots.length > 0 ? ` /Annots [${annots.join(' ')}]` : ''} >>`));
  });
  const kids = (tree: number): number[] => [...pageNums, ...(opts.cyclicPageTree ? [tree] : [])];
  let root = catalog;
  if (late) {
    // Pages point at `pagesObj` (a number reserved above): the tree is written under that number.
    while (objs.length < pagesObj - 1) add('null');
    add(`<< /Type /Pages /Kids [${kids(pagesObj).map((n) => `${n} 0 R`).join(' ')}] /Count ${kids(pagesObj).length} >>`);
    root = add(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
  } else {
    objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
    objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids(pagesObj).map((n) => `${n} 0 R`).join(' ')}] /Count ${kids(pagesObj).length} >>`;
  }
  let encrypt = '';
  if (opts.encrypted) {
    const filler = Buffer.alloc(32, 0x5a);
    const enc = add(`<< /Filter /Standard /V 1 /R 2 /O ${hex(filler)} /U ${hex(Buffer.alloc(32, 0x33))} /P -44 >>`);
    encrypt = ` /Encrypt ${enc} 0 R /ID [${hex(Buffer.alloc(16, 1))} ${hex(Buffer.alloc(16, 1))}]`;
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let pos = (parts[0] as Buffer).length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    pos += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root ${root} 0 R${encrypt} >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** Runs for a table drawn cell by cell: `columns` are the cells' left x, rows go down from `top` by `pitch`. */
export function tableRuns(rows: readonly (readonly string[])[], columns: readonly number[], top: number, pitch = 16, size = 10): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (text === '') return;
      const ascii = /^[\x20-\x7e]*$/.test(text);
      // Each word of an ASCII cell is its own text operator (as LibreOffice draws `6998 8420 6360`).
      if (ascii) {
        let x = columns[c] as number;
        for (const word of text.split(' ')) {
          runs.push({ x, y: top - r * pitch, text: word, size, op: r % 2 === 0 ? 'Td' : 'Tm' });
          x += helveticaWidth(`${word} `, size);
        }
      } else runs.push({ x: columns[c] as number, y: top - r * pitch, text, font: 'jp', size });
    });
  });
  return runs;
}

/** Helvetica advance widths (1/1000 em) of digits, space and letters, enough to place words. */
export function helveticaWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += ch === ' ' ? 278 : /[0-9]/.test(ch) ? 556 : /[A-Z]/.test(ch) ? 667 : /[il.,:;|!]/.test(ch) ? 278 : /[mw]/.test(ch) ? 833 : 556;
  return (w * size) / 1000;
}
