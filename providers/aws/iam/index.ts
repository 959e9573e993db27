// The identity side of an AWS snapshot, for normalize: per bucket, the in-account principals and the external
// principals reached through roles; per account, the identity posture. Pure; the graph is built once per snapshot.
import { CAPABILITIES, type Capability, type IdentityPosture, type Principal, type PrincipalGrant, type ResourcePrincipals } from '../../../src/model.js';
import { readPolicyState } from '../access.js';
import type { AwsBucketSnapshot, AwsSnapshot } from '../snapshot-types.js';
import { evaluateBucketPrincipals, IDENTITY_CAPABILITIES } from './evaluate.js';
import { buildIamGraph, type IamGraph } from './graph.js';
import { awsIdentityPosture, IAM_NOT_COLLECTED } from './posture.js';
import { analyzeTrust, conditionsBesidesExternalId } from './trust.js';

export interface BucketIdentities {
  principals: ResourcePrincipals | null;
  /** Why principals is null. */
  note?: string;
  /** External principals that reach the bucket by assuming a role of the account. */
  externals: Principal[];
}

export interface AwsIdentityView {
  posture: IdentityPosture;
  forBucket(bucket: AwsBucketSnapshot): BucketIdentities;
}

function grantRef(g: PrincipalGrant): string {
  const where = g.policyType === 'resource' ? 'bucket policy' : g.policy;
  return `${where} ${g.statement}${g.via ? ` (group ${g.via})` : ''}`;
}

/** Roles whose trust admits a party outside the account and which can read or list the bucket. */
function externalsThroughRoles(graph: IamGraph, principals: ResourcePrincipals, account: string): Principal[] {
  const out: Principal[] = [];
  for (const role of graph.identities.filter((i) => i.kind === 'role')) {
    const grants = new Map<Capability, PrincipalGrant[]>();
    for (const c of IDENTITY_CAPABILITIES) {
      const own = principals[c].filter((g) => g.id === role.arn);
      if (own.length > 0) grants.set(c, own);
    }
    if (!grants.has('read') && !grants.has('list')) continue;
    const capabilities = CAPABILITIES.filter((c) => grants.has(c));
    const all = [...grants.values()].flat();
    const grantConditional = all.every((g) => g.conditions.length > 0);
    const refs = [...new Set(all.map(grantRef))].join('; ');
    for (const t of analyzeTrust(role.trust, account)) {
      if (!t.external) continue;
      out.push({
        id: t.principal,
        kind: t.kind,
        account: t.account,
        capabilities,
        conditional: conditionsBesidesExternalId(t).length > 0 || grantConditional,
        evidence: `trust ${t.statement} of ${role.arn}; ${refs}`,
        viaRole: role.arn,
        externalId: t.externalId,
      });
    }
  }
  return out;
}

export function awsIdentityView(snapshot: AwsSnapshot): AwsIdentityView {
  const iam = snapshot.iam;
  const details = iam?.authorizationDetails;
  const graph = details ? buildIamGraph(details) : null;
  const posture = awsIdentityPosture(snapshot, graph);
  let unknownReason: string | undefined;
  if (!iam) unknownReason = IAM_NOT_COLLECTED;
  else if (!graph) {
    const error = (iam.errors ?? []).find((e) => e.call === 'GetAccountAuthorizationDetails');
    unknownReason = error ? `could not be verified: GetAccountAuthorizationDetails failed (${error.code})` : 'could not be verified: no GetAccountAuthorizationDetails answer in the snapshot';
  }
  return {
    posture,
    forBucket(bucket) {
      if (!graph) return { principals: null, note: unknownReason ?? IAM_NOT_COLLECTED, externals: [] };
      const principals = evaluateBucketPrincipals(graph.identities, { name: bucket.Name, ...(bucket.Region ? { region: bucket.Region } : {}), policy: readPolicyState(bucket) });
      return { principals, externals: externalsThroughRoles(graph, principals, snapshot.accountId) };
    },
  };
}

export { IAM_NOT_COLLECTED };
