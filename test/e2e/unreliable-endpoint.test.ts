// A live scan of moto through a proxy that stalls, refuses and resets calls (test/helpers/fault-proxy.ts): every
// call ends within --call-timeout, the scan within --scan-timeout, the report and the snapshot are written, the
// verdicts that depend on a lost call are null, failed object reads leave the personal-data status unknown (never
// "no personal data"), the log shows the scan while it runs, and a ListBuckets page cut without a continuation
// token does not hide buckets.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Report } from '../../reports/render/json.js';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { employeeCsv } from '../helpers/employees.js';
import { RESET, STALL, startFaultProxy, type FaultProxy, type FaultRule } from '../helpers/fault-proxy.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { PUBLIC_READ_POLICY, s3For } from '../helpers/seed-hr.js';
import { startFakeGcs } from '../helpers/gcs-server.js';
import { gcsEnv, HR_PUBLIC as GCS_PUBLIC, hrWorld } from '../helpers/seed-gcs-hr.js';

const OPEN = 'night-open';
const HELD = 'night-held';
const REFUSED = 'night-refused';
const RESETS = 'night-reset';
const PAYROLL = employeeCsv(200);
const REGION = 'us-east-1';
const work = mkdtempSync(join(tmpdir(), 'kumoscan-faults-'));

let moto: Moto;

before(async () => {
  moto = await startMoto();
  const s3 = s3For(moto.endpoint, REGION);
  for (const bucket of [OPEN, HELD, REFUSED, RESETS]) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // A public bucket holding 200 employees with their My Numbers; the others read by anyone too, so a lost call matters.
  for (const bucket of [OPEN, HELD, REFUSED, RESETS]) await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: PUBLIC_READ_POLICY(bucket) }));
  await s3.send(new PutObjectCommand({ Bucket: OPEN, Key: 'payroll/employees.csv', Body: PAYROLL.bytes }));
  s3.destroy();
});
after(async () => {
  await moto?.stop();
});

const isGetObject = (r: Parameters<FaultRule>[0]): boolean => r.method === 'GET' && r.key !== undefined && [...r.query.keys()].every((k) => k.startsWith('x-id') || k.startsWith('X-'));
const isPolicyOf = (r: Parameters<FaultRule>[0], bucket: string): boolean => r.bucket === bucket && r.query.has('policy');

async function withProxy<T>(rule: FaultRule, body: (proxy: FaultProxy) => Promise<T>): Promise<T> {
  const proxy = await startFaultProxy(moto.endpoint, rule);
  try {
    return await body(proxy);
  } finally {
    await proxy.close();
  }
}

function scanArgs(endpoint: string, ...extra: string[]): string[] {
  return ['scan', 'aws', '--endpoint-url', endpoint, '--region', REGION, '--format', 'json', '--no-iam', '--fail-on', 'none', ...extra];
}

async function timed(args: string[]): Promise<CliResult & { seconds: number }> {
  const started = Date.now();
  const res = await runCli(args, MOTO_ENV);
  return { ...res, seconds: (Date.now() - started) / 1000 };
}

function reportOf(res: CliResult): Report {
  assert.ok(res.stdout.startsWith('{'), `no JSON report on stdout; stderr:\n${res.stderr}`);
  const report = JSON.parse(res.stdout) as Report;
  assertValidReport(report);
  return report;
}

function resource(report: Report, name: string): Report['resources'][number] {
  const r = report.resources.find((x) => x.name === name);
  assert.ok(r, `${name} not in the report`);
  return r;
}

function assessmentOf(report: Report, name: string): NonNullable<Report['assessment']>['perResource'][number] {
  const a = report.assessment?.perResource.find((p) => p.resourceId === `arn:aws:s3:::${name}`);
  assert.ok(a, `no assessment for ${name}`);
  return a;
}

describe('the control: the same scan without faults', () => {
  test('the public bucket with 200 My Numbers is found, complete, likely reportable', async () => {
    const res = await timed(scanArgs(moto.endpoint, '--buckets', OPEN));
    assert.equal(res.code, 0, res.stderr);
    const report = reportOf(res);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    const a = assessmentOf(report, OPEN);
    assert.equal(a.personalData, true);
    assert.equal(a.reportability?.result, 'likely');
    assert.equal(a.reportability?.myNumberAct.applies, true);
  });
});

