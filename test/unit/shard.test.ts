// --shard i/n: deterministic, balanced assignment; syntax errors; BucketFilter.inShard; stable finding ids whatever
// the listing order (a precondition of baselines and of merging shards).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { parseShard, shardKeyOf, shardOf } from '../../src/shard.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile, type Snapshot } from '../../src/snapshot.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import type { AzureSnapshot } from '../../providers/azure/snapshot-types.js';
import type { GcpSnapshot } from '../../providers/gcp/snapshot-types.js';
import { adapterFor } from '../../src/adapters.js';
import { readsIamInShard } from '../../providers/aws/collect.js';

const EXAMPLES = ['aws', 'azure', 'gcp'].map((p) => packagePath('examples', `${p}-hr-system.snapshot.json`));

describe('shard assignment', () => {
  test('1,000 bucket names over 4 shards: each shard within ±20% of 250', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[shardOf(`bucket-${String(i).padStart(4, '0')}`, 4)]!++;
    for (const c of counts) assert.ok(c >= 200 && c <= 300, `shard sizes ${counts.join(', ')}`);
    assert.equal(counts.reduce((a, b) => a + b, 0), 1000);
  });

  test('deterministic: the same key gets the same shard every time; one shard for count 1', () => {
    const names = ['hr-system-employees', 'hr-system-locked', 'a', 'ß-バケット'];
    for (const n of names) for (const count of [2, 3, 7]) assert.equal(shardOf(n, count), shardOf(n, count));
    // Pinned values: a change of the hash would silently move buckets between shards of a running job.
    assert.deepEqual(names.map((n) => shardOf(n, 3)), [0, 0, 2, 1]);
    assert.equal(shardOf('anything', 1), 0);
  });

  test('every key is in exactly one shard', () => {
    const filters = [0, 1, 2].map((index) => compileBucketFilter([], { index, count: 3 }));
    for (let i = 0; i < 200; i++) assert.equal(filters.filter((f) => f.inShard(`b${i}`)).length, 1);
    assert.equal(compileBucketFilter([]).inShard('x'), true);
    assert.deepEqual(compileBucketFilter(['hr-*'], { index: 1, count: 2 }).shard, { index: 1, count: 2 });
    assert.equal(compileBucketFilter(['hr-*']).shard, undefined);
  });

  test('the shard key: the bucket name; for Azure the storage account name', () => {
    assert.equal(shardKeyOf({ provider: 'aws', name: 'hr-a' }), 'hr-a');
    assert.equal(shardKeyOf({ provider: 'gcp', name: 'hr-a' }), 'hr-a');
    assert.equal(shardKeyOf({ provider: 'azure', name: 'acct/container', azure: { storageAccount: 'acct' } }), 'acct');
    assert.equal(shardKeyOf({ provider: 'azure', name: 'acct/container' }), 'acct');
  });

  test('parseShard: INDEX/COUNT, 0-based', () => {
    assert.deepEqual(parseShard('0/4'), { index: 0, count: 4 });
    assert.deepEqual(parseShard(' 3 / 4 '), { index: 3, count: 4 });
    assert.equal(parseShard('4/4'), 'the shard index must be from 0 to 3 (got 4): shards are numbered from 0, as JOB_COMPLETION_INDEX is');
    assert.equal(parseShard('0/0'), 'the shard count must be from 1 to 10000 (got 0)');
    assert.equal(parseShard('1-4'), 'must be INDEX/COUNT with whole numbers, e.g. 0/4 (got "1-4")');
    assert.equal(parseShard('-1/4'), 'must be INDEX/COUNT with whole numbers, e.g. 0/4 (got "-1/4")');
    assert.equal(parseShard('/4'), 'must be INDEX/COUNT with whole numbers, e.g. 0/4 (got "/4")');
  });
});

