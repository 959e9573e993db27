// `kumoscan scan` logs on a saved snapshot (no cloud): the exact event sequence in JSON lines and text, --quiet,
// a fatal error as a JSON line, and standard output still the report alone.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { packagePath, VERSION } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const EXAMPLE = packagePath('examples', 'aws-hr-system.snapshot.json');
const dir = mkdtempSync(join(tmpdir(), 'kumoscan-logs-'));

function jsonLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('scan --input with --log-format json', () => {
  test('one JSON object per event, in order, with the exact fields; stdout is the report', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--log-format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    assertValidReport(JSON.parse(res.stdout) as Report);
    const lines = jsonLines(res.stderr);
    assert.deepEqual(
      lines.map((l) => l.event),
      ['scan.start', 'scope.found', 'error', 'error', 'report.written', 'scan.end'],
    );
    for (const l of lines) {
      assert.match(String(l.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.ok(['info', 'warn'].includes(String(l.level)), String(l.level));
    }
    const [start, scope, err, , written, end] = lines;
    assert.deepEqual({ ...start, time: 0 }, { time: 0, level: 'info', severity: 'INFO', event: 'scan.start', message: 'evaluating a saved snapshot', version: VERSION, provider: null, source: 'snapshot', concurrency: 8, bucketFilters: [], probe: false, sample: 'none', failOn: 'high', formats: ['json'] });
    assert.deepEqual({ ...scope, time: 0 }, { time: 0, level: 'info', severity: 'INFO', event: 'scope.found', message: '1 account(s), 3 resource(s)', provider: 'aws', accounts: ['111122223333'], resources: 3 });
    assert.deepEqual({ ...err, time: 0 }, { time: 0, level: 'warn', severity: 'WARNING', event: 'error', message: 'Access Denied', scope: 'arn:aws:s3:::hr-system-audit-denied', call: 'GetBucketAcl', code: 'AccessDenied' });
    assert.deepEqual({ ...written, time: 0 }, { time: 0, level: 'info', severity: 'INFO', event: 'report.written', message: 'json report written to standard output', path: '-', format: 'json' });
    assert.equal(typeof end?.durationMs, 'number');
    assert.deepEqual({ ...end, time: 0, durationMs: 0, message: '' }, { time: 0, level: 'info', severity: 'INFO', event: 'scan.end', message: '', provider: 'aws', durationMs: 0, resources: 3, findings: { critical: 1, high: 3, medium: 7, low: 4, info: 4 }, errors: 2, complete: false, exitCode: 1 });
  });

  test('--out-dir: one report.written per file', async () => {
    const out = join(dir, 'reports');
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json,html', '--out-dir', out, '--log-format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    assert.equal(res.stdout, '');
    const written = jsonLines(res.stderr).filter((l) => l.event === 'report.written');
    assert.deepEqual(written.map((l) => [l.path, l.format]), [[join(out, 'kumoscan-report.json'), 'json'], [join(out, 'kumoscan-report.html'), 'html']]);
  });

  test('a usage error is one fatal JSON line, exit 2', async () => {
    const res = await runCli(['scan', '--input', join(dir, 'missing.json'), '--log-format', 'json']);
    assert.equal(res.code, 2);
    assert.equal(res.stdout, '');
    const lines = jsonLines(res.stderr);
    assert.deepEqual(lines.map((l) => l.event), ['scan.start', 'fatal']);
    assert.deepEqual({ ...lines[1], time: 0 }, { time: 0, level: 'error', severity: 'ERROR', event: 'fatal', message: `cannot read snapshot ${join(dir, 'missing.json')}: ENOENT`, exitCode: 2 });
  });
});

describe('scan --input: text lines (not a TTY) and --quiet', () => {
  test('text (the default when standard error is not a terminal): one line per event', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const lines = res.stderr.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(/ +/).slice(1, 3).join(' ')),
      ['info scan.start', 'info scope.found', 'warn error', 'warn error', 'info report.written', 'info scan.end'],
    );
    assert.match(lines[1] ?? '', /^\S+ info  scope\.found provider=aws accounts=111122223333 resources=3$/);
    assert.match(lines[5] ?? '', / scan\.end provider=aws durationMs=\d+ resources=3 findings=critical:1,high:3,medium:7,low:4,info:4 errors=2 complete=false exitCode=1$/);
  });

  test('--quiet: nothing on standard error (the recorded errors are in the report), same report and exit code', async () => {
    const quiet = await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--quiet']);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stderr, '');
    assert.equal((JSON.parse(quiet.stdout) as Report).summary.errors, 2);
    const json = await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '-q', '--log-format', 'json']);
    assert.equal(json.stderr, '');
  });

  test('--quiet still shows an error that stops the scan', async () => {
    const res = await runCli(['scan', '--input', join(dir, 'missing.json'), '--quiet']);
    assert.equal(res.code, 2);
    assert.equal(res.stderr, `kumoscan: cannot read snapshot ${join(dir, 'missing.json')}: ENOENT\n`);
  });

  test('text: a scan that stops on a usage error before reading anything leaves the one error line only', async () => {
    const res = await runCli(['scan', '--input', join(dir, 'missing.json')]);
    assert.equal(res.code, 2);
    assert.equal(res.stderr, `kumoscan: cannot read snapshot ${join(dir, 'missing.json')}: ENOENT\n`);
  });

  test('--log-format takes auto, text or json only', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--log-format', 'xml']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /option '--log-format <format>' argument 'xml' is invalid\. Allowed choices are auto, text, json\./);
  });
});
