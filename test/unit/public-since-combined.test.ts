// The scan's one "public since" per exposed resource (reports/public-since.ts): the earliest of the run history and
// the change that opened it, both sources kept; its line in every format and the PPC draft's 発生日 in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combinePublicSince, combinedPublicSince } from '../../reports/public-since.js';
import { combinedPublicSinceLine, publicSinceLabel, publicSinceLine } from '../../reports/render/public-since-view.js';
import { occurrenceSentence, occurrenceSentenceOf } from '../../reports/appi/occurrence.js';
import type { PublicSince } from '../../src/history/public-since.js';
import type { OpeningChange } from '../../src/evidence/changes/types.js';
import type { Resource } from '../../src/model.js';
import type { Report } from '../../reports/render/json.js';

/** Public in the run of Nov 3 (JST 4th 00:00), private in the run of Nov 2. */
const HISTORY: PublicSince = {
  earliest: '2026-11-02T15:00:00.000Z',
  latest: '2026-11-03T15:00:00.000Z',
  basis: 'history',
  firstPublicRun: { id: 'run3-0123456789abcdef', at: '2026-11-03T15:00:00.000Z' },
  lastPrivateRun: { id: 'run2-0123456789abcdef', at: '2026-11-02T15:00:00.000Z' },
};

function change(time: string, basis: OpeningChange['basis'] = 'opens'): OpeningChange {
  return { time, source: 'cloudtrail', action: 'PutBucketPolicy', principal: 'arn:aws:iam::111122223333:user/ops', sourceIp: '203.0.113.7', userAgent: 'aws-cli', basis };
}

/** Between the last private run and the first public one: the change that opened it. */
const BETWEEN = change('2026-11-03T01:30:00.000Z');
/** After the first public run: the log does not hold the opening. */
const AFTER = change('2026-11-05T01:30:00.000Z');
/** Before a run that still saw it private: it did not open this window. */
const BEFORE = change('2026-11-01T01:30:00.000Z');

test('history only: the first public run, source history', () => {
  assert.deepEqual(combinePublicSince(HISTORY, null), { at: HISTORY.latest, source: 'history', history: HISTORY, change: null });
  assert.deepEqual(combinePublicSince(HISTORY, undefined), { at: HISTORY.latest, source: 'history', history: HISTORY, change: null });
});

test('change only: the change\'s time, source its log', () => {
  assert.deepEqual(combinePublicSince(null, BETWEEN), { at: BETWEEN.time, source: 'cloudtrail', history: null, change: BETWEEN });
  const azure: OpeningChange = { ...BETWEEN, source: 'azure-activity-log' };
  assert.equal(combinePublicSince(undefined, azure)?.source, 'azure-activity-log');
});

test('both, the change earlier: the change wins, the history is kept', () => {
  assert.deepEqual(combinePublicSince(HISTORY, BETWEEN), { at: BETWEEN.time, source: 'cloudtrail', history: HISTORY, change: BETWEEN });
  // Public in the first run recorded (no lower bound): any earlier change fits.
  const noLower: PublicSince = { ...HISTORY, earliest: null, lastPrivateRun: null };
  assert.equal(combinePublicSince(noLower, BEFORE)?.source, 'cloudtrail');
  // At the same time as the first public run: the change names the moment.
  assert.equal(combinePublicSince(HISTORY, change(HISTORY.latest))?.source, 'cloudtrail');
});

test('both, the history earlier: the history wins, the change is kept', () => {
  assert.deepEqual(combinePublicSince(HISTORY, AFTER), { at: HISTORY.latest, source: 'history', history: HISTORY, change: AFTER });
  // A change before a run that still saw it private is earlier but cannot date this window.
  assert.deepEqual(combinePublicSince(HISTORY, BEFORE), { at: HISTORY.latest, source: 'history', history: HISTORY, change: BEFORE });
  assert.equal(combinePublicSince(HISTORY, change(HISTORY.earliest ?? ''))?.source, 'history', 'at the last private run itself: not after it');
});

test('neither: null (unknown)', () => {
  assert.equal(combinePublicSince(null, null), null);
  assert.equal(combinePublicSince(undefined, undefined), null);
});

test('the line: each source named, both kept, in each language', () => {
  assert.deepEqual(combinedPublicSinceLine({ at: HISTORY.latest, source: 'history', history: HISTORY, change: null }), publicSinceLine(HISTORY), 'history only: as before');
  assert.deepEqual(combinedPublicSinceLine({ at: BETWEEN.time, source: 'cloudtrail', history: null, change: BETWEEN }), {
    ja: '2026-11-03 10:30 JST から公開（出典: AWS CloudTrail、PutBucketPolicy）',
    en: 'public since 2026-11-03 10:30 JST (source: AWS CloudTrail, PutBucketPolicy)',
  });
  const both = combinedPublicSinceLine({ at: BETWEEN.time, source: 'cloudtrail', history: HISTORY, change: BETWEEN });
  assert.equal(both.ja, `2026-11-03 10:30 JST から公開（出典: AWS CloudTrail、PutBucketPolicy）。実行履歴: ${publicSinceLine(HISTORY).ja}`);
  assert.equal(both.en, `public since 2026-11-03 10:30 JST (source: AWS CloudTrail, PutBucketPolicy); run history: ${publicSinceLine(HISTORY).en}`);
  const later = combinedPublicSinceLine({ at: HISTORY.latest, source: 'history', history: HISTORY, change: AFTER });
  assert.equal(later.ja, `${publicSinceLine(HISTORY).ja}。変更履歴: 2026-11-05 10:30 JST（AWS CloudTrail、PutBucketPolicy）は、実行履歴ではそれより前から公開のため、公開開始の根拠としていません`);
  assert.equal(later.en, `${publicSinceLine(HISTORY).en}; change log: 2026-11-05 10:30 JST (AWS CloudTrail, PutBucketPolicy), not taken: the run history saw it public before then`);
  const before = combinedPublicSinceLine({ at: HISTORY.latest, source: 'history', history: HISTORY, change: BEFORE });
  assert.match(before.ja, /その後の実行で非公開を確認しているため、公開開始の根拠としていません$/);
  assert.match(before.en, /not taken: a later run still saw it private$/);
  assert.deepEqual(publicSinceLabel([{ history: HISTORY, change: null }]), { ja: '公開開始（実行履歴）', en: 'Public since (run history)' });
  assert.deepEqual(publicSinceLabel([{ history: null, change: BETWEEN }]), { ja: '公開開始（変更履歴）', en: 'Public since (change logs)' });
  assert.deepEqual(publicSinceLabel([{ history: HISTORY, change: BETWEEN }]), { ja: '公開開始（実行履歴・変更履歴）', en: 'Public since (run history and change logs)' });
});