describe('a call that never answers', () => {
  test('GetBucketPolicy held open for ever: the scan ends within --call-timeout, writes report and snapshot, the read verdict is null', async () => {
    const snapshot = join(work, 'held.snapshot.json');
    await withProxy(
      (r) => (isPolicyOf(r, HELD) ? STALL : undefined),
      async (proxy) => {
        const res = await timed(scanArgs(proxy.endpoint, '--buckets', `${HELD},${REFUSED}`, '--call-timeout', '3s', '--sample', 'none', '--save-snapshot', snapshot));
        assert.equal(res.code, 3, res.stderr);
        // 3 s for the held call, the rest is moto and node start-up on a busy machine; without a timeout it never ends.
        assert.ok(res.seconds < 3 + 25, `took ${res.seconds} s`);
        assert.ok(proxy.faults >= 1, 'the policy call reached the proxy');
        const report = reportOf(res);
        assert.equal(report.summary.complete, false);
        const held = resource(report, HELD);
        assert.equal(held.exposure.read, null);
        assert.deepEqual(
          held.errors.map((e) => [e.call, e.code]),
          [['GetBucketPolicy', 'Timeout']],
        );
        assert.match(held.errors[0]?.message ?? '', /no answer within 3s \(--call-timeout\)/);
        assert.deepEqual(report.errors.map((e) => [e.call, e.code]), [['GetBucketPolicy', 'Timeout']]);
        // The other bucket is read as usual.
        assert.equal(resource(report, REFUSED).exposure.read, true);
        assert.ok(existsSync(snapshot), 'snapshot written');
        const snap = JSON.parse(readFileSync(snapshot, 'utf8')) as { buckets: { Name: string; errors?: { call: string; code: string }[] }[] };
        assert.deepEqual(snap.buckets.find((b) => b.Name === HELD)?.errors?.map((e) => e.code), ['Timeout']);
      },
    );
  });

  test('--call-timeout and --scan-timeout reject what is not a duration (exit 2, one line)', async () => {
    for (const [flag, value] of [['--call-timeout', 'soon'], ['--scan-timeout', '-5m'], ['--call-timeout', '0s']] as const) {
      const res = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, flag, value], MOTO_ENV);
      assert.equal(res.code, 2, `${flag} ${value}: ${res.stderr}`);
      assert.match(res.stderr, /must be a duration such as 30s, 10m or 2h/);
      assert.doesNotMatch(res.stderr, /\n\s+at /);
    }
  });
});

describe('object reads that fail during sampling', () => {
  for (const [what, fault, code, args] of [
    ['refused (403)', { status: 403, code: 'AccessDenied', message: 'Access Denied' }, 'AccessDenied', [] as string[]],
    ['stalled', STALL, 'Timeout', ['--call-timeout', '2s']],
  ] as const) {
    test(`every GetObject ${what}: incomplete, exit 3, the errors listed, personal-data status unknown — never "no personal data"`, async () => {
      await withProxy(
        (r) => (r.bucket === OPEN && isGetObject(r) ? fault : undefined),
        async (proxy) => {
          const res = await timed(scanArgs(proxy.endpoint, '--buckets', OPEN, ...args));
          assert.equal(res.code, 3, res.stderr);
          assert.ok(res.seconds < 40, `took ${res.seconds} s`);
          assert.ok(proxy.faults >= 1);
          const report = reportOf(res);
          assert.equal(report.summary.complete, false);
          const r = resource(report, OPEN);
          assert.equal(r.exposure.read, true);
          assert.deepEqual(
            r.errors.map((e) => [e.call, e.code]),
            [['SampleRead', code]],
          );
          assert.match(r.errors[0]?.message ?? '', new RegExp(`^1 of 1 sampled object\\(s\\) could not be read: read failed \\(${code}`));
          assert.deepEqual(report.errors.map((e) => [e.call, e.code]), [['SampleRead', code]]);
          const a = assessmentOf(report, OPEN);
          assert.equal(a.personalData, null, 'unknown, not false');
          assert.ok(a.reportability, 'reportability estimated');
          assert.equal(a.reportability.result, 'review');
          assert.deepEqual(
            a.reportability.categories.map((c) => [c.category, c.applies]),
            [[1, null], [2, null], [3, null], [4, null]],
          );
          assert.match(a.reportability.categories[0]?.reason.en ?? '', /^Cannot be ruled out: some or all sampled objects could not be read \((AccessDenied|Timeout)\)/);
          assert.match(a.note.en, /^Personal-data status unknown: some or all sampled objects could not be read/);
          assert.match(a.note.ja, /^個人データの有無は不明です/);
          assert.ok(report.assessment?.reportable.includes(`arn:aws:s3:::${OPEN}`));
          // No raw value from the file in the report (nothing was read, and the key is masked).
          for (const v of PAYROLL.rawValues.slice(0, 20)) assert.ok(!res.stdout.includes(v));
        },
      );
    });
  }
});

