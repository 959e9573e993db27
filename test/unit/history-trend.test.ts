// The pure parts of `history trend` and `history prune`: new and resolved findings per scope (a partial run never
// resolves, a shard is compared with the same shard only), the SVG chart, the table in each language, and
// --keep-days with its cut-off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trendRows, type TrendRow } from '../../src/history/trend.js';
import { renderTrendTable, historyTrendSection } from '../../src/history/trend-render.js';
import { parseKeepDays, pruneCutoff, renderPruneText } from '../../src/history/prune.js';
import { historyTrendChart } from '../../reports/render/html/charts/trend.js';
import type { RunSummary, TrendInput } from '../../src/history/store.js';
import { runSummary } from '../helpers/history-databases.js';

const at = (day: number): string => `2026-11-${String(day).padStart(2, '0')}T15:00:00.000Z`;

function input(day: number, findingIds: string[], opts: Partial<RunSummary> = {}, exposedPersonal = 0): TrendInput {
  return {
    run: runSummary(`run${day}${opts.shard ? `-${opts.shard.index}` : ''}`, at(day), { resources: 3, exposed: 1, findings: { critical: findingIds.length, high: 0, medium: 0, low: 0, info: 0 }, ...opts }),
    findingIds,
    exposedPersonal,
  };
}

const counts = (rows: TrendRow[]): [number, number | null][] => rows.map((r) => [r.newFindings, r.resolvedFindings]);

test('new and resolved findings run by run, oldest first whatever the input order', () => {
  const rows = trendRows([input(3, ['b', 'c']), input(1, ['a', 'b']), input(2, ['a', 'b', 'c'])]);
  assert.deepEqual(rows.map((r) => r.scannedAt), [at(1), at(2), at(3)]);
  assert.deepEqual(counts(rows), [[2, 0], [1, 0], [0, 1]]);
});

test('a partial run never resolves (null), and what it missed is resolved only by the next complete run', () => {
  const rows = trendRows([input(1, ['a', 'b']), input(2, ['c'], { complete: false }), input(3, ['b', 'c']), input(4, [])]);
  // Night 2 (partial) misses a and b: not resolved; it adds c. Night 3 (complete) resolves a; c is not new again.
  assert.deepEqual(counts(rows), [[2, 0], [1, null], [0, 1], [0, 2]]);
});

test('runs are compared within their scope: a shard with the same shard, a --buckets run with the same filter', () => {
  const s0 = { shard: { index: 0, count: 2 } };
  const s1 = { shard: { index: 1, count: 2 } };
  const rows = trendRows([input(1, ['a'], s0), input(1, ['b'], s1), input(2, ['a'], s0), input(2, [], s1), input(3, ['a'], { bucketFilter: ['hr-*'] })]);
  assert.deepEqual(counts(rows), [[1, 0], [1, 0], [0, 0], [0, 1], [1, 0]]);
});

test('severities and exposed resources with personal data are the run\'s own', () => {
  const [row] = trendRows([input(1, ['a'], { findings: { critical: 1, high: 2, medium: 3, low: 4, info: 5 } }, 7)]);
  assert.deepEqual(row?.findings, { critical: 1, high: 2, medium: 3, low: 4, info: 5 });
  assert.equal(row?.exposedPersonal, 7);
});

