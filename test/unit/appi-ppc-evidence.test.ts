// The PPC draft's 概要 from the evidence (issue 16 item 3): with the change log and the access logs read, item 1 states
// 発生日 (the change that opened it, and the first download of personal data), 発覚日 (the scan that found it) and
// 経緯 (opening change → first outside read → last read → detection), each sentence citing its source, in Japanese
// and in English, each language whole. Keys are masked; no client address appears, least of all with --redact-ips.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assess } from '../../reports/appi/assessment.js';
import type { PpcDraftItem } from '../../reports/appi/types.js';
import type { Report } from '../../reports/render/json.js';
import { ReadsAccumulator } from '../../src/evidence/reads/summary.js';
import { attachReads } from '../../src/evidence/reads/attach.js';
import type { AccessRecord } from '../../src/evidence/reads/record.js';
import type { ReadsEvidence } from '../../src/evidence/reads/types.js';
import type { ChangesEvidence, OpenedBy } from '../../src/evidence/changes/types.js';
import type { Resource } from '../../src/model.js';
import { packagePath } from '../../src/package-info.js';
import { withData } from '../fixtures/appi-resources.js';
import { runCli } from '../helpers/cli.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { parseSnapshot } from '../../src/snapshot.js';
import { assessmentBlock } from '../../reports/render/assessment-block.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';

const SCANNED = '2026-12-01T00:30:00.000Z';
const WINDOW = { since: null, until: SCANNED };
const PHONE_KEY = 'exports/社員-090-1234-5678.csv';
const IPS = ['203.0.113.1', '203.0.113.2', '198.51.100.9', '192.0.2.77'];

function rec(over: Partial<AccessRecord>): AccessRecord {
  return { time: '2026-11-10T00:00:00.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/employees.csv', anonymous: true, success: true, clientIp: '203.0.113.1', bytesSent: 1000, ...over };
}

/** Three log objects, as S3 delivers them: the first download, a listing and a download of a key with a phone number, the owner and the last download. */
function evidence(bucket = 'kumo-hr', redact = false): ReadsEvidence {
  const acc = new ReadsAccumulator(bucket, WINDOW, true);
  acc.addAll([rec({ time: '2026-11-02T03:04:05.000Z', bucket }), rec({ time: '2026-11-02T03:10:00.000Z', bucket, operation: 'list', key: null })], 'logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B');
  acc.addAll([rec({ time: '2026-11-10T00:00:00.000Z', bucket, key: PHONE_KEY, clientIp: '203.0.113.2' }), rec({ time: '2026-11-10T01:00:00.000Z', bucket, anonymous: false, clientIp: '198.51.100.9' })], 'logs/kumo-hr/2026-11-10-00-00-00-2B3C4D5E6F7A8B9C');
  acc.addAll([rec({ time: '2026-11-20T10:00:00.000Z', bucket, clientIp: '203.0.113.2' })], 'logs/kumo-hr/2026-11-20-10-00-00-3C4D5E6F7A8B9C0D');
  return acc.result({ format: 's3-server-access', location: { bucket: 'kumo-logs', prefix: 'logs/kumo-hr/' }, logs: { objects: 3, bytes: 4000, malformedLines: 0, complete: true }, errors: [] }, redact);
}

const OPENED: OpenedBy = {
  change: { time: '2026-10-05T01:30:00.000Z', source: 'cloudtrail', action: 'PutBucketPolicy', principal: 'arn:aws:iam::123456789012:user/alice', sourceIp: '192.0.2.77', userAgent: 'aws-cli/2.15.0', basis: 'opens' },
  from: '2026-09-02T00:30:00.000Z',
  to: SCANNED,
};

/** The HR bucket of the fixtures (anyone can read it, My Numbers of 40 and 3 persons in two objects), logging on. */
function hr(openedBy: OpenedBy | undefined, reads: ReadsEvidence | undefined): Resource {
  const r = withData({ detections: [['my_number', 'high', 43], ['person_name', 'high', 43]], low: 43 }, (x) => {
    x.logging = true;
    if (x.data) x.data.personalObjects = [{ key: 'exports/employees.csv', persons: 40 }, { key: 'exports/社員-*******5678.csv', persons: 3 }];
    if (openedBy) x.openedBy = openedBy;
  });
  return attachReads(r, reads, false);
}

