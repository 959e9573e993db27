// The logger: the progress bar as a pure function (exact strings at a width), the mode chosen from the stream
// (a fake TTY), and the exact lines of the text, JSON and quiet modes for a sequence of events.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Logger, chooseLogMode, formatJson, formatText, isMilestone, summaryLine, type LogStream } from '../../src/log/logger.js';
import { nextProgress, renderProgress, renderProgressLine, type ProgressState } from '../../src/log/progress.js';
import type { ScanEndEvent, ScanEvent } from '../../src/log/events.js';
import { scanLogger, ReportedError } from '../../src/log/cli-logging.js';
import { UsageError } from '../../src/errors.js';

class FakeStream implements LogStream {
  out = '';
  constructor(
    readonly isTTY?: boolean,
    readonly columns?: number,
  ) {}
  write(chunk: string): boolean {
    this.out += chunk;
    return true;
  }
}

const T0 = new Date('2026-11-22T06:00:00.000Z');
const clock = (): (() => Date) => {
  let t = T0.getTime();
  return () => new Date((t += 0));
};

const END: ScanEndEvent = { event: 'scan.end', provider: 'aws', durationMs: 3250, resources: 20, findings: { critical: 1, high: 2, medium: 0, low: 0, info: 4 }, errors: 3, complete: false, exitCode: 1 };

describe('progress bar: pure rendering', () => {
  test('a provider halfway, 60 columns: exact line', () => {
    assert.equal(renderProgressLine({ provider: 'aws', stage: 'collect', done: 10, total: 20, errors: 1 }, 60), 'aws    collect  [████████░░░░░░░░░]  10/20 buckets  1 error');
    assert.equal(renderProgressLine({ provider: 'aws', stage: 'collect', done: 10, total: 20, errors: 1 }, 60).length, 59);
  });
  test('80 columns: the bar takes the room; padded count; plural errors', () => {
    const line = renderProgressLine({ provider: 'aws', stage: 'collect', done: 3, total: 120, errors: 2 }, 80);
    assert.equal(line, 'aws    collect  [░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]    3/120 buckets  2 errors');
    assert.equal(line.length, 79);
  });
  test('Azure counts storage accounts; complete bar', () => {
    assert.equal(renderProgressLine({ provider: 'azure', stage: 'collect', done: 4, total: 4, errors: 0 }, 50), 'azure  collect  [███████]  4/4 accounts  0 errors');
  });
  test('before the total is known', () => {
    assert.equal(renderProgressLine({ provider: 'gcp', stage: 'collect', done: 0, total: 0, errors: 0 }, 60), 'gcp    collect  [░░░░░░░░░░░░░]  listing buckets…  0 errors');
  });
  test('a narrow terminal: no bar, then cut to width - 1', () => {
    assert.equal(renderProgressLine({ provider: 'aws', stage: 'sample', done: 1, total: 2, errors: 0 }, 40), 'aws    sample   1/2 buckets  0 errors');
    assert.equal(renderProgressLine({ provider: 'aws', stage: 'sample', done: 1, total: 2, errors: 0 }, 20), 'aws    sample   1/2');
  });
  test('one line per provider; state follows the events', () => {
    let state: ProgressState = [];
    const events: ScanEvent[] = [
      { event: 'scan.start', version: '9.9.9', provider: 'aws', source: 'live', concurrency: 8, bucketFilters: [], probe: true, sample: 'exposed', failOn: 'high', formats: ['json'] },
      { event: 'resource.done', provider: 'aws', name: 'a', done: 1, total: 2, errors: 0 },
      { event: 'resource.done', provider: 'aws', name: 'b', done: 2, total: 2, errors: 1 },
      { event: 'scope.found', provider: 'aws', accounts: ['123456789012'], resources: 2 },
      { event: 'probe.start', provider: 'aws', resources: 1 },
    ];
    for (const e of events) state = nextProgress(state, e);
    assert.deepEqual(state, [{ provider: 'aws', stage: 'probe', done: 0, total: 1, errors: 1 }]);
    assert.deepEqual(nextProgress(state, { event: 'sample.progress', provider: 'aws', done: 3, total: 7 }), [{ provider: 'aws', stage: 'sample', done: 3, total: 7, errors: 1 }]);
    state = nextProgress(state, { event: 'resource.done', provider: 'gcp', name: 'g', done: 1, total: 3, errors: 0 });
    assert.deepEqual(renderProgress(state, 50), ['aws    probe    [░░░░░░░░░]  0/1 buckets  1 error', 'gcp    collect  [██░░░░░░]  1/3 buckets  0 errors']);
  });
  test('the summary line', () => {
    assert.equal(summaryLine(END), 'kumoscan: aws 20 resource(s) in 3.3 s; findings: 1 critical, 2 high, 4 info; 3 errors; exit 1\n');
  });
});

