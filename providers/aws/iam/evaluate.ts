// Pure identity evaluation: which users and roles of the account can read, list or write one bucket.
//
// For each identity and each S3 action of a capability (policy.ts S3_ACTIONS):
//   granted   = an Allow in one of its identity policies (own, or through a group) covers the action and reaches the
//               bucket / some objects — or, within the account, the bucket policy allows the identity's ARN itself;
//   limited   = the permissions boundary must also allow it (not for a bucket-policy grant to a user ARN);
//   removed   = an explicit Deny covering the action and the granted objects, in any identity policy, the boundary, or
//               the bucket policy (when its Principal / NotPrincipal takes in the identity).
// Conditions on the caller's own ARN and account (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, and
// aws:username for users) are decided; every other condition is kept on the grant (Allow) or stated as a caveat
// (Deny). What cannot be known offline — Organization SCPs/RCPs, session policies, other resource-based policies —
// is outside this evaluation and said so in the report (docs/iam.md).
import type { IdentityKind, PrincipalGrant, ResourcePrincipals } from '../../../src/model.js';
import type { PolicyState } from '../access.js';
import {
  allowScopeForAction,
  bucketArns,
  denyCoversBucket,
  denyObjectScope,
  describeCondition,
  evaluateStatementConditions,
  globIncludes,
  isInsecureTransportOnlyCondition,
  objectScopeCovers,
  principalSetHasStar,
  S3_ACTIONS,
  statementCoversAction,
  statementRef,
  type BucketArns,
  type ConditionEntry,
  type KnownContext,
  type ObjectScope,
  type PolicyStatement,
  type S3Action,
} from '../policy.js';
import type { BoundaryState, IamIdentity, PolicySource } from './graph.js';

export type IdentityCapability = 'read' | 'list' | 'write';
export const IDENTITY_CAPABILITIES: readonly IdentityCapability[] = ['read', 'list', 'write'];

export interface BucketTarget {
  name: string;
  region?: string;
  policy: PolicyState;
}

// ---------------------------------------------------------------------------------------------------------
// The caller's context and policy variables

/** The request-context keys known offline for an identity, by lower-cased key. */
export function knownContext(identity: Pick<IamIdentity, 'arn' | 'account' | 'kind' | 'name'>): KnownContext {
  return {
    'aws:principalarn': identity.arn,
    'aws:principalaccount': identity.account,
    'aws:principaltype': identity.kind === 'user' ? 'User' : 'AssumedRole',
    ...(identity.kind === 'user' ? { 'aws:username': identity.name } : {}),
  };
}

/** Replaces the policy variables whose value is known (`${aws:username}` of a user …) in Resource / NotResource. */
export function substituteVariables(stmt: PolicyStatement, known: KnownContext): PolicyStatement {
  const sub = (list: string[] | undefined): string[] | undefined =>
    list?.map((r) => r.replace(/\$\{([^}]*)\}/g, (whole, key: string) => known[key.toLowerCase()] ?? whole));
  const resources = sub(stmt.resources);
  const notResources = sub(stmt.notResources);
  return { ...stmt, ...(resources ? { resources } : {}), ...(notResources ? { notResources } : {}) };
}

function conditionsText(entries: readonly ConditionEntry[]): string[] {
  return entries.map(describeCondition);
}

// ---------------------------------------------------------------------------------------------------------
// Denies that apply to one identity

interface DenyRule {
  stmt: PolicyStatement;
  /** `identity policy <name> Sid "X"`, `permissions boundary <arn> Statement[0]`, `bucket policy Sid "Y"`. */
  ref: string;
  /** true: applies for sure; null: only under conditions that cannot be decided offline. */
  applies: true | null;
  why: string[];
}

function sourceLabel(s: Pick<PolicySource, 'policyType' | 'policy' | 'via'>): string {
  const what = s.policyType === 'managed' ? `managed policy ${s.policy}` : `inline policy ${s.policy}`;
  return s.via ? `${what} (group ${s.via})` : what;
}

