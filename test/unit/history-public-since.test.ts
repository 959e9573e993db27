// "Public since" from the history (src/history/public-since.ts) and a report enriched with it (reports/history.ts):
// the window open at the report's run with both bounds, the closed window of a fix, and the texts every format shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, type Timeline } from '../../src/history/timeline.js';
import type { Observation, RunSummary } from '../../src/history/store.js';
import { closedWindowAt, publicSinceAt } from '../../src/history/public-since.js';
import { publicSinceLine } from '../../reports/render/public-since-view.js';
import { occurrenceRange, occurrenceSentence } from '../../reports/appi/occurrence.js';
import { deadlinesFor } from '../../reports/appi/deadlines.js';
import { deadlineTimeline, timelineRows } from '../../reports/render/html/charts/deadline-timeline.js';

const ID = 'arn:aws:s3:::hr';
const at = (day: number): string => `2026-11-0${day}T15:00:00.000Z`;

function run(day: number): RunSummary {
  return {
    id: `run${day}-0123456789abcdef`, provider: 'aws', accounts: ['111122223333'], scannedAt: at(day), storedAt: at(9), version: '0.1.0', shard: null,
    bucketFilter: [], source: 'snapshot', complete: true, errors: 0, resources: 1, exposed: 0, findings: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  };
}

function timeline(states: (boolean | null)[]): Timeline {
  const obs: Observation[] = states.map((read, i) => ({
    runId: `run${i + 1}-0123456789abcdef`, resourceId: ID, name: 'hr', account: '111122223333', read, list: false, write: false, aclWrite: false,
    errors: 0, personalData: null, classes: [], personsLow: null, personsHigh: null, personsDeclared: null,
  }));
  const tl = buildTimeline(obs, states.map((_, i) => run(i + 1)));
  assert.ok(tl);
  return tl;
}

const ref = (day: number) => ({ id: `run${day}-0123456789abcdef`, at: at(day) });

test('private → public: public since between the last private run and the first public one', () => {
  const tl = timeline([false, false, true, true]);
  const expected = { earliest: at(2), latest: at(3), basis: 'history', firstPublicRun: ref(3), lastPrivateRun: ref(2) };
  assert.deepEqual(publicSinceAt(tl, at(4)), expected);
  assert.deepEqual(publicSinceAt(tl, at(3)), expected);
  assert.equal(publicSinceAt(tl, at(2)), null, 'not public yet at the second run');
  assert.equal(closedWindowAt(tl, at(4)), null);
});

test('public in the first run recorded: no lower bound, no last private run', () => {
  assert.deepEqual(publicSinceAt(timeline([true, true]), at(2)), { earliest: null, latest: at(1), basis: 'history', firstPublicRun: ref(1), lastPrivateRun: null });
});

test('an unknown run moves no bound; a second window is the one open at the report', () => {
  const tl = timeline([false, null, true, false, true]);
  assert.deepEqual(publicSinceAt(tl, at(3)), { earliest: at(1), latest: at(3), basis: 'history', firstPublicRun: ref(3), lastPrivateRun: ref(1) });
  assert.equal(publicSinceAt(tl, at(4)), null, 'resolved by the fourth run');
  assert.deepEqual(publicSinceAt(tl, at(5)), { earliest: at(4), latest: at(5), basis: 'history', firstPublicRun: ref(5), lastPrivateRun: ref(4) });
});

test('fixed: the closed window with the bounds of its start and of its end', () => {
  const tl = timeline([false, true, true, false]);
  assert.deepEqual(closedWindowAt(tl, at(4)), {
    publicSince: { earliest: at(1), latest: at(2), basis: 'history', firstPublicRun: ref(2), lastPrivateRun: ref(1) },
    resolved: { after: at(3), by: at(4), lastPublicRun: ref(3), firstPrivateRun: ref(4) },
  });
  assert.equal(closedWindowAt(tl, at(3)), null, 'still public at the third run');
});

test('the texts: public since, 発生日 and its short range, each language whole', () => {
  const both = publicSinceAt(timeline([false, true]), at(2));
  const first = publicSinceAt(timeline([true]), at(1));
  assert.ok(both && first);
  assert.deepEqual(publicSinceLine(both), {
    ja: '2026-11-02 00:00 JST から 2026-11-03 00:00 JST の間に公開（最後に非公開だった実行 run1-0123456 ／ 最初に公開だった実行 run2-0123456）',
    en: 'public since between 2026-11-02 00:00 JST and 2026-11-03 00:00 JST (last private run run1-0123456 / first public run run2-0123456)',
  });
  assert.deepEqual(publicSinceLine(first), {
    ja: '遅くとも 2026-11-02 00:00 JST から公開（記録された最初の実行 run1-0123456 で既に公開）',
    en: 'public since at least 2026-11-02 00:00 JST (public in the first run recorded, run1-0123456)',
  });
  assert.deepEqual(occurrenceRange(first), { ja: '遅くとも 2026-11-02 00:00 JST（実行履歴による推定）', en: '2026-11-02 00:00 JST at the latest (estimated from the run history)' });
  assert.equal(
    occurrenceSentence(first).ja,
    '発生日（推定）: 遅くとも 2026-11-02 00:00 JST（根拠: kumoscan の実行履歴。記録された最初の実行（2026-11-02 00:00 JST）で既に公開されており、それより前の記録はありません）。公開状態となった時期は、設定変更の履歴（監査ログ）で確認してください。',
  );
  for (const p of [both, first]) for (const text of [publicSinceLine(p).ja, occurrenceRange(p).ja, occurrenceSentence(p).ja]) assert.doesNotMatch(text, /\b(public|private|run|between|since|history)\b/);
});

test('the HTML deadline timeline draws 発生日 before 知った日 when the history gives it, and not without', () => {
  const since = publicSinceAt(timeline([false, true]), at(2));
  assert.ok(since);
  const base = deadlinesFor('2026-11-05', { categories: [], myNumberAct: { applies: true, reason: { ja: '', en: '' } } });
  const withOccurred = deadlineTimeline(timelineRows([{ name: 'hr', deadlines: { ...base, occurred: since } }]), '2026-11-06');
  assert.match(withOccurred, /data-part="occurred"/);
  assert.match(withOccurred, />発生 11-02〜11-03</);
  assert.match(withOccurred, />occurred 11-02〜11-03</);
  assert.match(withOccurred, /発生日（推定）→ 知った日/);
  const without = deadlineTimeline(timelineRows([{ name: 'hr', deadlines: base }]), '2026-11-06');
  assert.doesNotMatch(without, /occurred|発生/);
});