describe('mode from the stream (TTY detection)', () => {
  test('auto: the bar on a TTY, text otherwise; --no-progress turns the bar off; explicit formats win', () => {
    assert.equal(chooseLogMode('auto', new FakeStream(true)), 'bar');
    assert.equal(chooseLogMode('auto', new FakeStream(false)), 'text');
    assert.equal(chooseLogMode('auto', new FakeStream(undefined)), 'text');
    assert.equal(chooseLogMode('auto', new FakeStream(true), false), 'text');
    assert.equal(chooseLogMode('json', new FakeStream(true)), 'json');
    assert.equal(chooseLogMode('text', new FakeStream(true)), 'text');
  });
  test('milestones: every 10 % of the resources, every resource when 10 or fewer, always the last', () => {
    assert.deepEqual([...Array(25).keys()].map((i) => i + 1).filter((d) => isMilestone(d, 25)), [3, 5, 8, 10, 13, 15, 18, 20, 23, 25]);
    assert.deepEqual([1, 2, 3].filter((d) => isMilestone(d, 3)), [1, 2, 3]);
  });
});

const SEQUENCE: ScanEvent[] = [
  { event: 'scan.start', version: '9.9.9', provider: 'aws', source: 'live', concurrency: 8, bucketFilters: ['hr-*'], probe: false, sample: 'exposed', failOn: 'high', formats: ['json'] },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((done): ScanEvent => ({ event: 'resource.done', provider: 'aws', name: `b${done}`, done, total: 12, errors: 0 })),
  { event: 'error', scope: 'arn:aws:s3:::b1', call: 'GetBucketPolicy', code: 'AccessDenied', message: 'User AKIAQWERTYUIOPASDFGH is not authorized' },
  { ...END, resources: 12 },
];

