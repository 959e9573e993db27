// `kumoscan classify` run as a user runs it (bin/kumoscan.js): exact JSON for a small fixture folder, exit
// codes, unreadable entries, limits as flags, and privacy: no raw value of the fixtures in any output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { ClassifyReport } from '../../src/classify-command.js';
import { runCli as runCliWithOcr } from '../helpers/cli.js';

// The photos here are stand-ins (a PNG signature and nothing after it): OCR rightly calls such a file unreadable
// (partly read, exit 3). These tests are about the other formats and the file-name rule, so OCR is off; the
// OCR tests (ocr-*.test.ts) read real pictures.
const runCli = (args: string[]): ReturnType<typeof runCliWithOcr> => runCliWithOcr([...args, '--ocr', 'off']);
import { docx, pdf, xlsx } from '../helpers/office-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'kumoscan-classify-'));

function put(rel: string, content: string | Buffer): string {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** My Number check digit (PERSONAL-DATA.md): weights from the right, 2..7 then 2..6. */
function myNumber(first11: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return `${first11}${r <= 1 ? 0 : 11 - r}`;
}

function luhn(first15: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = `${first15}${d}`;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let v = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

const MN1 = myNumber('12345678901');
const MN2 = myNumber('23456789012');
const MN3 = myNumber('34567890123');
const CARD = luhn('453914880343646');
const SJIS = (bytes: number[]): Buffer => Buffer.from(bytes);

// --- a small folder with an exact expected result
const small = join(root, 'small');
put('small/employees.csv', `氏名,マイナンバー,メール\n山田 太郎,${MN1},taro@example.com\n佐藤 花子,${MN2},hanako@example.com\n`);
put('small/readme.txt', 'This folder holds exports.\n');
put('small/マイナンバーカード.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));

// --- every format, for the privacy test
const all = join(root, 'all');
const RAW = [MN1, MN2, MN3, CARD, 'taro@example.com', 'hanako@example.com', 'ichiro@example.jp', 'c.user@example.org', 'log.user@example.net', '山田 太郎', '佐藤 花子', '鈴木 一郎', '090-1234-5678', '03-9876-5432', '東京都千代田区千代田1-1'];
put('all/employees.csv', `氏名,マイナンバー,メール,電話番号,住所\n山田 太郎,${MN1},taro@example.com,090-1234-5678,東京都千代田区千代田1-1\n佐藤 花子,${MN2},hanako@example.com,03-9876-5432,\n`);
// Shift_JIS: 氏名,電話\r\n鈴木 一郎,03-9876-5432\r\n — 鈴木 = 97 E9 96 D8, 一郎 = 88 EA 98 59
put('all/sjis.csv', Buffer.concat([SJIS([0x8e, 0x81, 0x96, 0xbc]), Buffer.from(','), SJIS([0x93, 0x64, 0x98, 0x62]), Buffer.from('\r\n'), SJIS([0x97, 0xe9, 0x96, 0xd8, 0x20, 0x88, 0xea, 0x98, 0x59]), Buffer.from(',03-9876-5432\r\n')]));
put('all/customers.jsonl', `{"email":"c.user@example.org","card_number":"${CARD}","expiry":"12/30"}\n`);
put('all/health.xlsx', xlsx([[['氏名', 'マイナンバー', '健康診断結果'], ['鈴木 一郎', MN3, '要再検査（高血圧）']]]));
put('all/notice.docx', docx(['健康診断のお知らせ', [['氏名', '鈴木 一郎'], ['メール', 'ichiro@example.jp']]]));
put('all/report.pdf', pdf([[{ simple: `My Number ${MN1}` }, { cid: '氏名 山田 太郎' }]]));
put('all/logs/access.log.gz', gzipSync(Buffer.from('2025-01-01 login mail=log.user@example.net\n')));
put('all/.hidden/memo.txt', `電話: 090-1234-5678 メール taro@example.com\n`);
put('all/photos/運転免許証.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
put('all/empty.txt', '');
symlinkSync('..', join(all, 'photos', 'loop'));

// --- unreadable entries
const broken = join(root, 'broken');
put('broken/ok.csv', 'メール\na@example.com\n');
symlinkSync(join(broken, 'missing-target.csv'), join(broken, 'dangling.csv'));

function report(stdout: string): ClassifyReport {
  return JSON.parse(stdout) as ClassifyReport;
}

describe('kumoscan classify', () => {
  test('exact JSON for a small folder', async () => {
    const res = await runCli(['classify', small, '--format', 'json']);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stderr, '');
    const r = report(res.stdout);
    assert.deepEqual(r, {
      tool: r.tool,
      limits: { maxBytes: 67108864, maxDecompressedBytes: 67108864, maxRatio: 100, ratioMinBytes: 1048576, maxZipEntries: 10000, timeBudgetMs: 30000 },
      top: 100,
      filesNotListed: 0,
      // Riskiest first: My Numbers of 2 persons, then an ID-card photo (the same class, no person), then nothing.
      files: [
        {
          path: join(small, 'employees.csv'),
          encoding: 'utf-8',
          format: 'csv',
          bytesRead: 126,
          truncated: false,
          notes: [],
          detections: [
            { type: 'my_number', confidence: 'high', count: 2, masked: ['****-****-9018', '****-****-0121'] },
            { type: 'person_name', confidence: 'high', count: 2, masked: ['山***', '佐***'] },
            { type: 'email', confidence: 'high', count: 2, masked: ['t***@example.com', 'h***@example.com'] },
          ],
          persons: { distinct: 2, basis: 'rows de-duplicated by my_number (2)' },
          classes: ['specific_personal_information', 'personal'],
          personalData: true,
        },
        {
          path: join(small, 'マイナンバーカード.jpg'),
          encoding: 'binary',
          format: 'image',
          bytesRead: 11,
          truncated: false,
          notes: ['jpeg image: content not decoded; classified by file name only'],
          detections: [{ type: 'id_document_image', confidence: 'high', count: 1, masked: ['マイナンバーカード'] }],
          persons: { distinct: 0, basis: 'no person identifier found' },
          classes: ['specific_personal_information'],
          personalData: true,
        },
        {
          path: join(small, 'readme.txt'),
          encoding: 'utf-8',
          format: 'text',
          bytesRead: 27,
          truncated: false,
          notes: [],
          detections: [],
          persons: { distinct: 0, basis: 'no person identifier found' },
          classes: [],
          personalData: false,
        },
      ],
      total: {
        files: 3,
        bytesRead: 164,
        personalDataFiles: 2,
        truncatedFiles: 0,
        unreadableFiles: 0,
        detections: [
          { type: 'my_number', confidence: 'high', count: 2, files: 1 },
          { type: 'id_document_image', confidence: 'high', count: 1, files: 1 },
          { type: 'person_name', confidence: 'high', count: 2, files: 1 },
          { type: 'email', confidence: 'high', count: 2, files: 1 },
        ],
        persons: { distinct: 2, basis: 'de-duplicated across files by a salted hash of the strongest identifier (per-file sum: 2)' },
        classes: ['specific_personal_information', 'personal'],
      },
    });
    assert.equal(r.tool.name, 'kumoscan');
  });

  test('every format is decoded: encodings and formats per file', async () => {
    const res = await runCli(['classify', all, '--format', 'json']);
    assert.equal(res.code, 0, res.stderr);
    const r = report(res.stdout);
    const byName = new Map(r.files.map((f) => [f.path.slice(all.length + 1), f] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
    assert.deepEqual(
      [...byName.entries()].map(([p, f]) => `${p} ${f.encoding} ${f.format}`),
      [
        '.hidden/memo.txt utf-8 text',
        'customers.jsonl utf-8 jsonl',
        'employees.csv utf-8 csv',
        'empty.txt utf-8 empty',
        'health.xlsx utf-8 xlsx',
        'logs/access.log.gz utf-8 gzip+text',
        'notice.docx utf-8 docx',
        'photos/運転免許証.png binary image',
        'report.pdf binary pdf',
        'sjis.csv shift_jis csv',
      ],
    );
    const types = (p: string): string[] => (byName.get(p)?.detections ?? []).filter((d) => d.confidence === 'high').map((d) => d.type);
    assert.ok(types('employees.csv').includes('my_number'));
    assert.ok(types('health.xlsx').includes('my_number'));
    assert.ok(types('health.xlsx').includes('sensitive_health'));
    assert.ok(types('sjis.csv').includes('phone'));
    assert.ok(types('customers.jsonl').includes('credit_card'));
    assert.ok(types('notice.docx').includes('email'));
    assert.ok(types('logs/access.log.gz').includes('email'));
    assert.ok(types('report.pdf').includes('my_number'));
    assert.ok(types('photos/運転免許証.png').includes('id_document_image'));
    assert.equal(r.total.unreadableFiles, 0);
  });

  test('privacy: no raw value of the fixtures in any output format', async () => {
    const out = join(root, 'out.json');
    const runs = await Promise.all([
      runCli(['classify', all]),
      runCli(['classify', all, '--lang', 'ja']),
      runCli(['classify', all, '--format', 'json']),
      runCli(['classify', all, '--format', 'json', '--out', out, '--examples', '20']),
      runCli(['classify', all, '--max-bytes', '64', '--fail-on-personal']),
    ]);
    const texts = runs.flatMap((r) => [r.stdout, r.stderr]);
    texts.push(readFileSync(out, 'utf8'));
    for (const text of texts) {
      const digits = text.replace(/[\s-]/g, '');
      for (const raw of RAW) {
        assert.ok(!text.includes(raw), `raw value in output: ${raw.slice(0, 2)}…`);
        if (/^[\d\s-]+$/.test(raw)) assert.ok(!digits.includes(raw.replace(/[\s-]/g, '')), `raw number in output: ${raw.slice(0, 2)}…`);
      }
    }
    assert.ok(texts.some((t) => t.includes('****-****-9018')), 'masked examples are shown');
  });

  test('table output in English and Japanese', async () => {
    const en = await runCli(['classify', small]);
    assert.equal(en.code, 0, en.stderr);
    assert.match(en.stdout, /employees\.csv {2}\[utf-8, csv\] {2}personal data: specific personal information \(My Number\), personal information/);
    assert.match(en.stdout, /my_number \(My Number \(個人番号\)\) +high +2 {2}\*\*\*\*-\*\*\*\*-9018, \*\*\*\*-\*\*\*\*-0121/);
    assert.match(en.stdout, /\n {2}3 files \(164 B read\), 2 with personal data, 0 partly read, 0 unreadable\n/);
    const ja = await runCli(['classify', small, '--lang', 'ja']);
    assert.match(ja.stdout, /個人データあり: 特定個人情報、個人情報/);
    assert.match(ja.stdout, /本人の数: 2/);
    assert.match(ja.stdout, /\n合計\n/);
  });

  test('exit codes: 0, 1 with --fail-on-personal, 0 when nothing personal, --out writes the file only', async () => {
    assert.equal((await runCli(['classify', small])).code, 0);
    assert.equal((await runCli(['classify', small, '--fail-on-personal'])).code, 1);
    const clean = put('clean/notes.txt', 'nothing to see here\n');
    assert.equal((await runCli(['classify', clean, '--fail-on-personal'])).code, 0);
    const out = join(root, 'small.json');
    const res = await runCli(['classify', small, '--format', 'json', '--out', out]);
    assert.equal(res.code, 0);
    assert.equal(res.stdout, '');
    assert.equal(report(readFileSync(out, 'utf8')).total.files, 3);
  });

  test('usage errors exit 2 with one clear line', async () => {
    const missing = await runCli(['classify', small, join(root, 'does-not-exist.csv')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^kumoscan: no such file or directory: .*does-not-exist\.csv\n$/);
    const noPath = await runCli(['classify']);
    assert.equal(noPath.code, 2);
    assert.match(noPath.stderr, /missing required argument 'paths'/);
    const badSize = await runCli(['classify', small, '--max-bytes', 'lots']);
    assert.equal(badSize.code, 2);
    assert.match(badSize.stderr, /--max-bytes.*must be a size/);
    const badFormat = await runCli(['classify', small, '--format', 'xml']);
    assert.equal(badFormat.code, 2);
  });

  test('an unreadable entry is recorded in its notes, the others are classified, exit 3', async () => {
    const res = await runCli(['classify', broken, '--format', 'json']);
    assert.equal(res.code, 3, res.stderr);
    const r = report(res.stdout);
    const dangling = r.files.find((f) => f.path.endsWith('dangling.csv'));
    assert.deepEqual(dangling?.notes, ['broken symbolic link: not classified']);
    assert.equal(dangling?.truncated, true);
    assert.ok(r.files.find((f) => f.path.endsWith('ok.csv'))?.detections.some((d) => d.type === 'email'));
    assert.equal(r.total.unreadableFiles, 1);
    // --fail-on-personal wins over "incomplete".
    assert.equal((await runCli(['classify', broken, '--fail-on-personal'])).code, 1);
  });

  test('a FIFO is skipped, not read (no hang)', async (t) => {
    const fifo = join(root, 'fifo-dir', 'pipe');
    mkdirSync(join(root, 'fifo-dir'), { recursive: true });
    if (spawnSync('mkfifo', [fifo]).status !== 0) return t.skip('mkfifo not available');
    const res = await runCli(['classify', join(root, 'fifo-dir'), '--format', 'json']);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual(report(res.stdout).files.map((f) => f.notes), [['not a regular file (device, FIFO or socket): not read']]);
  });

  test('limits as flags: --max-bytes cuts and says so (partly read: exit 3)', async () => {
    const res = await runCli(['classify', join(small, 'employees.csv'), '--format', 'json', '--max-bytes', '64']);
    assert.equal(res.code, 3, res.stderr);
    const f = report(res.stdout).files[0];
    assert.equal(f?.bytesRead, 64);
    assert.equal(f?.truncated, true);
    assert.deepEqual(f?.notes, ['read limit of 64 B per object reached (--max-bytes); the rest was not read']);
    assert.equal(report(res.stdout).limits.maxBytes, 64);
  });
});