test('the chart: one stacked bar per run (the partial run marked), the line, one language at a time, values escaped', () => {
  const rows = trendRows([input(1, ['a', 'b'], {}, 1), input(2, ['a'], { complete: false }, 2), input(3, [], {}, 0)]);
  assert.equal(historyTrendChart([], 'en'), '');
  const en = historyTrendChart(rows, 'en');
  assert.match(en, /^<figure class="chart" id="chart-history-trend"><figcaption id="chart-history-trend-cap">Findings per run, and exposed resources with personal data<\/figcaption><svg /);
  assert.equal(en.match(/<g class="tr-run/g)?.length, 3);
  assert.equal(en.match(/<g class="tr-run tr-partial"/g)?.length, 1);
  assert.equal(en.match(/class="sv-critical" data-count="\d+"/g)?.map((m) => m.replace(/\D/g, '')).join(','), '2,1');
  assert.match(en, /<polyline points="[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+" fill="none"/);
  assert.match(en, /<title>2026-11-03 00:00 JST: 1 findings, 0 new, unknown resolved, 2 exposed with personal data \(partial run\)<\/title>/);
  const ja = historyTrendChart(rows, 'ja');
  assert.match(ja, /個人データを含む公開リソース/);
  assert.match(ja, /解消 不明/);
  assert.doesNotMatch(ja.replace(/<[^>]*>/g, ' '), /\b(findings|new|resolved|exposed|partial|Critical)\b/, 'no English in the Japanese text');
  const both = historyTrendChart(rows, 'both');
  assert.match(both, /class="sv-legend l-ja" lang="ja">緊急<\/text><text [^>]*class="sv-legend l-en" lang="en">Critical</);
  // One run: a dot instead of a line.
  assert.match(historyTrendChart(rows.slice(0, 1), 'en'), /<circle [^>]*class="tr-line"/);
});

test('the table and the HTML section, each language whole; accounts are escaped', () => {
  const rows = trendRows([input(1, ['a']), input(2, [], { complete: false, accounts: ['<b>&1'] })]);
  const en = renderTrendTable(rows, 'en');
  assert.match(en, /^Trend over 2 runs \(oldest first\)\n\ncollected at\s+run id\s+cloud\s+accounts\s+shard\s+complete\s+critical\s+high\s+medium\s+low\s+info\s+findings\s+new\s+resolved\s+exposed with personal data\n/);
  assert.match(en, /^2026-11-03 00:00 JST\s+run2\s+aws\s+<b>&1\s+-\s+no \(partial\)\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+unknown\s+0$/m);
  const ja = renderTrendTable(rows, 'ja');
  assert.match(ja, /^2 件の実行の推移（古い順）$/m);
  assert.match(ja, /^2026-11-02 00:00 JST\s+run1\s+aws\s+111122223333\s+-\s+はい\s+1\s+0\s+0\s+0\s+0\s+1\s+1\s+0\s+0$/m);
  assert.doesNotMatch(ja, /\b(new|resolved|findings|partial|unknown|yes|no|Trend)\b/i);
  assert.equal(renderTrendTable([], 'ja'), '履歴に実行はまだありません。\n');
  const section = historyTrendSection(rows, 'en');
  assert.match(section, /<td>&lt;b&gt;&amp;1<\/td>/);
  assert.doesNotMatch(section, /<b>&1/);
  assert.match(section, /<tr data-run="run2" class="partial">/);
});

test('--keep-days: a positive whole number, else one line; the cut-off is N days before now', () => {
  assert.equal(parseKeepDays('30'), 30);
  assert.equal(parseKeepDays(' 7 '), 7);
  for (const bad of ['0', '-1', '1.5', '1e3', 'abc', '', '007x', '365001']) assert.equal(typeof parseKeepDays(bad), 'string', bad);
  assert.equal(parseKeepDays('0'), '--keep-days must be a positive whole number of days (1 to 365000), not "0"');
  assert.equal(pruneCutoff(30, new Date('2026-12-07T21:00:00.000Z')), '2026-11-07T21:00:00.000Z');
  const text = { keepDays: 30, before: '2026-11-07T21:00:00.000Z', resourceRows: 3, findingRows: 5, runs: [input(1, ['a']).run] };
  assert.equal(renderPruneText(text, 'en'), 'Removed 1 run collected before 2026-11-08 06:00 JST (keeping 30 days): 3 resource rows, 5 finding rows.\n  2026-11-02 00:00 JST  run1  3  complete\n');
  assert.equal(renderPruneText({ ...text, runs: [], resourceRows: 0, findingRows: 0 }, 'ja'), '削除するものはありません: 2026-11-08 06:00 JST より前に収集された実行はありません（保持 30 日）。\n');
});
