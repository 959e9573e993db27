// normalize: GCS raw snapshot -> Resource[]. Pure and synchronous; the access semantics live in access.ts.
import type { CollectError, Resource, Tri } from '../../src/model.js';
import { evaluateGcsAccess, type GcpProjectContext } from './access.js';
import { projectsOf, type GcpProjectSnapshot, type GcpSnapshot, type GcsBucketSnapshot } from './snapshot-types.js';
import { maskTags } from '../../src/text/mask-text.js';
import { uniqueResources } from '../../src/unique-resources.js';

/** The id kumoscan gives a bucket (globally unique, as gsutil and gcloud name it). */
export function gcsResourceId(name: string): string {
  return `gs://${name}`;
}

/** true when the bucket resource could not be read: every setting it carries is unknown. */
function metadataUnknown(bucket: GcsBucketSnapshot): boolean {
  return bucket.metadata.iamConfiguration === undefined && (bucket.errors ?? []).some((e) => e.call === 'buckets.get' || e.call === 'buckets.list');
}

function setting(bucket: GcsBucketSnapshot, isOn: () => boolean): Tri {
  return metadataUnknown(bucket) ? null : isOn();
}

/** Soft delete retention in days (0 = off); null when unknown. A bucket resource without softDeletePolicy has none. */
export function softDeleteDays(bucket: GcsBucketSnapshot): number | null {
  if (metadataUnknown(bucket)) return null;
  const raw = bucket.metadata.softDeletePolicy?.retentionDurationSeconds;
  if (raw === undefined) return 0;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  return Math.round((seconds / 86400) * 100) / 100;
}

function encryptionOf(bucket: GcsBucketSnapshot): Resource['encryption'] {
  if (metadataUnknown(bucket)) return { atRest: null };
  const key = bucket.metadata.encryption?.defaultKmsKeyName;
  // Cloud Storage always encrypts at rest; without a default Cloud KMS key it uses Google-managed keys.
  return key ? { atRest: 'customer-managed', key } : { atRest: 'provider-managed' };
}

export function projectContext(p: GcpProjectSnapshot, bucket?: GcsBucketSnapshot): GcpProjectContext {
  const projectNumber = p.projectNumber ?? bucket?.metadata.projectNumber;
  return {
    projectId: p.projectId,
    ...(projectNumber ? { projectNumber } : {}),
    orgPublicAccessPrevention: p.orgPublicAccessPrevention,
    errors: p.errors ?? [],
    ...(p.customRoles ? { customRoles: p.customRoles } : {}),
    ...(p.domains ? { domains: p.domains } : {}),
  };
}

export function normalizeBucket(bucket: GcsBucketSnapshot, project: GcpProjectSnapshot): Resource {
  const md = bucket.metadata;
  const access = evaluateGcsAccess(bucket, projectContext(project, bucket));
  const errors: CollectError[] = [...(bucket.errors ?? [])];
  const days = softDeleteDays(bucket);
  const dataLocations = (md.customPlacementConfig?.dataLocations ?? []).map((l) => l.toLowerCase());
  return {
    provider: 'gcp',
    account: project.projectId,
    id: gcsResourceId(md.name),
    name: md.name,
    region: md.location ? md.location.toLowerCase() : null,
    exposure: access.exposure,
    guards: access.guards,
    externalPrincipals: access.externalPrincipals,
    encryption: encryptionOf(bucket),
    // The XML API accepts plain HTTP for every bucket, and no bucket setting refuses it (the JSON API is HTTPS only).
    transport: { httpsOnly: false },
    versioning: setting(bucket, () => md.versioning?.enabled === true),
    logging: setting(bucket, () => Boolean(md.logging?.logBucket)),
    softDelete: days === null ? null : days > 0,
    softDeleteDays: days,
    retentionLock: setting(bucket, () => md.retentionPolicy?.isLocked === true),
    lifecycle: setting(bucket, () => (md.lifecycle?.rule ?? []).length > 0),
    website: setting(bucket, () => Boolean(md.website?.mainPageSuffix || md.website?.notFoundPage)),
    // Labels masked like object keys (a label value can hold a personal value).
    tags: maskTags(md.labels ?? {}),
    locationType: md.locationType ? md.locationType.toLowerCase() : null,
    ...(dataLocations.length > 0 ? { dataLocations } : {}),
    errors,
  };
}

export function normalizeGcp(snapshot: GcpSnapshot): Resource[] {
  return uniqueResources(projectsOf(snapshot).flatMap((p) => p.buckets.map((b) => normalizeBucket(b, p))));
}