describe('kumoscan scan --shard: usage errors exit 2', () => {
  for (const [value, message] of [
    ['4/4', 'the shard index must be from 0 to 3 (got 4)'],
    ['1/0', 'the shard count must be from 1 to 10000 (got 0)'],
    ['a/b', 'must be INDEX/COUNT with whole numbers, e.g. 0/4 (got "a/b")'],
    ['2', 'must be INDEX/COUNT with whole numbers, e.g. 0/4 (got "2")'],
  ] as const) {
    test(`--shard ${value}`, async () => {
      const res = await runCli(['scan', '--quiet', '--input', EXAMPLES[0]!, '--shard', value, '--format', 'json']);
      assert.equal(res.code, 2);
      assert.equal(res.stdout, '');
      assert.match(res.stderr, new RegExp(`option '--shard <index/count>' argument '${value.replace(/[/]/g, '\\/')}' is invalid\\. ${message.replace(/[()"]/g, '\\$&')}`));
    });
  }

  test('--shard on a snapshot: the scope records it and only the shard\'s buckets are evaluated', async () => {
    const res = await runCli(['scan', '--quiet', '--input', EXAMPLES[0]!, '--shard', '2/3', '--format', 'json', '--fail-on', 'none']);
    assert.equal(res.code, 3, res.stderr); // hr-system-audit-denied has failed calls
    const report = JSON.parse(res.stdout) as { scope: { shard: unknown }; resources: { name: string }[] };
    assert.deepEqual(report.scope.shard, { index: 2, count: 3 });
    assert.deepEqual(report.resources.map((r) => r.name), ['hr-system-audit-denied']);
  });
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same snapshot with every list of buckets (Azure: accounts and their containers) in another order. */
function reorder(snapshot: Snapshot, seed: number): Snapshot {
  const copy = JSON.parse(JSON.stringify(snapshot)) as Snapshot;
  if (copy.provider === 'aws') {
    const s = copy as AwsSnapshot;
    s.buckets = shuffled(s.buckets, seed);
  } else if (copy.provider === 'gcp') {
    const s = copy as GcpSnapshot;
    if ('buckets' in s && Array.isArray(s.buckets)) s.buckets = shuffled(s.buckets, seed);
  } else {
    const s = copy as AzureSnapshot;
    s.accounts = shuffled(s.accounts, seed).map((a) => ({ ...a, containers: shuffled(a.containers, seed + 1) }));
  }
  return copy;
}

describe('stable finding ids (examples of all three providers)', () => {
  for (const file of EXAMPLES) {
    test(file.replace(/.*\//, ''), () => {
      const snapshot = readSnapshotFile(file);
      const opts = { source: 'snapshot' as const, failOn: 'high' as const, scannedAt: '2026-11-22T00:00:00.000Z' };
      const a = evaluateSnapshot(snapshot, opts);
      const b = evaluateSnapshot(readSnapshotFile(file), opts);
      assert.ok(a.findings.length > 3);
      assert.deepEqual(b.findings.map((f) => f.id), a.findings.map((f) => f.id));
      // Unique ids: a check that raises several findings on one resource gives each a deterministic suffix.
      assert.equal(new Set(a.findings.map((f) => f.id)).size, a.findings.length);
      for (const f of a.findings) assert.ok(f.id.startsWith(`${f.checkId}:${f.resourceId}`), f.id);
      for (const seed of [1, 7, 42]) {
        const c = evaluateSnapshot(reorder(snapshot, seed), opts);
        // Not only the ids: the whole report is independent of the listing order.
        assert.deepEqual(c, a, `listing order ${seed} changed the report`);
      }
    });
  }

  test('ids hold no time and name the account: AWS bucket ARN, GCS gs:// URL, Azure container ARM id with its storage account', () => {
    const ids = EXAMPLES.map((f) => evaluateSnapshot(readSnapshotFile(f), { source: 'snapshot', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z' }).resources.map((r) => r.id));
    assert.ok(ids[0]!.every((id) => /^arn:aws:s3:::[a-z0-9.-]+$/.test(id)));
    assert.ok(ids[1]!.every((id) => /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]+\/blobServices\/default\/containers\/[^/]+$/.test(id)), ids[1]!.join(' '));
    assert.ok(ids[2]!.every((id) => /^gs:\/\/[a-z0-9._-]+$/.test(id)));
    for (const list of ids) for (const id of list) assert.doesNotMatch(id, /\d{4}-\d{2}-\d{2}T/);
  });

  test('filterSnapshot with a shard keeps account-level data (AWS account, Azure subscriptions, GCP project)', () => {
    for (const file of EXAMPLES) {
      const snapshot = readSnapshotFile(file);
      const adapter = adapterFor(snapshot.provider)!;
      const full = adapter.scope(snapshot);
      for (let index = 0; index < 3; index++) {
        const part = adapter.filterSnapshot(snapshot, compileBucketFilter([], { index, count: 3 }));
        assert.deepEqual(adapter.scope(part).accounts, full.accounts);
        assert.deepEqual(adapter.identities?.(part) ?? [], adapter.identities?.(snapshot) ?? []);
      }
    }
  });
});

describe('--shard INDEX from an environment variable (AWS Batch, ECS: no shell to expand it)', () => {
  test('parseShard reads the named variable', () => {
    assert.deepEqual(parseShard('AWS_BATCH_JOB_ARRAY_INDEX/4', { AWS_BATCH_JOB_ARRAY_INDEX: '3' }), { index: 3, count: 4 });
    assert.equal(parseShard('AWS_BATCH_JOB_ARRAY_INDEX/4', {}), 'the environment variable AWS_BATCH_JOB_ARRAY_INDEX is not set');
    assert.equal(parseShard('JOB_COMPLETION_INDEX/4', { JOB_COMPLETION_INDEX: 'x' }), 'the environment variable JOB_COMPLETION_INDEX must hold a whole number, not "x"');
    assert.equal(parseShard('JOB_COMPLETION_INDEX/4', { JOB_COMPLETION_INDEX: '4' }), 'the shard index must be from 0 to 3 (got 4): shards are numbered from 0, as JOB_COMPLETION_INDEX is');
  });

  test('CLI: --shard AWS_BATCH_JOB_ARRAY_INDEX/3 and {shard} in --out-dir', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-shard-env-'));
    const res = await runCli(['scan', '--quiet', '--input', EXAMPLES[0]!, '--shard', 'AWS_BATCH_JOB_ARRAY_INDEX/3', '--format', 'json', '--out-dir', join(dir, 'shard-{shard}')], { AWS_BATCH_JOB_ARRAY_INDEX: '2' });
    assert.equal(res.stderr, '');
    const report = JSON.parse(readFileSync(join(dir, 'shard-2', 'kumoscan-report.json'), 'utf8')) as { scope: { shard: unknown } };
    assert.deepEqual(report.scope.shard, { index: 2, count: 3 });
    const unset = await runCli(['scan', '--quiet', '--input', EXAMPLES[0]!, '--shard', 'AWS_BATCH_JOB_ARRAY_INDEX/3']);
    assert.equal(unset.code, 2);
    assert.match(unset.stderr, /argument 'AWS_BATCH_JOB_ARRAY_INDEX\/3' is invalid\. the environment variable AWS_BATCH_JOB_ARRAY_INDEX is not set/);
  });
});

describe('which AWS shard reads an account\'s IAM (readsIamInShard)', () => {
  test('a shard with buckets of the account reads it; one without reads it only when the account id hashes to it', () => {
    const account = '123456789012';
    const owner = shardOf(account, 8);
    const other = (owner + 1) % 8;
    assert.equal(readsIamInShard(account, 3, compileBucketFilter([], { index: other, count: 8 })), true);
    assert.equal(readsIamInShard(account, 0, compileBucketFilter([], { index: other, count: 8 })), false);
    assert.equal(readsIamInShard(account, 0, compileBucketFilter([], { index: owner, count: 8 })), true);
    // Without --shard (or one shard) the IAM is always read.
    assert.equal(readsIamInShard(account, 0, compileBucketFilter([])), true);
    assert.equal(readsIamInShard(account, 0, compileBucketFilter([], { index: 0, count: 1 })), true);
    // Over 8 shards, an account with no bucket is read exactly once.
    const readers = Array.from({ length: 8 }, (_, i) => readsIamInShard(account, 0, compileBucketFilter([], { index: i, count: 8 }))).filter(Boolean);
    assert.equal(readers.length, 1);
  });
});
