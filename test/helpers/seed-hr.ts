// Creates the HR-system incident in an S3 emulator: a bucket whose public and file-listing settings were
// wrong from day one (bucket ACL AllUsers READ + a policy granting s3:GetObject to "*", Block Public Access
// off), beside a correctly locked bucket. Test set-up only: the scanner itself never writes.
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  PutBucketTaggingCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { MOTO_ACCOUNT, MOTO_ENV } from './moto.js';
import { employeeCsv } from './employees.js';

export const HR_PUBLIC = 'hr-system-employees';
export const HR_LOCKED = 'hr-system-locked';
export const HR_REGION = 'ap-northeast-1';
/** 60 employees in Shift_JIS, as Japanese HR exports usually are. */
export const HR_EMPLOYEES = employeeCsv(60, 'shift_jis');

export function s3For(endpoint: string, region = HR_REGION): S3Client {
  return new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY },
  });
}

export const PUBLIC_READ_POLICY = (bucket: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });

export const TLS_ONLY_POLICY = (bucket: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });

/** The locked bucket's policy: TLS only, plus S3 server access logging delivering into it (AWS's documented form). */
export const LOCKED_POLICY = (bucket: string, account: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/access-logs/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  });

export async function seedHrScenario(endpoint: string): Promise<void> {
  const s3 = s3For(endpoint);
  const loc = { CreateBucketConfiguration: { LocationConstraint: HR_REGION } } as const;

  await s3.send(new CreateBucketCommand({ Bucket: HR_PUBLIC, ...loc }));
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: HR_PUBLIC, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
  await s3.send(new PutBucketAclCommand({ Bucket: HR_PUBLIC, ACL: 'public-read' }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: HR_PUBLIC, Policy: PUBLIC_READ_POLICY(HR_PUBLIC) }));
  // Every new S3 bucket has SSE-S3 since 2023-01-05; moto does not add it by itself.
  await s3.send(new PutBucketEncryptionCommand({ Bucket: HR_PUBLIC, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
  await s3.send(new PutObjectCommand({ Bucket: HR_PUBLIC, Key: 'exports/employees.csv', Body: HR_EMPLOYEES.bytes }));

  await s3.send(new CreateBucketCommand({ Bucket: HR_LOCKED, ObjectLockEnabledForBucket: true, ...loc }));
  await s3.send(new PutPublicAccessBlockCommand({
    Bucket: HR_LOCKED,
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  }));
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: HR_LOCKED, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
  await s3.send(new PutBucketEncryptionCommand({
    Bucket: HR_LOCKED,
    ServerSideEncryptionConfiguration: {
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, BucketKeyEnabled: true }],
    },
  }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: HR_LOCKED, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutObjectLockConfigurationCommand({
    Bucket: HR_LOCKED,
    ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } } },
  }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: HR_LOCKED, Policy: LOCKED_POLICY(HR_LOCKED, MOTO_ACCOUNT) }));
  await s3.send(new PutBucketLoggingCommand({ Bucket: HR_LOCKED, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: HR_LOCKED, TargetPrefix: 'access-logs/' } } }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: HR_LOCKED, Tagging: { TagSet: [{ Key: 'data-class', Value: 'personal' }] } }));
  s3.destroy();
}
