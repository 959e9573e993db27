// aws_s3_bucket_public_access_block: the four flags (an argument left out is false).
import { splitResource } from './split.js';
import { bpaFlags, BPA_ARGUMENTS } from './bpa.js';

export const awsS3BucketPublicAccessBlock = splitResource('aws_s3_bucket_public_access_block', 'PublicAccessBlock', BPA_ARGUMENTS, bpaFlags);
