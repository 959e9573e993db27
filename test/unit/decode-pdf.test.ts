// PDF through pdf.js: PDFs written in the test (./helpers/pdf-writer.ts) with every word or cell drawn by its own
// text operator at an absolute position, as office suites export them. Lines and tables are rebuilt from
// positions, Japanese CID fonts decode (ToUnicode, or the predefined CMaps read from node_modules), image-only
// pages are noted or handed to an OCR reader, and broken, cyclic, encrypted, huge and bomb PDFs give notes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { classifyBytes } from '../../src/data/decode/classify.js';
import type { ImageInput, ImageText, ImageTextReader, ImageTextRequest } from '../../src/data/decode/image-text.js';
import { DecodeContext, resolveLimits, type DecodeLimits } from '../../src/data/decode/limits.js';
import { pdfSegments } from '../../src/data/decode/pdf.js';
import { pageBlocks, type PositionedText } from '../../src/data/decode/pdf/layout.js';
import { toRawImage } from '../../src/data/decode/pdf/page-images.js';
import type { FileProfile, Segment } from '../../src/data/types.js';
import { packagePath } from '../../src/package-info.js';
import { decodeAll, inPieces } from '../helpers/decode.js';
import { pdf } from '../helpers/office-fixtures.js';
import { tableRuns, writePdf, type PdfPage, type PdfTextRun } from '../helpers/pdf-writer.js';

function lines(segments: readonly Segment[]): string[] {
  return segments.filter((s) => s.row === undefined).flatMap((s) => s.text.split('\n')).filter((l) => l.trim() !== '');
}

function count(p: FileProfile, type: string, confidence?: string): number {
  return p.detections.filter((d) => d.type === type && (confidence === undefined || d.confidence === confidence)).reduce((a, d) => a + d.count, 0);
}

function ctxOf(limits: Partial<DecodeLimits> = {}, now?: () => number): DecodeContext {
  return new DecodeContext(resolveLimits(limits), now ?? Date.now);
}

/** Words of one line, each its own text operator, `gap` points apart (LibreOffice positions every word). */
function words(text: string, x: number, y: number, gap = 3.2, size = 10): PdfTextRun[] {
  const out: PdfTextRun[] = [];
  let at = x;
  for (const w of text.split(' ')) {
    out.push({ x: Number(at.toFixed(2)), y, text: w, size, op: out.length % 2 === 0 ? 'Tm' : 'Td' });
    at += (w.length * 556 * size) / 1000 + gap;
  }
  return out;
}

describe('PDF text through pdf.js', () => {
  test('a simple font, a CID font with ToUnicode, and 90ms-RKSJ-H without ToUnicode (CMaps from node_modules)', async () => {
    const SJIS_YAMADA = Buffer.from([0x8e, 0x52, 0x93, 0x63, 0x20, 0x91, 0xbe, 0x98, 0x59]); // 山田 太郎
    const file = pdf([[{ simple: 'My Number: 1234 5678 9018' }, { cid: '氏名 山田 太郎' }], [{ rksj: SJIS_YAMADA }, { simple: '(c) 2025' }]]);
    const d = await decodeAll(file, { name: 'scan.pdf' });
    assert.equal(d.format, 'pdf');
    assert.deepEqual(lines(d.segments), ['My Number: 1234 5678 9018', '氏名 山田 太郎', '山田 太郎', '(c) 2025']);
    assert.deepEqual(d.stats.notes, []);
    assert.equal(d.stats.truncated, false);
  });

  test('uncompressed content streams, in small pieces', async () => {
    const d = await decodeAll(inPieces(pdf([[{ simple: 'TEL 03-1234-5678' }]], { uncompressed: true }), 100), { name: 'x.pdf' });
    assert.deepEqual(lines(d.segments), ['TEL 03-1234-5678']);
  });

  test('Identity-H without ToUnicode is reported, not guessed', async () => {
    const d = await decodeAll(pdf([[{ opaque: '秘密' }, { simple: 'visible' }]]), { name: 'x.pdf' });
    assert.deepEqual(lines(d.segments), ['visible']);
    assert.ok(d.stats.notes.some((n) => /1 text runs use fonts without a Unicode map/.test(n)), d.stats.notes.join('|'));
  });

  test('a cut PDF (a prefix) still yields the text before the cut', async () => {
    const file = pdf([[{ simple: 'first page text' }, { simple: 'more text' }], [{ simple: 'second page text' }]]);
    const cut = file.lastIndexOf('/Type /Page ') + 10; // inside the second page's dictionary
    const d = await decodeAll(file.subarray(0, cut), { name: 'x.pdf', partial: true });
    // The object the cut falls in (page 2) is not parsed: no half value.
    assert.deepEqual(lines(d.segments), ['first page text', 'more text']);
    assert.equal(d.stats.truncated, true);
  });
});

