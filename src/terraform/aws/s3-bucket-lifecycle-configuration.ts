// aws_s3_bucket_lifecycle_configuration: rule { id, status, … }.
import { splitResource } from './split.js';
import { blocks, str } from './convert.js';

export const awsS3BucketLifecycleConfiguration = splitResource('aws_s3_bucket_lifecycle_configuration', 'Lifecycle', ['rule'], (a) => ({
  Rules: blocks(a.rule).map((r) => ({ ...(str(r.id) ? { ID: str(r.id) } : {}), Status: str(r.status) ?? 'Enabled' })),
}));
