// Time limits of remote calls (src/call-limits.ts, the AWS clients' limitCalls), failed sampling reads as recorded
// errors (sampling-stage.ts), and the APPI assessment of a resource whose personal-data status is unknown.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CallTimeoutError, callLimitsOf, CALL_LIMITS_FLAG, DEFAULT_CALL_TIMEOUT_MS, formatDuration, parseDuration, ScanDeadlineError, scanDeadline, within } from '../../src/call-limits.js';
import { limitCalls } from '../../providers/aws/clients.js';
import { errorCode } from '../../providers/aws/errors.js';
import { attachSample, sampleErrors } from '../../src/data/sample-outcome.js';
import { ByteBudget, NOT_SAMPLED_DEADLINE, readFailureCode, sampleResource, type Classifiers } from '../../src/data/sample.js';
import type { ObjectReader } from '../../src/data/object-reader.js';
import type { DataProfile, FileProfile } from '../../src/data/types.js';
import { assess } from '../../reports/appi/assessment.js';
import { parseConfig } from '../../src/config/load.js';
import { configFlagValues } from '../../src/config/flags.js';
import { profile, resource, withData } from '../fixtures/appi-resources.js';
import { DEFAULT_SAMPLE_LIMITS } from '../../src/data/sample-plan.js';

const never = (signal: AbortSignal): Promise<never> => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted by signal'))));

describe('durations', () => {
  test('30s, 10m, 2h, 500ms, a bare number of seconds; nothing else', () => {
    assert.deepEqual(['30s', '10m', '2h', '500ms', '45', ' 1.5s ', 90].map(parseDuration), [30_000, 600_000, 7_200_000, 500, 45_000, 1500, 90_000]);
    for (const bad of ['', 'soon', '-5m', '0s', '10 minutes', '3d', 0, -1, Number.NaN]) assert.equal(parseDuration(bad), null, String(bad));
    assert.deepEqual([30_000, 600_000, 7_200_000, 1500].map(formatDuration), ['30s', '10m', '2h', '1500ms']);
  });

  test('kumoscan.yml: scan.callTimeout and scan.scanTimeout become the flags, in milliseconds', () => {
    const c = parseConfig('version: 1\nscan:\n  callTimeout: 45s\n  scanTimeout: 2h\n', 'k.yml');
    assert.deepEqual(configFlagValues(c, 'aws'), { callTimeout: 45_000, scanTimeout: 7_200_000 });
    assert.throws(() => parseConfig('version: 1\nscan: { callTimeout: soon }\n', 'k.yml'), /k\.yml: scan\.callTimeout: must be a duration such as 90 \(seconds\), 90s, 2m, 1m30s or 500ms/);
  });

  test('the limits scan() puts beside the provider flags, and the default', () => {
    const deadline = new AbortController().signal;
    assert.deepEqual(callLimitsOf({ [CALL_LIMITS_FLAG]: { callTimeoutMs: 5000, deadline } }), { callTimeoutMs: 5000, deadline });
    assert.deepEqual(callLimitsOf({}), { callTimeoutMs: DEFAULT_CALL_TIMEOUT_MS });
  });
});

describe('within', () => {
  test('a call that never answers fails with Timeout after the call timeout, and its signal is aborted', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    await assert.rejects(
      within({ callTimeoutMs: 50 }, (signal) => {
        seen = signal;
        return never(signal);
      }),
      (e: unknown) => e instanceof CallTimeoutError && e.name === 'Timeout' && e.code === 'Timeout' && e.message === 'no answer within 50ms (--call-timeout)',
    );
    assert.ok(Date.now() - started < 2000);
    assert.equal(seen?.aborted, true);
  });

  test('a library that ignores the signal cannot hold the call either', async () => {
    await assert.rejects(within({ callTimeoutMs: 30 }, () => new Promise(() => undefined)), CallTimeoutError);
  });

  test('the scan deadline cuts a call in flight and refuses to start new ones', async () => {
    const deadline = new AbortController();
    const call = within({ callTimeoutMs: 60_000, deadline: deadline.signal }, never);
    deadline.abort();
    await assert.rejects(call, (e: unknown) => e instanceof ScanDeadlineError && e.name === 'ScanTimeout');
    let started = false;
    await assert.rejects(
      within({ callTimeoutMs: 60_000, deadline: deadline.signal }, async () => {
        started = true;
      }),
      ScanDeadlineError,
    );
    assert.equal(started, false);
  });

  test('answers and other errors pass through unchanged', async () => {
    assert.equal(await within({ callTimeoutMs: 1000 }, async () => 42), 42);
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    await assert.rejects(within({ callTimeoutMs: 1000 }, async () => Promise.reject(denied)), (e) => e === denied);
  });

  test('scanDeadline: a signal aborted after the time, none without one', async () => {
    assert.equal(scanDeadline(undefined).signal, undefined);
    const d = scanDeadline(20);
    assert.equal(d.signal?.aborted, false);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(d.signal?.aborted, true);
  });
});

