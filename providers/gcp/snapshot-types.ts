// The Google Cloud Storage raw snapshot (docs/snapshot.md, "Google Cloud Storage"): the JSON API resources as
// the API returns them (camelCase), plus the few project-level answers the evaluation needs. Nothing here is
// judged; a missing optional key means "not configured" unless `errors` names the call that would have filled it.
import type { CollectError, ProbeResult } from '../../src/model.js';

/** A bucketAccessControls / objectAccessControls resource (JSON API). */
export interface GcsAclEntry {
  kind?: string;
  id?: string;
  /** allUsers, allAuthenticatedUsers, user-EMAIL, group-EMAIL, domain-DOMAIN, project-TEAM-NUMBER, user-ID … */
  entity: string;
  /** Bucket: OWNER, WRITER, READER; object: OWNER, READER. */
  role: string;
  email?: string;
  entityId?: string;
  domain?: string;
  projectTeam?: { projectNumber?: string; team?: string };
  bucket?: string;
  object?: string;
  generation?: string;
  etag?: string;
  selfLink?: string;
}

export interface GcsIamCondition {
  title?: string;
  description?: string;
  expression?: string;
}

export interface GcsIamBinding {
  /** roles/storage.objectViewer, projects/P/roles/R, organizations/O/roles/R … */
  role: string;
  /** allUsers, allAuthenticatedUsers, user:…, group:…, domain:…, serviceAccount:…, projectViewer:P … */
  members?: string[];
  condition?: GcsIamCondition;
}

/** buckets.getIamPolicy with optionsRequestedPolicyVersion=3. */
export interface GcsIamPolicy {
  kind?: string;
  resourceId?: string;
  version?: number;
  etag?: string;
  bindings?: GcsIamBinding[];
}

/** The bucket resource (buckets.list / buckets.get with projection=full). Only the members kumoscan reads are typed. */
export interface GcsBucketResource {
  kind?: string;
  id?: string;
  name: string;
  projectNumber?: string;
  timeCreated?: string;
  updated?: string;
  /** Upper case in API answers: ASIA-NORTHEAST1, ASIA1, US … */
  location?: string;
  /** region, dual-region, multi-region. */
  locationType?: string;
  customPlacementConfig?: { dataLocations?: string[] };
  storageClass?: string;
  iamConfiguration?: {
    uniformBucketLevelAccess?: { enabled?: boolean; lockedTime?: string };
    /** The former name of uniform bucket-level access. */
    bucketPolicyOnly?: { enabled?: boolean; lockedTime?: string };
    /** enforced, inherited (older buckets: unspecified). */
    publicAccessPrevention?: string;
  };
  encryption?: { defaultKmsKeyName?: string };
  versioning?: { enabled?: boolean };
  /** retentionDurationSeconds is an int64 as a string in the API ("604800"); 0 = soft delete off. */
  softDeletePolicy?: { retentionDurationSeconds?: string | number; effectiveTime?: string };
  retentionPolicy?: { retentionPeriod?: string | number; effectiveTime?: string; isLocked?: boolean };
  logging?: { logBucket?: string; logObjectPrefix?: string };
  website?: { mainPageSuffix?: string; notFoundPage?: string };
  labels?: Record<string, string>;
  lifecycle?: { rule?: unknown[] };
  /** Present with projection=full when ACLs are in effect; bucketAcl (the call) is preferred. */
  acl?: GcsAclEntry[];
  defaultObjectAcl?: GcsAclEntry[];
  [key: string]: unknown;
}

export interface GcsBucketSnapshot {
  metadata: GcsBucketResource;
  /** buckets.getIamPolicy (requested policy version 3). */
  iamPolicy?: GcsIamPolicy;
  /** bucketAccessControls.list .items — collected only when uniform bucket-level access is off. */
  bucketAcl?: GcsAclEntry[];
  /** defaultObjectAccessControls.list .items — only when uniform bucket-level access is off. */
  defaultObjectAcl?: GcsAclEntry[];
  /** objectAccessControls.list .items of a bounded sample of objects, by object name — only when uniform access is off. */
  objectAcls?: Record<string, GcsAclEntry[]>;
  /** Calls that failed for this bucket. */
  errors?: CollectError[];
}

/** An IAM role (iam roles.get), for custom roles named in bindings. */
export interface GcpRole {
  name: string;
  title?: string;
  includedPermissions?: string[];
  stage?: string;
  deleted?: boolean;
  etag?: string;
}

/** Everything kumoscan collects about one project. */
export interface GcpProjectSnapshot {
  projectId: string;
  projectNumber?: string;
  /** The organization the project belongs to (Resource Manager), when it could be read. */
  organization?: { name: string; displayName?: string };
  /**
   * The organization's own domains (--gcp-domain, else the organization's display name): user:, group: and
   * domain: members outside them are external principals. Absent = unknown (only consumer accounts are flagged).
   */
  domains?: string[];
  /** Effective org policy storage.publicAccessPrevention: true = enforced, false = not, null = could not be read. */
  orgPublicAccessPrevention: boolean | null;
  /** The Org Policy API answer it was read from (policies.getEffectivePolicy), kept as evidence. */
  orgPolicy?: Record<string, unknown>;
  /** Custom roles named in bucket IAM bindings (iam roles.get), by role name. */
  customRoles?: Record<string, GcpRole>;
  /** Project-level calls that failed (policies.getEffectivePolicy, roles.get, projects.get …, buckets.list). */
  errors?: CollectError[];
  buckets: GcsBucketSnapshot[];
}

interface GcpEnvelope {
  provider: 'gcp';
  snapshotVersion?: number;
  collectedAt?: string;
  probes?: Record<string, ProbeResult>;
}

/** One project: the shape of issue 5, and what a scan of a single project writes. */
export interface GcpSingleProjectSnapshot extends GcpEnvelope, GcpProjectSnapshot {}

/** Several projects in one scan. `errors` holds calls that belong to no project (projects.search). */
export interface GcpMultiProjectSnapshot extends GcpEnvelope {
  projects: GcpProjectSnapshot[];
  errors?: CollectError[];
}

export type GcpSnapshot = GcpSingleProjectSnapshot | GcpMultiProjectSnapshot;

export function isMultiProject(s: GcpSnapshot): s is GcpMultiProjectSnapshot {
  return Array.isArray((s as GcpMultiProjectSnapshot).projects);
}

/** The projects of either shape. */
export function projectsOf(s: GcpSnapshot): GcpProjectSnapshot[] {
  return isMultiProject(s) ? s.projects : [s];
}
