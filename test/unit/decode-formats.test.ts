// The format registry and the containers added to it: tar, tar.gz/.tgz (tar-stream), e-mail (mailparser:
// ISO-2022-JP, base64, quoted-printable, attachments as members), pictures through an ImageTextReader (a fake
// one: the real OCR engine lives in src/data/ocr/), HEIC and legacy Office (OLE) notes, the file-name rule for
// members, and the limits on members (entries, ratio, depth). Inputs are built in code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { classifyBytes } from '../../src/data/decode/classify.js';
import { FORMATS, recognize } from '../../src/data/decode/formats/index.js';
import { extensionOf } from '../../src/data/decode/magic.js';
import { base64Lines, encodedWordJis, FakeImageText, fakeJpeg, iso2022jp, mime, myNumber, quotedPrintable, tar } from '../helpers/containers.js';
import { brief, decodeAll, inPieces } from '../helpers/decode.js';
import { pdf, xlsx, zip } from '../helpers/office-fixtures.js';

const MN = [myNumber('12345678901'), myNumber('23456789012'), myNumber('34567890123')];
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(100)]);

function recognized(head: Buffer, name: string): string {
  return recognize({ head, ended: true, name, ext: extensionOf(name) }).id;
}

describe('the format registry', () => {
  test('one entry per format, each with its metadata; text is the fallback, last', () => {
    const ids = FORMATS.map((f) => f.id);
    assert.deepEqual(ids, ['gzip', 'zip', 'pdf', 'image', 'ole', 'tar', 'binary', 'eml', 'text']);
    for (const f of FORMATS) {
      assert.ok(f.title.length > 10, f.id);
      assert.ok(['leaf', 'wrapper', 'container'].includes(f.nesting), f.id);
      assert.ok(f.magic !== undefined || f.byExtension === true, f.id);
    }
    assert.deepEqual(FORMATS.filter((f) => f.nesting !== 'leaf').map((f) => f.id), ['gzip', 'zip', 'tar', 'eml']);
  });

  test('recognition by magic bytes whatever the name, and by extension where the format says so', async () => {
    const t = await tar([{ name: 'a.csv', data: 'x\n' }]);
    assert.equal(recognized(gzipSync(Buffer.from('a')), 'x.bin'), 'gzip');
    assert.equal(recognized(zip([{ name: 'a.txt', data: 'a' }]), 'x.bin'), 'zip');
    assert.equal(recognized(pdf([[{ simple: 'a' }]]), 'x.bin'), 'pdf');
    assert.equal(recognized(fakeJpeg('a'), 'x.bin'), 'image');
    assert.equal(recognized(HEIC, 'x.bin'), 'image');
    assert.equal(recognized(OLE, 'x.bin'), 'ole');
    assert.equal(recognized(t, 'x.bin'), 'tar');
    assert.equal(recognized(Buffer.from('7z\xbc\xaf\x27\x1c', 'latin1'), 'x.bin'), 'binary');
    assert.equal(recognized(Buffer.from('From: a@example.com\r\nMessage-ID: <1@x>\r\nSubject: hi\r\n\r\nbody'), 'x.txt'), 'eml');
    assert.equal(recognized(Buffer.from('Subject: x\n\nhello'), 'note.eml'), 'eml');
    assert.equal(recognized(Buffer.from('hello'), 'note.eml'), 'text');
    assert.equal(recognized(Buffer.from('From: a@example.com\nhello'), 'x.txt'), 'text');
    assert.equal(recognized(Buffer.from('id,name\n1,a\n'), 'x.csv'), 'text');
    // A v7 tar (no "ustar" magic) is recognized by its header checksum.
    const v7 = Buffer.from(t);
    v7.fill(0, 257, 265);
    let sum = 8 * 0x20;
    for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += v7[i] as number;
    v7.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    assert.equal(recognized(v7, 'old.tar'), 'tar');
  });
});

