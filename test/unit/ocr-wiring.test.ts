// The OCR flags and configuration keys (--ocr, --ocr-max-images, --ocr-time-limit; sampling.ocr*), durations, and
// the sample plan with OCR on (pictures read whole) or off (by name).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '../../src/config/duration.js';
import { configFlagValues } from '../../src/config/flags.js';
import { parseConfig } from '../../src/config/load.js';
import { classifyPaths } from '../../src/classify-command.js';
import { planSample } from '../../src/data/sample-plan.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';

describe('durations', () => {
  test('seconds, units and combinations', () => {
    assert.equal(parseDuration('90'), 90_000);
    assert.equal(parseDuration(1.5), 1500);
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('2m'), 120_000);
    assert.equal(parseDuration('1m30s'), 90_000);
    assert.equal(parseDuration('500ms'), 500);
    assert.equal(parseDuration('1h'), 3_600_000);
    for (const bad of ['', 'soon', '-5', '0', '5x', 's', '1m 30s']) assert.equal(parseDuration(bad), null, bad);
  });
});

describe('configuration', () => {
  test('sampling.ocr, ocrMaxImages, ocrTimeLimit become the flags', () => {
    const c = parseConfig('version: 1\nsampling: { ocr: off, ocrMaxImages: 5, ocrTimeLimit: 2m }\n', 'k.yml');
    assert.deepEqual(configFlagValues(c, undefined), { ocr: 'off', ocrMaxImages: 5, ocrTimeLimit: 120_000 });
    // YAML booleans are accepted too
    assert.equal(configFlagValues(parseConfig('version: 1\nsampling: { ocr: false }\n', 'k.yml'), undefined).ocr, 'off');
  });

  test('bad values are one clear error', () => {
    assert.throws(() => parseConfig('version: 1\nsampling: { ocrTimeLimit: soon }\n', 'k.yml'), /^UsageError: k\.yml: sampling\.ocrTimeLimit: must be a duration such as 90 \(seconds\), 90s, 2m, 1m30s or 500ms$/);
    assert.throws(() => parseConfig('version: 1\nsampling: { ocrMaxImages: -1 }\n', 'k.yml'), /sampling\.ocrMaxImages: must be a whole number from 0 to 100000/);
    assert.throws(() => parseConfig('version: 1\nsampling: { ocr: maybe }\n', 'k.yml'), /sampling\.ocr:/);
  });
});

describe('command line', () => {
  test('bad OCR flags exit 2 with one line (scan and classify)', async () => {
    const file = packagePath('test', 'fixtures', 'ocr', 'IMG_5000.jpg');
    const badTime = await runCli(['classify', file, '--ocr-time-limit', 'soon']);
    assert.equal(badTime.code, 2);
    assert.match(badTime.stderr, /--ocr-time-limit.*must be a duration/);
    const badOcr = await runCli(['classify', file, '--ocr', 'maybe']);
    assert.equal(badOcr.code, 2);
    const badCount = await runCli(['scan', '--input', packagePath('examples', 'aws-hr-system.snapshot.json'), '--ocr-max-images', 'many']);
    assert.equal(badCount.code, 2);
    assert.match(badCount.stderr, /--ocr-max-images.*must be a whole number/);
  });

  test('the flags are in the help of scan and classify', async () => {
    for (const cmd of ['scan', 'classify']) {
      const help = await runCli([cmd, '--help']);
      assert.match(help.stdout, /--ocr <on\|off>/);
      assert.match(help.stdout, /--ocr-max-images <n>/);
      assert.match(help.stdout, /--ocr-time-limit <duration>/);
    }
  });

  test('classify without pictures never starts the engine, with OCR on or off, and returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-ocr-'));
    writeFileSync(join(dir, 'a.csv'), 'name,email\nA,a@example.com\n');
    const on = await classifyPaths([dir], {}, 3);
    const off = await classifyPaths([dir], {}, 3, { enabled: false });
    assert.deepEqual(on.total, off.total);
  });
});

describe('sample plan', () => {
  const listing = [
    { key: 'uploads/7f3c/a81c.jpg', size: 3_000_000 },
    { key: 'uploads/7f3c/b.heic', size: 2_000_000 },
    { key: 'uploads/huge.png', size: 50 * 1024 * 1024 },
    { key: 'exports/a.csv', size: 10_000 },
  ];
  test('OCR on: pictures read whole (up to the image size cap); HEIC and huge ones by name', () => {
    const plan = planSample(listing, 10, { readImages: true });
    assert.deepEqual(plan.objects.map((o) => [o.key, o.how, o.whole === true]).sort(), [
      ['exports/a.csv', 'read', false],
      ['uploads/7f3c/a81c.jpg', 'read', true],
      ['uploads/7f3c/b.heic', 'name', false],
      ['uploads/huge.png', 'name', false],
    ]);
  });
  test('OCR off: pictures by name, as before', () => {
    const plan = planSample(listing, 10);
    assert.deepEqual(plan.objects.filter((o) => o.how === 'read').map((o) => o.key), ['exports/a.csv']);
  });
});
