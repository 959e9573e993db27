// Defaults that depend on where the command runs: `kumoscan report` on a terminal shows the table (a page of HTML
// there is unreadable) and keeps writing HTML into a pipe or file; --lang follows the locale, and the help says so
// instead of naming the value this shell happens to give. The terminal is a real pseudo-terminal (script(1)).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-terminal-'));
const report = join(work, 'r.json');
const example = join(PACKAGE_ROOT, 'examples', 'aws-hr-system.snapshot.json');

/** Runs kumoscan with standard output (and error) on a pseudo-terminal; returns what the terminal received. */
function onTerminal(args: string[]): { code: number | null; output: string } {
  const quoted = [process.execPath, join(PACKAGE_ROOT, 'bin', 'kumoscan.js'), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qefc', quoted, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: work, LANG: 'C.UTF-8', TERM: 'dumb' }, input: '', timeout: 60_000 });
  return { code: r.status, output: r.stdout.replace(/\r\n/g, '\n') };
}

describe('kumoscan report without --format', () => {
  before(async () => {
    const res = await runCli(['scan', '--input', example, '--format', 'json', '--out', report, '--fail-on', 'none', '-q']);
    assert.equal(res.code, 3, res.stderr);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('on a terminal: the table, not HTML', () => {
    const res = onTerminal(['report', report]);
    assert.equal(res.code, 0, res.output);
    assert.match(res.output, /^kumoscan \d+\.\d+\.\d+ — aws 111122223333 \(snapshot\)\n/);
    assert.match(res.output, /CRITICAL +1 resource +Anyone can read objects in the bucket \(public-read\)/);
    assert.match(res.output, /\n {2}hr-system-employees +yes\/yes\/no/);
    assert.doesNotMatch(res.output, /<html|<!doctype/i);
  });

  test('on a terminal, several reports: one line saying what to give, exit 2', () => {
    const res = onTerminal(['report', report, report]);
    assert.equal(res.code, 2, res.output);
    assert.equal(res.output, 'kumoscan: several reports on a terminal: write them as one HTML file with --out report.html, or give --format md\n');
  });

  test('on a terminal with --format html: HTML, as asked', () => {
    const res = onTerminal(['report', report, '--format', 'html']);
    assert.equal(res.code, 0);
    assert.match(res.output, /^<!DOCTYPE html>/i);
  });

  test('into a pipe: HTML, as before', async () => {
    const res = await runCli(['report', report]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^<!DOCTYPE html>/i);
  });

  test('the help says so', async () => {
    const res = await runCli(['report', '--help']);
    assert.match(res.stdout.replace(/\s+/g, ' '), /default: html; table when standard output is a terminal\)/);
  });
});

describe('--lang follows the locale, and the help says so', () => {
  for (const [locale, lang, heading] of [
    ['ja_JP.UTF-8', 'ja', /^\d+ 件のチェック（/],
    ['C.UTF-8', 'en', /^\d+ checks \(id, severity/],
  ] as const) {
    test(`LANG=${locale}: kumoscan checks is in ${lang}; every command's help gives the rule, not "${lang}"`, async () => {
      const checks = await runCli(['checks'], { LANG: locale });
      assert.equal(checks.code, 0, checks.stderr);
      assert.match(checks.stdout, heading);
      for (const command of ['scan', 'report', 'checks', 'diff', 'merge', 'classify', 'demo']) {
        const help = (await runCli([command, '--help'], { LANG: locale })).stdout.replace(/\s+/g, ' ');
        assert.match(help, /--lang <lang> .*\(choices: "ja", "en", default: ja when LC_ALL, LC_MESSAGES or LANG starts with "ja", else en\)/, command);
        assert.doesNotMatch(help, /default: "(ja|en)"/, command);
      }
    });
  }
});
