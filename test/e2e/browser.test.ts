// The HTML report in a real browser: Debian's Chromium (installed by `npm test`, scripts/test.mjs), driven headless
// by playwright-core. Opens the demo's report, asserts the summary numbers, the language switch and the filters,
// that the page requests nothing from anywhere, and that print media expands every card and hides the controls.
// Saves screenshots (and a PDF, as compliance would print it) under test-output/.
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
  return page.locator('article.card:visible').count();
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
    assert.deepEqual([s.resources, s.exposed, s.exposedPersonal, s.likely.length], [8, 3, 2, 2]);
    const row = page.locator('#estimates tbody tr').first();
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /kumohrdemo\/hr-system .*報告対象の可能性が高い .*第1号 要配慮個人情報 第4号 1,000人超 はい \d{4}-\d\d-\d\d 〜 \d{4}-\d\d-\d\d \d{4}-\d\d-\d\d \(30日\)/);
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
    const first = page.locator('article.card:visible').first();
    assert.equal(await first.locator('.finding:visible').count(), await first.locator('.finding[data-sev="critical"]').count());
    await page.selectOption('#f-sev', '');
    await page.selectOption('#f-duty', 'MNA-29-4');
    assert.equal(await visibleCards(), views.filter((v) => v.duties.some((d) => d.id === 'MNA-29-4')).length);
    assert.ok((await visibleCards()) >= 1);
    await page.selectOption('#f-duty', '');
    assert.equal(await visibleCards(), views.length);
  });

  test('print: every card expanded, no controls; nothing was requested from outside', async () => {
    const collapsed = page.locator('article.card.collapsed .card-body').first();
    assert.equal(await collapsed.isVisible(), false, 'a low-risk card starts collapsed on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await collapsed.isVisible(), true);
    assert.equal(await page.locator('#filters').isVisible(), false);
    assert.equal(await page.locator('.lang').isVisible(), false);
    await page.pdf({ path: join(OUTPUT, 'kumoscan-demo-report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    await page.screenshot({ path: join(OUTPUT, 'kumoscan-demo-report.png') });
    await page.screenshot({ path: join(OUTPUT, 'kumoscan-demo-report-full.png'), fullPage: true });
    assert.ok(existsSync(join(OUTPUT, 'kumoscan-demo-report.png')));
  });
});