function overview(r: Resource, discoveredAt?: string): PpcDraftItem['content'] {
  const d = assess([r], [], { scannedAt: SCANNED, ...(discoveredAt ? { discoveredAt } : {}) }).perResource[0]?.ppcDraft;
  const one = d?.find((x) => x.no === 1);
  assert.ok(one, 'item 1');
  return one.content;
}

const HEAD = {
  ja: 'Amazon S3 バケット「kumo-hr」（アカウント: 111122223333、リージョン: ap-northeast-1）が、設定の誤りにより、インターネット上の誰でも中身を読み取れる状態でした（通則ガイドライン3-5-1-1: システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態）。根拠となる設定: bucket-policy Sid "PublicRead"（読み取り）。',
  en: 'The Amazon S3 bucket "kumo-hr" (account: 111122223333, region: ap-northeast-1) could, through a setting mistake, be accessed by anyone on the internet to read the contents (GL 3-5-1-1: personal data made viewable on the internet by a system setting mistake). Settings that allow it: bucket-policy Sid "PublicRead" (read).',
};

describe('item 1 (概要) from the change log and the access logs', () => {
  const c = overview(hr(OPENED, evidence()));

  test('Japanese: 発生日 (the change, then the leak), 発覚日 (the scan), 経緯 in four steps, each sentence with its source', () => {
    assert.equal(
      c.ja,
      HEAD.ja +
        '発生日: 2026-10-05 10:30 JST（公開状態となった日時。出典: AWS CloudTrail、PutBucketPolicy、2026-10-05 10:30 JST、arn:aws:iam::123456789012:user/alice）。' +
        '漏えいの発生（外部の者による個人データの最初の取得）は 2026-11-02 12:04 JST です（出典: S3 サーバーアクセスログ、kumo-logs/logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B）。' +
        '発覚日: 2026-12-01（この状態を見つけた kumoscan のスキャン（2026-12-01 09:30 JST）の日。この日を事態を知った日としています）。' +
        '経緯: (1) 2026-10-05 10:30 JST、arn:aws:iam::123456789012:user/alice による設定変更で公開状態となりました（出典: AWS CloudTrail、PutBucketPolicy）。' +
        '(2) 2026-11-02 12:04 JST、外部の匿名の接続元が「exports/employees.csv」を初めて取得しました（出典: S3 サーバーアクセスログ、kumo-logs/logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B）。' +
        '(3) 2026-11-20 19:00 JST、最後の取得がありました（出典: S3 サーバーアクセスログ、kumo-logs/logs/kumo-hr/2026-11-20-10-00-00-3C4D5E6F7A8B9C0D）。' +
        '記録された外部の者の要求は、匿名の REST.GET.OBJECT 3回、一覧取得1回、接続元2件、取得されたオブジェクト2件（うち個人データを含むもの2件（「exports/employees.csv」2回、「exports/社員-*******5678.csv」1回）、本人43人）です（出典: S3 サーバーアクセスログ、kumo-logs/logs/kumo-hr/、ログ3件）。' +
        '(4) 2026-12-01 09:30 JST、kumoscan のスキャンで、誰でも中身を読み取れる状態と個人データを検出しました（発覚。出典: kumoscan のスキャン結果）。',
    );
  });

  test('English: the same facts and sources, in English', () => {
    assert.equal(
      c.en,
      HEAD.en +
        ' Date of occurrence (発生日): 2026-10-05 10:30 JST (when it became public; source: AWS CloudTrail, PutBucketPolicy, 2026-10-05 10:30 JST, arn:aws:iam::123456789012:user/alice).' +
        ' The leak itself (漏えい: the first download of personal data by an outsider) was at 2026-11-02 12:04 JST (source: S3 server access logs, kumo-logs/logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B).' +
        ' Date of discovery (発覚日): 2026-12-01 (the day of the kumoscan scan that found this state, 2026-12-01 09:30 JST; taken as the day the business knew, 知った日).' +
        ' Course of events (経緯): (1) It was made public by a change by arn:aws:iam::123456789012:user/alice at 2026-10-05 10:30 JST (source: AWS CloudTrail, PutBucketPolicy).' +
        ' (2) 2026-11-02 12:04 JST: an anonymous outsider downloaded "exports/employees.csv" for the first time (source: S3 server access logs, kumo-logs/logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B).' +
        ' (3) 2026-11-20 19:00 JST: the last download (source: S3 server access logs, kumo-logs/logs/kumo-hr/2026-11-20-10-00-00-3C4D5E6F7A8B9C0D).' +
        ' The requests recorded from outsiders: 3 anonymous REST.GET.OBJECT, 1 listing, from 2 addresses, of 2 objects (2 of them with personal data ("exports/employees.csv" 2 times, "exports/社員-*******5678.csv" 1 time), 43 persons) (source: S3 server access logs, kumo-logs/logs/kumo-hr/; 3 log objects).' +
        ' (4) 2026-12-01 09:30 JST: a kumoscan scan found that anyone could read the contents and that it held personal data (discovery; source: the kumoscan scan\'s result).',
    );
  });

  test('each language whole; the key with a phone number masked; no client or caller address', () => {
    // (the head's grant list is the exposure evidence's own text, "(read)", shared with every draft)
    assert.deepEqual(englishWords(c.ja.slice(HEAD.ja.length)), []);
    assert.deepEqual(japaneseOutsideTerms(c.en.replace(/発生日|発覚日|経緯/g, '')), []);
    for (const t of [c.ja, c.en]) {
      assert.ok(!t.includes('090-1234-5678'));
      for (const ip of IPS) assert.ok(!t.includes(ip), ip);
    }
  });
});

