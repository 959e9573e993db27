// Reads evidence from summary to assessment: outsiders' successful reads counted per masked key, joined with the
// sample's per-object persons; confirmed anonymous reads of personal data are a leak (occurred), reads at volume
// support category 3, and the snapshot's evidence survives --input (validation) with and without --redact-ips.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReadsAccumulator } from '../../src/evidence/reads/summary.js';
import { readsView } from '../../src/evidence/reads/view.js';
import { attachReads } from '../../src/evidence/reads/attach.js';
import type { AccessRecord } from '../../src/evidence/reads/record.js';
import type { ReadsEvidence } from '../../src/evidence/reads/types.js';
import { assess } from '../../reports/appi/assessment.js';
import { parseSnapshot } from '../../src/snapshot.js';
import { parseSince } from '../../src/evidence/request.js';
import { withData } from '../fixtures/appi-resources.js';

const WINDOW = { since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' };

function rec(over: Partial<AccessRecord>): AccessRecord {
  return { time: '2026-11-10T00:00:00.000Z', bucket: 'kumo-hr', operation: 'read', key: 'exports/employees.csv', anonymous: true, success: true, clientIp: '203.0.113.1', bytesSent: 1000, ...over };
}

function evidenceOf(records: AccessRecord[], identityRecorded = true, redact = false): ReadsEvidence {
  const acc = new ReadsAccumulator('kumo-hr', WINDOW, identityRecorded);
  acc.addAll(records);
  return acc.result({ format: 's3-server-access', location: { bucket: 'kumo-logs', prefix: 'kumo-hr/' }, logs: { objects: 2, bytes: 5000, malformedLines: 0, complete: true }, errors: [] }, redact);
}

const READS: AccessRecord[] = [
  rec({}),
  rec({ clientIp: '203.0.113.2', time: '2026-11-12T00:00:00.000Z' }),
  rec({ key: 'exports/社員-090-1234-5678.csv', clientIp: '203.0.113.2' }),
  rec({ operation: 'list', key: null, bytesSent: 300 }),
  rec({ anonymous: false, clientIp: '198.51.100.9' }), // the owner
  rec({ success: false, clientIp: '203.0.113.3' }), // refused
  rec({ bucket: 'other-bucket' }), // another bucket's line in a shared log
  rec({ time: '2026-10-01T00:00:00.000Z' }), // before the window
  rec({ operation: 'other' }),
];

describe('summary', () => {
  test('counts only successful outsider reads and listings of this bucket in the window; keys masked', () => {
    const e = evidenceOf(READS);
    assert.deepEqual(e.outsiders, {
      reads: { requests: 3, bytes: 3000, clients: 2, clientIps: ['203.0.113.1', '203.0.113.2'], first: '2026-11-10T00:00:00.000Z', last: '2026-11-12T00:00:00.000Z' },
      lists: { requests: 1, bytes: 300, clients: 1, clientIps: ['203.0.113.1'], first: '2026-11-10T00:00:00.000Z', last: '2026-11-10T00:00:00.000Z' },
    });
    assert.deepEqual(e.objects.map((o) => [o.key, o.reads, o.clients]), [
      ['exports/employees.csv', 2, 2],
      ['exports/社員-*******5678.csv', 1, 1],
    ]);
    assert.ok(!JSON.stringify(e).includes('090-1234-5678'));
  });

  test('--redact-ips drops the addresses, the counts stay', () => {
    const e = evidenceOf(READS, true, true);
    assert.equal(e.outsiders.reads.clients, 2);
    assert.equal(e.outsiders.reads.clientIps, undefined);
    const view = readsView(evidenceOf(READS), undefined, true);
    assert.equal(view.outsiders.reads.clientIps, undefined);
  });

  test('a log without identity counts every successful request (unidentified)', () => {
    const e = evidenceOf([rec({ anonymous: null }), rec({ anonymous: null, clientIp: '203.0.113.9' })], false);
    assert.equal(e.identityRecorded, false);
    assert.equal(e.outsiders.reads.requests, 2);
  });
});

describe('assessment', () => {
  const exposed = (persons: { key: string; persons: number }[]) =>
    withData({ detections: [['my_number', 'high', 40], ['person_name', 'high', 40]], low: 40 }, (r) => {
      r.logging = true;
      if (r.data) r.data.personalObjects = persons;
    });

  test('anonymous reads of an object with personal data: leak occurred, the evidence in the note, N objects and M persons', () => {
    const r = attachReads(exposed([{ key: 'exports/employees.csv', persons: 40 }, { key: 'exports/unread.csv', persons: 7 }]), evidenceOf(READS), false);
    assert.deepEqual(r.reads?.personal, { objects: 1, persons: 40, keys: ['exports/employees.csv'] });
    const a = assess([r], [], { scannedAt: '2026-12-01T00:00:00.000Z' }).perResource[0];
    assert.equal(a?.readByOutsiders?.leak, 'occurred');
    assert.equal(a?.readByOutsiders?.objects, 1);
    assert.equal(a?.readByOutsiders?.persons, 40);
    assert.match(a?.note.ja ?? '', /^漏えいが発生しました（アクセスログで確認）。外部の者による読み取り: 1件のオブジェクト、40人/);
    assert.match(a?.note.en ?? '', /^A leak occurred \(漏えい; confirmed by the access logs\)\. Read by outsiders: 1 object, 40 persons/);
    assert.doesNotMatch(a?.readByOutsiders?.text.ja ?? '', /Read by|objects|persons|anonymous/);
    // Two addresses and three reads: not at volume, so category 3 stays as the logging setting says.
    assert.equal(a?.reportability?.categories.find((c) => c.category === 3)?.applies, false);
  });

  test('reads at volume from many addresses support category 3 (applies); category 3 alone stays review, with the 60-day final report', () => {
    const many = Array.from({ length: 6 }, (_, i) => rec({ clientIp: `203.0.113.${10 + i}` }));
    const r = attachReads(exposed([{ key: 'exports/employees.csv', persons: 40 }]), evidenceOf(many), false);
    const rep = assess([r], [], { scannedAt: '2026-12-01T00:00:00.000Z' }).perResource[0]?.reportability;
    const c3 = rep?.categories.find((c) => c.category === 3);
    assert.equal(c3?.applies, true);
    assert.match(c3?.reason.ja ?? '', /不特定の接続元（6件）からの匿名の取得が6回/);
    assert.equal(rep?.result, 'review');
    assert.equal(assess([r], [], { scannedAt: '2026-12-01T00:00:00.000Z' }).perResource[0]?.deadlines?.final.days, 60);
  });

  test('logs read whole with no outsider: not a leak, category 3 does not apply', () => {
    const r = attachReads(exposed([{ key: 'exports/employees.csv', persons: 40 }]), evidenceOf([rec({ anonymous: false })]), false);
    const a = assess([r], [], { scannedAt: '2026-12-01T00:00:00.000Z' }).perResource[0];
    assert.equal(a?.readByOutsiders?.leak, 'possible');
    assert.match(a?.readByOutsiders?.text.en ?? '', /^No read by outsiders in the logs/);
    assert.match(a?.note.ja ?? '', /漏えい（又はそのおそれ）/);
  });

  test('a log without the requester (GCS usage logs): many downloads of personal data never confirm a leak nor category 3, and say why', () => {
    const many = Array.from({ length: 120 }, (_, i) => rec({ anonymous: null, clientIp: `203.0.113.${i % 10}` }));
    const r = attachReads(exposed([{ key: 'exports/employees.csv', persons: 40 }]), { ...evidenceOf(many, false), format: 'gcs-usage' }, false);
    const a = assess([r], [], { scannedAt: '2026-12-01T00:00:00.000Z' }).perResource[0];
    assert.equal(a?.readByOutsiders?.leak, 'possible');
    assert.match(a?.readByOutsiders?.text.en ?? '', /^Read by unidentified requesters: 1 object, 40 persons \(.*120 downloads \(this log does not record the requester, so whether anonymous is unknown\)/);
    assert.match(a?.readByOutsiders?.text.ja ?? '', /^要求者不明の読み取り: 1件のオブジェクト、40人（.*取得（このログは要求者を記録しないため匿名かどうかは不明）120回/);
    for (const text of [a?.note.en ?? '', a?.readByOutsiders?.text.en ?? '']) assert.doesNotMatch(text, /confirmed|A leak occurred/);
    for (const text of [a?.note.ja ?? '', a?.readByOutsiders?.text.ja ?? '']) assert.doesNotMatch(text, /漏えいが発生しました|発生を確認|アクセスログで確認/);
    assert.doesNotMatch(a?.reportability?.categories.find((c) => c.category === 3)?.reason.en ?? '', /access logs record/);
  });

  test('a log object that could not be read is a recorded error of the resource', () => {
    const e = { ...evidenceOf(READS), errors: [{ call: 'ReadAccessLog', code: 'DecompressedTooLarge', message: 'decompresses to more than 1024 bytes', key: 'kumo-hr/2026-11-10' }] };
    const r = attachReads(exposed([]), e, false);
    assert.deepEqual(r.errors, [{ call: 'ReadAccessLog', code: 'DecompressedTooLarge', message: 'kumo-hr/2026-11-10: decompresses to more than 1024 bytes' }]);
  });
});

describe('snapshot and flags', () => {
  test('evidence.reads is validated on --input: a good one passes, a damaged one is one clear line', () => {
    const base = { provider: 'aws', accountId: '111122223333', buckets: [] };
    const good = parseSnapshot(JSON.stringify({ ...base, evidence: { reads: { 'arn:aws:s3:::kumo-hr': evidenceOf(READS) } } }));
    assert.equal(good.evidence?.reads?.['arn:aws:s3:::kumo-hr']?.outsiders.reads.requests, 3);
    assert.throws(() => parseSnapshot(JSON.stringify({ ...base, evidence: { reads: { x: { format: 's3-server-access' } } } })), /evidence\.reads\["x"\]/);
  });

  test('--since: a date is 00:00 in Asia/Tokyo; a date-time needs its zone', () => {
    assert.equal(parseSince('2026-11-01'), '2026-10-31T15:00:00.000Z');
    assert.equal(parseSince('2026-11-01T09:00+09:00'), '2026-11-01T00:00:00.000Z');
    assert.throws(() => parseSince('2026-11-01T09:00'), /ISO date-time with its zone/);
    assert.throws(() => parseSince('2026-02-30'), /must be a date/);
  });
});