describe('PDF cut before its page tree', () => {
  test('page tree and catalog written last (as LibreOffice does): the pages that arrived are read', async () => {
    const file = writePdf([{ runs: [{ x: 72, y: 700, text: 'page one' }] }, { runs: [{ x: 72, y: 700, text: 'ページ 2', font: 'jp' }] }], { treeLast: true });
    assert.deepEqual(lines((await decodeAll(file, { name: 'x.pdf' })).segments), ['page one', 'ページ 2']);
    const d = await decodeAll(file.subarray(0, file.lastIndexOf('/Type /Pages') + 5), { name: 'x.pdf', partial: true });
    assert.deepEqual(lines(d.segments), ['page one', 'ページ 2']);
    assert.equal(d.stats.truncated, true);
    // Cut before the first page object: nothing to read, and the profile says so.
    const early = await decodeAll(file.subarray(0, file.indexOf('/Type /Page ')), { name: 'x.pdf', partial: true });
    assert.deepEqual(early.segments, []);
    assert.ok(early.stats.notes.includes('PDF cut before its page objects (a sample or --max-bytes): its text was not read'), early.stats.notes.join('|'));
  });
});

describe('PDF reading order from positions', () => {
  test('LibreOffice-like: `6998 8420 6360` drawn as three operators is one line, next to its label', async () => {
    const page: PdfPage = {
      runs: [
        { x: 180, y: 760, text: '給与所得者の扶養控除等申告書', font: 'jp', size: 12 },
        // Drawn out of order (values before labels), each cell and word at its own position.
        ...words('6998 8420 6360', 300, 700),
        { x: 72, y: 700, text: '個人番号', font: 'jp' },
        { x: 72, y: 720, text: '氏名', font: 'jp' },
        { x: 300, y: 720, text: '山田 太郎', font: 'jp' },
        { x: 72, y: 680, text: '生年月日', font: 'jp' },
        ...words('1985/04/12', 300, 680),
        { x: 72, y: 660, text: '提出日', font: 'jp' },
        ...words('2024/01/15', 300, 660),
      ],
    };
    const file = writePdf([page]);
    const d = await decodeAll(file, { name: 'nenmatsu.pdf' });
    assert.deepEqual(lines(d.segments), ['給与所得者の扶養控除等申告書', '氏名 山田 太郎', '個人番号 6998 8420 6360', '生年月日 1985/04/12', '提出日 2024/01/15']);
    assert.ok(d.segments.every((s) => s.row === undefined), 'a label/value form stays text');
    const p = await classifyBytes(file, { name: 'nenmatsu.pdf' });
    assert.equal(count(p, 'my_number', 'high'), 1);
  });

  test('an employee master table over two pages: header → fields, rows and columns like a CSV', async () => {
    const MN = ['735128469028', '451283645713', '309172548866', '812345678900', '564738291019', '293847561022'];
    const people = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健太', '伊藤 由美'];
    const header = ['社員番号', '氏名', 'マイナンバー', '生年月日'];
    const row = (i: number): string[] => [`E${1001 + i}`, people[i] as string, `${MN[i]!.slice(0, 4)} ${MN[i]!.slice(4, 8)} ${MN[i]!.slice(8)}`, `19${80 + i}/0${1 + i}/1${i}`];
    const cols = [60, 130, 230, 360];
    const page1: PdfPage = { runs: [{ x: 60, y: 760, text: '社員名簿', font: 'jp', size: 14 }, ...tableRuns([header, row(0), row(1), row(2), row(3)], cols, 720), { x: 290, y: 40, text: '1 / 2' }] };
    const page2: PdfPage = { runs: [...tableRuns([row(4), row(5)], cols, 760), { x: 290, y: 40, text: '2 / 2' }] };
    const file = writePdf([page1, page2]);
    const d = await decodeAll(file, { name: 'employees.pdf' });
    const cells = d.segments.filter((s) => s.row !== undefined);
    assert.equal(cells.length, 6 * 4);
    for (let i = 0; i < 6; i++) {
      const mine = cells.filter((s) => s.row === i);
      assert.deepEqual(mine.map((s) => [s.field, s.text, s.column]), row(i).map((t, j) => [header[j], t, j]), `row ${i}`);
    }
    assert.deepEqual(lines(d.segments).filter((l) => !header.includes(l)), ['社員名簿', '1 / 2', '2 / 2']);
    const p = await classifyBytes(file, { name: 'employees.pdf' });
    assert.equal(count(p, 'my_number', 'high'), 6);
    assert.equal(count(p, 'person_name'), 6);
    assert.equal(p.persons.distinct, 6);
  });

  test('layout: spaces only at wide gaps, CJK drawn glyph by glyph, a superscript on its line, cells at wide gaps', () => {
    const t = (text: string, x: number, y: number, width: number, size = 10): PositionedText => ({ text, x, y, width, size });
    const blocks = pageBlocks([
      t('山', 72, 700, 10), t('田', 82.3, 700, 10), t('太', 92.4, 700.2, 10), t('郎', 102.5, 699.8, 10),
      t('Tokyo', 72, 680, 25), t('Office', 99.5, 680, 30), t('2', 130, 683.5, 3, 6),
      t('Name', 72, 660, 25), t('Yamada', 200, 660, 35),
    ]);
    assert.deepEqual(blocks, [
      { kind: 'line', text: '山田太郎' },
      { kind: 'line', text: 'Tokyo Office2' },
      { kind: 'line', text: 'Name Yamada' },
    ]);
  });
});