describe('item 1 with part of the evidence', () => {
  test('a leak, but no change in the log opened it: 発生日 is the first download at the latest, and why the opening is unknown', () => {
    const c = overview(hr({ change: null, reason: 'no-change', from: OPENED.from, to: SCANNED }, evidence()));
    assert.ok(
      c.ja.includes(
        '発生日: 遅くとも 2026-11-02 12:04 JST（外部の者による個人データの最初の取得、漏えいの発生。出典: S3 サーバーアクセスログ、kumo-logs/logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B）。公開状態となった日時は不明です（公開にした変更: 記録期間（2026-09-02 09:30 JST〜2026-12-01 09:30 JST）に見つかりません）。',
      ),
      c.ja,
    );
    assert.ok(c.en.includes('Date of occurrence (発生日): 2026-11-02 12:04 JST at the latest (the first download of personal data by an outsider, the leak (漏えい); source: S3 server access logs, kumo-logs/logs/kumo-hr/2026-11-02-03-04-05-1A2B3C4D5E6F7A8B). When it became public is unknown (Opened by: no change in the log (2026-09-02 09:30 JST – 2026-12-01 09:30 JST) opened it).'), c.en);
    assert.match(c.ja, /経緯: \(1\) 公開にした変更: 記録期間（.*）に見つかりません。\(2\) 2026-11-02 12:04 JST、外部の匿名の接続元が/);
  });

  test('the change only (no access logs read): 発生日 from the change, 経緯 from the change to the scan', () => {
    const c = overview(hr(OPENED, undefined));
    assert.ok(c.ja.includes('発生日: 2026-10-05 10:30 JST（公開状態となった日時。出典: AWS CloudTrail、PutBucketPolicy、2026-10-05 10:30 JST、arn:aws:iam::123456789012:user/alice）。発覚日: 2026-12-01'), c.ja);
    assert.match(c.ja, /経緯: \(1\) 2026-10-05 10:30 JST、arn:aws:iam::123456789012:user\/alice による設定変更で公開状態となりました（出典: AWS CloudTrail、PutBucketPolicy）。\(2\) 2026-12-01 09:30 JST、kumoscan のスキャンで/);
    assert.doesNotMatch(c.en, /The leak itself/);
  });

  test('logs read whole with no outsider: no leak in 発生日, and 経緯 says the logs show no download', () => {
    const acc = new ReadsAccumulator('kumo-hr', WINDOW, true);
    acc.addAll([rec({ anonymous: false })], 'logs/kumo-hr/2026-11-10-00-00-00-2B3C4D5E6F7A8B9C');
    const none = acc.result({ format: 's3-server-access', location: { bucket: 'kumo-logs', prefix: 'logs/kumo-hr/' }, logs: { objects: 1, bytes: 300, malformedLines: 0, complete: true }, errors: [] }, false);
    const c = overview(hr(OPENED, none));
    assert.ok(c.ja.includes('(2) アクセスログに外部の者による取得はありません（出典: S3 サーバーアクセスログ、kumo-logs/logs/kumo-hr/、ログ1件）。(3) '), c.ja);
    assert.ok(c.en.includes('(2) The access logs show no download by outsiders (source: S3 server access logs, kumo-logs/logs/kumo-hr/; 1 log object). (3) '), c.en);
  });

  test('--discovered-at: 発覚日 is the day given, and says so beside the scan that found it', () => {
    const c = overview(hr(OPENED, evidence()), '2026-12-03');
    assert.ok(c.ja.includes('発覚日: 2026-12-03（--discovered-at で指定された、事態を知った日。この状態を見つけた kumoscan のスキャンは 2026-12-01 09:30 JST）。'), c.ja);
    assert.ok(c.en.includes('Date of discovery (発覚日): 2026-12-03 (the day the business knew, 知った日, given with --discovered-at; the kumoscan scan that found this state ran at 2026-12-01 09:30 JST).'), c.en);
  });

  test('no evidence read: item 1 as before (the scan and the day of knowing, where to look)', () => {
    const c = overview(hr(undefined, undefined));
    assert.ok(c.ja.endsWith('設定の点検（kumoscan によるスキャン、2026-12-01 09:30 JST）で判明し、2026-12-01 を事態を知った日としています。公開状態となった時期は、設定変更の履歴（監査ログ）で確認してください。'), c.ja);
    assert.doesNotMatch(c.ja, /発覚日|経緯/);
  });
});

