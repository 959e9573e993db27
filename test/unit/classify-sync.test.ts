// The synchronous path for content already in memory (classifyWholeSync, decodeWholeSync: text of at most 64 KiB,
// no promise, no stream) gives exactly the profile of the streaming path (classifyBytes) — every format and encoding
// of the accuracy corpus, the read limit, samples (partial, size), empty content, content that is not text, exactly
// 64 KiB — and declines what it cannot do (compressed, containers, larger content), which then goes through streams.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { generateCorpus } from '../../bench/corpus.js';
import { encodeShiftJis } from '../../bench/shift-jis.js';
import { classifyBytes, classifyWholeSync, type ClassifyOptions } from '../../src/data/decode/classify.js';
import { decodeWholeSync } from '../../src/data/decode/decode-stream.js';
import { PersonLedger } from '../../src/data/detect/persons.js';
import { xlsx } from '../helpers/office-fixtures.js';

const SALT = Buffer.alloc(16, 3);

async function both(bytes: Buffer, opts: ClassifyOptions & { name: string }): Promise<void> {
  const syncLedger = new PersonLedger({ salt: SALT });
  const streamLedger = new PersonLedger({ salt: SALT });
  const sync = classifyWholeSync(bytes, { ...opts, salt: SALT, ledger: syncLedger });
  assert.notEqual(sync, undefined, `${opts.name}: taken synchronously`);
  const streamed = await classifyBytes(bytes, { ...opts, salt: SALT, ledger: streamLedger });
  assert.deepEqual(sync, streamed, opts.name);
  assert.equal(syncLedger.size, streamLedger.size, `${opts.name}: persons in the ledger`);
}

function encoded(content: string, encoding: string): Buffer {
  if (encoding === 'shift_jis') return Buffer.from(encodeShiftJis(content));
  return Buffer.from((encoding === 'utf-8-bom' ? '\uFEFF' : '') + content, 'utf8');
}

describe('classify: the synchronous path for content in memory', () => {
  test('every file of the accuracy corpus (seed 5): the same profile as the streams, with detections', async () => {
    const files = generateCorpus(5, 400);
    let found = 0;
    const encodings = new Set<string>();
    for (const f of files) {
      const bytes = encoded(f.content, f.encoding);
      if (bytes.length > 64 * 1024) continue;
      encodings.add(f.encoding);
      await both(bytes, { name: f.name, maxExamples: 3 });
      if ((classifyWholeSync(bytes, { name: f.name, salt: SALT })?.detections.length ?? 0) > 0) found++;
    }
    assert.ok(found > 50, `${found} files with detections`);
    assert.deepEqual([...encodings].sort(), ['shift_jis', 'utf-8', 'utf-8-bom']);
  });

  test('read limit, samples, empty content, exactly 64 KiB, a cut multi-byte character, content that is not text', async () => {
    const csv = Buffer.from('氏名,マイナンバー,メール\n山田 太郎,123456789018,taro@example.com\n佐藤 花子,234567890123,hanako@example.com\n', 'utf8');
    await both(csv, { name: 'a.csv' });
    await both(csv, { name: 'a.csv', limits: { maxBytes: 40 } });
    await both(csv, { name: 'a.csv', limits: { maxBytes: 41 } }); // cuts a character in two
    await both(csv, { name: 'a.csv', partial: true });
    await both(csv, { name: 'a.csv', size: csv.length * 3 });
    await both(csv, { name: 'a.csv', size: csv.length });
    await both(Buffer.alloc(0), { name: 'empty.txt' });
    await both(Buffer.alloc(0), { name: 'empty.txt', size: 10 });
    await both(Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), { name: 'blob.dat' });
    await both(Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), { name: 'photo.jpg' });
    await both(Buffer.from('{"name":"山田 太郎","mail":"taro@example.com"}\n{"name":"佐藤 花子","tel":"090-1234-5678"}\n', 'utf8'), { name: 'x.jsonl' });
    await both(Buffer.from('<html><body><p>電話 03-1234-5678</p></body></html>', 'utf8'), { name: 'x.html' });
    let exact = 'id,メール\n';
    for (let i = 0; exact.length < 70_000; i++) exact += `${i},user${i}@example.com\n`;
    const full = Buffer.from(exact, 'utf8').subarray(0, 64 * 1024);
    await both(full, { name: 'exact.csv' });
    await both(full, { name: 'exact.csv', limits: { maxBytes: 1000 } });
  });

  test('a deadline already past: the same time-limit result as the streams', async () => {
    const csv = Buffer.from('メール\ntaro@example.com\n', 'utf8');
    await both(csv, { name: 'a.csv', deadline: Date.now() - 1000 });
  });

  test('declined: larger than 64 KiB, compressed, containers (they go through the streams)', () => {
    assert.equal(decodeWholeSync(Buffer.alloc(64 * 1024 + 1, 0x61), { name: 'big.txt' }), undefined);
    assert.equal(decodeWholeSync(gzipSync(Buffer.from('taro@example.com\n')), { name: 'a.log.gz' }), undefined);
    assert.equal(decodeWholeSync(xlsx([[['メール'], ['taro@example.com']]]), { name: 'a.xlsx' }), undefined);
    assert.equal(classifyWholeSync(gzipSync(Buffer.from('taro@example.com\n')), { name: 'a.log.gz' }), undefined);
  });
});
