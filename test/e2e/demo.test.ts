// `kumoscan demo` end to end, as a user runs it on a fresh clone: Azurite and the ARM stand-in on 127.0.0.1, the
// live scan with --probe and sampling, the AWS and GCS example snapshots, the combined HTML and the JSON reports.
// Asserts the files, the numbers in them, the APPI estimate of the demo container, that the card photo (OCR) and the
// office-style PDF are found while the persons stay 1,500, the evidence (the Activity Log's opening change, the
// Storage Analytics logs in $logs: a leak confirmed, since when, the persons read) and that no raw value leaks.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { DEMO_FILES, defaultOutDir } from '../../src/demo/run.js';
import { DEMO_CARD_BLOB, demoCardFields } from '../../src/demo/card-photo.js';
import { DEMO_REGISTER_BLOB, DEMO_REGISTER_ROWS } from '../../src/demo/register-pdf.js';
import { DEMO_ACCOUNT, DEMO_EMPLOYEES_BLOB, DEMO_PERSONS, DEMO_PRIVATE, DEMO_PUBLIC, demoContainerId, demoEmployees } from '../../src/demo/scenario.js';
import { CONTAINER_WRITE, DEMO_ADMIN, DEMO_OUTSIDER_IPS, DEMO_OUTSIDER_LISTS, DEMO_OUTSIDER_READS, demoLogBlobAt, demoTimeline, type DemoTimeline } from '../../src/demo/storage-logs.js';
import { formatLocalTime } from '../../src/text/local-time.js';
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
    // The evidence rows: since when it is public, and the leak the access logs confirm (six addresses: category 3 too).
    assert.match(res.stdout, /\n {2}kumohrdemo\/hr-system \(Azure Blob Storage\)\n {4}Public since {8}\d{4}-\d\d-\d\d \d\d:\d\d JST \(a\s+change\s+by\s+hr-admin@kumo-hr\.example;\s+source:\s+Azure\s+Activity\s+Log\)\n {4}Estimate {12}likely reportable\n {4}Who read it {9}leaked \(confirmed\): Read by outsiders: 1 object, 1,500\s+persons /);
    assert.match(res.stdout, /\n {4}Rules Art\. 7 {8}No\. 1 \(sensitive data\), No\. 3 \(wrongful purpose\), No\. 4\s+\(over 1,000 persons\)/);
    assert.match(res.stdout, /\n {4}My Number Act {7}applies \(Art\. 29-4\)/);
    assert.match(res.stdout, /\n {4}Persons {13}1,500 /);
    assert.match(res.stdout, /\n {4}Preliminary \(速報\) {2}\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\n {4}Final \(確報\) {8}by \d{4}-\d\d-\d\d \(60 days\)\n/);
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

  test('the assessment: a likely-reportable leak, categories 1, 3 and 4, the My Number Act, both deadlines', () => {
    const a = azure.assessment.perResource.find((p) => p.resourceId === demoContainerId(DEMO_PUBLIC));
    assert.ok(a);
    assert.equal(a.exposedToAnyone, true);
    assert.equal(a.personalData, true);
    assert.equal(a.reportability?.result, 'likely');
    const applies = (n: number): boolean | null | undefined => a.reportability?.categories.find((c) => c.category === n)?.applies;
    assert.equal(applies(1), true);
    assert.equal(applies(3), true, 'anonymous downloads from six addresses');
    assert.equal(applies(4), true);
    assert.equal(a.deadlines?.final.days, 60);
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

  /** The story's moments, recovered from the opening the scan found (the demo placed it 40 days and 12 minutes after its hour). */
  function story(): DemoTimeline {
    const opened = azure.resources.find((r) => r.id === demoContainerId(DEMO_PUBLIC))?.openedBy?.change?.time ?? '';
    const t = demoTimeline(new Date(Date.parse(opened) + 40 * 86_400_000 - 12 * 60_000));
    assert.equal(t.opened, opened);
    assert.ok(Date.parse(azure.scannedAt) - Date.parse(t.opened) < 40 * 86_400_000 + 2 * 3_600_000, 'opened 40 days before the demo ran');
    return t;
  }

  test('evidence, Activity Log: the container write by the HR administrator opened it, 40 days ago', () => {
    const pub = azure.resources.find((r) => r.id === demoContainerId(DEMO_PUBLIC));
    const t = story();
    assert.deepEqual(pub?.openedBy?.change, { time: t.opened, source: 'azure-activity-log', action: CONTAINER_WRITE, principal: DEMO_ADMIN, sourceIp: '192.0.2.45', userAgent: null, basis: 'opens' });
    assert.equal(azure.resources.find((r) => r.id === demoContainerId(DEMO_PRIVATE))?.openedBy, undefined, 'the private container is not public');
  });

  test('evidence, $logs: 12 anonymous downloads of the export from 6 addresses and 3 listings; the owner, the refused guess and the upload not counted', () => {
    const reads = azure.resources.find((r) => r.id === demoContainerId(DEMO_PUBLIC))?.reads;
    const t = story();
    assert.equal(reads?.status, 'read');
    assert.deepEqual(reads?.location, { bucket: `${DEMO_ACCOUNT}/$logs`, prefix: 'blob/' });
    assert.deepEqual([reads?.logs.complete, reads?.logs.malformedLines, reads?.errors.length], [true, 0, 0]);
    assert.deepEqual(
      [reads?.outsiders.reads.requests, reads?.outsiders.reads.clients, reads?.outsiders.lists.requests],
      [DEMO_OUTSIDER_READS, DEMO_OUTSIDER_IPS.length, DEMO_OUTSIDER_LISTS],
    );
    assert.deepEqual(reads?.outsiders.reads.clientIps, [...DEMO_OUTSIDER_IPS].sort());
    assert.deepEqual([reads?.outsiders.reads.first, reads?.outsiders.reads.last], [t.firstRead, t.lastRead]);
    assert.deepEqual([reads?.outsiders.reads.firstLog, reads?.outsiders.reads.lastLog], [demoLogBlobAt(t.firstRead), demoLogBlobAt(t.lastRead)]);
    assert.deepEqual(reads?.objects.map((o) => [o.key, o.reads]), [[DEMO_EMPLOYEES_BLOB, DEMO_OUTSIDER_READS]]);
    assert.deepEqual(reads?.personal, { objects: 1, persons: DEMO_PERSONS, keys: [DEMO_EMPLOYEES_BLOB] });
    const a = azure.assessment.perResource.find((p) => p.resourceId === demoContainerId(DEMO_PUBLIC));
    assert.equal(a?.readByOutsiders?.leak, 'occurred');
    assert.match(a?.note.en ?? '', /^A leak occurred \(漏えい; confirmed by the access logs\)\. Read by outsiders: 1 object, 1,500 persons/);
    assert.match(a?.note.ja ?? '', /^漏えいが発生しました（アクセスログで確認）。外部の者による読み取り: 1件のオブジェクト、1,500人/);
  });

  test('the PPC draft’s 概要: 発生日 from the Activity Log and the first download, 発覚日 the scan, 経緯 in four steps with their sources', () => {
    const item1 = azure.assessment.perResource.find((p) => p.resourceId === demoContainerId(DEMO_PUBLIC))?.ppcDraft?.find((x) => x.no === 1)?.content;
    const t = story();
    const [opened, first, last, scan] = [t.opened, t.firstRead, t.lastRead, azure.scannedAt].map(formatLocalTime);
    const logs = `Azure Storage Analytics ログ（$logs コンテナー）、${DEMO_ACCOUNT}/$logs/`;
    for (const part of [
      `発生日: ${opened}（公開状態となった日時。出典: Azure アクティビティ ログ、${CONTAINER_WRITE}、${opened}、${DEMO_ADMIN}）。`,
      `漏えいの発生（外部の者による個人データの最初の取得）は ${first} です（出典: ${logs}${demoLogBlobAt(t.firstRead)}）。`,
      `発覚日: ${azure.assessment.discoveredAt}（この状態を見つけた kumoscan のスキャン（${scan}）の日。この日を事態を知った日としています）。`,
      `経緯: (1) ${opened}、${DEMO_ADMIN} による設定変更で公開状態となりました（出典: Azure アクティビティ ログ、${CONTAINER_WRITE}）。`,
      `(2) ${first}、外部の匿名の接続元が「${DEMO_EMPLOYEES_BLOB}」を初めて取得しました（出典: ${logs}${demoLogBlobAt(t.firstRead)}）。`,
      `(3) ${last}、最後の取得がありました（出典: ${logs}${demoLogBlobAt(t.lastRead)}）。記録された外部の者の要求は、匿名の GetBlob 12回、一覧取得3回、接続元6件、取得されたオブジェクト1件（うち個人データを含むもの1件（「${DEMO_EMPLOYEES_BLOB}」12回）、本人1,500人）です（出典: ${logs}blob/、ログ`,
      `(4) ${scan}、kumoscan のスキャンで、誰でも中身を読み取れる状態と個人データを検出しました（発覚。出典: kumoscan のスキャン結果）。`,
    ]) {
      assert.ok(item1?.ja.includes(part), `${part}\n---\n${item1?.ja}`);
    }
    assert.ok(item1?.en.includes(`Course of events (経緯): (1) It was made public by a change by ${DEMO_ADMIN} at ${opened} (source: Azure Activity Log, ${CONTAINER_WRITE}).`), item1?.en);
    assert.ok(item1?.en.includes(`The requests recorded from outsiders: 12 anonymous GetBlob, 3 listings, from 6 addresses, of 1 object (1 of them with personal data ("${DEMO_EMPLOYEES_BLOB}" 12 times), 1,500 persons)`), item1?.en);
    for (const ip of [...DEMO_OUTSIDER_IPS, '192.0.2.45']) assert.ok(!JSON.stringify(item1).includes(ip), `${ip} in the draft`);
  });

  test('the HTML says it leaked (confirmed), with the evidence', () => {
    const html = readFileSync(join(dir, DEMO_FILES.html), 'utf8');
    assert.ok(html.includes('漏えい（発生を確認）') && html.includes('leaked (confirmed)'), 'the leak, confirmed');
    assert.ok(html.includes(DEMO_ADMIN), 'who opened it');
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