describe('PDF tables without wide gaps (a spreadsheet printed by LibreOffice Calc)', () => {
  // Positions as Calc exports a CSV: columns at 57.7, 95, 146.9, 218.9 and 298.6, cells 0.7–1 em apart, the
  // header 社員番号 wider than its column (it runs into 氏名), names whose second word starts at the same x.
  const t = (text: string, x: number, y: number): PositionedText => ({ text, x, y, width: [...text].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? (/[0-9]/.test(c) ? 5.56 : c === ' ' ? 2.78 : 6.1) : 10), 0), size: 10 });
  const ROWS = [
    ['E1001', '高橋 太郎', 'タカハシ タロウ', '5260 1815 9084', '1965/07/14'],
    ['E1002', '加藤 翔', 'カトウ ショウ', '3186 0913 9099', '1963/04/02'],
    ['E1003', '山田 花子', 'ヤマダ ハナコ', '2462 8194 8210', '1972/06/04'],
    ['E1004', '中村 由美', 'ナカムラ ユミ', '1909 3786 5795', '1979/04/26'],
  ];
  const X = [57.7, 95, 146.9, 218.9, 298.6];

  test('columns from where cells begin: header → fields, the overflowing header split, names and numbers whole', () => {
    const items: PositionedText[] = [t('employees', 273.5, 774.6)];
    ['社員番号', '氏名', 'フリガナ', 'マイナンバー', '生年月日'].forEach((h, j) => items.push(t(h, X[j] as number, 755.1)));
    ROWS.forEach((r, i) =>
      r.forEach((cell, j) => {
        // Names as two items (the space drawn as a gap), My Numbers as three (LibreOffice positions each group).
        let x = X[j] as number;
        for (const word of cell.split(' ')) {
          items.push(t(word, x, 741.5 - i * 13.6));
          x += t(word, 0, 0).width + (j === 1 ? 10 : 2.78);
        }
      }),
    );
    const blocks = pageBlocks(items);
    assert.deepEqual(blocks[0], { kind: 'line', text: 'employees' });
    const table = blocks[1];
    assert.equal(table?.kind, 'table');
    if (table?.kind !== 'table') return;
    assert.equal(table.header, true);
    assert.deepEqual(table.rows, [['社員番号', '氏名', 'フリガナ', 'マイナンバー', '生年月日'], ...ROWS]);
    assert.equal(blocks.length, 2);
  });
});

