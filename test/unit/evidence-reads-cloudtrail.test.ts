// CloudTrail data events delivered to S3 (--evidence reads, AWS): log files written from the documented record
// contents parse into exact common records; a damaged file is an error of that object; the event selectors decide
// whether a trail logs a bucket's reads (all, part, none); the location follows the documented key layout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { cloudTrailDataEvents, parseCloudTrailLog, trailLocation } from '../../src/evidence/reads/formats/cloudtrail-data-events.js';
import { readsCoverage } from '../../src/evidence/reads/trails/selectors.js';
import type { TrailDestination, TrailsByAccount } from '../../src/evidence/reads/trails/types.js';
import { logText, LogObjectError } from '../../src/evidence/reads/log-text.js';
import { locateAll } from '../../src/evidence/reads/locate.js';
import { ReadsAccumulator } from '../../src/evidence/reads/summary.js';
import type { Resource } from '../../src/model.js';
import type { BaseSnapshot } from '../../src/provider.js';
import { cloudTrailLogFile, cloudTrailRecord, type Request } from '../helpers/access-logs.js';

const anonRead: Request = { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', key: 'exports/社員 一覧.csv', op: 'read', requester: null, status: 200, ip: '203.0.113.7', bytes: 52311 };
const anonList: Request = { time: '2026-11-03T00:00:00.000Z', bucket: 'kumo-hr', key: null, op: 'list', requester: null, status: 200, ip: '203.0.113.8', bytes: 1800 };
const anonHead: Request = { ...anonRead, op: 'head', bytes: 0 };
const ownerRead: Request = { ...anonRead, requester: 'arn:aws:iam::123456789012:user/ops', ip: '198.51.100.2' };
const denied: Request = { ...anonRead, status: 403 };

describe('CloudTrail log file', () => {
  test('documented records → exact records: anonymous by ANONYMOUS_PRINCIPAL, failure by errorCode, bytes from bytesTransferredOut', () => {
    const management = { eventVersion: '1.09', eventTime: '2026-11-02T00:00:00Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', userIdentity: { type: 'Root' } };
    const text = cloudTrailLogFile([cloudTrailRecord(anonRead), cloudTrailRecord(anonList), cloudTrailRecord(anonHead), cloudTrailRecord(ownerRead), cloudTrailRecord(denied), management]);
    const { records, malformed } = parseCloudTrailLog(logText(gzipSync(text), 1024 * 1024));
    assert.equal(malformed, 0);
    assert.deepEqual(records, [
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: true, success: true, clientIp: '203.0.113.7', bytesSent: 52311 },
      { time: '2026-11-03T00:00:00.000Z', bucket: 'kumo-hr', operation: 'list', key: null, anonymous: true, success: true, clientIp: '203.0.113.8', bytesSent: 1800 },
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'other', key: 'exports/社員 一覧.csv', anonymous: true, success: true, clientIp: '203.0.113.7', bytesSent: 0 },
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: false, success: true, clientIp: '198.51.100.2', bytesSent: 52311 },
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: true, success: false, clientIp: '203.0.113.7', bytesSent: 243 },
    ]);
    // Only the anonymous successful download and listing count for the bucket.
    const acc = new ReadsAccumulator('kumo-hr', { since: null, until: '2026-12-01T00:00:00.000Z' }, true);
    acc.addAll(records);
    const e = acc.result({ format: 'cloudtrail-data-events', logs: { objects: 1, bytes: 1, malformedLines: 0, complete: true }, errors: [] }, false);
    assert.deepEqual([e.outsiders.reads.requests, e.outsiders.reads.bytes, e.outsiders.lists.requests, e.objects.length], [1, 52311, 1, 1]);
  });

  test('a record without eventTime or userIdentity is a malformed line; a truncated or non-CloudTrail file is an error', () => {
    const broken = { ...cloudTrailRecord(anonRead), eventTime: 'yesterday' };
    const { userIdentity: _u, ...noIdentity } = cloudTrailRecord(anonRead);
    assert.deepEqual(parseCloudTrailLog(cloudTrailLogFile([broken, noIdentity, 'x' as unknown as Record<string, unknown>, cloudTrailRecord(anonRead)])).malformed, 3);
    const whole = cloudTrailLogFile([cloudTrailRecord(anonRead)]);
    for (const text of [whole.slice(0, whole.length - 10), '{"Records": 5}', 'not json', '[]']) {
      assert.throws(() => parseCloudTrailLog(text), (e: unknown) => e instanceof LogObjectError && e.code === 'MalformedLog', text.slice(0, 20));
    }
  });
});

