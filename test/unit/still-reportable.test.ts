// Resolved — still reportable: a public bucket of My Numbers made private since the baseline stays listed with its
// exposure window (bounds from the two scan times) and the baseline's deadlines, which keep counting from the
// baseline's 知った日; in every format, in kumoscan diff, and passed on by a baseline written with --baseline.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyBaseline } from '../../reports/baseline.js';
import { diffReports, renderDiffMarkdown, renderDiffTable } from '../../reports/diff.js';
import type { Report, StillReportable } from '../../reports/render/json.js';
import { parseCsv } from '../../providers/aws/iam/credential-report.js';
import { renderCsv, CSV_COLUMNS } from '../../reports/render/csv.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderMarkdown } from '../../reports/render/md.js';
import { buildSarif } from '../../reports/render/sarif.js';
import { renderTable } from '../../reports/render/table.js';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot, type EvaluateOptions } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const FIXTURE = packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json');
const HR = 'arn:aws:s3:::hr-exports-1500';
const A_AT = '2026-11-30T15:30:00.000Z'; // 2026-12-01 00:30 JST: 知った日 2026-12-01
const B_AT = '2026-12-07T14:17:00.000Z'; // 2026-12-07 23:17 JST
const opts = (scannedAt: string): EvaluateOptions => ({ source: 'snapshot', failOn: 'high', scannedAt });

function publicSnapshot(): AwsSnapshot {
  return readSnapshotFile(FIXTURE) as AwsSnapshot;
}

/** The same account after the fix: hr-exports-1500 has no public policy or ACL grant and Block Public Access on. */
function privateSnapshot(): AwsSnapshot {
  const s = publicSnapshot();
  const b = s.buckets.find((x) => x.Name === 'hr-exports-1500')!;
  delete b.Policy;
  b.PolicyStatus = { IsPublic: false };
  b.Acl = { ...b.Acl, Grants: (b.Acl?.Grants ?? []).filter((g) => g.Grantee?.Type !== 'Group') };
  b.PublicAccessBlock = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  return s;
}

const before = evaluateSnapshot(publicSnapshot(), opts(A_AT));
const after = applyBaseline(evaluateSnapshot(privateSnapshot(), opts(B_AT)), before, { file: 'before.json' });
const stillOf = (r: Report): [string, StillReportable | undefined][] => (r.resolved ?? []).filter((f) => f.stillReportable).map((f) => [f.id, f.stillReportable]);

describe('applyBaseline: the fixed My Number bucket', () => {
  test('its public-read and public-list are resolved — still reportable, with the window and the baseline deadlines', () => {
    const deadlines = before.assessment.perResource.find((p) => p.resourceId === HR)?.deadlines;
    assert.ok(deadlines);
    assert.equal(deadlines.discoveredAt, '2026-12-01');
    const still: StillReportable = { resourceName: 'hr-exports-1500', result: 'likely', myNumberAct: true, firstSeenBy: A_AT, resolvedAfter: A_AT, resolvedBy: B_AT, deadlines };
    assert.deepEqual(stillOf(after), [
      [`public-read:${HR}`, still],
      [`public-list:${HR}`, still],
    ]);
    assert.equal(after.summary.baseline?.stillReportable, 2);
    assertValidReport(after);
  });

  test('the deadlines are not reset: this run neither assesses the resource as reportable nor moves 知った日', () => {
    assert.ok(!after.assessment.reportable.includes(HR));
    assert.equal(after.assessment.discoveredAt, '2026-12-07');
    const still = (after.resolved ?? []).find((f) => f.id === `public-read:${HR}`)?.stillReportable;
    assert.deepEqual([still?.deadlines.discoveredAt, still?.deadlines.final.due], ['2026-12-01', '2027-01-29']);
  });

  test('a resolved finding that did not make the resource reportable stays a plain resolved one', () => {
    const plain = (after.resolved ?? []).filter((f) => !f.stillReportable).map((f) => f.checkId);
    assert.ok(plain.includes('s3-block-public-access-off'), plain.join(', '));
  });

  test('a baseline written with --baseline passes its still-reportable findings on until the 確報 date', () => {
    const next = applyBaseline(evaluateSnapshot(privateSnapshot(), opts('2026-12-10T01:00:00.000Z')), after);
    assert.deepEqual(stillOf(next).map(([id, s]) => [id, s?.firstSeenBy, s?.resolvedBy, s?.deadlines.final.due]), [
      [`public-read:${HR}`, A_AT, B_AT, '2027-01-29'],
      [`public-list:${HR}`, A_AT, B_AT, '2027-01-29'],
    ]);
    const late = applyBaseline(evaluateSnapshot(privateSnapshot(), opts('2027-01-30T01:00:00.000Z')), after);
    assert.deepEqual(stillOf(late), []);
  });
});