function denyRule(stmt: PolicyStatement, ref: string, known: KnownContext, principal: boolean | null = true): DenyRule | null {
  if (stmt.effect !== 'Deny' || principal === false) return null;
  const verdict = evaluateStatementConditions(stmt, known);
  if (verdict.applies === false) return null;
  const why = conditionsText(verdict.unresolved);
  if (principal === null) why.push('whether its principal takes in this identity could not be decided');
  return { stmt: substituteVariables(stmt, known), ref, applies: verdict.applies === true && principal === true ? true : null, why };
}

/**
 * Does a bucket-policy Deny's Principal / NotPrincipal take in this identity of the owner account?
 * true / false, or null when it depends on the session (a role listed by assumed-role ARN).
 */
export function bucketDenyTakesIn(stmt: PolicyStatement, identity: Pick<IamIdentity, 'arn' | 'account' | 'kind' | 'name' | 'boundary'>): boolean | null {
  const root = `arn:aws:iam::${identity.account}:root`;
  const sameAccount = (v: string): boolean => v === identity.account || v.replace(/^arn:aws[a-z-]*:/, 'arn:aws:') === root;
  if (stmt.notPrincipal) {
    if (principalSetHasStar(stmt.notPrincipal)) return false;
    // AWS: a NotPrincipal Deny always denies a principal that has a permissions boundary, whatever it lists.
    if (identity.boundary.kind !== 'none') return true;
    const listed = stmt.notPrincipal.entries.filter((e) => e.type === 'AWS').map((e) => e.value);
    if (identity.kind === 'user') {
      if (!listed.includes(identity.arn)) return true;
      // The account is evaluated too: only a list naming both the user and its account exempts the user.
      return listed.some(sameAccount) ? false : null;
    }
    // A role acts through sessions (arn:aws:sts::<account>:assumed-role/<name>/<session>): listing the role ARN alone
    // exempts no session; listing sessions exempts only those.
    const sessionPrefix = `arn:aws:sts::${identity.account}:assumed-role/${identity.name}/`;
    return listed.some((v) => v.startsWith(sessionPrefix)) ? null : true;
  }
  const p = stmt.principal;
  if (!p) return false;
  if (p.wildcard) return true;
  return p.entries.some((e) => e.type === 'AWS' && (e.value === '*' || e.value === identity.arn || sameAccount(e.value)));
}

/** Does the statement's Action / NotAction cover at least one of the S3 actions evaluated here? */
function touchesS3(stmt: PolicyStatement): boolean {
  return S3_ACTIONS.some((a) => a.capability !== 'aclWrite' && statementCoversAction(stmt, a.name));
}

/** The Deny statements of the identity's own policies and boundary (the same for every bucket). */
function identityDenies(identity: IamIdentity, known: KnownContext): DenyRule[] {
  const out: DenyRule[] = [];
  for (const source of identity.sources) {
    if (source.state.kind !== 'parsed') continue;
    for (const stmt of source.state.doc.statements) {
      if (stmt.effect !== 'Deny' || !touchesS3(stmt)) continue;
      const rule = denyRule(stmt, `${sourceLabel(source)} ${statementRef(stmt)}`, known);
      if (rule) out.push(rule);
    }
  }
  if (identity.boundary.kind === 'known' && identity.boundary.state.kind === 'parsed') {
    for (const stmt of identity.boundary.state.doc.statements) {
      if (stmt.effect !== 'Deny' || !touchesS3(stmt)) continue;
      const rule = denyRule(stmt, `permissions boundary ${identity.boundary.policy} ${statementRef(stmt)}`, known);
      if (rule) out.push(rule);
    }
  }
  return out;
}

/** The bucket policy's Deny statements that take this identity in. */
function bucketDenies(identity: IamIdentity, target: BucketTarget, known: KnownContext): DenyRule[] {
  const out: DenyRule[] = [];
  if (target.policy.kind === 'parsed') {
    for (const stmt of target.policy.policy.statements) {
      // A Deny of plain HTTP only (aws:SecureTransport=false) leaves every HTTPS request allowed: not a caveat.
      if (isInsecureTransportOnlyCondition(stmt)) continue;
      const rule = denyRule(stmt, `bucket policy ${statementRef(stmt)}`, known, stmt.effect === 'Deny' ? bucketDenyTakesIn(stmt, identity) : false);
      if (rule) out.push(rule);
    }
  }
  return out;
}

