// Encodings are detected, not assumed: BOMs, UTF-16 without BOM, strict UTF-8, Shift_JIS (CP932) against EUC-JP
// from hand-written byte sequences of known Japanese strings, ISO-2022-JP, a late first non-ASCII byte, invalid
// bytes (never a crash), binary content.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectEncoding, isValidUtf8, StreamTextDecoder } from '../../src/data/decode/encoding.js';
import { brief, decodeAll, inPieces } from '../helpers/decode.js';

// Shift_JIS (CP932) and EUC-JP byte sequences, written by hand from the JIS tables.
const SJIS = {
  氏名: [0x8e, 0x81, 0x96, 0xbc],
  山田: [0x8e, 0x52, 0x93, 0x63],
  太郎: [0x91, 0xbe, 0x98, 0x59],
  電話: [0x93, 0x64, 0x98, 0x62],
  住所: [0x8f, 0x5a, 0x8f, 0x8a],
  東京都: [0x93, 0x8c, 0x8b, 0x9e, 0x93, 0x73],
  やまだ: [0x82, 0xe2, 0x82, 0xdc, 0x82, 0xbe],
  '①': [0x87, 0x40], // NEC special character: CP932, not plain Shift_JIS
  髙: [0xfb, 0xfc], // IBM extension: CP932
} as const;
const EUC = {
  氏名: [0xbb, 0xe1, 0xcc, 0xbe],
  山田: [0xbb, 0xb3, 0xc5, 0xc4],
  太郎: [0xc2, 0xc0, 0xcf, 0xba],
  電話: [0xc5, 0xc5, 0xcf, 0xc3],
  住所: [0xbd, 0xbb, 0xbd, 0xea],
  東京都: [0xc5, 0xec, 0xb5, 0xfe, 0xc5, 0xd4],
  やまだ: [0xa4, 0xe4, 0xa4, 0xde, 0xa4, 0xc0],
} as const;

/** Builds bytes from ASCII strings and the named byte sequences. */
function bytes(table: Record<string, readonly number[]>, ...parts: string[]): Buffer {
  return Buffer.concat(parts.map((p) => (table[p] ? Buffer.from(table[p] as number[]) : Buffer.from(p, 'latin1'))));
}

describe('hand-written byte sequences decode to the strings they stand for', () => {
  test('Shift_JIS (Node labels: shift_jis = windows-31j, CP932 extensions included)', () => {
    for (const [s, b] of Object.entries(SJIS)) assert.equal(new TextDecoder('shift_jis').decode(Buffer.from(b)), s);
    assert.equal(new TextDecoder('windows-31j').encoding, 'shift_jis');
  });
  test('EUC-JP', () => {
    for (const [s, b] of Object.entries(EUC)) assert.equal(new TextDecoder('euc-jp').decode(Buffer.from(b)), s);
  });
});

describe('detectEncoding', () => {
  test('BOMs', () => {
    assert.equal(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).encoding, 'utf-8-bom');
    assert.equal(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])).encoding, 'utf-16le');
    assert.equal(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41])).encoding, 'utf-16be');
  });

  test('UTF-16 without a BOM, by its NUL pattern', () => {
    assert.equal(detectEncoding(Buffer.from('name,email\nA,a@example.com\n', 'utf16le')).encoding, 'utf-16le');
    assert.equal(detectEncoding(Buffer.from('name,email\nA,a@example.com\n', 'utf16le').swap16()).encoding, 'utf-16be');
  });

  test('UTF-16 without a BOM and without ASCII (Japanese only), by scoring', () => {
    assert.equal(detectEncoding(Buffer.from('やまだたろうさんのじゅうしょはとうきょうとです', 'utf16le'), true).encoding, 'utf-16le');
  });

  test('UTF-8, strict; pure ASCII waits for the first non-ASCII byte', () => {
    assert.deepEqual(detectEncoding(Buffer.from('氏名,電話\n山田,03')), { encoding: 'utf-8', asciiOnly: false });
    assert.deepEqual(detectEncoding(Buffer.from('name,phone\n')), { encoding: 'utf-8', asciiOnly: true });
    // A head cut inside a character is still UTF-8 (unless it is the whole content).
    const cut = Buffer.from('山田').subarray(0, 4);
    assert.equal(isValidUtf8(cut, false).valid, true);
    assert.equal(isValidUtf8(cut, true).valid, false);
    assert.equal(isValidUtf8(Buffer.from([0xc0, 0x80]), false).valid, false); // overlong
    assert.equal(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]), false).valid, false); // surrogate
  });

  test('Shift_JIS against EUC-JP', () => {
    assert.equal(detectEncoding(bytes(SJIS, '氏名', ',', '電話', '\r\n', '山田', '太郎', ',03-1234-5678\r\n')).encoding, 'shift_jis');
    assert.equal(detectEncoding(bytes(SJIS, 'やまだ', ' ', '東京都', '住所', '①', '髙')).encoding, 'shift_jis');
    assert.equal(detectEncoding(bytes(EUC, '氏名', ',', '電話', '\n', '山田', '太郎', ',03-1234-5678\n')).encoding, 'euc-jp');
    assert.equal(detectEncoding(bytes(EUC, 'やまだ', ' ', '東京都', '住所')).encoding, 'euc-jp');
    // Kanji only, where both decode without error: the kana-less EUC reading of SJIS bytes still loses.
    assert.equal(detectEncoding(bytes(SJIS, '東京都', '山田', '太郎')).encoding, 'shift_jis');
    assert.equal(detectEncoding(bytes(EUC, '東京都', '山田', '太郎')).encoding, 'euc-jp');
  });

  test('ISO-2022-JP by its escape sequences', () => {
    const jis = Buffer.concat([Buffer.from([0x1b, 0x24, 0x42]), Buffer.from(EUC.氏名.map((b) => b & 0x7f)), Buffer.from([0x1b, 0x28, 0x42]), Buffer.from(': x')]);
    assert.equal(detectEncoding(jis).encoding, 'iso-2022-jp');
    assert.equal(new TextDecoder('iso-2022-jp').decode(jis), '氏名: x');
  });

  test('binary content (NULs, control bytes)', () => {
    assert.equal(detectEncoding(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x11, 0x80, 0x00, 0x7f, 0x00])).encoding, 'binary');
  });
});

