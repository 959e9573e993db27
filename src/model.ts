// The normalized model: every provider's normalize step produces these, every check reads them.
// Plain data only (JSON-serializable), so every stage after collect is a pure function.
import type { DataProfile } from './data/types.js';
import type { OpenedBy } from './evidence/changes/types.js';
import type { ReadsView } from './evidence/reads/types.js';

export type Provider = 'aws' | 'gcp' | 'azure';

/** true / false, or null = could not be determined (the evidence or errors say why). */
export type Tri = boolean | null;

export type Capability = 'read' | 'list' | 'write' | 'aclWrite';
export const CAPABILITIES: readonly Capability[] = ['read', 'list', 'write', 'aclWrite'];

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s); // critical=5 … info=1
}

export interface I18n {
  ja: string;
  en: string;
}

/** The language of what is shown to people: one of the two every text is written in. */
export type Lang = keyof I18n;

/**
 * A check's remediation: prose in each language and, where a command fixes it, shell command templates whose
 * {placeholders} a report fills with the resource's names (checks/commands.ts).
 */
export interface Remediation extends I18n {
  commands?: readonly string[];
}

/** One fact that supports (or removes) a capability or guard: an ACL grant, a policy statement, a setting. */
export interface Evidence {
  /** Which capability this evidence speaks to, when it speaks to one. */
  capability?: Capability;
  /** grants: gives the capability; denies: an explicit Deny removes it; neutralized: a grant that a guard switches off;
   *  restricts: narrows something without removing it; info: context only (e.g. PolicyStatus.IsPublic); unknown: input missing. */
  effect: 'grants' | 'denies' | 'neutralized' | 'restricts' | 'info' | 'unknown';
  /** Where it comes from: bucket-acl, bucket-policy, block-public-access, object-ownership, policy-status, … */
  source: string;
  /** Which statement (Sid or index) or grant, e.g. `Sid "PublicRead"`, `Statement[2]`, `Grant AllUsers READ`. */
  ref: string;
  /** Human-readable explanation in English. */
  message: string;
  /** The same explanation in Japanese (report 1.4.0; renderers fall back to `message` for an older report without it). */
  messageJa: string;
}

export interface Exposure {
  read: Tri;
  list: Tri;
  write: Tri;
  aclWrite: Tri;
  evidence: Evidence[];
}

