// The console table carries the verdict: findings grouped by check, the APPI assessment block (shared with the
// demo), --severity and --details, short names (no ARM ids), Azure account findings on the account, 80 columns, each
// language whole; and `--buckets` that matches nothing is exit 2 with one line.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assessmentBlock } from '../../reports/render/assessment-block.js';
import { displayWidth, wrap } from '../../reports/render/columns.js';
import type { Report } from '../../reports/render/json.js';
import { shortId } from '../../reports/render/short-name.js';
import { renderTable } from '../../reports/render/table.js';
import { demoSummary } from '../../src/demo/run.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { parseSeverityList } from '../../src/severity-list.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { unsampledExample } from '../helpers/unsampled-example.js';

const AT = { source: 'snapshot' as const, failOn: 'high' as const, scannedAt: '2026-12-01T03:00:00.000Z' };
const HR_1500 = packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json');
const example = (p: string): Report => evaluateSnapshot(readSnapshotFile(packagePath('examples', `${p}-hr-system.snapshot.json`)), AT);
const hr1500 = (): Report => evaluateSnapshot(readSnapshotFile(HR_1500), AT);

const BLOCK_EN = [
  'APPI assessment (breach report to the PPC)',
  '  3 resources, 2 readable or listable by anyone, 2 of them with personal data.',
  '  Likely reportable: 1; to review: 1.',
  '  Deadlines count from 2026-12-01, the day the exposure became known',
  '  (--discovered-at).',
  '',
  '  hr-exports-1500 (AWS S3)',
  '    Estimate            likely reportable',
  '    Rules Art. 7        No. 1 (sensitive data), No. 4 (over 1,000 persons);',
  '                        cannot rule out No. 3 (wrongful purpose)',
  '    My Number Act       applies (Art. 29-4): reportable at any number of persons',
  '    Persons             1,500 (1,500 in the sample)',
  '    Preliminary (速報)  2026-12-03 to 2026-12-05',
  '    Final (確報)        by 2027-01-29 (60 days)',
  '',
  '  crm-list-only (AWS S3)',
  '    Estimate            review (wrongful purpose cannot be ruled out)',
  '    Rules Art. 7        cannot rule out No. 2 (financial damage)',
  '    My Number Act       does not apply',
  '    Persons             12 (12 in the sample)',
  '    Preliminary (速報)  2026-12-03 to 2026-12-05',
  '    Final (確報)        by 2026-12-30 (30 days)',
];

const BLOCK_JA = [
  '個人情報保護法の評価（個人情報保護委員会への漏えい等報告）',
  '  リソース 3、誰でも読取・一覧可 2、うち個人データあり 2。',
  '  報告対象の可能性が高い 1、要確認 1。',
  '  期限は知った日 2026-12-01 から数えています（--discovered-at で指定）。',
  '',
  '  hr-exports-1500（AWS S3）',
  '    推定       報告対象の可能性が高い',
  '    規則第7条  該当 第1号（要配慮個人情報）・第4号（1,000人超）／否定できない',
  '               第3号（不正の目的）',
  '    番号法     該当（第29条の4）: 人数にかかわらず報告対象',
  '    本人の数   1,500人（サンプル内 1,500人）',
  '    速報       2026-12-03〜2026-12-05',
  '    確報       2027-01-29 まで（60日）',
  '',
  '  crm-list-only（AWS S3）',
  '    推定       要確認（不正の目的の有無）',
  '    規則第7条  否定できない 第2号（財産的被害のおそれ）',
  '    番号法     該当しない',
  '    本人の数   12人（サンプル内 12人）',
  '    速報       2026-12-03〜2026-12-05',
  '    確報       2026-12-30 まで（30日）',
];

/** Words a Japanese table may hold besides ids and names: the tool, products, flags, acronyms in the titles. */
const ALLOWED_IN_JA = new Set(['kumoscan', 'aws', 'gcp', 'azure', 'AWS', 'Google', 'Cloud', 'Storage', 'details', 'severity', 'discovered', 'HTTP', 'TLS', 'ACL', 'MFA', 'Delete', 'BLOB']);