describe('the scan deadline', () => {
  test('--scan-timeout: calls in flight are cut, nothing new starts, every bucket is accounted for, the report is written, exit 3', async () => {
    const snapshot = join(work, 'deadline.snapshot.json');
    await withProxy(
      (r) => (r.query.has('policy') ? STALL : undefined),
      async (proxy) => {
        const res = await timed(scanArgs(proxy.endpoint, '--buckets', 'night-*', '--concurrency', '2', '--call-timeout', '5m', '--scan-timeout', '4s', '--save-snapshot', snapshot));
        assert.equal(res.code, 3, res.stderr);
        assert.ok(res.seconds < 4 + 25, `took ${res.seconds} s`);
        const report = reportOf(res);
        assert.equal(report.summary.complete, false);
        assert.deepEqual(report.resources.map((r) => r.name).sort(), [HELD, OPEN, REFUSED, RESETS]);
        for (const r of report.resources) {
          assert.equal(r.exposure.read, null, `${r.name}: read`);
          assert.ok(r.errors.some((e) => e.call === 'GetBucketPolicy' && e.code === 'ScanTimeout'), `${r.name}: ${JSON.stringify(r.errors)}`);
        }
        // Buckets never started are recorded call by call, so every verdict that needed a call is null.
        const notStarted = report.resources.filter((r) => r.errors.some((e) => e.call === 'GetBucketAcl' && e.code === 'ScanTimeout'));
        assert.ok(notStarted.length >= 2, 'buckets left for after the deadline are recorded');
        // Sampling after the deadline: not started, recorded.
        const open = resource(report, OPEN);
        assert.ok(open.errors.some((e) => e.call === 'SampleObjects' && e.code === 'ScanTimeout'), JSON.stringify(open.errors));
        assert.equal(assessmentOf(report, OPEN).personalData, null);
        assert.ok(existsSync(snapshot));
      },
    );
  });
});

/** Runs the CLI and records each standard-error line with what the proxy held open when it arrived. */
function runStreaming(args: string[], proxy: FaultProxy): Promise<{ code: number | null; lines: { event: string; held: boolean }[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'kumoscan.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: work, ...MOTO_ENV },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines: { event: string; held: boolean }[] = [];
    let buffer = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d: string) => {
      buffer += d;
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        // Before the held call reached the proxy, or while it is held: its answer has not come yet.
        lines.push({ event: String((JSON.parse(line) as { event?: unknown }).event), held: proxy.faults === 0 || proxy.stalled > 0 });
      }
    });
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, lines }));
  });
}

describe('the log while the scan runs', () => {
  test('scan.start, collect.start and the first resource.done are logged while a call is still held open', async () => {
    await withProxy(
      (r) => (isPolicyOf(r, HELD) ? STALL : undefined),
      async (proxy) => {
        const out = await runStreaming(scanArgs(proxy.endpoint, '--buckets', `${HELD},${REFUSED}`, '--call-timeout', '6s', '--sample', 'none', '--log-format', 'json'), proxy);
        assert.equal(out.code, 3);
        const events = out.lines.map((l) => l.event);
        assert.deepEqual(events, ['scan.start', 'collect.start', 'scope.found', 'resource.done', 'resource.done', 'error', 'report.written', 'scan.end']);
        // The start lines, the scope (right after the listing) and the other bucket's line come while the held call
        // is still unanswered.
        assert.deepEqual(out.lines.slice(0, 4).map((l) => l.held), [true, true, true, true]);
      },
    );
  });
});