export interface BlockPublicAccessFlags {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** Settings that prevent public access. Provider-specific members are optional. */
export interface Guards {
  /** AWS: account-level Block Public Access (null = could not be read). */
  accountBlockPublicAccess?: BlockPublicAccessFlags | null;
  /** AWS: bucket-level Block Public Access (null = could not be read). */
  bucketBlockPublicAccess?: BlockPublicAccessFlags | null;
  /** AWS: effective flags (account OR bucket). null when neither side sets it and one side is unknown. */
  blockPublicAcls?: Tri;
  ignorePublicAcls?: Tri;
  blockPublicPolicy?: Tri;
  restrictPublicBuckets?: Tri;
  /** ACLs take effect (AWS: Object Ownership is not BucketOwnerEnforced; GCS: uniform bucket-level access off). */
  aclsEnabled?: Tri;
  /** AWS: the ObjectOwnership value (BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter). */
  objectOwnership?: string | null;
  /** GCS: Public Access Prevention effectively enforced. */
  publicAccessPrevention?: Tri;
  /** GCS: the bucket's own iamConfiguration.publicAccessPrevention ("enforced", "inherited"; null = unknown). */
  bucketPublicAccessPrevention?: string | null;
  /** GCS: the effective org policy constraint storage.publicAccessPrevention (null = could not be read). */
  orgPublicAccessPrevention?: Tri;
  /** Azure: account allowBlobPublicAccess. */
  allowBlobPublicAccess?: Tri;
}

export interface Principal {
  /** ARN, account id, canonical user id, service name, member string … */
  id: string;
  kind: 'aws-account' | 'aws-iam' | 'aws-canonical-user' | 'aws-service' | 'cloudfront-oai' | 'federated' | 'gcp-member' | 'azure-tenant' | 'anyone';
  /** The account / project / tenant the principal belongs to, when known. */
  account: string | null;
  capabilities: Capability[];
  /** The grant carries a condition (kept, not evaluated). */
  conditional: boolean;
  /** Where the grant comes from (statement or grant ref). */
  evidence: string;
  /** AWS: reached by assuming this role of the owner's account, whose trust policy admits the principal. */
  viaRole?: string;
  /** With viaRole: the trust requires an sts:ExternalId (protects against the confused deputy, not against the party itself). */
  externalId?: boolean;
}

export interface CollectError {
  /** The API call that failed, e.g. GetBucketPolicy. */
  call: string;
  /** The provider's error code, e.g. AccessDenied, NotImplemented, ThrottlingException. */
  code: string;
  message: string;
  /** The message in Japanese, when kumoscan wrote it (a plan's "known after apply"); a provider's own message has none. */
  messageJa?: string;
}

/** Where a resource is declared in infrastructure code (kumoscan scan terraform): the address, and the .tf file and line when found. */
export interface ResourceSource {
  /** The Terraform resource address, e.g. `module.storage.aws_s3_bucket.hr`. */
  address: string;
  /** The .tf file (relative to the working directory, `/` separators) and the 1-based line of its `resource` block. */
  file?: string;
  line?: number;
}

export type EncryptionAtRest = 'provider-managed' | 'customer-managed' | 'none';

/** One anonymous HTTP answer of the probe (--probe). */
export interface ProbeAnswer {
  url: string;
  /** HTTP status, or null when no answer came (network error, time-out). */
  status: number | null;
  error?: string;
}

/** What an outsider saw (src/probe.ts): anonymous GETs of the listing URL and of one object. */
export interface ProbeResult {
  at: string;
  list?: ProbeAnswer;
  object?: ProbeAnswer & { key: string };
  /** true: answered 2xx; false: refused (401/403/404); null: not tried or no answer. */
  observed: { read: Tri; list: Tri };
}

export interface Resource {
  provider: Provider;
  /** AWS account id / GCP project / Azure subscription+account. */
  account: string;
  id: string;
  name: string;
  region: string | null;
  /** What ANYONE (anonymous or any authenticated principal of any account) can do. */
  exposure: Exposure;
  guards: Guards;
  /** Fixed principals outside the owner's account/org (entrustment signal). */
  externalPrincipals: Principal[];
  encryption: { atRest: EncryptionAtRest | null; key?: string };
  transport: { httpsOnly: Tri; minTls?: string | null };
  versioning: Tri;
  /** AWS MFA delete; undefined where the provider has no such setting. */
  mfaDelete?: Tri;
  logging: Tri;
  softDelete: Tri;
  /** Object lock / retention policy with lock. */
  retentionLock: Tri;
  /** Lifecycle / deletion rules configured. */
  lifecycle?: Tri;
  /** Served as a static website. */
  website: Tri;
  /** How long soft-deleted objects stay restorable, in days (GCS softDeletePolicy; 0 = off; null = unknown). */
  softDeleteDays?: number | null;
  /** GCS location type: region, dual-region, multi-region (null = unknown). */
  locationType?: string | null;
  /** The regions that hold the data, when the provider names them (GCS dual-regions); lower case. */
  dataLocations?: string[];
  tags: Record<string, string>;
  /** Calls that failed, so a verdict of null is explained. */
  errors: CollectError[];
  /** Personal data found by sampling (src/data/): counts, classes, masked examples — never a raw value. */
  data?: DataProfile;
  /** Anonymous probe (--probe): what an outsider saw, and the verdicts the configuration alone gave. */
  probe?: ProbeResult & { configured: { read: Tri; list: Tri } };
  /** Settings this resource shares with the other resources of its `account` (Azure: a storage account's containers). */
  accountScope?: AccountScope;
  /** Azure Blob Storage: the storage account settings outside the provider-neutral members (the same on each container). */
  azure?: AzureAccountSettings;
  /**
   * AWS: the users and roles of the owner's account that can read, list or write the resource through IAM (identity
   * policies, boundaries, the resource's own Deny statements). null = could not be determined (principalsNote says
   * why); undefined = the provider does not evaluate identities.
   */
  principals?: ResourcePrincipals | null;
  /** Why principals is null ("IAM not collected", the failed call …). */
  principalsNote?: string;
  /** --evidence changes, on a public resource: the change that opened it (src/evidence/changes/), or null and why. */
  openedBy?: OpenedBy;
  /** Access-log evidence of who read it (--evidence reads), joined with the data profile (src/evidence/reads/). */
  reads?: ReadsView;

