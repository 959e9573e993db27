// Structural validation of an AWS raw snapshot (docs/snapshot.md). Semantics are normalize's job.
import { expect, isObject, validateErrors } from '../../src/validate.js';
import type { AwsSnapshot } from './snapshot-types.js';

const BPA_KEYS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
const OBJECT_KEYS = ['Acl', 'PolicyStatus', 'PublicAccessBlock', 'OwnershipControls', 'Encryption', 'Versioning', 'Logging', 'Website', 'Lifecycle', 'ObjectLock', 'Replication'];

function validateBpa(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(isObject(v), where, 'must be an object with BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets');
  for (const k of BPA_KEYS) {
    const flag = v[k];
    expect(flag === undefined || typeof flag === 'boolean', `${where}.${k}`, 'must be true or false');
  }
}

export function validateAwsSnapshot(doc: Record<string, unknown>): AwsSnapshot {
  expect(typeof doc.accountId === 'string' && doc.accountId.length > 0, 'accountId', 'must be a non-empty string (the 12-digit account id)');
  validateBpa(doc.accountPublicAccessBlock, 'accountPublicAccessBlock');
  validateErrors(doc.errors, 'errors');
  expect(Array.isArray(doc.buckets), 'buckets', 'must be an array');
  doc.buckets.forEach((b: unknown, i: number) => {
    const where = `buckets[${i}]`;
    expect(isObject(b), where, 'must be an object');
    expect(typeof b.Name === 'string' && b.Name.length > 0, `${where}.Name`, 'must be a non-empty string');
    expect(b.Region === undefined || typeof b.Region === 'string', `${where}.Region`, 'must be a string');
    expect(b.Policy === undefined || typeof b.Policy === 'string' || isObject(b.Policy), `${where}.Policy`, 'must be the policy JSON string or a policy object');
    for (const k of OBJECT_KEYS) {
      expect(b[k] === undefined || isObject(b[k]), `${where}.${k}`, 'must be an object');
    }
    expect(b.Tags === undefined || Array.isArray(b.Tags) || isObject(b.Tags), `${where}.Tags`, 'must be a TagSet array or an object');
    validateBpa(b.PublicAccessBlock, `${where}.PublicAccessBlock`);
    validateErrors(b.errors, `${where}.errors`);
  });
  return doc as unknown as AwsSnapshot;
}
