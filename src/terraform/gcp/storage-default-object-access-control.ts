// google_storage_default_object_access_control: one entity and role added to the default object ACL.
import { str } from '../aws/convert.js';
import { aclResource } from './acl.js';

export const googleStorageDefaultObjectAccessControl = aclResource('google_storage_default_object_access_control', 'defaultObjectAcl', ['entity', 'role'], (r) => (str(r.after.entity) && str(r.after.role) ? [{ entity: str(r.after.entity) ?? '', role: str(r.after.role) ?? '' }] : []), true);
