// The HTML report's charts: pure functions from plain data to SVG strings. Each is asserted on what a reader sees —
// the elements drawn, their order and counts, the cap with its "N more" line — and on drawing nothing when there is
// nothing to show (no empty chart).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Deadlines } from '../../reports/appi/types.js';
import { categoryBars } from '../../reports/render/html/charts/category-bars.js';
import { deadlineTimeline, timelineRows } from '../../reports/render/html/charts/deadline-timeline.js';
import { exposureMatrix } from '../../reports/render/html/charts/exposure-matrix.js';
import { severityBars } from '../../reports/render/html/charts/severity-bars.js';
import { trendChart } from '../../reports/render/html/charts/trend.js';
import { charts, trendPoints } from '../../reports/render/html/charts/index.js';
import { allViews } from '../../reports/render/view.js';
import { applyBaseline } from '../../reports/baseline.js';
import { exampleReport, profiledReport } from '../fixtures/render-reports.js';
import { LONG_ACCOUNT_ID, LONG_CONTAINER_ID, longAzureIdReport } from '../fixtures/azure-long-ids.js';
import { fitLabel, LABEL_PX_PER_COLUMN } from '../../reports/render/html/charts/svg.js';

const note = { ja: 'n', en: 'n' };
function deadlines(discoveredAt: string, to: string, due: string): Deadlines {
  return { discoveredAt, preliminary: { from: discoveredAt, to, note }, final: { due, days: 30, note }, notifyPersons: note } as Deadlines;
}

function count(svg: string, re: RegExp): number {
  return (svg.match(re) ?? []).length;
}

describe('deadline timeline', () => {
  test('one line per distinct set of dates: 知った日, the 速報 window and 確報, with today marked between them', () => {
    const rows = timelineRows([
      { name: 'a', deadlines: deadlines('2026-12-01', '2026-12-04', '2026-12-31') },
      { name: 'b', deadlines: deadlines('2026-12-01', '2026-12-04', '2026-12-31') },
      { name: 'c', deadlines: null },
    ]);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.names, ['a', 'b']);
    const svg = deadlineTimeline(rows, '2026-12-07');
    assert.match(svg, /<figure class="chart" id="chart-deadlines">/);
    assert.match(svg, /<svg role="img" aria-labelledby="chart-deadlines-cap"/);
    for (const part of ['discovered', 'preliminary', 'final', 'today']) assert.equal(count(svg, new RegExp(`data-part="${part}"`, 'g')), 1, part);
    assert.ok(svg.includes('確報 2026-12-31') && svg.includes('今日 2026-12-07') && svg.includes('today 2026-12-07'));
    // Today (day 6 of 30) lies between the known day and the final date on the x axis.
    const x = (part: string): number => Number(new RegExp(`<(?:circle|line|rect)[^>]*?(?:cx|x1|x)="([\\d.]+)"[^>]*data-part="${part}"`).exec(svg)?.[1]);
    assert.ok(x('discovered') < x('today'), 'today after 知った日');
    assert.ok(x('today') < 624, 'today before 確報');
  });

  test('nothing to draw without dates', () => {
    assert.equal(deadlineTimeline([], '2026-12-07'), '');
  });
});

describe('exposure matrix', () => {
  test('rows for resources with a yes or an unknown; cells coloured yes / no / unknown; a personal-data marker; capped with a count', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ name: `r${i}`, read: i === 0 ? true : i === 1 ? null : i < 18, list: false, write: false, personal: i === 0 ? true : null }));
    rows.push({ name: 'closed', read: false, list: false, write: false, personal: true });
    const svg = exposureMatrix(rows, 5);
    assert.equal(count(svg, /class="mx-name"/g), 5);
    assert.equal(count(svg, /class="mx-yes" data-cell="read"/g), 4, 'r0, r2, r3, r4');
    assert.equal(count(svg, /class="mx-null" data-cell="read"/g), 1, 'r1');
    assert.equal(count(svg, /class="mx-pd"/g), 1, 'r0 holds personal data');
    assert.match(svg, /data-more="13"/, '18 rows with a yes or unknown, 5 shown');
    assert.ok(!svg.includes('>closed<'));
  });

  test('no chart when nothing is open to anyone', () => {
    assert.equal(exposureMatrix([{ name: 'x', read: false, list: false, write: false, personal: true }]), '');
  });
});

