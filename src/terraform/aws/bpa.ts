// The Block Public Access arguments shared by aws_s3_bucket_public_access_block and aws_s3_account_public_access_block.
import type { BlockPublicAccessFlags } from '../../model.js';
import type { Json } from '../plan-types.js';

export const BPA_ARGUMENTS = ['block_public_acls', 'ignore_public_acls', 'block_public_policy', 'restrict_public_buckets'] as const;

export function bpaFlags(after: Record<string, Json>): BlockPublicAccessFlags {
  return {
    BlockPublicAcls: after.block_public_acls === true,
    IgnorePublicAcls: after.ignore_public_acls === true,
    BlockPublicPolicy: after.block_public_policy === true,
    RestrictPublicBuckets: after.restrict_public_buckets === true,
  };
}
