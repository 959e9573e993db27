// Reports with --history, on both engines (SQLite in a temporary folder, a PostgreSQL started by the test): three
// nightly runs against moto — a bucket private, then public with My Numbers, then fixed — collected live once and
// dated as three nights (the snapshots' collectedAt), then stored with `scan --input … --history`. Asserts the window
// of `history show`, "public since" in every report format, 発生日 in the PPC draft and the deadlines (ja and en,
// exact text), the third report's resolved-but-still-reportable window from the runs, `report --history` and
// `merge --history` (storing a merged run twice is a no-op). No raw personal value anywhere.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteBucketPolicyCommand, PutBucketEncryptionCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { createDatabase, startPostgres, type RunningPostgres } from '../helpers/postgres.js';
import { assertValidReport } from '../helpers/schema.js';
import { employeeCsv } from '../helpers/employees.js';
import { parseCsv } from '../helpers/parse-csv.js';
import { HR_REGION, PUBLIC_READ_POLICY, s3For } from '../helpers/seed-hr.js';

const BUCKET = 'payroll-nightly';
const ID = `arn:aws:s3:::${BUCKET}`;
const EMPLOYEES = employeeCsv(40, 'utf-8', 77);
const NIGHT1 = '2026-11-01T15:00:00.000Z';
const NIGHT2 = '2026-11-02T15:00:00.000Z';
const NIGHT3 = '2026-11-03T15:00:00.000Z';
// The same nights in Asia/Tokyo, as people read them.
const JST1 = '2026-11-02 00:00 JST';
const JST2 = '2026-11-03 00:00 JST';
const JST3 = '2026-11-04 00:00 JST';

let moto: Moto;
let pg: RunningPostgres;
let dir: string;
const nights: string[] = [];

/** One live scan of the bucket as it is now, saved as a snapshot dated `collectedAt`. */
async function collectNight(n: number, collectedAt: string): Promise<string> {
  const file = join(dir, `night${n}.json`);
  const r = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--buckets', BUCKET, '--save-snapshot', file, '--format', 'json', '--out', join(dir, `live${n}.json`), '--fail-on', 'none', '-q'], MOTO_ENV);
  assert.equal(r.code, 0, r.stderr);
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...snap, collectedAt }));
  return file;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kumoscan-history-reports-'));
  [moto, pg] = await Promise.all([startMoto(), startPostgres()]);
  const s3 = s3For(moto.endpoint);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: HR_REGION } }));
    await s3.send(new PutBucketEncryptionCommand({ Bucket: BUCKET, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'exports/payroll.csv', Body: EMPLOYEES.bytes }));
    nights.push(await collectNight(1, NIGHT1));
    // Night 2: someone opened the bucket to anyone.
    await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: PUBLIC_READ_POLICY(BUCKET) }));
    nights.push(await collectNight(2, NIGHT2));
    // Night 3: fixed.
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: BUCKET }));
    nights.push(await collectNight(3, NIGHT3));
  } finally {
    s3.destroy();
  }
});

after(async () => {
  pg?.stop();
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const engines: { name: string; fresh: (label: string) => Promise<string> }[] = [
  { name: 'SQLite', fresh: async (label) => join(dir, `${label}.db`) },
  { name: 'PostgreSQL', fresh: async (label) => createDatabase(pg, label) },
];

function noRawValues(text: string, where: string): void {
  for (const v of EMPLOYEES.rawValues) assert.ok(!text.includes(v), `a raw personal value in ${where}`);
}

/** `expected` in `text` as the table wraps it: line breaks and the indentation of continued lines aside. */
function hasText(text: string, expected: string): void {
  const squash = (t: string): string => t.replace(/\s+/g, '');
  assert.ok(squash(text).includes(squash(expected)), `expected:\n${expected}\nin:\n${text}`);
}

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args);
  assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stderr, '');
  noRawValues(r.stdout, args.join(' '));
  return r.stdout;
}

