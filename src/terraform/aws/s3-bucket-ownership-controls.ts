// aws_s3_bucket_ownership_controls: rule { object_ownership }.
import { splitResource } from './split.js';
import { block, str } from './convert.js';

export const awsS3BucketOwnershipControls = splitResource('aws_s3_bucket_ownership_controls', 'OwnershipControls', ['rule'], (a) => {
  const ownership = str(block(a.rule)?.object_ownership);
  return { Rules: ownership ? [{ ObjectOwnership: ownership }] : [] };
});
