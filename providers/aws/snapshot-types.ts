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
  /** IAM identities (docs/snapshot.md, docs/iam.md). Missing: IAM was not collected (--no-iam, or an older snapshot). */
  iam?: AwsIamSnapshot;
}

// ---------------------------------------------------------------------------------------------------------
// IAM (the `iam` key): identity answers in AWS's shapes. Policy documents are kept as IAM returns them
// (URL-encoded JSON strings); a parsed object is accepted too. Dates are ISO 8601 strings.

export interface AwsIamPolicyRef {
  PolicyName?: string;
  PolicyArn?: string;
}

export interface AwsIamInlinePolicy {
  PolicyName?: string;
  PolicyDocument?: string | Record<string, unknown>;
}

export interface AwsIamPermissionsBoundary {
  PermissionsBoundaryType?: string;
  PermissionsBoundaryArn?: string;
}

/** GetAccountAuthorizationDetails UserDetailList[] (without Tags: they are not needed and often hold personal data). */
export interface AwsIamUserDetail {
  Path?: string;
  UserName: string;
  UserId?: string;
  Arn: string;
  CreateDate?: string;
  UserPolicyList?: AwsIamInlinePolicy[];
  GroupList?: string[];
  AttachedManagedPolicies?: AwsIamPolicyRef[];
  PermissionsBoundary?: AwsIamPermissionsBoundary;
}

/** GetAccountAuthorizationDetails GroupDetailList[]. */
export interface AwsIamGroupDetail {
  Path?: string;
  GroupName: string;
  GroupId?: string;
  Arn: string;
  CreateDate?: string;
  GroupPolicyList?: AwsIamInlinePolicy[];
  AttachedManagedPolicies?: AwsIamPolicyRef[];
}

/** GetAccountAuthorizationDetails RoleDetailList[]. */
export interface AwsIamRoleDetail {
  Path?: string;
  RoleName: string;
  RoleId?: string;
  Arn: string;
  CreateDate?: string;
  /** The trust policy (URL-encoded JSON). */
  AssumeRolePolicyDocument?: string | Record<string, unknown>;
  InstanceProfileList?: unknown[];
  RolePolicyList?: AwsIamInlinePolicy[];
  AttachedManagedPolicies?: AwsIamPolicyRef[];
  PermissionsBoundary?: AwsIamPermissionsBoundary;
  Tags?: { Key?: string; Value?: string }[];
  RoleLastUsed?: { LastUsedDate?: string; Region?: string };
}

export interface AwsIamPolicyVersion {
  Document?: string | Record<string, unknown>;
  VersionId?: string;
  IsDefaultVersion?: boolean;
  CreateDate?: string;
}

/** GetAccountAuthorizationDetails Policies[]: customer managed policies, and the AWS managed ones in use. */
export interface AwsIamManagedPolicyDetail {
  PolicyName?: string;
  PolicyId?: string;
  Arn: string;
  Path?: string;
  DefaultVersionId?: string;
  AttachmentCount?: number;
  PermissionsBoundaryUsageCount?: number;
  IsAttachable?: boolean;
  Description?: string;
  CreateDate?: string;
  UpdateDate?: string;
  PolicyVersionList?: AwsIamPolicyVersion[];
}

/** GetAccountAuthorizationDetails, every page merged into one answer (IsTruncated / Marker dropped). */
export interface AwsIamAuthorizationDetails {
  UserDetailList: AwsIamUserDetail[];
  GroupDetailList: AwsIamGroupDetail[];
  RoleDetailList: AwsIamRoleDetail[];
  Policies: AwsIamManagedPolicyDetail[];
}

/** GetAccountPasswordPolicy .PasswordPolicy. */
export interface AwsIamPasswordPolicy {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  ExpirePasswords?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/**
 * GetCredentialReport: the base64 CSV decoded and parsed. `columns` is the CSV header as AWS wrote it, each row maps
 * exactly those columns to their text (`true`, `N/A`, `no_information`, ISO dates …); nothing is added.
 */
export interface AwsIamCredentialReport {
  GeneratedTime?: string;
  ReportFormat?: string;
  columns: string[];
  rows: Record<string, string>[];
}

export interface AwsIamSnapshot {
  /** GetAccountAuthorizationDetails (all pages). */
  authorizationDetails?: AwsIamAuthorizationDetails;
  /** GetAccountPasswordPolicy .PasswordPolicy; null = NoSuchEntity (the account has no password policy). */
  passwordPolicy?: AwsIamPasswordPolicy | null;
  /** GetAccountSummary .SummaryMap (AccountMFAEnabled, AccountAccessKeysPresent, Users, Roles …). */
  accountSummary?: Record<string, number>;
  /** GenerateCredentialReport + GetCredentialReport. */
  credentialReport?: AwsIamCredentialReport;
  /** IAM calls that failed; a key they would have filled is then unknown. */
  errors?: CollectError[];
}

// ---------------------------------------------------------------------------------------------------------
// AWS Organizations (--org-role): one snapshot holding every scanned member account's snapshot.

/** An organization-level failure, or a member account that could not be scanned (AssumeRole denied …). */
export interface AwsOrganizationError extends CollectError {
  /** The member account the error belongs to; absent for organization-level calls (DescribeOrganization). */
  accountId?: string;
}

/** A member account listed by ListAccounts but not scanned because it is not ACTIVE (SUSPENDED, PENDING_CLOSURE). */
export interface AwsSkippedAccount {
  accountId: string;
  /** ListAccounts Name (an account name, not a person's). */
  name?: string;
  /** ListAccounts State (or the older Status): SUSPENDED, PENDING_CLOSURE … */
  status: string;
}

export interface AwsOrganizationSnapshot {
  provider: 'aws';
  snapshotVersion?: number;
  collectedAt?: string;
  organization: {
    /** DescribeOrganization Id (o-…); absent when that call failed. */
    id?: string;
    /** DescribeOrganization MasterAccountId. */
    managementAccountId?: string;
    /** The role name assumed in each member account (--org-role). */
    memberRole: string;
    /** The account the scan ran from (GetCallerIdentity). */
    callerAccountId?: string;
  };
  /** One single-account snapshot per scanned member account, sorted by account id. */
  accounts: AwsSnapshot[];
  /** Member accounts listed but not scanned because they are not ACTIVE. */
  skippedAccounts?: AwsSkippedAccount[];
  /** Accounts that failed (with accountId) and organization-level calls that failed. */
  errors?: AwsOrganizationError[];
}

/** What the AWS adapter reads and writes: one account, or an organization of them. */
export type AwsScanSnapshot = AwsSnapshot | AwsOrganizationSnapshot;

export function isOrganizationSnapshot(s: AwsScanSnapshot): s is AwsOrganizationSnapshot {
  return 'organization' in s && s.organization !== undefined;
}
