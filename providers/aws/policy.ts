// The S3 bucket-policy language: parsing a policy document into a checked shape, and the pure questions
// the access evaluator asks about one statement (who, which action, which resource, which condition).
// Nothing here throws on bad input: parsePolicy returns a typed error instead. Spec: PUBLIC-ACCESS.md (AWS).

export type Effect = 'Allow' | 'Deny';

/** One `"Type": value` pair of a Principal / NotPrincipal block; `"*"` alone is `wildcard`. */
export interface PrincipalEntry {
  type: string;
  value: string;
}

export interface PrincipalSet {
  /** The bare `"*"` principal. */
  wildcard: boolean;
  entries: PrincipalEntry[];
}

/** One key under one operator of a Condition block; every value as a string (booleans/numbers stringified). */
export interface ConditionEntry {
  operator: string;
  key: string;
  values: string[];
}

export interface PolicyStatement {
  /** Position in the Statement list (0 for a single-object Statement). */
  index: number;
  sid?: string;
  effect: Effect;
  principal?: PrincipalSet;
  notPrincipal?: PrincipalSet;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  conditions: ConditionEntry[];
}

export interface PolicyDocument {
  version?: string;
  statements: PolicyStatement[];
}

export interface PolicyParseError {
  kind: 'MalformedPolicy';
  message: string;
}

export type PolicyParseResult = { ok: true; policy: PolicyDocument } | { ok: false; error: PolicyParseError };

/** Thrown only inside this module and always caught by parsePolicy. */
class PolicyShapeError extends Error {}

