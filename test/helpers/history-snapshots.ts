// Snapshots of three nightly runs for the history tests, derived from the HR fixture (hr-exports-1500 holds 1,500
// employees' My Numbers): private → public → fixed, each dated by its own collectedAt, and a partial variant.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-info.js';

export const EXPOSED_BUCKET = 'hr-exports-1500';
export const EXPOSED_ID = `arn:aws:s3:::${EXPOSED_BUCKET}`;

type Json = Record<string, unknown>;

function fixture(): Json {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'appi-hr-1500.snapshot.json'), 'utf8')) as Json;
}

function buckets(s: Json): Json[] {
  return s.buckets as Json[];
}

/** hr-exports-1500 public (ACL and policy grant anyone read), as in the fixture. */
export function publicSnapshot(collectedAt: string): Json {
  return { ...fixture(), collectedAt };
}

/** hr-exports-1500 private: no public grant, Block Public Access on, no policy. */
export function privateSnapshot(collectedAt: string): Json {
  const s = publicSnapshot(collectedAt);
  const b = buckets(s).find((x) => x.Name === EXPOSED_BUCKET) as Json;
  const acl = b.Acl as { Grants: Json[] };
  acl.Grants = acl.Grants.filter((g) => (g.Grantee as Json).Type !== 'Group');
  delete b.Policy;
  b.PolicyStatus = { IsPublic: false };
  b.PublicAccessBlock = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  return s;
}

/** Private as above, but another bucket's call failed: the run is partial (complete: false). */
export function partialPrivateSnapshot(collectedAt: string): Json {
  const s = privateSnapshot(collectedAt);
  const other = buckets(s).find((x) => x.Name !== EXPOSED_BUCKET) as Json;
  other.errors = [{ call: 'GetBucketPolicy', code: 'AccessDenied', message: 'Access Denied' }];
  delete other.Policy;
  return s;
}

export function writeSnapshot(dir: string, name: string, snapshot: Json): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(snapshot, null, 2));
  return path;
}
