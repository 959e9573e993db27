// The scan report's HTML draws the trend of its scope's runs when the history gives two or more (issue 15 item 4).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyHistory, type HistoryFacts } from '../../reports/history.js';
import { renderHtml } from '../../reports/render/html.js';
import type { HistoryTrendRow } from '../../reports/render/json.js';
import { assertValidReport } from '../helpers/schema.js';
import { exampleReport } from '../fixtures/render-reports.js';

const row = (runId: string, scannedAt: string, high: number, exposedPersonal: number, resolvedFindings: number | null, complete = true): HistoryTrendRow => ({
  runId,
  scannedAt,
  complete,
  findings: { critical: 0, high, medium: 1, low: 0, info: 2 },
  newFindings: high,
  resolvedFindings,
  exposedPersonal,
});

function facts(trend: HistoryTrendRow[] | undefined): HistoryFacts {
  return { runId: 'run-3', asOf: '2026-11-03T15:00:00.000Z', runs: 3, publicSince: new Map(), closed: new Map(), ...(trend ? { trend } : {}) };
}

describe('the history trend in the scan report', () => {
  const three = [row('run-1', '2026-11-01T15:00:00.000Z', 0, 0, 0), row('run-2', '2026-11-02T15:00:00.000Z', 2, 1, 0), row('run-3', '2026-11-03T15:00:00.000Z', 0, 0, null, false)];

  test('applyHistory carries the rows into history.trend, and the JSON report stays valid against the schema', () => {
    const report = applyHistory(exampleReport('aws'), facts(three));
    assert.deepEqual(report.history?.trend, three);
    assertValidReport(JSON.parse(JSON.stringify(report)));
  });

  test('the HTML draws one bar per run, the partial run marked, in both languages', () => {
    const html = renderHtml(applyHistory(exampleReport('aws'), facts(three)));
    const figure = /<figure[^>]*id="chart-history-trend"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    assert.ok(figure.length > 0, 'the chart is there');
    assert.match(figure, /実行ごとの指摘数と、個人データを含む公開リソース数の推移/);
    assert.match(figure, /Findings per run, and exposed resources with personal data/);
    assert.match(figure, /2026-11-04 00:00 JST: 3 findings, 0 new, unknown resolved, 0 exposed with personal data/);
  });

  test('no chart with fewer than two runs, nor without history', () => {
    assert.doesNotMatch(renderHtml(applyHistory(exampleReport('aws'), facts(three.slice(0, 1)))), /chart-history-trend/);
    assert.doesNotMatch(renderHtml(applyHistory(exampleReport('aws'), facts(undefined))), /chart-history-trend/);
    assert.doesNotMatch(renderHtml(exampleReport('aws')), /chart-history-trend/);
  });
});
