// Pure S3 access evaluation: what ANYONE can do with one bucket, from its raw snapshot (ACL, bucket policy,
// Block Public Access, Object Ownership). Three-valued throughout: null = could not be determined, and the
// evidence says why. Spec: /work/shared/PUBLIC-ACCESS.md, AWS section, rules 1–7.
//
// verdict(capability) = OR over grants g of that capability: active(g) AND NOT denied(g)
//   active(g): the grant is not switched off by a guard (IgnorePublicAcls / BucketOwnerEnforced for ACL
//              grants, RestrictPublicBuckets for public policy statements);
//   denied(g): a Deny to anyone covers g's action and resources and leaves no public caller: it has no condition,
//              or every condition entry fails only for fixed callers (outside a fixed IP range, VPC endpoint,
//              organization, account …); null when the policy is unknown.
// An unknown ACL or policy contributes a grant whose value is null for every action it could grant.
import {
  CAPABILITIES,
  type BlockPublicAccessFlags,
  type Capability,
  type CollectError,
  type Evidence,
  type Exposure,
  type Guards,
  type Principal,
  type Tri,
} from '../../src/model.js';
import type { AwsAcl, AwsBucketSnapshot, AwsGrant } from './snapshot-types.js';
import {
  allowPrincipalIsAnyone,
  allowScopeForAction,
  bucketArns,
  denyCoversBucket,
  denyLeavesOnlyFixedCallers,
  denyObjectScope,
  denyPrincipalIsAnyone,
  describeConditions,
  fixedPrincipals,
  isInsecureTransportOnlyCondition,
  objectScopeCovers,
  parsePolicy,
  principalAccountsNamed,
  restrictingConditions,
  s3Action,
  S3_ACTIONS,
  sourceAccountsNamed,
  statementCoversAction,
  statementRef,
  type BucketArns,
  type ObjectScope,
  type S3Action,
  type PolicyDocument,
  type PolicyStatement,
} from './policy.js';

export interface AwsAccountContext {
  accountId: string;
  ownerCanonicalId?: string;
  accountPublicAccessBlock?: Partial<BlockPublicAccessFlags>;
  accountPublicAccessBlockKnown: boolean;
}

export interface AwsAccessResult {
  exposure: Exposure;
  guards: Guards;
  externalPrincipals: Principal[];
  tlsEnforced: Tri;
  errors: CollectError[];
}

// ---------------------------------------------------------------------------------------------------------
// Three-valued logic

