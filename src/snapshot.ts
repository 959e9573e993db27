// The raw snapshot file: reading (--input), validating and writing (--save-snapshot).
// Validation is structural and names the exact path that is wrong; semantics are the normalizers' job.
import { readFileSync, writeFileSync } from 'node:fs';
import type { AwsSnapshot } from '../providers/aws/snapshot-types.js';
import { UsageError } from './errors.js';

export type Snapshot = AwsSnapshot;

export const SNAPSHOT_VERSION = 1;

const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function expect(cond: boolean, where: string, what: string): void {
  if (!cond) throw new UsageError(`snapshot: ${where} ${what}`);
}

const BPA_KEYS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
const OBJECT_KEYS = ['Acl', 'PolicyStatus', 'PublicAccessBlock', 'OwnershipControls', 'Encryption', 'Versioning', 'Logging', 'Website', 'Lifecycle', 'ObjectLock', 'Replication'];

function validateBpa(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(isObject(v), where, 'must be an object with BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets');
  for (const k of BPA_KEYS) {
    const flag = (v as Record<string, unknown>)[k];
    expect(flag === undefined || typeof flag === 'boolean', `${where}.${k}`, 'must be true or false');
  }
}

function validateErrors(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(Array.isArray(v), where, 'must be an array of {call, code, message}');
  (v as unknown[]).forEach((e, i) => {
    expect(isObject(e) && typeof e.call === 'string' && typeof e.code === 'string', `${where}[${i}]`, 'must be {call, code, message} with string call and code');
  });
}

export function validateAwsSnapshot(doc: Record<string, unknown>): AwsSnapshot {
  expect(typeof doc.accountId === 'string' && doc.accountId.length > 0, 'accountId', 'must be a non-empty string (the 12-digit account id)');
  validateBpa(doc.accountPublicAccessBlock, 'accountPublicAccessBlock');
  validateErrors(doc.errors, 'errors');
  expect(Array.isArray(doc.buckets), 'buckets', 'must be an array');
  (doc.buckets as unknown[]).forEach((b, i) => {
    const where = `buckets[${i}]`;
    expect(isObject(b), where, 'must be an object');
    const bucket = b as Record<string, unknown>;
    expect(typeof bucket.Name === 'string' && bucket.Name.length > 0, `${where}.Name`, 'must be a non-empty string');
    expect(bucket.Region === undefined || typeof bucket.Region === 'string', `${where}.Region`, 'must be a string');
    expect(bucket.Policy === undefined || typeof bucket.Policy === 'string' || isObject(bucket.Policy), `${where}.Policy`, 'must be the policy JSON string or a policy object');
    for (const k of OBJECT_KEYS) {
      expect(bucket[k] === undefined || isObject(bucket[k]), `${where}.${k}`, 'must be an object');
    }
    expect(bucket.Tags === undefined || Array.isArray(bucket.Tags) || isObject(bucket.Tags), `${where}.Tags`, 'must be a TagSet array or an object');
    validateBpa(bucket.PublicAccessBlock, `${where}.PublicAccessBlock`);
    validateErrors(bucket.errors, `${where}.errors`);
  });
  return doc as unknown as AwsSnapshot;
}

export function parseSnapshot(text: string, source = 'snapshot'): Snapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UsageError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) throw new UsageError(`${source}: a snapshot must be a JSON object`);
  const version = doc.snapshotVersion;
  if (version !== undefined && version !== SNAPSHOT_VERSION) {
    throw new UsageError(`${source}: snapshotVersion ${String(version)} is not supported (this kumoscan reads version ${SNAPSHOT_VERSION})`);
  }
  switch (doc.provider) {
    case 'aws':
      return validateAwsSnapshot(doc);
    case 'gcp':
    case 'azure':
      throw new UsageError(`${source}: provider "${doc.provider}" snapshots are not supported by this version yet`);
    default:
      throw new UsageError(`${source}: "provider" must be "aws"${doc.provider === undefined ? ' (missing)' : ` (got ${JSON.stringify(doc.provider)})`}`);
  }
}

export function readSnapshotFile(path: string): Snapshot {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read snapshot ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (buf.length > MAX_SNAPSHOT_BYTES) throw new UsageError(`snapshot ${path} is larger than ${MAX_SNAPSHOT_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UsageError(`snapshot ${path}: not valid UTF-8 (a snapshot is a UTF-8 JSON file)`);
  }
  return parseSnapshot(text, path);
}

export function writeSnapshotFile(path: string, snapshot: Snapshot): void {
  writeFileSync(path, JSON.stringify(snapshot, null, 2) + '\n');
}
