// Role trust policies: who may assume a role. A principal outside the account (another account, an external identity
// provider, anyone) that may assume a role which can read a bucket is an external principal of that bucket — the
// entrustment (委託) signal of APPI.md. Pure.
import type { TrustGrant } from '../../../src/model.js';
import {
  classifyPrincipal,
  conditionRestricts,
  describeCondition,
  entryIsAnyone,
  isFixedValue,
  principalSetHasStar,
  splitOperator,
  statementCoversAction,
  statementRef,
  type ConditionEntry,
  type PolicyStatement,
} from '../policy.js';
import type { DocumentState } from './graph.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/** Web identity providers anyone can sign in to: without a condition (aud, sub …), anyone with an account there. */
const PUBLIC_IDPS = new Set(['accounts.google.com', 'graph.facebook.com', 'www.amazon.com', 'cognito-identity.amazonaws.com', 'appleid.apple.com']);

/** Keys that pin a trust to fixed callers beyond the bucket-policy list (policy.ts RESTRICTING_CONDITION_KEYS). */
const PRINCIPAL_PINNING_KEYS = new Set(['aws:principalaccount', 'aws:principalarn', 'aws:principalorgpaths']);

function positiveFixed(entry: ConditionEntry): boolean {
  const op = splitOperator(entry.operator);
  return !op.ifExists && !op.forAllValues && !op.base.includes('not') && entry.values.length > 0 && entry.values.every(isFixedValue);
}

/** A condition pins the caller to fixed accounts, an organization or fixed principals. */
export function trustIsPinned(stmt: PolicyStatement): boolean {
  return stmt.conditions.some((e) => conditionRestricts(e) || (PRINCIPAL_PINNING_KEYS.has(e.key.toLowerCase()) && positiveFixed(e)));
}

/** An sts:ExternalId condition with a fixed value protects the trust (StringEquals / StringLike, not ...IfExists). */
export function trustRequiresExternalId(stmt: PolicyStatement): boolean {
  return stmt.conditions.some((e) => {
    const op = splitOperator(e.operator);
    return e.key.toLowerCase() === 'sts:externalid' && ['stringequals', 'stringlike', 'stringequalsignorecase'].includes(op.base) && positiveFixed(e);
  });
}

function grantOf(stmt: PolicyStatement, principal: string, kind: TrustGrant['kind'], account: string | null, external: boolean): TrustGrant {
  return {
    principal,
    kind,
    account,
    external,
    externalId: trustRequiresExternalId(stmt),
    pinned: trustIsPinned(stmt),
    conditions: stmt.conditions.map(describeCondition),
    statement: statementRef(stmt),
  };
}

/** The principals one trust statement admits (Allow of an sts:AssumeRole* action). */
function statementTrust(stmt: PolicyStatement, ownAccount: string): TrustGrant[] {
  if (stmt.effect !== 'Allow' || !ASSUME_ACTIONS.some((a) => statementCoversAction(stmt, a))) return [];
  if (stmt.notPrincipal) return principalSetHasStar(stmt.notPrincipal) ? [] : [grantOf(stmt, 'NotPrincipal', 'anyone', null, true)];
  const p = stmt.principal;
  if (!p) return [];
  if (p.wildcard) return [grantOf(stmt, '*', 'anyone', null, true)];
  const out: TrustGrant[] = [];
  for (const entry of p.entries) {
    if (entry.type === 'Federated') {
      const publicIdp = PUBLIC_IDPS.has(entry.value.toLowerCase());
      const fixed = classifyPrincipal(entry);
      if (publicIdp && stmt.conditions.length === 0) out.push(grantOf(stmt, entry.value, 'anyone', null, true));
      else out.push(grantOf(stmt, entry.value, 'federated', publicIdp ? null : (fixed?.account ?? null), true));
      continue;
    }
    if (entry.type === 'Service') {
      out.push(grantOf(stmt, entry.value, 'aws-service', null, false));
      continue;
    }
    if (entry.type !== 'AWS') continue;
    if (entryIsAnyone(entry)) {
      out.push(grantOf(stmt, entry.value, 'anyone', null, true));
      continue;
    }
    const fixed = classifyPrincipal(entry);
    if (!fixed || (fixed.kind !== 'aws-account' && fixed.kind !== 'aws-iam')) continue;
    out.push(grantOf(stmt, entry.value, fixed.kind, fixed.account, fixed.account !== null && fixed.account !== ownAccount));
  }
  return out;
}

/** Every principal a role's trust policy admits; [] when the trust policy is unknown. */
export function analyzeTrust(trust: DocumentState | undefined, ownAccount: string): TrustGrant[] {
  if (!trust || trust.kind !== 'parsed') return [];
  return trust.doc.statements.flatMap((s) => statementTrust(s, ownAccount));
}

/** The conditions of a trust grant other than sts:ExternalId (which does not restrict the trusted party itself). */
export function conditionsBesidesExternalId(t: TrustGrant): string[] {
  return t.conditions.filter((c) => !/^\S+ sts:externalid=/i.test(c));
}
