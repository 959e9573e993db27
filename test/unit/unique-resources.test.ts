// Duplicate bucket / container names (issue 13 item 12): a snapshot file naming one twice is refused (exit 2,
// naming both places); a live listing that repeats one keeps the first with a recorded error, so finding ids stay
// unique and nothing is guessed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { packagePath } from '../../src/package-info.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { UsageError } from '../../src/errors.js';
import { normalizeAws } from '../../providers/aws/normalize.js';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kumoscan-dup-'));

function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(packagePath('examples', name), 'utf8')) as Record<string, unknown>;
}

function write(name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

function refused(file: string, pattern: RegExp): void {
  assert.throws(() => readSnapshotFile(file), (err: unknown) => err instanceof UsageError && pattern.test(err.message));
}

describe('a snapshot naming a resource twice is refused', () => {
  test('aws: the second bucket of the same name, with both places', () => {
    const doc = example('aws-hr-system.snapshot.json') as { buckets: unknown[] };
    doc.buckets.push(structuredClone(doc.buckets[0]));
    const file = write('aws.json', doc);
    refused(file, /buckets\[3\]\.Name "hr-system-employees" repeats buckets\[0\]\.Name/);
  });

  test('gcp: bucket names are global, across projects too', () => {
    const doc = example('gcp-hr-system.snapshot.json') as { buckets: unknown[] };
    doc.buckets.push(structuredClone(doc.buckets[1]));
    refused(write('gcp.json', doc), /buckets\[\d+\]\.metadata\.name ".+" repeats buckets\[1\]\.metadata\.name/);
  });

  test('azure: a container twice in one account; an account twice', () => {
    const doc = example('azure-hr-system.snapshot.json') as { accounts: { containers: unknown[] }[] };
    const twiceContainer = structuredClone(doc);
    twiceContainer.accounts[0]?.containers.push(structuredClone(twiceContainer.accounts[0]?.containers[0]));
    refused(write('az1.json', twiceContainer), /accounts\[0\]\.containers\[\d+\]\.name ".+" repeats accounts\[0\]\.containers\[0\]\.name/);
    const twiceAccount = structuredClone(doc);
    twiceAccount.accounts.push(structuredClone(twiceAccount.accounts[0]) as { containers: unknown[] });
    refused(write('az2.json', twiceAccount), /accounts\[\d+\] ".+storageAccounts\/.+" repeats accounts\[0\]/);
  });

  test('the CLI exits 2 with one line naming the duplicate', async () => {
    const doc = example('aws-hr-system.snapshot.json') as { buckets: unknown[] };
    doc.buckets.push(structuredClone(doc.buckets[1]));
    const r = await runCli(['scan', '--input', write('cli.json', doc)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /buckets\[3\]\.Name "hr-system-locked" repeats buckets\[1\]\.Name/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });
});

describe('a live listing naming a bucket twice', () => {
  test('keeps one resource per id, records the duplicate, and a verdict the entries disagree on is null', () => {
    const doc = example('aws-hr-system.snapshot.json') as unknown as AwsSnapshot;
    const open = doc.buckets[0];
    assert.ok(open);
    doc.buckets.push({ ...structuredClone(open), Acl: { Grants: [] }, Policy: undefined });
    const resources = normalizeAws(doc);
    const ids = resources.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const kept = resources.find((r) => r.name === open.Name);
    assert.deepEqual(kept?.errors.map((e) => e.code), ['DuplicateResource']);
    assert.equal(kept?.exposure.read, null);
    assert.equal(kept?.exposure.list, null);
    assert.equal(kept?.exposure.write, false);
  });
});