describe('a proxy that stalls, refuses and resets: the nightly scan', () => {
  test('ends within its deadline with every failure accounted for', async () => {
    const snapshot = join(work, 'nightly.snapshot.json');
    await withProxy(
      (r) => {
        if (isPolicyOf(r, HELD)) return STALL;
        if (r.bucket === REFUSED && r.query.has('acl')) return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
        if (r.bucket === RESETS && r.query.has('tagging')) return RESET;
        if (r.bucket === OPEN && isGetObject(r)) return STALL;
        return undefined;
      },
      async (proxy) => {
        const res = await timed(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--region', REGION, '--format', 'json', '--buckets', 'night-*', '--call-timeout', '3s', '--scan-timeout', '2m', '--save-snapshot', snapshot]);
        assert.ok(res.seconds < 120, `took ${res.seconds} s`);
        assert.equal(res.code, 1, res.stderr); // public buckets are findings at the default --fail-on high
        const report = reportOf(res);
        assert.equal(report.summary.complete, false);
        const codes = (name: string): string[] => resource(report, name).errors.map((e) => `${e.call}:${e.code}`).sort();
        assert.deepEqual(codes(HELD), ['GetBucketPolicy:Timeout']);
        assert.deepEqual(codes(REFUSED), ['GetBucketAcl:AccessDenied']);
        assert.equal(codes(RESETS).length, 1);
        assert.match(codes(RESETS)[0] ?? '', /^GetBucketTagging:ECONNRESET$/);
        assert.deepEqual(codes(OPEN), ['SampleRead:Timeout']);
        assert.equal(assessmentOf(report, OPEN).personalData, null);
        assert.equal(resource(report, HELD).exposure.read, null);
        assert.ok(existsSync(snapshot));
      },
    );
  });
});

describe('ListBuckets: a full page without a continuation token', () => {
  test('1,004 buckets on moto (which answers MaxBuckets=1000 with the first 1,000 and no token): the 4 last ones are scanned', async () => {
    // 4 night-* buckets exist; 996 fillers make the first page full, the 4 tail-* buckets come after it.
    const s3 = s3For(moto.endpoint, REGION);
    const fillers = Array.from({ length: 996 }, (_, i) => `filler-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < fillers.length; i += 50) await Promise.all(fillers.slice(i, i + 50).map((Bucket) => s3.send(new CreateBucketCommand({ Bucket }))));
    for (const Bucket of ['tail-1', 'tail-2', 'tail-3', 'tail-4']) await s3.send(new CreateBucketCommand({ Bucket }));
    s3.destroy();
    await withProxy(
      () => undefined,
      async (proxy) => {
        const res = await timed(scanArgs(proxy.endpoint, '--buckets', 'tail-*', '--sample', 'none'));
        assert.equal(res.code, 0, res.stderr);
        const report = reportOf(res);
        assert.deepEqual(report.resources.map((r) => r.name).sort(), ['tail-1', 'tail-2', 'tail-3', 'tail-4']);
        assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
        const lists = proxy.seen.filter((r) => r.bucket === undefined && r.method === 'GET' && r.service === 's3');
        assert.deepEqual(lists.map((r) => r.query.get('max-buckets')), ['1000', null], 'the paginated call, then the unpaginated one');
      },
    );
  });

  test('an unpaginated listing that is cut too: the scan says the listing may be cut (incomplete, exit 3)', async () => {
    await withProxy(
      // A store that never returns more than the page, and no token (the unpaginated call is refused).
      (r) => (r.bucket === undefined && r.service === 's3' && !r.query.has('max-buckets') ? { status: 403, code: 'AccessDenied', message: 'Access Denied' } : undefined),
      async (proxy) => {
        const res = await timed(scanArgs(proxy.endpoint, '--buckets', 'tail-*', '--sample', 'none'));
        assert.equal(res.code, 3, res.stderr);
        const report = reportOf(res);
        assert.equal(report.summary.complete, false);
        assert.deepEqual(report.resources, []);
        assert.deepEqual(report.errors.map((e) => [e.call, e.code]), [['ListBuckets', 'AccessDenied']]);
        assert.match(report.errors[0]?.message ?? '', /full page of 1000 buckets came back without a continuation token .*the listing may be cut/);
      },
    );
  });
});

describe('Cloud Storage: a call that never answers', () => {
  test('buckets.getIamPolicy held open: the scan ends within --call-timeout, the bucket\'s read verdict is null, exit 3', async () => {
    const gcs = await startFakeGcs(hrWorld());
    try {
      const proxy = await startFaultProxy(gcs.url, (r) => (r.key?.endsWith(`/b/${GCS_PUBLIC}/iam`) ? STALL : undefined));
      try {
        const started = Date.now();
        const res = await runCli(['scan', 'gcp', '--gcs-endpoint', proxy.endpoint, '--gcp-api-endpoint', gcs.url, '--format', 'json', '--fail-on', 'none', '--sample', 'none', '--call-timeout', '3s', '--quiet'], gcsEnv(gcs.token));
        const seconds = (Date.now() - started) / 1000;
        assert.equal(res.code, 3, res.stderr);
        assert.ok(seconds < 3 + 25, `took ${seconds} s`);
        assert.ok(proxy.faults >= 1);
        const report = reportOf(res);
        const r = resource(report, GCS_PUBLIC);
        assert.equal(r.exposure.read, null);
        assert.deepEqual(r.errors.map((e) => [e.call, e.code]), [['buckets.getIamPolicy', 'Timeout']]);
      } finally {
        await proxy.close();
      }
    } finally {
      await gcs.close();
    }
  });
});
