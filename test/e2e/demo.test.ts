// `kumoscan demo` end to end, as a user runs it on a fresh clone: Azurite and the ARM stand-in on 127.0.0.1, the
// live scan with --probe and sampling, the AWS and GCS example snapshots, the combined HTML and the JSON reports.
// Asserts the files, the numbers in them, the APPI estimate of the demo container, that the card photo (OCR) and the
// office-style PDF are found while the persons stay 1,500, and that no raw value leaks.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { DEMO_FILES, defaultOutDir } from '../../src/demo/run.js';
import { DEMO_CARD_BLOB, demoCardFields } from '../../src/demo/card-photo.js';
import { DEMO_REGISTER_BLOB, DEMO_REGISTER_ROWS } from '../../src/demo/register-pdf.js';
import { DEMO_PERSONS, DEMO_PRIVATE, DEMO_PUBLIC, demoContainerId, demoEmployees } from '../../src/demo/scenario.js';
import { isValidMyNumber } from '../../src/data/detect/check-digits.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { assertNoRawValue, rawNeedles } from '../helpers/raw-values.js';
import { assertValidReport } from '../helpers/schema.js';

const dir = join(mkdtempSync(join(tmpdir(), 'kumoscan-demo-e2e-')), 'out');
let res: CliResult;
let azure: Report;
let ms = 0;

function readJson(name: string): Report {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as Report;
}

before(async () => {
  const t0 = Date.now();
  res = await runCli(['demo', '--out-dir', dir, '--lang', 'en']);
  ms = Date.now() - t0;
  assert.equal(res.code, 0, `demo failed: ${res.stderr}`);
  azure = readJson(DEMO_FILES.azure);
});

