// google_storage_bucket_acl: predefined_acl or role_entity (authoritative for the bucket ACL).
import { aclResource, predefined, roleEntities } from './acl.js';

export const googleStorageBucketAcl = aclResource('google_storage_bucket_acl', 'bucketAcl', ['predefined_acl', 'role_entity'], (r) => [...predefined(r.after.predefined_acl), ...roleEntities(r.after.role_entity)], false);
