// Hostile names in every human-facing output (issue 13 item 5): a bucket, error code or file name holding ESC
// sequences, C1 controls, bidi overrides or a newline is shown with visible escapes — it can neither colour the
// terminal nor forge an output line. And raw personal values in tags, labels, metadata and file names (item 6)
// reach no output: every format is searched for the raw values.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { escapeControls, escapeJsonControls } from '../../src/text/sanitize.js';
import { maskTags, maskText } from '../../src/text/mask-text.js';
import { renderFormat, FORMATS } from '../../reports/render/formats.js';
import { renderTable } from '../../reports/render/table.js';
import { renderMarkdown } from '../../reports/render/md.js';
import { renderCsv } from '../../reports/render/csv.js';
import type { Report } from '../../reports/render/json.js';
import { formatJson, formatText } from '../../src/log/logger.js';
import { classifyPaths, renderClassifyTable } from '../../src/classify-command.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { packagePath } from '../../src/package-info.js';
import type { Snapshot } from '../../src/snapshot.js';
import { runCli } from '../helpers/cli.js';

/** Any character the sanitizer must never let through to a terminal (newline checked separately). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const EVIL = 'evil\u001b[31mred\u001b]0;pwned\u0007\nFAKE LINE: no findings\u009b2J\u202ertl\r';
const TIME = new Date('2026-11-22T03:00:00.000Z');

function example(name: string): Snapshot {
  return JSON.parse(readFileSync(packagePath('examples', name), 'utf8')) as Snapshot;
}

function evaluate(snapshot: Snapshot): Report {
  return evaluateSnapshot(snapshot, { source: 'snapshot', failOn: 'high', scannedAt: '2026-11-22T03:00:00.000Z' });
}

/** The AWS example with its public bucket renamed to EVIL (policy ARNs follow the name). */
function hostileAwsReport(): Report {
  const text = readFileSync(packagePath('examples', 'aws-hr-system.snapshot.json'), 'utf8').split('hr-system-employees').join('hr-system-employees-X');
  const snapshot = JSON.parse(text) as Snapshot & { buckets: { Name: string; errors?: unknown[] }[] };
  const bucket = snapshot.buckets[0];
  assert.ok(bucket);
  bucket.Name = EVIL;
  bucket.errors = [{ call: 'GetBucketLogging', code: 'Bad\u001b[2JCode\nFORGED', message: 'from a hostile\u009b endpoint\nsecond line' }];
  return evaluate(snapshot);
}

function assertClean(text: string, what: string): void {
  // CRLF is the line end of CSV (RFC 4180), not content.
  const output = text.replace(/\r\n/g, '\n');
  assert.doesNotMatch(output, RAW_CONTROL, `${what}: a raw control character`);
  assert.ok(!output.split(/\r?\n/).some((l) => l.startsWith('FAKE LINE') || l.startsWith('FORGED')), `${what}: a forged line`);
}

describe('escapeControls', () => {
  test('C0, DEL, C1, line separators and bidi controls become visible escapes; the rest is unchanged', () => {
    assert.equal(escapeControls('a\u001b[31mb'), 'a\\x1b[31mb');
    assert.equal(escapeControls('a\nb\rc\td'), 'a\\nb\\rc\\td');
    assert.equal(escapeControls('\u0000\u007f\u009b'), '\\x00\\x7f\\x9b');
    assert.equal(escapeControls('x\u202ey\u2028z\u2066'), 'x\\u202ey\\u2028z\\u2066');
    assert.equal(escapeControls('社員名簿 hr-data/2024 ✓'), '社員名簿 hr-data/2024 ✓');
    assert.equal(escapeControls(escapeControls(EVIL)), escapeControls(EVIL));
  });

  test('escapeJsonControls keeps the JSON value and leaves no raw C1 or bidi character', () => {
    const json = JSON.stringify({ name: EVIL });
    const safe = escapeJsonControls(json);
    assert.doesNotMatch(safe, RAW_CONTROL);
    assert.deepEqual(JSON.parse(safe), { name: EVIL });
  });
});

