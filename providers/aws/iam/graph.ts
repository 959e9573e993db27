// The identities of an account as the evaluator needs them: every user and role with the policy documents that
// apply to it (its own inline and managed policies, and those of its groups), its permissions boundary and, for a
// role, its trust policy. Pure; built once per snapshot from GetAccountAuthorizationDetails.
import type { IdentityKind } from '../../../src/model.js';
import { decodePolicyText, parsePolicy, type PolicyDocument } from '../policy.js';
import type { AwsIamAuthorizationDetails, AwsIamInlinePolicy, AwsIamManagedPolicyDetail, AwsIamPermissionsBoundary, AwsIamPolicyRef } from '../snapshot-types.js';

export type DocumentState = { kind: 'parsed'; doc: PolicyDocument } | { kind: 'unknown'; message: string };

/** One policy that applies to an identity. */
export interface PolicySource {
  policyType: 'managed' | 'inline';
  /** Managed: the policy ARN; inline: the policy name. */
  policy: string;
  /** The group (ARN) it comes through. */
  via?: string;
  state: DocumentState;
}

export type BoundaryState = { kind: 'none' } | { kind: 'known'; policy: string; state: DocumentState };

export interface IamIdentity {
  arn: string;
  name: string;
  kind: IdentityKind;
  /** The account the identity belongs to (from its ARN). */
  account: string;
  sources: PolicySource[];
  boundary: BoundaryState;
  /** Group names (users). */
  groups: string[];
  /** The trust policy (roles). */
  trust?: DocumentState;
}

export interface IamGraph {
  identities: IamIdentity[];
  /** Policies that apply to some identity but could not be read or parsed: `what: why`. */
  unreadable: string[];
}

/** Parses an IAM policy document (URL-encoded JSON string or object). */
export function readDocument(doc: string | Record<string, unknown> | undefined, kind: 'identity' | 'trust'): DocumentState {
  if (doc === undefined) return { kind: 'unknown', message: 'no policy document in the answer' };
  const parsed = parsePolicy(typeof doc === 'string' ? decodePolicyText(doc) : doc, kind === 'identity' ? { identity: true } : { trust: true });
  return parsed.ok ? { kind: 'parsed', doc: parsed.policy } : { kind: 'unknown', message: parsed.error.message };
}

function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/** Managed policies by ARN: the default version's document. */
function managedDocuments(policies: readonly AwsIamManagedPolicyDetail[]): Map<string, DocumentState> {
  const out = new Map<string, DocumentState>();
  for (const p of policies) {
    const versions = p.PolicyVersionList ?? [];
    const version = versions.find((v) => v.IsDefaultVersion === true) ?? versions.find((v) => v.VersionId !== undefined && v.VersionId === p.DefaultVersionId);
    out.set(p.Arn, version ? readDocument(version.Document, 'identity') : { kind: 'unknown', message: 'the default version is not in the answer' });
  }
  return out;
}

class GraphBuilder {
  readonly unreadable = new Set<string>();
  private readonly managed: Map<string, DocumentState>;

  constructor(details: AwsIamAuthorizationDetails) {
    this.managed = managedDocuments(details.Policies ?? []);
  }

  managedState(arn: string): DocumentState {
    return this.managed.get(arn) ?? { kind: 'unknown', message: 'the managed policy is not in the GetAccountAuthorizationDetails answer' };
  }

  private note(what: string, state: DocumentState): DocumentState {
    if (state.kind === 'unknown') this.unreadable.add(`${what}: ${state.message}`);
    return state;
  }

  inline(owner: string, list: readonly AwsIamInlinePolicy[] | undefined, via?: string): PolicySource[] {
    return (list ?? []).map((p) => {
      const name = p.PolicyName ?? '(unnamed)';
      return { policyType: 'inline' as const, policy: name, ...(via ? { via } : {}), state: this.note(`inline policy ${name} of ${owner}`, readDocument(p.PolicyDocument, 'identity')) };
    });
  }

  attached(owner: string, list: readonly AwsIamPolicyRef[] | undefined, via?: string): PolicySource[] {
    return (list ?? [])
      .filter((p): p is AwsIamPolicyRef & { PolicyArn: string } => typeof p.PolicyArn === 'string')
      .map((p) => ({ policyType: 'managed' as const, policy: p.PolicyArn, ...(via ? { via } : {}), state: this.note(`managed policy ${p.PolicyArn} (attached to ${owner})`, this.managedState(p.PolicyArn)) }));
  }

  boundary(owner: string, b: AwsIamPermissionsBoundary | undefined): BoundaryState {
    const arn = b?.PermissionsBoundaryArn;
    if (!arn) return { kind: 'none' };
    return { kind: 'known', policy: arn, state: this.note(`permissions boundary ${arn} of ${owner}`, this.managedState(arn)) };
  }
}

export function buildIamGraph(details: AwsIamAuthorizationDetails): IamGraph {
  const b = new GraphBuilder(details);
  const groups = new Map((details.GroupDetailList ?? []).map((g) => [g.GroupName, g]));
  const identities: IamIdentity[] = [];
  for (const u of details.UserDetailList ?? []) {
    const sources = [...b.inline(u.Arn, u.UserPolicyList), ...b.attached(u.Arn, u.AttachedManagedPolicies)];
    for (const groupName of u.GroupList ?? []) {
      const g = groups.get(groupName);
      if (!g) {
        b.unreadable.add(`group ${groupName} of ${u.Arn}: not in the answer`);
        continue;
      }
      sources.push(...b.inline(g.Arn, g.GroupPolicyList, g.Arn), ...b.attached(g.Arn, g.AttachedManagedPolicies, g.Arn));
    }
    identities.push({ arn: u.Arn, name: u.UserName, kind: 'user', account: accountOf(u.Arn), sources, boundary: b.boundary(u.Arn, u.PermissionsBoundary), groups: [...(u.GroupList ?? [])] });
  }
  for (const r of details.RoleDetailList ?? []) {
    const sources = [...b.inline(r.Arn, r.RolePolicyList), ...b.attached(r.Arn, r.AttachedManagedPolicies)];
    const trust = readDocument(r.AssumeRolePolicyDocument, 'trust');
    if (trust.kind === 'unknown') b.unreadable.add(`trust policy of ${r.Arn}: ${trust.message}`);
    identities.push({ arn: r.Arn, name: r.RoleName, kind: 'role', account: accountOf(r.Arn), sources, boundary: b.boundary(r.Arn, r.PermissionsBoundary), groups: [], trust });
  }
  identities.sort((x, y) => (x.arn < y.arn ? -1 : x.arn > y.arn ? 1 : 0));
  return { identities, unreadable: [...b.unreadable].sort() };
}
