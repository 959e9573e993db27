// The account-level identity posture (src/model.ts IdentityPosture) from the snapshot's `iam` key: root user, password
// policy, users with their sign-in and access keys (credential report), roles with their trust, and every Allow of
// all S3 actions on all resources. Pure: ages are measured at the snapshot's collection time.
import type {
  AccessKeyPosture,
  BroadGrant,
  CollectError,
  I18n,
  IdentityPosture,
  PasswordPolicyPosture,
  RolePosture,
  Tri,
  UserPosture,
} from '../../../src/model.js';
import {
  describeCondition,
  evaluateStatementConditions,
  globIncludes,
  globMatchesSomeExtension,
  statementRef,
  type PolicyStatement,
} from '../policy.js';
import type { AwsIamSnapshot, AwsSnapshot } from '../snapshot-types.js';
import { ROOT_ROW } from './credential-report.js';
import { knownContext, substituteVariables } from './evaluate.js';
import type { BoundaryState, IamGraph, IamIdentity } from './graph.js';
import { analyzeTrust } from './trust.js';

export const IAM_NOT_COLLECTED = 'IAM not collected (--no-iam, or a snapshot taken without IAM)';

export const SCP_NOTE: I18n = {
  ja:
    'AWS Organizations のサービスコントロールポリシー（SCP）とリソースコントロールポリシー（RCP）は不明のため評価していません（メンバーアカウントからは読み取れません）。' +
    'SCP・RCP によって、示したアクセスがさらに制限されている可能性があります。',
  en:
    'AWS Organizations service control policies (SCPs) and resource control policies (RCPs) are unknown and were not ' +
    'evaluated (a member account cannot read them); they may restrict the access shown further.',
};

export const SCOPE_NOTE: I18n = {
  ja:
    'バケットへのアクセスは、IAM ユーザー・ロールのアイデンティティベースのポリシー（グループ経由を含む）、アクセス許可の境界、バケットポリシーから評価しています。' +
    'バケットポリシー以外のリソースベースのポリシー（KMS キーポリシー、アクセスポイント、S3 Access Grants、VPC エンドポイントポリシー）とセッションポリシーは評価していません。' +
    'オフラインで評価できない条件は、付与ごとに記載したまま残しています。',
  en:
    'Access to buckets is evaluated from the identity-based policies of IAM users and roles (including those of their ' +
    'groups), permissions boundaries and the bucket policy. Resource-based policies other than the bucket policy (KMS key ' +
    'policies, access points, S3 Access Grants, VPC endpoint policies) and session policies are not evaluated. ' +
    'Conditions that cannot be evaluated offline are kept and stated on each grant.',
};

function failed(iam: AwsIamSnapshot, call: string): boolean {
  return (iam.errors ?? []).some((e) => e.call === call);
}

const DAY_MS = 86_400_000;

/** A credential-report date cell: an ISO date, or null for N/A, no_information, not_supported and the like. */
function reportDate(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}

function reportBool(value: string | undefined): Tri {
  if (value === undefined) return null;
  const v = value.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : null;
}

function daysBetween(from: string | null, asOf: number | null): number | null {
  if (from === null || asOf === null) return null;
  return Math.max(0, Math.floor((asOf - Date.parse(from)) / DAY_MS));
}

function accessKeys(row: Record<string, string>, asOf: number | null): AccessKeyPosture[] {
  const keys: AccessKeyPosture[] = [];
  for (const slot of [1, 2]) {
    const active = reportBool(row[`access_key_${slot}_active`]);
    const lastRotated = reportDate(row[`access_key_${slot}_last_rotated`]);
    if (active !== true && lastRotated === null) continue;
    const lastUsed = reportDate(row[`access_key_${slot}_last_used_date`]);
    keys.push({
      slot,
      active: active === true,
      lastRotated,
      lastUsed,
      ageDays: daysBetween(lastRotated, asOf),
      idleDays: daysBetween(lastUsed ?? lastRotated, asOf),
    });
  }
  return keys;
}

function passwordPolicyOf(iam: AwsIamSnapshot): PasswordPolicyPosture | null {
  const p = iam.passwordPolicy;
  if (p === undefined && failed(iam, 'GetAccountPasswordPolicy')) return null;
  if (p === undefined || p === null) {
    return { present: false, minimumLength: null, reusePrevention: null, maxAgeDays: null, requireSymbols: null, requireNumbers: null, requireUppercase: null, requireLowercase: null };
  }
  return {
    present: true,
    minimumLength: p.MinimumPasswordLength ?? null,
    reusePrevention: p.PasswordReusePrevention ?? null,
    maxAgeDays: p.MaxPasswordAge ?? null,
    requireSymbols: p.RequireSymbols ?? null,
    requireNumbers: p.RequireNumbers ?? null,
    requireUppercase: p.RequireUppercaseCharacters ?? null,
    requireLowercase: p.RequireLowercaseCharacters ?? null,
  };
}

