// The change that opened a resource in every report format, each language whole: the AWS example snapshot with an
// evidence.changes, evaluated offline (as --input does) and rendered as table, Markdown, CSV, HTML, SARIF and JSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderCsv } from '../../reports/render/csv.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderJson } from '../../reports/render/json.js';
import { renderMarkdown } from '../../reports/render/md.js';
import { renderSarif } from '../../reports/render/sarif.js';
import { renderTable } from '../../reports/render/table.js';
import type { ChangesEvidence } from '../../src/evidence/changes/types.js';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { evaluateSnapshot, exitCodeFor } from '../../src/scan.js';
import { parseSnapshot } from '../../src/snapshot.js';
import { redactEvidenceIps } from '../../src/evidence/redact-ips.js';

const changes: ChangesEvidence = {
  source: 'cloudtrail',
  from: '2026-09-08T00:00:00.000Z',
  to: '2026-12-07T00:00:00.000Z',
  events: [
    { time: '2026-11-20T01:30:00.000Z', source: 'cloudtrail', action: 'PutBucketPolicy', target: { kind: 'resource', name: 'hr-system-employees' }, effect: 'opens', principal: 'arn:aws:iam::111122223333:user/alice', sourceIp: '203.0.113.7', userAgent: 'aws-cli/2.15.0' },
    { time: '2026-11-01T00:00:00.000Z', source: 'cloudtrail', action: 'CreateBucket', target: { kind: 'resource', name: 'hr-system-employees' }, effect: 'creates', principal: 'arn:aws:iam::111122223333:user/bob', sourceIp: '198.51.100.1', userAgent: 'aws-cli/2.15.0' },
  ],
  truncated: false,
  errors: [],
};

function report(evidence = changes) {
  const doc = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'examples', 'aws-hr-system.snapshot.json'), 'utf8')) as Record<string, unknown> & { buckets: { Name: string }[] };
  // Without the example's bucket whose reads were denied: the report is complete unless the change log failed.
  doc.buckets = doc.buckets.filter((b) => b.Name !== 'hr-system-audit-denied');
  const snapshot = parseSnapshot(JSON.stringify({ ...doc, evidence: { changes: evidence } }));
  return evaluateSnapshot(snapshot, { source: 'snapshot', failOn: 'none', scannedAt: '2026-12-07T03:00:00.000Z' });
}

const JA = '公開にした変更: arn:aws:iam::111122223333:user/alice、2026-11-20 10:30 JST（AWS CloudTrail: PutBucketPolicy）';
const EN = 'Opened by arn:aws:iam::111122223333:user/alice at 2026-11-20 10:30 JST (AWS CloudTrail: PutBucketPolicy)';
const squeeze = (t: string): string => t.replace(/\s+/g, '');

describe('the opening change in every format', () => {
  const r = report();

  test('JSON: the public bucket has it with the IP; the private bucket has none', () => {
    const json = JSON.parse(renderJson(r)) as { resources: { name: string; openedBy?: { change: { sourceIp: string | null; basis: string } | null } }[] };
    const byName = new Map(json.resources.map((x) => [x.name, x]));
    assert.equal(byName.get('hr-system-employees')?.openedBy?.change?.sourceIp, '203.0.113.7');
    assert.equal(byName.get('hr-system-employees')?.openedBy?.change?.basis, 'opens');
    assert.equal(byName.get('hr-system-locked')?.openedBy, undefined);
  });

  test('table and Markdown, each language whole', () => {
    assert.ok(squeeze(renderTable(r, 'ja')).includes(squeeze(JA)));
    assert.ok(squeeze(renderTable(r, 'en')).includes(squeeze(EN)));
    assert.ok(renderMarkdown(r, { lang: 'ja' }).includes(`- ${JA}`));
    assert.ok(renderMarkdown(r, { lang: 'en' }).includes(`- ${EN}`));
    assert.doesNotMatch(renderMarkdown(r, { lang: 'ja' }), /Opened by/);
    assert.doesNotMatch(renderMarkdown(r, { lang: 'en' }), /公開にした変更/);
  });

  test('HTML has both languages in their spans; CSV and SARIF carry both texts and the time', () => {
    const html = renderHtml(r, { lang: 'ja' });
    assert.ok(html.includes(`<span class="l-ja" lang="ja">${JA}</span><span class="l-en" lang="en">${EN}</span>`));
    assert.ok(html.includes('<span class="l-ja" lang="ja">公開の経緯</span><span class="l-en" lang="en">How it became public</span>'));
    const csv = renderCsv(r);
    assert.ok(csv.includes(`,${JA},${EN},2026-11-20T01:30:00.000Z,cloudtrail,`), csv.split('\r\n')[1]);
    const sarif = JSON.parse(renderSarif(r, { lang: 'en' })) as { runs: { logicalLocations: { name: string; properties: { openedBy?: { ja: string; en: string } } }[] }[] };
    const loc = sarif.runs[0]?.logicalLocations.find((l) => l.name === 'hr-system-employees');
    assert.deepEqual([loc?.properties.openedBy?.ja, loc?.properties.openedBy?.en], [JA, EN]);
  });

  test('--redact-ips: no IP in any format', () => {
    const redacted = report(redactEvidenceIps({ changes })?.changes);
    for (const out of [renderJson(redacted), renderCsv(redacted), renderSarif(redacted), renderHtml(redacted), renderMarkdown(redacted)]) assert.doesNotMatch(out, /203\.0\.113\.7|198\.51\.100\.1/);
  });

  test('offline too: a snapshot whose change log could not be read gives the error, a null opening and exit 3', () => {
    const failed = report({ ...changes, events: [], errors: [{ scope: '111122223333', call: 'cloudtrail:LookupEvents', code: 'AccessDeniedException', message: 'ap-northeast-1: not authorized' }] });
    const r = failed.resources.find((x) => x.name === 'hr-system-employees');
    assert.deepEqual(r?.openedBy, { change: null, reason: 'log-error', from: changes.from, to: changes.to });
    assert.ok(failed.errors.some((e) => e.call === 'cloudtrail:LookupEvents' && e.scope === '111122223333'));
    assert.equal(exitCodeFor(failed, 'none'), 3);
    assert.deepEqual([report().summary.complete, exitCodeFor(report(), 'none')], [true, 0]);
  });
});
