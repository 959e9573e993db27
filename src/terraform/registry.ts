// Every Terraform resource type kumoscan reads from a plan, one translator per file. A type not listed here is
// ignored (it does not configure object storage).
import type { ResourceTranslator } from './translator.js';
import { awsS3Bucket } from './aws/s3-bucket.js';
import { awsS3BucketAcl } from './aws/s3-bucket-acl.js';
import { awsS3BucketPolicy } from './aws/s3-bucket-policy.js';
import { awsS3BucketPublicAccessBlock } from './aws/s3-bucket-public-access-block.js';
import { awsS3BucketOwnershipControls } from './aws/s3-bucket-ownership-controls.js';
import { awsS3BucketSseConfiguration } from './aws/s3-bucket-server-side-encryption-configuration.js';
import { awsS3BucketVersioning } from './aws/s3-bucket-versioning.js';
import { awsS3BucketLogging } from './aws/s3-bucket-logging.js';
import { awsS3BucketWebsiteConfiguration } from './aws/s3-bucket-website-configuration.js';
import { awsS3BucketLifecycleConfiguration } from './aws/s3-bucket-lifecycle-configuration.js';
import { awsS3BucketObjectLockConfiguration } from './aws/s3-bucket-object-lock-configuration.js';
import { awsS3AccountPublicAccessBlock } from './aws/s3-account-public-access-block.js';
import { googleStorageBucket } from './gcp/storage-bucket.js';
import { googleStorageBucketIamMember } from './gcp/storage-bucket-iam-member.js';
import { googleStorageBucketIamBinding } from './gcp/storage-bucket-iam-binding.js';
import { googleStorageBucketIamPolicy } from './gcp/storage-bucket-iam-policy.js';
import { googleStorageBucketAcl } from './gcp/storage-bucket-acl.js';
import { googleStorageDefaultObjectAcl } from './gcp/storage-default-object-acl.js';
import { googleStorageBucketAccessControl } from './gcp/storage-bucket-access-control.js';
import { googleStorageDefaultObjectAccessControl } from './gcp/storage-default-object-access-control.js';
import { azurermStorageAccount } from './azure/storage-account.js';
import { azurermStorageAccountNetworkRules } from './azure/storage-account-network-rules.js';
import { azurermStorageContainer } from './azure/storage-container.js';
import { azurermMonitorDiagnosticSetting } from './azure/monitor-diagnostic-setting.js';

export const TRANSLATORS: readonly ResourceTranslator[] = [
  awsS3Bucket,
  awsS3BucketAcl,
  awsS3BucketPolicy,
  awsS3BucketPublicAccessBlock,
  awsS3BucketOwnershipControls,
  awsS3BucketSseConfiguration,
  awsS3BucketVersioning,
  awsS3BucketLogging,
  awsS3BucketWebsiteConfiguration,
  awsS3BucketLifecycleConfiguration,
  awsS3BucketObjectLockConfiguration,
  awsS3AccountPublicAccessBlock,
  googleStorageBucket,
  googleStorageBucketIamMember,
  googleStorageBucketIamBinding,
  googleStorageBucketIamPolicy,
  googleStorageBucketAcl,
  googleStorageDefaultObjectAcl,
  googleStorageBucketAccessControl,
  googleStorageDefaultObjectAccessControl,
  azurermStorageAccount,
  azurermStorageAccountNetworkRules,
  azurermStorageContainer,
  azurermMonitorDiagnosticSetting,
];

const BY_TYPE = new Map(TRANSLATORS.map((t) => [t.type, t]));

export function translatorFor(type: string): ResourceTranslator | undefined {
  return BY_TYPE.get(type);
}