/** The English words of a Japanese table once ids, names and the cloud's own error lines are taken out. */
function englishWords(out: string, report: Report): string[] {
  // The cloud's error messages are quoted as they came (wrapped, so compared without line breaks).
  let text = out.replace(/\s+/g, ' ');
  const ids = [
    ...report.errors.flatMap((e) => [e.message, e.code, e.call]),
    ...report.findings.map((f) => f.checkId),
    ...report.resources.flatMap((r) => [r.name, r.accountScope?.name ?? r.name]),
    ...report.scope.accounts,
  ].sort((a, b) => b.length - a.length);
  for (const id of ids) text = text.split(id).join(' ');
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((w) => !ALLOWED_IN_JA.has(w));
}

describe('the APPI assessment block', () => {
  test('exact lines for a likely-reportable My Number bucket and a bucket to review (en, ja)', () => {
    const report = hr1500();
    assert.deepEqual(assessmentBlock([report], 'en'), BLOCK_EN);
    assert.deepEqual(assessmentBlock([report], 'ja'), BLOCK_JA);
  });

  test('the table ends with it, before the totals', () => {
    const en = renderTable(hr1500(), 'en');
    assert.ok(en.includes(`\n\n${BLOCK_EN.join('\n')}\n\nTotal: 3 resources,`), en);
    const ja = renderTable(hr1500(), 'ja');
    assert.ok(ja.includes(`\n\n${BLOCK_JA.join('\n')}\n\n合計: リソース 3、`), ja);
  });

  test('the demo prints the same block (one renderer)', () => {
    const report = hr1500();
    const summary = demoSummary({ outDir: '/tmp/x', files: [], reports: [report], ms: 1200 }, 'en');
    assert.ok(summary.includes(`\n${BLOCK_EN.join('\n')}\n`), summary);
    assert.ok(demoSummary({ outDir: '/tmp/x', files: [], reports: [report], ms: 1200 }, 'ja').includes(`\n${BLOCK_JA.join('\n')}\n`));
  });

  test('nothing reportable: one line says so, and unsampled exposed resources are counted', () => {
    const unsampled = evaluateSnapshot(readSnapshotFile(unsampledExample()), AT);
    assert.deepEqual(assessmentBlock([unsampled], 'en'), [
      'APPI assessment (breach report to the PPC)',
      '  3 resources, 1 readable or listable by anyone, 0 of them with personal data, 1',
      '  not sampled (personal data unknown).',
      '  Likely reportable: 0; to review: 0.',
      '  No resource is estimated reportable.',
    ]);
  });
});

describe('findings grouped by check', () => {
  test('one line per check, worst first, with the resources counted; the critical one is named again at the end', () => {
    const en = renderTable(example('aws'), 'en');
    const lines = en.split('\n');
    const start = lines.indexOf('Findings by check (19 findings; --details lists each one)');
    assert.ok(start > 0, en);
    assert.deepEqual(lines.slice(start + 1, start + 5), [
      '  CRITICAL  1 resource   Anyone can read objects in the bucket (public-read)',
      '  HIGH      1 resource   A principal outside your organization can read the',
      '                         bucket (possible 委託, entrustment)',
      '                         (external-principal-read)',
    ]);
    assert.ok(en.includes('\n  MEDIUM    2 resources  Account-level Block Public Access is off and the bucket\n'));
    assert.equal(en.includes('hr-system-employees  public-read'), false, 'no per-finding rows without --details');
    const tail = lines.slice(-8).join('\n');
    assert.ok(tail.includes('CRITICAL  Anyone can read objects in the bucket (public-read):\n          hr-system-employees\n'), tail);
  });

  test('--details lists every finding as rows', () => {
    const en = renderTable(example('aws'), 'en', { details: true });
    assert.ok(en.includes('\nCRITICAL (1)\n  hr-system-employees  public-read  Anyone can read objects in the bucket\n'), en);
    const findingsPart = en.split('\nResources, most urgent first')[0] ?? '';
    assert.equal((findingsPart.match(/^ {2}hr-system-/gm) ?? []).length, 19, 'one row per finding');
  });

  test('--severity shows only those severities; the totals still count every finding', () => {
    const en = renderTable(example('aws'), 'en', { severities: ['critical', 'high'] });
    assert.equal(/\n {2}(MEDIUM|LOW|INFO) /.test(en), false, en);
    assert.match(en, /\n {2}CRITICAL {2}1 resource +Anyone can read objects in the bucket \(public-read\)\n/);
    assert.ok(en.includes('Severities shown: CRITICAL, HIGH (--severity); 15 findings of other severities\nare not listed (the totals and the exit code count them).\n'), en);
    assert.ok(en.includes('Findings: CRITICAL 1, HIGH 3, MEDIUM 7, LOW 4, INFO 4.'));
    const ja = renderTable(example('aws'), 'ja', { severities: ['info'] });
    assert.ok(ja.includes('表示している重要度: 情報（--severity）。'), ja);
    assert.equal(/緊急 +1 件/.test(ja.split('合計')[0] ?? ''), false);
  });

  test('parseSeverityList: a list, most severe first; a bad one is a message', () => {
    assert.deepEqual(parseSeverityList('high, critical,high'), ['critical', 'high']);
    assert.equal(parseSeverityList('critical,hihg'), 'unknown severity "hihg"; give one or more of critical, high, medium, low, info, comma-separated (e.g. critical,high)');
    assert.equal(typeof parseSeverityList(' , '), 'string');
  });
});

