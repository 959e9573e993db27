// Load time of the HTML report in Debian's Chromium: a report of N synthetic resources (default 5,000) against
// the demo's report as the baseline, both loaded REPEAT times in the same browser. Budget: ≤ 3 s for 5,000.
//
// Usage: node dist/bench/html-load.js [N=5000] [REPEAT=5]   (needs /usr/bin/chromium or KUMOSCAN_CHROMIUM)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { packagePath } from '../src/package-info.js';
import { writeSyntheticSnapshot } from './synthetic-snapshot.js';

const n = Number(process.argv[2] ?? 5000);
const repeat = Math.max(1, Number(process.argv[3] ?? 5));
const dir = mkdtempSync(join(tmpdir(), 'kumoscan-html-load-'));
const cli = (args: string[]): void => {
  const r = spawnSync(process.execPath, [packagePath('bin', 'kumoscan.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 3) throw new Error(`kumoscan ${args[0]} exited ${r.status}: ${r.stderr}`);
};
cli(['demo', '--out-dir', join(dir, 'demo'), '--lang', 'ja']);
const big = join(dir, `kumoscan-${n}.html`);
cli(['scan', '--input', writeSyntheticSnapshot(n, join(dir, 'snapshot.json')), '--format', 'html', '--out', big, '--fail-on', 'none', '--quiet', '--lang', 'ja']);
const demo = join(dir, 'demo', 'kumoscan-demo.html');

const browser = await chromium.launch({ executablePath: process.env['KUMOSCAN_CHROMIUM'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
async function median(file: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
const base = await median(demo);
const large = await median(big);
const height = await page.evaluate(() => document.documentElement.scrollHeight);
await browser.close();
console.log(`demo report: load ${Math.round(base)} ms (median of ${repeat}), ${(statSync(demo).size / 1048576).toFixed(2)} MiB`);
console.log(`${n} resources: load ${Math.round(large)} ms (median of ${repeat}), ${(statSync(big).size / 1048576).toFixed(1)} MiB, ${height} px tall`);
console.log(`ratio ${(large / base).toFixed(1)}× the demo report; budget ≤ 3,000 ms: ${large <= 3000 ? 'met' : 'MISSED'}`);
rmSync(dir, { recursive: true, force: true });
