// The charts' labels measured in a real browser (Debian's Chromium, headless, through playwright-core): in a report
// of Azure containers whose ARM ids are 180 characters long, every text of every chart — names included — lies
// inside the chart's width, and the names of the exposure matrix and of the severity bars end before their bars.
// In both languages, on a desktop and on a 390 px screen.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { renderHtml } from '../../reports/render/html.js';
import { LONG_CONTAINER_ID, longAzureIdReport } from '../fixtures/azure-long-ids.js';

const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'kumoscan-chart-labels-'));
let browser: Browser | undefined;

interface Overflow {
  chart: string;
  text: string;
  right: number;
  limit: number;
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM} (npm test installs Debian's package)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('chart labels in Chromium (Azure, 180-character ARM ids)', () => {
  for (const lang of ['ja', 'en'] as const) {
    for (const width of [1280, 390]) {
      test(`${lang}, ${width} px: no label runs past its chart; names end before their bars; the full id is the name's tooltip`, async () => {
        const file = join(work, `report-${lang}.html`);
        writeFileSync(file, renderHtml([longAzureIdReport()], { lang }));
        const page = await browser!.newPage({ viewport: { width, height: 900 } });
        try {
          await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
          await page.goto(pathToFileURL(file).href);
          const found = await page.evaluate(() => {
            const out: { charts: string[]; overflows: Overflow[]; measured: number; titles: string[] } = { charts: [], overflows: [], measured: 0, titles: [] };
            for (const fig of Array.from(document.querySelectorAll('figure.chart'))) {
              const svg = fig.querySelector('svg');
              if (!svg) continue;
              out.charts.push(fig.id);
              const vbWidth = svg.viewBox.baseVal.width;
              // Where the bars start: names must end before (matrix cells, severity bars).
              const bars = Array.from(svg.querySelectorAll('rect[data-cell], rect[data-sev]')).map((r) => (r as SVGGraphicsElement).getBBox().x);
              const barsStart = bars.length > 0 ? Math.min(...bars) : vbWidth;
              for (const t of Array.from(svg.querySelectorAll('text'))) {
                if (getComputedStyle(t).display === 'none') continue; // the other language's twin
                const box = (t as SVGGraphicsElement).getBBox();
                out.measured++;
                const isName = t.classList.contains('mx-name') || t.classList.contains('sv-name');
                const limit = isName ? barsStart : vbWidth;
                if (box.x < -0.5 || box.x + box.width > limit + 0.5) out.overflows.push({ chart: fig.id, text: t.textContent ?? '', right: Math.round(box.x + box.width), limit: Math.round(limit) });
              }
              for (const title of Array.from(svg.querySelectorAll('g.chart-name > title'))) out.titles.push(title.textContent ?? '');
            }
            return out;
          });
          assert.deepEqual(found.charts, ['chart-deadlines', 'chart-exposure', 'chart-categories', 'chart-severity']);
          assert.ok(found.measured > 20, `measured ${found.measured} labels`);
          assert.deepEqual(found.overflows, []);
          assert.ok(found.titles.includes(LONG_CONTAINER_ID), 'the 180-character id is a tooltip');
          assert.equal(await page.locator('#chart-deadlines text.tl-name').first().textContent(), 'kumohrsystem/hr-system');
        } finally {
          await page.close();
        }
      });
    }
  }
});