function fail(message: string): never {
  throw new PolicyShapeError(message);
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

export interface ParseOptions {
  /**
   * An identity-based policy (IAM user, group, role or managed policy, permissions boundary): it has no Principal.
   * Default false: a resource-based policy (bucket policy, role trust policy), where Principal or NotPrincipal is required.
   */
  identity?: boolean;
  /** A role trust policy: it names no Resource (the role itself is the resource). */
  trust?: boolean;
}

export function parsePolicy(input: string | Record<string, unknown>, opts: ParseOptions = {}): PolicyParseResult {
  try {
    const raw = typeof input === 'string' ? parseJson(input) : input;
    return { ok: true, policy: readDocument(raw, opts.identity === true, opts.trust === true) };
  } catch (err) {
    if (err instanceof PolicyShapeError) return { ok: false, error: { kind: 'MalformedPolicy', message: err.message } };
    throw err;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    return fail(`policy is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * IAM returns policy documents URL-encoded (RFC 3986) in GetAccountAuthorizationDetails and in role trust policies;
 * S3 returns bucket policies as plain JSON. Plain JSON (starting with `{`) is kept, anything else is URL-decoded.
 */
export function decodePolicyText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDocument(raw: unknown, identity: boolean, trust: boolean): PolicyDocument {
  if (!isRecord(raw)) fail('policy document is not a JSON object');
  const version = raw['Version'];
  if (version !== undefined && typeof version !== 'string') fail('Version is not a string');
  const statement = raw['Statement'];
  if (statement === undefined) fail('policy has no Statement');
  const list = Array.isArray(statement) ? statement : [statement];
  return { version, statements: list.map((s, i) => readStatement(s, i, identity, trust)) };
}

function readStatement(raw: unknown, index: number, identity: boolean, trust: boolean): PolicyStatement {
  const where = `Statement[${index}]`;
  if (!isRecord(raw)) fail(`${where} is not an object`);
  const effect = raw['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') fail(`${where}.Effect must be "Allow" or "Deny"`);
  const sid = raw['Sid'];
  if (sid !== undefined && typeof sid !== 'string') fail(`${where}.Sid is not a string`);
  const stmt: PolicyStatement = { index, effect, conditions: readConditions(raw['Condition'], where) };
  if (sid !== undefined) stmt.sid = sid;
  assignPrincipals(stmt, raw, where, identity);
  assignPair(raw, where, 'Action', 'NotAction', (a) => (stmt.actions = a), (n) => (stmt.notActions = n));
  if (!(trust && raw['Resource'] === undefined && raw['NotResource'] === undefined)) {
    assignPair(raw, where, 'Resource', 'NotResource', (r) => (stmt.resources = r), (n) => (stmt.notResources = n));
  }
  return stmt;
}

/** Exactly one of `key` / `notKey` must be present, as a string or an array of strings. */
function assignPair(
  raw: Record<string, unknown>,
  where: string,
  key: string,
  notKey: string,
  setPlain: (v: string[]) => void,
  setNot: (v: string[]) => void,
): void {
  const plain = raw[key];
  const negated = raw[notKey];
  if (plain !== undefined && negated !== undefined) fail(`${where} has both ${key} and ${notKey}`);
  if (plain === undefined && negated === undefined) fail(`${where} has neither ${key} nor ${notKey}`);
  if (plain !== undefined) setPlain(readStringList(plain, `${where}.${key}`));
  else setNot(readStringList(negated, `${where}.${notKey}`));
}

function readStringList(value: unknown, where: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  return fail(`${where} must be a string or an array of strings`);
}

function assignPrincipals(stmt: PolicyStatement, raw: Record<string, unknown>, where: string, identity: boolean): void {
  const principal = raw['Principal'];
  const notPrincipal = raw['NotPrincipal'];
  if (principal !== undefined && notPrincipal !== undefined) fail(`${where} has both Principal and NotPrincipal`);
  if (principal === undefined && notPrincipal === undefined) {
    // An identity-based policy applies to the identity it is attached to: it names no principal.
    if (identity) return;
    fail(`${where} has neither Principal nor NotPrincipal`);
  }
  if (principal !== undefined) stmt.principal = readPrincipal(principal, `${where}.Principal`);
  else stmt.notPrincipal = readPrincipal(notPrincipal, `${where}.NotPrincipal`);
}

function readPrincipal(value: unknown, where: string): PrincipalSet {
  if (value === '*') return { wildcard: true, entries: [] };
  // A bare string or list (not valid IAM grammar, but seen in hand-written snapshots) is read as AWS principals.
  if (typeof value === 'string' || Array.isArray(value)) {
    const values = readStringList(value, where);
    return { wildcard: values.includes('*'), entries: values.map((v) => ({ type: 'AWS', value: v })) };
  }
  if (!isRecord(value)) fail(`${where} must be "*" or an object`);
  const entries: PrincipalEntry[] = [];
  for (const [type, v] of Object.entries(value)) {
    for (const item of readStringList(v, `${where}.${type}`)) entries.push({ type, value: item });
  }
  return { wildcard: false, entries };
}

function readConditions(value: unknown, where: string): ConditionEntry[] {
  if (value === undefined) return [];
  if (!isRecord(value)) fail(`${where}.Condition is not an object`);
  const entries: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block)) fail(`${where}.Condition.${operator} is not an object`);
    for (const [key, v] of Object.entries(block)) {
      entries.push({ operator, key, values: readConditionValues(v, `${where}.Condition.${operator}.${key}`) });
    }
  }
  return entries;
}

function readConditionValues(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return fail(`${where} must be a string, number, boolean or an array of them`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Statement references

/** `Sid "X"` when the statement has a Sid, else `Statement[i]`. */
export function statementRef(stmt: PolicyStatement): string {
  return stmt.sid !== undefined && stmt.sid !== '' ? `Sid "${stmt.sid}"` : `Statement[${stmt.index}]`;
}

// ---------------------------------------------------------------------------------------------------------
// Globs (`*` = any run of characters, `?` = one character), matched without regular expressions.

type GlobStates = Set<number>;

/** Add the positions reachable by letting a `*` match nothing. */
function closeOverStars(pattern: string, states: GlobStates): GlobStates {
  const closed = new Set<number>();
  for (const start of states) {
    let i = start;
    closed.add(i);
    while (i < pattern.length && pattern[i] === '*') closed.add(++i);
  }
  return closed;
}

function stepGlob(pattern: string, states: GlobStates, ch: string): GlobStates {
  const next = new Set<number>();
  for (const i of states) {
    const p = pattern[i];
    if (p === undefined) continue;
    if (p === '*') next.add(i);
    else if (p === '?' || p === ch) next.add(i + 1);
  }
  return closeOverStars(pattern, next);
}

function consumeGlob(pattern: string, text: string): GlobStates {
  let states = closeOverStars(pattern, new Set([0]));
  for (const ch of text) {
    if (states.size === 0) break;
    states = stepGlob(pattern, states, ch);
  }
  return states;
}

export function globMatches(pattern: string, text: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  // Evaluated for every statement, action and ARN of every bucket: without surrogate pairs (one character is one
  // code unit) a two-pointer match with no allocation gives the same answer as the state sets.
  if (!SURROGATE.test(p) && !SURROGATE.test(t)) return unitGlobMatches(p, t);
  return consumeGlob(p, t).has(p.length);
}

const SURROGATE = /[\uD800-\uDFFF]/;
const STAR = 42;
const QUESTION = 63;

/** `*` / `?` matching over code units, backtracking to the last `*` only (linear in practice, no allocation). */
function unitGlobMatches(p: string, t: string): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    const pc = pi < p.length ? p.charCodeAt(pi) : -1;
    if (pc === STAR) {
      star = pi++;
      resume = ti;
    } else if (pc !== -1 && (pc === QUESTION || pc === t.charCodeAt(ti))) {
      pi++;
      ti++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else return false;
  }
  while (pi < p.length && p.charCodeAt(pi) === STAR) pi++;
  return pi === p.length;
}

/** Does the pattern match at least one string `prefix + x` with x non-empty? */
export function globMatchesSomeExtension(pattern: string, prefix: string): boolean {
  for (const i of consumeGlob(pattern, prefix)) if (i < pattern.length) return true;
  return false;
}

/** Does the pattern match every string `prefix + x` with x non-empty? (Sufficient test: a trailing run of `*`.) */
export function globMatchesEveryExtension(pattern: string, prefix: string): boolean {
  for (const i of consumeGlob(pattern, prefix)) {
    const rest = pattern.slice(i);
    if (rest.length > 0 && [...rest].every((c) => c === '*')) return true;
  }
  return false;
}

/** Is every string the pattern `inner` matches also matched by `outer`? Sound but incomplete (equal, or a `prefix*` outer). */
export function globIncludes(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const star = outer.indexOf('*');
  if (star !== outer.length - 1 || outer.includes('?')) return false;
  const literal = outer.slice(0, star);
  return inner.slice(0, firstWildcard(inner)).startsWith(literal);
}

function firstWildcard(s: string): number {
  const positions = [s.indexOf('*'), s.indexOf('?')].filter((i) => i >= 0);
  return positions.length === 0 ? s.length : Math.min(...positions);
}

/** Policy variables (`${aws:username}`) stand for values we cannot know; for a grant, read them as `*`. */
export function variablesAsWildcards(pattern: string): string {
  return pattern.replace(/\$\{[^}]*\}/g, '*');
}

// ---------------------------------------------------------------------------------------------------------
// Actions

/** Does the statement's Action (or NotAction) cover this concrete action? Case-insensitive globs. */
export function statementCoversAction(stmt: PolicyStatement, action: string): boolean {
  if (stmt.actions) return stmt.actions.some((a) => globMatches(a, action, true));
  return !(stmt.notActions ?? []).some((a) => globMatches(a, action, true));
}

// ---------------------------------------------------------------------------------------------------------
// The S3 actions that make up each capability (PUBLIC-ACCESS.md rule 5), and the resource type each one needs.
// Shared by the public-access evaluator (access.ts) and the identity evaluator (iam/evaluate.ts).

export type S3Capability = 'read' | 'list' | 'write' | 'aclWrite';

export interface S3Action {
  name: string;
  capability: S3Capability;
  target: 'bucket' | 'object';
}

export const S3_ACTIONS: readonly S3Action[] = [
  { name: 's3:GetObject', capability: 'read', target: 'object' },
  { name: 's3:GetObjectVersion', capability: 'read', target: 'object' },
  { name: 's3:ListBucket', capability: 'list', target: 'bucket' },
  { name: 's3:ListBucketVersions', capability: 'list', target: 'bucket' },
  { name: 's3:PutObject', capability: 'write', target: 'object' },
  { name: 's3:DeleteObject', capability: 'write', target: 'object' },
  { name: 's3:DeleteObjectVersion', capability: 'write', target: 'object' },
  { name: 's3:PutBucketAcl', capability: 'aclWrite', target: 'bucket' },
  { name: 's3:PutObjectAcl', capability: 'aclWrite', target: 'object' },
  { name: 's3:PutObjectVersionAcl', capability: 'aclWrite', target: 'object' },
];

export function s3Action(name: string): S3Action {
  const action = S3_ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`unknown S3 action ${name}`);
  return action;
}

// ---------------------------------------------------------------------------------------------------------
// Resources: the ARN space of one bucket

export interface BucketArns {
  /** arn:<partition>:s3:::<bucket> */
  bucket: string;
  /** arn:<partition>:s3:::<bucket>/ — every object ARN is this plus a non-empty key. */
  objectPrefix: string;
}

export function bucketArns(bucketName: string, region?: string): BucketArns {
  const partition = region?.startsWith('cn-') ? 'aws-cn' : region?.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  const bucket = `arn:${partition}:s3:::${bucketName}`;
  return { bucket, objectPrefix: `${bucket}/` };
}

/** Object ARNs a statement names: all of them, some of them (the listed patterns), or none. */
export type ObjectScope = { kind: 'none' } | { kind: 'all' } | { kind: 'some'; patterns: string[] };

/** For an Allow: does the statement apply to the bucket ARN? */
export function allowReachesBucket(stmt: PolicyStatement, arns: BucketArns): boolean {
  if (stmt.resources) return stmt.resources.some((r) => globMatches(variablesAsWildcards(r), arns.bucket));
  return !(stmt.notResources ?? []).some((r) => globMatches(r, arns.bucket));
}

/** For an Allow: which objects of the bucket does it apply to (at least one object = read of some data)? */
export function allowObjectScope(stmt: PolicyStatement, arns: BucketArns): ObjectScope {
  if (stmt.resources) {
    const patterns = stmt.resources.map(variablesAsWildcards);
    if (patterns.some((p) => globMatchesEveryExtension(p, arns.objectPrefix))) return { kind: 'all' };
    const some = patterns.filter((p) => globMatchesSomeExtension(p, arns.objectPrefix));
    return some.length > 0 ? { kind: 'some', patterns: some } : { kind: 'none' };
  }
  const excluded = stmt.notResources ?? [];
  if (excluded.some((r) => globMatchesEveryExtension(r, arns.objectPrefix))) return { kind: 'none' };
  if (excluded.some((r) => globMatchesSomeExtension(r, arns.objectPrefix))) return { kind: 'some', patterns: [`${arns.objectPrefix}*`] };
  return { kind: 'all' };
}

/** For a Deny: does it apply to the bucket ARN for sure? */
export function denyCoversBucket(stmt: PolicyStatement, arns: BucketArns): boolean {
  if (stmt.resources) return stmt.resources.some((r) => globMatches(r, arns.bucket));
  return !(stmt.notResources ?? []).some((r) => globMatches(variablesAsWildcards(r), arns.bucket));
}

/** For a Deny: which objects does it cover for sure (variables are not expanded: they might not match)? */
export function denyObjectScope(stmt: PolicyStatement, arns: BucketArns): ObjectScope {
  if (stmt.resources) {
    if (stmt.resources.some((p) => globMatchesEveryExtension(p, arns.objectPrefix))) return { kind: 'all' };
    const some = stmt.resources.filter((p) => globMatchesSomeExtension(p, arns.objectPrefix));
    return some.length > 0 ? { kind: 'some', patterns: some } : { kind: 'none' };
  }
  const excluded = (stmt.notResources ?? []).map(variablesAsWildcards);
  if (excluded.some((r) => globMatchesSomeExtension(r, arns.objectPrefix))) return { kind: 'none' };
  return { kind: 'all' };
}

/** Does a Deny's object scope cover every object an Allow's object scope names? */
export function objectScopeCovers(deny: ObjectScope, grant: ObjectScope): boolean {
  if (deny.kind === 'all' || grant.kind === 'none') return true;
  if (deny.kind === 'none' || grant.kind === 'all') return false;
  return grant.patterns.every((g) => deny.patterns.some((d) => globIncludes(d, g)));
}

/**
 * Which objects an Allow statement gives an action on: for a bucket action, all (the bucket ARN is reached) or none;
 * for an object action, its object scope. None when the action or the resource type does not fit.
 */
export function allowScopeForAction(stmt: PolicyStatement, action: S3Action, arns: BucketArns): ObjectScope {
  if (!statementCoversAction(stmt, action.name)) return { kind: 'none' };
  if (action.target === 'bucket') return allowReachesBucket(stmt, arns) ? { kind: 'all' } : { kind: 'none' };
  return allowObjectScope(stmt, arns);
}

// ---------------------------------------------------------------------------------------------------------
// Principals

/** An AWS principal with a known owner account (or a known non-account principal such as an OAI). */
export interface FixedPrincipal {
  id: string;
  kind: 'aws-account' | 'aws-iam' | 'aws-canonical-user' | 'aws-service' | 'cloudfront-oai' | 'federated';
  account: string | null;
}

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const IAM_ENTITY = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):(?:role|user|assumed-role|federated-user|group)\/.+$/;
const CLOUDFRONT_OAI = /^arn:aws[a-z-]*:iam::cloudfront:user\/CloudFront Origin Access Identity .+$/;
const FEDERATION_PROVIDER = /^arn:aws[a-z-]*:iam::(\d{12}):(?:saml-provider|oidc-provider)\/.+$/;

function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/** Is this one principal entry "anyone"? (`{"AWS":"*"}`, any wildcard, web-identity federation.) */
export function entryIsAnyone(entry: PrincipalEntry): boolean {
  if (entry.type === 'Service') return false;
  if (hasWildcard(entry.value)) return true;
  return entry.type === 'Federated' && !FEDERATION_PROVIDER.test(entry.value);
}

/** Rule 4: does an Allow statement's principal include anyone? NotPrincipal with Allow does (unless it lists "*"). */
export function allowPrincipalIsAnyone(stmt: PolicyStatement): boolean {
  if (stmt.notPrincipal) return !principalSetHasStar(stmt.notPrincipal);
  const p = stmt.principal;
  return p !== undefined && (p.wildcard || p.entries.some(entryIsAnyone));
}

export function principalSetHasStar(set: PrincipalSet): boolean {
  return set.wildcard || set.entries.some((e) => e.value === '*');
}

/**
 * Rule 6: does a Deny apply to anyone? Principal "*" / {"AWS":"*"} (or a list holding "*"); also NotPrincipal
 * (every caller except the listed fixed principals, so every anonymous or foreign caller), unless it lists "*".
 */
export function denyPrincipalIsAnyone(stmt: PolicyStatement): boolean {
  if (stmt.notPrincipal) return !principalSetHasStar(stmt.notPrincipal);
  const p = stmt.principal;
  return p !== undefined && (p.wildcard || p.entries.some((e) => e.type === 'AWS' && e.value === '*'));
}

/** The fixed (non-anyone) principals named in a statement's Principal block. */
export function fixedPrincipals(stmt: PolicyStatement): FixedPrincipal[] {
  const out: FixedPrincipal[] = [];
  for (const entry of stmt.principal?.entries ?? []) {
    if (entryIsAnyone(entry)) continue;
    const fixed = classifyPrincipal(entry);
    if (fixed) out.push(fixed);
  }
  return out;
}

/** The fixed principal one entry names (its kind and owner account), or null for a value of unknown form. */
export function classifyPrincipal(entry: PrincipalEntry): FixedPrincipal | null {
  const v = entry.value;
  if (entry.type === 'Service') return { id: v, kind: 'aws-service', account: null };
  if (entry.type === 'CanonicalUser') return { id: v, kind: 'aws-canonical-user', account: null };
  if (entry.type === 'Federated') return { id: v, kind: 'federated', account: FEDERATION_PROVIDER.exec(v)?.[1] ?? null };
  if (entry.type !== 'AWS') return null;
  if (ACCOUNT_ID.test(v)) return { id: v, kind: 'aws-account', account: v };
  const root = IAM_ROOT.exec(v);
  if (root) return { id: v, kind: 'aws-account', account: root[1] ?? null };
  const entity = IAM_ENTITY.exec(v);
  if (entity) return { id: v, kind: 'aws-iam', account: entity[1] ?? null };
  if (CLOUDFRONT_OAI.test(v)) return { id: v, kind: 'cloudfront-oai', account: null };
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Conditions

/**
 * Condition keys that pin a statement to fixed callers when given a fixed value (rule 4), lower-cased: AWS's list
 * for "the meaning of public", plus aws:PrincipalAccount / aws:PrincipalArn (an anonymous caller carries neither,
 * so a fixed value leaves only principals of fixed accounts).
 */
export const RESTRICTING_CONDITION_KEYS: readonly string[] = [
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
];

/** ARN-valued keys that are fixed enough when the account is fixed, whatever the resource name (`accesspoint/*`, `role/*`). */
const ACCOUNT_FIXED_ARN_KEYS = new Set(['s3:dataaccesspointarn', 'aws:principalarn']);

const MATCHING_STRING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);

/** The positive operator a negated one tests against (`stringnotequals` → `stringequals`). */
const NEGATED_TO_POSITIVE: Readonly<Record<string, string>> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
  notipaddress: 'ipaddress',
};

export interface OperatorParts {
  /** Lower-cased operator without set prefix or IfExists suffix, e.g. `stringequals`. */
  base: string;
  ifExists: boolean;
  forAllValues: boolean;
  forAnyValue: boolean;
}

export function splitOperator(operator: string): OperatorParts {
  let op = operator.toLowerCase();
  const forAllValues = op.startsWith('forallvalues:');
  const forAnyValue = op.startsWith('foranyvalue:');
  op = op.replace(/^for(?:all|any)values?:/, '');
  const ifExists = op.endsWith('ifexists');
  if (ifExists) op = op.slice(0, -'ifexists'.length);
  return { base: op, ifExists, forAllValues, forAnyValue };
}

/** A value fixed enough to pin the caller: no `*`, `?` or policy variable. */
export function isFixedValue(value: string): boolean {
  return !hasWildcard(value) && !value.includes('${');
}

/** An ARN whose partition, service, region and account are fixed (the account a 12-digit id); the resource part may be a pattern. */
export function isAccountFixedArn(value: string): boolean {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const head = parts.slice(0, 5);
  return head.every(isFixedValue) && ACCOUNT_ID.test(parts[4] ?? '');
}

/** aws:SourceIp: a host or a CIDR no wider than /8 (IPv4) or /32 (IPv6). Unparseable values do not restrict. */
export function isNarrowIpRange(value: string): boolean {
  const [address = '', prefix, extra] = value.trim().split('/');
  if (extra !== undefined) return false;
  const ipv6 = address.includes(':');
  if (ipv6 ? !/^[0-9a-fA-F:.]+$/.test(address) : !isIpv4(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  return ipv6 ? bits >= 32 && bits <= 128 : bits >= 8 && bits <= 32;
}

function isIpv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * Do the requests that match `values` of `key` under the positive operator `base` come from a fixed set of callers?
 * (A caller-fixing key, a matching operator, and every value fixed: a narrow IP range, a fixed string, or for the
 * ARN keys an ARN of a fixed account.)
 */
function matchFixesCaller(key: string, base: string, values: readonly string[]): boolean {
  if (!RESTRICTING_CONDITION_KEYS.includes(key) || values.length === 0) return false;
  if (key === 'aws:sourceip') return base === 'ipaddress' && values.every(isNarrowIpRange);
  if (!MATCHING_STRING_OPERATORS.has(base)) return false;
  if (ACCOUNT_FIXED_ARN_KEYS.has(key)) return values.every((v) => isFixedValue(v) || isAccountFixedArn(v));
  return values.every(isFixedValue);
}

/** Rule 4: does this condition entry pin the statement to fixed callers? */
export function conditionRestricts(entry: ConditionEntry): boolean {
  const op = splitOperator(entry.operator);
  if (op.ifExists || op.forAllValues) return false;
  return matchFixesCaller(entry.key.toLowerCase(), op.base, entry.values);
}

/**
 * Rule 6, for a Deny to anyone: does this entry fail only for a fixed set of callers? The Deny then still applies
 * to everyone else. Only a negated operator can (`NotIpAddress aws:SourceIp 203.0.113.0/24` fails only for
 * requests from that range). A missing key makes a negated operator true, with or without IfExists, and
 * ForAllValues true, so callers without the key are denied; ForAnyValue is false without the key, so they are not.
 * `Null` and the positive operators fail for every caller outside the value (anyone, in practice).
 */
export function denyEntryLeavesFixedCallers(entry: ConditionEntry): boolean {
  const op = splitOperator(entry.operator);
  if (op.forAnyValue) return false;
  const positive = NEGATED_TO_POSITIVE[op.base];
  return positive !== undefined && matchFixesCaller(entry.key.toLowerCase(), positive, entry.values);
}

/**
 * A conditional Deny applies unless one of its entries fails; the callers it leaves are the union of those for
 * which an entry fails. They are all fixed (non-public) callers when every entry fails only for fixed callers.
 */
export function denyLeavesOnlyFixedCallers(stmt: PolicyStatement): boolean {
  return stmt.conditions.length > 0 && stmt.conditions.every(denyEntryLeavesFixedCallers);
}

/** Accounts a non-negated, fixed aws:PrincipalAccount / aws:PrincipalArn condition admits. */
export function principalAccountsNamed(stmt: PolicyStatement): string[] {
  const accounts = new Set<string>();
  for (const entry of stmt.conditions.filter(conditionRestricts)) {
    const key = entry.key.toLowerCase();
    for (const value of entry.values) {
      const account = key === 'aws:principalaccount' ? value : key === 'aws:principalarn' ? value.split(':')[4] : undefined;
      if (account !== undefined && ACCOUNT_ID.test(account)) accounts.add(account);
    }
  }
  return [...accounts];
}

/** The restricting condition entries of a statement (a statement is restricted when there is at least one). */
export function restrictingConditions(stmt: PolicyStatement): ConditionEntry[] {
  return stmt.conditions.filter(conditionRestricts);
}

export function isNegatedOperator(base: string): boolean {
  return base.includes('not') || base === 'null';
}

/** Accounts named by aws:SourceAccount / aws:SourceArn in a non-negated condition. */
export function sourceAccountsNamed(stmt: PolicyStatement): string[] {
  const accounts = new Set<string>();
  for (const entry of stmt.conditions) {
    if (isNegatedOperator(splitOperator(entry.operator).base)) continue;
    const key = entry.key.toLowerCase();
    for (const value of entry.values) {
      const account = key === 'aws:sourceaccount' ? value : key === 'aws:sourcearn' ? value.split(':')[4] : undefined;
      if (account !== undefined && ACCOUNT_ID.test(account)) accounts.add(account);
    }
  }
  return [...accounts];
}

// ---------------------------------------------------------------------------------------------------------
// Evaluating conditions whose keys are known offline (the caller's own ARN and account, for identity evaluation)

/** Request-context values known offline for one caller, by lower-cased key (e.g. `aws:principalarn`). */
export type KnownContext = Readonly<Record<string, string>>;

type StringTest = (pattern: string, value: string) => boolean;

const STRING_TESTS: Readonly<Record<string, { test: StringTest; negated: boolean }>> = {
  stringequals: { test: (p, v) => p === v, negated: false },
  stringnotequals: { test: (p, v) => p === v, negated: true },
  stringequalsignorecase: { test: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  stringnotequalsignorecase: { test: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: true },
  stringlike: { test: (p, v) => globMatches(p, v), negated: false },
  stringnotlike: { test: (p, v) => globMatches(p, v), negated: true },
  // ArnEquals and ArnLike both accept wildcards in each ARN segment.
  arnequals: { test: (p, v) => globMatches(p, v), negated: false },
  arnlike: { test: (p, v) => globMatches(p, v), negated: false },
  arnnotequals: { test: (p, v) => globMatches(p, v), negated: true },
  arnnotlike: { test: (p, v) => globMatches(p, v), negated: true },
};

/**
 * true / false when one condition entry can be decided from `known`; null when its key is not known offline, its
 * operator is not a string/ARN operator, it is a multi-value (ForAnyValue/ForAllValues) test, or a value holds a
 * policy variable.
 */
export function evaluateConditionEntry(entry: ConditionEntry, known: KnownContext): boolean | null {
  const lower = entry.operator.toLowerCase();
  if (lower.startsWith('forallvalues:') || lower.startsWith('foranyvalue:')) return null;
  const actual = known[entry.key.toLowerCase()];
  if (actual === undefined || entry.values.length === 0) return null;
  if (entry.values.some((v) => v.includes('${'))) return null;
  const op = STRING_TESTS[splitOperator(entry.operator).base];
  if (op === undefined) return null;
  // The key is present in the context, so an ...IfExists operator behaves as the plain one.
  const matched = entry.values.some((v) => op.test(v, actual));
  return op.negated ? !matched : matched;
}

export interface ConditionVerdict {
  /** true: every entry holds; false: one entry fails; null: the rest hold but some entries cannot be decided. */
  applies: boolean | null;
  /** The entries that could not be decided offline (kept and stated, never dropped). */
  unresolved: ConditionEntry[];
}

/** Evaluates a statement's Condition block (entries are ANDed) with the keys known offline. */
export function evaluateStatementConditions(stmt: PolicyStatement, known: KnownContext): ConditionVerdict {
  const unresolved: ConditionEntry[] = [];
  for (const entry of stmt.conditions) {
    const result = evaluateConditionEntry(entry, known);
    if (result === false) return { applies: false, unresolved: [] };
    if (result === null) unresolved.push(entry);
  }
  return { applies: unresolved.length === 0 ? true : null, unresolved };
}

/** One condition entry as written: `StringEquals aws:SourceIp=10.0.0.0/8|10.1.0.0/16`. */
export function describeCondition(entry: ConditionEntry): string {
  return `${entry.operator} ${entry.key}=${entry.values.join('|')}`;
}

/** A condition list for messages: `aws:SourceIp=10.0.0.0/8, …`. */
export function describeConditions(entries: readonly ConditionEntry[]): string {
  return entries.map(describeCondition).join(', ');
}

/** `Bool`/`BoolIfExists` `aws:SecureTransport` = false, and nothing else, is the statement's whole condition. */
export function isInsecureTransportOnlyCondition(stmt: PolicyStatement): boolean {
  if (stmt.conditions.length === 0) return false;
  return stmt.conditions.every((entry) => {
    const op = splitOperator(entry.operator);
    return (
      op.base === 'bool' &&
      !op.forAllValues &&
      entry.key.toLowerCase() === 'aws:securetransport' &&
      entry.values.length > 0 &&
      entry.values.every((v) => v.toLowerCase() === 'false')
    );
  });
}