/** The AWS example with its HR bucket's access logging on and the evidence of the fixtures in the snapshot. */
function exampleWithEvidence(): Record<string, unknown> {
  const snapshot = JSON.parse(readFileSync(packagePath('examples', 'aws-hr-system.snapshot.json'), 'utf8')) as { buckets: { Name: string; Logging?: unknown }[]; evidence?: unknown };
  const bucket = snapshot.buckets.find((b) => b.Name === 'hr-system-employees');
  assert.ok(bucket);
  bucket.Logging = { LoggingEnabled: { TargetBucket: 'kumo-logs', TargetPrefix: 'logs/kumo-hr/' } };
  const changes: ChangesEvidence = {
    source: 'cloudtrail',
    from: OPENED.from,
    to: SCANNED,
    events: [{ time: '2026-10-05T01:30:00.000Z', source: 'cloudtrail', action: 'PutBucketPolicy', target: { kind: 'resource', name: 'hr-system-employees' }, effect: 'opens', principal: 'arn:aws:iam::123456789012:user/alice', sourceIp: '192.0.2.77', userAgent: 'aws-cli/2.15.0' }],
    truncated: false,
    errors: [],
  };
  snapshot.evidence = { changes, reads: { 'arn:aws:s3:::hr-system-employees': evidence('hr-system-employees') } };
  return snapshot;
}

