// Signals and output paths against a live scan (moto behind a proxy that can hold a call open and counts what
// reaches moto): SIGTERM / SIGINT during the scan or during the write stop cleanly ("cancelled", exit 143 / 130,
// the previous report and snapshot byte-identical, no temporary file left); a SIGKILL during the write leaves the
// previous file; a bad output path is exit 2 before any request is sent.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCli, runCli } from '../helpers/cli.js';
import { startHoldProxy } from '../helpers/hold-proxy.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { seedHrScenario } from '../helpers/seed-hr.js';

let moto: Moto;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-cancel-e2e-'));

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

const PREVIOUS_REPORT = '{"previous": "report", "kept": true}\n';
const PREVIOUS_SNAPSHOT = '{"previous": "snapshot"}\n';

/** A folder holding a previous report and snapshot. */
function previousRun(name: string): { dir: string; report: string; snapshot: string } {
  const dir = join(work, name);
  mkdirSync(dir);
  const report = join(dir, 'report.json');
  const snapshot = join(dir, 'snap.json');
  writeFileSync(report, PREVIOUS_REPORT);
  writeFileSync(snapshot, PREVIOUS_SNAPSHOT);
  return { dir, report, snapshot };
}

function assertUntouched(run: { dir: string; report: string; snapshot: string }): void {
  assert.equal(readFileSync(run.report, 'utf8'), PREVIOUS_REPORT, 'the previous report is byte-identical');
  assert.equal(readFileSync(run.snapshot, 'utf8'), PREVIOUS_SNAPSHOT, 'the previous snapshot is byte-identical');
  assert.deepEqual(readdirSync(run.dir).sort(), ['report.json', 'snap.json'], 'no temporary file is left');
}

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('SIGTERM / SIGINT during a live scan (a call held open)', () => {
  for (const [signal, code, lang, message] of [
    ['SIGTERM', 143, 'en', /^kumoscan: cancelled \(SIGTERM\); no file was left half-written \(files not yet written keep their previous content\)\n$/],
    ['SIGINT', 130, 'ja', /^kumoscan: 中断しました（SIGINT）。/],
  ] as const) {
    test(`${signal}: "cancelled" in ${lang}, exit ${code}, previous report and snapshot intact`, async () => {
      // GetBucketPolicy of the public bucket never answers.
      const proxy = await startHoldProxy(moto.endpoint, (req, url) => req.method === 'GET' && url.searchParams.has('policy'));
      const run = previousRun(`scan-${signal}`);
      try {
        const cli = startCli(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--no-iam', '--sample', 'none', '--quiet', '--lang', lang, '--format', 'json', '--out', run.report, '--save-snapshot', run.snapshot], MOTO_ENV);
        await Promise.race([proxy.held, cli.result.then((r) => Promise.reject(new Error(`ended before the held call: ${r.code} ${r.stderr}`)))]);
        cli.proc.kill(signal);
        const res = await cli.result;
        assert.equal(res.code, code, res.stderr);
        assert.match(res.stderr, message);
        assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
        assertUntouched(run);
      } finally {
        await proxy.close();
      }
    });
  }
});

describe('a signal during the write (held between fsync and rename by the test hook)', () => {
  const snapshotArgs = (run: { report: string; snapshot: string }): string[] => ['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--no-iam', '--sample', 'none', '--quiet', '--lang', 'en', '--format', 'json', '--out', run.report, '--save-snapshot', run.snapshot];
  const tempIn = (dir: string): string | undefined => readdirSync(dir).find((f) => f.endsWith('.kumoscan-tmp'));

  test('SIGTERM while the snapshot is written: exit 143, both previous files intact, the temporary file removed', async () => {
    const run = previousRun('write-term');
    const cli = startCli(snapshotArgs(run), { ...MOTO_ENV, KUMOSCAN_TEST_WRITE_PAUSE_MS: '30000' });
    const tmp = await waitFor('the temporary snapshot', () => tempIn(run.dir));
    assert.match(tmp, /^\.snap\.json\.\d+-[0-9a-f]+\.kumoscan-tmp$/, 'the temporary file is in the same folder');
    cli.proc.kill('SIGTERM');
    const res = await cli.result;
    assert.equal(res.code, 143, res.stderr);
    assert.match(res.stderr, /cancelled \(SIGTERM\)/);
    assertUntouched(run);
  });

  test('SIGKILL while the snapshot is written: the previous file is intact (the rename never happened)', async () => {
    const run = previousRun('write-kill');
    const cli = startCli(snapshotArgs(run), { ...MOTO_ENV, KUMOSCAN_TEST_WRITE_PAUSE_MS: '30000' });
    const tmp = await waitFor('the temporary snapshot', () => tempIn(run.dir));
    // The whole new snapshot is in the temporary file; the target still holds the previous one.
    await waitFor('the fsynced temporary file', () => (readFileSync(join(run.dir, tmp), 'utf8').endsWith('}\n') ? true : undefined));
    cli.proc.kill('SIGKILL');
    const res = await cli.result;
    assert.equal(res.signal, 'SIGKILL');
    assert.equal(readFileSync(run.snapshot, 'utf8'), PREVIOUS_SNAPSHOT);
    assert.equal(readFileSync(run.report, 'utf8'), PREVIOUS_REPORT);
  });

  test('without a signal the same run replaces both files whole', async () => {
    const run = previousRun('write-ok');
    const res = await runCli(snapshotArgs(run), MOTO_ENV);
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    assert.equal((JSON.parse(readFileSync(run.report, 'utf8')) as { tool: { name: string } }).tool.name, 'kumoscan');
    assert.equal((JSON.parse(readFileSync(run.snapshot, 'utf8')) as { provider: string }).provider, 'aws');
    assert.deepEqual(readdirSync(run.dir).sort(), ['report.json', 'snap.json']);
  });
});

describe('output paths are checked before any call', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['--save-snapshot into a folder not yet created', (d) => ['--save-snapshot', join(d, 'not-yet', 'snap.json')], /^kumoscan: --save-snapshot \S+not-yet\/snap\.json: the folder \S+not-yet does not exist \(create it first\)\n$/],
    ['--out into a missing folder', (d) => ['--out', join(d, 'nope', 'r.json')], /^kumoscan: --out \S+nope\/r\.json: the folder \S+nope does not exist \(create it first\)\n$/],
    ['--out naming a folder', (d) => ['--out', d], /^kumoscan: --out \S+: is a folder; give a file name\n$/],
    ['--out-dir under a file', (d) => ['--out-dir', join(d, 'a-file', 'reports')], /^kumoscan: --out-dir \S+a-file\/reports: cannot create the folder \(a part of the path is a file, not a folder\)\n$/],
  ];
  for (const [label, flags, expected] of cases) {
    test(`${label}: exit 2, one line, no request reached moto`, async () => {
      const proxy = await startHoldProxy(moto.endpoint);
      const dir = mkdtempSync(join(work, 'paths-'));
      writeFileSync(join(dir, 'a-file'), 'x');
      try {
        const res = await runCli(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--no-iam', '--format', 'json', ...flags(dir)], MOTO_ENV);
        assert.equal(res.code, 2, res.stderr);
        assert.match(res.stderr, expected);
        assert.doesNotMatch(res.stderr, /ENOENT|ENOTDIR/, 'no raw error code');
        assert.deepEqual(proxy.seen, [], 'no request was sent');
      } finally {
        await proxy.close();
      }
    });
  }

  test('--out-dir that does not exist yet is created (documented), and the reports are written there', async () => {
    const proxy = await startHoldProxy(moto.endpoint);
    const dir = join(work, 'new', 'nested', 'out');
    try {
      const res = await runCli(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--no-iam', '--sample', 'none', '--quiet', '--format', 'json,md', '--out-dir', dir], MOTO_ENV);
      assert.ok(res.code === 0 || res.code === 1, res.stderr);
      assert.deepEqual(readdirSync(dir).sort(), ['kumoscan-report.json', 'kumoscan-report.md']);
      assert.ok(proxy.seen.length > 0);
    } finally {
      await proxy.close();
    }
  });
});
