// Deadlines (規則第8条, 法第26条第2項): 30 / 60 days, date arithmetic across month and year ends and leap days,
// the Asia/Tokyo scan date as default, --discovered-at through evaluateSnapshot and the CLI, and no clock inside.
import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { addDays, deadlinesFor, earliestDeadlines, finalDays, parseIsoDate, tokyoDate } from '../../reports/appi/deadlines.js';
import { assess } from '../../reports/appi/assessment.js';
import type { CategoryEstimate, Reportability } from '../../reports/appi/types.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { packagePath } from '../../src/package-info.js';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';
import { withData } from '../fixtures/appi-resources.js';

const FIXTURE = packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json');

function estimate(category3: CategoryEstimate['applies'], myNumber = false): Pick<Reportability, 'categories' | 'myNumberAct'> {
  return {
    categories: [1, 2, 3, 4].map((n) => ({ category: n as 1 | 2 | 3 | 4, applies: n === 3 ? category3 : false, reason: { ja: 'x', en: 'x' } })),
    myNumberAct: { applies: myNumber, reason: { ja: 'x', en: 'x' } },
  };
}

describe('dates', () => {
  test('parseIsoDate accepts real calendar dates only', () => {
    assert.equal(parseIsoDate('2026-11-22'), '2026-11-22');
    assert.equal(parseIsoDate(' 2028-02-29 '), '2028-02-29');
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-05', '20261122', '2026/11/22', '2026-11-22T00:00:00Z', '']) {
      assert.equal(parseIsoDate(bad), null, bad);
    }
  });

  test('addDays crosses month ends, year ends and leap days', () => {
    assert.equal(addDays('2026-01-30', 2), '2026-02-01');
    assert.equal(addDays('2026-02-27', 2), '2026-03-01');
    assert.equal(addDays('2028-02-27', 2), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-04-30', 0), '2026-04-30');
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
  });

  test('the scan date is taken in Asia/Tokyo (UTC+9, no daylight saving)', () => {
    assert.equal(tokyoDate('2026-11-30T14:59:59.999Z'), '2026-11-30');
    assert.equal(tokyoDate('2026-11-30T15:00:00.000Z'), '2026-12-01');
    assert.equal(tokyoDate('2026-12-31T20:00:00+00:00'), '2027-01-01');
    assert.throws(() => tokyoDate('yesterday'), RangeError);
  });
});

describe('deadlinesFor (the day of knowing is day 1)', () => {
  test('30 days when category 3 does not apply: preliminary days 3–5, final day 30', () => {
    const d = deadlinesFor('2026-01-31', estimate(false));
    assert.equal(d.discoveredAt, '2026-01-31');
    assert.deepEqual([d.preliminary.from, d.preliminary.to], ['2026-02-02', '2026-02-04']);
    assert.deepEqual([d.final.days, d.final.due], [30, '2026-03-01']);
    assert.match(d.final.note.ja, /知った日から30日以内/);
    assert.doesNotMatch(d.final.note.ja, /番号法/);
  });

  test('60 days when category 3 cannot be ruled out, or applies', () => {
    for (const c3 of [null, true] as const) {
      const d = deadlinesFor('2026-11-22', estimate(c3));
      assert.deepEqual([d.final.days, d.final.due], [60, '2027-01-20']);
      assert.match(d.final.note.ja, /60日以内.*規則第7条第3号/);
      assert.match(d.final.note.en, /60 days because category 3/);
    }
    assert.equal(finalDays(estimate(null)), 60);
    assert.equal(finalDays(estimate(false)), 30);
  });

  test('across a leap February', () => {
    const d30 = deadlinesFor('2028-01-15', estimate(false));
    const d60 = deadlinesFor('2028-01-15', estimate(null));
    assert.equal(d30.final.due, '2028-02-13');
    assert.equal(d60.final.due, '2028-03-14');
    assert.deepEqual([d30.preliminary.from, d30.preliminary.to], ['2028-01-17', '2028-01-19']);
  });

  test('across the year end', () => {
    const d = deadlinesFor('2026-12-30', estimate(false));
    assert.deepEqual([d.preliminary.from, d.preliminary.to, d.final.due], ['2027-01-01', '2027-01-03', '2027-01-28']);
  });

  test('notes: 速報 3–5 days, 本人への通知 promptly, and the My Number Act when it applies', () => {
    const d = deadlinesFor('2026-11-22', estimate(null, true));
    assert.match(d.preliminary.note.ja, /概ね3～5日以内/);
    assert.match(d.preliminary.note.en, /about 3–5 days/);
    assert.match(d.notifyPersons.ja, /本人への通知（法第26条第2項）: .*速やかに/);
    assert.match(d.final.note.ja, /番号法第29条の4/);
  });

  test('earliestDeadlines: the earliest final report; null when nothing is reportable', () => {
    const a = deadlinesFor('2026-11-22', estimate(null));
    const b = deadlinesFor('2026-11-22', estimate(false));
    assert.equal(earliestDeadlines([a, null, b]), b);
    assert.equal(earliestDeadlines([a]), a);
    assert.equal(earliestDeadlines([null, null]), null);
    assert.equal(earliestDeadlines([]), null);
  });
});

