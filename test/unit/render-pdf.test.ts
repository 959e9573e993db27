// `--format pdf`: which Chromium prints it ($KUMOSCAN_CHROMIUM, else the usual places), the one-line errors when
// there is none or no file to write to, and that the page it prints is the HTML report in the language asked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { fileNameFor, parseFormats, renderFormat } from '../../reports/render/formats.js';
import { checkOutputs } from '../../reports/render/output.js';
import { CHROMIUM_CANDIDATES, findChromium } from '../../reports/render/pdf.js';
import { exampleReport } from '../fixtures/render-reports.js';

describe('pdf format', () => {
  test('the Chromium: $KUMOSCAN_CHROMIUM first, else the first usual place that exists', () => {
    assert.equal(findChromium({ KUMOSCAN_CHROMIUM: '/opt/c/chrome' }, (p) => p === '/opt/c/chrome'), '/opt/c/chrome');
    assert.equal(findChromium({}, (p) => p === '/usr/bin/google-chrome'), '/usr/bin/google-chrome');
    assert.equal(CHROMIUM_CANDIDATES[0], '/usr/bin/chromium');
  });

  test('none found: one clear line saying where it looked and how to point at one', () => {
    assert.throws(
      () => findChromium({}, () => false),
      (e: unknown) => e instanceof UsageError && e.message === 'the pdf format needs a locally installed Chromium (looked in /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /usr/bin/google-chrome-stable); install it (e.g. apt-get install chromium) or set KUMOSCAN_CHROMIUM=/path/to/chromium',
    );
    assert.throws(() => findChromium({ KUMOSCAN_CHROMIUM: '/x' }, () => false), /KUMOSCAN_CHROMIUM=\/x does not exist/);
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
