// Limits and streaming: the read limit, the time budget, a deadline, read errors half-way, a sampled prefix
// (range GET), and bounded memory while a large file streams through.
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { decodeFile } from '../../src/data/decode/decode-stream.js';
import { resolveLimits, DEFAULT_LIMITS } from '../../src/data/decode/limits.js';
import { xlsx } from '../helpers/office-fixtures.js';
import { brief, decodeAll } from '../helpers/decode.js';

const dir = mkdtempSync(join(tmpdir(), 'kumoscan-decode-'));

describe('limits', () => {
  test('defaults, and only valid numbers override them', () => {
    assert.deepEqual(resolveLimits(), DEFAULT_LIMITS);
    assert.equal(resolveLimits({ maxBytes: 10, maxRatio: Number.NaN, timeBudgetMs: -1 }).maxBytes, 10);
    assert.equal(resolveLimits({ maxRatio: Number.NaN }).maxRatio, 100);
    assert.equal(resolveLimits({ timeBudgetMs: -1 }).timeBudgetMs, 30_000);
  });

  test('the read limit cuts the input, drops the cut record and says so', async () => {
    const csv = Buffer.from(`id,email\n${Array.from({ length: 1000 }, (_, i) => `${i},user${i}@example.com`).join('\n')}\n`);
    const d = await decodeAll(csv, { name: 'u.csv', limits: { maxBytes: 1000 } });
    assert.equal(d.stats.bytesRead, 1000);
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /read limit of 1000 B per object reached/.test(n)));
    const emails = d.segments.filter((s) => s.field === 'email').map((s) => s.text);
    assert.ok(emails.length > 10);
    assert.ok(emails.every((e) => /^user\d+@example\.com$/.test(e)), 'no half address');
  });

  test('the time budget stops reading (fake clock)', async () => {
    let t = 0;
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 100; i++) {
        t += 1000;
        yield Buffer.from(`line ${i} TEL 03-1234-5678\n`);
      }
    }
    const d = await decodeAll(slow(), { name: 'x.log', limits: { timeBudgetMs: 10_000 }, now: () => t });
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.some((n) => /time limit of 10 s per object reached/.test(n)));
    assert.ok(d.stats.bytesRead < 100 * 25);
  });

  test('a deadline (the scan per-object timeout) stops reading too', async () => {
    let t = 0;
    async function* slow(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 100; i++) {
        t += 10;
        yield Buffer.from(`line ${i}\n`);
      }
    }
    const d = await decodeAll(slow(), { name: 'x.log', deadline: 200, now: () => t });
    assert.ok(d.stats.notes.some((n) => /time allowed for this object ran out/.test(n)));
  });

  test('a read error half-way keeps what was decoded', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('id,email\n1,a@example.com\n2,b@ex');
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    const d = await decodeAll(failing(), { name: 'x.csv' });
    assert.deepEqual(brief(d.segments), ['id', 'email', 'id:1@0', 'email:a@example.com@0']);
    assert.ok(d.stats.notes.includes('read error (ECONNRESET); decoded up to there'));
  });

  test('a sampled prefix (size known): truncated, with how much was read', async () => {
    const d = await decodeAll(Buffer.from('id,email\n1,a@example.com\n2,b@ex'), { name: 'x.csv', size: 10_000 });
    assert.deepEqual(brief(d.segments), ['id', 'email', 'id:1@0', 'email:a@example.com@0']);
    assert.equal(d.stats.truncated, true);
    assert.ok(d.stats.notes.includes('only the first 31 B of 9.8 KiB were read (a sample)'));
  });
});

describe('files', () => {
  test('a 48 MiB CSV streams through with bounded memory', async () => {
    const path = join(dir, 'big.csv');
    const out = createWriteStream(path);
    out.write('id,email,memo\n');
    const row = (i: number): string => `${i},user${i}@example.com,${'x'.repeat(60)}\n`;
    let written = 0;
    for (let i = 0; written < 48 * 1024 * 1024; i++) {
      const r = row(i);
      written += r.length;
      if (!out.write(r)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const d = await decodeFile(path, { limits: { maxBytes: 0 } });
    let cells = 0;
    for await (const batch of d.batches) {
      cells += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    assert.equal(d.stats().truncated, false);
    assert.ok(d.stats().bytesRead > 48 * 1024 * 1024);
    assert.ok(cells > 1_500_000);
    assert.ok(peak - base < 160 * 1024 * 1024, `rss grew by ${Math.round((peak - base) / 1048576)} MiB`);
  });

  test('an XLSX file is read through its central directory (positional reads)', async () => {
    const path = join(dir, 'book.xlsx');
    writeFileSync(path, xlsx([[['氏名', 'メール'], ['山田', 'a@example.com']]]));
    const d = await decodeFile(path);
    const segs = [];
    for await (const s of d.segments) segs.push(s);
    assert.equal(d.format, 'xlsx');
    assert.deepEqual(brief(segs), ['氏名', 'メール', '氏名:山田@0', 'メール:a@example.com@0']);
  });

  test('a missing file rejects (the caller records it)', async () => {
    await assert.rejects(decodeFile(join(dir, 'nope.csv')), /ENOENT/);
  });
});