describe('every format shows it', () => {
  test('table, ja and en: the mark, the window in JST and the deadlines', () => {
    // The table wraps at 80 columns: lines are joined back before matching (per finding, under its row).
    const en = renderTable(after, 'en').replace(/\n +/g, ' ');
    assert.match(en, /resolved — still reportable \("hr-exports-1500"\): exposed from 2026-12-01 00:30 JST or earlier until a fix after 2026-12-01 00:30 JST and by 2026-12-07 23:17 JST; 知った日 \(day known\) 2026-12-01, 速報 \(preliminary report\) 2026-12-0\d – 2026-12-0\d, 確報 \(final report\) by 2027-01-29 \(60 days\)\./);
    const ja = renderTable(after, 'ja').replace(/\n +/g, '');
    assert.match(ja, /解消済み—報告対象の可能性あり（「hr-exports-1500」）: ?公開期間: ?2026-12-01 ?00:30 ?JST ?以前から、2026-12-01 ?00:30 ?JST ?より後 ?2026-12-07 ?23:17 ?JST ?までの間に解消。知った日 ?2026-12-01、速報 ?2026-12-0\d〜2026-12-0\d、確報 ?2027-01-29まで（60日）。/);
    // Per finding: public-read and public-list each carry their window and deadlines, right under their row.
    assert.equal(ja.split('解消済み—報告対象の可能性あり').length - 1, 2);
    const raw = renderTable(after, 'en');
    for (const check of ['public-read', 'public-list']) assert.match(raw, new RegExp(`\\[resolved\\] +hr-exports-1500 +${check}\\b[^\\n]*\\n(?: {6,}[^\\n]*\\n)* {4}resolved — still reportable \\("hr-exports-1500"\\): exposed from`));
  });

  test('Markdown, HTML, CSV and SARIF', () => {
    assert.match(renderMarkdown(after, { lang: 'ja' }), /- `public-read` 解消済み—報告対象の可能性あり（「hr-exports-1500」）: 公開期間: 2026-12-01 00:30 JST 以前から/);
    const html = renderHtml(after);
    assert.equal(html.split('data-still-reportable').length - 1, 2);
    assert.match(html, /確報 2027-01-29まで（60日）/);
    const rows = parseCsv(renderCsv(after).replace(/^\uFEFF/, ''));
    const header = rows[0] ?? [];
    const col = (name: (typeof CSV_COLUMNS)[number]): number => header.indexOf(name);
    const read = rows.find((r) => r[col('finding_id')] === `public-read:${HR}`);
    assert.deepEqual(
      [read?.[col('baseline')], read?.[col('reportability')], read?.[col('my_number_act')], read?.[col('final_report_by')], read?.[col('exposure_first_seen_by')], read?.[col('exposure_resolved_by')]],
      ['resolved-still-reportable', 'likely', 'true', '2027-01-29', A_AT, B_AT],
    );
    const absent = buildSarif(after).runs[0]?.results.find((r) => r.partialFingerprints['kumoscanFindingId/v1'] === `public-read:${HR}`);
    assert.equal(absent?.baselineState, 'absent');
    assert.equal((absent?.properties as { stillReportable?: StillReportable }).stillReportable?.deadlines.final.due, '2027-01-29');
  });

  test('kumoscan diff (pure): counted, and listed with the window in the table and Markdown', () => {
    const d = diffReports(before, evaluateSnapshot(privateSnapshot(), opts(B_AT)), { a: 'before.json', b: 'after.json' });
    assert.equal(d.summary.stillReportable, 2);
    // The still-reportable lines wrap at 80 columns under their row: joined back before matching.
    const table = renderDiffTable(d, 'en').replace(/\n {4}(?! )/g, ' ');
    assert.match(table, /before\.json \(2026-12-01 00:30 JST\) → after\.json \(2026-12-07 23:17 JST\)/);
    assert.match(table, /Resolved \(\d+, 2 still reportable\)/);
    assert.match(table, /resolved — still reportable \("hr-exports-1500"\): exposed from 2026-12-01 00:30 JST or earlier/);
    assert.match(renderDiffMarkdown(d, 'ja'), /解消済み—報告対象の可能性あり（「hr-exports-1500」）/);
  });
});

