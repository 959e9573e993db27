// Creates an HR system's identities in moto: staff in a group with read access, a console user without MFA, an
// administrator with "*" on "*", a batch uploader with an access key, an intern denied by the bucket policy, an
// application role limited by a permissions boundary, the payroll bucket locked to one role, and the maintenance role
// (保守用ID) of an outside vendor that another account can assume without an external ID. Test set-up only.
import {
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { MOTO_ACCOUNT, MOTO_ENV } from './moto.js';
import { s3For } from './seed-hr.js';

export const IAM_REGION = 'ap-northeast-1';
/** The HR system's employee bucket (personal data). */
export const HR_BUCKET = 'hrsys-employees';
/** Payroll exports: the bucket policy denies everyone but the payroll application role. */
export const PAYROLL_BUCKET = 'hrsys-payroll';
/** The maintenance vendor's AWS account (trusted without an external ID). */
export const VENDOR_ACCOUNT = '999988887777';
/** The backup vendor's AWS account (trusted with an external ID). */
export const BACKUP_ACCOUNT = '444455556666';

export const arn = {
  user: (n: string): string => `arn:aws:iam::${MOTO_ACCOUNT}:user/${n}`,
  role: (n: string): string => `arn:aws:iam::${MOTO_ACCOUNT}:role/${n}`,
  group: (n: string): string => `arn:aws:iam::${MOTO_ACCOUNT}:group/${n}`,
  policy: (n: string): string => `arn:aws:iam::${MOTO_ACCOUNT}:policy/${n}`,
};

const json = (statements: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const B = (bucket: string): string => `arn:aws:s3:::${bucket}`;
const O = (bucket: string, prefix = ''): string => `arn:aws:s3:::${bucket}/${prefix}*`;
const trustOf = (principal: unknown, extra: Record<string, unknown> = {}): string => json([{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }]);

export function iamFor(endpoint: string): IAMClient {
  return new IAMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: MOTO_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: MOTO_ENV.AWS_SECRET_ACCESS_KEY } });
}

