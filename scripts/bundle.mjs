// `npm run bundle`: the production bundle the container image copies (and nothing else), in one directory:
//   dist/{src,providers,checks,reports}  compiled with tsconfig.build.json (no tests, no benchmarks, no source maps)
//   bin/kumoscan.js, package.json, package-lock.json, reports/*.schema.json, examples/
//   node_modules/                         production dependencies only: npm ci --omit=dev --ignore-scripts
// Usage: node scripts/bundle.mjs [--out DIR] [--no-install]     (default DIR: build/bundle, git-ignored)
// The Dockerfile's build stage runs this same script, so what is tested here is what the image holds.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function flagValue(name) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) {
    console.error(`[bundle] ${name} needs a value`);
    process.exit(2);
  }
  return v;
}

const known = new Set(['--out', '--no-install']);
for (const a of args) {
  if (a.startsWith('--') && !known.has(a)) {
    console.error(`[bundle] unknown option ${a} (known: --out DIR, --no-install)`);
    process.exit(2);
  }
}
const out = resolve(flagValue('--out') ?? join(root, 'build', 'bundle'));
const install = !args.includes('--no-install');
if (out === resolve(root) || resolve(root).startsWith(out + '/')) {
  console.error(`[bundle] refusing to bundle into ${out}: it contains the project`);
  process.exit(2);
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[bundle] ${cmd} ${argv.join(' ')} failed with ${r.status ?? r.signal ?? r.error?.message}`);
    process.exit(r.status ?? 1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. Compile: only what runs in production.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
run(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', join(out, 'dist')]);

// 2. The files the compiled code and the package need at run time.
for (const f of ['package.json', 'package-lock.json', 'LICENSE', 'README.md']) {
  if (existsSync(join(root, f))) cpSync(join(root, f), join(out, f));
}
cpSync(join(root, 'bin'), join(out, 'bin'), { recursive: true });
chmodSync(join(out, 'bin', 'kumoscan.js'), 0o755);
cpSync(join(root, 'examples'), join(out, 'examples'), { recursive: true });
mkdirSync(join(out, 'reports'), { recursive: true });
for (const f of readdirSync(join(root, 'reports')).filter((n) => n.endsWith('.schema.json'))) {
  cpSync(join(root, 'reports', f), join(out, 'reports', f));
}

// 3. Production dependencies, exactly as locked; no install scripts run.
if (install) {
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: out,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
console.log(`[bundle] ${out}${install ? '' : ' (without node_modules: --no-install)'}`);