for (const engine of engines) {
  describe(`reports with --history on ${engine.name}: private → public with My Numbers → fixed`, () => {
    let history: string;
    let runIds: string[];
    const out = (name: string): string => join(dir, `${engine.name}-${name}`);

    before(async () => {
      history = await engine.fresh(`reports_${engine.name.toLowerCase()}`);
      const scan = (n: number, extra: string[] = []) => ok(['scan', '--input', nights[n - 1] ?? '', '--history', history, '--format', 'json', '--out', out(`r${n}.json`), '--discovered-at', '2026-11-05', '--fail-on', 'none', '-q', ...extra]);
      await scan(1);
      await scan(2);
      await scan(3, ['--baseline', out('r2.json')]);
      const runs = JSON.parse(await ok(['history', 'runs', '--history', history, '--format', 'json'])) as { runs: { id: string; scannedAt: string }[] };
      assert.deepEqual(runs.runs.map((r) => r.scannedAt), [NIGHT1, NIGHT2, NIGHT3]);
      runIds = runs.runs.map((r) => r.id);
    });

    const short = (i: number): string => (runIds[i] ?? '').slice(0, 12);

    test('history show: the window and the bounds of each date', async () => {
      const tl = (JSON.parse(await ok(['history', 'show', BUCKET, '--history', history, '--format', 'json'])) as { timeline: Record<string, any> }).timeline;
      assert.equal(tl.status, 'resolved');
      assert.deepEqual(tl.windows[0].since, { after: NIGHT1, afterRun: runIds[0], by: NIGHT2, byRun: runIds[1] });
      assert.deepEqual(tl.windows[0].resolved, { after: NIGHT2, afterRun: runIds[1], by: NIGHT3, byRun: runIds[2] });
      assert.deepEqual(tl.windows[0].classes, ['personal', 'sensitive', 'specific_personal_information']);
      const en = await ok(['history', 'show', BUCKET, '--history', history, '--lang', 'en']);
      assert.match(en, new RegExp(`^  Public since: between ${NIGHT1} \\(seen private\\) and ${NIGHT2} \\(seen public\\)$`, 'm'));
      assert.match(en, new RegExp(`^  Resolved: between ${NIGHT2} \\(seen public\\) and ${NIGHT3} \\(seen private\\)$`, 'm'));
    });

    test('the second report: public since with both bounds, 発生日 in the deadlines and the PPC draft', () => {
      const r2 = JSON.parse(readFileSync(out('r2.json'), 'utf8')) as Report;
      assertValidReport(r2);
      const since = { earliest: NIGHT1, latest: NIGHT2, basis: 'history', firstPublicRun: { id: runIds[1], at: NIGHT2 }, lastPrivateRun: { id: runIds[0], at: NIGHT1 } };
      const { trend, ...history } = r2.history ?? {};
      assert.deepEqual(history, { runId: runIds[1], asOf: NIGHT2, runs: 2, publicSince: [{ resourceId: ID, ...since }] });
      // The trend of its scope up to its run: the private night (no exposure), then the public one with personal data.
      assert.deepEqual(trend?.map((t) => [t.runId, t.scannedAt, t.complete, t.exposedPersonal]), [[runIds[0], NIGHT1, true, 0], [runIds[1], NIGHT2, true, 1]]);
      const p = r2.assessment.perResource.find((x) => x.resourceId === ID);
      assert.equal(p?.reportability?.myNumberAct.applies, true);
      assert.deepEqual(p?.deadlines?.occurred, since);
      assert.deepEqual(r2.assessment.deadlines?.occurred, since);
      const item1 = p?.ppcDraft?.find((i) => i.no === 1)?.content;
      assert.ok(item1?.ja.endsWith(`発生日（推定）: ${JST1} から ${JST2} の間（根拠: kumoscan の実行履歴。${JST1} の実行では非公開、${JST2} の実行で公開を確認）。正確な日時は、設定変更の履歴（監査ログ）で確認してください。`), item1?.ja);
      assert.ok(item1?.en.endsWith(`Date of occurrence (発生日, estimated): between ${JST1} and ${JST2} (basis: kumoscan's run history — private in the run of ${JST1}, public in the run of ${JST2}). Confirm the exact time from the change history (audit logs).`), item1?.en);
      // The first report: private, nothing public since.
      const r1 = JSON.parse(readFileSync(out('r1.json'), 'utf8')) as Report;
      assert.deepEqual({ ...r1.history, trend: r1.history?.trend?.map((t) => t.runId) }, { runId: runIds[0], asOf: NIGHT1, runs: 1, publicSince: [], trend: [runIds[0]] });
    });

    test('the third report keeps the resource as resolved — still reportable, with the window from the runs', () => {
      const r3 = JSON.parse(readFileSync(out('r3.json'), 'utf8')) as Report;
      assertValidReport(r3);
      assert.deepEqual(r3.history?.publicSince, []);
      const still = (r3.resolved ?? []).filter((f) => f.stillReportable).map((f) => ({ checkId: f.checkId, ...f.stillReportable }));
      assert.deepEqual(still.map((s) => s.checkId), ['public-read']);
      const s = still[0];
      assert.equal(s?.basis, 'history');
      assert.equal(s?.firstSeenBy, NIGHT2);
      assert.equal(s?.resolvedAfter, NIGHT2);
      assert.equal(s?.resolvedBy, NIGHT3);
      assert.deepEqual(s?.publicSince, { earliest: NIGHT1, latest: NIGHT2, basis: 'history', firstPublicRun: { id: runIds[1], at: NIGHT2 }, lastPrivateRun: { id: runIds[0], at: NIGHT1 } });
      assert.equal(s?.myNumberAct, true);
      assert.equal(s?.deadlines?.discoveredAt, '2026-11-05');
    });

    test('report --history: the table in en and ja, exact text (wrapped at 80 columns)', async () => {
      const en = await ok(['report', out('r2.json'), '--history', history, '--format', 'table', '--lang', 'en']);
      assert.match(en, /^Public since \(run history\) \(1\)$/m);
      hasText(en, `  ${BUCKET}: public since between ${JST1} and ${JST2} (last private run ${short(0)} / first public run ${short(1)})\n`);
      hasText(en, `Occurred (estimate)  between ${JST1} and ${JST2} (estimated from the run history)\n`);
      const ja = await ok(['report', out('r2.json'), '--history', history, '--format', 'table', '--lang', 'ja']);
      assert.match(ja, /^公開開始（実行履歴） \(1\)$/m);
      hasText(ja, `  ${BUCKET}: ${JST1} から ${JST2} の間に公開（最後に非公開だった実行 ${short(0)} ／ 最初に公開だった実行 ${short(1)}）\n`);
      hasText(ja, `発生日（推定）  ${JST1} から ${JST2} の間（実行履歴による推定）\n`);
      const still = await ok(['report', out('r3.json'), '--history', history, '--format', 'table', '--lang', 'ja']);
      hasText(still, `解消済み—報告対象の可能性あり（「${BUCKET}」）: 公開期間: ${JST1} から ${JST2} の間に公開され、${JST2} より後 ${JST3} までの間に解消（実行履歴による）。知った日 2026-11-05、`);
      const stillEn = await ok(['report', out('r3.json'), '--history', history, '--format', 'table', '--lang', 'en']);
      hasText(stillEn, `resolved — still reportable ("${BUCKET}"): exposed from between ${JST1} and ${JST2} until a fix after ${JST2} and by ${JST3} (from the run history); 知った日 (day known) 2026-11-05,`);
    });

    test('Markdown, CSV, SARIF and HTML carry public since', async () => {
      const md = await ok(['report', out('r2.json'), '--history', history, '--format', 'md', '--lang', 'en']);
      assert.ok(md.includes(`## Public since (run history)\n\n- ${BUCKET}: public since between ${JST1} and ${JST2} (last private run ${short(0)} / first public run ${short(1)})\n`), md);
      const csv = await ok(['report', out('r2.json'), '--history', history, '--format', 'csv']);
      const [head = [], ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
      const row = rows.find((r) => r[head.indexOf('check_id')] === 'public-read');
      assert.equal(row?.[head.indexOf('public_since_after')], NIGHT1);
      assert.equal(row?.[head.indexOf('public_since_by')], NIGHT2);
      const sarif = JSON.parse(await ok(['report', out('r2.json'), '--history', history, '--format', 'sarif', '--lang', 'ja'])) as { runs: { logicalLocations: { fullyQualifiedName: string; properties: Record<string, any> }[] }[] };
      const loc = sarif.runs[0]?.logicalLocations.find((l) => l.fullyQualifiedName === ID);
      assert.equal(loc?.properties.publicSince.earliest, NIGHT1);
      assert.equal(loc?.properties.publicSince.text.ja, `${JST1} から ${JST2} の間に公開（最後に非公開だった実行 ${short(0)} ／ 最初に公開だった実行 ${short(1)}）`);
      const html = await ok(['report', out('r2.json'), '--history', history, '--format', 'html']);
      assert.match(html, /class="public-since"/);
      assert.match(html, /data-part="occurred"/);
      // The trend of the report's scope up to its run: the two nights stored by then, one bar each.
      const trend = /<figure[^>]*id="chart-history-trend"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
      assert.equal((trend.match(/<g class="tr-run/g) ?? []).length, 2, 'two runs in the trend chart');
      const r2 = JSON.parse(await ok(['report', out('r2.json'), '--history', history, '--format', 'json'])) as { history?: { trend?: { runId: string }[] } };
      assert.deepEqual(r2.history?.trend?.map((t) => t.runId.slice(0, 12)), [short(0), short(1)]);
    });

    test('report reads `history:` of kumoscan.yml when --history is not given', async () => {
      const work = mkdtempSync(join(dir, `${engine.name}-cfg-`));
      writeFileSync(join(work, 'kumoscan.yml'), `version: 1\nhistory: ${history}\n`);
      const r = await runCli(['report', out('r2.json'), '--format', 'json'], {}, work);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as Report).history?.publicSince[0]?.latest, NIGHT2);
    });

    test('merge --history stores the merged run once; the merged report shows public since', async () => {
      for (const i of [0, 1]) await ok(['scan', '--input', nights[1] ?? '', '--shard', `${i}/2`, '--format', 'json', '--out', out(`shard${i}.json`), '--discovered-at', '2026-11-05', '--fail-on', 'none', '-q']);
      const merged = await engine.fresh(`merged_${engine.name.toLowerCase()}`);
      await ok(['scan', '--input', nights[0] ?? '', '--history', merged, '--format', 'json', '--out', out('m1.json'), '--fail-on', 'none', '-q']);
      const args = ['merge', out('shard0.json'), out('shard1.json'), '--history', merged, '--format', 'json', '--fail-on', 'none'];
      const first = JSON.parse(await ok(args)) as Report;
      const again = JSON.parse(await ok(args)) as Report;
      const runs = JSON.parse(await ok(['history', 'runs', '--history', merged, '--format', 'json'])) as { runs: { id: string; shard: unknown }[] };
      assert.equal(runs.runs.length, 2, 'the same merge stored twice is one run');
      assert.equal(first.history?.runId, runs.runs[1]?.id);
      assert.equal(again.history?.runId, runs.runs[1]?.id);
      assert.equal(first.history?.publicSince[0]?.earliest, NIGHT1);
      assert.equal(first.history?.publicSince[0]?.resourceId, ID);
    });
  });
}

describe('report --history with a history that cannot be read', () => {
  test('one line, the report written without the history, exit 3 (ja and en)', async () => {
    const bad = join(dir, 'no-such-folder', 'h.db');
    const target = join(dir, 'unreadable.json');
    const en = await runCli(['report', join(dir, 'live2.json'), '--history', bad, '--format', 'json', '--out', target]);
    assert.equal(en.code, 3);
    assert.match(en.stderr, new RegExp(`^kumoscan: the history could not be read \\(the report was written without it\\): history ${bad}: cannot open: [^\\n]+\\n$`));
    assert.equal((JSON.parse(readFileSync(target, 'utf8')) as Report).history, undefined);
    const ja = await runCli(['report', join(dir, 'live2.json'), '--history', bad, '--format', 'json', '--out', target, '--lang', 'ja']);
    assert.equal(ja.code, 3);
    assert.match(ja.stderr, new RegExp(`^kumoscan: 履歴を読み取れませんでした（レポートは履歴の情報なしで出力済み）: 履歴 ${bad}: 開けません: [^\\n]+\\n$`));
  });
});