  /** Evaluated from a Terraform plan: where the resource is declared. */
  source?: ResourceSource;
}

/**
 * Settings a resource shares with the other resources of its `account`: every container of an Azure storage account
 * has the account's settings. A finding that rests only on shared settings is raised once per account, on the
 * primary resource, and names the others (checks/helpers.ts, scopeDraftsToAccount).
 */
export interface AccountScope {
  /** The account's name, for texts (Azure: the storage account name). */
  name: string;
  /** This resource carries the account's findings (Azure: the first container of the account by name). */
  primary: boolean;
  /** The names of every resource of the account in this scan, primary first. */
  members: string[];
  /** Resource attribute paths whose value is the account's; a path covers its sub-paths (`azure` covers `azure.kind`). */
  shared: string[];
}

/** Azure Blob Storage: storage account settings beyond the provider-neutral members (null = could not be determined). */
export interface AzureAccountSettings {
  /** arm: read through ARM and the data plane; data-plane: --account-url / --connection-string only (ARM-only settings are null). */
  source: 'arm' | 'data-plane';
  /** The storage account name. */
  storageAccount: string;
  /** The ARM id of the storage account (null in data-plane mode). */
  storageAccountId: string | null;
  subscriptionId: string | null;
  resourceGroup: string | null;
  /** StorageV2, BlobStorage, BlockBlobStorage … */
  kind: string | null;
  /** Standard_LRS, Standard_RAGRS … */
  sku: string | null;
  /** The blob endpoint (no query string, never a SAS). */
  blobEndpoint: string | null;
  /** The static website endpoint, when the account has one. */
  webEndpoint: string | null;
  /** Shared Key (account keys, and SAS signed with them) accepted; ARM's documented default when absent is true. */
  allowSharedKeyAccess: Tri;
  /** publicNetworkAccess as ARM returns it (Enabled, Disabled, SecuredByPerimeter); null when absent or unknown. */
  publicNetworkAccess: string | null;
  /** networkRuleSet.defaultAction (Allow, Deny). */
  networkDefaultAction: string | null;
  /** Reachable from every network: public network access not disabled and the network default action Allow. */
  openToAllNetworks: Tri;
  /** Object replication to accounts of other Microsoft Entra tenants allowed. */
  allowCrossTenantReplication: Tri;
  /** encryption.requireInfrastructureEncryption (a second layer of encryption at rest). */
  infrastructureEncryption: Tri;
  /** Blob soft delete retention in days (null when off or unknown). */
  blobSoftDeleteDays: number | null;
  /** Container soft delete (containerDeleteRetentionPolicy). */
  containerSoftDelete: Tri;
  containerSoftDeleteDays: number | null;
  /** Static website hosting (serves the $web container through the web endpoint). */
  staticWebsite: Tri;
  /** Classic Storage Analytics logging of reads, writes and deletes (data plane service properties). */
  classicLogging: Tri;
  /** An Azure Monitor diagnostic setting sends StorageRead, StorageWrite and StorageDelete logs somewhere. */
  diagnosticLogging: Tri;
}

/** A reference to an APPI duty (see reports/appi/duties.ts). */
export type DutyId =
  | 'APPI-23'
  | 'GL-10-6-1'
  | 'GL-10-6-2'
  | 'GL-10-6-3'
  | 'GL-10-6-4'
  | 'GL-10-3-3'
  | 'GL-10-3-4'
  | 'GL-10-5-4'
  | 'GL-10-7'
  | 'APPI-25'
  | 'APPI-26'
  | 'MNA-29-4';

export interface Finding {
  /** Stable id: `${checkId}:${resourceId}` (plus a suffix when a check emits several per resource). */
  id: string;
  checkId: string;
  severity: Severity;
  resourceId: string;
  provider: Provider;
  title: I18n;
  detail: I18n;
  /** The check's duties (shared by every finding of the check: never modify). */
  duties: readonly DutyId[];
  evidence: Evidence[];
  remediation: Remediation;
  /** Report 1.3.0: the check's severity before a severity override of the configuration changed it. */
  originalSeverity?: Severity;
}

/** A resource-independent error of the scan (account-level call failed, bucket listing failed …). */
export interface ScanError extends CollectError {
  /** Account / bucket the error belongs to, when there is one. */
  scope: string;
}

// ---------------------------------------------------------------------------------------------------------
// Identities: who inside the account can reach a resource, and the account-level identity posture (IAM).

export type IdentityKind = 'user' | 'role';

/** One identity that can use a capability on a resource, and the policy statement that grants it. */
export interface PrincipalGrant {
  /** The identity's ARN (IAM user or role). */
  id: string;
  kind: IdentityKind;
  /** managed: an IAM managed policy (policy = its ARN); inline: an inline policy (policy = its name); resource: the resource's own policy. */
  policyType: 'managed' | 'inline' | 'resource';
  policy: string;
  /** `Sid "X"` or `Statement[i]` of the granting statement. */
  statement: string;
  /** The group the policy is attached to, when the identity has it through group membership. */
  via?: string;
  /** The grant reaches only these object ARN patterns; omitted = the whole bucket / every object. */
  objects?: string[];
  /** Conditions of the granting statement that could not be evaluated offline, as written; [] = unconditional. */
  conditions: string[];
  /** What might still remove or narrow the grant and could not be decided offline (conditional Deny, unknown boundary …). */
  caveats: string[];
}

export interface ResourcePrincipals {
  read: PrincipalGrant[];
  list: PrincipalGrant[];
  write: PrincipalGrant[];
}

/** One principal a role's trust policy admits. */
export interface TrustGrant {
  /** The admitted principal as written (`arn:aws:iam::444455556666:root`, an IdP ARN, `*` …). */
  principal: string;
  kind: 'anyone' | 'aws-account' | 'aws-iam' | 'federated' | 'aws-service';
  /** The account the principal belongs to, when known. */
  account: string | null;
  /** Outside the owner's account: another account, an external identity provider, or anyone. */
  external: boolean;
  /** An sts:ExternalId condition protects the trust. */
  externalId: boolean;
  /** A condition pins the caller to fixed accounts or an organization (aws:PrincipalOrgID, aws:PrincipalAccount …). */
  pinned: boolean;
  /** The trust statement's conditions, as written. */
  conditions: string[];
  statement: string;
}

/** An Allow of every S3 action (`s3:*`, `*`) on every resource (`*`). */
export interface BroadGrant {
  policyType: 'managed' | 'inline';
  policy: string;
  statement: string;
  via?: string;
  actions: string[];
  conditions: string[];
  /** The identity's permissions boundary does not allow every S3 action on every resource (null: boundary unreadable). */
  limitedByBoundary: Tri;
}

export interface AccessKeyPosture {
  /** 1 or 2: the credential report's access_key_1 / access_key_2. */
  slot: number;
  active: boolean;
  /** Created or last rotated (ISO); null when unknown. */
  lastRotated: string | null;
  /** Last used (ISO); null when never used or unknown. */
  lastUsed: string | null;
  /** Days since lastRotated, at `IdentityPosture.asOf`. */
  ageDays: number | null;
  /** Days without use (since lastUsed, or since lastRotated when never used). */
  idleDays: number | null;
}

export interface UserPosture {
  id: string;
  name: string;
  /** Console password enabled. */
  consoleAccess: Tri;
  mfa: Tri;
  passwordLastUsed: string | null;
  /** null when the credential report is unknown. */
  accessKeys: AccessKeyPosture[] | null;
  groups: string[];
  /** Permissions boundary policy ARN. */
  boundary: string | null;
  broadGrants: BroadGrant[];
}

export interface RolePosture {
  id: string;
  name: string;
  trust: TrustGrant[];
  boundary: string | null;
  broadGrants: BroadGrant[];
}

export interface PasswordPolicyPosture {
  /** false: no password policy is set (the provider's defaults apply). */
  present: boolean;
  minimumLength: number | null;
  reusePrevention: number | null;
  maxAgeDays: number | null;
  requireSymbols: boolean | null;
  requireNumbers: boolean | null;
  requireUppercase: boolean | null;
  requireLowercase: boolean | null;
}

/** The provider-neutral identity posture of one account: what account-level checks read. */
export interface IdentityPosture {
  provider: Provider;
  account: string;
  /** The resource id of findings about the account itself, e.g. `aws:123456789012`. */
  id: string;
  /** false: identities were not collected; `reason` says why. */
  collected: boolean;
  reason?: string;
  /** When ages are measured (the snapshot's collection time). */
  asOf: string | null;
  /** The account's root user (AWS). */
  root: { mfa: Tri; accessKeys: Tri };
  /** null = could not be read. */
  passwordPolicy: PasswordPolicyPosture | null;
  /** null = could not be read. */
  users: UserPosture[] | null;
  roles: RolePosture[] | null;
  /** Limits of the evaluation the report must state (e.g. Organization SCPs unknown). */
  notes: I18n[];
  /** Identity calls that failed. */
  errors: CollectError[];
}
