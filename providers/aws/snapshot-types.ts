// The AWS raw snapshot: S3/STS/S3 Control responses in AWS's own PascalCase shapes (as the SDK returns
// them, without $metadata). A missing optional key means "not configured", unless `errors` names the call
// that would have filled it, in which case the value is unknown. Documented in docs/snapshot.md.
import type { BlockPublicAccessFlags, CollectError } from '../../src/model.js';

export interface AwsGrantee {
  Type?: 'CanonicalUser' | 'AmazonCustomerByEmail' | 'Group' | string;
  ID?: string;
  DisplayName?: string;
  EmailAddress?: string;
  URI?: string;
}

export interface AwsGrant {
  Grantee?: AwsGrantee;
  Permission?: 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP' | string;
}

export interface AwsAcl {
  Owner?: { ID?: string; DisplayName?: string };
  Grants?: AwsGrant[];
}

export interface AwsEncryptionRule {
  ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string };
  BucketKeyEnabled?: boolean;
}

export interface AwsBucketSnapshot {
  Name: string;
  CreationDate?: string;
  /** Region from GetBucketLocation (null LocationConstraint = us-east-1, "EU" = eu-west-1). */
  Region?: string;
  /** GetBucketAcl output. */
  Acl?: AwsAcl;
  /** GetBucketPolicy: the policy document as a JSON string (a parsed object is accepted too). */
  Policy?: string | Record<string, unknown>;
  /** GetBucketPolicyStatus: kept as evidence only. */
  PolicyStatus?: { IsPublic?: boolean };
  /** GetPublicAccessBlock: PublicAccessBlockConfiguration. */
  PublicAccessBlock?: Partial<BlockPublicAccessFlags>;
  /** GetBucketOwnershipControls: OwnershipControls. */
  OwnershipControls?: { Rules?: { ObjectOwnership?: string }[] };
  /** GetBucketEncryption: ServerSideEncryptionConfiguration. */
  Encryption?: { Rules?: AwsEncryptionRule[] };
  /** GetBucketVersioning output. */
  Versioning?: { Status?: 'Enabled' | 'Suspended' | string; MFADelete?: 'Enabled' | 'Disabled' | string };
  /** GetBucketLogging output ({} when logging is off). */
  Logging?: { LoggingEnabled?: { TargetBucket?: string; TargetPrefix?: string } };
  /** GetBucketWebsite output. */
  Website?: {
    IndexDocument?: { Suffix?: string };
    ErrorDocument?: { Key?: string };
    RedirectAllRequestsTo?: { HostName?: string; Protocol?: string };
    RoutingRules?: unknown[];
  };
  /** GetBucketLifecycleConfiguration output. */
  Lifecycle?: { Rules?: { ID?: string; Status?: string; [k: string]: unknown }[] };
  /** GetObjectLockConfiguration: ObjectLockConfiguration. */
  ObjectLock?: {
    ObjectLockEnabled?: 'Enabled' | string;
    Rule?: { DefaultRetention?: { Mode?: string; Days?: number; Years?: number } };
  };
  /** GetBucketReplication: ReplicationConfiguration. */
  Replication?: { Role?: string; Rules?: { ID?: string; Status?: string; Destination?: { Bucket?: string; Account?: string } }[] };
  /** GetBucketTagging: TagSet ([{Key, Value}]); a plain {key: value} object is accepted too. */
  Tags?: { Key?: string; Value?: string }[] | Record<string, string>;
  /** Calls that failed for this bucket. */
  errors?: CollectError[];
}

export interface AwsSnapshot {
  provider: 'aws';
  /** Snapshot format version (1). */
  snapshotVersion?: number;
  collectedAt?: string;
  accountId: string;
  /** STS GetCallerIdentity Arn of the scanning identity. */
  callerArn?: string;
  /** The canonical user id of the account (the ListBuckets Owner.ID), used to tell own grants from others'. */
  ownerCanonicalId?: string;
  /** S3 Control GetPublicAccessBlock: PublicAccessBlockConfiguration. Missing = not configured (all false). */
  accountPublicAccessBlock?: Partial<BlockPublicAccessFlags>;
  /** Account-level calls that failed (GetCallerIdentity, GetPublicAccessBlock, ListBuckets). */
  errors?: CollectError[];
  buckets: AwsBucketSnapshot[];
}
