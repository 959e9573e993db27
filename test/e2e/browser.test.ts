// The HTML report in a real browser: Debian's Chromium (installed by `npm test`, scripts/test.mjs), driven headless
// by playwright-core. Opens the demo's report, asserts the summary numbers, the language switch, the filters, the
// charts, the resource table's sorting and search, that the page requests nothing from anywhere, and that print
// media gives the summary (cover, KPIs, deadlines, exposed personal data, PPC draft) without the cards. Then the
// budgets: a report of 5,000 resources (`scan --input` of a synthetic snapshot) loads in ≤ 3 s with a first
// document ≤ 15,000 px tall, and neither report overflows a 390 px wide screen. `report --format pdf` prints A4.
// Saves screenshots (ja and en, desktop and 390 px) and PDFs under test-output/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Report } from '../../reports/render/json.js';
import { allViews, summarize } from '../../reports/render/view.js';
import { DEMO_FILES } from '../../src/demo/run.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { writeSyntheticSnapshot } from '../../bench/synthetic-snapshot.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = packagePath('test-output');
const demoDir = join(OUTPUT, 'browser-demo');
let context: BrowserContext | undefined;
let page: Page;
let reports: Report[] = [];
const requests: string[] = [];
/** Console errors and CSP violations seen by the page (the script runs under a hash-only script-src). */
const consoleErrors: string[] = [];

before(async () => {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium is not installed at ${CHROMIUM}. \`npm test\` installs Debian's package (scripts/test.mjs runs apt-get update && apt-get install -y chromium as root); see its "[test]" lines above for why that failed, or install it by hand.`,
  );
  rmSync(demoDir, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const res = await runCli(['demo', '--out-dir', demoDir]);
  assert.equal(res.code, 0, res.stderr);
  reports = [DEMO_FILES.azure, DEMO_FILES.aws, DEMO_FILES.gcp].map((f) => JSON.parse(readFileSync(join(demoDir, f), 'utf8')) as Report);
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kumoscan-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 1800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  // Record every request; only the file itself may be loaded.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith('file:')) await route.continue();
    else await route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(pathToFileURL(join(demoDir, DEMO_FILES.html)).href);
});

after(async () => {
  await context?.close();
});

async function visibleCards(): Promise<number> {
  return page.locator('details.card:visible').count();
}