describe('event selectors: does the trail log the bucket\'s object reads', () => {
  const basic = (values: string[], rw = 'All') => ({ EventSelectors: [{ ReadWriteType: rw, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: values }] }] });
  const adv = (fields: Record<string, unknown>[]) => ({ AdvancedEventSelectors: [{ Name: 'reads', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, ...fields] }] });
  const cases: [string, Parameters<typeof readsCoverage>[0], string][] = [
    ['management events only', { EventSelectors: [{ ReadWriteType: 'All', DataResources: [] }] }, 'none'],
    ['basic: every bucket', basic(['arn:aws:s3']), 'all'],
    ['basic: every bucket (arn:aws:s3:::)', basic(['arn:aws:s3:::']), 'all'],
    ['basic: this bucket', basic(['arn:aws:s3:::kumo-hr/']), 'all'],
    ['basic: a prefix of it', basic(['arn:aws:s3:::kumo-hr/exports/']), 'partial'],
    ['basic: another bucket whose name starts the same', basic(['arn:aws:s3:::kumo-hr-archive/']), 'none'],
    ['basic: writes only', basic(['arn:aws:s3'], 'WriteOnly'), 'none'],
    ['basic: reads only', basic(['arn:aws:s3'], 'ReadOnly'), 'all'],
    ['advanced: every S3 object', adv([]), 'all'],
    ['advanced: writes only', adv([{ Field: 'readOnly', Equals: ['false'] }]), 'none'],
    ['advanced: this bucket', adv([{ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::kumo-hr/'] }]), 'all'],
    ['advanced: a prefix of it', adv([{ Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::kumo-hr/exports/'] }]), 'partial'],
    ['advanced: this bucket left out', adv([{ Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::kumo-hr/'] }]), 'none'],
    ['advanced: PutObject only', adv([{ Field: 'eventName', Equals: ['PutObject'] }]), 'none'],
    ['advanced: GetObject among them', adv([{ Field: 'eventName', Equals: ['GetObject', 'PutObject'] }]), 'all'],
    ['advanced: one principal only', adv([{ Field: 'userIdentity.arn', Equals: ['arn:aws:iam::123456789012:role/app'] }]), 'partial'],
    ['advanced: DynamoDB data events', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] }] }, 'none'],
    ['advanced: management events', { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }] }, 'none'],
  ];
  for (const [name, selectors, want] of cases) test(name, () => assert.equal(readsCoverage(selectors, 'kumo-hr'), want));
});

describe('where a trail delivers a bucket\'s data events', () => {
  const trail: TrailDestination = { arn: 'arn:aws:cloudtrail:ap-northeast-1:123456789012:trail/data', name: 'data', homeRegion: 'ap-northeast-1', multiRegion: false, organization: false, bucket: 'kumo-trail', prefix: 'audit', selectors: { EventSelectors: [{ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] } };
  const resource = { id: 'arn:aws:s3:::kumo-hr', name: 'kumo-hr', provider: 'aws', account: '123456789012', region: 'ap-northeast-1' } as Resource;
  const snapshot = {} as BaseSnapshot;

  test('the documented key layout: <prefix>/AWSLogs/<account>/CloudTrail/<region>/; an organization trail filters by account', () => {
    assert.deepEqual(trailLocation(trail, '123456789012', 'ap-northeast-1', false), { kind: 'logs', bucket: 'kumo-trail', region: 'ap-northeast-1', prefix: 'audit/AWSLogs/123456789012/CloudTrail/ap-northeast-1/' });
    assert.deepEqual(trailLocation({ ...trail, prefix: '', organization: true }, '123456789012', 'ap-northeast-1', true), { kind: 'logs', bucket: 'kumo-trail', region: 'ap-northeast-1', prefix: 'AWSLogs/', keyContains: '/123456789012/CloudTrail/ap-northeast-1/', partial: true });
  });

  test('locate: the covering trail of the bucket\'s region (or a multi-region one); none with the reason; unread trails are errors', () => {
    const found = (trails: TrailDestination[], errors: TrailsByAccount[string]['errors'] = []): TrailsByAccount => ({ '123456789012': { trails, errors } });
    assert.equal(cloudTrailDataEvents.locate(snapshot, resource, found([trail])).kind, 'logs');
    assert.equal(cloudTrailDataEvents.locate(snapshot, resource, found([{ ...trail, homeRegion: 'us-east-1' }])).kind, 'none');
    assert.equal(cloudTrailDataEvents.locate(snapshot, resource, found([{ ...trail, homeRegion: 'us-east-1', multiRegion: true }])).kind, 'logs');
    const none = cloudTrailDataEvents.locate(snapshot, resource, found([{ ...trail, selectors: {} }]));
    assert.deepEqual(none, { kind: 'none', reason: { ja: 'CloudTrail の証跡もこのバケットのデータイベント（オブジェクトの読み取り）を記録していません。', en: 'No CloudTrail trail records this bucket\'s data events (object reads) either.' } });
    const refused = cloudTrailDataEvents.locate(snapshot, resource, found([], [{ call: 'cloudtrail:DescribeTrails', code: 'AccessDeniedException', message: 'ap-northeast-1: denied' }]));
    assert.equal(refused.kind, 'none');
    assert.match(refused.kind === 'none' ? refused.reason.en : '', /could not be read, so whether data events are recorded is unknown/);
    assert.equal(refused.kind === 'none' ? refused.errors?.[0]?.code : undefined, 'AccessDeniedException');
  });
});

describe('which log a bucket is read from', () => {
  test('server access logs first; the trails are looked for once, for the buckets without them; a failed look is an error', async () => {
    const seen: string[][] = [];
    const original = cloudTrailDataEvents.discover;
    cloudTrailDataEvents.discover = async (_flags, rs) => {
      seen.push(rs.map((r) => r.name));
      throw Object.assign(new Error('the trails did not answer in time'), { name: 'TimeoutError' });
    };
    const bucket = (name: string, logging: boolean) => ({ id: `arn:aws:s3:::${name}`, name, provider: 'aws', account: '123456789012', region: 'ap-northeast-1', logging }) as Resource;
    const snapshot = { provider: 'aws', accountId: '123456789012', buckets: [{ Name: 'logged', Logging: { LoggingEnabled: { TargetBucket: 'kumo-logs', TargetPrefix: 'logged/' } } }, { Name: 'unlogged', Logging: {} }] } as unknown as BaseSnapshot;
    const [logged, unlogged] = [bucket('logged', true), bucket('unlogged', false)];
    let out: Awaited<ReturnType<typeof locateAll>>;
    try {
      out = await locateAll({}, snapshot, [logged, unlogged], 60_000);
    } finally {
      cloudTrailDataEvents.discover = original;
    }
    assert.deepEqual(seen, [['unlogged']]);
    const a = out.get(logged);
    assert.deepEqual(a && 'loc' in a ? [a.format.id, a.loc] : a, ['s3-server-access', { kind: 'logs', bucket: 'kumo-logs', prefix: 'logged/' }]);
    const b = out.get(unlogged);
    assert.ok(b && 'none' in b);
    assert.equal(b.format.id, 's3-server-access');
    assert.equal(b.none.reason.en, 'Access logging was off, so no record of who read it exists (see the access-logging-off check). The CloudTrail trails could not be read, so whether data events are recorded is unknown.');
    assert.equal(b.none.reason.ja, 'アクセスログが無効だったため、誰が読み取ったかを示す記録は存在しません（チェック access-logging-off を参照）。CloudTrail の証跡を読み取れなかったため、データイベントが記録されているかどうかは不明です。');
    assert.deepEqual(b.none.errors, [{ call: 'FindAccessLogs', code: 'TimeoutError', message: 'the trails did not answer in time' }]);
  });
});