describe('tar', () => {
  const entries = [
    { name: 'a.csv', data: 'name,email\nA,a@example.com\nB,b@example.com\n' },
    { name: 'dir/', type: 'directory' as const },
    { name: 'link', type: 'symlink' as const, linkname: 'a.csv' },
    { name: 'dir/b.jsonl', data: '{"email":"c@example.com"}\n' },
  ];
  const expected = ['name', 'email', 'name:A@0', 'email:a@example.com@0', 'name:B@1', 'email:b@example.com@1', 'email:c@example.com@2'];

  test('every file member decoded by its own format, rows kept apart; links and directories skipped', async () => {
    const d = await decodeAll(await tar(entries), { name: 'export.tar' });
    assert.equal(d.format, 'tar');
    assert.equal(d.encoding, 'utf-8');
    assert.deepEqual(brief(d.segments), expected);
    assert.equal(d.stats.truncated, false);
    assert.deepEqual(d.stats.notes, []);
    assert.deepEqual(d.stats.members, ['a.csv', 'dir/b.jsonl']);
  });

  test('.tgz and .tar.gz, and a gzip\'d tar under any name (recognized after inflating), in small pieces', async () => {
    const gz = gzipSync(await tar(entries));
    for (const name of ['export.tgz', 'export.tar.gz', 'upload.bin']) {
      const d = await decodeAll(inPieces(gz, 7), { name });
      assert.equal(d.format, 'gzip+tar', name);
      assert.deepEqual(brief(d.segments), expected, name);
    }
  });

  test('long and non-ASCII member names (pax headers)', async () => {
    const long = `${'深い/'.repeat(40)}社員名簿.csv`;
    const d = await decodeAll(await tar([{ name: long, data: `氏名,マイナンバー\n山田 太郎,${MN[0]}\n` }]), { name: 'x.tar' });
    assert.deepEqual(brief(d.segments), ['氏名', 'マイナンバー', '氏名:山田 太郎@0', `マイナンバー:${MN[0]}@0`]);
    assert.deepEqual(d.stats.members, [long]);
  });

  test('members: XLSX and a zip inside a tar', async () => {
    const book = xlsx([[['氏名', 'メール'], ['山田', 'a@example.com']]]);
    const inner = zip([{ name: 'c.txt', data: 'TEL 03-1234-5678\n' }]);
    const d = await decodeAll(await tar([{ name: 'book.xlsx', data: book }, { name: 'inner.zip', data: inner }]), { name: 'x.tar' });
    assert.deepEqual(brief(d.segments), ['氏名', 'メール', '氏名:山田@0', 'メール:a@example.com@0', 'TEL 03-1234-5678\n']);
    assert.deepEqual(d.stats.members, ['book.xlsx', 'inner.zip', 'inner.zip/c.txt']);
  });

  test('the entry limit', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: `line ${i}\n` }));
    const d = await decodeAll(await tar(many), { name: 'many.tar', limits: { maxZipEntries: 10 } });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.includes('tar archive has more than 10 entries; the rest were not looked at (--max-entries)'), d.stats.notes.join('|'));
    assert.equal(d.segments.length, 10);
  });

  test('a tar.gz bomb stops at the ratio limit with bounded memory; the decompressed-size limit too', async () => {
    const bomb = gzipSync(await tar([{ name: 'pad.txt', data: Buffer.alloc(60 * 1024 * 1024, 0x20) }, { name: 'data.csv', data: `mn\n${MN[0]}\n` }]));
    assert.ok(bomb.length < 200 * 1024);
    const before = process.memoryUsage().rss;
    const d = await decodeAll(bomb, { name: 'bomb.tgz' });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /gzip data above 100:1/.test(n)), d.stats.notes.join('|'));
    assert.ok(!brief(d.segments).some((s) => s.includes(MN[0] as string)));
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
    const e = await decodeAll(bomb, { name: 'bomb.tgz', limits: { maxRatio: 0, maxDecompressedBytes: 4 * 1024 * 1024 } });
    assert.ok(e.stats.notes.some((n) => /decompressed size limit of 4 MiB/.test(n)), e.stats.notes.join('|'));
  });

  test('the time limit stops between members (fake clock)', async () => {
    let t = 0;
    const many = Array.from({ length: 50 }, (_, i) => ({ name: `f${i}.txt`, data: `line ${i}\n` }));
    const d = await decodeAll(await tar(many), { name: 'slow.tar', limits: { timeBudgetMs: 10_000 }, now: () => (t += 500) });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.includes('time limit of 10 s per object reached (--time-limit); stopped reading'), d.stats.notes.join('|'));
    assert.ok(d.segments.length < 50);
  });

  test('the read limit, and a cut archive: complete members are kept, with a note', async () => {
    const t = await tar([{ name: 'a.txt', data: 'mail a@example.com\n' }, { name: 'b.txt', data: 'x'.repeat(5000) }]);
    const cut = await decodeAll(t.subarray(0, 2048), { name: 'x.tar', partial: true });
    assert.deepEqual(brief(cut.segments).slice(0, 1), ['mail a@example.com\n']);
    assert.equal(cut.stats.truncated, true);
    assert.ok(cut.stats.notes.includes('tar archive is corrupt or cut; decoded up to there'), cut.stats.notes.join('|'));
    const limited = await decodeAll(t, { name: 'x.tar', limits: { maxBytes: 2048 } });
    assert.equal(limited.stats.truncated, true);
    assert.ok(limited.stats.notes.some((n) => /read limit of 2 KiB/.test(n)), limited.stats.notes.join('|'));
  });

  test('garbage with a tar name is not decoded as tar; a corrupt header says so', async () => {
    const t = await tar([{ name: 'a.txt', data: 'hello\n' }]);
    const broken = Buffer.from(t);
    broken[148] = 0x39; // the checksum is no longer octal … but "ustar" still says tar
    const d = await decodeAll(broken, { name: 'x.tar' });
    assert.equal(d.format, 'tar');
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.includes('tar archive is corrupt: not decoded'), d.stats.notes.join('|'));
  });

  test('nesting deeper than the limit is not decoded: the object is partly read, the note names the member', async () => {
    let inner = zip([{ name: 'deep.csv', data: `mn\n${MN[0]}\n` }]);
    for (let i = 3; i >= 1; i--) inner = zip([{ name: `level${i}.zip`, data: inner }]);
    const d = await decodeAll(gzipSync(await tar([{ name: 'level0.zip', data: inner }])), { name: 'x.tgz' });
    assert.equal(d.stats.truncated, true);
    assert.deepEqual(d.stats.notes, ['level0.zip/level1.zip: containers nested more than 3 deep were not decoded']);
    assert.deepEqual(d.segments, []);
  });
});