describe('the day of knowing in assess()', () => {
  const exposed = withData({ detections: [['sensitive_health', 'high', 3]] });

  test('default: the scan date in Asia/Tokyo', () => {
    const a = assess([exposed], [], { scannedAt: '2026-11-30T15:30:00.000Z' });
    assert.equal(a.discoveredAt, '2026-12-01');
    assert.equal(a.perResource[0]?.deadlines?.discoveredAt, '2026-12-01');
    assert.equal(a.deadlines?.final.due, '2027-01-29');
  });

  test('--discovered-at overrides it', () => {
    const a = assess([exposed], [], { scannedAt: '2026-11-30T15:30:00.000Z', discoveredAt: '2026-10-01' });
    assert.equal(a.discoveredAt, '2026-10-01');
    assert.deepEqual([a.deadlines?.preliminary.from, a.deadlines?.final.due], ['2026-10-03', '2026-11-29']);
  });

  test('pure: the clock does not change the assessment', () => {
    const opts = { scannedAt: '2026-11-30T15:30:00.000Z' };
    mock.timers.enable({ apis: ['Date'], now: Date.UTC(2001, 0, 1) });
    try {
      const early = assess([exposed], [], opts);
      mock.timers.setTime(Date.UTC(2040, 5, 30));
      assert.deepEqual(assess([exposed], [], opts), early);
    } finally {
      mock.timers.reset();
    }
  });

  test('no deadlines for a resource that is not reportable', () => {
    const a = assess([withData({}, (r) => (r.logging = true))], [], { scannedAt: '2026-11-30T00:00:00.000Z' });
    assert.equal(a.perResource[0]?.reportability?.result, 'unlikely');
    assert.equal(a.perResource[0]?.deadlines, null);
    assert.equal(a.deadlines, null);
  });
});

describe('--discovered-at through evaluateSnapshot and the CLI', () => {
  test('EvaluateOptions.discoveredAt reaches the report', () => {
    const report = evaluateSnapshot(readSnapshotFile(FIXTURE), { source: 'snapshot', failOn: 'none', scannedAt: '2026-11-30T15:30:00.000Z', discoveredAt: '2026-11-25' });
    assertValidReport(report);
    assert.equal(report.assessment.discoveredAt, '2026-11-25');
    const hr = report.assessment.perResource.find((p) => p.resourceId === 'arn:aws:s3:::hr-exports-1500');
    assert.deepEqual([hr?.deadlines?.final.days, hr?.deadlines?.final.due], [60, '2027-01-23']);
  });

  test('kumoscan scan --discovered-at 2026-11-25', async () => {
    const res = await runCli(['scan', '--input', FIXTURE, '--format', 'json', '--discovered-at', '2026-11-25']);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.equal(report.assessment.discoveredAt, '2026-11-25');
    assert.equal(report.assessment.deadlines?.preliminary.from, '2026-11-27');
  });

  test('a date that does not exist is a usage error (exit 2)', async () => {
    const res = await runCli(['scan', '--input', FIXTURE, '--format', 'json', '--discovered-at', '2026-02-30']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /--discovered-at.*must be a date YYYY-MM-DD/);
    assert.equal(res.stdout, '');
  });
});