/** true if any is true; else null if any is null; else false. */
export function triOr(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

/** false if any is false; else null if any is null; else true. */
export function triAnd(values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

export function triNot(value: Tri): Tri {
  return value === null ? null : !value;
}

// ---------------------------------------------------------------------------------------------------------
// Bucket ACL permissions (rule 3); the S3 actions of each capability are shared with the identity evaluator (policy.ts).

/** Bucket ACL permission -> the actions it allows (rule 3). A bucket ACL never allows reading object data. */
const ACL_PERMISSION_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  READ: ['s3:ListBucket', 's3:ListBucketVersions'],
  WRITE: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
  READ_ACP: [],
  WRITE_ACP: ['s3:PutBucketAcl'],
  FULL_CONTROL: ['s3:ListBucket', 's3:ListBucketVersions', 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutBucketAcl'],
};

const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

// ---------------------------------------------------------------------------------------------------------
// Inputs: known, unknown (the call failed), or not configured

/** Unknown = the key is missing (or null in a hand-written snapshot) AND the call that fills it is recorded as failed. */
function isUnknown(bucket: AwsBucketSnapshot, value: unknown, call: string): boolean {
  return (value === undefined || value === null) && (bucket.errors ?? []).some((e) => e.call === call);
}

function failedCall(bucket: AwsBucketSnapshot, call: string): CollectError | undefined {
  return (bucket.errors ?? []).find((e) => e.call === call);
}

export type PolicyState =
  | { kind: 'none' }
  | { kind: 'unknown'; message: string; messageJa: string }
  | { kind: 'malformed'; message: string; messageJa: string }
  | { kind: 'parsed'; policy: PolicyDocument };

/** The bucket policy: none, unknown (GetBucketPolicy failed), malformed, or parsed. */
export function readPolicyState(bucket: AwsBucketSnapshot): PolicyState {
  if (bucket.Policy === undefined || bucket.Policy === null) {
    const error = failedCall(bucket, 'GetBucketPolicy');
    return error ? { kind: 'unknown', message: `GetBucketPolicy failed (${error.code})`, messageJa: `GetBucketPolicy に失敗しました（${error.code}）` } : { kind: 'none' };
  }
  const parsed = parsePolicy(bucket.Policy);
  return parsed.ok ? { kind: 'parsed', policy: parsed.policy } : { kind: 'malformed', message: parsed.error.message, messageJa: `形式が不正です（${parsed.error.message}）` };
}

/** null = unknown; an empty ACL when GetBucketAcl did not fail and returned nothing. */
function readAcl(bucket: AwsBucketSnapshot): AwsAcl | null {
  if (isUnknown(bucket, bucket.Acl, 'GetBucketAcl')) return null;
  return bucket.Acl ?? {};
}

function completeFlags(partial: Partial<BlockPublicAccessFlags> | undefined): BlockPublicAccessFlags {
  return {
    BlockPublicAcls: partial?.BlockPublicAcls === true,
    IgnorePublicAcls: partial?.IgnorePublicAcls === true,
    BlockPublicPolicy: partial?.BlockPublicPolicy === true,
    RestrictPublicBuckets: partial?.RestrictPublicBuckets === true,
  };
}

function readBucketBpa(bucket: AwsBucketSnapshot): BlockPublicAccessFlags | null {
  if (isUnknown(bucket, bucket.PublicAccessBlock, 'GetPublicAccessBlock')) return null;
  return completeFlags(bucket.PublicAccessBlock);
}

function readAccountBpa(account: AwsAccountContext): BlockPublicAccessFlags | null {
  return account.accountPublicAccessBlockKnown ? completeFlags(account.accountPublicAccessBlock) : null;
}

interface OwnershipState {
  known: boolean;
  /** The ObjectOwnership value; ObjectWriter (the behaviour of a bucket without ownership controls) when none is set. */
  value: string | null;
}

function readOwnership(bucket: AwsBucketSnapshot): OwnershipState {
  if (isUnknown(bucket, bucket.OwnershipControls, 'GetBucketOwnershipControls')) return { known: false, value: null };
  const rule = (bucket.OwnershipControls?.Rules ?? []).find((r) => r.ObjectOwnership !== undefined);
  return { known: true, value: rule?.ObjectOwnership ?? 'ObjectWriter' };
}

// ---------------------------------------------------------------------------------------------------------
// Guards (rules 1 and 2)

interface GuardContext {
  guards: Guards;
  account: BlockPublicAccessFlags | null;
  bucket: BlockPublicAccessFlags | null;
}

/** Effective flag = account OR bucket, three-valued. */
function effectiveFlag(account: BlockPublicAccessFlags | null, bucket: BlockPublicAccessFlags | null, flag: keyof BlockPublicAccessFlags): Tri {
  return triOr([account === null ? null : account[flag], bucket === null ? null : bucket[flag]]);
}

function buildGuards(bucket: AwsBucketSnapshot, account: AwsAccountContext): GuardContext {
  const accountBpa = readAccountBpa(account);
  const bucketBpa = readBucketBpa(bucket);
  const ownership = readOwnership(bucket);
  const guards: Guards = {
    accountBlockPublicAccess: accountBpa,
    bucketBlockPublicAccess: bucketBpa,
    blockPublicAcls: effectiveFlag(accountBpa, bucketBpa, 'BlockPublicAcls'),
    ignorePublicAcls: effectiveFlag(accountBpa, bucketBpa, 'IgnorePublicAcls'),
    blockPublicPolicy: effectiveFlag(accountBpa, bucketBpa, 'BlockPublicPolicy'),
    restrictPublicBuckets: effectiveFlag(accountBpa, bucketBpa, 'RestrictPublicBuckets'),
    aclsEnabled: ownership.known ? ownership.value !== 'BucketOwnerEnforced' : null,
    objectOwnership: ownership.value,
  };
  return { guards, account: accountBpa, bucket: bucketBpa };
}

/** A flag's name with where it is set, for messages: `IgnorePublicAcls (account and bucket)`. */
function flagLabel(ctx: GuardContext, flag: keyof BlockPublicAccessFlags): string {
  const sides = [ctx.account?.[flag] ? 'account' : '', ctx.bucket?.[flag] ? 'bucket' : ''].filter((s) => s !== '');
  return sides.length > 0 ? `${flag} (${sides.join(' and ')})` : flag;
}

function flagLabelJa(ctx: GuardContext, flag: keyof BlockPublicAccessFlags): string {
  const sides = [ctx.account?.[flag] ? 'アカウント' : '', ctx.bucket?.[flag] ? 'バケット' : ''].filter((s) => s !== '');
  return sides.length > 0 ? `${flag}（${sides.join('・')}）` : flag;
}

/** A guard that switches a grant off when its value is true. */
interface GuardCheck {
  switchesOff: Tri;
  source: string;
  ref: string;
  label: string;
  labelJa: string;
}

function aclGuardChecks(ctx: GuardContext): GuardCheck[] {
  const g = ctx.guards;
  return [
    {
      switchesOff: g.ignorePublicAcls ?? null,
      source: 'block-public-access',
      ref: 'IgnorePublicAcls',
      label: `Block Public Access ${flagLabel(ctx, 'IgnorePublicAcls')}`,
      labelJa: `ブロックパブリックアクセスの ${flagLabelJa(ctx, 'IgnorePublicAcls')}`,
    },
    {
      switchesOff: triNot(g.aclsEnabled ?? null),
      source: 'object-ownership',
      ref: 'ObjectOwnership',
      label: 'Object Ownership BucketOwnerEnforced (ACLs disabled)',
      labelJa: 'オブジェクト所有者の BucketOwnerEnforced（ACL 無効）',
    },
  ];
}

function policyGuardChecks(ctx: GuardContext): GuardCheck[] {
  return [
    {
      switchesOff: ctx.guards.restrictPublicBuckets ?? null,
      source: 'block-public-access',
      ref: 'RestrictPublicBuckets',
      label: `Block Public Access ${flagLabel(ctx, 'RestrictPublicBuckets')}`,
      labelJa: `ブロックパブリックアクセスの ${flagLabelJa(ctx, 'RestrictPublicBuckets')}`,
    },
  ];
}

function guardEvidence(ctx: GuardContext): Evidence[] {
  const out: Evidence[] = [];
  if (ctx.account === null) out.push(unknownSetting('block-public-access', 'GetPublicAccessBlock (account)', 'account-level Block Public Access could not be read', 'アカウントのブロックパブリックアクセスを読み取れませんでした'));
  if (ctx.bucket === null) out.push(unknownSetting('block-public-access', 'GetPublicAccessBlock (bucket)', 'bucket-level Block Public Access could not be read', 'バケットのブロックパブリックアクセスを読み取れませんでした'));
  if (ctx.guards.aclsEnabled === null) out.push(unknownSetting('object-ownership', 'GetBucketOwnershipControls', 'Object Ownership could not be read, so whether ACLs apply is unknown', 'オブジェクト所有者の設定を読み取れなかったため、ACL が有効かどうかは不明です'));
  for (const flag of ['BlockPublicAcls', 'BlockPublicPolicy'] as const) {
    if (effectiveFlag(ctx.account, ctx.bucket, flag) !== true) continue;
    out.push({
      effect: 'info',
      source: 'block-public-access',
      ref: flag,
      message: `${flagLabel(ctx, flag)} is on: it only rejects new public ${flag === 'BlockPublicAcls' ? 'ACLs' : 'policies'}; existing ones keep working`,
      messageJa: `${flagLabelJa(ctx, flag)} は有効ですが、新たな公開${flag === 'BlockPublicAcls' ? ' ACL' : 'ポリシー'}の設定を拒否するだけで、既存のものは働き続けます`,
    });
  }
  return out;
}

function unknownSetting(source: string, ref: string, message: string, messageJa: string): Evidence {
  return { effect: 'unknown', source, ref, message, messageJa };
}

// ---------------------------------------------------------------------------------------------------------
// Grants: every (action, resources) pair that a public ACL grant or a public policy statement gives anyone

interface Grant {
  action: S3Action;
  /** Objects the grant reaches (object actions only). */
  objects: ObjectScope;
  source: 'bucket-acl' | 'bucket-policy';
  ref: string;
  /** false: the grant's own input is unknown, so it may or may not exist. */
  known: boolean;
  guards: GuardCheck[];
  message: string;
  messageJa: string;
}

const ALL_OBJECTS: ObjectScope = { kind: 'all' };

function grantActive(grant: Grant): Tri {
  return triAnd([grant.known ? true : null, triNot(triOr(grant.guards.map((g) => g.switchesOff)))]);
}

function publicGroupName(grant: AwsGrant): string | undefined {
  const uri = grant.Grantee?.URI;
  return uri === undefined ? undefined : PUBLIC_GROUPS[uri];
}

/** A grant that is not a well-formed S3 grant (hand-written or from a non-conforming S3-compatible store). */
interface MalformedGrant {
  index: number;
  why: string;
  /** The grantee may be a public group (unknown, or a public group with a bad permission). */
  maybePublic: boolean;
  /** The permission, when it is a valid one; otherwise it may be any (FULL_CONTROL covers them all). */
  permission: string | null;
}

function isRecordValue(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a grantee is malformed, or undefined: it names a group URI, a canonical user ID or an e-mail address. */
function granteeProblem(grantee: unknown): string | undefined {
  if (!isRecordValue(grantee)) return `Grantee is ${grantee === null ? 'null' : grantee === undefined ? 'missing' : 'not an object'}`;
  const named = (['URI', 'ID', 'EmailAddress'] as const).filter((k) => typeof grantee[k] === 'string' && grantee[k] !== '');
  return named.length === 0 ? 'Grantee names no URI, ID or EmailAddress' : undefined;
}

/** Splits the ACL's grants into well-formed ones and recorded malformations ("read" is not READ). */
export function readGrants(acl: AwsAcl | null): { valid: AwsGrant[]; malformed: MalformedGrant[] } {
  const valid: AwsGrant[] = [];
  const malformed: MalformedGrant[] = [];
  const list: unknown = acl?.Grants ?? [];
  if (!Array.isArray(list)) return { valid, malformed: [{ index: 0, why: 'Grants is not a list', maybePublic: true, permission: null }] };
  list.forEach((raw: unknown, index) => {
    if (!isRecordValue(raw)) {
      malformed.push({ index, why: `the grant is ${raw === null ? 'null' : 'not an object'}`, maybePublic: true, permission: null });
      return;
    }
    const grant = raw as AwsGrant;
    const problems: string[] = [];
    const grantee = granteeProblem(grant.Grantee);
    if (grantee) problems.push(grantee);
    const permissionOk = typeof grant.Permission === 'string' && ACL_PERMISSION_ACTIONS[grant.Permission] !== undefined;
    if (!permissionOk) problems.push(`Permission ${JSON.stringify(grant.Permission ?? null)} is not one of ${Object.keys(ACL_PERMISSION_ACTIONS).join(', ')}`);
    if (problems.length === 0) {
      valid.push(grant);
      return;
    }
    const maybePublic = grantee !== undefined || publicGroupName(grant) !== undefined;
    malformed.push({ index, why: problems.join('; '), maybePublic, permission: permissionOk ? (grant.Permission as string) : null });
  });
  return { valid, malformed };
}

function malformedGrantRef(m: MalformedGrant): string {
  return `Grants[${m.index}]`;
}

function aclGrantRef(who: string, permission: string): string {
  return `Grant ${who} ${permission}`;
}

function aclGrants(acl: AwsAcl | null, ctx: GuardContext): Grant[] {
  const guards = aclGuardChecks(ctx);
  if (acl === null) {
    return (ACL_PERMISSION_ACTIONS['FULL_CONTROL'] ?? []).map((name) => ({
      action: s3Action(name),
      objects: ALL_OBJECTS,
      source: 'bucket-acl',
      ref: 'GetBucketAcl',
      known: false,
      guards,
      message: 'the bucket ACL could not be read; it may grant this to anyone',
      messageJa: 'バケットの ACL を読み取れませんでした。誰にでもこれを許可している可能性があります',
    }));
  }
  const out: Grant[] = [];
  const { valid, malformed } = readGrants(acl);
  for (const m of malformed.filter((x) => x.maybePublic)) {
    for (const name of ACL_PERMISSION_ACTIONS[m.permission ?? 'FULL_CONTROL'] ?? []) {
      out.push({
        action: s3Action(name),
        objects: ALL_OBJECTS,
        source: 'bucket-acl',
        ref: malformedGrantRef(m),
        known: false,
        guards,
        message: `bucket ACL ${malformedGrantRef(m)} is malformed (${m.why}); it may grant this to anyone`,
        messageJa: `バケットの ACL の ${malformedGrantRef(m)} は不正な形式です（${m.why}）。誰にでもこれを許可している可能性があります`,
      });
    }
  }
  for (const grant of valid) {
    const group = publicGroupName(grant);
    const permission = grant.Permission ?? '';
    if (group === undefined) continue;
    for (const name of ACL_PERMISSION_ACTIONS[permission] ?? []) {
      out.push({
        action: s3Action(name),
        objects: ALL_OBJECTS,
        source: 'bucket-acl',
        ref: aclGrantRef(group, permission),
        known: true,
        guards,
        message: `bucket ACL grants ${permission} to ${group} (${name})`,
        messageJa: `バケットの ACL が ${group} に ${permission} を付与しています（${name}）`,
      });
    }
  }
  return out;
}

const allowScopeFor = allowScopeForAction;

interface PolicyGrantResult {
  grants: Grant[];
  evidence: Evidence[];
}

function unknownPolicyGrants(state: { message: string; messageJa: string }, ctx: GuardContext): Grant[] {
  return S3_ACTIONS.map((action) => ({
    action,
    objects: ALL_OBJECTS,
    source: 'bucket-policy',
    ref: 'GetBucketPolicy',
    known: false,
    guards: policyGuardChecks(ctx),
    message: `the bucket policy is unknown (${state.message}); it may grant this to anyone`,
    messageJa: `バケットポリシーが不明です（${state.messageJa}）。誰にでもこれを許可している可能性があります`,
  }));
}

function statementGrants(stmt: PolicyStatement, arns: BucketArns, ctx: GuardContext): PolicyGrantResult {
  const out: PolicyGrantResult = { grants: [], evidence: [] };
  if (stmt.effect !== 'Allow' || !allowPrincipalIsAnyone(stmt)) return out;
  const ref = statementRef(stmt);
  const restricting = restrictingConditions(stmt);
  const otherConditions = stmt.conditions.length > 0 ? ` (its conditions ${describeConditions(stmt.conditions)} do not pin the caller)` : '';
  const otherConditionsJa = stmt.conditions.length > 0 ? `（条件 ${describeConditions(stmt.conditions)} は呼び出し元を限定しません）` : '';
  for (const action of S3_ACTIONS) {
    const objects = allowScopeFor(stmt, action, arns);
    if (objects.kind === 'none') continue;
    if (restricting.length > 0) {
      out.evidence.push({
        capability: action.capability,
        effect: 'restricts',
        source: 'bucket-policy',
        ref,
        message: `Allow ${action.name} to anyone is pinned to fixed callers by ${describeConditions(restricting)}, so it is not public`,
        messageJa: `誰にでも ${action.name} を許可する Allow は、${describeConditions(restricting)} により特定の呼び出し元に限定されているため、公開ではありません`,
      });
      continue;
    }
    out.grants.push({
      action,
      objects,
      source: 'bucket-policy',
      ref,
      known: true,
      guards: policyGuardChecks(ctx),
      message: `bucket policy allows ${action.name} to anyone${otherConditions}`,
      messageJa: `バケットポリシーが誰にでも ${action.name} を許可しています${otherConditionsJa}`,
    });
  }
  return out;
}

function policyGrants(state: PolicyState, arns: BucketArns, ctx: GuardContext): PolicyGrantResult {
  if (state.kind === 'unknown' || state.kind === 'malformed') return { grants: unknownPolicyGrants(state, ctx), evidence: [] };
  if (state.kind === 'none') return { grants: [], evidence: [] };
  const results = state.policy.statements.map((stmt) => statementGrants(stmt, arns, ctx));
  return { grants: results.flatMap((r) => r.grants), evidence: results.flatMap((r) => r.evidence) };
}

// ---------------------------------------------------------------------------------------------------------
// Denies (rule 6): a Deny to anyone that leaves no public caller — no condition, or conditions that only fixed
// callers escape (AWS "meaning of public": what the Deny leaves is what counts)

interface DenyRule {
  stmt: PolicyStatement;
  ref: string;
  bucket: boolean;
  objects: ObjectScope;
  /** The callers the Deny leaves: none, or only the fixed callers its conditions name. */
  leaves: 'nobody' | 'fixed-callers';
}

function effectiveDenies(state: PolicyState, arns: BucketArns): DenyRule[] {
  if (state.kind !== 'parsed') return [];
  const out: DenyRule[] = [];
  for (const stmt of state.policy.statements) {
    if (stmt.effect !== 'Deny' || !denyPrincipalIsAnyone(stmt)) continue;
    const leaves = stmt.conditions.length === 0 ? 'nobody' : denyLeavesOnlyFixedCallers(stmt) ? 'fixed-callers' : undefined;
    if (leaves === undefined) continue;
    out.push({ stmt, ref: statementRef(stmt), bucket: denyCoversBucket(stmt, arns), objects: denyObjectScope(stmt, arns), leaves });
  }
  return out;
}

function conditionalDenyEvidence(state: PolicyState): Evidence[] {
  if (state.kind !== 'parsed') return [];
  return state.policy.statements
    .filter((s) => s.effect === 'Deny' && s.conditions.length > 0 && denyPrincipalIsAnyone(s) && !denyLeavesOnlyFixedCallers(s))
    .map((s) => ({
      effect: 'info' as const,
      source: 'bucket-policy',
      ref: statementRef(s),
      message: `Deny with condition ${describeConditions(s.conditions)} removes no capability (callers that meet the condition keep access)`,
      messageJa: `条件 ${describeConditions(s.conditions)} 付きの Deny は権限を取り除きません（条件を満たす呼び出し元はアクセスできます）`,
    }));
}

function denyRemoves(deny: DenyRule, grant: Grant): boolean {
  if (!statementCoversAction(deny.stmt, grant.action.name)) return false;
  return grant.action.target === 'bucket' ? deny.bucket : objectScopeCovers(deny.objects, grant.objects);
}

interface DenialResult {
  denied: Tri;
  by?: DenyRule;
}

function denialOf(grant: Grant, state: PolicyState, denies: readonly DenyRule[]): DenialResult {
  if (state.kind === 'unknown' || state.kind === 'malformed') return { denied: null };
  const by = denies.find((d) => denyRemoves(d, grant));
  return by ? { denied: true, by } : { denied: false };
}

// ---------------------------------------------------------------------------------------------------------
// Exposure: combine grants, guards and denies; explain every verdict

class EvidenceList {
  private readonly items: Evidence[] = [];
  private readonly seen = new Set<string>();

  add(evidence: Evidence): void {
    const key = `${evidence.capability ?? ''}|${evidence.effect}|${evidence.source}|${evidence.ref}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(evidence);
  }

  addAll(list: readonly Evidence[]): void {
    for (const e of list) this.add(e);
  }

  all(): Evidence[] {
    return [...this.items];
  }
}

function explainGrant(grant: Grant, active: Tri, denial: DenialResult, out: EvidenceList): void {
  const capability = grant.action.capability;
  if (active === false) {
    const off = grant.guards.filter((g) => g.switchesOff === true).map((g) => g.label);
    const offJa = grant.guards.filter((g) => g.switchesOff === true).map((g) => g.labelJa);
    out.add({ capability, effect: 'neutralized', source: grant.source, ref: grant.ref, message: `${grant.message}, but ${off.join(' and ')} switches it off`, messageJa: `${grant.messageJa}。ただし ${offJa.join('と')} により無効です` });
    return;
  }
  const pending = grant.guards.filter((g) => g.switchesOff === null);
  const unless = pending.length > 0 ? `, unless ${pending.map((g) => g.label).join(' / ')} is on (could not be read)` : '';
  const removed = denial.by ? `; removed by Deny ${denial.by.ref}` : '';
  const unlessJa = pending.length > 0 ? `（${pending.map((g) => g.labelJa).join('／')} が有効なら無効。読み取れませんでした）` : '';
  const removedJa = denial.by ? `。Deny ${denial.by.ref} により取り除かれます` : '';
  out.add({ capability, effect: grant.known ? 'grants' : 'unknown', source: grant.source, ref: grant.ref, message: `${grant.message}${unless}${removed}`, messageJa: `${grant.messageJa}${unlessJa}${removedJa}` });
  for (const g of pending) out.add({ capability, effect: 'unknown', source: g.source, ref: g.ref, message: `${g.label} could not be read`, messageJa: `${g.labelJa} を読み取れませんでした` });
  if (denial.by) {
    const how =
      denial.by.leaves === 'nobody'
        ? 'explicit Deny to anyone without condition'
        : `explicit Deny to every caller except those fixed by ${describeConditions(denial.by.stmt.conditions)} (not public callers)`;
    const howJa =
      denial.by.leaves === 'nobody'
        ? '条件なしで誰に対しても明示的に拒否する Deny'
        : `${describeConditions(denial.by.stmt.conditions)} で限定した呼び出し元（公開の呼び出し元ではない）以外をすべて明示的に拒否する Deny`;
    out.add({ capability, effect: 'denies', source: 'bucket-policy', ref: denial.by.ref, message: `${how} removes ${grant.action.name}`, messageJa: `${howJa}が ${grant.action.name} を取り除きます` });
  }
  if (denial.denied === null && grant.source !== 'bucket-policy') {
    out.add({ capability, effect: 'unknown', source: 'bucket-policy', ref: 'GetBucketPolicy', message: 'the bucket policy is unknown; a Deny in it could remove this', messageJa: 'バケットポリシーが不明です。その中の Deny がこれを取り除いている可能性があります' });
  }
}

function aclNotes(acl: AwsAcl | null, aclPartPossible: boolean): Evidence[] {
  const out: Evidence[] = [];
  for (const grant of readGrants(acl).valid) {
    const group = publicGroupName(grant);
    if (group !== undefined && grant.Permission === 'READ_ACP') {
      out.push({ effect: 'info', source: 'bucket-acl', ref: aclGrantRef(group, 'READ_ACP'), message: `${group} can read the bucket ACL (not an exposure of data)`, messageJa: `${group} はバケットの ACL を読み取れます（データの公開ではありません）` });
    }
  }
  if (aclPartPossible) {
    out.push({
      capability: 'read',
      effect: 'info',
      source: 'bucket-acl',
      ref: 'Object ACLs',
      message: 'a bucket ACL never grants reading object data; public object ACLs are only seen by sampling object ACLs',
      messageJa: 'バケットの ACL はオブジェクトのデータの読取を許可しません。公開のオブジェクト ACL はオブジェクト ACL のサンプルでのみ確認できます',
    });
  }
  return out;
}

/**
 * --cross-check-policy-status: S3's own verdict (GetBucketPolicyStatus IsPublic, which judges the policy alone: no
 * ACL, no Block Public Access) against the evaluation of the same policy. Agreement is kept as evidence; a
 * disagreement is an error, so the scan says its verdict may be wrong (exit 3) instead of trusting either side.
 */
function policyStatusCrossCheck(bucket: AwsBucketSnapshot, fromPolicy: readonly Grant[], state: PolicyState, denies: readonly DenyRule[]): { evidence: Evidence[]; errors: CollectError[] } {
  const isPublic = bucket.PolicyStatus?.IsPublic;
  if (isPublic === undefined) return { evidence: [], errors: [] };
  const evaluated = triOr(fromPolicy.map((g) => triAnd([g.known ? true : null, triNot(denialOf(g, state, denies).denied)])));
  const said = `GetBucketPolicyStatus reports IsPublic=${String(isPublic)}`;
  const saidJa = `GetBucketPolicyStatus は IsPublic=${String(isPublic)} を返しています`;
  const ref = 'PolicyStatus.IsPublic';
  if (evaluated === null) {
    return { evidence: [{ effect: 'info', source: 'policy-status', ref, message: `${said} (not compared: the policy could not be evaluated)`, messageJa: `${saidJa}（ポリシーを評価できないため比較していません）` }], errors: [] };
  }
  if (evaluated === isPublic) {
    return { evidence: [{ effect: 'info', source: 'policy-status', ref, message: `${said}, as the evaluation of the policy`, messageJa: `${saidJa}。ポリシーの評価と一致します` }], errors: [] };
  }
  const verdict = evaluated ? 'public' : 'not public';
  const verdictJa = evaluated ? '公開' : '非公開';
  return {
    evidence: [{ effect: 'unknown', source: 'policy-status', ref, message: `${said}, but the evaluation of the policy finds it ${verdict}`, messageJa: `${saidJa}が、ポリシーの評価では${verdictJa}です` }],
    errors: [
      {
        call: 'GetBucketPolicyStatus',
        code: 'PolicyStatusDisagrees',
        message: `S3 reports the bucket policy IsPublic=${String(isPublic)}; kumoscan's evaluation of the policy finds it ${verdict}`,
        messageJa: `S3 はバケットポリシーを IsPublic=${String(isPublic)} と報告していますが、kumoscan によるポリシーの評価では${verdictJa}です`,
      },
    ],
  };
}

function policyStateEvidence(state: PolicyState): Evidence[] {
  if (state.kind === 'unknown') return [unknownSetting('bucket-policy', 'GetBucketPolicy', `the bucket policy could not be read: ${state.message}`, `バケットポリシーを読み取れませんでした: ${state.messageJa}`)];
  if (state.kind === 'malformed') return [unknownSetting('bucket-policy', 'GetBucketPolicy', `the bucket policy could not be parsed: ${state.message}`, `バケットポリシーを解析できませんでした: ${state.messageJa}`)];
  return [];
}

function aclStateEvidence(acl: AwsAcl | null): Evidence[] {
  return acl === null ? [unknownSetting('bucket-acl', 'GetBucketAcl', 'the bucket ACL could not be read', 'バケットの ACL を読み取れませんでした')] : [];
}

interface Verdicts {
  values: Record<Capability, Tri>;
  evidence: EvidenceList;
}

function combineGrants(grants: readonly Grant[], state: PolicyState, denies: readonly DenyRule[]): Verdicts {
  const parts: Record<Capability, Tri[]> = { read: [], list: [], write: [], aclWrite: [] };
  const evidence = new EvidenceList();
  for (const grant of grants) {
    const active = grantActive(grant);
    const denial = denialOf(grant, state, denies);
    parts[grant.action.capability].push(triAnd([active, triNot(denial.denied)]));
    explainGrant(grant, active, denial, evidence);
  }
  const values = { read: triOr(parts.read), list: triOr(parts.list), write: triOr(parts.write), aclWrite: triOr(parts.aclWrite) };
  return { values, evidence };
}

// ---------------------------------------------------------------------------------------------------------
// External principals

function capabilitiesOfStatement(stmt: PolicyStatement, arns: BucketArns): Capability[] {
  const granted = new Set(S3_ACTIONS.filter((a) => allowScopeFor(stmt, a, arns).kind !== 'none').map((a) => a.capability));
  return CAPABILITIES.filter((c) => granted.has(c));
}

function statementExternals(stmt: PolicyStatement, arns: BucketArns, ownAccount: string): Principal[] {
  if (stmt.effect !== 'Allow') return [];
  const capabilities = capabilitiesOfStatement(stmt, arns);
  const base = { capabilities, conditional: stmt.conditions.length > 0, evidence: statementRef(stmt) };
  const out: Principal[] = [];
  for (const p of fixedPrincipals(stmt)) {
    if (p.kind === 'aws-service') {
      for (const account of sourceAccountsNamed(stmt).filter((a) => a !== ownAccount)) out.push({ id: p.id, kind: 'aws-service', account, ...base });
    } else if (p.account !== null && p.account !== ownAccount) {
      out.push({ id: p.id, kind: p.kind, account: p.account, ...base });
    }
  }
  // "Anyone", pinned by aws:PrincipalAccount / aws:PrincipalArn to fixed accounts: those accounts' principals.
  if (allowPrincipalIsAnyone(stmt)) {
    for (const account of principalAccountsNamed(stmt).filter((a) => a !== ownAccount)) out.push({ id: account, kind: 'aws-account', account, ...base });
  }
  return out;
}

function policyExternals(state: PolicyState, arns: BucketArns, ownAccount: string): Principal[] {
  if (state.kind !== 'parsed') return [];
  return state.policy.statements.flatMap((stmt) => statementExternals(stmt, arns, ownAccount));
}

function aclPermissionCapabilities(permission: string): Capability[] {
  const granted = new Set((ACL_PERMISSION_ACTIONS[permission] ?? []).map((name) => s3Action(name).capability));
  return CAPABILITIES.filter((c) => granted.has(c));
}

/** Canonical users other than the owner that the bucket ACL names, one entry per user. */
function aclExternals(acl: AwsAcl | null, ownerCanonicalId: string | undefined): Principal[] {
  const owners = new Set([acl?.Owner?.ID, ownerCanonicalId].filter((id): id is string => id !== undefined));
  const byId = new Map<string, { capabilities: Set<Capability>; refs: string[] }>();
  for (const grant of readGrants(acl).valid) {
    const id = grant.Grantee?.ID;
    if (grant.Grantee?.Type !== 'CanonicalUser' || id === undefined || owners.has(id)) continue;
    const permission = grant.Permission ?? '';
    const entry = byId.get(id) ?? { capabilities: new Set<Capability>(), refs: [] };
    for (const c of aclPermissionCapabilities(permission)) entry.capabilities.add(c);
    entry.refs.push(aclGrantRef(`CanonicalUser ${id}`, permission));
    byId.set(id, entry);
  }
  return [...byId].map(([id, e]) => ({
    id,
    kind: 'aws-canonical-user' as const,
    account: null,
    capabilities: CAPABILITIES.filter((c) => e.capabilities.has(c)),
    conditional: false,
    evidence: e.refs.join('; '),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// TLS: a Deny to anyone on aws:SecureTransport=false for all S3 actions on the bucket and its objects

function isTlsDeny(stmt: PolicyStatement): boolean {
  if (stmt.effect !== 'Deny' || stmt.notPrincipal || !denyPrincipalIsAnyone(stmt)) return false;
  const allActions = (stmt.actions ?? []).some((a) => a === '*' || a.toLowerCase() === 's3:*');
  return allActions && isInsecureTransportOnlyCondition(stmt);
}

function tlsEnforced(state: PolicyState, arns: BucketArns): Tri {
  if (state.kind === 'unknown' || state.kind === 'malformed') return null;
  if (state.kind === 'none') return false;
  const tlsDenies = state.policy.statements.filter(isTlsDeny);
  const coversBucket = tlsDenies.some((s) => denyCoversBucket(s, arns));
  const coversObjects = tlsDenies.some((s) => denyObjectScope(s, arns).kind === 'all');
  return coversBucket && coversObjects;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

function policyErrors(state: PolicyState): CollectError[] {
  return state.kind === 'malformed' ? [{ call: 'GetBucketPolicy', code: 'MalformedPolicy', message: state.message }] : [];
}

/** Each malformed ACL grant is a recorded error on the bucket (the scan is incomplete), never read as "no grant". */
function aclErrors(acl: AwsAcl | null): CollectError[] {
  return readGrants(acl).malformed.map((m) => ({ call: 'GetBucketAcl', code: 'MalformedAcl', message: `${malformedGrantRef(m)}: ${m.why}` }));
}

export function evaluateBucketAccess(bucket: AwsBucketSnapshot, account: AwsAccountContext): AwsAccessResult {
  const arns = bucketArns(bucket.Name, bucket.Region);
  const ctx = buildGuards(bucket, account);
  const acl = readAcl(bucket);
  const policy = readPolicyState(bucket);

  const fromPolicy = policyGrants(policy, arns, ctx);
  const grants = [...aclGrants(acl, ctx), ...fromPolicy.grants];
  const denies = effectiveDenies(policy, arns);
  const verdicts = combineGrants(grants, policy, denies);
  const crossCheck = policyStatusCrossCheck(bucket, fromPolicy.grants, policy, denies);

  const evidence = verdicts.evidence;
  evidence.addAll(fromPolicy.evidence);
  evidence.addAll(conditionalDenyEvidence(policy));
  evidence.addAll(aclStateEvidence(acl));
  evidence.addAll(policyStateEvidence(policy));
  evidence.addAll(aclNotes(acl, triAnd(aclGuardChecks(ctx).map((g) => triNot(g.switchesOff))) !== false));
  evidence.addAll(guardEvidence(ctx));
  evidence.addAll(crossCheck.evidence);

  return {
    exposure: { ...verdicts.values, evidence: evidence.all() },
    guards: ctx.guards,
    externalPrincipals: [...aclExternals(acl, account.ownerCanonicalId), ...policyExternals(policy, arns, account.accountId)],
    tlsEnforced: tlsEnforced(policy, arns),
    errors: [...aclErrors(acl), ...policyErrors(policy), ...crossCheck.errors],
  };
}
