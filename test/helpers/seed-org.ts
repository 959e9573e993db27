// An AWS Organization in moto: the management account (moto's default account), two ACTIVE member accounts and a
// closed (SUSPENDED) one, with a bucket in each ACTIVE account — a public one in "hr", private ones elsewhere.
// Member buckets are created with credentials from an AssumeRole into the member (moto then acts in that account).
// Test set-up only: the scanner itself never writes.
import { CloseAccountCommand, CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { MOTO_ACCOUNT, MOTO_ENV } from './moto.js';
import { PUBLIC_READ_POLICY } from './seed-hr.js';
import { employeeCsv } from './employees.js';

export const ORG_REGION = 'us-east-1';
export const ORG_ROLE = 'kumoscan-audit';
export const MGMT_BUCKET = 'org-mgmt-private';
export const HR_BUCKET = 'org-hr-public';
export const SALES_BUCKET = 'org-sales-private';

export interface SeededOrganization {
  orgId: string;
  management: string;
  hr: string;
  sales: string;
  closed: string;
}

const baseCredentials = { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY };

async function s3InAccount(endpoint: string, account: string): Promise<S3Client> {
  if (account === MOTO_ACCOUNT) return new S3Client({ endpoint, region: ORG_REGION, forcePathStyle: true, credentials: baseCredentials });
  const sts = new STSClient({ endpoint, region: ORG_REGION, credentials: baseCredentials });
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/seed`, RoleSessionName: 'seed' }));
  sts.destroy();
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('moto AssumeRole gave no credentials');
  return new S3Client({ endpoint, region: ORG_REGION, forcePathStyle: true, credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken } });
}

async function privateBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
  await s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
}

export async function seedOrganization(endpoint: string): Promise<SeededOrganization> {
  const org = new OrganizationsClient({ endpoint, region: ORG_REGION, credentials: baseCredentials });
  const created = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const account = async (name: string): Promise<string> => {
    const out = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.invalid` }));
    if (!out.CreateAccountStatus?.AccountId) throw new Error('moto CreateAccount gave no account id');
    return out.CreateAccountStatus.AccountId;
  };
  const hr = await account('hr');
  const sales = await account('sales');
  const closed = await account('legacy');
  await org.send(new CloseAccountCommand({ AccountId: closed }));
  org.destroy();

  const mgmtS3 = await s3InAccount(endpoint, MOTO_ACCOUNT);
  await privateBucket(mgmtS3, MGMT_BUCKET);
  mgmtS3.destroy();

  const hrS3 = await s3InAccount(endpoint, hr);
  await hrS3.send(new CreateBucketCommand({ Bucket: HR_BUCKET }));
  await hrS3.send(new PutBucketPolicyCommand({ Bucket: HR_BUCKET, Policy: PUBLIC_READ_POLICY(HR_BUCKET) }));
  await hrS3.send(new PutBucketEncryptionCommand({ Bucket: HR_BUCKET, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
  await hrS3.send(new PutObjectCommand({ Bucket: HR_BUCKET, Key: 'exports/employees.csv', Body: employeeCsv(30, 'utf-8').bytes }));
  hrS3.destroy();

  const salesS3 = await s3InAccount(endpoint, sales);
  await privateBucket(salesS3, SALES_BUCKET);
  salesS3.destroy();

  return { orgId: created.Organization?.Id ?? '', management: MOTO_ACCOUNT, hr, sales, closed };
}