test('CLI: scan the public snapshot, then the private one with --baseline, then kumoscan diff', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-still-'));
  const pub = join(dir, 'public.snapshot.json');
  const priv = join(dir, 'private.snapshot.json');
  writeFileSync(pub, JSON.stringify(publicSnapshot()));
  writeFileSync(priv, JSON.stringify(privateSnapshot()));
  // 知った日 = today in Asia/Tokyo: the 確報 date is ahead whenever the test runs.
  const known = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const a = await runCli(['scan', '--input', pub, '--format', 'json', '--out', join(dir, 'a.json'), '--discovered-at', known, '-q']);
  assert.equal(a.code, 1, a.stderr);
  const b = await runCli(['scan', '--input', priv, '--format', 'json', '--out', join(dir, 'b.json'), '--baseline', join(dir, 'a.json'), '-q']);
  assert.equal(b.code, 1, b.stderr); // crm-list-only is still public
  const report = JSON.parse((await import('node:fs')).readFileSync(join(dir, 'b.json'), 'utf8')) as Report;
  assert.deepEqual(stillOf(report).map(([id, s]) => [id, s?.deadlines.discoveredAt]), [
    [`public-read:${HR}`, known],
    [`public-list:${HR}`, known],
  ]);
  const diff = await runCli(['diff', join(dir, 'a.json'), join(dir, 'b.json'), '--lang', 'ja']);
  assert.equal(diff.code, 0, diff.stderr);
  assert.match(diff.stdout, /解消 \(\d+、うち報告対象の可能性あり 2\)/);
  assert.match(diff.stdout.replace(/\n {4}(?! )/g, ''), new RegExp(`解消済み—報告対象の可能性あり（「hr-exports-1500」）: 公開期間: .* JST 以前から、.*知った日 ${known}、速報 `));
  // The later report's APPI assessment block closes the diff table (as in scan's table), and says the fixed exposure still counts.
  assert.match(diff.stdout, /\n個人情報保護法の評価（個人情報保護委員会への漏えい等報告）\n {2}リソース \d+、誰でも読取・一覧可 \d+/);
  assert.match(diff.stdout.replace(/\n +/g, ''), /解消済みでも報告対象の可能性がある指摘 ?2 ?件（上の「解消」を参照）/);
  const en = await runCli(['diff', join(dir, 'a.json'), join(dir, 'b.json'), '--lang', 'en']);
  assert.equal(en.code, 0, en.stderr);
  assert.match(en.stdout, /\nAPPI assessment \(breach report to the PPC\)\n {2}\d+ resources, \d+ readable or listable by anyone/);
  assert.match(en.stdout.replace(/\n +/g, ' '), /2 resolved findings still reportable \(see Resolved above\): fixing the setting does not end the duty to report or its deadlines\./);
});
