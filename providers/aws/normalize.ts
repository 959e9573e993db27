// normalize: AWS raw snapshot -> Resource[]. Pure and synchronous; the access semantics live in access.ts.
import type { CollectError, Exposure, IdentityPosture, Principal, Resource, Tri } from '../../src/model.js';
import { evaluateBucketAccess, type AwsAccountContext } from './access.js';
import type { AwsBucketSnapshot, AwsSnapshot } from './snapshot-types.js';
import { awsIdentityView, type BucketIdentities } from './iam/index.js';
import { maskTags } from '../../src/text/mask-text.js';
import { uniqueResources } from '../../src/unique-resources.js';

/** The snapshot key each call fills: a missing key with an error for its call is unknown, not "not configured". */
function failed(bucket: AwsBucketSnapshot, call: string): boolean {
  return (bucket.errors ?? []).some((e) => e.call === call);
}

/** Three-valued reading of an optional setting: null when its call failed, else the predicate over the value. */
function setting<T>(bucket: AwsBucketSnapshot, call: string, value: T | undefined, isOn: (v: T | undefined) => boolean): Tri {
  if (value === undefined && failed(bucket, call)) return null;
  return isOn(value);
}

function encryptionOf(bucket: AwsBucketSnapshot): Resource['encryption'] {
  if (bucket.Encryption === undefined) {
    return { atRest: failed(bucket, 'GetBucketEncryption') ? null : 'none' };
  }
  const rules = bucket.Encryption.Rules ?? [];
  const byDefault = rules.map((r) => r.ApplyServerSideEncryptionByDefault).find((d) => d?.SSEAlgorithm);
  const algorithm = byDefault?.SSEAlgorithm;
  if (!algorithm) return { atRest: 'none' };
  if (algorithm.startsWith('aws:kms')) {
    return { atRest: 'customer-managed', key: byDefault?.KMSMasterKeyID ?? 'aws/s3 (AWS managed KMS key)' };
  }
  return { atRest: 'provider-managed', key: algorithm };
}

/** Bucket tags, masked like object keys (a tag can hold a personal value: owner=taro.yamada@example.jp). */
function tagsOf(tags: AwsBucketSnapshot['Tags']): Record<string, string> {
  if (tags === undefined) return {};
  if (Array.isArray(tags)) {
    const out: Record<string, string> = {};
    for (const t of tags) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
    return maskTags(out);
  }
  return maskTags(tags);
}

export function accountContext(snapshot: AwsSnapshot): AwsAccountContext {
  const accountBpaFailed = (snapshot.errors ?? []).some((e) => e.call === 'GetPublicAccessBlock');
  return {
    accountId: snapshot.accountId,
    ...(snapshot.ownerCanonicalId ? { ownerCanonicalId: snapshot.ownerCanonicalId } : {}),
    ...(snapshot.accountPublicAccessBlock ? { accountPublicAccessBlock: snapshot.accountPublicAccessBlock } : {}),
    accountPublicAccessBlockKnown: !accountBpaFailed,
  };
}

/**
 * A role that anyone may assume (trust `*`, NotPrincipal, an open web-identity provider) without a condition, and
 * which can read, list or write the bucket, gives that capability to any principal of any account: "public" in the
 * sense of PUBLIC-ACCESS.md, even though no bucket setting says so. Pure.
 */
export function exposureThroughOpenRoles(exposure: Exposure, externals: readonly Principal[]): Exposure {
  const open = externals.filter((p) => p.kind === 'anyone' && !p.conditional && p.viaRole);
  if (open.length === 0) return exposure;
  const out: Exposure = { ...exposure, evidence: [...exposure.evidence] };
  for (const p of open) {
    for (const cap of p.capabilities) {
      if (cap === 'aclWrite') continue;
      out[cap] = true;
      out.evidence.push({
        capability: cap,
        effect: 'grants',
        source: 'iam-role-trust',
        ref: p.viaRole ?? p.id,
        message: `role ${p.viaRole} can be assumed by anyone (${p.id}) without a condition, and its policies give it this: ${p.evidence}`,
        messageJa: `ロール ${p.viaRole} は条件なしで誰でも（${p.id}）引き受けられ、そのポリシーがこれを許可しています: ${p.evidence}`,
      });
    }
  }
  return out;
}

/** `identities`: the bucket's in-account principals and the external principals reached through roles (iam/). */
export function normalizeBucket(bucket: AwsBucketSnapshot, account: AwsAccountContext, identities?: BucketIdentities): Resource {
  const access = evaluateBucketAccess(bucket, account);
  const versioning = setting(bucket, 'GetBucketVersioning', bucket.Versioning, (v) => v?.Status === 'Enabled');
  const errors: CollectError[] = [...(bucket.errors ?? []), ...access.errors];
  return {
    provider: 'aws',
    account: account.accountId,
    id: `arn:aws:s3:::${bucket.Name}`,
    name: bucket.Name,
    region: bucket.Region ?? null,
    exposure: identities ? exposureThroughOpenRoles(access.exposure, identities.externals) : access.exposure,
    guards: access.guards,
    externalPrincipals: identities ? [...access.externalPrincipals, ...identities.externals] : access.externalPrincipals,
    encryption: encryptionOf(bucket),
    transport: { httpsOnly: access.tlsEnforced },
    versioning,
    mfaDelete: setting(bucket, 'GetBucketVersioning', bucket.Versioning, (v) => v?.MFADelete === 'Enabled'),
    logging: setting(bucket, 'GetBucketLogging', bucket.Logging, (v) => Boolean(v?.LoggingEnabled)),
    // S3 has no soft delete of its own: with versioning a delete only adds a delete marker, so it serves as one.
    softDelete: versioning,
    retentionLock: setting(bucket, 'GetObjectLockConfiguration', bucket.ObjectLock, (v) => v?.ObjectLockEnabled === 'Enabled'),
    lifecycle: setting(bucket, 'GetBucketLifecycleConfiguration', bucket.Lifecycle, (v) => (v?.Rules ?? []).some((r) => r.Status !== 'Disabled')),
    website: setting(bucket, 'GetBucketWebsite', bucket.Website, (v) => Boolean(v && (v.IndexDocument || v.RedirectAllRequestsTo))),
    tags: tagsOf(bucket.Tags),
    errors,
    ...(identities ? { principals: identities.principals, ...(identities.note ? { principalsNote: identities.note } : {}) } : {}),
  };
}

export function normalizeAws(snapshot: AwsSnapshot): Resource[] {
  const account = accountContext(snapshot);
  const identities = awsIdentityView(snapshot);
  return uniqueResources(snapshot.buckets.map((b) => normalizeBucket(b, account, identities.forBucket(b))));
}

/** The account's identity posture (IAM), for the account-level checks. */
export function awsIdentities(snapshot: AwsSnapshot): IdentityPosture[] {
  return [awsIdentityView(snapshot).posture];
}
