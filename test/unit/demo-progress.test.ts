// Issue 14, item 4: the demo's progress lines follow --lang, each language whole.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEMO_PROGRESS, runDemo } from '../../src/demo/run.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';

test('every progress line: Japanese without English prose, English without Japanese', () => {
  const steps = Object.values(DEMO_PROGRESS);
  assert.equal(steps.length, 4);
  for (const { ja, en } of steps) {
    assert.deepEqual(englishWords(ja), [], ja);
    assert.deepEqual(japaneseOutsideTerms(en), [], en);
  }
});

/** The first progress line runDemo says in `lang` (the demo is stopped there, before Azurite starts). */
async function firstLine(lang: 'ja' | 'en' | undefined): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-demo-progress-'));
  const said: string[] = [];
  const stop = new Error('stop after the first line');
  try {
    await assert.rejects(
      runDemo({
        outDir: dir,
        ...(lang ? { lang } : {}),
        progress: (line) => {
          said.push(line);
          throw stop;
        },
      }),
      (err) => err === stop,
    );
    assert.deepEqual(readdirSync(dir), [], 'the work folder is removed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(said.length, 1);
  return said[0] as string;
}

test('runDemo says its progress in the language asked for (English by default)', async () => {
  assert.equal(await firstLine('ja'), 'Azurite（ローカルの Azure Blob Storage エミュレーター）を 127.0.0.1 で起動しています …');
  assert.equal(await firstLine('en'), 'starting Azurite (local Azure Blob Storage emulator) on 127.0.0.1 …');
  assert.equal(await firstLine(undefined), 'starting Azurite (local Azure Blob Storage emulator) on 127.0.0.1 …');
});
