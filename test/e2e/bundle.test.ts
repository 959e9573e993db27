// The production bundle (scripts/bundle.mjs, what the container image copies) built into a temporary folder, then its
// CLI run the way the image runs it: a read-only root filesystem with only the --out-dir writable, HOME and TMPDIR
// pointing at folders that do not exist, the working directory not writable. As root, a real read-only mount is made
// in a private mount namespace (unshare --mount; / bind-mounted read-only, the output folder bind-mounted writable);
// where that is impossible the test falls back to listing every file changed under the bundle, the working
// directory, HOME and TMPDIR (find -newer) and says so. Either way: the only files written are under the out-dir.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { DEMO_FILES } from '../../src/demo/run.js';
import type { Report } from '../../reports/render/json.js';
import { startFakeGcs } from '../helpers/gcs-server.js';
import { MOTO_ENV, startMoto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { gcsEnv, hrWorld } from '../helpers/seed-gcs-hr.js';
import { seedHrScenario } from '../helpers/seed-hr.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-bundle-e2e-'));
const bundle = join(work, 'bundle');
const cwd = join(work, 'cwd');
const missingHome = join(work, 'no-such-home');
const missingTmp = join(work, 'no-such-tmp');

/** Can this process make a private, read-only view of / (root, with unshare and mount)? */
function readOnlyRootWorks(): boolean {
  const probe = mkdtempSync(join(work, 'probe-'));
  const r = spawnSync('unshare', ['--mount', 'sh', '-c', `mount --make-rprivate / && mount --bind / / && mount -o remount,ro,bind / && mount --bind '${probe}' '${probe}' && mount -o remount,rw,bind '${probe}' '${probe}' && touch '${probe}/ok' && ! touch '${work}/not-ok' 2>/dev/null`], { encoding: 'utf8' });
  return r.status === 0 && existsSync(join(probe, 'ok')) && !existsSync(join(work, 'not-ok'));
}

let readOnly = false;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled kumoscan with a minimal environment (plus `extraEnv`); `out` is the only folder it may write. */
function kumoscan(args: string[], out: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  mkdirSync(out, { recursive: true });
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_EC2_METADATA_DISABLED: 'true', LANG: 'C.UTF-8', ...extraEnv, HOME: missingHome, TMPDIR: missingTmp };
  const argv = [process.execPath, join(bundle, 'bin', 'kumoscan.js'), ...args];
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const [cmd, cmdArgs, cmdCwd] = readOnly
    ? ['unshare', ['--mount', 'sh', '-c', `mount --make-rprivate / && mount --bind / / && mount -o remount,ro,bind / && mount --bind '${out}' '${out}' && mount -o remount,rw,bind '${out}' '${out}' && cd '${cwd}' && exec ${quoted}`], undefined]
    : [argv[0] as string, argv.slice(1), cwd];
  // Asynchronous: the local GCS stand-in answers from this process.
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, cmdArgs, { env, ...(cmdCwd ? { cwd: cmdCwd } : {}), stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file or folder under `dir` modified after `since` (ms). */
function changedSince(dir: string, since: number): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (st && st.mtimeMs > since) out.push(p);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(p);
    }
  };
  if (statSync(dir).mtimeMs > since) out.push(dir);
  walk(dir);
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

let startedAt = 0;

before(() => {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'bundle.mjs'), '--out', bundle], { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 0, `bundle failed:\n${r.stdout}\n${r.stderr}`);
  mkdirSync(cwd);
  readOnly = readOnlyRootWorks();
  // Folders' mtimes have a 1 ms or coarser grain: start the clock after a short pause.
  spawnSync('sleep', ['0.05']);
  startedAt = Date.now();
  writeFileSync(join(work, 'mode.txt'), readOnly ? 'read-only mount' : 'find -newer');
});

// The bundle is ≈ 300 MB (node_modules): do not leave one behind per run.
after(() => rmSync(work, { recursive: true, force: true }));

