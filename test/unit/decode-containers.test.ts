// XLSX, DOCX, PPTX-less zips and gzip (PDF: decode-pdf.test.ts): containers built in the test (own zip writer, Flate streams),
// decoded to exact Segments — including a prefix of an XLSX (no central directory) and data descriptors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { excelSerialToDate } from '../../src/data/decode/ooxml.js';
import { brief, decodeAll, inPieces } from '../helpers/decode.js';
import { docx, xlsx, zip } from '../helpers/office-fixtures.js';

const EMPLOYEES = [
  ['氏名', 'マイナンバー', '生年月日', 'メール', '備考'],
  ['山田 太郎', 123456789018, { date: 32874 }, 'taro@example.com', { inline: '健康診断 要再検査' }],
  ['佐藤 花子', 234567890123, { date: 33000 }, 'hanako@example.com', null],
];

describe('XLSX', () => {
  test('shared strings (stored after the sheets), the first row as header, dates, inline strings, two sheets', async () => {
    const book = xlsx([EMPLOYEES, [['部署', '電話'], ['人事', '03-1234-5678']]]);
    const d = await decodeAll(book, { name: 'employees.xlsx' });
    assert.equal(d.format, 'xlsx');
    assert.equal(d.encoding, 'utf-8');
    assert.deepEqual(brief(d.segments), [
      '氏名', 'マイナンバー', '生年月日', 'メール', '備考',
      '氏名:山田 太郎@0', 'マイナンバー:123456789018@0', '生年月日:1990-01-01@0', 'メール:taro@example.com@0', '備考:健康診断 要再検査@0',
      '氏名:佐藤 花子@1', 'マイナンバー:234567890123@1', '生年月日:1990-05-07@1', 'メール:hanako@example.com@1',
      '部署', '電話',
      '部署:人事@2', '電話:03-1234-5678@2',
    ]);
    assert.deepEqual(d.segments[6], { text: '123456789018', field: 'マイナンバー', row: 0, column: 1 });
    assert.equal(d.stats.truncated, false);
    assert.deepEqual(d.stats.notes, []);
  });

  test('Excel serial dates (1900 system)', () => {
    assert.equal(excelSerialToDate(1), '1900-01-01');
    assert.equal(excelSerialToDate(60), '1900-02-29');
    assert.equal(excelSerialToDate(61), '1900-03-01');
    assert.equal(excelSerialToDate(45658), '2025-01-01');
    assert.equal(excelSerialToDate(0), null);
  });

  test('a prefix without the central directory: parts in file order, data descriptors, sheets resolved once the shared strings come', async () => {
    const book = xlsx([EMPLOYEES], { descriptor: true });
    const eocd = book.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const prefix = book.subarray(0, eocd); // every entry, but no central directory
    const d = await decodeAll(prefix, { name: 'employees.xlsx', partial: true });
    assert.equal(d.format, 'xlsx');
    assert.ok(brief(d.segments).includes('マイナンバー:123456789018@0'), brief(d.segments).join('|'));
    assert.ok(brief(d.segments).includes('生年月日:1990-01-01@0'));
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /central directory not found/.test(n)));
  });

  test('a prefix cut inside the sheet: what was complete is kept, nothing throws', async () => {
    const big = [EMPLOYEES[0] as (string | number)[], ...Array.from({ length: 3000 }, (_, i) => [`社員${i}`, 100000000000 + i, `${i}@example.com`])];
    const book = xlsx([big]);
    for (const cut of [100, 1000, 5000, 20000]) {
      const d = await decodeAll(book.subarray(0, cut), { name: 'big.xlsx', partial: true });
      assert.equal(d.format, 'xlsx');
      assert.equal(d.stats.truncated, true);
    }
  });
});

describe('DOCX', () => {
  test('paragraphs, a table with a header row and a label/value form table', async () => {
    const doc = docx([
      '健康診断結果のお知らせ',
      [
        ['氏名', 'メール'],
        ['山田 太郎', 'taro@example.com'],
        ['佐藤 花子', 'hanako@example.com'],
      ],
      [
        ['氏名', '鈴木 一郎'],
        ['電話番号', '090-1234-5678'],
      ],
      '以上',
    ]);
    const d = await decodeAll(doc, { name: 'notice.docx' });
    assert.equal(d.format, 'docx');
    assert.deepEqual(brief(d.segments), [
      '健康診断結果のお知らせ',
      '氏名', 'メール',
      '氏名:山田 太郎@0', 'メール:taro@example.com@0',
      '氏名:佐藤 花子@1', 'メール:hanako@example.com@1',
      '氏名', '電話番号', '氏名:鈴木 一郎@2', '電話番号:090-1234-5678@2',
      '以上',
    ]);
  });
});

