// aws_s3_bucket_acl: a canned `acl`, or an `access_control_policy` with grants.
import { splitResource } from './split.js';
import { aclFromPolicy, block, cannedAcl, str } from './convert.js';

export const awsS3BucketAcl = splitResource('aws_s3_bucket_acl', 'Acl', ['acl', 'access_control_policy'], (a) => {
  const acp = block(a.access_control_policy);
  if (acp) return aclFromPolicy(acp);
  const canned = str(a.acl);
  return canned ? cannedAcl(canned) : undefined;
});