async function seedBuckets(endpoint: string): Promise<void> {
  const s3 = s3For(endpoint, IAM_REGION);
  for (const bucket of [HR_BUCKET, PAYROLL_BUCKET]) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket, CreateBucketConfiguration: { LocationConstraint: IAM_REGION } }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }));
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    await s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:${IAM_REGION}:${MOTO_ACCOUNT}:key/hr` } }] } }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'data-class', Value: 'personal' }] } }));
  }
  const tls = (bucket: string) => ({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [B(bucket), O(bucket)], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  await s3.send(new PutBucketPolicyCommand({
    Bucket: HR_BUCKET,
    Policy: json([tls(HR_BUCKET), { Sid: 'DenyIntern', Effect: 'Deny', Principal: { AWS: arn.user('intern') }, Action: 's3:*', Resource: [B(HR_BUCKET), O(HR_BUCKET)] }]),
  }));
  await s3.send(new PutBucketPolicyCommand({
    Bucket: PAYROLL_BUCKET,
    Policy: json([
      tls(PAYROLL_BUCKET),
      { Sid: 'OnlyPayrollApp', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [B(PAYROLL_BUCKET), O(PAYROLL_BUCKET)], Condition: { StringNotEquals: { 'aws:PrincipalArn': arn.role('payroll-app') } } },
    ]),
  }));
  s3.destroy();
}

async function seedIdentities(endpoint: string): Promise<void> {
  const iam = iamFor(endpoint);
  const send = iam.send.bind(iam);

  // Customer managed policies.
  await send(new CreatePolicyCommand({ PolicyName: 'AdminAll', PolicyDocument: json([{ Effect: 'Allow', Action: '*', Resource: '*' }]) }));
  await send(new CreatePolicyCommand({ PolicyName: 'HrMaintenanceRead', PolicyDocument: json([{ Sid: 'MaintenanceRead', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [B(HR_BUCKET), O(HR_BUCKET)] }]) }));
  await send(new CreatePolicyCommand({ PolicyName: 'S3ReadOnlyBoundary', PolicyDocument: json([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }]) }));

  // HR staff: the group reads the employee bucket.
  await send(new CreateGroupCommand({ GroupName: 'hr-staff' }));
  await send(new PutGroupPolicyCommand({ GroupName: 'hr-staff', PolicyName: 'HrRead', PolicyDocument: json([{ Sid: 'HrRead', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [B(HR_BUCKET), O(HR_BUCKET)] }]) }));
  for (const name of ['hr-alice', 'hr-bob', 'intern']) {
    await send(new CreateUserCommand({ UserName: name }));
    await send(new AddUserToGroupCommand({ GroupName: 'hr-staff', UserName: name }));
  }
  // hr-alice signs in with a password and MFA; hr-bob with a password only.
  await send(new CreateLoginProfileCommand({ UserName: 'hr-alice', Password: 'correct-horse-battery-staple-1' }));
  const mfa = await send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'hr-alice' }));
  await send(new EnableMFADeviceCommand({ UserName: 'hr-alice', SerialNumber: mfa.VirtualMFADevice?.SerialNumber ?? '', AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  await send(new CreateLoginProfileCommand({ UserName: 'hr-bob', Password: 'correct-horse-battery-staple-2' }));

  // The administrator: "*" on "*".
  await send(new CreateUserCommand({ UserName: 'it-admin' }));
  await send(new AttachUserPolicyCommand({ UserName: 'it-admin', PolicyArn: arn.policy('AdminAll') }));

  // A batch job's user with an access key (created now: moto cannot back-date keys).
  await send(new CreateUserCommand({ UserName: 'batch-uploader' }));
  await send(new PutUserPolicyCommand({ UserName: 'batch-uploader', PolicyName: 'Upload', PolicyDocument: json([{ Effect: 'Allow', Action: 's3:PutObject', Resource: O(HR_BUCKET, 'incoming/') }]) }));
  await send(new CreateAccessKeyCommand({ UserName: 'batch-uploader' }));

  // The application role: s3:* on the bucket, cut to reads by its permissions boundary.
  await send(new CreateRoleCommand({ RoleName: 'app-runtime', AssumeRolePolicyDocument: trustOf({ Service: 'ec2.amazonaws.com' }), PermissionsBoundary: arn.policy('S3ReadOnlyBoundary') }));
  await send(new PutRolePolicyCommand({ RoleName: 'app-runtime', PolicyName: 'AppData', PolicyDocument: json([{ Effect: 'Allow', Action: 's3:*', Resource: [B(HR_BUCKET), O(HR_BUCKET)] }]) }));

  // Payroll: only this role gets past the bucket policy.
  await send(new CreateRoleCommand({ RoleName: 'payroll-app', AssumeRolePolicyDocument: trustOf({ Service: 'lambda.amazonaws.com' }) }));
  await send(new PutRolePolicyCommand({ RoleName: 'payroll-app', PolicyName: 'PayrollRead', PolicyDocument: json([{ Effect: 'Allow', Action: 's3:GetObject', Resource: O(PAYROLL_BUCKET) }]) }));

  // The maintenance vendor (保守用ID): another account, no external ID.
  await send(new CreateRoleCommand({ RoleName: 'vendor-maintenance', AssumeRolePolicyDocument: json([{ Sid: 'VendorMaintenance', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }]) }));
  await send(new AttachRolePolicyCommand({ RoleName: 'vendor-maintenance', PolicyArn: arn.policy('HrMaintenanceRead') }));

  // The backup vendor: another account, with an external ID, reading one prefix.
  await send(new CreateRoleCommand({ RoleName: 'vendor-backup', AssumeRolePolicyDocument: trustOf({ AWS: BACKUP_ACCOUNT }, { Sid: 'BackupVendor', Condition: { StringEquals: { 'sts:ExternalId': 'hrsys-7f3a9c' } } }) }));
  await send(new PutRolePolicyCommand({ RoleName: 'vendor-backup', PolicyName: 'BackupRead', PolicyDocument: json([{ Effect: 'Allow', Action: 's3:GetObject', Resource: O(HR_BUCKET, 'backup/') }]) }));

  // A role anyone can assume (no policy of its own).
  await send(new CreateRoleCommand({ RoleName: 'open-role', AssumeRolePolicyDocument: trustOf({ AWS: '*' }) }));

  // A weak password policy: 8 characters, no reuse prevention.
  await send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 }));
  iam.destroy();
}

export async function seedIamScenario(endpoint: string): Promise<void> {
  await seedBuckets(endpoint);
  await seedIdentities(endpoint);
}