describe('zip archives', () => {
  test('a plain zip: every member decoded by its own format, rows kept apart', async () => {
    const archive = zip([
      { name: 'a.csv', data: 'name,email\nA,a@example.com\nB,b@example.com\n' },
      { name: 'dir/', data: '', store: true },
      { name: 'b.jsonl', data: '{"email":"c@example.com"}\n', store: true },
    ]);
    const d = await decodeAll(archive, { name: 'export.zip' });
    assert.equal(d.format, 'zip');
    assert.deepEqual(brief(d.segments), ['name', 'email', 'name:A@0', 'email:a@example.com@0', 'name:B@1', 'email:b@example.com@1', 'email:c@example.com@2']);
  });

  test('a zip prefix without its central directory: deflated and stored entries whose sizes follow the data', async () => {
    const archive = zip([
      { name: 'a.csv', data: 'name,email\nA,a@example.com\n', descriptor: true },
      { name: 'b.txt', data: 'TEL 03-1234-5678\n', store: true, descriptor: true },
      { name: 'c.txt', data: 'mail c@example.com\n', descriptor: true },
    ]);
    const prefix = archive.subarray(0, archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    const d = await decodeAll(prefix, { name: 'export.zip', partial: true });
    assert.deepEqual(brief(d.segments), ['name', 'email', 'name:A@0', 'email:a@example.com@0', 'TEL 03-1234-5678\n', 'mail c@example.com\n']);
  });

  test('a zip bomb (one entry, ratio about 1000:1) stops at the ratio limit', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20) }, { name: 'xl/workbook.xml', data: '<workbook/>' }]);
    assert.ok(bomb.length < 200 * 1024);
    const before = process.memoryUsage().rss;
    const d = await decodeAll(bomb, { name: 'bomb.xlsx' });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /ratio .* above 100:1/.test(n)), d.stats.notes.join('|'));
    assert.ok(d.stats.decompressedBytes < 16 * 1024 * 1024, String(d.stats.decompressedBytes));
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
  });

  test('the decompressed-size limit and the entry limit', async () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: `line ${i} `.repeat(5000) }));
    const d = await decodeAll(zip(members), { name: 'many.zip', limits: { maxZipEntries: 10 } });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /30 entries; only the first 10/.test(n)));
    const e = await decodeAll(zip(members), { name: 'many.zip', limits: { maxDecompressedBytes: 100_000 } });
    assert.ok(e.stats.notes.some((n) => /decompressed size limit of 97.7 KiB/.test(n)), e.stats.notes.join('|'));
    assert.ok(e.stats.decompressedBytes <= 100_000 + 8 * 1024 * 1024);
  });
});

describe('gzip', () => {
  test('gzip then the inner format (by the inner name), in small pieces', async () => {
    const inner = Buffer.from('id,電話\n1,03-1234-5678\n2,06-1234-5678\n');
    const d = await decodeAll(inPieces(gzipSync(inner), 7), { name: 'calls.csv.gz' });
    assert.equal(d.format, 'gzip+csv');
    assert.equal(d.encoding, 'utf-8');
    assert.deepEqual(brief(d.segments), ['id', '電話', 'id:1@0', '電話:03-1234-5678@0', 'id:2@1', '電話:06-1234-5678@1']);
  });

  test('a gzip bomb stops at the ratio limit, bounded memory', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x41));
    const d = await decodeAll(bomb, { name: 'x.log.gz' });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /gzip data above 100:1/.test(n)), d.stats.notes.join('|'));
    assert.ok(d.stats.decompressedBytes < 20 * 1024 * 1024);
  });

  test('a gzip bomb under a lax ratio stops at the decompressed-size limit', async () => {
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x41));
    const d = await decodeAll(bomb, { name: 'x.log.gz', limits: { maxRatio: 0, maxDecompressedBytes: 4 * 1024 * 1024 } });
    assert.ok(d.stats.notes.some((n) => /decompressed size limit of 4 MiB/.test(n)), d.stats.notes.join('|'));
    assert.ok(d.stats.decompressedBytes >= 4 * 1024 * 1024);
  });

  test('cut gzip data: what was decompressed is kept, with a note', async () => {
    const gz = gzipSync(Buffer.from('メール: a@example.com\n'.repeat(2000)));
    const d = await decodeAll(gz.subarray(0, Math.floor(gz.length / 2)), { name: 'm.txt.gz' });
    assert.ok(d.segments.length > 0);
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /gzip data is corrupt or cut/.test(n)));
  });
});