interface DenialOutcome {
  removed: boolean;
  caveats: string[];
}

function applyDenies(denies: readonly DenyRule[], action: S3Action, scope: ObjectScope, arns: BucketArns): DenialOutcome {
  const caveats: string[] = [];
  for (const d of denies) {
    if (!statementCoversAction(d.stmt, action.name)) continue;
    let covers: boolean;
    let partial = false;
    if (action.target === 'bucket') covers = denyCoversBucket(d.stmt, arns);
    else {
      const denied = denyObjectScope(d.stmt, arns);
      covers = objectScopeCovers(denied, scope);
      partial = !covers && denied.kind !== 'none';
    }
    if (!covers && !partial) continue;
    if (d.applies === true && covers) return { removed: true, caveats: [] };
    if (d.applies === true) caveats.push(`Deny ${d.ref} removes part of it (${action.name})`);
    else caveats.push(`Deny ${d.ref} removes it ${partial ? 'in part ' : ''}when ${d.why.join(' and ')} (not evaluated)`);
  }
  return { removed: false, caveats };
}

// ---------------------------------------------------------------------------------------------------------
// Permissions boundary

interface Limited {
  scope: ObjectScope;
  caveats: string[];
}

/** `prefix*` with no other wildcard: the prefix; else undefined. */
function simplePrefix(pattern: string): string | undefined {
  const star = pattern.indexOf('*');
  return star === pattern.length - 1 && !pattern.includes('?') ? pattern.slice(0, -1) : undefined;
}

function provablyDisjoint(a: string, b: string): boolean {
  const pa = simplePrefix(a);
  const pb = simplePrefix(b);
  return pa !== undefined && pb !== undefined && !pa.startsWith(pb) && !pb.startsWith(pa);
}

/** The objects both an identity grant and a boundary allow reach (sound for prefix patterns; else with a caveat). */
function intersect(grant: ObjectScope, allowed: string[], boundary: string): Limited {
  if (grant.kind === 'none') return { scope: grant, caveats: [] };
  if (grant.kind === 'all') return { scope: { kind: 'some', patterns: allowed }, caveats: [] };
  const kept = new Set<string>();
  for (const g of grant.patterns) for (const b of allowed) {
    if (globIncludes(b, g)) kept.add(g);
    else if (globIncludes(g, b)) kept.add(b);
  }
  if (kept.size > 0) return { scope: { kind: 'some', patterns: [...kept] }, caveats: [] };
  if (grant.patterns.every((g) => allowed.every((b) => provablyDisjoint(g, b)))) return { scope: { kind: 'none' }, caveats: [] };
  return { scope: grant, caveats: [`permissions boundary ${boundary} allows only ${allowed.join(', ')}; the overlap was not evaluated`] };
}

