// What the HTML report adds for a self-assessment and for scale: the checks that ran and passed per resource (never
// claimed where settings could not be read, nor for account settings failing on a sibling), the view per APPI duty,
// the resource table of every resource (sortable keys, the first page shown), capped cards, and the print summary
// with its A4 page box.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coverageOf, dutyCoverage } from '../../reports/render/coverage.js';
import { CARD_LIMIT, renderHtml } from '../../reports/render/html.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { TABLE_PAGE } from '../../reports/render/html/resource-table.js';
import { cssString, pageCss } from '../../reports/render/html/style.js';
import type { Report } from '../../reports/render/json.js';
import { allViews } from '../../reports/render/view.js';
import { exampleReport, profiledReport } from '../fixtures/render-reports.js';

function view(report: Report, suffix: string) {
  const v = allViews([report]).find((x) => x.id.endsWith(suffix));
  assert.ok(v, suffix);
  return v;
}

describe('checked and passed', () => {
  test('a public bucket: the checks that raised nothing are passed, the failing ones are not', () => {
    const c = coverageOf(view(exampleReport('aws'), ':::hr-system-employees'));
    assert.ok(c);
    const passed = c.passed.map((x) => x.id);
    assert.equal(c.applicable.length, 19);
    assert.ok(passed.includes('public-write') && passed.includes('website-public'));
    assert.ok(!passed.includes('public-read') && !passed.includes('versioning-off'));

    assert.equal(c.partial, false);
  });

  test('a bucket whose settings could not be read: nothing is called passed', () => {
    const c = coverageOf(view(exampleReport('aws'), ':::hr-system-audit-denied'));
    assert.ok(c);
    assert.equal(c.partial, true);
    assert.deepEqual(c.passed, []);
    assert.ok(c.unverified.some((x) => x.id === 'public-read'), 'public-read raised nothing only because the policy could not be read');
  });

  test('an Azure container: a storage-account setting failing on the account’s first container is not passed on the others', () => {
    const c = coverageOf(view(exampleReport('azure'), 'kumohrsystem/blobServices/default/containers/hr-payroll'));
    assert.ok(c);
    const passed = c.passed.map((x) => x.id);
    assert.ok(!passed.includes('azure-shared-key-access-allowed') && !passed.includes('azure-min-tls-below-1-2'));
    assert.ok(!passed.includes('public-read'), 'public on a sibling container');
  });

  test('the card lists them; an unreadable bucket says why none passed', () => {
    const html = renderHtml(exampleReport('aws'));
    assert.match(html, /確認して問題なし（16 \/ 19 チェック）/);
    assert.match(html, /Not verified \(12 of 19 checks\)/);
  });
});

describe('duties view', () => {
  test('each duty: how many resources its checks looked at and how many fail it', async () => {
    const { report } = await profiledReport();
    const rows = dutyCoverage(allViews([report]));
    const appi26 = rows.find((d) => d.id === 'APPI-26');
    assert.ok(appi26);
    assert.equal(appi26.failing, 1, 'the one exposed bucket with personal data');
    const gl661 = rows.find((d) => d.id === 'GL-10-6-1');
    assert.equal(gl661?.checked, 3);
    assert.ok((gl661?.failing ?? 0) >= 1);
    const html = renderHtml(report);
    assert.match(html, /<tr data-duty="APPI-26" class="duty-failing">/);
  });
});

describe('scale and print', () => {
  function many(n: number): Report {
    const base = exampleReport('aws');
    const resources = Array.from({ length: n }, (_, i) => ({ ...(base.resources[i % base.resources.length] as Report['resources'][number]), id: `arn:aws:s3:::b${i}`, name: `b${i}` }));
    return { ...base, resources, findings: [] };
  }

  test('every resource is a table row, the first page shown; cards only for the most urgent, said so', () => {
    const html = renderHtml(many(CARD_LIMIT + 150));
    const table = /<table class="grid rt" id="rt">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    assert.equal((table.match(/<tr data-q=/g) ?? []).length, CARD_LIMIT + 150);
    assert.equal((table.match(/<tr data-q="[^"]*" class="rt-hidden">/g) ?? []).length, CARD_LIMIT + 150 - TABLE_PAGE);
    assert.equal((html.match(/<details class="card"/g) ?? []).length, CARD_LIMIT);
    assert.match(html, /id="cards-capped"/);
    assert.ok(html.includes(`The other 150 are in the table above`));
    assert.match(html, /<th scope="col" data-col="0" data-type="text" aria-sort="none"><button type="button" class="sort">/);
  });

  test('print: A4, the scope and scan date in the running header, page numbers; a cover and the PPC draft in the print summary', async () => {
    const { report } = await profiledReport();
    const html = renderHtml(report);
    assert.match(html, /@page\{size:A4;/);
    assert.match(html, /@bottom-center\{content:counter\(page\) " \/ " counter\(pages\)/);
    assert.ok(html.includes(`@top-right{content:${cssString(formatLocalTime(report.scannedAt))}`));
    assert.match(html, /<section class="cover print-only" id="cover">/);
    const summary = /<section id="print-summary" class="print-only">[\s\S]*?<\/section>\n<\/section>|<section id="print-summary"[\s\S]*?<section id="duties-view">/.exec(html)?.[0] ?? '';
    assert.ok(summary.includes('kumo-hr-health-checks'));
    assert.ok(summary.includes('規則第8条') || summary.includes('<ol class="ppc">'), 'the PPC draft');
  });

  test('CSS strings escape everything outside a safe set; times are shown in Asia/Tokyo', () => {
    assert.equal(cssString('a"b\\c'), '"a\\000022b\\00005cc"');
    assert.equal(cssString('</style>'), '"\\00003c/style\\00003e"');
    assert.match(pageCss('GCS p', '2026-12-07 23:17 JST'), /@top-left\{content:"kumoscan \\0000b7 GCS p"/);
    assert.equal(formatLocalTime('2026-12-07T14:17:00.000Z'), '2026-12-07 23:17 JST');
  });
});