describe('Logger modes', () => {
  test('text: one line per event, per-resource lines at 10 % steps, redacted', () => {
    const s = new FakeStream(false);
    const log = new Logger(s, { mode: 'text' }, clock());
    for (const e of SEQUENCE) log.emit(e);
    const lines = s.out.trimEnd().split('\n');
    assert.deepEqual(lines.map((l) => l.split(/ +/).slice(0, 3).join(' ')), [
      '2026-11-22T06:00:00.000Z info scan.start',
      ...[2, 3, 4, 5, 6, 8, 9, 10, 11, 12].map(() => '2026-11-22T06:00:00.000Z debug resource.done'),
      '2026-11-22T06:00:00.000Z warn error',
      '2026-11-22T06:00:00.000Z info scan.end',
    ]);
    assert.equal(lines[0], '2026-11-22T06:00:00.000Z info  scan.start version=9.9.9 provider=aws source=live concurrency=8 bucketFilters=hr-* probe=false sample=exposed failOn=high formats=json');
    assert.equal(lines[11], '2026-11-22T06:00:00.000Z warn  error scope=arn:aws:s3:::b1 call=GetBucketPolicy code=AccessDenied message="User [REDACTED:aws-access-key-id] is not authorized"');
  });
  test('text --verbose: every resource; --no-progress: none', () => {
    const verbose = new FakeStream(false);
    const v = new Logger(verbose, { mode: 'text', verbose: true }, clock());
    const none = new FakeStream(false);
    const n = new Logger(none, { mode: 'text', progress: false }, clock());
    for (const e of SEQUENCE) {
      v.emit(e);
      n.emit(e);
    }
    assert.equal(verbose.out.match(/resource\.done/g)?.length, 12);
    assert.equal(none.out.match(/resource\.done/g), null);
  });
  test('json: one parseable object per line with time, level, severity, event and the fields', () => {
    const s = new FakeStream(false);
    const log = new Logger(s, { mode: 'json' }, clock());
    for (const e of SEQUENCE) log.emit(e);
    const objects = s.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(objects[0], { time: '2026-11-22T06:00:00.000Z', level: 'info', severity: 'INFO', event: 'scan.start', message: 'scanning aws', version: '9.9.9', provider: 'aws', source: 'live', concurrency: 8, bucketFilters: ['hr-*'], probe: false, sample: 'exposed', failOn: 'high', formats: ['json'] });
    assert.deepEqual(objects[11], { time: '2026-11-22T06:00:00.000Z', level: 'warn', severity: 'WARNING', event: 'error', message: 'User [REDACTED:aws-access-key-id] is not authorized', scope: 'arn:aws:s3:::b1', call: 'GetBucketPolicy', code: 'AccessDenied' });
    assert.equal(objects[12]?.event, 'scan.end');
    assert.deepEqual(objects[12]?.findings, END.findings);
  });
  test('quiet: only a fatal event', () => {
    const s = new FakeStream(false);
    const log = new Logger(s, { mode: 'text', quiet: true }, clock());
    for (const e of SEQUENCE) log.emit(e);
    assert.equal(s.out, '');
    log.emit({ event: 'fatal', message: 'no credentials', exitCode: 2 });
    assert.equal(s.out, '2026-11-22T06:00:00.000Z error fatal message="no credentials" exitCode=2\n');
  });
  test('bar: redrawn in place, cleared at the end, then the summary line', () => {
    const s = new FakeStream(true, 60);
    const log = new Logger(s, { mode: 'bar', redrawMs: 0 }, clock());
    log.emit(SEQUENCE[0] as ScanEvent);
    log.emit({ event: 'resource.done', provider: 'aws', name: 'a', done: 1, total: 2, errors: 0 });
    log.emit({ event: 'resource.done', provider: 'aws', name: 'b', done: 2, total: 2, errors: 1 });
    log.emit(END);
    assert.equal(
      s.out,
      '\r\x1b[2Kaws    collect  [░░░░░░░░░░░░░]  listing buckets…  0 errors' +
        '\r\x1b[2Kaws    collect  [█████████░░░░░░░░░]  1/2 buckets  0 errors' +
        '\r\x1b[2Kaws    collect  [███████████████████]  2/2 buckets  1 error' +
        '\r\x1b[J' +
        summaryLine(END),
    );
  });
  test('bar: a terminal that reports no size (0 columns) is drawn 80 wide', () => {
    const s = new FakeStream(true, 0);
    const log = new Logger(s, { mode: 'bar', redrawMs: 0 }, clock());
    log.emit({ event: 'resource.done', provider: 'aws', name: 'a', done: 1, total: 2, errors: 0 });
    assert.equal(s.out, `\r\x1b[2K${renderProgressLine({ provider: 'aws', stage: 'collect', done: 1, total: 2, errors: 0 }, 80)}`);
    assert.equal(s.out.length, '\r\x1b[2K'.length + 79);
  });
  test('bar: erased before the report is written (close), not redrawn by report.written, then the summary', () => {
    const s = new FakeStream(true, 60);
    const log = new Logger(s, { mode: 'bar', redrawMs: 0 }, clock());
    log.emit({ event: 'resource.done', provider: 'aws', name: 'a', done: 2, total: 2, errors: 0 });
    const drawn = s.out;
    log.close();
    assert.equal(s.out, `${drawn}\r\x1b[J`);
    log.emit({ event: 'report.written', path: '-', format: 'table' });
    log.emit(END);
    assert.equal(s.out, `${drawn}\r\x1b[J${summaryLine(END)}`);
  });
  test('bar: redraws are throttled, the last resource always drawn', () => {
    const s = new FakeStream(true, 60);
    const log = new Logger(s, { mode: 'bar', redrawMs: 1000 }, clock());
    for (const e of SEQUENCE.slice(1, 13)) log.emit(e);
    assert.equal(s.out.match(/\r\x1b\[2K/g)?.length, 2, JSON.stringify(s.out));
  });
  test('formatText and formatJson are single lines', () => {
    const e: ScanEvent = { event: 'report.written', path: '/out/kumoscan-report.json', format: 'json' };
    assert.equal(formatText(e, T0), '2026-11-22T06:00:00.000Z info  report.written path=/out/kumoscan-report.json format=json\n');
    assert.equal(formatJson(e, T0), '{"time":"2026-11-22T06:00:00.000Z","level":"info","severity":"INFO","event":"report.written","message":"json report written to /out/kumoscan-report.json","path":"/out/kumoscan-report.json","format":"json"}\n');
  });
});

describe('scanLogger: an error that stops the scan', () => {
  const flags = { logFormat: 'json' as const, progress: true };
  test('json: a fatal JSON line (redacted), then ReportedError with the exit code', async () => {
    const s = new FakeStream(false);
    const log = scanLogger(flags, s, clock());
    await assert.rejects(
      log.run(async () => {
        throw new UsageError('bad --account-url https://127.0.0.1:10000/devstoreaccount1/?sv=1&sig=SECRET');
      }),
      (err: unknown) => err instanceof ReportedError && err.exitCode === 2,
    );
    assert.deepEqual(JSON.parse(s.out), { time: '2026-11-22T06:00:00.000Z', level: 'error', severity: 'ERROR', event: 'fatal', message: 'bad --account-url https://127.0.0.1:10000/devstoreaccount1/?[REDACTED:query]', exitCode: 2 });
  });
  test('text: the error goes back to main() unchanged (it prints "kumoscan: …")', async () => {
    const s = new FakeStream(false);
    const log = scanLogger({ logFormat: 'text', progress: true }, s, clock());
    await assert.rejects(log.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(s.out, '');
  });
});
