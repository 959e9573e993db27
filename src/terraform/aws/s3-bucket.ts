// aws_s3_bucket: the bucket, its name (unknown with bucket_prefix or a generated name), object_lock_enabled, tags,
// and the legacy inline arguments (acl, grant, policy, versioning …). Of a bucket the plan creates, a legacy argument
// the configuration does not set is computed (filled from the split resources or S3's defaults), so it is left to
// them; of an existing bucket, the refreshed value stands for the bucket's setting.
import { configured, knownString, planValue, type PlanResource } from '../plan-index.js';
import type { Json } from '../plan-types.js';
import type { ResourceTranslator, TranslateContext } from '../translator.js';
import type { BucketField } from './draft.js';
import { aclFromGrantSet, block, blocks, cannedAcl, encryptionOf, str, tagsOf, websiteOf } from './convert.js';

type Convert = (v: Json) => unknown;

/** Legacy argument -> setting. `undefined` from a converter: the argument says nothing (e.g. an empty block list). */
const LEGACY: readonly { attr: string; field: BucketField; convert: Convert }[] = [
  { attr: 'acl', field: 'Acl', convert: (v) => (typeof v === 'string' ? cannedAcl(v) : undefined) },
  { attr: 'grant', field: 'Acl', convert: (v) => (blocks(v).length > 0 ? aclFromGrantSet(blocks(v)) : undefined) },
  { attr: 'policy', field: 'Policy', convert: (v) => str(v) },
  {
    attr: 'versioning',
    field: 'Versioning',
    convert: (v) => {
      const b = block(v);
      return b ? { ...(b.enabled === true ? { Status: 'Enabled' } : {}), ...(b.mfa_delete === true ? { MFADelete: 'Enabled' } : {}) } : undefined;
    },
  },
  {
    attr: 'logging',
    field: 'Logging',
    convert: (v) => {
      const b = block(v);
      return b ? { LoggingEnabled: { TargetBucket: str(b.target_bucket) ?? '', TargetPrefix: str(b.target_prefix) ?? '' } } : {};
    },
  },
  { attr: 'website', field: 'Website', convert: (v) => (block(v) ? websiteOf(block(v) ?? {}, true) : undefined) },
  {
    attr: 'server_side_encryption_configuration',
    field: 'Encryption',
    convert: (v) => (block(v) ? encryptionOf(blocks(block(v)?.rule)) : undefined),
  },
  {
    attr: 'lifecycle_rule',
    field: 'Lifecycle',
    convert: (v) => (blocks(v).length > 0 ? { Rules: blocks(v).map((r) => ({ ...(str(r.id) ? { ID: str(r.id) } : {}), Status: r.enabled === false ? 'Disabled' : 'Enabled' })) } : undefined),
  },
  {
    attr: 'object_lock_configuration',
    field: 'ObjectLock',
    convert: (v) => (str(block(v)?.object_lock_enabled) ? { ObjectLockEnabled: str(block(v)?.object_lock_enabled) } : undefined),
  },
];

function legacy(r: PlanResource, ctx: TranslateContext, draft: ReturnType<TranslateContext['aws']['bucketOf']>): void {
  for (const { attr, field, convert } of LEGACY) {
    if (r.creating && !configured(r, attr)) continue;
    const v = planValue(r, [attr]);
    if (v.kind === 'unknown') {
      // A computed argument of a new bucket that the configuration sets from something unknown.
      ctx.aws.unknown(draft, field, r, attr, 'inline');
      continue;
    }
    const converted = v.kind === 'known' ? convert(v.value) : undefined;
    if (converted !== undefined) ctx.aws.set(draft, field, converted, 'inline');
    else if (!r.creating && field !== 'Acl') ctx.aws.set(draft, field, undefined, 'inline');
  }
}

export const awsS3Bucket: ResourceTranslator = {
  type: 'aws_s3_bucket',
  order: 0,
  translate(r, ctx) {
    const draft = ctx.aws.bucketOf(r, knownString(r, ['bucket']));
    legacy(r, ctx, draft);
    const lock = planValue(r, ['object_lock_enabled']);
    if (lock.kind === 'unknown' && configured(r, 'object_lock_enabled')) ctx.aws.unknown(draft, 'ObjectLock', r, 'object_lock_enabled', 'inline');
    else if (lock.kind === 'known' && lock.value === true) ctx.aws.set(draft, 'ObjectLock', { ObjectLockEnabled: 'Enabled' }, 'inline');
    const tags = planValue(r, ['tags']);
    if (tags.kind === 'known') ctx.aws.set(draft, 'Tags', tagsOf(tags.value), 'inline');
  },
};