describe('PDF tables as LibreOffice 7.4 exports them (third-party corpus)', () => {
  const t = (text: string, x: number, y: number, width: number, size = 4.7): PositionedText => ({ text, x, y, width, size });

  test('a spreadsheet print: a run across two cells cut, a right-aligned date under its header, bank and branch columns are values', () => {
    // Calc prints a right-aligned date and the postal code of the next cell less than half an em apart: pdf.js
    // gives them as one run with a space. 誕生日 is left-aligned, its dates right-aligned well right of it.
    const header = [t('番号', 54.4, 752.4, 9.4), t('氏名', 89, 752.4, 9.4), t('誕生日', 130, 752.4, 14.1), t('〒', 193.5, 752.4, 4.7), t('振込銀行', 250, 752.4, 18.8), t('振込支店', 290, 752.4, 18.8)];
    const data = [
      ['10001', '山田 太郎', '1980/01/02 100-0001', 'みずほ銀行', '新宿支店'],
      ['10002', '佐藤 花子', '1975/12/31 530-0002', '京都銀行', '足立支店'],
      ['10003', '鈴木 一郎', '1990/06/15 060-0003', '千葉銀行', '富里支店'],
      ['10004', '高橋 次郎', '1985/03/04 980-0004', '常陽銀行', '板橋支店'],
    ];
    const items = [...header];
    data.forEach((r, i) => {
      const y = 745.7 - i * 6.5;
      items.push(t(r[0] as string, 54.4, y, 15), t(r[1] as string, 89, y, 19.9), t(r[2] as string, 165.4, y, 50.8), t(r[3] as string, 250, y, 23.5), t(r[4] as string, 290, y, 18.8));
    });
    const blocks = pageBlocks(items);
    assert.equal(blocks.length, 1);
    const table = blocks[0];
    assert.equal(table?.kind, 'table');
    if (table?.kind !== 'table') return;
    assert.equal(table.header, true);
    assert.deepEqual(table.rows, [
      ['番号', '氏名', '誕生日', '〒', '振込銀行', '振込支店'],
      ...data.map((r) => [r[0], r[1], ...(r[2] as string).split(' '), r[3], r[4]]),
    ]);
  });

  test('a Writer table whose cells wrap: the wrapped lines join their row (a My Number cut 8 + 4 digits)', () => {
    const header = ['区分', '氏名', 'フリガナ', '個人番号', '続柄', '生年月日'].map((h, j) => t(h, 90 + 72 * j, 477, h.length * 10, 10));
    const row = (y: number, cells: (string | null)[], widths: number[]): PositionedText[] =>
      cells.flatMap((c, j) => (c === null ? [] : [t(c, 90 + 72 * j, y, widths[j] as number, 10)]));
    const W = [60, 42.7, 52.7, 53, 30, 60.3];
    const items = [
      ...header,
      ...row(466.5, ['控除対象配偶', '山田 一郎', 'ヤマダ イチ', '1234 5678', '配偶者', '1990/02/20'], W),
      ...row(456.5, ['者', null, 'ロウ', '9012', null, null], [10, 0, 20, 25.2, 0, 0]),
      ...row(446, ['控除対象扶養', '山田 二郎', 'ヤマダ ジロ', '2345 6789', '子', '2014/02/15'], [...W.slice(0, 4), 10, 60.3]),
      ...row(436, ['親族', null, 'ウ', '0123', null, null], [20, 0, 10, 25.2, 0, 0]),
    ];
    const blocks = pageBlocks(items);
    const table = blocks.find((b) => b.kind === 'table');
    assert.ok(table?.kind === 'table');
    assert.deepEqual(table.rows, [
      ['区分', '氏名', 'フリガナ', '個人番号', '続柄', '生年月日'],
      ['控除対象配偶者', '山田 一郎', 'ヤマダ イチロウ', '1234 5678 9012', '配偶者', '1990/02/20'],
      ['控除対象扶養親族', '山田 二郎', 'ヤマダ ジロウ', '2345 6789 0123', '子', '2014/02/15'],
    ]);
  });

  test('a record with empty cells under short values is its own row, not a wrap', () => {
    const h = ['社員番号', '氏名', '部署', '電話'].map((x, j) => t(x, 60 + 80 * j, 700, x.length * 10, 10));
    const r = (y: number, cells: (string | null)[]): PositionedText[] => cells.flatMap((c, j) => (c === null ? [] : [t(c, 60 + 80 * j, y, [...c].length * 10, 10)]));
    const blocks = pageBlocks([...h, ...r(688, ['E1', '山田 太郎', '総務部', '03-1234-5678']), ...r(676, ['E2', '佐藤 花子', null, null]), ...r(664, ['E3', '鈴木 一郎', '経理部', '03-2345-6789'])]);
    const table = blocks.find((b) => b.kind === 'table');
    assert.ok(table?.kind === 'table');
    assert.equal(table.rows.length, 4);
  });
});

