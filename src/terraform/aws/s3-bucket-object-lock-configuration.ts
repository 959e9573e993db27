// aws_s3_bucket_object_lock_configuration: object_lock_enabled, rule { default_retention { mode, days, years } }.
import { splitResource } from './split.js';
import { block, str } from './convert.js';

export const awsS3BucketObjectLockConfiguration = splitResource('aws_s3_bucket_object_lock_configuration', 'ObjectLock', ['object_lock_enabled', 'rule'], (a) => {
  const retention = block(block(a.rule)?.default_retention);
  return {
    ObjectLockEnabled: str(a.object_lock_enabled) ?? 'Enabled',
    ...(retention
      ? { Rule: { DefaultRetention: { ...(str(retention.mode) ? { Mode: str(retention.mode) } : {}), ...(typeof retention.days === 'number' ? { Days: retention.days } : {}), ...(typeof retention.years === 'number' ? { Years: retention.years } : {}) } } }
      : {}),
  };
});
