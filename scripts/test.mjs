// `npm test`: does its own set-up on a fresh clone, then runs every test with node's test runner.
//   1. npm ci when node_modules is missing or older than package-lock.json
//   2. the project-local Python venv with moto (e2e tests start moto_server themselves, on 127.0.0.1)
//   3. Debian's chromium and a Japanese font for the browser test (test/e2e/browser.test.ts), and Debian's postgresql
//      for the history test (test/e2e/history-engines.test.ts, which starts its own server), with apt-get when missing
//   4. tsc (strict type check and build into dist/)
//   5. node --test over dist/test/unit and dist/test/e2e
// Flags: --unit (unit tests only, no venv), any other argument is passed to node --test as a file filter.
import { existsSync, statSync, rmSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const files = args.filter((a) => !a.startsWith('--'));

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[test] ${cmd} ${argv.join(' ')} failed with ${r.status ?? r.signal}`);
    process.exit(r.status ?? 1);
  }
}

const nm = join(root, 'node_modules');
const lock = join(root, 'package-lock.json');
if (!existsSync(join(nm, '.package-lock.json')) || statSync(lock).mtimeMs > statSync(join(nm, '.package-lock.json')).mtimeMs) {
  console.log('[test] installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (!unitOnly) run(process.execPath, [join(root, 'scripts', 'setup-moto.mjs')]);

/** apt-get install of Debian packages a test needs; not fatal: that test then fails with this explanation, every other test still runs. */
function aptInstall(packages, forWhat) {
  console.log(`[test] installing ${packages.join(', ')} with apt-get (for ${forWhat})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env }) : update;
  if (install.status !== 0) console.error(`[test] apt-get could not install ${packages.join(', ')} (${install.error?.message ?? `exit ${install.status}`}): ${forWhat} will fail`);
}

/** Installs Debian's chromium (and a Japanese font, so the page and its screenshot show Japanese) once, when missing. */
function ensureChromium() {
  const packages = ['chromium', 'fonts-ipafont-gothic'];
  const installed = (p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') === true;
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0 && existsSync('/usr/bin/chromium')) return;
  aptInstall(missing.length ? missing : ['chromium'], 'the browser test');
}
if (!unitOnly) ensureChromium();

/** Installs Debian's postgresql (initdb, pg_ctl) once, when missing; the history test starts a server of its own. */
function ensurePostgres() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'initdb')))) return;
  aptInstall(['postgresql'], 'the history test');
}
if (!unitOnly) ensurePostgres();
rmSync(join(root, 'dist'), { recursive: true, force: true });
run(process.execPath, [join(nm, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
// Test files are listed explicitly: given a directory, node --test would also run every helper under a test/ folder.
const testFiles = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.js')).sort().map((f) => `${dir}/${f}`) : []);
const targets = files.length > 0 ? files : [...testFiles('dist/test/unit'), ...(unitOnly ? [] : testFiles('dist/test/e2e'))];
run(process.execPath, ['--test', '--test-concurrency=2', ...targets], { env: { ...process.env, KUMOSCAN_ROOT: root } });