describe('hostile names in reports', () => {
  const report = hostileAwsReport();

  test('table: the name is escaped, no forged line, no raw control', () => {
    const out = renderTable(report, 'en');
    assertClean(out, 'table');
    assert.match(out, /evil\\x1b\[31mred\\x1b\]0;pwned\\x07\\nFAKE LINE/);
    assert.match(out, /Bad\\x1b\[2JCode\\nFORGED/);
  });

  test('Markdown, CSV and every other text format: no raw control, no forged line', () => {
    assertClean(renderMarkdown(report, { lang: 'en' }), 'md');
    const csv = renderCsv(report);
    assertClean(csv, 'csv');
    assert.match(csv, /evil\\x1b\[31mred/);
    for (const format of FORMATS) {
      const out = renderFormat(format, [report], { lang: 'ja' });
      // In HTML a line break in text is a space (no <pre> anywhere): only the raw controls matter there. The pdf
      // format's text is the HTML page Chromium prints.
      if (format === 'html' || format === 'pdf') assert.doesNotMatch(out, RAW_CONTROL, `${format}: a raw control character`);
      else assertClean(out, format);
    }
  });
});

describe('hostile values in logs', () => {
  const event = { event: 'error', provider: 'aws', scope: EVIL, call: 'GetBucketPolicy', code: 'X\u001b[2J', message: 'line1\nFAKE LINE: forged' } as const;

  test('a text log line stays one line with visible escapes', () => {
    const line = formatText(event as never, TIME);
    assert.equal(line.split('\n').length, 2, 'one line and its newline');
    assertClean(line.trimEnd(), 'text log');
    assert.match(line, /code="X\\\\u001b\[2J"|code="X\\u001b\[2J"/);
  });

  test('a JSON log line has no raw C1 or bidi character and parses back to the same value', () => {
    const line = formatJson(event as never, TIME);
    assertClean(line.trimEnd(), 'json log');
    assert.equal((JSON.parse(line) as { scope: string }).scope, EVIL);
  });
});

describe('hostile names on the command line', () => {
  test('a usage error quoting a hostile path is one clean line (exit 2)', async () => {
    const r = await runCli(['scan', '--input', `missing-${EVIL}.json`]);
    assert.equal(r.code, 2);
    assertClean(r.stderr, 'stderr');
    assert.match(r.stderr, /\\x1b\[31m/);
  });

  test("commander's own error quoting an unknown option is escaped", async () => {
    const r = await runCli(['scan', `--bogus\u001b[2J\nFAKE LINE`]);
    assert.equal(r.code, 2);
    assertClean(r.stderr, 'stderr');
  });
});

// --- item 6: personal values in tags, labels, metadata and file names --------------------------------------

const MY_NUMBER = '123456789018';
const EMAIL = 'taro.yamada@example.co.jp';
const PHONE = '090-1234-5678';
const NAME_LABEL = '氏名:山田太郎';
const RAW = [MY_NUMBER, '1234-5678-9018', EMAIL, PHONE, '山田太郎'];

function assertNoRaw(output: string, what: string): void {
  for (const raw of RAW) assert.ok(!output.includes(raw), `${what} holds the raw value ${raw}`);
}

describe('tags, labels and metadata are masked', () => {
  test('maskText: My Number, e-mail, phone and a labelled name are masked; ordinary tags stay', () => {
    assert.equal(maskText(MY_NUMBER), '****-****-9018');
    assert.equal(maskText(EMAIL), 't***@example.co.jp');
    assert.equal(maskText(PHONE), '***-****-5678');
    assert.equal(maskText(NAME_LABEL), '氏名:山***');
    assert.deepEqual(maskTags({ 'data-class': 'personal', system: 'hr', env: 'prod-2024-01-15' }), { 'data-class': 'personal', system: 'hr', env: 'prod-2024-01-15' });
    assert.equal(maskText(maskText(`${EMAIL} ${MY_NUMBER}`)), maskText(`${EMAIL} ${MY_NUMBER}`));
  });

  const aws = example('aws-hr-system.snapshot.json') as Snapshot & { buckets: { Tags?: unknown }[] };
  (aws.buckets[0] as { Tags?: unknown }).Tags = [
    { Key: 'owner', Value: EMAIL },
    { Key: 'employee', Value: `マイナンバー ${MY_NUMBER}` },
    { Key: PHONE, Value: NAME_LABEL },
    { Key: 'data-class', Value: 'personal' },
  ];
  const gcp = example('gcp-hr-system.snapshot.json') as Snapshot & { buckets: { metadata: { labels?: Record<string, string> } }[] };
  (gcp.buckets[0] as { metadata: { labels?: Record<string, string> } }).metadata.labels = { owner: EMAIL, 'my-number': MY_NUMBER, contact: PHONE };
  const azure = example('azure-hr-system.snapshot.json') as Snapshot & { accounts: { properties: { tags?: Record<string, string> } }[] };
  (azure.accounts[0] as { properties: { tags?: Record<string, string> } }).properties.tags = { owner: EMAIL, employee: MY_NUMBER, name: NAME_LABEL };

  for (const [provider, snapshot] of [['aws', aws], ['gcp', gcp], ['azure', azure]] as const) {
    test(`${provider}: no raw tag value in any report format`, () => {
      const report = evaluate(snapshot);
      const tagged = report.resources.filter((r) => Object.keys(r.tags).length > 0);
      assert.ok(tagged.length > 0);
      for (const format of FORMATS) assertNoRaw(renderFormat(format, [report], { lang: 'ja' }), `${provider} ${format}`);
      assertNoRaw(JSON.stringify(report), `${provider} report object`);
      assert.ok(JSON.stringify(report).includes('t***@example.co.jp'), 'the masked form is shown');
    });
  }

  test('aws: a data-class=personal tag still marks the bucket as holding personal data', () => {
    const report = evaluate(aws);
    const bucket = report.resources.find((r) => r.tags['owner'] !== undefined);
    assert.equal(bucket?.tags['owner'], 't***@example.co.jp');
    assert.equal(bucket?.tags['data-class'], 'personal');
    assert.equal(bucket?.tags['***-****-5678'], '氏名:山***');
  });
});

describe('classify masks file names and escapes hostile ones', () => {
  test('a My Number in a file name is masked in the table and the JSON; a newline in a name cannot forge a line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-names-'));
    mkdirSync(join(dir, `社員_${MY_NUMBER}`));
    writeFileSync(join(dir, `社員_${MY_NUMBER}`, `${EMAIL}.txt`), 'メモ\n');
    writeFileSync(join(dir, 'a\u001b[31m\nFAKE LINE: no personal data.txt'), 'hello\n');
    const report = await classifyPaths([dir], {}, 3);
    const table = renderClassifyTable(report, 'en');
    const json = JSON.stringify(report);
    for (const out of [table, json]) assertNoRaw(out, 'classify');
    assertClean(table, 'classify table');
    assert.match(table, /a\\x1b\[31m\\nFAKE LINE/);

    const cli = await runCli(['classify', dir]);
    assertNoRaw(cli.stdout + cli.stderr, 'classify CLI');
    assertClean(cli.stdout, 'classify CLI');
    const cliJson = await runCli(['classify', dir, '--format', 'json']);
    assertNoRaw(cliJson.stdout, 'classify CLI json');
  });

  test('a missing path with a My Number is masked in the error line', async () => {
    const r = await runCli(['classify', `/nonexistent/${MY_NUMBER}.csv`]);
    assert.equal(r.code, 2);
    assertNoRaw(r.stderr, 'classify error');
  });
});
