// The table that ties each AWS SDK operation kumoscan sends to the IAM actions it needs and to the document in
// docs/permissions/ that grants them. Used by test/unit/permissions-aws.test.ts (commands imported by the code) and
// test/e2e/permissions-aws-moto.test.ts (requests a real scan sends). A new operation: add a row here and the action
// to the document.
export type AwsDoc = 'aws-iam-policy.json' | 'aws-sampling-policy.json' | 'aws-org-policy.json' | 'aws-changes-policy.json' | 'aws-reads-policy.json';
export const AWS_SCAN: AwsDoc = 'aws-iam-policy.json';
export const AWS_SAMPLING: AwsDoc = 'aws-sampling-policy.json';
export const AWS_ORG: AwsDoc = 'aws-org-policy.json';
export const AWS_CHANGES: AwsDoc = 'aws-changes-policy.json';
export const AWS_READS: AwsDoc = 'aws-reads-policy.json';
export const AWS_DOCS: AwsDoc[] = [AWS_SCAN, AWS_SAMPLING, AWS_ORG, AWS_CHANGES, AWS_READS];

/** "<package suffix>:<operation>" → the IAM actions it needs and the document that grants them. */
export const AWS_OPERATION_ACTIONS: Record<string, { actions: string[]; doc: AwsDoc | null }> = {
  // Account and bucket settings (providers/aws/collect.ts)
  's3:ListBuckets': { actions: ['s3:ListAllMyBuckets'], doc: AWS_SCAN },
  's3:GetBucketLocation': { actions: ['s3:GetBucketLocation'], doc: AWS_SCAN },
  's3:GetBucketAcl': { actions: ['s3:GetBucketAcl'], doc: AWS_SCAN },
  's3:GetBucketPolicy': { actions: ['s3:GetBucketPolicy'], doc: AWS_SCAN },
  's3:GetBucketPolicyStatus': { actions: ['s3:GetBucketPolicyStatus'], doc: AWS_SCAN },
  's3:GetPublicAccessBlock': { actions: ['s3:GetBucketPublicAccessBlock'], doc: AWS_SCAN },
  's3:GetBucketOwnershipControls': { actions: ['s3:GetBucketOwnershipControls'], doc: AWS_SCAN },
  's3:GetBucketEncryption': { actions: ['s3:GetEncryptionConfiguration'], doc: AWS_SCAN },
  's3:GetBucketVersioning': { actions: ['s3:GetBucketVersioning'], doc: AWS_SCAN },
  's3:GetBucketLogging': { actions: ['s3:GetBucketLogging'], doc: AWS_SCAN },
  's3:GetBucketWebsite': { actions: ['s3:GetBucketWebsite'], doc: AWS_SCAN },
  's3:GetBucketLifecycleConfiguration': { actions: ['s3:GetLifecycleConfiguration'], doc: AWS_SCAN },
  's3:GetObjectLockConfiguration': { actions: ['s3:GetBucketObjectLockConfiguration'], doc: AWS_SCAN },
  's3:GetBucketReplication': { actions: ['s3:GetReplicationConfiguration'], doc: AWS_SCAN },
  's3:GetBucketTagging': { actions: ['s3:GetBucketTagging'], doc: AWS_SCAN },
  's3-control:GetPublicAccessBlock': { actions: ['s3:GetAccountPublicAccessBlock'], doc: AWS_SCAN },
  'sts:GetCallerIdentity': { actions: ['sts:GetCallerIdentity'], doc: AWS_SCAN },
  // IAM (providers/aws/iam/collect.ts)
  'iam:GetAccountAuthorizationDetails': { actions: ['iam:GetAccountAuthorizationDetails'], doc: AWS_SCAN },
  'iam:GetAccountPasswordPolicy': { actions: ['iam:GetAccountPasswordPolicy'], doc: AWS_SCAN },
  'iam:GetAccountSummary': { actions: ['iam:GetAccountSummary'], doc: AWS_SCAN },
  'iam:GenerateCredentialReport': { actions: ['iam:GenerateCredentialReport'], doc: AWS_SCAN },
  'iam:GetCredentialReport': { actions: ['iam:GetCredentialReport'], doc: AWS_SCAN },
  // Personal-data sampling (providers/aws/reader.ts)
  's3:ListObjectsV2': { actions: ['s3:ListBucket'], doc: AWS_SAMPLING },
  's3:GetObject': { actions: ['s3:GetObject'], doc: AWS_SAMPLING },
  // The change history (--evidence changes, src/evidence/changes/aws.ts)
  'cloudtrail:LookupEvents': { actions: ['cloudtrail:LookupEvents'], doc: AWS_CHANGES },
  // Where a bucket's CloudTrail data events go (--evidence reads, src/evidence/reads/trails/aws.ts); the log files
  // themselves are read with ListObjectsV2 / GetObject (sampling document).
  'cloudtrail:DescribeTrails': { actions: ['cloudtrail:DescribeTrails'], doc: AWS_READS },
  'cloudtrail:GetEventSelectors': { actions: ['cloudtrail:GetEventSelectors'], doc: AWS_READS },
  // Organizations and assumed roles (--role-arn, --org-role)
  'credential-providers:fromTemporaryCredentials': { actions: ['sts:AssumeRole'], doc: AWS_ORG },
  'sts:AssumeRole': { actions: ['sts:AssumeRole'], doc: AWS_ORG },
  'organizations:ListAccounts': { actions: ['organizations:ListAccounts'], doc: AWS_ORG },
  'organizations:DescribeOrganization': { actions: ['organizations:DescribeOrganization'], doc: AWS_ORG },
  // The default chain needs no identity-based permission (web identity / IRSA is allowed by the role's trust policy).
  'credential-providers:fromNodeProviderChain': { actions: [], doc: null },
};

