// CSV: one row per finding, RFC 4180 (CRLF, quoting, doubled quotes), UTF-8 with a byte order mark for Excel in
// Japan, and no spreadsheet formula from a cloud-controlled string.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CSV_COLUMNS, csvField, renderCsv } from '../../reports/render/csv.js';
import { HOSTILE, exampleReport, hostileReport, profiledReport } from '../fixtures/render-reports.js';
import { parseCsv } from '../helpers/parse-csv.js';


describe('renderCsv', () => {
  test('UTF-8 with a BOM, CRLF line ends, a header, one row per finding', () => {
    const reports = [exampleReport('aws'), exampleReport('azure'), exampleReport('gcp')];
    const csv = renderCsv(reports);
    const bytes = Buffer.from(csv, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const records = parseCsv(csv.slice(1));
    assert.deepEqual(records[0], [...CSV_COLUMNS]);
    const findings = reports.flatMap((r) => r.findings);
    assert.equal(records.length - 1, findings.length);
    for (const r of records) assert.equal(r.length, CSV_COLUMNS.length);
    const col = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
    assert.deepEqual(records.slice(1).map((r) => r[col('finding_id')]), findings.map((f) => f.id));
    const row = records.find((r) => r[col('finding_id')] === 'public-read:arn:aws:s3:::hr-system-employees');
    assert.ok(row);
    assert.equal(row[col('severity')], 'critical');
    assert.equal(row[col('severity_ja')], '緊急');
    assert.equal(row[col('title_ja')], 'バケット内のオブジェクトを誰でも読み取れる');
    assert.equal(row[col('duties')], 'APPI-23 GL-10-6-1 GL-10-6-2');
    assert.equal(row[col('duties_ja')], '法第23条 安全管理措置\n通則ガイドライン10-6(1) アクセス制御\n通則ガイドライン10-6(2) アクセス者の識別と認証');
    assert.equal(row[col('public_read')], 'true');
    assert.equal(row[col('resource_name')], 'hr-system-employees');
  });

  test('the reportability estimate and deadlines on the rows of a reportable resource', async () => {
    const { report } = await profiledReport();
    const records = parseCsv(renderCsv(report).slice(1));
    const col = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);
    const row = records.find((r) => r[col('finding_id')] === 'public-read:gs://kumo-hr-health-checks');
    assert.ok(row);
    assert.equal(row[col('reportability')], 'likely');
    assert.match(row[col('categories')] ?? '', /^1 4( 3\?)?$/);
    assert.equal(row[col('my_number_act')], 'true');
    assert.match(row[col('preliminary_report_by')] ?? '', /^\d{4}-\d\d-\d\d$/);
    assert.match(row[col('final_report_by')] ?? '', /^\d{4}-\d\d-\d\d$/);
  });

  test('RFC 4180 quoting and CSV-injection guard', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('cr\rlf'), '"cr\rlf"');
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('+81'), "'+81");
    assert.equal(csvField('-x'), "'-x");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(null), '');
    assert.equal(csvField(true), 'true');
    const records = parseCsv(renderCsv(hostileReport()).slice(1));
    const col = CSV_COLUMNS.indexOf('detail_en');
    const hostile = records.find((r) => (r[col] ?? '').startsWith(HOSTILE.key));
    assert.ok(hostile, 'the hostile detail survives the round trip exactly');
    for (const r of records) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@]/, `formula: ${cell}`);
  });
});
