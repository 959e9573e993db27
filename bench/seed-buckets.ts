// Fills an S3 emulator with N buckets of mixed configurations (run as its own process by the benchmark,
// so the scanning process's peak RSS is not inflated by seeding). Usage: node dist/bench/seed-buckets.js ENDPOINT N
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  PutBucketTaggingCommand,
} from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { PUBLIC_READ_POLICY, TLS_ONLY_POLICY, s3For } from '../test/helpers/seed-hr.js';

const [endpoint, nText] = process.argv.slice(2);
if (!endpoint || !nText) throw new Error('usage: seed-buckets ENDPOINT N');
const n = Number(nText);
const regions = ['ap-northeast-1', 'ap-northeast-3', 'us-east-1', 'eu-west-1'];
const s3 = s3For(endpoint, 'us-east-1');
const limit = pLimit(16);

async function seed(i: number): Promise<void> {
  const Bucket = `bench-${String(i).padStart(4, '0')}`;
  const region = regions[i % regions.length] ?? 'us-east-1';
  await s3.send(new CreateBucketCommand({ Bucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as 'ap-northeast-1' } }) }));
  switch (i % 5) {
    case 0: // the HR-system mistake
      await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
      await s3.send(new PutBucketAclCommand({ Bucket, ACL: 'public-read' }));
      await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: PUBLIC_READ_POLICY(Bucket) }));
      break;
    case 1: // locked down
      await s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
      await s3.send(new PutBucketOwnershipControlsCommand({ Bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
      await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
      await s3.send(new PutBucketPolicyCommand({ Bucket, Policy: TLS_ONLY_POLICY(Bucket) }));
      break;
    case 2: // KMS, tagged
      await s3.send(new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/bench' } }] } }));
      await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'team', Value: 'hr' }] } }));
      break;
    case 3: // public write through the ACL
      await s3.send(new PutBucketAclCommand({ Bucket, ACL: 'public-read-write' }));
      break;
    default: // defaults only
      break;
  }
}

await Promise.all(Array.from({ length: n }, (_, i) => limit(() => seed(i))));
s3.destroy();