test('the PPC draft\'s 発生日: the source taken, the other kept, each language whole', () => {
  assert.deepEqual(occurrenceSentenceOf({ at: HISTORY.latest, source: 'history', history: HISTORY, change: null }), occurrenceSentence(HISTORY), 'history only: as before');
  assert.deepEqual(occurrenceSentenceOf({ at: BETWEEN.time, source: 'cloudtrail', history: null, change: BETWEEN }), {
    ja: '発生日: 2026-11-03 10:30 JST（根拠: AWS CloudTrail に記録された、公開状態にした設定変更 PutBucketPolicy）。',
    en: 'Date of occurrence (発生日): 2026-11-03 10:30 JST (basis: the change that made it public, PutBucketPolicy, recorded in AWS CloudTrail).',
  });
  assert.deepEqual(occurrenceSentenceOf({ at: BETWEEN.time, source: 'cloudtrail', history: HISTORY, change: BETWEEN }), {
    ja: '発生日: 2026-11-03 10:30 JST（根拠: AWS CloudTrail に記録された、公開状態にした設定変更 PutBucketPolicy）。kumoscan の実行履歴でも、2026-11-03 00:00 JST の実行では非公開、2026-11-04 00:00 JST の実行で公開を確認しています。',
    en: "Date of occurrence (発生日): 2026-11-03 10:30 JST (basis: the change that made it public, PutBucketPolicy, recorded in AWS CloudTrail). kumoscan's run history agrees: private in the run of 2026-11-03 00:00 JST, public in the run of 2026-11-04 00:00 JST.",
  });
  const created = occurrenceSentenceOf({ at: BETWEEN.time, source: 'cloudtrail', history: null, change: { ...BETWEEN, basis: 'created', action: 'CreateBucket' } });
  assert.match(created.ja, /^発生日（推定）: 2026-11-03 10:30 JST（根拠: AWS CloudTrail に記録された作成 CreateBucket。/);
  const later = occurrenceSentenceOf({ at: HISTORY.latest, source: 'history', history: HISTORY, change: AFTER });
  assert.equal(later.ja, `${occurrenceSentence(HISTORY).ja}AWS CloudTrail に記録された設定変更（2026-11-05 10:30 JST、PutBucketPolicy）は、実行履歴ではそれより前から公開されていたため、発生日の根拠としていません。`);
  assert.equal(later.en, `${occurrenceSentence(HISTORY).en} The change recorded in AWS CloudTrail (2026-11-05 10:30 JST, PutBucketPolicy) is not taken as the date: the run history saw it public before then.`);
  // Each language whole: no English words in the Japanese sentences beyond names (the log's product, the API action).
  for (const s of [later.ja, created.ja]) assert.doesNotMatch(s.replace(/AWS CloudTrail|PutBucketPolicy|CreateBucket|kumoscan|JST/g, ''), /[A-Za-z]{3,}/);
});

test('the report\'s publicSince: public resources only, in the report\'s order, either source', () => {
  const resource = (name: string, read: boolean, openedBy?: OpeningChange): Resource =>
    ({ id: `arn:aws:s3:::${name}`, name, exposure: { read, list: false, write: false, aclWrite: false, evidence: [] }, ...(openedBy ? { openedBy: { change: openedBy, from: '2026-08-01T00:00:00.000Z', to: '2026-11-06T00:00:00.000Z' } } : {}) }) as unknown as Resource;
  const report = {
    resources: [resource('both', true, BETWEEN), resource('history-only', true), resource('change-only', true, AFTER), resource('private', false, BETWEEN), resource('neither', true)],
    history: { asOf: '2026-11-06T00:00:00.000Z', runs: 3, publicSince: [{ resourceId: 'arn:aws:s3:::history-only', ...HISTORY }, { resourceId: 'arn:aws:s3:::both', ...HISTORY }] },
  } as unknown as Pick<Report, 'resources' | 'history'>;
  assert.deepEqual(combinedPublicSince(report), [
    { resourceId: 'arn:aws:s3:::both', at: BETWEEN.time, source: 'cloudtrail', history: HISTORY, change: BETWEEN },
    { resourceId: 'arn:aws:s3:::history-only', at: HISTORY.latest, source: 'history', history: HISTORY, change: null },
    { resourceId: 'arn:aws:s3:::change-only', at: AFTER.time, source: 'cloudtrail', history: null, change: AFTER },
  ]);
});
