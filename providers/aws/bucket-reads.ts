// The per-bucket read-only calls of a scan, one row each: what the call is, how it is sent, and where its answer
// goes in the snapshot. All of them are sent at once for a bucket (one round trip on the critical path when the
// listing names the bucket's region). What each buys:
//   ACL, policy, Block Public Access, ownership controls: who can reach the bucket (the access evaluation);
//   encryption, versioning, logging, website, lifecycle, Object Lock, replication, tags: the configuration checks
//   and the APPI safeguards.
// GetBucketPolicyStatus buys nothing the evaluation does not already decide from the policy itself, so it is sent
// only with --cross-check-policy-status (POLICY_STATUS_READ), where a disagreement is reported.
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { AwsBucketSnapshot } from './snapshot-types.js';
import { maskText } from '../../src/text/mask-text.js';

export interface BucketRead {
  /** The operation, as recorded in errors (GetBucketAcl …). */
  call: string;
  send(s3: S3Client, Bucket: string): Promise<object>;
  /** Puts a "configured" answer into the snapshot. */
  put(snap: AwsBucketSnapshot, answer: object): void;
}

/** The SDK output without its transport metadata: the response shape the snapshot keeps. */
function strip<T extends object>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _m, ...rest } = output as T & { $metadata?: unknown };
  return rest;
}

function read<O extends object>(call: string, send: (s3: S3Client, Bucket: string) => Promise<O>, put: (snap: AwsBucketSnapshot, answer: O) => void): BucketRead {
  return { call, send, put: put as BucketRead['put'] };
}

/** The reads of every scan, in the order they are documented (docs/permissions.md). */
export const BUCKET_READS: readonly BucketRead[] = [
  read('GetBucketAcl', (s3, Bucket) => s3.send(new GetBucketAclCommand({ Bucket })), (snap, v) => {
    snap.Acl = { Owner: v.Owner, Grants: v.Grants ?? [] } as AwsBucketSnapshot['Acl'];
  }),
  read('GetBucketPolicy', (s3, Bucket) => s3.send(new GetBucketPolicyCommand({ Bucket })), (snap, v) => {
    if (v.Policy !== undefined) snap.Policy = v.Policy;
  }),
  read('GetPublicAccessBlock', (s3, Bucket) => s3.send(new GetPublicAccessBlockCommand({ Bucket })), (snap, v) => {
    if (v.PublicAccessBlockConfiguration) snap.PublicAccessBlock = { ...v.PublicAccessBlockConfiguration };
  }),
  read('GetBucketOwnershipControls', (s3, Bucket) => s3.send(new GetBucketOwnershipControlsCommand({ Bucket })), (snap, v) => {
    if (v.OwnershipControls) snap.OwnershipControls = v.OwnershipControls as AwsBucketSnapshot['OwnershipControls'];
  }),
  read('GetBucketEncryption', (s3, Bucket) => s3.send(new GetBucketEncryptionCommand({ Bucket })), (snap, v) => {
    if (v.ServerSideEncryptionConfiguration) snap.Encryption = v.ServerSideEncryptionConfiguration as AwsBucketSnapshot['Encryption'];
  }),
  read('GetBucketVersioning', (s3, Bucket) => s3.send(new GetBucketVersioningCommand({ Bucket })), (snap, v) => {
    snap.Versioning = strip(v) as AwsBucketSnapshot['Versioning'];
  }),
  read('GetBucketLogging', (s3, Bucket) => s3.send(new GetBucketLoggingCommand({ Bucket })), (snap, v) => {
    snap.Logging = strip(v) as AwsBucketSnapshot['Logging'];
  }),
  read('GetBucketWebsite', (s3, Bucket) => s3.send(new GetBucketWebsiteCommand({ Bucket })), (snap, v) => {
    snap.Website = strip(v) as AwsBucketSnapshot['Website'];
  }),
  read('GetBucketLifecycleConfiguration', (s3, Bucket) => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })), (snap, v) => {
    snap.Lifecycle = { Rules: (v.Rules ?? []) as NonNullable<AwsBucketSnapshot['Lifecycle']>['Rules'] };
  }),
  read('GetObjectLockConfiguration', (s3, Bucket) => s3.send(new GetObjectLockConfigurationCommand({ Bucket })), (snap, v) => {
    if (v.ObjectLockConfiguration) snap.ObjectLock = v.ObjectLockConfiguration as AwsBucketSnapshot['ObjectLock'];
  }),
  read('GetBucketReplication', (s3, Bucket) => s3.send(new GetBucketReplicationCommand({ Bucket })), (snap, v) => {
    if (v.ReplicationConfiguration) snap.Replication = v.ReplicationConfiguration as AwsBucketSnapshot['Replication'];
  }),
  read('GetBucketTagging', (s3, Bucket) => s3.send(new GetBucketTaggingCommand({ Bucket })), (snap, v) => {
    snap.Tags = (v.TagSet ?? []).map((t) => ({ Key: t.Key === undefined ? undefined : maskText(t.Key), Value: t.Value === undefined ? undefined : maskText(t.Value) }));
  }),
];

/** --cross-check-policy-status: S3's own verdict on the policy, compared with the evaluation's (providers/aws/access.ts). */
export const POLICY_STATUS_READ: BucketRead = read('GetBucketPolicyStatus', (s3, Bucket) => s3.send(new GetBucketPolicyStatusCommand({ Bucket })), (snap, v) => {
  if (v.PolicyStatus) snap.PolicyStatus = { IsPublic: v.PolicyStatus.IsPublic };
});

/** The reads of one bucket: every scan's, and the policy status when cross-checking. */
export function bucketReads(crossCheckPolicyStatus: boolean): readonly BucketRead[] {
  return crossCheckPolicyStatus ? [...BUCKET_READS.slice(0, 2), POLICY_STATUS_READ, ...BUCKET_READS.slice(2)] : BUCKET_READS;
}
