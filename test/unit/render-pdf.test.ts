// `--format pdf`: which Chromium prints it ($KUMOSCAN_CHROMIUM, else the usual places), the one-line errors when
// there is none or no file to write to, and that the page it prints is the HTML report in the language asked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { packagePath } from '../../src/package-info.js';
import { UsageError } from '../../src/errors.js';
import { fileNameFor, parseFormats, renderFormat } from '../../reports/render/formats.js';
import { checkOutputs } from '../../reports/render/output.js';
import { CHROMIUM_CANDIDATES, findChromium } from '../../reports/render/pdf.js';
import { exampleReport } from '../fixtures/render-reports.js';

describe('pdf format', () => {
  test('the Chromium: $KUMOSCAN_CHROMIUM first, else the first usual place that exists', () => {
    assert.equal(findChromium('en', { KUMOSCAN_CHROMIUM: '/opt/c/chrome' }, (p) => p === '/opt/c/chrome'), '/opt/c/chrome');
    assert.equal(findChromium('en', {}, (p) => p === '/usr/bin/google-chrome'), '/usr/bin/google-chrome');
    assert.equal(CHROMIUM_CANDIDATES[0], '/usr/bin/chromium');
  });

  test('none found: one clear line saying where it looked and how to point at one, in English and in Japanese', () => {
    const places = '/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /usr/bin/google-chrome-stable';
    assert.throws(
      () => findChromium('en', {}, () => false),
      (e: unknown) => e instanceof UsageError && e.message === `no Chromium found: the pdf format prints through a locally installed Chromium (looked in ${places}); install it (e.g. apt-get install chromium) or set KUMOSCAN_CHROMIUM=/path/to/chromium`,
    );
    assert.throws(
      () => findChromium('ja', {}, () => false),
      (e: unknown) => e instanceof UsageError && e.message === `Chromium が見つかりません：pdf 形式はローカルにインストールされた Chromium で印刷します（探した場所: ${places}）。インストールする（例: apt-get install chromium）か、KUMOSCAN_CHROMIUM=/path/to/chromium を設定してください`,
    );
    assert.throws(() => findChromium('en', { KUMOSCAN_CHROMIUM: '/x' }, () => false), /^UsageError: no Chromium found: the pdf format prints with KUMOSCAN_CHROMIUM=\/x, which does not exist$/);
    assert.throws(() => findChromium('ja', { KUMOSCAN_CHROMIUM: '/x' }, () => false), /^UsageError: Chromium が見つかりません：pdf 形式の印刷に使う KUMOSCAN_CHROMIUM=\/x は存在しません$/);
  });

  test('the usage check before any work looks for the browser in the language asked', () => {
    const saved = process.env.KUMOSCAN_CHROMIUM;
    process.env.KUMOSCAN_CHROMIUM = '/nonexistent/chromium';
    try {
      assert.throws(() => checkOutputs(1, ['pdf'], { out: 'r.pdf', lang: 'ja' }), /^UsageError: Chromium が見つかりません/);
      assert.throws(() => checkOutputs(1, ['pdf'], { out: 'r.pdf' }), /^UsageError: no Chromium found/);
    } finally {
      if (saved === undefined) delete process.env.KUMOSCAN_CHROMIUM;
      else process.env.KUMOSCAN_CHROMIUM = saved;
    }
  });

  test('playwright-core is a pinned runtime dependency (the pdf format works from npm install kumoscan), not a development one', () => {
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    assert.match(pkg.dependencies['playwright-core'] ?? '', /^\d+\.\d+\.\d+$/);
    assert.equal(pkg.devDependencies['playwright-core'], undefined);
  });

  test('a format like the others: parsed, written as kumoscan-report.pdf, never to standard output', () => {
    assert.deepEqual(parseFormats('html,pdf'), ['html', 'pdf']);
    assert.equal(fileNameFor('pdf'), 'kumoscan-report.pdf');
    assert.throws(() => checkOutputs(1, ['pdf'], {}), /the pdf format writes a file: give --out FILE\.pdf or --out-dir DIR/);
  });

  test('it prints the HTML report, starting in the language asked', () => {
    const en = renderFormat('pdf', [exampleReport('aws')], { lang: 'en' });
    assert.match(en, /^<!DOCTYPE html>\n<html lang="en" data-lang="en">/);
    assert.match(renderFormat('html', [exampleReport('aws')], { lang: 'ja' }), /<html lang="ja" data-lang="ja">/);
  });
});
