// The access-log parsers: lines written from each documented field list parse into exact common records; malformed
// and truncated lines are counted, never fatal.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { parseS3ServerAccessLog, s3LogTime } from '../../src/evidence/reads/formats/s3-server-access.js';
import { parseAzureStorageLog } from '../../src/evidence/reads/formats/azure-storage-analytics.js';
import { parseGcsUsageLog } from '../../src/evidence/reads/formats/gcs-usage.js';
import { LOG_FORMATS, logFormatsFor } from '../../src/evidence/reads/formats/index.js';
import { logText, LogObjectError } from '../../src/evidence/reads/log-text.js';
import { azureLine, GCS_HEADER, gcsLine, s3Line, type Request } from '../helpers/access-logs.js';

const anonRead: Request = { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', key: 'exports/社員 一覧.csv', op: 'read', requester: null, status: 200, ip: '203.0.113.7', bytes: 52311 };
const ownerPut: Request = { time: '2026-11-02T04:00:00.000Z', bucket: 'kumo-hr', key: 'exports/a.csv', op: 'put', requester: 'arn:aws:iam::123456789012:user/ops', status: 200, ip: '198.51.100.2', bytes: 0 };
const anonList: Request = { time: '2026-11-03T00:00:00.000Z', bucket: 'kumo-hr', key: null, op: 'list', requester: null, status: 200, ip: '203.0.113.8', bytes: 1800 };
const denied: Request = { ...anonRead, status: 403, bytes: 243 };

describe('S3 server access log', () => {
  test('documented lines → exact records', () => {
    const text = [anonRead, ownerPut, anonList, denied].map(s3Line).join('\n') + '\n';
    const { records, malformed } = parseS3ServerAccessLog(text);
    assert.equal(malformed, 0);
    assert.deepEqual(records, [
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: true, success: true, clientIp: '203.0.113.7', bytesSent: 52311 },
      { time: '2026-11-02T04:00:00.000Z', bucket: 'kumo-hr', operation: 'other', key: 'exports/a.csv', anonymous: false, success: true, clientIp: '198.51.100.2', bytesSent: null },
      { time: '2026-11-03T00:00:00.000Z', bucket: 'kumo-hr', operation: 'list', key: null, anonymous: true, success: true, clientIp: '203.0.113.8', bytesSent: 1800 },
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: true, success: false, clientIp: '203.0.113.7', bytesSent: 243 },
    ]);
  });

  test('the time field with an offset is read as UTC', () => {
    assert.equal(s3LogTime('06/Feb/2019:09:00:38 +0900'), '2019-02-06T00:00:38.000Z');
    assert.equal(s3LogTime('06/Feb/2019 09:00:38'), null);
  });

  test('malformed and truncated lines are counted, the rest still parse', () => {
    const good = s3Line(anonRead);
    const text = ['garbage', good.slice(0, 60), good.replace('[', ''), good, 'a b [not a time] c'].join('\n');
    const { records, malformed } = parseS3ServerAccessLog(text);
    assert.equal(records.length, 1);
    assert.equal(malformed, 4);
  });
});

describe('Azure Storage Analytics log 2.0', () => {
  const az = (r: Request): Request => ({ ...r, bucket: 'kumohr/exports' });
  test('documented entries → exact records (quoted, HTML-encoded fields; address without port)', () => {
    const text = [az(anonRead), az(ownerPut), az(anonList), { ...az(anonRead), key: 'a;b"c.csv' }].map(azureLine).join('\n') + '\n';
    const { records, malformed } = parseAzureStorageLog(text);
    assert.equal(malformed, 0);
    assert.deepEqual(records, [
      { time: '2026-11-02T03:04:05.000Z', bucket: 'exports', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: true, success: true, clientIp: '203.0.113.7', bytesSent: 256 + 52311 },
      { time: '2026-11-02T04:00:00.000Z', bucket: 'exports', operation: 'other', key: 'exports/a.csv', anonymous: false, success: true, clientIp: '198.51.100.2', bytesSent: 256 },
      { time: '2026-11-03T00:00:00.000Z', bucket: 'exports', operation: 'list', key: null, anonymous: true, success: true, clientIp: '203.0.113.8', bytesSent: 256 + 1800 },
      { time: '2026-11-02T03:04:05.000Z', bucket: 'exports', operation: 'read', key: 'a;b"c.csv', anonymous: true, success: true, clientIp: '203.0.113.7', bytesSent: 256 + 52311 },
    ]);
  });

  test('a wrong version, a wrong field count or an open quote is malformed', () => {
    const good = azureLine(az(anonRead));
    const text = [good.replace(/^2\.0/, '9.9'), good.split(';').slice(0, 20).join(';'), good.replace(/"\/kumohr[^"]*"/, '"/kumohr/exports/x'), good].join('\n');
    const { records, malformed } = parseAzureStorageLog(text);
    assert.equal(records.length, 1);
    assert.equal(malformed, 3);
  });
});

describe('GCS usage log', () => {
  test('documented CSV → exact records; identity is not recorded (anonymous null)', () => {
    const text = [GCS_HEADER, ...[anonRead, anonList, denied].map(gcsLine)].join('\n') + '\n';
    const { records, malformed } = parseGcsUsageLog(text);
    assert.equal(malformed, 0);
    assert.deepEqual(records, [
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: null, success: true, clientIp: '203.0.113.7', bytesSent: 52311 },
      { time: '2026-11-03T00:00:00.000Z', bucket: 'kumo-hr', operation: 'list', key: null, anonymous: null, success: true, clientIp: '203.0.113.8', bytesSent: 1800 },
      { time: '2026-11-02T03:04:05.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/社員 一覧.csv', anonymous: null, success: false, clientIp: '203.0.113.7', bytesSent: 243 },
    ]);
  });

  test('without the documented header every line is malformed; a short row is malformed', () => {
    assert.deepEqual(parseGcsUsageLog([gcsLine(anonRead), gcsLine(anonList)].join('\n')), { records: [], malformed: 2 });
    const { records, malformed } = parseGcsUsageLog([GCS_HEADER, gcsLine(anonRead).split(',').slice(0, 9).join(','), gcsLine(anonRead)].join('\n'));
    assert.equal(records.length, 1);
    assert.equal(malformed, 1);
  });
});

describe('registry and log text', () => {
  test('the formats in the order they are tried, ids unique; AWS: server access logs first, then trail data events', () => {
    assert.deepEqual(LOG_FORMATS.map((f) => f.id), ['s3-server-access', 'cloudtrail-data-events', 'azure-storage-analytics', 'gcs-usage']);
    assert.deepEqual(logFormatsFor('aws').map((f) => f.id), ['s3-server-access', 'cloudtrail-data-events']);
    assert.equal(logFormatsFor('gcp')[0]?.identityRecorded, false);
  });

  test('gzip is inflated; a gzip bomb and a truncated gzip are errors with their codes', () => {
    assert.equal(logText(gzipSync(Buffer.from('a b c\n')), 1024), 'a b c\n');
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    assert.throws(() => logText(bomb, 1024 * 1024), (e: unknown) => e instanceof LogObjectError && e.code === 'DecompressedTooLarge');
    const cut = gzipSync(Buffer.from('x'.repeat(10_000) + Math.random())).subarray(0, 20);
    assert.throws(() => logText(cut, 1024 * 1024), (e: unknown) => e instanceof LogObjectError && e.code === 'CorruptGzip');
  });
});
