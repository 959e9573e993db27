// The normalized model: every provider's normalize step produces these, every check reads them.
// Plain data only (JSON-serializable), so every stage after collect is a pure function.

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
  /** Human-readable explanation (English; technical evidence is not translated). */
  message: string;
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
  /** Azure: account allowBlobPublicAccess. */
  allowBlobPublicAccess?: Tri;
}

export interface Principal {
  /** ARN, account id, canonical user id, service name, member string … */
  id: string;
  kind: 'aws-account' | 'aws-iam' | 'aws-canonical-user' | 'aws-service' | 'cloudfront-oai' | 'federated' | 'gcp-member' | 'azure-tenant';
  /** The account / project / tenant the principal belongs to, when known. */
  account: string | null;
  capabilities: Capability[];
  /** The grant carries a condition (kept, not evaluated). */
  conditional: boolean;
  /** Where the grant comes from (statement or grant ref). */
  evidence: string;
}

export interface CollectError {
  /** The API call that failed, e.g. GetBucketPolicy. */
  call: string;
  /** The provider's error code, e.g. AccessDenied, NotImplemented, ThrottlingException. */
  code: string;
  message: string;
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
  tags: Record<string, string>;
  /** Calls that failed, so a verdict of null is explained. */
  errors: CollectError[];
  /** Anonymous probe (--probe): what an outsider saw, and the verdicts the configuration alone gave. */
  probe?: ProbeResult & { configured: { read: Tri; list: Tri } };
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
  duties: DutyId[];
  evidence: Evidence[];
  remediation: I18n;
}

/** A resource-independent error of the scan (account-level call failed, bucket listing failed …). */
export interface ScanError extends CollectError {
  /** Account / bucket the error belongs to, when there is one. */
  scope: string;
}
