// Suppressed findings, configuration warnings, overridden severities and declared categories in every format:
// table, JSON (schema), Markdown, CSV, SARIF (result.suppressions, kind external) and HTML.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { renderTable } from '../../reports/render/table.js';
import { renderMarkdown } from '../../reports/render/md.js';
import { CSV_COLUMNS, renderCsv } from '../../reports/render/csv.js';
import { buildSarif } from '../../reports/render/sarif.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderJson } from '../../reports/render/json.js';
import { scan } from '../../src/scan.js';
import { assertValidReport } from '../helpers/schema.js';
import { unsampledExample } from '../helpers/unsampled-example.js';

const EMPLOYEES = 'arn:aws:s3:::hr-system-employees';
let report: Report;

before(async () => {
  ({ report } = await scan({
    input: unsampledExample(),
    bucketFilter: ['hr-system-employees'],
    failOn: 'high',
    now: () => new Date('2026-11-22T03:00:00Z'),
    policy: {
      severity: { 'tls-not-enforced': 'high' },
      suppressions: [
        { field: 'suppressions[0]', check: 'public-read', resources: ['hr-system-employees'], reason: 'press kit', expires: '2026-12-31' },
        { field: 'suppressions[1]', check: 'public-write', resources: ['*'], reason: 'unused', expires: '2026-12-31' },
      ],
      inventory: [{ field: 'inventory[0]', buckets: ['hr-*'], categories: ['person_name', 'my_number'], persons: 1500 }],
    },
  }));
});

describe('the policy in every format', () => {
  test('JSON: valid against the schema, with suppressed, configWarnings and originalSeverity', () => {
    const json = JSON.parse(renderJson(report)) as Report;
    assertValidReport(json);
    assert.equal(json.schemaVersion, '1.5.0');
    assert.deepEqual(json.suppressed?.map((s) => [s.finding.checkId, s.reason, s.expires]), [['public-read', 'press kit', '2026-12-31']]);
    assert.deepEqual(json.configWarnings?.map((w) => w.field), ['suppressions[1]']);
    assert.equal(json.findings.find((f) => f.checkId === 'tls-not-enforced')?.originalSeverity, 'medium');
  });

  test('table: a SUPPRESSED block and the warnings', () => {
    const en = renderTable(report, 'en');
    assert.ok(en.includes('SUPPRESSED (1)\n  hr-system-employees  public-read  suppressed until 2026-12-31: press kit\n'), en);
    assert.ok(en.includes('Configuration warnings:\n  suppressions[1] (check public-write, resources *) matched no finding; remove it if the issue is fixed.\n'), en);
    assert.ok(renderTable(report, 'ja').includes('抑制 (1)\n  hr-system-employees  public-read  2026-12-31 まで抑制: press kit\n'));
    assert.equal(/CRITICAL \(/.test(en), false, 'the suppressed critical finding is not listed as a finding');
  });

  test('Markdown: a section of suppressed findings, the warnings, the original severity, the declared categories', () => {
    const md = renderMarkdown(report, { lang: 'en' });
    assert.ok(md.includes('## Suppressed findings\n\n| Severity | Resource | Check | Expires | Reason |\n| --- | --- | --- | --- | --- |\n| Critical | `arn:aws:s3:::hr-system-employees` | `public-read` | 2026-12-31 | press kit |\n'), md);
    assert.ok(md.includes('## Configuration warnings\n\n- suppressions\\[1\\] (check public-write, resources \\*) matched no finding; remove it if the issue is fixed.\n'), md);
    assert.ok(md.includes('- **High** (was Medium) Unencrypted HTTP access is not refused (`tls-not-enforced`)'), md);
    assert.ok(md.includes('- Declared in the inventory (not detected): person name, My Number (個人番号) (`inventory[0]`)'), md);
  });

  test('CSV: the suppressed finding is a row with its reason and expiry; overridden rows name the original severity', () => {
    const lines = renderCsv(report).replace(/^\uFEFF/, '').split('\r\n');
    assert.deepEqual(lines[0]?.split(',').slice(-4), ['original_severity', 'suppressed', 'suppression_reason', 'suppression_expires']);
    assert.equal(CSV_COLUMNS.length, lines[0]?.split(',').length);
    const suppressed = lines.filter((l) => l.endsWith(',true,press kit,2026-12-31'));
    assert.equal(suppressed.length, 1);
    assert.ok(suppressed[0]?.startsWith(`public-read:${EMPLOYEES},critical,`));
    assert.ok(lines.some((l) => l.startsWith(`tls-not-enforced:${EMPLOYEES},high,`) && l.endsWith(',medium,false,,')));
  });

  test('SARIF: the suppressed result carries suppressions (kind external, accepted, the justification); warnings are notifications', () => {
    const run = buildSarif(report).runs[0];
    const result = run?.results.find((r) => r.ruleId === 'public-read');
    assert.deepEqual(result?.suppressions, [{ kind: 'external', status: 'accepted', justification: 'press kit', properties: { expires: '2026-12-31', suppression: 'suppressions[0]' } }]);
    assert.equal(run?.results.filter((r) => r.suppressions).length, 1);
    assert.equal(run?.results.find((r) => r.ruleId === 'tls-not-enforced')?.properties.originalSeverity, 'medium');
    assert.deepEqual(run?.invocations[0]?.toolExecutionNotifications?.map((n) => n.descriptor?.id), ['config-warning']);
    assert.ok(run?.tool.driver.rules.some((r) => r.id === 'suppression-expired'));
  });

  test('HTML: sections of suppressed findings and warnings, the original severity, the declared categories', () => {
    const html = renderHtml(report, { lang: 'en' });
    assert.match(html, /<section id="suppressed"><h2>.*Suppressed findings \(1\).*<code>public-read<\/code>.*<td>2026-12-31<\/td><td>press kit<\/td>/s);
    assert.match(html, /<section id="config-warnings">.*suppressions\[1\] \(check public-write, resources \*\) matched no finding/s);
    assert.match(html, /<span lang="en" class="l-en">was<\/span>|<span class="l-en" lang="en">was<\/span>/);
    assert.match(html, /Declared in the inventory \(not detected\)/);
  });
});
