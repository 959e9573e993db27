// `kumoscan report SCAN.json` re-renders a saved JSON report; `--format` takes a comma-separated list (several need
// --out-dir); bad input is a usage error (exit 2) with a clear message. The real CLI, as a user runs it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-report-cmd-'));
const GCP = packagePath('examples', 'gcp-hr-system.snapshot.json');
const AWS = packagePath('examples', 'aws-hr-system.snapshot.json');
const gcpJson = join(work, 'gcp.json');
const awsJson = join(work, 'aws.json');

before(async () => {
  for (const [input, out] of [[GCP, gcpJson], [AWS, awsJson]] as const) {
    const res = await runCli(['scan', '--input', input, '--format', 'json', '--out', out]);
    assert.equal(res.code, 1, res.stderr);
  }
});

describe('kumoscan report', () => {
  test('round trip: json -> report --format json is the same report; every format into --out-dir', async () => {
    const res = await runCli(['report', gcpJson, '--format', 'json']);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout, readFileSync(gcpJson, 'utf8'));
    const dir = join(work, 'all');
    const all = await runCli(['report', gcpJson, '--format', 'json,html,sarif,md,csv,table', '--out-dir', dir, '--lang', 'en']);
    assert.equal(all.code, 0, all.stderr);
    assert.equal(all.stdout, '');
    assert.deepEqual(readdirSync(dir).sort(), ['kumoscan-report.csv', 'kumoscan-report.html', 'kumoscan-report.json', 'kumoscan-report.md', 'kumoscan-report.sarif', 'kumoscan-report.txt']);
    const again = JSON.parse(readFileSync(join(dir, 'kumoscan-report.json'), 'utf8')) as Report;
    assertValidReport(again);
    assert.deepEqual(again, JSON.parse(readFileSync(gcpJson, 'utf8')));
    assert.ok(readFileSync(join(dir, 'kumoscan-report.html'), 'utf8').includes('kumo-hr-health-checks'));
    assert.equal(JSON.parse(readFileSync(join(dir, 'kumoscan-report.sarif'), 'utf8')).version, '2.1.0');
    assert.ok(readFileSync(join(dir, 'kumoscan-report.md'), 'utf8').startsWith('# kumoscan report\n'));
    assert.ok(readFileSync(join(dir, 'kumoscan-report.csv')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    assert.match(readFileSync(join(dir, 'kumoscan-report.txt'), 'utf8'), /^kumoscan .* — gcp kumo-hr-prod/);
  });

  test('html is the default format; several reports combine into one HTML, SARIF (one run each), Markdown or CSV', async () => {
    const html = await runCli(['report', gcpJson]);
    assert.equal(html.code, 0, html.stderr);
    assert.ok(html.stdout.startsWith('<!DOCTYPE html>'));
    const both = await runCli(['report', awsJson, gcpJson, '--format', 'sarif']);
    assert.equal(both.code, 0, both.stderr);
    assert.equal((JSON.parse(both.stdout) as { runs: unknown[] }).runs.length, 2);
    const out = join(work, 'combined.html');
    const file = await runCli(['report', awsJson, gcpJson, '--out', out]);
    assert.equal(file.code, 0, file.stderr);
    const text = readFileSync(out, 'utf8');
    assert.ok(text.includes('hr-system-employees') && text.includes('kumo-hr-health-checks'));
    const json = await runCli(['report', awsJson, gcpJson, '--format', 'json']);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /the json format renders one report at a time/);
  });

  test('a report of an older kumoscan (1.1.0, before the reportability estimate) still renders: "not estimated"', async () => {
    const doc = JSON.parse(readFileSync(gcpJson, 'utf8')) as Record<string, unknown> & { assessment: Record<string, unknown> & { perResource: Record<string, unknown>[] } };
    doc.schemaVersion = '1.1.0';
    const { notLegalAdvice, framing, perResource } = doc.assessment;
    doc.assessment = {
      notLegalAdvice,
      framing,
      perResource: perResource.map((p) => ({ resourceId: p.resourceId, exposedToAnyone: p.exposedToAnyone, duties: p.duties, findingIds: p.findingIds, personalData: p.personalData, reportability: null, note: p.note })),
      reportable: [],
      deadlines: null,
    };
    const old = join(work, 'old-1.1.0.json');
    writeFileSync(old, JSON.stringify(doc));
    const res = await runCli(['report', old, '--format', 'html']);
    assert.equal(res.code, 0, res.stderr);
    assert.ok(res.stdout.includes('<span class="l-ja" lang="ja">未推定</span>'));
    const broken = join(work, 'old-broken.json');
    writeFileSync(broken, JSON.stringify({ ...doc, resources: 'none' }));
    const bad = await runCli(['report', broken]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\/resources must be array/);
  });

  test('bad input: a clear message and exit 2, never a stack trace', async () => {
    const notJson = join(work, 'not.json');
    writeFileSync(notJson, '{ nope');
    const snapshotGiven = GCP;
    const wrongShape = join(work, 'wrong.json');
    const broken = JSON.parse(readFileSync(gcpJson, 'utf8')) as Record<string, unknown>;
    delete broken.findings;
    writeFileSync(wrongShape, JSON.stringify(broken));
    const future = join(work, 'future.json');
    writeFileSync(future, JSON.stringify({ ...broken, schemaVersion: '2.0.0' }));
    const cases: [string[], RegExp][] = [
      [['report', join(work, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
      [['report', notJson], /not\.json is not JSON/],
      [['report', snapshotGiven], /is not a kumoscan report \(expected a JSON report written by "kumoscan scan --format json"/],
      [['report', wrongShape], /wrong\.json is not a valid kumoscan report \(reports\/report\.schema\.json\): \(top level\) must have required property 'findings'/],
      [['report', future], /schemaVersion "2\.0\.0" is not one this kumoscan reads/],
      [['report', gcpJson, '--format', 'xml'], /unknown format "xml"/],
      [['report', gcpJson, '--format', 'html,md'], /several formats \(html, md\) need --out-dir DIR/],
      [['report', gcpJson, '--out', join(work, 'x.html'), '--out-dir', work], /not both/],
      [['report', gcpJson, '--out', join(work, 'no', 'such', 'dir', 'x.html')], /--out \S+x\.html: the folder \S+dir does not exist \(create it first\)/],
    ];
    for (const [args, message] of cases) {
      const res = await runCli(args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, message, args.join(' '));
      if (!/unknown format/.test(message.source)) assert.match(res.stderr, /^kumoscan: /);
      assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});

describe('kumoscan scan --format LIST --out-dir DIR', () => {
  test('several formats in one scan; json|table with --out work as before', async () => {
    const dir = join(work, 'scan-out');
    const res = await runCli(['scan', '--input', AWS, '--format', 'json, sarif ,csv', '--out-dir', dir]);
    assert.equal(res.code, 1, res.stderr);
    assert.equal(res.stdout, '');
    assert.deepEqual(readdirSync(dir).sort(), ['kumoscan-report.csv', 'kumoscan-report.json', 'kumoscan-report.sarif']);
    assertValidReport(JSON.parse(readFileSync(join(dir, 'kumoscan-report.json'), 'utf8')));
    const table = await runCli(['scan', '--input', AWS, '--format', 'table', '--lang', 'en']);
    assert.match(table.stdout, /^kumoscan .* — aws 111122223333 \(snapshot\)/);
    const out = join(work, 'single.json');
    const single = await runCli(['scan', '--input', AWS, '--format', 'json', '--out', out]);
    assert.equal(single.code, 1);
    assert.ok(existsSync(out));
  });

  test('usage errors come before the scan', async () => {
    const res = await runCli(['scan', '--input', AWS, '--format', 'json,html']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /several formats \(json, html\) need --out-dir DIR/);
  });
});
