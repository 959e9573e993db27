// CSV/TSV: delimiter sniffing, header detection, RFC 4180 quoting (embedded delimiters, doubled quotes,
// newlines, CRLF), chunk boundaries anywhere, and a cut last record.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CsvSegmenter, sniffDelimiter } from '../../src/data/decode/csv.js';
import { looksLikeHeader } from '../../src/data/decode/header-row.js';
import type { Segment } from '../../src/data/types.js';
import { brief, decodeAll, inPieces } from '../helpers/decode.js';

function parse(text: string, delimiter = ',', pieces = text.length, partial = false): Segment[] {
  const out: Segment[] = [];
  const seg = new CsvSegmenter(delimiter);
  for (let i = 0; i < text.length; i += pieces) seg.write(text.slice(i, i + pieces), out);
  seg.end(partial, out);
  return out;
}

const QUOTED = 'name,address,note\r\n"Yamada, Taro","東京都千代田区\r\n1-1-1","said ""hi"""\r\nSato,"",x\r\n';

describe('CSV parsing', () => {
  test('quoted fields with delimiters, doubled quotes and embedded CRLF', () => {
    assert.deepEqual(brief(parse(QUOTED)), ['name', 'address', 'note', 'name:Yamada, Taro@0', 'address:東京都千代田区\r\n1-1-1@0', 'note:said "hi"@0', 'name:Sato@1', 'note:x@1']);
  });

  test('the same result whatever the chunk boundaries (1 to 7 characters)', () => {
    const whole = parse(QUOTED);
    for (let n = 1; n <= 7; n++) assert.deepEqual(parse(QUOTED, ',', n), whole, `pieces of ${n}`);
  });

  test('cells carry field, row and column; empty cells are skipped but keep their column', () => {
    assert.deepEqual(parse('id,email,phone\n1,,03-1234-5678\n'), [
      { text: 'id' },
      { text: 'email' },
      { text: 'phone' },
      { text: '1', field: 'id', row: 0, column: 0 },
      { text: '03-1234-5678', field: 'phone', row: 0, column: 2 },
    ]);
  });

  test('a last record without a newline is kept; with a cut input (partial) it is dropped', () => {
    assert.deepEqual(brief(parse('id,email\n1,a@example.com\n2,b@exa')), ['id', 'email', 'id:1@0', 'email:a@example.com@0', 'id:2@1', 'email:b@exa@1']);
    assert.deepEqual(brief(parse('id,email\n1,a@example.com\n2,b@exa', ',', 5, true)), ['id', 'email', 'id:1@0', 'email:a@example.com@0']);
    // Cut inside a quoted field.
    assert.deepEqual(brief(parse('id,note\n1,"multi\nline', ',', 4, true)), ['id', 'note']);
  });

  test('an unbalanced quote does not buffer the whole file', () => {
    const out = parse(`a,b\n1,"${'x'.repeat(3 * 1024 * 1024)}`, ',', 64 * 1024);
    assert.ok(out.length >= 2);
  });
});

describe('headers', () => {
  test('header rows and data rows', () => {
    assert.equal(looksLikeHeader(['氏名', 'マイナンバー', '電話番号'], [['山田 太郎', '123456789018', '03-1234-5678']]), true);
    assert.equal(looksLikeHeader(['customer_id', 'mailAddress', 'TEL'], []), true);
    assert.equal(looksLikeHeader(['name', 'note'], [['Yamada', 'x']]), true);
    assert.equal(looksLikeHeader(['山田 太郎', '123456789018'], [['佐藤 花子', '234567890123']]), false);
    assert.equal(looksLikeHeader(['Taro', 'Yamada'], [['Hanako', 'Sato']]), false);
    assert.equal(looksLikeHeader(['山田 太郎', '糖尿病'], [['佐藤 花子', '高血圧']]), false);
    assert.equal(looksLikeHeader(['a@example.com', 'x'], [['b@example.com', 'y']]), false);
  });

  test('a file without a header: every row is data, no field', () => {
    assert.deepEqual(brief(parse('山田 太郎,123456789018\n佐藤 花子,234567890123\n')), ['山田 太郎@0', '123456789018@0', '佐藤 花子@1', '234567890123@1']);
  });
});

describe('delimiter sniffing and format by content', () => {
  test('comma, tab, semicolon, pipe; quoted delimiters do not count', () => {
    assert.equal(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n')?.delimiter, ',');
    assert.equal(sniffDelimiter('a\tb\n1\t2\n')?.delimiter, '\t');
    assert.equal(sniffDelimiter('a;b;c\n"1;x";2;3\n4;5;6\n')?.delimiter, ';');
    assert.equal(sniffDelimiter('a|b\n1|2\n')?.delimiter, '|');
    assert.equal(sniffDelimiter('こんにちは、世界。\nこれは文章です。\n'), null);
  });

  test('TSV by name and by content; a .txt that is a table is a table; prose is text', async () => {
    const tsv = await decodeAll(Buffer.from('氏名\t電話\n山田\t03-1234-5678\n'), { name: 'x.tsv' });
    assert.equal(tsv.format, 'tsv');
    assert.deepEqual(brief(tsv.segments), ['氏名', '電話', '氏名:山田@0', '電話:03-1234-5678@0']);
    const txt = await decodeAll(Buffer.from('id\temail\n1\ta@example.com\n2\tb@example.com\n3\tc@example.com\n'), { name: 'export.txt' });
    assert.equal(txt.format, 'tsv');
    const prose = await decodeAll(Buffer.from('Dear customer, thank you.\nYour order, as promised, shipped today.\nRegards\n'), { name: 'mail.txt' });
    assert.equal(prose.format, 'text');
    const semi = await decodeAll(inPieces(Buffer.from('name;email\nA;a@example.com\nB;b@example.com\n'), 2), { name: 'eu.csv' });
    assert.deepEqual(brief(semi.segments), ['name', 'email', 'name:A@0', 'email:a@example.com@0', 'name:B@1', 'email:b@example.com@1']);
  });
});
