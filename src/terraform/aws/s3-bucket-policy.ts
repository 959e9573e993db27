// aws_s3_bucket_policy: `policy` is the document as a string (jsonencode(...) and heredocs both plan to a string).
import { splitResource } from './split.js';
import { str } from './convert.js';

export const awsS3BucketPolicy = splitResource('aws_s3_bucket_policy', 'Policy', ['policy'], (a) => str(a.policy));
