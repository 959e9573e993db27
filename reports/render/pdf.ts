// `--format pdf`: the HTML report printed to PDF by a locally installed Chromium, driven by playwright-core — the
// print summary (cover, KPIs, deadlines, exposed personal data, PPC drafts) on A4 with the running header and page
// numbers of the report's own @page rules. Nothing is downloaded: no Chromium found is one clear line (exit 2).
import { existsSync } from 'node:fs';
import { UsageError } from '../../src/errors.js';

/** The Chromium (or Chrome) executable to use instead of the usual places. */
export const CHROMIUM_ENV = 'KUMOSCAN_CHROMIUM';
export const CHROMIUM_CANDIDATES: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Printing a report of thousands of resources takes seconds; a hung browser must not hang the command. */
export const PDF_TIMEOUT_MS = 120_000;

/** The browser to print with: $KUMOSCAN_CHROMIUM when set, else the first of the usual places that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const given = env[CHROMIUM_ENV];
  if (given !== undefined && given !== '') {
    if (!exists(given)) throw new UsageError(`the pdf format needs Chromium: ${CHROMIUM_ENV}=${given} does not exist`);
    return given;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (!found) throw new UsageError(`the pdf format needs a locally installed Chromium (looked in ${CHROMIUM_CANDIDATES.join(', ')}); install it (e.g. apt-get install chromium) or set ${CHROMIUM_ENV}=/path/to/chromium`);
  return found;
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new UsageError('the pdf format needs the playwright-core package next to kumoscan (npm install playwright-core)');
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`printing the PDF took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Prints the report's HTML as an A4 PDF (print media: the print summary). No request leaves the browser. */
export async function printPdf(html: string, opts: { executablePath?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  const executablePath = opts.executablePath ?? findChromium();
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    return await withTimeout(
      (async () => {
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
        await page.emulateMedia({ media: 'print' });
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      })(),
      opts.timeoutMs ?? PDF_TIMEOUT_MS,
    );
  } finally {
    await browser.close();
  }
}