describe('limitCalls (every AWS SDK client)', () => {
  test('error codes: a reset the SDK retried (named TimeoutError) keeps its socket code; our timeouts are Timeout', () => {
    assert.equal(errorCode(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' })), 'ECONNRESET');
    assert.equal(errorCode(Object.assign(new Error('request timed out'), { name: 'TimeoutError' })), 'Timeout');
    assert.equal(errorCode(new CallTimeoutError(3000)), 'Timeout');
    assert.equal(errorCode(new ScanDeadlineError()), 'ScanTimeout');
  });

  test('send gets an abort signal, is ended by the call timeout, and keeps a caller signal', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const client = { send: (_command: unknown, options?: { abortSignal?: AbortSignal }) => (signals.push(options?.abortSignal), never(options?.abortSignal as AbortSignal)) };
    limitCalls(client, { callTimeoutMs: 40 });
    await assert.rejects(client.send({}), CallTimeoutError);
    assert.equal(signals[0]?.aborted, true);
    const caller = new AbortController();
    const call = client.send({}, { abortSignal: caller.signal });
    caller.abort(new Error('caller gave up'));
    await assert.rejects(call, /caller gave up/);
  });
});

const fileProfile = (path: string, bytes: number): FileProfile => ({ path, encoding: 'utf-8', format: 'csv', bytesRead: bytes, truncated: false, notes: [], detections: [], persons: { distinct: 0, basis: 'none' }, classes: [] });
const classifiers: Classifiers = {
  classifyBytes: async (bytes, meta) => fileProfile(meta.key, bytes.length),
  classifyName: (key) => fileProfile(key, 0),
  profile: (files, ctx): DataProfile => ({
    sampled: { objects: files.length, bytes: files.reduce((n, f) => n + f.bytesRead, 0), skipped: ctx.skipped },
    objectsListed: ctx.objectsListed,
    listingComplete: ctx.listingComplete,
    personalData: false,
    classes: ['not_personal'],
    detections: [],
    persons: { sampled: 0, estimate: { low: 0, high: 0, basis: 'none' }, over1000: false },
    examples: [],
  }),
};

function reader(fail: (key: string) => Error | undefined): ObjectReader {
  return {
    list: async () => ({ objects: ['a.csv', 'b.csv', 'c.csv'].map((key) => ({ key, size: 10 })), prefixes: [] }),
    read: async (key) => {
      const e = fail(key);
      if (e) throw e;
      return new Uint8Array(10);
    },
    close: () => undefined,
  };
}

describe('failed sampling reads are recorded errors', () => {
  test('one error per failure code, with counts and without keys; the profile keeps the reasons', async () => {
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const out = await sampleResource(reader((k) => (k === 'a.csv' ? denied : k === 'b.csv' ? reset : undefined)), DEFAULT_SAMPLE_LIMITS, new ByteBudget(1000), classifiers);
    assert.deepEqual(out.profile?.sampled.skipped.map((s) => readFailureCode(s.reason)), ['AccessDenied', 'ECONNRESET']);
    assert.deepEqual(sampleErrors(out), [
      { call: 'SampleRead', code: 'AccessDenied', message: '1 of 3 sampled object(s) could not be read: read failed (AccessDenied: Access Denied)', messageJa: 'サンプルしたオブジェクト 3 個のうち 1 個を読み取れませんでした: 読み取りに失敗しました（AccessDenied:「Access Denied」）' },
      { call: 'SampleRead', code: 'ECONNRESET', message: '1 of 3 sampled object(s) could not be read: read failed (ECONNRESET: socket hang up)', messageJa: 'サンプルしたオブジェクト 3 個のうち 1 個を読み取れませんでした: 読み取りに失敗しました（ECONNRESET:「socket hang up」）' },
    ]);
    const r = attachSample(resource(), out, undefined);
    assert.deepEqual(r.errors.map((e) => e.call), ['SampleRead', 'SampleRead']);
  });

  test('deliberate skips (archives, the byte budget) are not errors', async () => {
    const out = await sampleResource(reader(() => undefined), DEFAULT_SAMPLE_LIMITS, new ByteBudget(15), classifiers);
    assert.deepEqual(out.profile?.sampled.skipped.map((s) => s.reason), ['scan byte budget spent']);
    assert.deepEqual(sampleErrors(out), []);
  });

  test('after the scan deadline: nothing started is read, and it is said', async () => {
    const deadline = AbortSignal.abort();
    const out = await sampleResource(reader(() => undefined), DEFAULT_SAMPLE_LIMITS, new ByteBudget(1000), classifiers, undefined, deadline);
    assert.deepEqual(out, { profile: null, error: NOT_SAMPLED_DEADLINE });
    assert.deepEqual(sampleErrors(out), [{ call: 'SampleObjects', code: 'ScanTimeout', message: NOT_SAMPLED_DEADLINE }]);
  });

  test('a listing that fails stays SampleFailed', () => {
    assert.deepEqual(sampleErrors({ profile: null, error: 'listing failed (AccessDenied: denied)' }), [{ call: 'SampleObjects', code: 'SampleFailed', message: 'listing failed (AccessDenied: denied)' }]);
  });
});

describe('APPI: personal-data status unknown', () => {
  const failedRead = { call: 'SampleRead', code: 'AccessDenied', message: '20 of 20 sampled object(s) could not be read: read failed (AccessDenied: Access Denied)' };
  const scannedAt = '2026-11-22T06:00:00.000Z';

  test('a public resource whose reads failed: unknown, review, 1/2/4 cannot be ruled out — never "no personal data"', () => {
    const r = withData({ detections: [] }, (x) => (x.errors = [failedRead]));
    const [a] = assess([r], [], { scannedAt }).perResource;
    assert.ok(a);
    assert.equal(a.personalData, null);
    assert.equal(a.reportability?.result, 'review');
    assert.deepEqual(a.reportability?.categories.map((c) => c.applies), [null, null, null, null]);
    assert.equal(a.reportability?.myNumberAct.applies, false);
    assert.match(a.reportability?.myNumberAct.reason.en ?? '', /could not be checked/);
    assert.equal(a.note.en, 'Personal-data status unknown: some or all sampled objects could not be read (AccessDenied), so it is not judged free of personal data. Anyone can reach it, so breach reportability cannot be ruled out (review: check whether it is reportable). Resolve the failed reads and scan again.');
    assert.match(a.note.ja, /^個人データの有無は不明です: サンプルの一部又は全部のオブジェクトを読み取れなかった（AccessDenied）ため/);
    assert.ok(a.deadlines, 'deadlines given for a review');
  });

  test('a listing that failed (no profile at all) is unknown too', () => {
    const r = resource((x) => (x.errors = [{ call: 'SampleObjects', code: 'SampleFailed', message: 'listing failed (Timeout: no answer within 30s (--call-timeout))' }]));
    const [a] = assess([r], [], { scannedAt }).perResource;
    assert.equal(a?.personalData, null);
    assert.equal(a?.reportability?.result, 'review');
    assert.match(a?.note.en ?? '', /^Personal-data status unknown: the sample could not be taken \(SampleFailed\)/);
  });

  test('a private resource whose reads failed: unknown, no estimate', () => {
    const r = withData({ detections: [] }, (x) => {
      x.errors = [failedRead];
      x.exposure = { read: false, list: false, write: false, aclWrite: false, evidence: [] };
    });
    const [a] = assess([r], [], { scannedAt }).perResource;
    assert.equal(a?.personalData, null);
    assert.equal(a?.reportability, null);
    assert.match(a?.note.en ?? '', /^Personal-data status unknown/);
  });

  test('personal data found in what could be read stays found', () => {
    const r = withData({ detections: [['my_number', 'high', 40]] }, (x) => (x.errors = [failedRead]));
    const [a] = assess([r], [], { scannedAt }).perResource;
    assert.equal(a?.personalData, true);
    assert.equal(a?.reportability?.myNumberAct.applies, true);
  });

  test('the profile helper still says "no personal data" only when every planned read succeeded', () => {
    const [a] = assess([withData({ detections: [] })], [], { scannedAt }).perResource;
    assert.equal(a?.personalData, false);
    assert.equal(profile({ detections: [] }).personalData, false);
  });
});
