// google_storage_bucket_access_control: one entity and role added to the bucket ACL.
import { str } from '../aws/convert.js';
import { aclResource } from './acl.js';

export const googleStorageBucketAccessControl = aclResource('google_storage_bucket_access_control', 'bucketAcl', ['entity', 'role'], (r) => (str(r.after.entity) && str(r.after.role) ? [{ entity: str(r.after.entity) ?? '', role: str(r.after.role) ?? '' }] : []), true);