describe('short names, 80 columns, one language', () => {
  test('Azure: no ARM id in the table; account settings are the account\'s, not the first container\'s', () => {
    const report = example('azure');
    assert.ok(report.findings.some((f) => f.resourceId.startsWith('/subscriptions/')), 'the JSON keeps the full ids');
    for (const lang of ['en', 'ja'] as const) {
      for (const details of [false, true]) {
        const out = renderTable(report, lang, { details });
        assert.equal(out.includes('/subscriptions/'), false, out);
      }
    }
    const details = renderTable(report, 'en', { details: true });
    assert.ok(details.includes('\n  kumohrsystem (account)  azure-min-tls-below-1-2\n'), details);
    assert.equal(/kumohrsystem\/\$web +azure-min-tls-below-1-2/.test(details), false);
    const grouped = renderTable(report, 'en');
    assert.ok(grouped.includes('\n  kumohrsystem/$web        yes/no/no   —  3 findings (CRITICAL)\n'), grouped);
    assert.ok(grouped.includes('\n  kumohrsystem (account)                  11 findings (MEDIUM)\n'), grouped);
    assert.ok(grouped.includes('\n  kumolegacy/exports: BlobServices.getServiceProperties AuthorizationFailed —\n'), grouped);
  });

  test('shortId: bucket and container names, IAM ids without the ARN prefix', () => {
    assert.equal(shortId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct/blobServices/default/containers/c1'), 'acct/c1');
    assert.equal(shortId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct'), 'acct');
    assert.equal(shortId('arn:aws:s3:::hr'), 'hr');
    assert.equal(shortId('gs://kumo-hr'), 'kumo-hr');
    assert.equal(shortId('arn:aws:iam::111122223333:user/alice'), '111122223333:user/alice');
  });

  test('every line of every example fits 80 columns; the Japanese table has no English sentence', () => {
    for (const report of [example('aws'), example('gcp'), example('azure'), hr1500()]) {
      for (const lang of ['en', 'ja'] as const) {
        const out = renderTable(report, lang);
        for (const line of out.split('\n')) assert.ok(displayWidth(line) <= 80, `${displayWidth(line)}: ${line}`);
        if (lang === 'ja') {
          assert.deepEqual(englishWords(out, report), [], out);
        }
      }
    }
  });

  test('a row too wide for 80 columns puts its errors on a line of their own, under the findings', () => {
    const ja = renderTable(example('aws'), 'ja');
    assert.ok(ja.includes(`\n  hr-system-audit-denied  ?/?/?           —           指摘 7 件（高）、\n${' '.repeat(54)}エラー 2 件\n`), ja);
    assert.ok(renderTable(example('aws'), 'en').includes('\n  hr-system-audit-denied  ?/?/?       —              7 findings (HIGH); 2 errors\n'));
  });

  test('wrap keeps "第3号" and a bracketed id whole, and never exceeds the width', () => {
    assert.deepEqual(wrap('該当 第1号（要配慮個人情報）／否定できない 第3号（不正の目的）', 44), ['該当 第1号（要配慮個人情報）／否定できない', '第3号（不正の目的）']);
    assert.deepEqual(wrap('否定できない 第3号（不正の目的）', 14), ['否定できない', '第3号（不正の', '目的）']);
    assert.deepEqual(wrap('保存データが暗号化されていない（provider-managed-encryption）', 40), ['保存データが暗号化されていない', '（provider-managed-encryption）']);
    for (const line of wrap('a'.repeat(50), 20)) assert.ok(displayWidth(line) <= 20);
  });
});

describe('the CLI', () => {
  const AWS = packagePath('examples', 'aws-hr-system.snapshot.json');

  test('--severity and --details reach the table; a bad --severity is exit 2 naming the value', async () => {
    const shown = await runCli(['scan', '--input', AWS, '--severity', 'critical', '--details', '--lang', 'en', '-q']);
    assert.equal(shown.code, 1, 'the exit code still follows --fail-on high');
    assert.ok(shown.stdout.includes('\nCRITICAL (1)\n  hr-system-employees  public-read  Anyone can read objects in the bucket\n'), shown.stdout);
    assert.equal(shown.stdout.includes('HIGH ('), false);
    const bad = await runCli(['scan', '--input', AWS, '--severity', 'critical,hihg']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^error: option '--severity <list>' argument 'critical,hihg' is invalid\. unknown severity "hihg"/);
  });

  test('kumoscan.yml scan.severity and scan.details are the defaults of the flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-table-'));
    const config = join(dir, 'kumoscan.yml');
    writeFileSync(config, 'version: 1\nscan:\n  severity: [high]\n  details: true\n');
    const res = await runCli(['scan', '--input', AWS, '--config', config, '--lang', 'en', '-q']);
    assert.equal(res.code, 1, res.stderr);
    assert.ok(res.stdout.includes('\nHIGH (3)\n'), res.stdout);
    assert.equal(res.stdout.includes('CRITICAL (1)'), false);
    writeFileSync(config, 'version: 1\nscan:\n  severity: hihg\n');
    const bad = await runCli(['scan', '--input', AWS, '--config', config]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /scan\.severity: unknown severity "hihg"/);
  });

  test('--buckets matching nothing: no report, one line in the language asked, exit 2', async () => {
    const en = await runCli(['scan', '--input', AWS, '--buckets', 'nope-*', '--lang', 'en', '-q']);
    assert.equal(en.code, 2);
    assert.equal(en.stdout, '');
    assert.equal(
      en.stderr,
      "kumoscan: --buckets 'nope-*' matched no bucket (111122223333): nothing was checked, so there is no result. Check the pattern (it is matched against bucket names; Azure: container or account/container).\n",
    );
    const ja = await runCli(['scan', '--input', AWS, '--buckets', 'nope-*', '--lang', 'ja', '-q', '--format', 'json']);
    assert.equal(ja.code, 2);
    assert.equal(ja.stdout, '');
    assert.match(ja.stderr, /^kumoscan: --buckets 'nope-\*' に一致するバケットがありません（111122223333）。何も検査していないため、結果はありません。/);
    assert.equal(ja.stderr.split('\n').length, 2, 'one line');
    const some = await runCli(['scan', '--input', AWS, '--buckets', 'nope-*,hr-system-locked', '--format', 'json', '-q']);
    assert.equal(some.code, 1, 'a filter that matches something scans it');
    const shard = await runCli(['scan', '--input', AWS, '--buckets', 'nope-*', '--shard', '0/2', '--format', 'json', '-q']);
    assert.equal(shard.code, 0, 'one shard of several may hold none of the matching buckets');
  });
});
