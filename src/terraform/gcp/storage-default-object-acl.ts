// google_storage_default_object_acl: role_entity (authoritative for the default object ACL).
import { aclResource, roleEntities } from './acl.js';

export const googleStorageDefaultObjectAcl = aclResource('google_storage_default_object_acl', 'defaultObjectAcl', ['role_entity'], (r) => roleEntities(r.after.role_entity), false);
