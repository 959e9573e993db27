// google_storage_bucket_iam_member: one member added to a role (additive).
import { block, str } from '../aws/convert.js';
import { bucketIamResource } from './iam.js';

export const googleStorageBucketIamMember = bucketIamResource('google_storage_bucket_iam_member', ['role', 'member', 'condition'], (r, d) => {
  const role = str(r.after.role);
  const member = str(r.after.member);
  const condition = block(r.after.condition);
  if (role && member) d.bindings.push({ role, members: [member], ...(condition ? { condition: { ...(str(condition.title) ? { title: str(condition.title) } : {}), ...(str(condition.expression) ? { expression: str(condition.expression) } : {}) } } : {}) });
});
