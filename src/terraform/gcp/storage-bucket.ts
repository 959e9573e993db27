// google_storage_bucket: name, location, uniform_bucket_level_access, public_access_prevention, versioning, encryption,
// logging, website, retention and soft delete policies, labels. An argument known only after apply that the
// configuration sets makes the bucket's metadata unknown.
import { configured, knownString, planValue, unknownConfigured } from '../plan-index.js';
import type { ResourceTranslator } from '../translator.js';
import { block, blocks, str } from '../aws/convert.js';
import { knownAfterApply } from '../notes.js';

const DECIDING = ['uniform_bucket_level_access', 'public_access_prevention', 'versioning', 'encryption', 'website', 'logging', 'retention_policy'];

export const googleStorageBucket: ResourceTranslator = {
  type: 'google_storage_bucket',
  order: 0,
  translate(r, ctx) {
    const d = ctx.gcp.bucketOf(r, knownString(r, ['name']));
    const project = knownString(r, ['project']);
    if (project) ctx.gcp.project ??= project;
    const unknown = DECIDING.find((a) => unknownConfigured(r, a));
    if (unknown !== undefined) {
      d.errors.push(knownAfterApply('buckets.get', r.address, unknown));
      return;
    }
    const a = r.after;
    const pap = planValue(r, ['public_access_prevention']);
    // Not set on a new bucket: the API's default, "inherited" (the org policy decides).
    const papValue = pap.kind === 'known' && typeof pap.value === 'string' ? pap.value : r.creating || !configured(r, 'public_access_prevention') ? 'inherited' : undefined;
    const versioning = block(a.versioning);
    const retention = block(a.retention_policy);
    const softDelete = block(a.soft_delete_policy);
    const logging = block(a.logging);
    const website = block(a.website);
    const kms = str(block(a.encryption)?.default_kms_key_name);
    d.metadata = {
      ...(str(a.location) ? { location: (str(a.location) ?? '').toUpperCase() } : {}),
      ...(str(a.storage_class) ? { storageClass: str(a.storage_class) } : {}),
      iamConfiguration: { uniformBucketLevelAccess: { enabled: a.uniform_bucket_level_access === true }, ...(papValue ? { publicAccessPrevention: papValue } : {}) },
      versioning: { enabled: versioning?.enabled === true },
      ...(kms ? { encryption: { defaultKmsKeyName: kms } } : {}),
      ...(retention ? { retentionPolicy: { retentionPeriod: String(retention.retention_period ?? 0), isLocked: retention.is_locked === true } } : {}),
      // New buckets keep soft-deleted objects 7 days unless the configuration says otherwise.
      softDeletePolicy: { retentionDurationSeconds: typeof softDelete?.retention_duration_seconds === 'number' ? String(softDelete.retention_duration_seconds) : '604800' },
      ...(logging && str(logging.log_bucket) ? { logging: { logBucket: str(logging.log_bucket) ?? '', ...(str(logging.log_object_prefix) ? { logObjectPrefix: str(logging.log_object_prefix) } : {}) } } : {}),
      ...(website && (str(website.main_page_suffix) || str(website.not_found_page)) ? { website: { ...(str(website.main_page_suffix) ? { mainPageSuffix: str(website.main_page_suffix) } : {}), ...(str(website.not_found_page) ? { notFoundPage: str(website.not_found_page) } : {}) } } : {}),
      ...(blocks(a.lifecycle_rule).length > 0 ? { lifecycle: { rule: blocks(a.lifecycle_rule) } } : {}),
    };
  },
};
