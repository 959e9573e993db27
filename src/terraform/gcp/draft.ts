// The Google Cloud Storage snapshot being built from a plan: one draft per google_storage_bucket (or per bucket name
// an IAM or ACL resource names), with its IAM bindings and ACLs. What a plan cannot tell (the org policy, an
// existing bucket's other IAM members) is stated unknown.
import type { CollectError, ResourceSource } from '../../model.js';
import type { GcsAclEntry, GcsBucketResource, GcsIamBinding, GcpSingleProjectSnapshot } from '../../../providers/gcp/snapshot-types.js';
import type { PlanIndex, PlanResource } from '../plan-index.js';
import { knownString } from '../plan-index.js';
import { knownAfterApply, notInPlan } from '../notes.js';
import type { Assumptions } from '../assumptions.js';

type Acl = { kind: 'value'; entries: GcsAclEntry[] } | { kind: 'unknown'; error: CollectError };

export interface GcsBucketDraft {
  name?: string;
  bucket?: PlanResource;
  metadata: Partial<GcsBucketResource>;
  bindings: GcsIamBinding[];
  /** google_storage_bucket_iam_policy: the whole policy (other bindings do not exist). */
  authoritative: boolean;
  errors: CollectError[];
  bucketAcl?: Acl;
  defaultObjectAcl?: Acl;
  addresses: string[];
}

export class GcpPlanDraft {
  private readonly byKey = new Map<string, GcsBucketDraft>();
  readonly scopeErrors: CollectError[] = [];
  project: string | undefined;

  bucketOf(r: PlanResource, name: string | undefined): GcsBucketDraft {
    const d = this.draft(`address:${r.address}`, name);
    d.bucket = r;
    d.addresses.unshift(r.address);
    return d;
  }

  /** The bucket an IAM or ACL resource names: by reference to its google_storage_bucket, else by name. */
  target(index: PlanIndex, r: PlanResource): GcsBucketDraft | undefined {
    const bucket = index.referenced(r, 'bucket', ['google_storage_bucket']);
    const name = bucket ? undefined : knownString(r, ['bucket'])?.replace(/^b\//, '');
    const d = bucket ? this.draft(`address:${bucket.address}`) : name !== undefined ? ([...this.byKey.values()].find((x) => x.name === name) ?? this.draft(`name:${name}`, name)) : undefined;
    if (!d) {
      this.scopeErrors.push(knownAfterApply('ResolveBucket', r.address, 'bucket'));
      return undefined;
    }
    d.addresses.push(r.address);
    return d;
  }

  private draft(key: string, name?: string): GcsBucketDraft {
    let d = this.byKey.get(key);
    if (!d) {
      d = { metadata: {}, bindings: [], authoritative: false, errors: [], addresses: [] };
      this.byKey.set(key, d);
    }
    if (name !== undefined) d.name = name;
    return d;
  }

  get empty(): boolean {
    return this.byKey.size === 0 && this.scopeErrors.length === 0;
  }

  toSnapshot(assume: Assumptions): { snapshot: GcpSingleProjectSnapshot; sources: Map<string, ResourceSource> } {
    const sources = new Map<string, ResourceSource>();
    const projectId = assume.gcpProject ?? this.project ?? 'terraform-plan';
    const buckets = [...this.byKey.values()].map((d) => {
      const name = d.name ?? d.addresses[0] ?? 'unknown';
      const errors = [...d.errors];
      if (d.name === undefined && d.bucket) errors.push(knownAfterApply('buckets.get', d.bucket.address, 'name'));
      const creating = d.bucket?.creating === true;
      if (!d.bucket) errors.push(notInPlan('buckets.get', { en: `The settings of the existing bucket ${name}`, ja: `既存バケット ${name} の設定` }));
      const iamKnown = (d.authoritative || creating) && !errors.some((e) => e.call === 'buckets.getIamPolicy');
      if (!d.authoritative && !creating && !errors.some((e) => e.call === 'buckets.getIamPolicy')) errors.push(notInPlan('buckets.getIamPolicy', { en: `The IAM policy of the existing bucket ${name} (beyond the members this plan adds)`, ja: `既存バケット ${name} の IAM ポリシー（この計画で追加するメンバー以外）` }));
      const acl = (a: Acl | undefined, call: string): GcsAclEntry[] | undefined => {
        if (a?.kind === 'unknown') {
          errors.push(a.error);
          return undefined;
        } else if (a?.kind === 'value') return a.entries;
        else if (!creating) errors.push(notInPlan(call, { en: `The ACL of the existing bucket ${name}`, ja: `既存バケット ${name} の ACL` }));
        // A new bucket's default ACL (projectPrivate): the project's teams only.
        return [];
      };
      const bucketAcl = acl(d.bucketAcl, 'bucketAccessControls.list');
      const defaultObjectAcl = acl(d.defaultObjectAcl, 'defaultObjectAccessControls.list');
      sources.set(`gs://${name}`, { address: d.addresses[0] ?? name });
      return {
        metadata: { ...d.metadata, name },
        ...(iamKnown ? { iamPolicy: { version: 3, bindings: d.bindings } } : {}),
        ...(bucketAcl ? { bucketAcl } : {}),
        ...(defaultObjectAcl ? { defaultObjectAcl } : {}),
        objectAcls: {},
        ...(errors.length > 0 ? { errors } : {}),
      };
    });
    const orgPap = assume.gcpOrgPap;
    const errors = [...this.scopeErrors];
    if (orgPap === undefined) errors.push(notInPlan('policies.getEffectivePolicy', { en: 'The organization policy storage.publicAccessPrevention', ja: '組織のポリシー storage.publicAccessPrevention' }, { en: 'give --assume gcp-org-pap=on|off', ja: '--assume gcp-org-pap=on|off で指定してください' }));
    const snapshot: GcpSingleProjectSnapshot = {
      provider: 'gcp',
      snapshotVersion: 1,
      projectId,
      orgPublicAccessPrevention: orgPap === undefined ? null : orgPap === 'on',
      ...(errors.length > 0 ? { errors } : {}),
      buckets,
    };
    return { snapshot, sources };
  }
}