describe('the HTML report in Chromium', () => {
  test('the Content-Security-Policy allows the report’s own script by its hash only; no violation, no error', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    assert.doesNotMatch(csp ?? '', /script-src[^;]*unsafe-inline/);
    // The report's script runs: the language switch works (and is set back).
    await page.locator('button[data-set-lang="en"]').click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.locator('button[data-set-lang="ja"]').click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    // A script injected into the page is refused by the policy.
    const injected = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.documentElement.setAttribute("data-injected", "yes")';
      document.body.appendChild(s);
      return document.documentElement.getAttribute('data-injected');
    });
    assert.equal(injected, null, 'an inline script without the hash does not run');
    assert.ok(consoleErrors.some((e) => /Content Security Policy/.test(e)), 'the injected script was a reported violation');
    assert.deepEqual(consoleErrors.filter((e) => !/Content Security Policy/.test(e)), []);
  });

  test('the summary numbers are those of the JSON reports', async () => {
    const s = summarize(reports);
    const kpi = async (k: string): Promise<string> => (await page.locator(`[data-kpi="${k}"]`).textContent())?.trim() ?? '';
    assert.equal(await kpi('resources'), String(s.resources));
    assert.equal(await kpi('exposed'), String(s.exposed));
    assert.equal(await kpi('exposed-personal'), String(s.exposedPersonal));
    assert.equal(await kpi('reportable'), String(s.likely.length));
    // The Azure container, the GCS health-check bucket and the AWS example's HR-system bucket (its saved sample).
    assert.deepEqual([s.resources, s.exposed, s.exposedPersonal, s.likely.length], [8, 3, 3, 3]);
    const row = page.locator('#estimates tbody tr').filter({ hasText: 'kumohrdemo/hr-system' });
    assert.equal(await row.count(), 1);
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /kumohrdemo\/hr-system .*報告対象の可能性が高い .*第1号 要配慮個人情報 第3号 不正の目的 第4号 1,000人超 はい \d{4}-\d\d-\d\d 〜 \d{4}-\d\d-\d\d \d{4}-\d\d-\d\d \(60日\)/);
  });

  test('Japanese first; the switch shows English and back', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    const h2 = page.locator('#summary h2');
    assert.equal((await h2.innerText()).trim(), '漏えい等報告の推定と期限');
    await page.click('button[data-set-lang="en"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await h2.innerText()).trim(), 'Reportability estimates and deadlines');
    assert.equal(await page.locator('#f-prov option[value=""]').textContent(), 'All providers');
    assert.equal(await page.getAttribute('button[data-set-lang="en"]', 'aria-pressed'), 'true');
    await page.screenshot({ path: join(OUTPUT, 'kumoscan-demo-report-en.png') });
    await page.click('button[data-set-lang="ja"]');
    assert.equal((await h2.innerText()).trim(), '漏えい等報告の推定と期限');
  });

  test('filters: provider, severity and duty', async () => {
    const views = allViews(reports);
    assert.equal(await visibleCards(), views.length);
    await page.selectOption('#f-prov', 'azure');
    assert.equal(await visibleCards(), views.filter((v) => v.provider === 'azure').length);
    assert.equal((await page.locator('#f-count').innerText()).trim(), `${views.length} 件中 2 件を表示`);
    await page.selectOption('#f-prov', '');
    await page.selectOption('#f-sev', 'critical');
    assert.equal(await visibleCards(), views.filter((v) => v.findings.some((f) => f.severity === 'critical')).length);
    // Within a shown card, findings below the threshold are hidden.
    const first = page.locator('details.card:visible').first();
    assert.equal(await first.locator('.finding:not(.filtered)').count(), await first.locator('.finding[data-sev="critical"]').count());
    await page.selectOption('#f-sev', '');
    await page.selectOption('#f-duty', 'MNA-29-4');
    assert.equal(await visibleCards(), views.filter((v) => v.duties.some((d) => d.id === 'MNA-29-4')).length);
    assert.ok((await visibleCards()) >= 1);
    await page.selectOption('#f-duty', '');
    assert.equal(await visibleCards(), views.length);
  });

  test('cards start closed; a link in the resource table opens its card', async () => {
    assert.equal(await page.locator('details.card[open]').count(), 0);
    const link = page.locator('#rt a[href^="#res-"]').first();
    const target = (await link.getAttribute('href'))?.slice(1) ?? '';
    await link.click();
    assert.equal(await page.locator(`details.card#${target}`).getAttribute('open'), '');
    await page.locator(`details.card#${target} > summary`).click();
  });

  test('charts: deadline timeline with today, exposure matrix, personal-data categories, severity by account', async () => {
    for (const id of ['chart-deadlines', 'chart-exposure', 'chart-categories', 'chart-severity']) {
      assert.equal(await page.locator(`figure#${id} svg[role="img"]`).count(), 1, id);
      const box = await page.locator(`figure#${id} svg`).boundingBox();
      assert.ok(box && box.width > 200 && box.height > 30, `${id} is drawn`);
    }
    assert.equal(await page.locator('#chart-deadlines [data-part="today"]').count(), 1);
    assert.equal(await page.locator('#chart-trend').count(), 0, 'no baseline, no trend chart');
    assert.equal(await page.locator('#chart-exposure .mx-pd').count(), 3, 'three exposed resources hold personal data');
  });

  test('the resource table: every resource, sorted by a header click, searched by name', async () => {
    const views = allViews(reports);
    assert.equal(await page.locator('#rt tbody tr').count(), views.length);
    await page.locator('#rt th[data-col="0"] button').click();
    const names = await page.locator('#rt tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(names, [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    assert.equal(await page.locator('#rt th[data-col="0"]').getAttribute('aria-sort'), 'ascending');
    await page.locator('#rt th[data-col="9"] button').click();
    assert.equal(await page.locator('#rt tbody tr').first().locator('td').nth(9).getAttribute('class'), 'c-sev c-critical', 'worst severity first');
    await page.fill('#rt-search', 'hr-system');
    await page.waitForFunction(() => document.querySelectorAll('#rt tbody tr:not(.rt-hidden)').length < document.querySelectorAll('#rt tbody tr').length);
    const shown = await page.locator('#rt tbody tr:not(.rt-hidden)').allInnerTexts();
    assert.ok(shown.length >= 1 && shown.every((r) => r.includes('hr-system')), shown.join('|'));
    assert.equal((await page.locator('#rt-count').innerText()).trim(), `${shown.length} 件中 ${shown.length} 件を表示`);
    await page.fill('#rt-search', '');
    await page.waitForFunction((n) => document.querySelectorAll('#rt tbody tr:not(.rt-hidden)').length === n, views.length);
  });

  test('print: the summary (cover, KPIs, deadlines, exposed personal data, PPC draft) without cards or controls; nothing was requested from outside', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#cover').isVisible(), true);
    assert.equal(await page.locator('[data-kpi="reportable"]').isVisible(), true);
    assert.equal(await page.locator('#estimates').isVisible(), true);
    assert.equal(await page.locator('#print-exposed').isVisible(), true);
    assert.ok((await page.locator('#print-summary ol.ppc').count()) >= 1, 'a PPC draft');
    assert.equal(await page.locator('#resources').isVisible(), false);
    assert.equal(await page.locator('#resource-table').isVisible(), false);
    assert.equal(await page.locator('#filters').isVisible(), false);
    assert.equal(await page.locator('.lang').isVisible(), false);
    await page.pdf({ path: join(OUTPUT, 'kumoscan-demo-report.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    await page.screenshot({ path: join(OUTPUT, 'kumoscan-demo-report.png') });
    await page.screenshot({ path: join(OUTPUT, 'kumoscan-demo-report-full.png'), fullPage: true });
    assert.ok(existsSync(join(OUTPUT, 'kumoscan-demo-report.png')));
  });

  test('390 px wide: no horizontal overflow; screenshots in Japanese and English', async () => {
    for (const lang of ['ja', 'en'] as const) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.click(`button[data-set-lang="${lang}"]`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `document.scrollWidth ${width} > 390 (${lang})`);
      await page.screenshot({ path: join(OUTPUT, `kumoscan-demo-report-390-${lang}.png`) });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(OUTPUT, `kumoscan-demo-report-desktop-${lang}.png`) });
    }
    await page.click('button[data-set-lang="ja"]');
  });
});


