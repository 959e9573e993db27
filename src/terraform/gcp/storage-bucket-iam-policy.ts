// google_storage_bucket_iam_policy: the whole policy (policy_data, the JSON of data.google_iam_policy).
import type { GcsIamBinding } from '../../../providers/gcp/snapshot-types.js';
import { str } from '../aws/convert.js';
import { knownAfterApply } from '../notes.js';
import { bucketIamResource } from './iam.js';

export const googleStorageBucketIamPolicy = bucketIamResource('google_storage_bucket_iam_policy', ['policy_data'], (r, d) => {
  let bindings: GcsIamBinding[] | undefined;
  try {
    const doc = JSON.parse(str(r.after.policy_data) ?? '{}') as { bindings?: GcsIamBinding[] };
    bindings = Array.isArray(doc.bindings) ? doc.bindings : [];
  } catch {
    bindings = undefined;
  }
  if (!bindings) {
    d.errors.push({ ...knownAfterApply('buckets.getIamPolicy', r.address, 'policy_data'), code: 'MalformedPolicy', message: `${r.address}: policy_data is not JSON`, messageJa: `${r.address}: policy_data が JSON ではありません` });
    return;
  }
  d.bindings = bindings;
  d.authoritative = true;
});
