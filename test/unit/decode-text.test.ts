// Free text, XML and HTML: bounded chunks cut at line ends, tags stripped, entities decoded, script/style
// skipped, XML element names as fields; magic numbers for images and binaries.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sniffMagic } from '../../src/data/decode/magic.js';
import { MAX_SEGMENT_CHARS } from '../../src/data/decode/segmenter.js';
import { TextChunkSegmenter } from '../../src/data/decode/text-chunks.js';
import { decodeEntities, XmlTokenizer } from '../../src/data/decode/xml.js';
import type { Segment } from '../../src/data/types.js';
import { brief, decodeAll, inPieces } from '../helpers/decode.js';

describe('text', () => {
  test('chunks of bounded size, cut after a newline; nothing lost', () => {
    const line = 'マイナンバー 1234 5678 9018 の取扱いについて\n';
    const text = line.repeat(2000);
    const out: Segment[] = [];
    const seg = new TextChunkSegmenter();
    for (let i = 0; i < text.length; i += 1000) seg.write(text.slice(i, i + 1000), out);
    seg.end(false, out);
    assert.ok(out.length > 1);
    for (const s of out) {
      assert.ok(s.text.length <= MAX_SEGMENT_CHARS);
      assert.ok(s.text.endsWith('\n'));
      assert.equal(s.field, undefined);
      assert.equal(s.row, undefined);
    }
    assert.equal(out.map((s) => s.text).join(''), text);
  });

  test('a cut text input drops the incomplete last line', async () => {
    const d = await decodeAll(Buffer.from('TEL 03-1234-5678\nTEL 090-12'), { name: 'a.log', partial: true });
    assert.deepEqual(brief(d.segments), ['TEL 03-1234-5678\n']);
    const whole = await decodeAll(Buffer.from('TEL 03-1234-5678\nTEL 090-1234-5678'), { name: 'a.log' });
    assert.deepEqual(brief(whole.segments), ['TEL 03-1234-5678\nTEL 090-1234-5678']);
  });

  test('an empty file', async () => {
    const d = await decodeAll(Buffer.alloc(0), { name: 'empty.csv' });
    assert.equal(d.format, 'empty');
    assert.deepEqual(d.segments, []);
  });
});

describe('XML and HTML', () => {
  test('entities', () => {
    assert.equal(decodeEntities('a &amp; b &lt;c&gt; &#x5C71;&#30000; &quot;&apos; &nbsp;&unknown;'), 'a & b <c> 山田 "\' \u00a0&unknown;');
  });

  test('XML: element and attribute names as fields, CDATA, comments and PIs skipped; any chunking', async () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- 社員 --><staff xmlns:h="urn:x"><h:person id="7" kana="ヤマダ">\n  <my_number>123456789018</my_number>\n  <name>山田 &amp; 太郎</name><memo><![CDATA[<健康診断> 要再検査]]></memo><empty/></h:person></staff>',
    );
    const want = ['id:7', 'kana:ヤマダ', 'my_number:123456789018', 'name:山田 & 太郎', 'memo:<健康診断> 要再検査'];
    for (const n of [1, 2, 3, 5, 8, 1000]) {
      const d = await decodeAll(inPieces(xml, n), { name: 'staff.xml' });
      assert.equal(d.format, 'xml');
      assert.deepEqual(brief(d.segments), want, `pieces of ${n}`);
    }
  });

  test('HTML: visible text, script and style skipped, value/alt/title kept, white space collapsed', async () => {
    const html = Buffer.from(
      '<!DOCTYPE html><html><head><title>名簿</title><style>td { color: red }</style><script>var secret = "x<y";</script></head><body><table><tr><th>氏名</th><th>電話</th></tr><tr><td>山田</td><td>03-1234-5678</td></tr></table><input value="taro@example.com"><img alt="免許証"></body></html>',
    );
    const d = await decodeAll(inPieces(html, 7), { name: 'page' });
    assert.equal(d.format, 'html');
    const text = d.segments.map((s) => s.text).join('\n');
    assert.equal(text, '名簿\n氏名\n電話\n山田\n03-1234-5678\ntaro@example.com 免許証');
    assert.ok(!text.includes('secret'));
    assert.ok(!text.includes('color'));
  });

  test('the tokenizer never buffers an unfinished tag without bound', () => {
    const texts: string[] = [];
    const notes: string[] = [];
    const tok = new XmlTokenizer({ open: () => undefined, close: () => undefined, text: (t) => texts.push(t) }, { note: (n) => notes.push(n) });
    tok.write(`<a attr="${'x'.repeat(1024 * 1024 + 10)}`);
    tok.write('more');
    tok.end();
    assert.deepEqual(notes, ['markup construct longer than 1 Mi characters: skipped']);
  });
});

describe('images and binaries are not decoded', () => {
  const cases: [string, number[], string][] = [
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46], 'image'],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'image'],
    ['gif', [...Buffer.from('GIF89a'), 1, 0], 'image'],
    ['heic', [0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0], 'image'],
    ['tiff', [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0], 'image'],
    ['bmp', [...Buffer.from('BM'), 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0], 'image'],
    ['webp', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], 'image'],
    ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'binary'],
  ];
  for (const [type, head, format] of cases) {
    test(`${type}: by magic bytes, whatever the name`, async () => {
      const m = sniffMagic(Buffer.from(head));
      assert.ok(m !== null && (m.kind === 'image' || m.kind === 'binary'));
      const d = await decodeAll(Buffer.concat([Buffer.from(head), Buffer.alloc(100, 0x41)]), { name: 'upload.dat' });
      assert.equal(d.decoded, false);
      assert.equal(d.format, format);
      assert.equal(d.encoding, 'binary');
      assert.deepEqual(d.segments, []);
      assert.ok(d.stats.notes.some((n) => /not decoded; classified by file name only/.test(n)));
    });
  }

  test('unknown binary content (NUL bytes) is binary; with an image name it is an image', async () => {
    const blob = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 3 === 0 ? 0 : (i * 31) % 256)));
    assert.equal((await decodeAll(blob, { name: 'x.bin' })).format, 'binary');
    assert.equal((await decodeAll(blob, { name: 'scan.jpg' })).format, 'image');
  });
});
