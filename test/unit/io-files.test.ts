// Files in and out: special files are refused at once (a FIFO nobody writes into, /dev/zero) for every input
// flag, the size limits are checked from the stat before reading, the atomic writer replaces a file whole and
// never replaces a device, and a closed standard output (`| head -1`) ends the command quietly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { pendingTempFiles, writeFileAtomic } from '../../src/io/atomic-write.js';
import { readRegularFile } from '../../src/io/read-file.js';
import { packagePath, PACKAGE_ROOT } from '../../src/package-info.js';
import { runCli, runCliWithin } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kumoscan-io-'));
const fifo = join(dir, 'fifo');
spawnSync('mkfifo', [fifo]);
const EXAMPLE = packagePath('examples', 'aws-hr-system.snapshot.json');
const report = join(dir, 'report.json');

function sparse(name: string, bytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

describe('special files as input: exit 2 at once, one line', () => {
  test('the fixture is a FIFO', () => assert.ok(statSync(fifo).isFIFO()));

  const shapes: [string, (f: string) => string[], RegExp][] = [
    ['scan --input', (f) => ['scan', '--input', f], /^kumoscan: cannot read snapshot \S+: (a named pipe \(FIFO\)|a character device), not a regular file\n$/],
    ['scan --config', (f) => ['scan', '--input', EXAMPLE, '--config', f], /^kumoscan: \S+: cannot read the configuration file \((a named pipe \(FIFO\)|a character device), not a regular file\)\n$/],
    ['scan --baseline', (f) => ['scan', '--input', EXAMPLE, '--baseline', f], /^kumoscan: cannot read \S+: (a named pipe \(FIFO\)|a character device), not a regular file\n$/],
    ['report', (f) => ['report', f], /^kumoscan: cannot read \S+: (a named pipe \(FIFO\)|a character device), not a regular file\n$/],
    ['report --baseline', (f) => ['report', report, '--baseline', f], /^kumoscan: cannot read \S+: (a named pipe \(FIFO\)|a character device), not a regular file\n$/],
    ['merge', (f) => ['merge', f], /^kumoscan: cannot read \S+: (a named pipe \(FIFO\)|a character device), not a regular file\n$/],
    ['diff', (f) => ['diff', report, f], /^kumoscan: cannot read \S+: (a named pipe \(FIFO\)|a character device), not a regular file\n$/],
  ];
  for (const [label, args, expected] of shapes) {
    for (const special of [fifo, '/dev/zero']) {
      test(`${label} ${special === fifo ? 'a FIFO' : '/dev/zero'}`, async () => {
        if (!existsSync(report)) writeFileSync(report, (await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--fail-on', 'none'])).stdout);
        const res = await runCliWithin(20_000, args(special));
        assert.equal(res.timedOut, false, 'ends by itself (does not wait for a writer or read for ever)');
        assert.equal(res.code, 2, res.stderr);
        assert.match(res.stderr, expected);
      });
    }
  }
});

describe('size limits from the stat, before reading', () => {
  test('a 600 MiB (sparse) snapshot is refused from its size, promptly', async () => {
    const big = sparse('big.json', 600 * 1024 * 1024);
    const res = await runCliWithin(20_000, ['scan', '--input', big]);
    assert.equal(res.timedOut, false);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(res.stderr, `kumoscan: cannot read snapshot ${big}: 600 MiB, larger than the limit of 512 MiB\n`);
  });

  test('a configuration file over 1 MiB is refused', async () => {
    const big = sparse('big.yml', 2 * 1024 * 1024);
    const res = await runCliWithin(20_000, ['scan', '--input', EXAMPLE, '--config', big]);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(res.stderr, `kumoscan: ${big}: cannot read the configuration file (2 MiB, larger than the limit of 1 MiB)\n`);
  });

  test('readRegularFile reads a regular file whole, and refuses one byte over the limit', () => {
    const f = join(dir, 'ten.txt');
    writeFileSync(f, '0123456789');
    assert.equal(readRegularFile(f, { maxBytes: 10, error: (r) => r }).toString(), '0123456789');
    assert.throws(() => readRegularFile(f, { maxBytes: 9, error: (r) => `x: ${r}` }), (e: unknown) => e instanceof UsageError && e.message === 'x: 10 B, larger than the limit of 9 B');
    assert.throws(() => readRegularFile(dir, { maxBytes: 9, error: (r) => `x: ${r}` }), (e: unknown) => e instanceof UsageError && e.message === 'x: a folder, not a regular file');
  });
});

describe('output paths of every command are checked before the work', () => {
  test('merge, diff, report, classify --out into a missing folder: exit 2, one line, nothing read', async () => {
    if (!existsSync(report)) writeFileSync(report, (await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--fail-on', 'none'])).stdout);
    const missing = join(dir, 'missing-folder', 'out.json');
    for (const args of [
      ['merge', report, '--out', missing],
      ['diff', report, report, '--out', missing],
      ['report', report, '--out', missing],
      // The input does not exist either: the output is checked first.
      ['classify', join(dir, 'no-such-input.csv'), '--out', missing],
      ['scan', '--input', join(dir, 'no-such-snapshot.json'), '--out', missing],
    ]) {
      const res = await runCli(args);
      assert.equal(res.code, 2, `${args[0]}: ${res.stderr}`);
      assert.equal(res.stderr, `kumoscan: --out ${missing}: the folder ${join(dir, 'missing-folder')} does not exist (create it first)\n`, args[0]);
    }
  });
});

describe('writeFileAtomic', () => {
  test('replaces the file whole, keeps its permissions, leaves no temporary file', async () => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    const f = join(sub, 'r.json');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    await writeFileAtomic(f, 'x'.repeat(3 * 1024 * 1024));
    assert.equal(readFileSync(f, 'utf8').length, 3 * 1024 * 1024);
    assert.equal(statSync(f).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(sub), ['r.json']);
    assert.deepEqual(pendingTempFiles(), []);
  });

  test('pieces are written in order, byte for byte: small and large, Japanese and surrogate pairs, across the buffer', async () => {
    const sub = mkdtempSync(join(dir, 'pieces-'));
    const f = join(sub, 'r.json');
    const pieces: string[] = [];
    for (let i = 0; i < 3000; i++) pieces.push(i % 3 === 0 ? `日本語${i}😀` : `{"i": ${i}}\n`);
    pieces.push('長'.repeat(400_000), 'ascii'.repeat(300_000), '', 'end😀');
    for (let i = 0; i < 1000; i++) pieces.push(`テキスト${i}`);
    await writeFileAtomic(f, pieces);
    assert.equal(readFileSync(f, 'utf8'), pieces.join(''));
    assert.deepEqual(readdirSync(sub), ['r.json']);
  });

  test('a piece that cannot be made stops the write: the previous file stays, no temporary file', async () => {
    const sub = mkdtempSync(join(dir, 'pieces-fail-'));
    const f = join(sub, 'r.json');
    writeFileSync(f, 'old');
    function* failing(): Generator<string> {
      yield 'x'.repeat(2 * 1024 * 1024);
      throw new Error('rendering failed');
    }
    await assert.rejects(writeFileAtomic(f, failing()), /rendering failed/);
    assert.equal(readFileSync(f, 'utf8'), 'old');
    assert.deepEqual(readdirSync(sub), ['r.json']);
    assert.deepEqual(pendingTempFiles(), []);
  });

  test('a missing folder is one line; nothing is left behind', async () => {
    await assert.rejects(writeFileAtomic(join(dir, 'none', 'r.json'), 'x'), (e: unknown) => e instanceof UsageError && /^cannot write \S+none\/r\.json: ENOENT$/.test(e.message));
    assert.deepEqual(pendingTempFiles(), []);
  });

  test('a device is written directly, never replaced (--out /dev/null)', async () => {
    await writeFileAtomic('/dev/null', 'discarded');
    assert.ok(statSync('/dev/null').isCharacterDevice());
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--out', '/dev/null', '--fail-on', 'none']);
    assert.equal(res.code, 3, `the example is incomplete (denied calls): ${res.stderr}`);
    assert.ok(statSync('/dev/null').isCharacterDevice());
  });
});

describe('a closed standard output (EPIPE) ends the command quietly', () => {
  const bin = join(PACKAGE_ROOT, 'bin', 'kumoscan.js');
  const piped = (args: string): { stdout: string; stderr: string; status: string } => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" ${args} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir }, timeout: 60_000 });
    const status = /status=(\d+)/.exec(r.stderr)?.[1] ?? '?';
    return { stdout: r.stdout, stderr: r.stderr.replace(/status=\d+\n/, ''), status };
  };

  test('kumoscan report r.json | head -1 (an HTML report far larger than a pipe buffer)', async () => {
    if (!existsSync(report)) writeFileSync(report, (await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--fail-on', 'none'])).stdout);
    const r = piped(`report "${report}" --format html`);
    assert.equal(r.stdout, '<!DOCTYPE html>\n');
    assert.equal(r.stderr, '', 'no EPIPE stack trace');
    assert.equal(r.status, '0');
  });

  test('kumoscan scan --input … --format json | head -1 keeps the exit code of the scan', () => {
    const r = piped(`scan --input "${EXAMPLE}" --format json --quiet`);
    assert.equal(r.stdout, '{\n');
    assert.equal(r.stderr, '');
    assert.equal(r.status, '1', 'findings at or above high');
  });
});