test('the terminal\'s APPI block: "Public since" with the change, in each language', () => {
  const report = evaluateSnapshot(parseSnapshot(JSON.stringify(exampleWithEvidence())), { source: 'snapshot', failOn: 'none', scannedAt: SCANNED });
  const block = (lang: 'ja' | 'en'): string => assessmentBlock([report], lang).join('\n').replace(/\s+/g, ' ');
  assert.ok(block('ja').includes(' 公開状態の開始 2026-10-05 10:30 JST（arn:aws:iam::123456789012:user/alice による変更。出典: AWS CloudTrail） 推定 '), block('ja'));
  assert.ok(block('en').includes(' Public since 2026-10-05 10:30 JST (a change by arn:aws:iam::123456789012:user/alice; source: AWS CloudTrail) Estimate '), block('en'));
});

test('the terminal\'s APPI block: when the run history saw it public before the change, the row says the history and why the change is not taken', () => {
  const report = evaluateSnapshot(parseSnapshot(JSON.stringify(exampleWithEvidence())), { source: 'snapshot', failOn: 'none', scannedAt: SCANNED });
  // Public in the run of 2026-09-01 (JST), never seen private: earlier than the CloudTrail change of 2026-10-05.
  const run = { id: 'run1-0123456789abcdef', at: '2026-09-01T00:00:00.000Z' };
  report.history = { asOf: SCANNED, runs: 1, publicSince: [{ resourceId: 'arn:aws:s3:::hr-system-employees', earliest: null, latest: run.at, basis: 'history', firstPublicRun: run, lastPrivateRun: null }] };
  const block = (lang: 'ja' | 'en'): string => assessmentBlock([report], lang).join('\n').replace(/\s+/g, ' ');
  // Japanese lines wrap anywhere: compare without white space.
  const ja = block('ja').replace(/\s+/g, '');
  assert.ok(ja.includes('公開状態の開始遅くとも2026-09-0109:00JSTから公開'), ja);
  assert.ok(ja.includes('実行履歴ではそれより前から公開のため、公開開始の根拠としていません'), ja);
  assert.ok(block('en').includes('not taken: the run history saw it public before then'), block('en'));
});

describe('scan --input --redact-ips with the evidence in the snapshot', () => {
  test('the draft keeps its 経緯; no client or caller address and no raw key anywhere in the report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kumoscan-ppc-evidence-')), 'snapshot.json');
    writeFileSync(file, JSON.stringify(exampleWithEvidence()));
    const run = await runCli(['scan', '--input', file, '--redact-ips', '--format', 'json', '--quiet', '--fail-on', 'none']);
    // 3: the example keeps a bucket whose ACL and policy were denied (its recorded errors), as without evidence.
    assert.equal(run.code, 3, run.stderr);
    for (const ip of IPS) assert.ok(!run.stdout.includes(ip), `${ip} in the report`);
    assert.ok(!run.stdout.includes('090-1234-5678'));
    const report = JSON.parse(run.stdout) as Report;
    const item1 = report.assessment.perResource.find((p) => p.resourceId === 'arn:aws:s3:::hr-system-employees')?.ppcDraft?.find((x) => x.no === 1)?.content;
    assert.match(item1?.ja ?? '', /経緯: \(1\) 2026-10-05 10:30 JST、arn:aws:iam::123456789012:user\/alice による設定変更で公開状態となりました/);
    assert.match(item1?.en ?? '', /\(3\) 2026-11-20 19:00 JST: the last download \(source: S3 server access logs, kumo-logs\/logs\/kumo-hr\/2026-11-20-10-00-00-3C4D5E6F7A8B9C0D\)/);
    // Without --redact-ips the addresses are in the JSON evidence (forensics needs them), never in the draft.
    const open = await runCli(['scan', '--input', file, '--format', 'json', '--quiet', '--fail-on', 'none']);
    assert.ok(open.stdout.includes('203.0.113.2') && open.stdout.includes('192.0.2.77'));
    const draft = JSON.stringify((JSON.parse(open.stdout) as Report).assessment.perResource.map((p) => p.ppcDraft));
    for (const ip of IPS) assert.ok(!draft.includes(ip), `${ip} in the draft`);
  });
});