describe('PDF image-only pages', () => {
  const scan = (): PdfPage => {
    const pixels = Buffer.alloc(200 * 100 * 3, 0xff);
    pixels.set([10, 20, 30], 0);
    return { images: [{ x: 0, y: 0, w: 612, h: 792, width: 200, height: 100, channels: 3, pixels }, { x: 10, y: 10, w: 10, h: 10, width: 16, height: 16, channels: 1 }] };
  };

  test('without a reader: a note says the page has no text layer and OCR is off', async () => {
    const d = await decodeAll(writePdf([scan(), { runs: [{ x: 72, y: 700, text: 'page two' }] }]), { name: 'scan.pdf' });
    assert.deepEqual(lines(d.segments), ['page two']);
    assert.ok(d.stats.notes.includes('1 image-only PDF page(s): no text layer; OCR off'), d.stats.notes.join('|'));
  });

  test('with a reader: the largest image of the page as pixels; its segments, notes and incompleteness join', async () => {
    const calls: { image: ImageInput; req: ImageTextRequest }[] = [];
    const reader: ImageTextReader = {
      read(image: ImageInput, req: ImageTextRequest): Promise<ImageText> {
        calls.push({ image, req });
        return Promise.resolve({ segments: [{ text: '個人番号 123456789018' }], confidence: 90, documentKind: null, notes: ['OCR budget reached'], incomplete: true });
      },
    };
    const deadline = Date.now() + 60_000;
    const d = await decodeAll(writePdf([{ runs: [{ x: 72, y: 700, text: 'cover' }] }, scan()]), { name: 'scan.pdf', imageText: reader, deadline });
    assert.equal(calls.length, 1);
    const { image, req } = calls[0]!;
    assert.equal(req.name, 'scan.pdf#page 2');
    assert.ok(req.deadline <= deadline);
    assert.equal(image.kind, 'raw');
    if (image.kind !== 'raw') return;
    assert.deepEqual([image.width, image.height, image.channels], [200, 100, 3]);
    assert.deepEqual([...image.data.subarray(0, 4)], [10, 20, 30, 255]);
    assert.deepEqual(lines(d.segments), ['cover', '個人番号 123456789018']);
    assert.ok(d.stats.notes.includes('OCR budget reached'));
    assert.ok(!d.stats.notes.some((n) => /OCR off/.test(n)));
    assert.equal(d.stats.truncated, true);
  });

  test('a JPEG scan (DCTDecode, progressive) is decoded by pdf.js in-process into RGB pixels', async () => {
    // test/fixtures/scan-page.jpg: an A4 page at 96 dpi (794 × 1123, progressive JPEG written by LibreOffice)
    // holding one 120 × 80 orange (200, 100, 50) rectangle on white.
    const jpeg = readFileSync(packagePath('test', 'fixtures', 'scan-page.jpg'));
    const seen: { width: number; height: number; channels: number; orange: number }[] = [];
    const reader: ImageTextReader = {
      read(image: ImageInput): Promise<ImageText> {
        if (image.kind === 'raw') {
          let orange = 0;
          for (let i = 0; i + 2 < image.data.length; i += image.channels) {
            if (Math.abs((image.data[i] as number) - 200) < 12 && Math.abs((image.data[i + 1] as number) - 100) < 12 && Math.abs((image.data[i + 2] as number) - 50) < 12) orange++;
          }
          seen.push({ width: image.width, height: image.height, channels: image.channels, orange });
        }
        return Promise.resolve({ segments: [], confidence: null, documentKind: null, notes: [], incomplete: false });
      },
    };
    const d = await decodeAll(writePdf([{ images: [{ x: 0, y: 0, w: 612, h: 792, width: 794, height: 1123, channels: 3, jpeg }] }]), { name: 'scan.pdf', imageText: reader });
    assert.equal(seen.length, 1);
    const s0 = seen[0]!;
    assert.deepEqual([s0.width, s0.height, s0.channels], [794, 1123, 3]);
    assert.ok(s0.orange > 9000 && s0.orange < 25000, `orange pixels: ${s0.orange}`);
    assert.deepEqual(d.stats.notes, []);
  });

  test('a reader that throws: a note, the rest of the PDF still read', async () => {
    const reader: ImageTextReader = { read: () => Promise.reject(new RangeError('boom')) };
    const d = await decodeAll(writePdf([scan(), { runs: [{ x: 72, y: 700, text: 'page two' }] }]), { name: 'scan.pdf', imageText: reader });
    assert.deepEqual(lines(d.segments), ['page two']);
    assert.ok(d.stats.notes.includes('OCR of an image-only PDF page failed (RangeError)'), d.stats.notes.join('|'));
    assert.equal(d.stats.truncated, true);
  });

  test('1-bit images unpack to gray bytes', () => {
    const raw = toRawImage({ width: 10, height: 2, kind: 1, data: Uint8Array.of(0b10100000, 0b01000000, 0xff, 0xc0) });
    assert.ok(raw);
    assert.deepEqual([...raw.data], [255, 0, 255, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
  });

  test('images above 40 MP are not decoded: a note', async () => {
    const big = { x: 0, y: 0, w: 612, h: 792, width: 8000, height: 5100, channels: 1 as const };
    const d = await decodeAll(writePdf([{ images: [big] }]), { name: 'huge-scan.pdf' });
    assert.deepEqual(d.segments, []);
    assert.ok(d.stats.notes.some((n) => /1 page\(s\) without text hold images above 40 MP, not read/.test(n)), d.stats.notes.join('|'));
  });
});

describe('PDF limits and broken files', () => {
  test('encrypted with a user password: noted, nothing read', async () => {
    const d = await decodeAll(writePdf([{ runs: [{ x: 72, y: 700, text: 'secret' }] }], { encrypted: true }), { name: 'x.pdf' });
    assert.deepEqual(d.segments, []);
    assert.ok(d.stats.notes.includes('encrypted PDF: the text layer was not extracted'), d.stats.notes.join('|'));
  });

  test('not a PDF after its header: a note, no throw', async () => {
    const d = await decodeAll(Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(200)), { name: 'x.pdf' });
    assert.deepEqual(d.segments, []);
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /^PDF could not be read \(\w+\); not decoded$/.test(n) || /page\(s\) could not be read/.test(n)), d.stats.notes.join('|'));
  });

  test('a cyclic page tree: the pages that exist are read, the rest noted', async () => {
    const file = writePdf([{ runs: [{ x: 72, y: 700, text: 'page one' }] }, { runs: [{ x: 72, y: 700, text: 'page two' }] }], { cyclicPageTree: true });
    const d = await decodeAll(file, { name: 'x.pdf' });
    assert.deepEqual(lines(d.segments), ['page one', 'page two']);
    assert.ok(d.stats.notes.some((n) => /1 page\(s\) could not be read/.test(n)), d.stats.notes.join('|'));
  });

  test('a page tree claiming a billion pages: bounded (the pages that exist are read)', async () => {
    const file = writePdf([{ runs: [{ x: 72, y: 700, text: 'only page' }] }]);
    const lied = Buffer.from(file.toString('latin1').replace('/Count 1 >>', '/Count 999999999 >>'), 'latin1');
    const t0 = Date.now();
    const d = await decodeAll(lied, { name: 'x.pdf' });
    assert.ok(Date.now() - t0 < 20_000);
    assert.deepEqual(lines(d.segments), ['only page']);
  });

  test('at most maxPages pages', async () => {
    const file = writePdf(Array.from({ length: 12 }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `page ${i + 1}` }] })));
    const ctx = ctxOf();
    const segs = await pdfSegments(file, ctx, false, { maxPages: 5 });
    assert.deepEqual(lines(segs), ['page 1', 'page 2', 'page 3', 'page 4', 'page 5']);
    assert.ok(ctx.notes.includes('PDF has 12 pages; only the first 5 were read'));
    assert.equal(ctx.truncated, true);
  });

  test('the time budget is checked between pages', async () => {
    const file = writePdf(Array.from({ length: 12 }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `page ${i + 1}` }] })));
    let calls = 0;
    const pages = 12;
    // A clock that runs out after the scan and a few pages.
    const ctx = ctxOf({ timeBudgetMs: 10_000 }, () => (calls++ < 6 ? 0 : 60_000));
    const segs = await pdfSegments(file, ctx, false);
    assert.ok(lines(segs).length < pages, lines(segs).join('|'));
    assert.ok(ctx.notes.some((n) => /time limit of 10 s per object reached/.test(n)), ctx.notes.join('|'));
    assert.equal(ctx.truncated, true);
  });

  test('a Flate bomb in a content stream stops before pdf.js inflates it (ratio, then size)', async () => {
    const bomb = `% ${' '.repeat(8 * 1024 * 1024)}`;
    const file = writePdf([{ runs: [{ x: 72, y: 700, text: 'before' }], raw: bomb }]);
    assert.ok(file.length < 100_000);
    const byRatio = await decodeAll(file, { name: 'x.pdf' });
    assert.deepEqual(byRatio.segments, []);
    assert.ok(byRatio.stats.notes.some((n) => /compression ratio of a PDF stream above 100:1/.test(n)), byRatio.stats.notes.join('|'));
    const bySize = await decodeAll(file, { name: 'x.pdf', limits: { maxRatio: 0, maxDecompressedBytes: 1024 * 1024 } });
    assert.ok(bySize.stats.notes.some((n) => /decompressed size limit of 1 MiB reached in a PDF stream/.test(n)), bySize.stats.notes.join('|'));
    assert.ok(bySize.stats.decompressedBytes <= 1024 * 1024 + 1);
    assert.equal(bySize.stats.truncated, true);
  });

  test('a PDF above the byte limit: only its first bytes are parsed, noted', async () => {
    const file = writePdf(Array.from({ length: 40 }, (_, i) => ({ runs: [{ x: 72, y: 700, text: `page ${i + 1}` }] })));
    const d = await decodeAll(file, { name: 'x.pdf', limits: { maxBytes: Math.floor(file.length / 2) } });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /larger than|read limit/.test(n)), d.stats.notes.join('|'));
    assert.ok(lines(d.segments).includes('page 1'), lines(d.segments).join('|'));
  });

  test('text form fields are read with their names', async () => {
    const file = writePdf([
      { runs: [{ x: 72, y: 700, text: 'form' }], annotations: ['<< /Type /Annot /Subtype /Widget /FT /Tx /T (kojin_bangou) /TU (My Number) /V (1234 5678 9018) /Rect [100 600 300 620] >>'] },
    ]);
    const d = await decodeAll(file, { name: 'form.pdf' });
    assert.deepEqual(lines(d.segments), ['form', 'My Number 1234 5678 9018']);
  });
});