describe('e-mail (.eml, MIME)', () => {
  const csv = `氏名,マイナンバー,メール\n山田 太郎,${MN[0]},taro@example.com\n佐藤 花子,${MN[1]},hanako@example.com\n鈴木 一郎,${MN[2]},ichiro@example.com\n`;
  const body = '人事部の山田です。\n社員名簿を添付します。\n';
  const jisMail = mime(
    [
      'Return-Path: <yamada@example.co.jp>',
      'Received: from mail.example.co.jp by mx.example.co.jp',
      `From: ${encodedWordJis('人事部 山田')} <yamada@example.co.jp>`,
      'To: kyuyo@example.co.jp',
      `Subject: ${encodedWordJis('社員名簿の送付')}`,
      'Message-ID: <20240401.1@example.co.jp>',
      'Date: Mon, 1 Apr 2024 09:00:00 +0900',
    ],
    [
      { headers: ['Content-Type: text/plain; charset="ISO-2022-JP"', 'Content-Transfer-Encoding: 7bit'], body: iso2022jp(body).toString('latin1') },
      {
        headers: [`Content-Type: text/csv; name="${encodedWordJis('社員一覧.csv')}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${encodedWordJis('社員一覧.csv')}"`],
        body: base64Lines(Buffer.from(csv, 'utf8')),
      },
    ],
  );

  test('ISO-2022-JP headers and body, a base64 CSV attachment decoded as a member', async () => {
    const d = await decodeAll(jisMail, { name: 'mail/0001.eml' });
    assert.equal(d.format, 'eml');
    assert.equal(d.encoding, 'iso-2022-jp');
    assert.deepEqual(brief(d.segments), [
      'Subject: 社員名簿の送付\nFrom: "人事部 山田" <yamada@example.co.jp>\nTo: kyuyo@example.co.jp\n',
      '人事部の山田です。\n社員名簿を添付します。\n',
      '氏名', 'マイナンバー', 'メール',
      '氏名:山田 太郎@0', `マイナンバー:${MN[0]}@0`, 'メール:taro@example.com@0',
      '氏名:佐藤 花子@1', `マイナンバー:${MN[1]}@1`, 'メール:hanako@example.com@1',
      '氏名:鈴木 一郎@2', `マイナンバー:${MN[2]}@2`, 'メール:ichiro@example.com@2',
    ]);
    assert.deepEqual(d.stats.members, ['社員一覧.csv']);
    assert.equal(d.stats.truncated, false);
  });

  test('the classifier finds the three My Numbers of the attachment (high), recognized by content under any name', async () => {
    const p = await classifyBytes(jisMail, { name: 'inbox/message-0001' });
    assert.equal(p.format, 'eml');
    assert.deepEqual(p.detections.find((x) => x.type === 'my_number'), { type: 'my_number', confidence: 'high', count: 3, masked: MN.map((n) => `****-****-${n.slice(8)}`) });
    assert.ok(p.classes.includes('specific_personal_information'));
  });

  test('a quoted-printable UTF-8 body; an HTML-only body', async () => {
    const text = 'お客様各位\n連絡先: 090-1234-5678（担当 田中）\nメール tanaka@example.jp へご返信ください。=以上\n';
    const qp = mime(['From: a@example.com', 'To: b@example.com', 'Subject: test', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], quotedPrintable(text));
    assert.ok(qp.toString('latin1').includes('=E3=81=8A'));
    const d = await decodeAll(qp, { name: 'x.eml' });
    assert.deepEqual(brief(d.segments), ['Subject: test\nFrom: a@example.com\nTo: b@example.com\n', `${text}\n`]);
    assert.equal(d.encoding, 'utf-8');
    const html = mime(['From: a@example.com', 'Subject: h', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8'], '<html><body><p>TEL <b>03-1234-5678</b></p><script>x()</script></body></html>');
    const h = await decodeAll(html, { name: 'h.eml' });
    assert.ok(brief(h.segments).join('|').includes('TEL 03-1234-5678'), brief(h.segments).join('|'));
    assert.ok(!brief(h.segments).join('|').includes('x()'));
  });

  test('attachments are decoded through the registry recursively (a zip, a forwarded message), depth-limited', async () => {
    const inner = mime(['From: c@example.com', 'Subject: fwd', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8'], 'inner mail d@example.com');
    const mail = mime(['From: a@example.com', 'Subject: s', 'Message-ID: <2@x>'], [
      { headers: ['Content-Type: text/plain; charset=utf-8'], body: 'see attachments' },
      { headers: ['Content-Type: application/zip', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="a.zip"'], body: base64Lines(zip([{ name: 'e.txt', data: 'mail e@example.com\n' }])) },
      { headers: ['Content-Type: message/rfc822', 'Content-Disposition: attachment; filename="fwd.eml"'], body: inner.toString('latin1') },
    ]);
    const d = await decodeAll(mail, { name: 'x.eml' });
    const all = brief(d.segments).join('|');
    assert.ok(all.includes('mail e@example.com'), all);
    assert.ok(all.includes('inner mail d@example.com'), all);
    assert.deepEqual(d.stats.members, ['a.zip', 'a.zip/e.txt', 'fwd.eml']);
  });

  test('a message over 32 MiB is parsed only up to 32 MiB (bounded before parsing), partly read', async () => {
    const filler = `${'本文のつづき。'.repeat(10)}\n`.repeat(200_000);
    const big = mime(['From: a@example.com', 'Subject: big', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], base64Lines(Buffer.from(filler)));
    assert.ok(big.length > 34 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const d = await decodeAll(big, { name: 'big.eml' });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.includes('e-mail larger than 32 MiB; only the first 32 MiB were decoded'), d.stats.notes.join('|'));
    assert.ok(d.segments.length > 100);
    assert.ok(process.memoryUsage().rss - before < 600 * 1024 * 1024, `rss grew by ${Math.round((process.memoryUsage().rss - before) / 1048576)} MiB`);
  });

  test('an .eml with only From/To/Subject is a message; an .eml that is not a message at all is text', async () => {
    const hand = await decodeAll(Buffer.from('From: a@example.com\nSubject: memo\n\nTEL 03-1234-5678\n'), { name: 'memo.eml' });
    assert.equal(hand.format, 'eml');
    assert.deepEqual(brief(hand.segments), ['Subject: memo\nFrom: a@example.com\n', 'TEL 03-1234-5678\n']);
    const d = await decodeAll(Buffer.from('just a note with a@example.com\n'), { name: 'note.eml' });
    assert.equal(d.format, 'text');
    assert.deepEqual(brief(d.segments), ['just a note with a@example.com\n']);
  });
});

describe('pictures and the ImageTextReader', () => {
  const cardText = '個人番号カード\n個人番号 1234 5678 9018\n';

  test('without a reader: classified by name only, as before', async () => {
    const d = await decodeAll(fakeJpeg(cardText), { name: 'scan_0001.jpg' });
    assert.equal(d.decoded, false);
    assert.deepEqual(d.stats.notes, ['jpeg image: content not decoded; classified by file name only']);
    assert.equal(d.stats.truncated, false);
  });

  test('a top-level picture is read by the reader; its segments feed the classifier, its notes are kept', async () => {
    const reader = new FakeImageText({ notes: ['OCR: 1 image read'] });
    const d = await decodeAll(fakeJpeg(cardText), { name: 'scan_0001.jpg', imageText: reader, now: () => 1000 });
    assert.equal(d.decoded, true);
    assert.equal(d.format, 'image');
    assert.deepEqual(brief(d.segments), ['個人番号カード', '個人番号 1234 5678 9018']);
    assert.deepEqual(d.stats.notes, ['OCR: 1 image read']);
    assert.deepEqual(reader.calls, [{ name: 'scan_0001.jpg', deadline: 31_000, bytes: fakeJpeg(cardText).length }]);
    const p = await classifyBytes(fakeJpeg(`個人番号カード\n個人番号 ${MN[0]}\n`), { name: 'uploads/7f3c/a81c.jpg', imageText: new FakeImageText() });
    assert.equal(p.detections.find((x) => x.type === 'my_number')?.confidence, 'high');
  });

  test('pictures inside a zip, a tar and an e-mail are read too (member paths as names)', async () => {
    const reader = new FakeImageText();
    const z = zip([{ name: 'photos/a.jpg', data: fakeJpeg('TEL 03-1111-2222\n'), store: true }]);
    const t = await tar([{ name: 'b.jpg', data: fakeJpeg('TEL 03-3333-4444\n') }, { name: 'inner.zip', data: z }]);
    const mail = mime(['From: a@example.com', 'Subject: s', 'Message-ID: <3@x>'], [
      { headers: ['Content-Type: text/plain'], body: 'photo attached' },
      { headers: ['Content-Type: image/jpeg', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="c.jpg"'], body: base64Lines(fakeJpeg('TEL 03-5555-6666\n')) },
      { headers: ['Content-Type: application/x-tar', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="t.tar"'], body: base64Lines(t) },
    ]);
    const d = await decodeAll(mail, { name: 'm.eml', imageText: reader });
    const texts = brief(d.segments);
    for (const tel of ['TEL 03-5555-6666', 'TEL 03-3333-4444', 'TEL 03-1111-2222']) assert.ok(texts.includes(tel), `${tel} in ${texts.join('|')}`);
    assert.deepEqual(reader.calls.map((c) => c.name), ['c.jpg', 't.tar/b.jpg', 't.tar/inner.zip/photos/a.jpg']);
  });

  test('an incomplete or failed read marks the object partly read; HEIC is named as not decoded', async () => {
    const inc = await decodeAll(fakeJpeg('TEL 03-1111-2222\n'), { name: 'a.jpg', imageText: new FakeImageText({ incomplete: true, notes: ['OCR time limit reached'] }) });
    assert.equal(inc.stats.truncated, true);
    assert.deepEqual(brief(inc.segments), ['TEL 03-1111-2222']);
    assert.deepEqual(inc.stats.notes, ['OCR time limit reached', 'text recognition (OCR) of the image did not finish; counts are lower bounds']);
    const failed = await decodeAll(zip([{ name: 'x/b.png', data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]) }]), { name: 'u.zip', imageText: new FakeImageText({ fail: true }) });
    assert.equal(failed.stats.truncated, true);
    assert.deepEqual(failed.stats.notes, ['x/b.png: text recognition (OCR) failed (EWORKER); classified by file name only']);
    const heic = await decodeAll(HEIC, { name: 'IMG_0001.HEIC', imageText: new FakeImageText() });
    assert.equal(heic.decoded, false);
    assert.equal(heic.stats.truncated, true);
    assert.deepEqual(heic.stats.notes, ['HEIC image: not decoded (no decoder); classified by file name only']);
    const heicPlain = await decodeAll(HEIC, { name: 'IMG_0001.HEIC' });
    assert.equal(heicPlain.stats.truncated, false);
  });

  test('a picture cut by the read limit is not handed to the reader', async () => {
    const reader = new FakeImageText();
    const d = await decodeAll(fakeJpeg('x'.repeat(5000)), { name: 'a.jpg', imageText: reader, limits: { maxBytes: 1000 } });
    assert.deepEqual(reader.calls, []);
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.includes('only part of the image was read: not read by OCR; classified by file name only'), d.stats.notes.join('|'));
  });
});

describe('the file-name rule for members', () => {
  const card = fakeJpeg('');
  test('an ID-card photo named so inside a zip, a tar or an e-mail gives id_document_image as a top-level file does', async () => {
    const top = await classifyBytes(card, { name: 'マイナンバーカード_表.jpg' });
    const expected = top.detections.find((d) => d.type === 'id_document_image');
    assert.deepEqual(expected, { type: 'id_document_image', confidence: 'high', count: 1, masked: ['マイナンバーカード'] });
    const inZip = await classifyBytes(zip([{ name: 'マイナンバーカード_表.jpg', data: card }, { name: 'readme.txt', data: 'uploads\n' }]), { name: 'uploads.zip' });
    assert.deepEqual(inZip.detections.find((d) => d.type === 'id_document_image'), expected);
    assert.deepEqual(inZip.classes, top.classes);
    const inTgz = await classifyBytes(gzipSync(await tar([{ name: 'scans/運転免許証.png', data: card }, { name: 'scans/健康診断_2024.pdf', data: pdf([[{ simple: 'ok' }]]) }])), { name: 'scans.tgz' });
    assert.deepEqual(inTgz.detections.find((d) => d.type === 'id_document_image')?.count, 2);
    assert.deepEqual(inTgz.classes, ['sensitive', 'personal'].filter((c) => inTgz.classes.includes(c as never)));
    assert.ok(inTgz.classes.includes('sensitive'));
    const mail = mime(['From: a@example.com', 'Subject: s', 'Message-ID: <4@x>'], [
      { headers: ['Content-Type: text/plain'], body: '提出します' },
      { headers: ['Content-Type: image/jpeg', 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${encodedWordJis('在留カード.jpg')}"`], body: base64Lines(card) },
    ]);
    const inMail = await classifyBytes(mail, { name: 'm.eml' });
    assert.equal(inMail.detections.find((d) => d.type === 'id_document_image')?.masked[0], '在留カード');
    // A member named like a document but not a picture or a PDF does not count.
    const csvOnly = await classifyBytes(zip([{ name: 'マイナンバー一覧.txt', data: 'nothing\n' }]), { name: 'u.zip' });
    assert.equal(csvOnly.detections.find((d) => d.type === 'id_document_image'), undefined);
  });
});

describe('legacy Office (OLE) and other files not decoded', () => {
  test('a top-level .xls: not decoded, the reason noted, partly read', async () => {
    const d = await decodeAll(OLE, { name: '給与.xls' });
    assert.equal(d.decoded, false);
    assert.equal(d.format, 'binary');
    assert.equal(d.stats.truncated, true);
    assert.deepEqual(d.stats.notes, ['legacy Office (OLE) file: not decoded; classified by file name only (no safe reader for .xls/.doc/.ppt)']);
  });

  test('members not decoded are named (masked, escaped) with the reason; the others are still read', async () => {
    const archive = zip([
      { name: '給与/2024_給与.xls', data: OLE },
      { name: `${MN[0]}.doc`, data: OLE },
      { name: 'bad\nname.7z', data: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]) },
      { name: 'app.exe', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) },
      { name: 'ok.txt', data: 'mail a@example.com\n' },
    ]);
    const d = await decodeAll(archive, { name: 'x.zip' });
    assert.equal(d.stats.truncated, true);
    assert.deepEqual(brief(d.segments), ['mail a@example.com\n']);
    assert.deepEqual(d.stats.notes, [
      '給与/2024_給与.xls: legacy Office (OLE) file: not decoded; classified by file name only (no safe reader for .xls/.doc/.ppt)',
      '********9018.doc: legacy Office (OLE) file: not decoded; classified by file name only (no safe reader for .xls/.doc/.ppt)',
      'bad\\u000aname.7z: 7z binary: content not decoded; classified by file name only',
      'app.exe: exe binary: content not decoded; classified by file name only',
    ]);
    assert.ok(!d.stats.notes.join('').includes(MN[0] as string));
  });

  test('an executable alone is classified by name and not partly read; an archive kumoscan cannot open is', async () => {
    assert.equal((await decodeAll(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), { name: 'a.exe' })).stats.truncated, false);
    assert.equal((await decodeAll(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), { name: 'b.7z' })).stats.truncated, true);
  });

  test('encrypted zip entries and unknown compression methods are named, the archive partly read', async () => {
    const archive = zip([{ name: 'secret.csv', data: 'a,b\n' }, { name: 'bz.csv', data: 'c,d\n' }, { name: 'ok.txt', data: 'mail a@example.com\n' }]);
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const second = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), central + 4);
    archive.writeUInt16LE(1, 6); // local header of secret.csv: encrypted
    archive.writeUInt16LE(1, central + 8);
    archive.writeUInt16LE(12, second + 10); // bz.csv: method 12 (bzip2) in the central directory
    const d = await decodeAll(archive, { name: 'x.zip' });
    assert.equal(d.stats.truncated, true);
    assert.deepEqual(brief(d.segments), ['mail a@example.com\n']);
    assert.deepEqual(d.stats.notes, ['secret.csv: encrypted zip entry: not decoded', 'bz.csv: zip entry with compression method 12: not decoded (only stored and deflate are read)']);
  });

  test('many members not decoded: 20 are named, the rest counted', async () => {
    const archive = zip(Array.from({ length: 25 }, (_, i) => ({ name: `f${i}.xls`, data: OLE })));
    const d = await decodeAll(archive, { name: 'x.zip' });
    assert.equal(d.stats.notes.length, 21);
    assert.equal(d.stats.notes[20], '5 more members were not decoded (not named here)');
  });
});
