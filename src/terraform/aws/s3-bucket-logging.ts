// aws_s3_bucket_logging: logging is on whatever the target (target_bucket is often another bucket's id, unknown
// until apply): the target is kept when known.
import { splitResource } from './split.js';
import { str } from './convert.js';

export const awsS3BucketLogging = splitResource('aws_s3_bucket_logging', 'Logging', [], (a) => ({
  LoggingEnabled: { TargetBucket: str(a.target_bucket) ?? '', TargetPrefix: str(a.target_prefix) ?? '' },
}));
