// Issue 14, item 4: what stops the demo is said in --lang, each language whole (src/demo/demo-error.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_ERROR_EN, DEMO_ERROR_JA, DemoError, type DemoErrorCode } from '../../src/demo/demo-error.js';
import { packagePath } from '../../src/package-info.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';

const PARAMS = { dir: '/srv/out', reason: 'ENOTDIR', file: 'examples/aws-hr-system.snapshot.json', seconds: 30, code: '1', account: 'Bad_Name', exit: 1, output: 'listening on 127.0.0.1' };

test('every demo error has both wordings, each language whole; a child output is quoted in Japanese', () => {
  const codes = Object.keys(DEMO_ERROR_EN) as DemoErrorCode[];
  assert.deepEqual(Object.keys(DEMO_ERROR_JA).sort(), [...codes].sort());
  assert.equal(codes.length, 8);
  for (const code of codes) {
    const e = new DemoError(code, PARAMS);
    assert.equal(e.message, e.text('en'));
    assert.deepEqual(englishWords(e.text('ja')), [], e.text('ja'));
    assert.deepEqual(japaneseOutsideTerms(e.text('en')), [], e.text('en'));
  }
  assert.equal(new DemoError('azurite-exited', PARAMS).text('ja'), 'Azurite が終了しました（終了コード 1）\n「listening on 127.0.0.1」');
  assert.equal(new DemoError('scan-failed', { exit: 2, output: '' }).text('en'), 'the Azure scan failed (exit 2)');
});

function demo(outDir: string, lang: 'ja' | 'en'): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [packagePath('bin', 'kumoscan.js'), 'demo', '--out-dir', outDir, '--lang', lang], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { status: r.status, stderr: r.stderr };
}

test('an --out-dir that cannot be created: one line in the chosen language, exit 2, nothing started', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-demo-errors-'));
  try {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const ja = demo(join(file, 'out'), 'ja');
    assert.equal(ja.status, 2);
    assert.equal(ja.stderr, `kumoscan: ${join(file, 'out')} を作成できません（ENOTDIR）\n`);
    const en = demo(join(file, 'out'), 'en');
    assert.equal(en.status, 2);
    assert.equal(en.stderr, `kumoscan: cannot create ${join(file, 'out')}: ENOTDIR\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
