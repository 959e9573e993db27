// `--format pdf`: the HTML report printed to PDF by a locally installed Chromium, driven by playwright-core — the
// print summary (cover, KPIs, deadlines, exposed personal data, PPC drafts) on A4 with the running header and page
// numbers of the report's own @page rules. Nothing is downloaded: no Chromium found is one clear line (exit 2), in
// the language of --lang. playwright-core is a runtime dependency, imported only here and only when a PDF is printed.
import { existsSync } from 'node:fs';
import { UsageError } from '../../src/errors.js';
import type { I18n } from '../../src/model.js';
import type { Lang } from './view.js';

/** The Chromium (or Chrome) executable to use instead of the usual places. */
export const CHROMIUM_ENV = 'KUMOSCAN_CHROMIUM';
export const CHROMIUM_CANDIDATES: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Printing a report of thousands of resources takes seconds; a hung browser must not hang the command. */
export const PDF_TIMEOUT_MS = 120_000;

/** The first words of every "no browser" error, in both languages (what a user or a script looks for). */
export const NO_CHROMIUM: I18n = { ja: 'Chromium が見つかりません', en: 'no Chromium found' };

function noChromium(lang: Lang, detail: I18n): UsageError {
  return new UsageError(`${NO_CHROMIUM[lang]}${lang === 'ja' ? '：' : ': '}${detail[lang]}`);
}

/** The browser to print with: $KUMOSCAN_CHROMIUM when set, else the first of the usual places that exists. */
export function findChromium(lang: Lang = 'en', env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const given = env[CHROMIUM_ENV];
  if (given !== undefined && given !== '') {
    if (!exists(given)) throw noChromium(lang, { ja: `pdf 形式の印刷に使う ${CHROMIUM_ENV}=${given} は存在しません`, en: `the pdf format prints with ${CHROMIUM_ENV}=${given}, which does not exist` });
    return given;
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  const places = CHROMIUM_CANDIDATES.join(', ');
  if (!found)
    throw noChromium(lang, {
      ja: `pdf 形式はローカルにインストールされた Chromium で印刷します（探した場所: ${places}）。インストールする（例: apt-get install chromium）か、${CHROMIUM_ENV}=/path/to/chromium を設定してください`,
      en: `the pdf format prints through a locally installed Chromium (looked in ${places}); install it (e.g. apt-get install chromium) or set ${CHROMIUM_ENV}=/path/to/chromium`,
    });
  return found;
}

/** playwright-core, loaded only when a PDF is printed (a runtime dependency; an install without it gets one line). */
async function loadPlaywright(lang: Lang): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new UsageError(
      lang === 'ja'
        ? 'pdf 形式に必要な playwright-core パッケージが読み込めません（kumoscan の依存パッケージです。npm install kumoscan をやり直してください）'
        : 'the pdf format needs the playwright-core package, which could not be loaded (it is a dependency of kumoscan: reinstall with npm install kumoscan)',
    );
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
export async function printPdf(html: string, opts: { lang?: Lang; executablePath?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  const lang = opts.lang ?? 'en';
  const executablePath = opts.executablePath ?? findChromium(lang);
  const { chromium } = await loadPlaywright(lang);
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
