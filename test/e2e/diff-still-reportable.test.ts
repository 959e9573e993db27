// kumoscan diff, as a user runs it, on the fixed leak of issue 14: a bucket of My Numbers anyone could read and list
// (report A, 2026-12-01 00:30 JST, 知った日 2026-12-01) is made private (report B, 2026-12-07 23:17 JST). The diff's
// "Resolved" section keeps each of the two exposure findings as "resolved — still reportable", each with its own
// exposure window (first seen → resolved) and the deadlines that keep running from A's 知った日; the resource is
// its short name. Asserted line by line, in English and Japanese; exit 0 (nothing new).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import type { Report } from '../../reports/render/json.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-diff-still-'));
const A = join(work, 'a.json');
const B = join(work, 'b.json');

/** Scans a snapshot to a JSON report, then records it as taken at `scannedAt` (the exposure window's bounds). */
async function scanAt(snapshot: AwsSnapshot, out: string, scannedAt: string, discoveredAt: string): Promise<void> {
  const input = `${out}.snapshot.json`;
  writeFileSync(input, JSON.stringify(snapshot));
  const res = await runCli(['scan', '--input', input, '--format', 'json', '--out', out, '--discovered-at', discoveredAt, '--fail-on', 'none', '-q']);
  assert.equal(res.code, 0, res.stderr);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  writeFileSync(out, JSON.stringify({ ...report, scannedAt }));
}

/** The lines of one section: from its heading to the blank line after it. */
function section(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  assert.ok(start >= 0, `no "${heading}" section in:\n${stdout}`);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

describe('kumoscan diff: a fixed leak stays listed as resolved — still reportable, per finding', () => {
  before(async () => {
    const pub = JSON.parse(readFileSync(packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json'), 'utf8')) as AwsSnapshot;
    const priv = structuredClone(pub);
    const b = priv.buckets.find((x) => x.Name === 'hr-exports-1500');
    assert.ok(b);
    delete b.Policy;
    b.PolicyStatus = { IsPublic: false };
    b.Acl = { ...b.Acl, Grants: (b.Acl?.Grants ?? []).filter((g) => g.Grantee?.Type !== 'Group') };
    b.PublicAccessBlock = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
    await scanAt(pub, A, '2026-11-30T15:30:00.000Z', '2026-12-01');
    await scanAt(priv, B, '2026-12-07T14:17:00.000Z', '2026-12-07');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('English: the Resolved section, line by line; the total; the closing note under the assessment', async () => {
    const res = await runCli(['diff', A, B, '--lang', 'en'], {}, work);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stderr, '');
    assert.equal(res.stdout.split('\n')[0], 'kumoscan 0.1.0 — diff aws: a.json (2026-12-01 00:30 JST) → b.json (2026-12-07 23:17 JST)'.replace('a.json', A).replace('b.json', B));
    const still = [
      '    resolved — still reportable ("hr-exports-1500"): exposed from 2026-12-01',
      '    00:30 JST or earlier until a fix after 2026-12-01 00:30 JST and by',
      '    2026-12-07 23:17 JST; 知った日 (day known) 2026-12-01, 速報 (preliminary',
      '    report) 2026-12-03 – 2026-12-05, 確報 (final report) by 2027-01-29 (60',
      '    days). Fixing the setting does not undo the exposure: the duty to report and',
      '    its deadlines stay.',
    ];
    assert.deepEqual(section(res.stdout, 'Resolved ('), [
      'Resolved (4, 2 still reportable)',
      '  Critical  hr-exports-1500  public-read                         Anyone can read objects in the bucket',
      ...still,
      '  High      hr-exports-1500  public-list                         Anyone can list the objects in the bucket',
      ...still,
      '  Medium    hr-exports-1500  s3-account-block-public-access-off  Account-level Block Public Access is off and the bucket does not make up for it',
      '  Medium    hr-exports-1500  s3-block-public-access-off          Bucket-level Block Public Access is partly or fully off',
    ]);
    assert.deepEqual(section(res.stdout, 'New ('), ['New (0)', '  none']);
    assert.ok(res.stdout.includes('\nTotal: 0 new, 4 resolved, 19 unchanged, 0 with a changed severity, 0 not covered.\n'));
    assert.ok(res.stdout.endsWith('\n  2 resolved findings still reportable (see Resolved above): fixing the setting\n  does not end the duty to report or its deadlines.\n'));
  });

  test('Japanese: the same section in Japanese throughout', async () => {
    const res = await runCli(['diff', A, B, '--lang', 'ja'], {}, work);
    assert.equal(res.code, 0, res.stderr);
    const still = [
      '    解消済み—報告対象の可能性あり（「hr-exports-1500」）: 公開期間: 2026-12-01',
      '    00:30 JST 以前から、2026-12-01 00:30 JST より後 2026-12-07 23:17 JST までの',
      '    間に解消。知った日 2026-12-01、速報 2026-12-03〜2026-12-05、確報',
      '    2027-01-29まで（60日）。設定を直しても、公開中に生じた漏えい等の報告の要否と',
      '    期限は変わりません。',
    ];
    assert.deepEqual(section(res.stdout, '解消 ('), [
      '解消 (4、うち報告対象の可能性あり 2)',
      '  緊急  hr-exports-1500  public-read                         バケット内のオブジェクトを誰でも読み取れる',
      ...still,
      '  高    hr-exports-1500  public-list                         バケット内のオブジェクト一覧を誰でも取得できる',
      ...still,
      '  中    hr-exports-1500  s3-account-block-public-access-off  アカウントのブロックパブリックアクセスが無効で、バケット側でも補われていない',
      '  中    hr-exports-1500  s3-block-public-access-off          バケットのブロックパブリックアクセスが一部又は全部無効',
    ]);
  });

  test('JSON and Markdown carry the same: each resolved exposure with its window and deadlines', async () => {
    const json = await runCli(['diff', A, B, '--format', 'json'], {}, work);
    assert.equal(json.code, 0, json.stderr);
    const diff = JSON.parse(json.stdout) as { summary: { stillReportable: number }; resolved: { checkId: string; stillReportable?: { firstSeenBy: string; resolvedBy: string; deadlines: { discoveredAt: string; final: { due: string } } } }[] };
    assert.equal(diff.summary.stillReportable, 2);
    assert.deepEqual(
      diff.resolved.filter((f) => f.stillReportable).map((f) => [f.checkId, f.stillReportable?.firstSeenBy, f.stillReportable?.resolvedBy, f.stillReportable?.deadlines.discoveredAt, f.stillReportable?.deadlines.final.due]),
      [
        ['public-read', '2026-11-30T15:30:00.000Z', '2026-12-07T14:17:00.000Z', '2026-12-01', '2027-01-29'],
        ['public-list', '2026-11-30T15:30:00.000Z', '2026-12-07T14:17:00.000Z', '2026-12-01', '2027-01-29'],
      ],
    );
    const md = await runCli(['diff', A, B, '--format', 'md'], {}, work);
    assert.ok(md.stdout.includes('| New | Resolved | Resolved — still reportable | Unchanged | Severity changed | Not covered |\n| --- | --- | --- | --- | --- | --- |\n| 0 | 4 | 2 | 19 | 0 | 0 |'));
    assert.equal(md.stdout.split('resolved — still reportable ("hr-exports-1500")').length - 1, 2, md.stdout);
  });
});
