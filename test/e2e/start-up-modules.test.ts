// Start-up: the cloud SDKs and Azurite are loaded only by the command that calls a cloud. Every command below runs
// as a user runs it (bin/kumoscan.js) with test/helpers/module-trace.mjs preloaded, which lists every module the
// process loaded; the list must hold no module of an SDK package. A live `scan aws` (against a closed local port)
// is the control: it loads the AWS SDK, and still neither the Azure nor the Google one. playwright-core (the browser
// driver of --format pdf, a runtime dependency) is loaded by none of them, nor by a pdf run that finds no browser.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { runCli, type CliResult } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-start-up-'));
const example = join(PACKAGE_ROOT, 'examples', 'aws-hr-system.snapshot.json');
const tracer = join(PACKAGE_ROOT, 'test', 'helpers', 'module-trace.mjs');

const SDKS: Record<string, RegExp> = {
  aws: /\/node_modules\/@(aws-sdk|smithy)\//,
  azure: /\/node_modules\/@azure\//,
  gcp: /\/node_modules\/(@google-cloud\/|google-auth-library\/|gaxios\/)/,
  azurite: /\/node_modules\/azurite\//,
  // Not an SDK, but as heavy: the browser driver of --format pdf, loaded only when a PDF is printed.
  'playwright-core': /\/node_modules\/playwright-core\//,
};

let traces = 0;

/** Runs kumoscan with the module tracer; returns its result and the URLs of every module it loaded. */
async function traced(args: string[]): Promise<CliResult & { modules: string[] }> {
  const file = join(work, `trace-${++traces}.txt`);
  const res = await runCli(args, { KUMOSCAN_MODULE_TRACE: file, NODE_OPTIONS: `--import=${tracer}`, LANG: 'C.UTF-8' });
  assert.ok(existsSync(file), `no module trace written for ${args.join(' ')}: ${res.stderr}`);
  return { ...res, modules: readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0) };
}

/** The SDKs (keys of SDKS) among the modules. */
function sdksIn(modules: readonly string[]): string[] {
  return Object.entries(SDKS)
    .filter(([, pattern]) => modules.some((m) => pattern.test(m)))
    .map(([name]) => name);
}

const shard0 = join(work, 'shard-0.json');
const shard1 = join(work, 'shard-1.json');

describe('start-up: commands that call no cloud load no cloud SDK', () => {
  before(async () => {
    for (const [i, out] of [shard0, shard1].entries()) {
      const res = await runCli(['scan', '--input', example, '--shard', `${i}/2`, '--format', 'json', '--out', out, '--fail-on', 'none', '-q']);
      assert.ok(existsSync(out), res.stderr);
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const offline: Array<{ args: () => string[]; code: number; stdout: RegExp }> = [
    { args: () => ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
    { args: () => ['--help'], code: 0, stdout: /Usage: kumoscan/ },
    { args: () => ['scan', '--help'], code: 0, stdout: /--profile <name>[\s\S]*--subscription <id>[\s\S]*--project <id>/ },
    { args: () => ['checks'], code: 0, stdout: /public-read/ },
    { args: () => ['report', shard0, '--format', 'json'], code: 0, stdout: /"findings"/ },
    { args: () => ['report', shard0, '--format', 'table'], code: 0, stdout: /hr-system-locked/ },
    { args: () => ['diff', shard0, shard1, '--format', 'json'], code: 1, stdout: /"resolved"/ },
    { args: () => ['merge', shard0, shard1, '--format', 'json', '--fail-on', 'none'], code: 3, stdout: /"findings"/ },
    { args: () => ['scan', '--input', example, '--fail-on', 'none', '-q'], code: 3, stdout: /hr-system-employees/ },
    { args: () => ['scan', '--input', example, '--format', 'html', '--fail-on', 'none', '-q'], code: 3, stdout: /<html/ },
  ];
  for (const c of offline) {
    test(`kumoscan ${c.args().map((a) => (a.startsWith(work) ? '<report>' : a.startsWith(PACKAGE_ROOT) ? '<example>' : a)).join(' ')}`, async () => {
      const res = await traced(c.args());
      assert.equal(res.code, c.code, res.stderr);
      assert.match(res.stdout, c.stdout);
      assert.ok(res.modules.some((m) => m.includes('/commander/')), 'the tracer saw the modules of the run');
      assert.deepEqual(sdksIn(res.modules), []);
    });
  }

  test('control: a live AWS scan loads the AWS SDK, and only that one', async () => {
    const res = await runCli(['scan', 'aws', '--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-east-1', '--call-timeout', '3s', '--no-iam', '-q'], {
      KUMOSCAN_MODULE_TRACE: join(work, 'trace-live.txt'),
      NODE_OPTIONS: `--import=${tracer}`,
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
      AWS_SECRET_ACCESS_KEY: 'example-secret-not-a-real-key',
      LANG: 'C.UTF-8',
    });
    assert.equal(res.code, 3, res.stderr);
    const modules = readFileSync(join(work, 'trace-live.txt'), 'utf8').split('\n');
    assert.deepEqual(sdksIn(modules), ['aws']);
  });

  // --format pdf with the browser path pointed at nothing: one line in the language asked, exit 2, and playwright-core
  // is never loaded (the browser is looked for before anything is rendered).
  for (const [lang, line] of [
    ['en', 'kumoscan: no Chromium found: the pdf format prints with KUMOSCAN_CHROMIUM=/nonexistent/chromium, which does not exist\n'],
    ['ja', 'kumoscan: Chromium が見つかりません：pdf 形式の印刷に使う KUMOSCAN_CHROMIUM=/nonexistent/chromium は存在しません\n'],
  ] as const) {
    test(`kumoscan report <report> --format pdf --lang ${lang} without a Chromium: "${line.trim()}", exit 2`, async () => {
      const out = join(work, `no-browser-${lang}.pdf`);
      const res = await runCli(['report', shard0, '--format', 'pdf', '--out', out, '--lang', lang], {
        KUMOSCAN_CHROMIUM: '/nonexistent/chromium',
        KUMOSCAN_MODULE_TRACE: join(work, `trace-pdf-${lang}.txt`),
        NODE_OPTIONS: `--import=${tracer}`,
      });
      assert.equal(res.code, 2);
      assert.equal(res.stderr, line);
      assert.equal(res.stdout, '');
      assert.equal(existsSync(out), false);
      assert.deepEqual(sdksIn(readFileSync(join(work, `trace-pdf-${lang}.txt`), 'utf8').split('\n')), []);
    });
  }
});