describe('decoding whole inputs', () => {
  const cases: [string, Buffer, string][] = [
    ['utf-8', Buffer.from('氏名,電話\n山田 太郎,03-1234-5678\n'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名,電話\n山田 太郎,03-1234-5678\n')]), 'utf-8-bom'],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('氏名,電話\n山田 太郎,03-1234-5678\n', 'utf16le')]), 'utf-16le'],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('氏名,電話\n山田 太郎,03-1234-5678\n', 'utf16le').swap16()]), 'utf-16be'],
    ['utf-16le without BOM', Buffer.from('氏名,電話\n山田 太郎,03-1234-5678\n', 'utf16le'), 'utf-16le'],
    ['shift_jis', bytes(SJIS, '氏名', ',', '電話', '\r\n', '山田', ' ', '太郎', ',03-1234-5678\r\n'), 'shift_jis'],
    ['euc-jp', bytes(EUC, '氏名', ',', '電話', '\n', '山田', ' ', '太郎', ',03-1234-5678\n'), 'euc-jp'],
  ];
  for (const [label, input, encoding] of cases) {
    test(`${label}: the same segments, fed in 3-byte pieces (characters split between chunks)`, async () => {
      const d = await decodeAll(inPieces(input, 3), { name: 'people.csv' });
      assert.equal(d.encoding, encoding);
      assert.equal(d.format, 'csv');
      assert.deepEqual(brief(d.segments), ['氏名', '電話', '氏名:山田 太郎@0', '電話:03-1234-5678@0']);
    });
  }

  test('invalid bytes become U+FFFD, never an exception', async () => {
    const broken = Buffer.concat([bytes(SJIS, '氏名', ','), Buffer.from([0x81, 0x20, 0xa0, 0xfd]), Buffer.from('\n'), bytes(SJIS, '山田', ',x\n')]);
    const d = await decodeAll(broken, { name: 'broken.csv' });
    assert.equal(d.encoding, 'shift_jis');
    assert.ok(d.segments.some((s) => s.text.includes('\ufffd')));
    assert.ok(brief(d.segments).includes('氏名:山田@0'));
    // Random bytes with a text name: decoded as far as it goes, no crash.
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 0));
    const n = await decodeAll(noise, { name: 'noise.txt' });
    assert.ok(['binary', 'unknown', 'shift_jis', 'euc-jp', 'utf-16le', 'utf-16be'].includes(n.encoding));
  });

  test('a pure-ASCII head, then Shift_JIS after 64 KiB: the encoding is settled late', async () => {
    const head = Buffer.from(`id,code\n${'1,ABC\n'.repeat(12000)}`);
    const tail = bytes(SJIS, '99,', '山田', '\n');
    const dec = new StreamTextDecoder(detectEncoding(head.subarray(0, 65536)));
    assert.equal(dec.encoding, 'utf-8');
    const d = await decodeAll(Buffer.concat([head, tail]), { name: 'late.csv' });
    assert.equal(d.encoding, 'shift_jis');
    assert.equal(d.segments[d.segments.length - 1]?.text, '山田');
  });
});