describe('budgets: a report of 5,000 resources', () => {
  const N = 5000;
  const dir = join(OUTPUT, 'browser-scale');
  const html = join(dir, 'kumoscan-5000.html');

  before(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeSyntheticSnapshot(N, join(dir, 'snapshot.json'));
    const res = await runCli(['scan', '--input', join(dir, 'snapshot.json'), '--format', 'html', '--out', html, '--fail-on', 'none', '--quiet', '--lang', 'ja']);
    // Exit 3: a third of the buckets are the example's whose policy and ACL could not be read (an incomplete scan).
    assert.equal(res.code, 3, res.stderr);
    assert.ok(existsSync(html), 'the report is written all the same');
  });

  test(`renders ≤ 15,000 px tall, every resource in the table, charts present; 390 px without overflow`, async () => {
    const big = await context?.newPage();
    assert.ok(big);
    try {
      await big.setViewportSize({ width: 1280, height: 900 });
      const started = Date.now(); // printed only: the load budget is bench/html-load.ts's
      await big.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const ms = Date.now() - started;
      const height = await big.evaluate(() => document.documentElement.scrollHeight);
      console.log(`[budget] ${N} resources: load ${ms} ms, document ${height} px tall, ${(readFileSync(html).length / 1048576).toFixed(1)} MiB`);
      assert.ok(height <= 15000, `document is ${height} px tall (> 15,000)`);
      assert.equal(await big.locator('#rt tbody tr').count(), N);
      assert.equal((await big.locator('#rt-count').innerText()).trim(), `${N} 件中 100 件を表示`);
      for (const id of ['chart-exposure', 'chart-severity']) assert.equal(await big.locator(`figure#${id} svg[role="img"]`).count(), 1, id);
      // The matrix shows 15 rows of the resources with a yes or an unknown and counts the rest.
      const open = await big.evaluate(() => [...document.querySelectorAll('#rt tbody tr')].filter((r) => [3, 4, 5].some((i) => r.children[i]?.className !== 'c-no')).length);
      assert.equal(await big.locator('#chart-exposure .chart-more').getAttribute('data-more'), String(open - 15));
      await big.fill('#rt-search', 'b004999-');
      await big.waitForFunction(() => document.querySelectorAll('#rt tbody tr:not(.rt-hidden)').length === 1);
      await big.setViewportSize({ width: 390, height: 844 });
      const width = await big.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `document.scrollWidth ${width} > 390`);
      await big.screenshot({ path: join(OUTPUT, 'kumoscan-5000-390.png') });
    } finally {
      await big.close();
    }
  });
});

describe('kumoscan report --format pdf', () => {
  test('prints the demo reports to an A4 PDF through the local Chromium; without one: one line, exit 2', async () => {
    const out = join(OUTPUT, 'kumoscan-report.pdf');
    rmSync(out, { force: true });
    const files = [DEMO_FILES.azure, DEMO_FILES.aws, DEMO_FILES.gcp].map((f) => join(demoDir, f));
    const res = await runCli(['report', ...files, '--format', 'pdf', '--out', out, '--lang', 'ja']);
    assert.equal(res.code, 0, res.stderr);
    const pdf = readFileSync(out);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2 && pages <= 10, `${pages} pages`);
    assert.match(pdf.toString('latin1'), /\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 84[12]\.\d+\s*\]/, 'A4 (595 × 842 pt)');
    const none = await runCli(['report', files[0] ?? '', '--format', 'pdf', '--out', join(OUTPUT, 'none.pdf'), '--lang', 'en'], { KUMOSCAN_CHROMIUM: '/nonexistent/chromium' });
    assert.equal(none.code, 2);
    assert.equal(none.stderr.trim(), 'kumoscan: no Chromium found: the pdf format prints with KUMOSCAN_CHROMIUM=/nonexistent/chromium, which does not exist');
    assert.equal(existsSync(join(OUTPUT, 'none.pdf')), false);
  });

});
