// The replay bench's pure parts: request names, renaming a template bucket's answer, the scaled ListBuckets pages
// and the round trips on a bucket's critical path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chainLength, criticalPath } from '../../bench/replay/critical-path.js';
import { renamed, requestName, type Recording } from '../../bench/replay/recording.js';
import { listBucketsAnswer, scaledBucketName } from '../../bench/replay/server.js';

const recording: Recording = {
  buckets: [
    { name: 'bench-0000', region: 'ap-northeast-1', creationDate: '2026-01-01T00:00:00.000Z' },
    { name: 'bench-0001', region: 'us-east-1', creationDate: '2026-01-02T00:00:00.000Z' },
  ],
  owner: { ID: 'owner' },
  perBucket: {},
  global: {},
};

describe('replay bench', () => {
  test('requests are named by method, templated path, query keys and operation', () => {
    assert.deepEqual(requestName({ method: 'GET', url: '/bench-00042?acl&x-id=GetBucketAcl', body: '' }), { name: 'GET /{bucket}?acl', bucket: 'bench-00042' });
    assert.deepEqual(requestName({ method: 'GET', url: '/?max-buckets=1000', body: '' }), { name: 'GET /' });
    assert.deepEqual(requestName({ method: 'POST', url: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15', contentType: 'application/x-www-form-urlencoded; charset=utf-8' }), { name: 'POST / action=GetCallerIdentity' });
    assert.deepEqual(requestName({ method: 'GET', url: '/v20180820/configuration/publicAccessBlock', body: '' }), { name: 'GET /v20180820/configuration/publicAccessBlock' });
  });

  test("a template's answer is renamed for the scaled bucket", () => {
    const answer = { status: 200, headers: { 'x-amz-bucket-region': 'us-east-1' }, body: '{"Resource":"arn:aws:s3:::bench-0001/*"}' };
    assert.equal(renamed(answer, 'bench-0001', 'bench-00041').body, '{"Resource":"arn:aws:s3:::bench-00041/*"}');
  });

  test('ListBuckets: pages of max-buckets with a continuation token, BucketRegion only for real-S3 answers', () => {
    const first = listBucketsAnswer(recording, { buckets: 3, delayMs: 0, bucketRegion: true }, 0, 2).body;
    assert.deepEqual([...first.matchAll(/<Name>([^<]+)<\/Name>/g)].map((m) => m[1]), [scaledBucketName(0), scaledBucketName(1)]);
    assert.deepEqual([...first.matchAll(/<BucketRegion>([^<]+)<\/BucketRegion>/g)].map((m) => m[1]), ['ap-northeast-1', 'us-east-1']);
    assert.match(first, /<ContinuationToken>Mg==<\/ContinuationToken>/);
    const last = listBucketsAnswer(recording, { buckets: 3, delayMs: 0, bucketRegion: false }, 2, 2).body;
    assert.deepEqual([...last.matchAll(/<Name>([^<]+)<\/Name>/g)].map((m) => m[1]), ['bench-00002']);
    assert.doesNotMatch(last, /BucketRegion|ContinuationToken/);
  });

  test('round trips on the critical path: parallel requests share one, a request after an answer adds one', () => {
    assert.equal(chainLength([{ start: 0, end: 30 }, { start: 1, end: 31 }, { start: 2, end: 32 }]), 1);
    assert.equal(chainLength([{ start: 0, end: 30 }, { start: 31, end: 61 }, { start: 32, end: 62 }]), 2);
    const path = criticalPath([
      { bucket: 'a', name: 'x', start: 0, end: 30, status: 200 },
      { bucket: 'b', name: 'x', start: 0, end: 30, status: 200 },
      { bucket: 'b', name: 'y', start: 30, end: 60, status: 200 },
      { name: 'GET /', start: 0, end: 1, status: 200 },
    ]);
    assert.deepEqual(path, { buckets: 2, mean: 1.5, max: 2, histogram: { '1': 1, '2': 1 } });
  });
});