describe('severity bars', () => {
  const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  test('one stacked bar per account, worst first, with the total; accounts without findings left out', () => {
    const svg = severityBars([
      { label: 'AWS S3 1', counts: { ...zero, medium: 5 } },
      { label: 'AWS S3 2', counts: { ...zero, critical: 1, low: 2 } },
      { label: 'GCS p', counts: zero },
    ]);
    const names = [...svg.matchAll(/class="sv-name">([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(names, ['AWS S3 2', 'AWS S3 1']);
    assert.match(svg, /data-sev="critical" data-count="1"/);
    assert.match(svg, /data-sev="medium" data-count="5"/);
    assert.ok(svg.includes('>3</text>') && svg.includes('>5</text>'), 'totals');
    assert.equal(severityBars([{ label: 'x', counts: zero }]), '');
  });
});

describe('categories and trend', () => {
  test('categories: bars for the classes present, counted out of the exposed resources with personal data', () => {
    const svg = categoryBars(
      [
        { id: 'specific_personal_information', label: { ja: '特定個人情報', en: 'My Number' }, resources: 2 },
        { id: 'sensitive', label: { ja: '要配慮', en: 'sensitive' }, resources: 0 },
      ],
      3,
    );
    assert.match(svg, /data-category="specific_personal_information" data-count="2"/);
    assert.ok(!svg.includes('data-category="sensitive"'));
    assert.ok(svg.includes('2 / 3'));
    assert.equal(categoryBars([], 0), '');
  });

  test('trend: the baseline run and this run, or no chart at all', () => {
    const svg = trendChart([
      { kind: 'baseline', at: '2026-11-01T00:00:00Z', unchanged: 4, other: 2 },
      { kind: 'current', at: '2026-12-01T00:00:00Z', unchanged: 4, other: 1 },
    ]);
    assert.match(svg, /id="chart-trend"/);
    assert.ok(svg.includes('ベースライン 2026-11-01') && svg.includes('this run 2026-12-01'));
    assert.match(svg, /class="tr-resolved" data-count="2"/);
    assert.match(svg, /class="tr-new" data-count="1"/);
    assert.equal(trendChart([]), '');
  });

  test('from reports: a profiled report gets the timeline, the matrix, the categories and the severity chart; a trend only with a baseline', async () => {
    const { report } = await profiledReport();
    const ids = charts([report], allViews([report]), '2026-11-25').map((c) => /id="(chart-[a-z]+)"/.exec(c)?.[1]);
    assert.deepEqual(ids, ['chart-deadlines', 'chart-exposure', 'chart-categories', 'chart-severity']);
    assert.deepEqual(trendPoints([report]), []);
    const earlier = exampleReport('gcp');
    const compared = applyBaseline(report, earlier, { file: 'before.json' });
    const points = trendPoints([compared]);
    assert.equal(points.length, 2);
    assert.equal(points[1]?.unchanged, compared.summary.baseline?.unchanged);
    assert.equal(points[1]?.other, compared.summary.baseline?.new);
    assert.ok(charts([compared], allViews([compared]), '2026-11-25').some((c) => c.includes('id="chart-trend"')));
  });
});

describe('names in the charts: short, with the full id as a tooltip', () => {
  test('an Azure container with a 180-character ARM id is "account/container" in every chart, the ARM id in a <title>; each label fits its room', () => {
    assert.equal(LONG_CONTAINER_ID.length, 180);
    const report = longAzureIdReport();
    const svg = charts([report], allViews([report]), '2026-12-07');
    const byId = new Map(svg.map((c) => [/id="(chart-[a-z]+)"/.exec(c)?.[1], c]));
    assert.deepEqual([...byId.keys()], ['chart-deadlines', 'chart-exposure', 'chart-categories', 'chart-severity']);
    const names = (c: string | undefined, cls: string): string[] => [...(c ?? '').matchAll(new RegExp(`class="${cls}">([^<]*)<`, 'g'))].map((m) => m[1] ?? '');
    assert.deepEqual(names(byId.get('chart-deadlines'), 'tl-name'), ['kumohrsystem/hr-system']);
    assert.ok(names(byId.get('chart-exposure'), 'mx-name').includes('kumohrsystem/hr-system'));
    assert.deepEqual(names(byId.get('chart-severity'), 'sv-name').sort(), ['Azure Blob Storage kumohrsystem', 'Azure Blob Storage kumolegacy']);
    // The full id is there for who needs it: the tooltip of the name.
    assert.ok(byId.get('chart-deadlines')?.includes(`<g class="chart-name"><title>${LONG_CONTAINER_ID}</title><text`));
    assert.ok(byId.get('chart-exposure')?.includes(`<title>${LONG_CONTAINER_ID}</title>`));
    assert.ok(byId.get('chart-severity')?.includes(`<title>Azure Blob Storage ${LONG_ACCOUNT_ID}</title>`));
    // No label text is an ARM id.
    for (const c of svg) assert.doesNotMatch(c.replace(/<title>[^<]*<\/title>/g, ''), />[^<]*\/subscriptions\//);
  });

  test('a name longer than its room is cut with … to the columns that fit (a wide character counts two)', () => {
    const svg = exposureMatrix([{ name: `acct/${'c'.repeat(63)}`, id: 'full-id', read: true, list: false, write: false, personal: true }]);
    const shown = /class="mx-name">([^<]*)</.exec(svg)?.[1] ?? '';
    assert.ok(shown.endsWith('…'));
    assert.ok([...shown].length * LABEL_PX_PER_COLUMN <= 300 - 8, shown);
    assert.equal(fitLabel('社員名簿'.repeat(20), 70), '社員名簿…');
  });
});