describe('the production bundle', () => {
  test('holds the compiled CLI, the schema and the examples, and no tests, benchmarks or dev dependencies', () => {
    for (const p of ['bin/kumoscan.js', 'dist/src/cli.js', 'dist/providers/aws/collect.js', 'dist/checks', 'dist/reports/render/json.js', 'reports/report.schema.json', 'examples/aws-hr-system.snapshot.json', 'examples/demo/my-number-card-back.jpg', 'package.json', 'package-lock.json', 'node_modules/@aws-sdk/client-s3', 'node_modules/azurite']) {
      assert.ok(existsSync(join(bundle, p)), p);
    }
    assert.deepEqual(readdirSync(join(bundle, 'dist')).sort(), ['checks', 'providers', 'reports', 'src']);
    // Every package the lock file marks as needed only for development is absent (typescript, aws-sdk-client-mock …);
    // playwright-core, the browser driver of --format pdf, is a runtime dependency and is there.
    const lock = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([path, p]) => path !== '' && p.dev === true).map(([path]) => path);
    assert.ok(devOnly.includes('node_modules/typescript') && !devOnly.includes('node_modules/playwright-core'));
    assert.ok(existsSync(join(bundle, 'node_modules', 'playwright-core', 'package.json')), 'playwright-core in the production install');
    assert.deepEqual(devOnly.filter((path) => existsSync(join(bundle, path))), [], 'dev-only packages in the bundle');
    assert.equal(filesUnder(join(bundle, 'dist')).filter((f) => f.endsWith('.map') || f.includes('.test.')).length, 0);
    assert.ok(statSync(join(bundle, 'bin', 'kumoscan.js')).mode & 0o111, 'bin/kumoscan.js is executable');
  });

  test(`runs with writes only under --out-dir (${readOnlyRootWorks() ? 'read-only root mount' : 'find -newer: no read-only mount possible here'})`, async () => {
    const version = await kumoscan(['--version'], join(work, 'out-version'));
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    const checks = await kumoscan(['checks'], join(work, 'out-checks'));
    assert.equal(checks.code, 0, checks.stderr);
    assert.match(checks.stdout, /^\d+ checks \(id, severity/);

    const scanOut = join(work, 'out-scan');
    const scan = await kumoscan(['scan', '--input', join(bundle, 'examples', 'aws-hr-system.snapshot.json'), '--format', 'json,html', '--out-dir', scanOut], scanOut);
    assert.equal(scan.code, 1, `exit 1 (critical findings): ${scan.stderr}`);
    assert.deepEqual(filesUnder(scanOut), ['kumoscan-report.html', 'kumoscan-report.json']);
    const report = JSON.parse(readFileSync(join(scanOut, 'kumoscan-report.json'), 'utf8')) as Report;
    assertValidReport(report);
    assert.equal(report.scope.source, 'snapshot');

    const demoOut = join(work, 'out-demo');
    const demo = await kumoscan(['demo', '--out-dir', demoOut, '--lang', 'en'], demoOut);
    assert.equal(demo.code, 0, demo.stderr);
    assert.deepEqual(filesUnder(demoOut), Object.values(DEMO_FILES).sort(), 'the demo leaves only its reports (its certificate and Azurite folder are removed)');

    // Live scans through the AWS and Google SDKs (moto; the local GCS stand-in), sampling every bucket.
    const moto = await startMoto();
    try {
      await seedHrScenario(moto.endpoint);
      const awsOut = join(work, 'out-aws');
      const aws = await kumoscan(['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--sample', 'all', '--format', 'json', '--out-dir', awsOut], awsOut, { ...MOTO_ENV });
      assert.equal(aws.code, 1, `exit 1 (critical findings): ${aws.stderr}`);
      assert.deepEqual(filesUnder(awsOut), ['kumoscan-report.json']);
      const awsReport = JSON.parse(readFileSync(join(awsOut, 'kumoscan-report.json'), 'utf8')) as Report;
      // Complete but for the locked bucket's objects: moto applies its TLS-only Deny to plain-HTTP reads, and a
      // sampled read that fails is a recorded error.
      assert.deepEqual(awsReport.errors.map((e) => `${e.scope} ${e.call} ${e.code}`), ['arn:aws:s3:::hr-system-locked SampleRead AccessDenied'], JSON.stringify(awsReport.errors));
    } finally {
      await moto.stop();
    }
    const gcs = await startFakeGcs(hrWorld());
    try {
      const gcpOut = join(work, 'out-gcp');
      const gcp = await kumoscan(['scan', 'gcp', '--gcs-endpoint', gcs.url, '--gcp-api-endpoint', gcs.url, '--sample', 'all', '--format', 'json', '--out-dir', gcpOut], gcpOut, gcsEnv(gcs.token));
      assert.equal(gcp.code, 1, `exit 1 (critical findings): ${gcp.stderr}`);
      assert.deepEqual(filesUnder(gcpOut), ['kumoscan-report.json']);
    } finally {
      await gcs.close();
    }

    // --format pdf from the production install (playwright-core is a runtime dependency) with the local Chromium;
    // Chromium needs a writable TMPDIR for its profile, so this run has one (inside the work folder).
    if (existsSync('/usr/bin/chromium')) {
      const report = join(work, 'out-scan', 'kumoscan-report.json');
      const pdf = join(work, 'out-pdf', 'r.pdf');
      mkdirSync(join(work, 'out-pdf', 'tmp'), { recursive: true });
      const printed = spawnSync(process.execPath, [join(bundle, 'bin', 'kumoscan.js'), 'report', report, '--format', 'pdf', '--out', pdf, '--lang', 'ja'], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: join(work, 'out-pdf', 'tmp'), TMPDIR: join(work, 'out-pdf', 'tmp') },
        encoding: 'utf8',
        timeout: 180_000,
      });
      assert.equal(printed.status, 0, printed.stderr);
      assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    }

    // Nothing else changed: the bundle, the working directory, HOME and TMPDIR (which do not even exist).
    assert.deepEqual(changedSince(bundle, startedAt), []);
    assert.deepEqual(changedSince(cwd, startedAt), []);
    assert.equal(existsSync(missingHome), false);
    assert.equal(existsSync(missingTmp), false);
  });
});