function applyBoundary(boundary: BoundaryState, action: S3Action, scope: ObjectScope, arns: BucketArns, known: KnownContext): Limited {
  if (boundary.kind === 'none') return { scope, caveats: [] };
  if (boundary.state.kind !== 'parsed') {
    return { scope, caveats: [`permissions boundary ${boundary.policy} could not be read (${boundary.state.message}); it may limit this`] };
  }
  const unconditional: ObjectScope[] = [];
  const conditional: string[] = [];
  for (const raw of boundary.state.doc.statements) {
    if (raw.effect !== 'Allow') continue;
    const verdict = evaluateStatementConditions(raw, known);
    if (verdict.applies === false) continue;
    const allowed = allowScopeForAction(substituteVariables(raw, known), action, arns);
    if (allowed.kind === 'none') continue;
    if (verdict.applies === true) unconditional.push(allowed);
    else conditional.push(`${statementRef(raw)} under ${conditionsText(verdict.unresolved).join(' and ')}`);
  }
  if (unconditional.some((s) => s.kind === 'all')) return { scope, caveats: [] };
  const patterns = unconditional.flatMap((s) => (s.kind === 'some' ? s.patterns : []));
  if (patterns.length > 0) {
    const limited = intersect(scope, patterns, boundary.policy);
    if (limited.scope.kind !== 'none' || conditional.length === 0) return limited;
  }
  if (conditional.length > 0) {
    return { scope, caveats: [`permissions boundary ${boundary.policy} allows it only ${conditional.join('; ')} (not evaluated)`] };
  }
  return { scope: { kind: 'none' }, caveats: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Grants

interface Candidate {
  grant: PrincipalGrant;
  all: boolean;
  patterns: Set<string>;
  conditions: Set<string>;
  caveats: Set<string>;
}

class Candidates {
  private readonly byKey = new Map<string, Candidate>();

  add(base: Omit<PrincipalGrant, 'objects' | 'conditions' | 'caveats'>, scope: ObjectScope, conditions: readonly string[], caveats: readonly string[]): void {
    const key = `${base.policyType}|${base.policy}|${base.via ?? ''}|${base.statement}`;
    let c = this.byKey.get(key);
    if (!c) {
      c = { grant: { ...base, conditions: [], caveats: [] }, all: false, patterns: new Set(), conditions: new Set(), caveats: new Set() };
      this.byKey.set(key, c);
    }
    if (scope.kind === 'all') c.all = true;
    else if (scope.kind === 'some') for (const p of scope.patterns) c.patterns.add(p);
    for (const x of conditions) c.conditions.add(x);
    for (const x of caveats) c.caveats.add(x);
  }

  grants(): PrincipalGrant[] {
    return [...this.byKey.values()].map((c) => ({
      ...c.grant,
      ...(c.all ? {} : { objects: [...c.patterns].sort() }),
      conditions: [...c.conditions],
      caveats: [...c.caveats],
    }));
  }
}

function unknownBucketPolicyCaveat(target: BucketTarget): string[] {
  if (target.policy.kind === 'unknown' || target.policy.kind === 'malformed') {
    return [`the bucket policy could not be read (${target.policy.message}); a Deny in it may remove this`];
  }
  return [];
}

/** Bucket-policy Allow statements that name this identity's own ARN (same account: they grant without an identity policy). */
function bucketPolicyAllowsIdentity(stmt: PolicyStatement, identity: IamIdentity): boolean {
  return stmt.effect === 'Allow' && (stmt.principal?.entries ?? []).some((e) => e.type === 'AWS' && e.value === identity.arn);
}

interface PreparedAllow {
  base: Omit<PrincipalGrant, 'objects' | 'conditions' | 'caveats' | 'id' | 'kind'>;
  /** With the known policy variables substituted. */
  stmt: PolicyStatement;
  conditions: string[];
  /** The literal ARN prefixes of its Resource patterns (undefined for NotResource: it may reach any bucket). */
  prefixes?: string[];
}

interface PreparedIdentity {
  known: KnownContext;
  allows: PreparedAllow[];
  denies: DenyRule[];
}

/** Everything about an identity that does not depend on the bucket, computed once per identity. */
const prepared = new WeakMap<IamIdentity, PreparedIdentity>();

function literalPrefix(pattern: string): string {
  const cut = pattern.search(/[*?]|\$\{/);
  return cut < 0 ? pattern : pattern.slice(0, cut);
}

function prepare(identity: IamIdentity): PreparedIdentity {
  const cached = prepared.get(identity);
  if (cached) return cached;
  const known = knownContext(identity);
  const allows: PreparedAllow[] = [];
  for (const source of identity.sources) {
    if (source.state.kind !== 'parsed') continue;
    for (const raw of source.state.doc.statements) {
      if (raw.effect !== 'Allow' || !touchesS3(raw)) continue;
      const verdict = evaluateStatementConditions(raw, known);
      if (verdict.applies === false) continue;
      const stmt = substituteVariables(raw, known);
      allows.push({
        base: { policyType: source.policyType, policy: source.policy, statement: statementRef(raw), ...(source.via ? { via: source.via } : {}) },
        stmt,
        conditions: conditionsText(verdict.unresolved),
        ...(stmt.resources ? { prefixes: stmt.resources.map(literalPrefix) } : {}),
      });
    }
  }
  const out = { known, allows, denies: identityDenies(identity, known) };
  prepared.set(identity, out);
  return out;
}

/** Cheap test before any glob: can one of the statement's Resource patterns reach this bucket or its objects? */
function mayReach(allow: PreparedAllow, arns: BucketArns): boolean {
  if (allow.prefixes === undefined) return true;
  return allow.prefixes.some((p) => arns.objectPrefix.startsWith(p) || p.startsWith(arns.objectPrefix) || p === arns.bucket);
}

/** What one identity can do with one bucket, per capability. */
export function evaluateIdentityOnBucket(identity: IamIdentity, target: BucketTarget): Record<IdentityCapability, PrincipalGrant[]> {
  const arns = bucketArns(target.name, target.region);
  const { known, allows, denies: ownDenies } = prepare(identity);
  const reaching = allows.filter((a) => mayReach(a, arns));
  const fromBucketPolicy = target.policy.kind === 'parsed' ? target.policy.policy.statements.filter((st) => bucketPolicyAllowsIdentity(st, identity)) : [];
  const out: Record<IdentityCapability, PrincipalGrant[]> = { read: [], list: [], write: [] };
  if (reaching.length === 0 && fromBucketPolicy.length === 0) return out;
  const denies = [...ownDenies, ...bucketDenies(identity, target, known)];
  const policyCaveats = unknownBucketPolicyCaveat(target);
  const kind: IdentityKind = identity.kind;
  for (const capability of IDENTITY_CAPABILITIES) {
    const candidates = new Candidates();
    const consider = (base: PreparedAllow['base'], stmt: PolicyStatement, conditions: string[], action: S3Action, boundaryApplies: boolean): void => {
      const granted = allowScopeForAction(stmt, action, arns);
      if (granted.kind === 'none') return;
      const limited = boundaryApplies ? applyBoundary(identity.boundary, action, granted, arns, known) : { scope: granted, caveats: [] };
      if (limited.scope.kind === 'none') return;
      const denial = applyDenies(denies, action, limited.scope, arns);
      if (denial.removed) return;
      candidates.add({ id: identity.arn, kind, ...base }, limited.scope, conditions, [...limited.caveats, ...denial.caveats, ...policyCaveats]);
    };
    for (const action of S3_ACTIONS) {
      if (action.capability !== capability) continue;
      for (const a of reaching) consider(a.base, a.stmt, a.conditions, action, true);
      for (const raw of fromBucketPolicy) {
        const verdict = evaluateStatementConditions(raw, known);
        if (verdict.applies === false) continue;
        // Within the account, a boundary does not limit what a resource policy grants to a user ARN; it does for a role.
        consider({ policyType: 'resource', policy: 'bucket-policy', statement: statementRef(raw) }, raw, conditionsText(verdict.unresolved), action, identity.kind === 'role');
      }
    }
    out[capability] = candidates.grants();
  }
  return out;
}

function compareGrants(a: PrincipalGrant, b: PrincipalGrant): number {
  const ka = `${a.id}|${a.policyType}|${a.policy}|${a.via ?? ''}|${a.statement}`;
  const kb = `${b.id}|${b.policyType}|${b.policy}|${b.via ?? ''}|${b.statement}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Every identity of the account against one bucket. */
export function evaluateBucketPrincipals(identities: readonly IamIdentity[], target: BucketTarget): ResourcePrincipals {
  const out: ResourcePrincipals = { read: [], list: [], write: [] };
  for (const identity of identities) {
    const r = evaluateIdentityOnBucket(identity, target);
    for (const c of IDENTITY_CAPABILITIES) out[c].push(...r[c]);
  }
  for (const c of IDENTITY_CAPABILITIES) out[c].sort(compareGrants);
  return out;
}

/** The distinct identity ARNs of a grant list. */
export function identitiesOf(grants: readonly PrincipalGrant[]): string[] {
  return [...new Set(grants.map((g) => g.id))].sort();
}