function rootOf(iam: AwsIamSnapshot): IdentityPosture['root'] {
  const summary = iam.accountSummary;
  const row = iam.credentialReport?.rows.find((r) => r['user'] === ROOT_ROW);
  const fromSummary = (key: string): Tri => (summary && typeof summary[key] === 'number' ? (summary[key] ?? 0) > 0 : null);
  const rowKeys = row ? [reportBool(row['access_key_1_active']), reportBool(row['access_key_2_active'])] : [];
  const keysFromRow: Tri = row ? (rowKeys.includes(true) ? true : rowKeys.every((k) => k === false) ? false : null) : null;
  return {
    mfa: fromSummary('AccountMFAEnabled') ?? (row ? reportBool(row['mfa_active']) : null),
    accessKeys: fromSummary('AccountAccessKeysPresent') ?? keysFromRow,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Allow of every S3 action on every resource

const ALL_S3 = 's3:*';

function coversAllS3Actions(stmt: PolicyStatement): boolean {
  if (stmt.actions) return stmt.actions.some((a) => globIncludes(a.toLowerCase(), ALL_S3));
  // NotAction: every action but those listed; all of S3 stays when no listed pattern can match an S3 action.
  return !(stmt.notActions ?? []).some((a) => globMatchesSomeExtension(a.toLowerCase(), 's3:'));
}

const ALL_S3_RESOURCES = /^(\*|arn:(aws[a-z-]*|\*):s3:::\*)$/;

function coversAllResources(stmt: PolicyStatement): boolean {
  if (stmt.resources) return stmt.resources.some((r) => ALL_S3_RESOURCES.test(r));
  return !(stmt.notResources ?? []).some((r) => r === '*' || globMatchesSomeExtension(r, 'arn:aws:s3:::'));
}

export function isBroadStatement(stmt: PolicyStatement): boolean {
  return stmt.effect === 'Allow' && coversAllS3Actions(stmt) && coversAllResources(stmt);
}

function boundaryLimits(boundary: BoundaryState, identity: IamIdentity): Tri {
  if (boundary.kind === 'none') return false;
  if (boundary.state.kind !== 'parsed') return null;
  const known = knownContext(identity);
  const whole = boundary.state.doc.statements.some((s) => isBroadStatement(substituteVariables(s, known)) && evaluateStatementConditions(s, known).applies === true);
  return !whole;
}

function broadGrants(identity: IamIdentity): BroadGrant[] {
  const known = knownContext(identity);
  const limitedByBoundary = boundaryLimits(identity.boundary, identity);
  const out: BroadGrant[] = [];
  for (const source of identity.sources) {
    if (source.state.kind !== 'parsed') continue;
    for (const stmt of source.state.doc.statements) {
      if (!isBroadStatement(stmt)) continue;
      const verdict = evaluateStatementConditions(stmt, known);
      if (verdict.applies === false) continue;
      out.push({
        policyType: source.policyType,
        policy: source.policy,
        statement: statementRef(stmt),
        ...(source.via ? { via: source.via } : {}),
        actions: stmt.actions ? [...stmt.actions] : (stmt.notActions ?? []).map((a) => `NotAction ${a}`),
        conditions: verdict.unresolved.map(describeCondition),
        limitedByBoundary,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function usersOf(iam: AwsIamSnapshot, graph: IamGraph | null, asOf: number | null): UserPosture[] | null {
  const report = iam.credentialReport;
  const rows = new Map((report?.rows ?? []).filter((r) => r['user'] !== ROOT_ROW && r['arn']).map((r) => [r['arn'] as string, r]));
  const fromGraph = new Map((graph?.identities ?? []).filter((i) => i.kind === 'user').map((i) => [i.arn, i]));
  if (!graph && !report) return null;
  const arns = [...new Set([...fromGraph.keys(), ...rows.keys()])].sort();
  return arns.map((arn): UserPosture => {
    const row = rows.get(arn);
    const identity = fromGraph.get(arn);
    return {
      id: arn,
      name: identity?.name ?? row?.['user'] ?? arn.split('/').pop() ?? arn,
      consoleAccess: row ? reportBool(row['password_enabled']) : null,
      mfa: row ? reportBool(row['mfa_active']) : null,
      passwordLastUsed: row ? reportDate(row['password_last_used']) : null,
      accessKeys: row ? accessKeys(row, asOf) : null,
      groups: identity?.groups ?? [],
      boundary: identity?.boundary.kind === 'known' ? identity.boundary.policy : null,
      broadGrants: identity ? broadGrants(identity) : [],
    };
  });
}

function rolesOf(graph: IamGraph | null, account: string): RolePosture[] | null {
  if (!graph) return null;
  return graph.identities
    .filter((i) => i.kind === 'role')
    .map((role) => ({
      id: role.arn,
      name: role.name,
      trust: analyzeTrust(role.trust, account),
      boundary: role.boundary.kind === 'known' ? role.boundary.policy : null,
      broadGrants: broadGrants(role),
    }));
}

function unreadableNote(unreadable: readonly string[]): I18n[] {
  if (unreadable.length === 0) return [];
  const list = unreadable.join('; ');
  return [{
    ja: `次のポリシーを読み取れなかったため、評価に含めていません（付与を見落としている可能性があります）: ${list}`,
    en: `These policies could not be read and were left out of the evaluation (grants may be missing): ${list}`,
  }];
}

export function awsIdentityPosture(snapshot: AwsSnapshot, graph: IamGraph | null): IdentityPosture {
  const base = { provider: 'aws' as const, account: snapshot.accountId, id: `aws:${snapshot.accountId}` };
  const iam = snapshot.iam;
  if (!iam) {
    return { ...base, collected: false, reason: IAM_NOT_COLLECTED, asOf: null, root: { mfa: null, accessKeys: null }, passwordPolicy: null, users: null, roles: null, notes: [], errors: [] };
  }
  const asOfText = snapshot.collectedAt ?? iam.credentialReport?.GeneratedTime ?? null;
  const asOfMs = asOfText === null || Number.isNaN(Date.parse(asOfText)) ? null : Date.parse(asOfText);
  const errors: CollectError[] = [...(iam.errors ?? [])];
  return {
    ...base,
    collected: true,
    asOf: asOfText,
    root: rootOf(iam),
    passwordPolicy: passwordPolicyOf(iam),
    users: usersOf(iam, graph, asOfMs),
    roles: rolesOf(graph, snapshot.accountId),
    notes: [SCP_NOTE, SCOPE_NOTE, ...unreadableNote(graph?.unreadable ?? [])],
    errors,
  };
}
