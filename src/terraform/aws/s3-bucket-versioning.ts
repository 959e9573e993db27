// aws_s3_bucket_versioning: versioning_configuration { status, mfa_delete }.
import { splitResource } from './split.js';
import { block, str } from './convert.js';

export const awsS3BucketVersioning = splitResource('aws_s3_bucket_versioning', 'Versioning', ['versioning_configuration'], (a) => {
  const v = block(a.versioning_configuration);
  const status = str(v?.status);
  const mfa = str(v?.mfa_delete);
  // "Disabled" is how a never-versioned bucket is declared: S3 answers it with no Status.
  return { ...(status && status !== 'Disabled' ? { Status: status } : {}), ...(mfa ? { MFADelete: mfa } : {}) };
});