describe('kumoscan demo', () => {
  test('writes the combined HTML, one JSON report per provider and the Azure snapshot, and prints where they are', () => {
    assert.deepEqual(readdirSync(dir).sort(), Object.values(DEMO_FILES).sort());
    for (const f of Object.values(DEMO_FILES)) assert.ok(res.stdout.includes(join(dir, f)), `printed: ${f}`);
    assert.match(res.stdout, /kumoscan-demo\.html {3}← open this one in a browser/);
    // The assessment block, the same renderer as the end of the scan table.
    assert.ok(res.stdout.includes('\nAPPI assessment (breach report to the PPC)\n'), res.stdout);
    assert.match(res.stdout, /\n {2}kumohrdemo\/hr-system \(Azure Blob Storage\)\n {4}Estimate {12}likely reportable\n {4}Rules Art\. 7 {8}No\. 1 \(sensitive data\), No\. 4 \(over 1,000 persons\)/);
    assert.match(res.stdout, /\n {4}My Number Act {7}applies \(Art\. 29-4\)/);
    assert.match(res.stdout, /\n {4}Persons {13}1,500 /);
    assert.match(res.stdout, /\n {4}Preliminary \(速報\) {2}\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\n {4}Final \(確報\) {8}by \d{4}-\d\d-\d\d \((30|60) days\)\n/);
    assert.match(res.stderr, /kumoscan demo: starting Azurite/);
    assert.ok(ms < 120_000, `took ${ms} ms`);
    for (const name of [DEMO_FILES.azure, DEMO_FILES.aws, DEMO_FILES.gcp]) assertValidReport(readJson(name));
  });

  test('without --out-dir: a new folder ./kumoscan-demo-<timestamp>, never an existing one', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kumoscan-demo-cwd-'));
    const at = new Date('2026-11-22T03:04:05.678Z');
    const first = defaultOutDir(at, cwd);
    assert.equal(first, join(cwd, 'kumoscan-demo-20261122T030405Z'));
    mkdirSync(first);
    assert.equal(defaultOutDir(at, cwd), `${first}-2`);
  });

  test('the synthetic export: 1,500 persons with valid My Numbers', () => {
    const csv = new TextDecoder().decode(demoEmployees().bytes).trim().split('\r\n');
    assert.equal(csv.length, DEMO_PERSONS + 1);
    const numbers = csv.slice(1).map((l) => l.split(',')[4] ?? '');
    assert.ok(numbers.every(isValidMyNumber));
    assert.equal(new Set(numbers).size, DEMO_PERSONS);
  });

  test('Azure, scanned live: the public container is read and listed by anyone (configured and confirmed), the private one is healthy', () => {
    assert.equal(azure.scope.source, 'live');
    assert.equal(azure.summary.complete, true, JSON.stringify(azure.errors));
    assert.deepEqual(azure.resources.map((r) => r.id), [demoContainerId(DEMO_PUBLIC), demoContainerId(DEMO_PRIVATE)].sort());
    const pub = azure.resources.find((r) => r.id === demoContainerId(DEMO_PUBLIC));
    const priv = azure.resources.find((r) => r.id === demoContainerId(DEMO_PRIVATE));
    assert.ok(pub && priv);
    assert.deepEqual([pub.exposure.read, pub.exposure.list, pub.exposure.write], [true, true, false]);
    assert.deepEqual(pub.probe?.observed, { read: true, list: true });
    assert.deepEqual(pub.probe?.configured, { read: true, list: true });
    assert.equal(pub.azure?.source, 'arm');
    assert.deepEqual([priv.exposure.read, priv.exposure.list], [false, false]);
    assert.equal(priv.data, undefined, 'the private container is not sampled');
    assert.deepEqual(azure.findings.filter((f) => f.resourceId === priv.id), [], 'no finding on the private, healthy container');
    const checks = azure.findings.filter((f) => f.resourceId === pub.id).map((f) => f.checkId);
    for (const c of ['public-read', 'public-list', 'azure-blob-public-access-allowed']) assert.ok(checks.includes(c), c);
  });

  test('sampling read every person: My Numbers and health data, lower bound over 1,000', () => {
    const data = azure.resources.find((r) => r.id === demoContainerId(DEMO_PUBLIC))?.data;
    assert.ok(data?.personalData);
    // every row of the CSV, every row of the PDF register and the card photo
    assert.equal(data.detections.find((d) => d.type === 'my_number' && d.confidence === 'high')?.count, DEMO_PERSONS + DEMO_REGISTER_ROWS + 1);
    assert.ok(data.detections.some((d) => d.type === 'sensitive_health' && d.confidence === 'high'));
    assert.ok(data.persons.estimate.low >= DEMO_PERSONS, JSON.stringify(data.persons));
    assert.equal(data.persons.over1000, true);
    assert.ok(data.classes.includes('specific_personal_information') && data.classes.includes('sensitive'));
  });

  test('the card photo under an opaque name (OCR) and the office-style PDF are found, and their persons are the export’s: 1,500 exactly', () => {
    const data = azure.resources.find((r) => r.id === demoContainerId(DEMO_PUBLIC))?.data;
    assert.ok(data);
    assert.deepEqual([data.sampled.objects, data.objectsListed, data.sampled.skipped.length], [3, 3, 0]);
    const example = (key: string): string[] | undefined => data.examples.find((e) => e.key === key)?.types;
    assert.deepEqual(example(DEMO_CARD_BLOB), ['my_number', 'id_document_image', 'person_name', 'birth_date']);
    assert.deepEqual(example(DEMO_REGISTER_BLOB), ['my_number', 'person_name', 'birth_date']);
    const ocrMyNumber = data.detections.find((d) => d.type === 'my_number' && d.confidence === 'high');
    assert.equal(ocrMyNumber?.objects, 3);
    assert.ok((ocrMyNumber?.ocrConfidence ?? 0) > 0, 'the My Number of the photo carries its OCR confidence');
    assert.deepEqual(data.detections.find((d) => d.type === 'id_document_image'), { type: 'id_document_image', confidence: 'high', count: 1, masked: ['マイナンバーカード'], objects: 1 });
    assert.equal(data.persons.sampled, DEMO_PERSONS);
    assert.deepEqual([data.persons.estimate.low, data.persons.estimate.high], [DEMO_PERSONS, DEMO_PERSONS]);
    assert.equal(azure.errors.length, 0);
  });

  test('the assessment: a likely-reportable leak, categories 1 and 4, the My Number Act, both deadlines', () => {
    const a = azure.assessment.perResource.find((p) => p.resourceId === demoContainerId(DEMO_PUBLIC));
    assert.ok(a);
    assert.equal(a.exposedToAnyone, true);
    assert.equal(a.personalData, true);
    assert.equal(a.reportability?.result, 'likely');
    const applies = (n: number): boolean | null | undefined => a.reportability?.categories.find((c) => c.category === n)?.applies;
    assert.equal(applies(1), true);
    assert.equal(applies(4), true);
    assert.equal(a.reportability?.myNumberAct.applies, true);
    assert.match(a.deadlines?.preliminary.from ?? '', /^\d{4}-\d\d-\d\d$/);
    assert.match(a.deadlines?.preliminary.to ?? '', /^\d{4}-\d\d-\d\d$/);
    assert.match(a.deadlines?.final.due ?? '', /^\d{4}-\d\d-\d\d$/);
    assert.ok(azure.assessment.reportable.includes(a.resourceId));
    assert.ok((a.ppcDraft ?? []).length === 9);
  });

  test('the HTML summary calls the demo container a likely-reportable leak with categories 1 and 4, the My Number Act and both deadlines', () => {
    const html = readFileSync(join(dir, DEMO_FILES.html), 'utf8');
    const a = azure.assessment.perResource.find((p) => p.resourceId === demoContainerId(DEMO_PUBLIC));
    const row = new RegExp(`<tr data-resource="${demoContainerId(DEMO_PUBLIC).replace(/[/.]/g, '\\$&')}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    assert.ok(row.includes('kumohrdemo/hr-system'), 'a summary row for the demo container');
    assert.ok(row.includes('報告対象の可能性が高い') && row.includes('likely reportable'));
    assert.ok(row.includes('第1号 要配慮個人情報') && row.includes('第4号 1,000人超'));
    assert.match(/<td class="mna">([\s\S]*?)<\/td>/.exec(row)?.[1] ?? '', /tri-yes/);
    assert.ok(a?.deadlines && row.includes(`${a.deadlines.preliminary.from} 〜 ${a.deadlines.preliminary.to}`) && row.includes(a.deadlines.final.due));
    // The combined page: Azure live, AWS and GCS from the example snapshots.
    assert.ok(html.includes('examples/aws-hr-system.snapshot.json') && html.includes('examples/gcp-hr-system.snapshot.json'));
  });

  test('the AWS and GCS example snapshots are part of it', () => {
    const aws = readJson(DEMO_FILES.aws);
    const gcp = readJson(DEMO_FILES.gcp);
    assert.equal(aws.scope.source, 'snapshot');
    assert.equal(gcp.scope.provider, 'gcp');
    assert.ok(aws.resources.some((r) => r.name === 'hr-system-employees' && r.exposure.read === true));
    assert.ok(gcp.resources.some((r) => r.name === 'kumo-hr-health-checks' && r.data?.personalData === true));
  });

  test('no raw value of the employee export, the PDF or the card photo in any file written or in what was printed', () => {
    const card = demoCardFields();
    const raw = [...new Set([...demoEmployees().rawValues, card.myNumber, card.name, card.birth])];
    const needles = rawNeedles(raw);
    for (const f of Object.values(DEMO_FILES)) assertNoRawValue(readFileSync(join(dir, f), 'utf8'), raw, f, needles);
    assertNoRawValue(res.stdout + res.stderr, raw, 'the terminal output', needles);
  });
});
