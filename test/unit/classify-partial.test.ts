// Issue 13, item 3: `kumoscan classify --fail-on-personal` must not pass (exit 0) when content was not read. My
// Numbers behind each limit: zips nested 4 deep, after 10,000 zip entries, behind 20 MiB of compressed padding,
// after 70 MiB of filler rows, and in a member that cannot be decoded. Each file is "partly read" (counted, with
// the reason in its notes) and the run exits 3 — or 1 when personal data was found anyway.
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ClassifyReport } from '../../src/classify-command.js';
import { runCli } from '../helpers/cli.js';
import { myNumber } from '../helpers/containers.js';
import { zip } from '../helpers/office-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'kumoscan-partial-'));
const MN = [myNumber('12345678901'), myNumber('23456789012')];
const CSV = `氏名,マイナンバー\n山田 太郎,${MN[0]}\n佐藤 花子,${MN[1]}\n`;

function dir(name: string, files: Record<string, Buffer | string>): string {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  for (const [f, data] of Object.entries(files)) writeFileSync(join(d, f), data);
  return d;
}

function nested(depth: number): Buffer {
  let inner = zip([{ name: 'employees.csv', data: CSV }]);
  for (let i = depth - 1; i >= 1; i--) inner = zip([{ name: `level${i}.zip`, data: inner }]);
  return inner;
}

async function classify(path: string, ...flags: string[]): Promise<{ code: number | null; report: ClassifyReport }> {
  const res = await runCli(['classify', path, '--format', 'json', '--fail-on-personal', ...flags]);
  assert.equal(res.stderr, '');
  return { code: res.code, report: JSON.parse(res.stdout) as ClassifyReport };
}

function onlyFile(r: ClassifyReport): ClassifyReport['files'][number] {
  assert.equal(r.files.length, 1);
  return r.files[0] as ClassifyReport['files'][number];
}

describe('classify: content not read is never a pass', () => {
  test('zips nested 4 deep: partly read, exit 3 (3 deep is read: exit 1)', async () => {
    const { code, report } = await classify(dir('nested4', { 'export.zip': nested(4) }));
    const f = onlyFile(report);
    assert.equal(f.truncated, true);
    assert.equal(f.personalData, false);
    assert.deepEqual(f.notes, ['level1.zip/level2.zip/level3.zip: containers nested more than 3 deep were not decoded']);
    assert.equal(report.total.truncatedFiles, 1);
    assert.equal(code, 3);
    const three = await classify(dir('nested3', { 'export.zip': nested(3) }));
    assert.equal(onlyFile(three.report).truncated, false);
    assert.equal(three.code, 1);
  });

  test('My Numbers after 10,000 zip entries: partly read, exit 3', async () => {
    const filler = Array.from({ length: 10_000 }, (_, i) => ({ name: `f/${i}.txt`, data: 'x', store: true }));
    const { code, report } = await classify(dir('entries', { 'many.zip': zip([...filler, { name: 'employees.csv', data: CSV }]) }));
    const f = onlyFile(report);
    assert.equal(f.truncated, true);
    assert.equal(f.personalData, false);
    assert.deepEqual(f.notes, ['zip archive has 10001 entries; only the first 10000 were looked at (--max-entries)']);
    assert.equal(code, 3);
  });

  test('My Numbers behind 20 MiB of compressed padding: partly read, exit 3', async () => {
    const bomb = zip([{ name: 'padding.txt', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }, { name: 'employees.csv', data: CSV }]);
    const { code, report } = await classify(dir('padding', { 'padded.zip': bomb }));
    const f = onlyFile(report);
    assert.equal(f.truncated, true);
    assert.equal(f.personalData, false);
    assert.deepEqual(f.notes, ['compression ratio of a zip entry above 100:1 (possible zip bomb, --max-ratio); stopped']);
    assert.equal(code, 3);
  });

  test('My Numbers after 70 MiB of filler rows: partly read, exit 3; found anyway: exit 1', async () => {
    const d = join(root, 'filler');
    mkdirSync(d, { recursive: true });
    const fd = openSync(join(d, 'big.csv'), 'w');
    writeSync(fd, '氏名,マイナンバー\n');
    const rows = Array.from({ length: 20_000 }, (_, i) => `filler${i},${'-'.repeat(120)}\n`).join('');
    for (let written = 0; written < 70 * 1024 * 1024; written += rows.length) writeSync(fd, rows);
    writeSync(fd, CSV.slice(CSV.indexOf('\n') + 1));
    closeSync(fd);
    // (no time limit: the byte limit is the one under test, whatever the machine's load)
    const { code, report } = await classify(d, '--time-limit', '0');
    const f = onlyFile(report);
    assert.equal(f.truncated, true);
    assert.equal(f.personalData, false);
    assert.deepEqual(f.notes, ['read limit of 64 MiB per object reached (--max-bytes); the rest was not read']);
    assert.equal(code, 3);
    // Personal data found in another file is certain: 1 wins over 3.
    writeFileSync(join(d, 'small.csv'), CSV);
    assert.equal((await classify(d, '--time-limit', '0')).code, 1);
  });

  test('a member that cannot be decoded (legacy .xls) makes the archive partly read, named in its notes', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const d = dir('ole', { 'payroll.zip': zip([{ name: '給与台帳.xls', data: ole }, { name: 'readme.txt', data: 'payroll export\n' }]) });
    const { code, report } = await classify(d);
    assert.deepEqual(onlyFile(report).notes, ['給与台帳.xls: legacy Office (OLE) file: not decoded; classified by file name only (no safe reader for .xls/.doc/.ppt)']);
    assert.equal(code, 3);
    const table = await runCli(['classify', d]);
    assert.equal(table.code, 3);
    assert.match(table.stdout, /\n {2}1 files \([^)]*\), 0 with personal data, 1 partly read, 0 unreadable\n/);
    const ja = await runCli(['classify', d, '--lang', 'ja']);
    assert.match(ja.stdout, /一部のみ読み取り 1/);
  });

  test('an ID-card photo inside an uploads zip is found by its name (exit 1)', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
    // A stand-in JPEG (no pixels): with OCR on it is rightly unreadable; this test is about the file-name rule.
    const { code, report } = await classify(dir('uploads', { 'uploads.zip': zip([{ name: 'u/7f3c/マイナンバーカード_表.jpg', data: jpeg }]) }), '--ocr', 'off');
    const f = onlyFile(report);
    assert.deepEqual(f.detections, [{ type: 'id_document_image', confidence: 'high', count: 1, masked: ['マイナンバーカード'] }]);
    assert.deepEqual(f.classes, ['specific_personal_information']);
    assert.equal(f.truncated, false);
    assert.equal(code, 1);
  });
});
