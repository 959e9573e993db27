// --baseline: new / unchanged / resolved states, the coverage rule (not covered is not resolved), every format
// showing the states; kumoscan diff: states, severity changes, output and exit codes.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyBaseline } from '../../reports/baseline.js';
import { diffReports, newAtOrAbove } from '../../reports/diff.js';
import type { Report } from '../../reports/render/json.js';
import { parseCsv } from '../../providers/aws/iam/credential-report.js';
import { renderCsv, CSV_COLUMNS } from '../../reports/render/csv.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderMarkdown } from '../../reports/render/md.js';
import { buildSarif } from '../../reports/render/sarif.js';
import { renderTable } from '../../reports/render/table.js';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import { UsageError } from '../../src/errors.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot, type EvaluateOptions } from '../../src/scan.js';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { adapterFor } from '../../src/adapters.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { shardOf } from '../../src/shard.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-baseline-'));
const AWS = packagePath('examples', 'aws-hr-system.snapshot.json');
const OPTS: EvaluateOptions = { source: 'snapshot', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z' };
const LATER: EvaluateOptions = { ...OPTS, scannedAt: '2026-11-23T00:00:00.000Z' };

function aws(): AwsSnapshot {
  return readSnapshotFile(AWS) as AwsSnapshot;
}

/** The next night: hr-system-employees got versioning, hr-system-locked was deleted, hr-system-new appeared (a copy of the public bucket). */
function nextNight(): AwsSnapshot {
  const s = aws();
  const employees = s.buckets.find((b) => b.Name === 'hr-system-employees')!;
  const copy = { ...JSON.parse(JSON.stringify(employees)), Name: 'hr-system-new' } as typeof employees;
  employees.Versioning = { Status: 'Enabled' };
  s.buckets = [employees, s.buckets.find((b) => b.Name === 'hr-system-audit-denied')!, copy];
  return s;
}

const ids = (fs: readonly { id: string }[]): string[] => fs.map((f) => f.id).sort();

describe('applyBaseline: states and the coverage rule', () => {
  const before = evaluateSnapshot(aws(), OPTS);

  test('new, unchanged and resolved (a deleted bucket\'s findings are resolved)', () => {
    const report = applyBaseline(evaluateSnapshot(nextNight(), LATER), before, { file: 'prev.json' });
    assertValidReport(report);
    assert.deepEqual(ids(report.findings.filter((f) => f.baseline === 'new')), [
      'access-logging-off:arn:aws:s3:::hr-system-new',
      'acls-enabled:arn:aws:s3:::hr-system-new',
      'mfa-delete-off:arn:aws:s3:::hr-system-employees',
      'no-object-lock:arn:aws:s3:::hr-system-new',
      'provider-managed-encryption:arn:aws:s3:::hr-system-new',
      'public-list:arn:aws:s3:::hr-system-new',
      's3-account-block-public-access-off:arn:aws:s3:::hr-system-new',
      's3-block-public-access-off:arn:aws:s3:::hr-system-new',
      'tls-not-enforced:arn:aws:s3:::hr-system-new',
      'versioning-off:arn:aws:s3:::hr-system-new',
    ]);
    assert.equal(report.findings.filter((f) => f.baseline === 'unchanged').length, 16);
    assert.ok(report.findings.every((f) => f.baseline !== undefined));
    assert.deepEqual(ids(report.resolved ?? []), [
      'external-principal-read:arn:aws:s3:::hr-system-locked:arn:aws:iam::444455556666:role/payroll-export',
      'mfa-delete-off:arn:aws:s3:::hr-system-locked',
      'versioning-off:arn:aws:s3:::hr-system-employees',
    ]);
    assert.deepEqual(report.summary.baseline, { against: '2026-11-22T00:00:00.000Z', file: 'prev.json', new: 10, unchanged: 16, resolved: 3, notCovered: 0 });
    assert.ok((report.resolved ?? []).every((f) => f.baseline === undefined));
  });

  test('the same run against itself: everything unchanged, nothing resolved', () => {
    const report = applyBaseline(evaluateSnapshot(aws(), LATER), before);
    assert.deepEqual(report.summary.baseline, { against: '2026-11-22T00:00:00.000Z', new: 0, unchanged: before.findings.length, resolved: 0, notCovered: 0 });
  });

  test('not covered is not resolved: outside --buckets', () => {
    const filter = compileBucketFilter(['hr-system-employees']);
    const now = evaluateSnapshot(adapterFor('aws')!.filterSnapshot(nextNight(), filter), { ...LATER, bucketFilter: ['hr-system-employees'] });
    const report = applyBaseline(now, before);
    assert.deepEqual(ids(report.resolved ?? []), ['versioning-off:arn:aws:s3:::hr-system-employees']);
    // The locked bucket (deleted, but outside --buckets) and the audit-denied one: 2 + 7 findings not covered.
    assert.equal(report.summary.baseline?.notCovered, 9);
  });

  test('not covered is not resolved: another shard', () => {
    const shard = { index: shardOf('hr-system-employees', 3), count: 3 };
    assert.notEqual(shardOf('hr-system-locked', 3) === shard.index && shardOf('hr-system-audit-denied', 3) === shard.index, true);
    const now = evaluateSnapshot(adapterFor('aws')!.filterSnapshot(nextNight(), compileBucketFilter([], shard)), { ...LATER, shard });
    const report = applyBaseline(now, before);
    const resolvedBuckets = new Set((report.resolved ?? []).map((f) => f.resourceId));
    for (const id of resolvedBuckets) assert.equal(shardOf(id.replace('arn:aws:s3:::', ''), 3), shard.index, id);
    assert.ok(resolvedBuckets.has('arn:aws:s3:::hr-system-employees'));
    assert.ok((report.summary.baseline?.notCovered ?? 0) > 0);
  });

  test('not covered is not resolved: an account-level call (the listing) failed', () => {
    const s = nextNight();
    s.errors = [{ call: 'ListBuckets', code: 'AccessDenied', message: 'Access Denied' }];
    const report = applyBaseline(evaluateSnapshot(s, LATER), before);
    // The deleted bucket's two findings are not covered: the listing failed, so its absence proves nothing.
    assert.deepEqual(ids(report.resolved ?? []), ['versioning-off:arn:aws:s3:::hr-system-employees']);
    assert.equal(report.summary.baseline?.notCovered, 2);
  });

  test('account-level findings: covered only where identities were collected', () => {
    const fake = { ...before, findings: [...before.findings, { ...before.findings[0]!, id: 'iam-root-account-unprotected:aws:111122223333', checkId: 'iam-root-account-unprotected', resourceId: 'aws:111122223333' }] };
    const now = evaluateSnapshot(aws(), LATER);
    // The example snapshot has no IAM: the account-level finding is not covered.
    assert.equal(now.identities.every((i) => !i.collected), true);
    const report = applyBaseline(now, fake);
    assert.equal(report.summary.baseline?.notCovered, 1);
    assert.equal(report.summary.baseline?.resolved, 0);
    // With the account's posture collected and no failed identity call, it is resolved.
    const collected = { ...now, identities: now.identities.map((i) => ({ ...i, collected: true, errors: [] })) };
    assert.equal(applyBaseline(collected, fake).summary.baseline?.resolved, 1);
  });

  test('a baseline of another provider is a usage error', () => {
    const gcp = evaluateSnapshot(readSnapshotFile(packagePath('examples', 'gcp-hr-system.snapshot.json')), OPTS);
    assert.throws(() => applyBaseline(before, gcp, { file: 'gcp.json' }), new UsageError('gcp.json is a "gcp" report and this one is "aws": compare reports of the same provider'));
  });
});

describe('every format shows the baseline states', () => {
  const report = applyBaseline(evaluateSnapshot(nextNight(), LATER), evaluateSnapshot(aws(), OPTS), { file: 'prev.json' });

  test('json: schema-valid with the fields', () => {
    assertValidReport(JSON.parse(JSON.stringify(report)));
  });

  test('table: a state per row (--details), new counts per check, the resolved list and the summary line (en and ja)', () => {
    const grouped = renderTable(report, 'en');
    assert.match(grouped, /\n {2}HIGH +2 resources +Anyone can list the objects in the bucket \[1 new\]\s+\(public-list\)\n/);
    assert.match(renderTable(report, 'ja'), /バケット内のオブジェクト一覧を誰でも取得できる［新規 1］\s*（public-list）/);
    const en = renderTable(report, 'en', { details: true });
    assert.match(en, /\n {2}\[new\] {8}hr-system-new +public-list\s+Anyone can list/);
    assert.match(en, /\n {2}\[unchanged\] {2}hr-system-employees +public-read/);
    assert.match(en, /Resolved since the baseline \(3\)\n {2}\[resolved\] {2}hr-system-locked +external-principal-read/);
    assert.match(en.replace(/\s+/g, ' '), /Against the baseline prev\.json \(2026-11-22 09:00 JST\): 10 new, 16 unchanged, 3 resolved, 0 not covered/);
    const ja = renderTable(report, 'ja', { details: true });
    assert.match(ja, /\[新規\] +hr-system-new/);
    assert.match(ja, /ベースラインから解消 \(3\)/);
    assert.match(ja, /新規\s*10、継続\s*16、解消\s*3、対象外\s*0/);
  });

  test('md: a Baseline column and a resolved section', () => {
    const md = renderMarkdown(report, { lang: 'en' });
    assert.match(md, /\| Baseline \| Severity \| Resource \| Check \| Title \| Duties \|/);
    assert.match(md, /\| \*\*new\*\* \| High \| hr-system-new \| `public-list` \|/);
    assert.match(md, /## Resolved since the baseline \(3\)/);
    assert.match(md, /\| Medium \| `arn:aws:s3:::hr-system-employees` \| `versioning-off` \| Versioning is off \|/);
  });

  test('html: a badge on each finding and a resolved section', () => {
    const html = renderHtml(report);
    assert.equal((html.match(/<span class="bl bl-new" data-baseline="new">/g) ?? []).length, 10);
    assert.equal((html.match(/<span class="bl bl-unchanged" data-baseline="unchanged">/g) ?? []).length, 16);
    assert.match(html, /<section id="resolved"><h2><span class="l-ja" lang="ja">ベースラインから解消した指摘 \(3\)<\/span><span class="l-en" lang="en">Resolved since the baseline \(3\)<\/span><\/h2>/);
    assert.match(html, /<tr data-finding="versioning-off:arn:aws:s3:::hr-system-employees">/);
    assert.doesNotMatch(renderHtml(evaluateSnapshot(aws(), OPTS)), /id="resolved"|class="bl /);
  });

  test('csv: a baseline column; resolved findings as rows', () => {
    const records = parseCsv(renderCsv(report).replace(/^\uFEFF/, ''));
    const col = CSV_COLUMNS.indexOf('baseline');
    assert.ok(col >= 0);
    assert.equal(records.length, 1 + 26 + 3);
    const state = (id: string): string | undefined => records.find((r) => r[0] === id)?.[col];
    assert.equal(state('public-list:arn:aws:s3:::hr-system-new'), 'new');
    assert.equal(state('public-read:arn:aws:s3:::hr-system-employees'), 'unchanged');
    assert.equal(state('versioning-off:arn:aws:s3:::hr-system-employees'), 'resolved');
  });

  test('sarif: baselineState new / unchanged, and resolved ones as absent results', () => {
    const run = buildSarif(report).runs[0]!;
    const state = (id: string): unknown => run.results.find((r) => r.properties.findingId === id)?.baselineState;
    assert.equal(run.results.length, 29);
    assert.equal(state('public-list:arn:aws:s3:::hr-system-new'), 'new');
    assert.equal(state('public-read:arn:aws:s3:::hr-system-employees'), 'unchanged');
    assert.equal(state('versioning-off:arn:aws:s3:::hr-system-employees'), 'absent');
    assert.equal(state('mfa-delete-off:arn:aws:s3:::hr-system-locked'), 'absent');
    const gone = run.results.find((r) => r.properties.findingId === 'mfa-delete-off:arn:aws:s3:::hr-system-locked')!;
    assert.deepEqual(gone.locations[0]?.logicalLocations, [{ name: 'arn:aws:s3:::hr-system-locked', fullyQualifiedName: 'arn:aws:s3:::hr-system-locked', kind: 'resource' }]);
    assert.equal(buildSarif(evaluateSnapshot(aws(), OPTS)).runs[0]!.results.every((r) => r.baselineState === undefined), true);
  });
});

describe('kumoscan scan / report --baseline (CLI)', () => {
  test('scan --input with --baseline; a bad baseline is exit 2 before any work', async () => {
    const prev = join(work, 'prev.json');
    writeFileSync(prev, JSON.stringify(evaluateSnapshot(aws(), OPTS)));
    const snap = join(work, 'next.snapshot.json');
    writeFileSync(snap, JSON.stringify(nextNight()));
    const res = await runCli(['scan', '--quiet', '--input', snap, '--baseline', prev, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.deepEqual({ ...report.summary.baseline }, { against: '2026-11-22T00:00:00.000Z', file: prev, new: 10, unchanged: 16, resolved: 3, notCovered: 0 });

    const missing = await runCli(['scan', '--quiet', '--input', snap, '--baseline', join(work, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `kumoscan: cannot read ${join(work, 'nope.json')}: ENOENT\n`);
    const gcp = join(work, 'gcp.json');
    writeFileSync(gcp, JSON.stringify(evaluateSnapshot(readSnapshotFile(packagePath('examples', 'gcp-hr-system.snapshot.json')), OPTS)));
    const other = await runCli(['scan', '--quiet', 'aws', '--baseline', gcp]);
    assert.equal(other.code, 2);
    assert.equal(other.stderr, `kumoscan: ${gcp} is a "gcp" report and this scan is "aws": compare reports of the same provider\n`);
    const otherInput = await runCli(['scan', '--quiet', '--input', snap, '--baseline', gcp]);
    assert.equal(otherInput.code, 2);
    assert.equal(otherInput.stderr, `kumoscan: ${gcp} is a "gcp" report and this one is "aws": compare reports of the same provider\n`);

    const now = join(work, 'now.json');
    writeFileSync(now, JSON.stringify(evaluateSnapshot(nextNight(), LATER)));
    const rendered = await runCli(['report', now, '--baseline', prev, '--format', 'sarif']);
    assert.equal(rendered.code, 0, rendered.stderr);
    const sarif = JSON.parse(rendered.stdout) as { runs: { results: { baselineState?: string }[] }[] };
    assert.deepEqual([...new Set(sarif.runs[0]!.results.map((r) => r.baselineState))].sort(), ['absent', 'new', 'unchanged']);
  });
});

describe('kumoscan diff', () => {
  const a = evaluateSnapshot(aws(), OPTS);
  const b = evaluateSnapshot(nextNight(), LATER);

  test('diffReports: new, resolved, unchanged and severity changes', () => {
    const raised = { ...b, findings: b.findings.map((f) => (f.id === 'tls-not-enforced:arn:aws:s3:::hr-system-employees' ? { ...f, severity: 'high' as const } : f)) };
    const d = diffReports(a, raised, { a: 'a.json', b: 'b.json' });
    assert.deepEqual(d.summary, { new: 10, resolved: 3, unchanged: 16, notCovered: 0, severityChanged: 1, stillReportable: 0 });
    assert.deepEqual(d.severityChanged.map((c) => [c.id, c.from, c.to]), [['tls-not-enforced:arn:aws:s3:::hr-system-employees', 'medium', 'high']]);
    assert.deepEqual(newAtOrAbove(d, 'high').map((f) => f.id), ['public-list:arn:aws:s3:::hr-system-new']);
    assert.deepEqual(newAtOrAbove(d, 'critical'), []);
    assert.deepEqual(newAtOrAbove(d, 'none'), []);
  });

  test('CLI: table (en / ja), json, md; exit 1 on new findings at or above --fail-on, else 0; 2 on bad input', async () => {
    const fa = join(work, 'a.json');
    const fb = join(work, 'b.json');
    writeFileSync(fa, JSON.stringify(a));
    writeFileSync(fb, JSON.stringify(b));
    const table = await runCli(['diff', fa, fb, '--lang', 'en']);
    assert.equal(table.code, 1, table.stderr);
    assert.match(table.stdout, /^kumoscan [^\n]+ — diff aws: .*a\.json \(2026-11-22 09:00 JST\) → .*b\.json \(2026-11-23 09:00 JST\)\n\nNew \(10\)\n {2}High +hr-system-new +public-list +Anyone can list/);
    assert.match(table.stdout, /\nResolved \(3\)\n {2}High +hr-system-locked +external-principal-read/);
    assert.match(table.stdout, /\nTotal: 10 new, 3 resolved, 16 unchanged, 0 with a changed severity, 0 not covered\.\n\nAPPI assessment \(breach report to the PPC\)\n/);
    const ja = await runCli(['diff', fa, fb, '--lang', 'ja']);
    assert.match(ja.stdout, /新規 \(10\)/);
    assert.match(ja.stdout, /合計: 新規 10、解消 3、継続 16、重大度の変更 0、対象外 0。/);

    const json = await runCli(['diff', fa, fb, '--format', 'json', '--fail-on', 'critical']);
    assert.equal(json.code, 0);
    const d = JSON.parse(json.stdout) as { kind: string; summary: unknown; resolved: { id: string }[] };
    assert.equal(d.kind, 'kumoscan-diff');
    assert.deepEqual(d.summary, { new: 10, resolved: 3, unchanged: 16, notCovered: 0, severityChanged: 0, stillReportable: 0 });

    const md = await runCli(['diff', fa, fb, '--format', 'md', '--lang', 'en']);
    assert.equal(md.code, 1);
    assert.match(md.stdout, /^# kumoscan diff\n/);
    assert.match(md.stdout, /\| 10 \| 3 \| 0 \| 16 \| 0 \| 0 \|/);
    assert.match(md.stdout, /## Resolved\n\n\| Severity \| Resource \| Check \| Title \|\n\| --- \| --- \| --- \| --- \|\n\| High \| `arn:aws:s3:::hr-system-locked` \| `external-principal-read` \|/);

    const same = await runCli(['diff', fa, fa]);
    assert.equal(same.code, 0);
    assert.match(same.stdout, /Total: 0 new, 0 resolved, 19 unchanged/);
    const reverse = await runCli(['diff', fb, fa, '--fail-on', 'info']);
    assert.equal(reverse.code, 1, 'the deleted bucket\'s findings come back as new');

    const notReport = join(work, 'not-report.json');
    writeFileSync(notReport, '{"hello": 1}');
    const bad = await runCli(['diff', fa, notReport]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, `kumoscan: ${notReport} is not a kumoscan report (expected a JSON report written by "kumoscan scan --format json", with tool.name "kumoscan")\n`);
    const gcp = join(work, 'gcp-b.json');
    writeFileSync(gcp, JSON.stringify(evaluateSnapshot(readSnapshotFile(packagePath('examples', 'gcp-hr-system.snapshot.json')), OPTS)));
    const other = await runCli(['diff', fa, gcp]);
    assert.equal(other.code, 2);
    assert.equal(other.stderr, `kumoscan: ${fa} is a "aws" report and this one is "gcp": compare reports of the same provider\n`);
    const unreadable = await runCli(['diff', join(work, 'missing.json'), fb]);
    assert.equal(unreadable.code, 2);
    assert.equal(unreadable.stderr, `kumoscan: cannot read ${join(work, 'missing.json')}: ENOENT\n`);
  });
});

describe('baseline and suppressions (kumoscan.yml)', () => {
  const policy = {
    suppressions: [{ field: 'suppressions[0]', check: 'versioning-off', resources: ['hr-system-employees'], reason: 'rebuilt nightly', expires: '2099-12-31' }],
  };
  const ID = 'versioning-off:arn:aws:s3:::hr-system-employees';

  test('a finding suppressed now is not resolved, and keeps its own mark', () => {
    const before = evaluateSnapshot(aws(), OPTS);
    const now = applyBaseline(evaluateSnapshot(aws(), { ...LATER, policy }), before);
    assert.equal(now.resolved?.some((f) => f.id === ID), false);
    assert.deepEqual(now.suppressed?.map((x) => [x.finding.id, x.finding.baseline]), [[ID, 'unchanged']]);
    assert.equal(now.summary.baseline?.resolved, 0);
    assertValidReport(now);
  });

  test('a finding suppressed in the baseline and active now (its suppression lapsed) is unchanged, not new', () => {
    const before = evaluateSnapshot(aws(), { ...OPTS, policy });
    const now = applyBaseline(evaluateSnapshot(aws(), LATER), before);
    assert.equal(now.findings.find((f) => f.id === ID)?.baseline, 'unchanged');
    assert.equal(now.summary.baseline?.new, 0);
  });
});
