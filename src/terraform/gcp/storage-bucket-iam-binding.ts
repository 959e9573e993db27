// google_storage_bucket_iam_binding: every member of one role (authoritative for that role).
import { block, str } from '../aws/convert.js';
import { bucketIamResource } from './iam.js';

export const googleStorageBucketIamBinding = bucketIamResource('google_storage_bucket_iam_binding', ['role', 'members', 'condition'], (r, d) => {
  const role = str(r.after.role);
  const members = Array.isArray(r.after.members) ? r.after.members.filter((m): m is string => typeof m === 'string') : [];
  const condition = block(r.after.condition);
  if (!role) return;
  d.bindings = d.bindings.filter((b) => b.role !== role || b.condition !== undefined);
  d.bindings.push({ role, members, ...(condition ? { condition: { ...(str(condition.expression) ? { expression: str(condition.expression) } : {}) } } : {}) });
});
