// Table-driven tests of the S3 access evaluator (PUBLIC-ACCESS.md, AWS rules 1–7).
// Every case states the exact read/list/write/aclWrite verdicts; most also state evidence refs and external principals.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateBucketAccess, type AwsAccountContext, type AwsAccessResult } from '../../providers/aws/access.js';
import type { AwsBucketSnapshot, AwsGrant } from '../../providers/aws/snapshot-types.js';
import { CAPABILITIES, type Capability, type Evidence, type Guards, type Principal, type Tri } from '../../src/model.js';

const BUCKET = 'hr-data';
const BKT = `arn:aws:s3:::${BUCKET}`;
const OBJ = `arn:aws:s3:::${BUCKET}/*`;
const OWN = '123456789012';
const OTHER = '111122223333';
const OWNER_CANONICAL = 'c0ffee00000000000000000000000000000000000000000000000000000000aa';
const STRANGER_CANONICAL = 'beef0000000000000000000000000000000000000000000000000000000000bb';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTH_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

type Verdict = [read: Tri, list: Tri, write: Tri, aclWrite: Tri];
type Statement = Record<string, unknown>;

interface EvidenceExpectation {
  capability?: Capability;
  effect: Evidence['effect'];
  source?: string;
  ref?: string;
}

interface Case {
  name: string;
  bucket?: Partial<AwsBucketSnapshot>;
  account?: Partial<AwsAccountContext>;
  expect: Verdict;
  evidence?: EvidenceExpectation[];
  /** Exact list; [] when omitted. */
  external?: Principal[];
  tls?: Tri;
  /** Codes of the errors the evaluator returns; [] when omitted. */
  errors?: string[];
  guards?: Partial<Guards>;
}

// --- builders ---------------------------------------------------------------------------------------------

function allow(over: Statement = {}): Statement {
  return { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: OBJ, ...over };
}

function deny(over: Statement = {}): Statement {
  return { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: OBJ, ...over };
}

function policy(...statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** An Allow GetObject to anyone on bucket/* with one condition. */
function conditioned(operator: string, key: string, value: unknown): string {
  return policy(allow({ Condition: { [operator]: { [key]: value } } }));
}

function groupGrant(uri: string, permission: string): AwsGrant {
  return { Grantee: { Type: 'Group', URI: uri }, Permission: permission };
}

function userGrant(id: string, permission: string): AwsGrant {
  return { Grantee: { Type: 'CanonicalUser', ID: id }, Permission: permission };
}

function acl(...grants: AwsGrant[]): AwsBucketSnapshot['Acl'] {
  return { Owner: { ID: OWNER_CANONICAL }, Grants: [userGrant(OWNER_CANONICAL, 'FULL_CONTROL'), ...grants] };
}

const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const ALL_OFF = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };

function denied(call: string) {
  return { call, code: 'AccessDenied', message: 'Access Denied' };
}

const PUBLIC_READ = policy(allow());
const ACL_READ = acl(groupGrant(ALL_USERS, 'READ'));

function external(id: string, kind: Principal['kind'], account: string | null, capabilities: Capability[], evidence: string, conditional = false): Principal {
  return { id, kind, account, capabilities, conditional, evidence };
}

// --- evaluation and assertions ---------------------------------------------------------------------------

function evaluate(c: Case): AwsAccessResult {
  const bucket: AwsBucketSnapshot = { Name: BUCKET, ...c.bucket };
  const account: AwsAccountContext = { accountId: OWN, ownerCanonicalId: OWNER_CANONICAL, accountPublicAccessBlockKnown: true, ...c.account };
  return evaluateBucketAccess(bucket, account);
}

function hasEvidence(list: readonly Evidence[], want: EvidenceExpectation): boolean {
  return list.some(
    (e) =>
      e.effect === want.effect &&
      (want.capability === undefined || e.capability === want.capability) &&
      (want.source === undefined || e.source === want.source) &&
      (want.ref === undefined || e.ref === want.ref),
  );
}

function check(c: Case): void {
  const r = evaluate(c);
  const got: Verdict = [r.exposure.read, r.exposure.list, r.exposure.write, r.exposure.aclWrite];
  assert.deepEqual(got, c.expect, 'read/list/write/aclWrite');
  for (const cap of CAPABILITIES) {
    if (r.exposure[cap] !== true) continue;
    assert.ok(hasEvidence(r.exposure.evidence, { capability: cap, effect: 'grants' }), `a 'grants' evidence for ${cap}`);
  }
  for (const want of c.evidence ?? []) {
    assert.ok(hasEvidence(r.exposure.evidence, want), `evidence ${JSON.stringify(want)} in ${JSON.stringify(r.exposure.evidence, null, 1)}`);
  }
  assert.deepEqual(r.externalPrincipals, c.external ?? [], 'externalPrincipals');
  assert.deepEqual(r.errors.map((e) => e.code), c.errors ?? [], 'errors');
  if (c.tls !== undefined) assert.equal(r.tlsEnforced, c.tls, 'tlsEnforced');
  for (const [key, value] of Object.entries(c.guards ?? {})) {
    assert.deepEqual(r.guards[key as keyof Guards], value, `guards.${key}`);
  }
}

function runTable(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) test(c.name, () => check(c));
  });
}

// --- the cases ---------------------------------------------------------------------------------------------

runTable('baseline and the HR-system case', [
  { name: 'no ACL grants, no policy, BPA off: nothing public', expect: [false, false, false, false], tls: false },
  {
    name: 'HR-system case: ACL AllUsers READ + GetObject to "*" on bucket/*, BPA off',
    bucket: { Acl: ACL_READ, Policy: PUBLIC_READ, PublicAccessBlock: ALL_OFF },
    expect: [true, true, false, false],
    evidence: [
      { capability: 'read', effect: 'grants', source: 'bucket-policy', ref: 'Statement[0]' },
      { capability: 'list', effect: 'grants', source: 'bucket-acl', ref: 'Grant AllUsers READ' },
    ],
  },
  {
    name: 'locked bucket: BPA all on, no policy',
    bucket: { PublicAccessBlock: ALL_ON },
    expect: [false, false, false, false],
    guards: { bucketBlockPublicAccess: ALL_ON, ignorePublicAcls: true, restrictPublicBuckets: true },
  },
  {
    name: 'HR-system grants under account BPA all on: everything neutralized',
    bucket: { Acl: ACL_READ, Policy: PUBLIC_READ },
    account: { accountPublicAccessBlock: ALL_ON },
    expect: [false, false, false, false],
    evidence: [
      { capability: 'read', effect: 'neutralized', ref: 'Statement[0]' },
      { capability: 'list', effect: 'neutralized', ref: 'Grant AllUsers READ' },
    ],
  },
  {
    name: 'Sid is used as the evidence ref',
    bucket: { Policy: policy(allow({ Sid: 'PublicRead' })) },
    expect: [true, false, false, false],
    evidence: [{ capability: 'read', effect: 'grants', ref: 'Sid "PublicRead"' }],
  },
  {
    name: '--cross-check-policy-status: IsPublic=true where the evaluation finds the policy public agrees (evidence only)',
    bucket: { Policy: PUBLIC_READ, PolicyStatus: { IsPublic: true } },
    expect: [true, false, false, false],
    evidence: [{ effect: 'info', source: 'policy-status', ref: 'PolicyStatus.IsPublic' }],
  },
  {
    name: '--cross-check-policy-status: IsPublic is about the policy alone, so a public policy under Block Public Access still agrees',
    bucket: { Policy: PUBLIC_READ, PolicyStatus: { IsPublic: true }, PublicAccessBlock: ALL_ON },
    expect: [false, false, false, false],
    evidence: [{ effect: 'info', source: 'policy-status' }],
  },
  {
    name: '--cross-check-policy-status: IsPublic=true without a public statement is a disagreement (an error), verdicts unchanged',
    bucket: { PolicyStatus: { IsPublic: true } },
    expect: [false, false, false, false],
    evidence: [{ effect: 'unknown', source: 'policy-status', ref: 'PolicyStatus.IsPublic' }],
    errors: ['PolicyStatusDisagrees'],
  },
  {
    name: '--cross-check-policy-status: IsPublic=false for a public policy is a disagreement',
    bucket: { Policy: PUBLIC_READ, PolicyStatus: { IsPublic: false } },
    expect: [true, false, false, false],
    evidence: [{ effect: 'unknown', source: 'policy-status' }],
    errors: ['PolicyStatusDisagrees'],
  },
  {
    name: '--cross-check-policy-status: an unreadable policy is not compared',
    bucket: { PolicyStatus: { IsPublic: false }, errors: [denied('GetBucketPolicy')] },
    expect: [null, null, null, null],
    evidence: [{ effect: 'info', source: 'policy-status' }],
    errors: [],
  },
]);

runTable('bucket ACL (rule 3)', [
  { name: 'AllUsers READ = list', bucket: { Acl: ACL_READ }, expect: [false, true, false, false], evidence: [{ capability: 'list', effect: 'grants', ref: 'Grant AllUsers READ' }] },
  {
    name: 'AuthenticatedUsers READ = list',
    bucket: { Acl: acl(groupGrant(AUTH_USERS, 'READ')) },
    expect: [false, true, false, false],
    evidence: [{ capability: 'list', effect: 'grants', ref: 'Grant AuthenticatedUsers READ' }],
  },
  {
    name: 'AllUsers WRITE = write',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'WRITE')) },
    expect: [false, false, true, false],
    evidence: [{ capability: 'write', effect: 'grants', ref: 'Grant AllUsers WRITE' }],
  },
  {
    name: 'AllUsers READ_ACP = nothing (info only)',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'READ_ACP')) },
    expect: [false, false, false, false],
    evidence: [{ effect: 'info', ref: 'Grant AllUsers READ_ACP' }],
  },
  {
    name: 'AllUsers WRITE_ACP = aclWrite',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'WRITE_ACP')) },
    expect: [false, false, false, true],
    evidence: [{ capability: 'aclWrite', effect: 'grants', ref: 'Grant AllUsers WRITE_ACP' }],
  },
  {
    name: 'AuthenticatedUsers FULL_CONTROL = list + write + aclWrite, never read',
    bucket: { Acl: acl(groupGrant(AUTH_USERS, 'FULL_CONTROL')) },
    expect: [false, true, true, true],
    evidence: [{ capability: 'read', effect: 'info', source: 'bucket-acl' }],
  },
  { name: 'owner FULL_CONTROL only: nothing public, no external principal', bucket: { Acl: acl() }, expect: [false, false, false, false] },
  {
    name: 'another canonical user READ + WRITE: external principal, not public',
    bucket: { Acl: acl(userGrant(STRANGER_CANONICAL, 'READ'), userGrant(STRANGER_CANONICAL, 'WRITE')) },
    expect: [false, false, false, false],
    external: [
      external(STRANGER_CANONICAL, 'aws-canonical-user', null, ['list', 'write'], `Grant CanonicalUser ${STRANGER_CANONICAL} READ; Grant CanonicalUser ${STRANGER_CANONICAL} WRITE`),
    ],
  },
  {
    name: 'LogDelivery group WRITE is not public',
    bucket: { Acl: acl(groupGrant('http://acs.amazonaws.com/groups/s3/LogDelivery', 'WRITE')) },
    expect: [false, false, false, false],
  },
]);

runTable('Block Public Access and Object Ownership (rules 1, 2)', [
  {
    name: 'BlockPublicAcls alone changes nothing for an existing ACL',
    bucket: { Acl: ACL_READ, PublicAccessBlock: { BlockPublicAcls: true } },
    expect: [false, true, false, false],
    guards: { blockPublicAcls: true, ignorePublicAcls: false },
  },
  {
    name: 'BlockPublicPolicy alone changes nothing for an existing policy',
    bucket: { Policy: PUBLIC_READ, PublicAccessBlock: { BlockPublicPolicy: true } },
    expect: [true, false, false, false],
    guards: { blockPublicPolicy: true, restrictPublicBuckets: false },
  },
  {
    name: 'IgnorePublicAcls (bucket) removes ACL list',
    bucket: { Acl: ACL_READ, PublicAccessBlock: { IgnorePublicAcls: true } },
    expect: [false, false, false, false],
    evidence: [{ capability: 'list', effect: 'neutralized', ref: 'Grant AllUsers READ' }],
  },
  {
    name: 'IgnorePublicAcls (account) removes ACL FULL_CONTROL',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'FULL_CONTROL')) },
    account: { accountPublicAccessBlock: { IgnorePublicAcls: true } },
    expect: [false, false, false, false],
    guards: { ignorePublicAcls: true, accountBlockPublicAccess: { ...ALL_OFF, IgnorePublicAcls: true }, bucketBlockPublicAccess: ALL_OFF },
  },
  {
    name: 'RestrictPublicBuckets removes policy read but not ACL list',
    bucket: { Acl: ACL_READ, Policy: PUBLIC_READ, PublicAccessBlock: { RestrictPublicBuckets: true } },
    expect: [false, true, false, false],
    evidence: [{ capability: 'read', effect: 'neutralized', source: 'bucket-policy', ref: 'Statement[0]' }],
  },
  {
    name: 'RestrictPublicBuckets (account) removes a public s3:* policy',
    bucket: { Policy: policy(allow({ Action: 's3:*', Resource: [BKT, OBJ] })) },
    account: { accountPublicAccessBlock: { RestrictPublicBuckets: true } },
    expect: [false, false, false, false],
  },
  {
    name: 'BucketOwnerEnforced disables a public FULL_CONTROL ACL',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'FULL_CONTROL')), OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    expect: [false, false, false, false],
    guards: { aclsEnabled: false, objectOwnership: 'BucketOwnerEnforced' },
    evidence: [{ capability: 'write', effect: 'neutralized', ref: 'Grant AllUsers FULL_CONTROL' }],
  },
  {
    name: 'BucketOwnerEnforced does not touch the policy',
    bucket: { Policy: PUBLIC_READ, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
    expect: [true, false, false, false],
  },
  {
    name: 'BucketOwnerPreferred keeps ACLs working',
    bucket: { Acl: ACL_READ, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } },
    expect: [false, true, false, false],
    guards: { aclsEnabled: true, objectOwnership: 'BucketOwnerPreferred' },
  },
  {
    name: 'effective flag = account OR bucket',
    bucket: { PublicAccessBlock: { BlockPublicAcls: true } },
    account: { accountPublicAccessBlock: { RestrictPublicBuckets: true } },
    expect: [false, false, false, false],
    guards: { blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true },
  },
]);

runTable('unknown inputs give null, never a guess', [
  {
    name: 'ACL unknown (AccessDenied): list/write/aclWrite null, read false',
    bucket: { errors: [denied('GetBucketAcl')] },
    expect: [false, null, null, null],
    evidence: [{ effect: 'unknown', source: 'bucket-acl' }],
  },
  {
    name: 'ACL unknown but IgnorePublicAcls on: all false',
    bucket: { errors: [denied('GetBucketAcl')], PublicAccessBlock: { IgnorePublicAcls: true } },
    expect: [false, false, false, false],
  },
  {
    name: 'policy unknown (AccessDenied): all null, TLS null',
    bucket: { errors: [denied('GetBucketPolicy')] },
    expect: [null, null, null, null],
    tls: null,
    evidence: [{ effect: 'unknown', source: 'bucket-policy' }],
  },
  {
    name: 'policy unknown + ACL AllUsers READ: list null (a Deny could exist)',
    bucket: { Acl: ACL_READ, errors: [denied('GetBucketPolicy')] },
    expect: [null, null, null, null],
    evidence: [{ capability: 'list', effect: 'grants', ref: 'Grant AllUsers READ' }],
  },
  {
    name: 'policy unknown + RestrictPublicBuckets: all false',
    bucket: { PublicAccessBlock: { RestrictPublicBuckets: true }, errors: [denied('GetBucketPolicy')] },
    expect: [false, false, false, false],
    tls: null,
  },
  {
    name: 'policy unknown + RestrictPublicBuckets + ACL READ: list null only',
    bucket: { Acl: ACL_READ, PublicAccessBlock: { RestrictPublicBuckets: true }, errors: [denied('GetBucketPolicy')] },
    expect: [false, null, false, false],
  },
  {
    name: 'bucket BPA unknown + ACL READ: list null',
    bucket: { Acl: ACL_READ, errors: [denied('GetPublicAccessBlock')] },
    expect: [false, null, false, false],
    guards: { bucketBlockPublicAccess: null, ignorePublicAcls: null, blockPublicAcls: null },
    evidence: [{ capability: 'list', effect: 'unknown', source: 'block-public-access' }],
  },
  {
    name: 'bucket BPA unknown but account IgnorePublicAcls on: list false',
    bucket: { Acl: ACL_READ, errors: [denied('GetPublicAccessBlock')] },
    account: { accountPublicAccessBlock: { IgnorePublicAcls: true } },
    expect: [false, false, false, false],
    guards: { ignorePublicAcls: true, restrictPublicBuckets: null },
  },
  {
    name: 'account BPA unknown + public policy: read null',
    bucket: { Policy: PUBLIC_READ },
    account: { accountPublicAccessBlockKnown: false },
    expect: [null, false, false, false],
    guards: { accountBlockPublicAccess: null, restrictPublicBuckets: null },
  },
  {
    name: 'account BPA unknown, bucket RestrictPublicBuckets on: read false',
    bucket: { Policy: PUBLIC_READ, PublicAccessBlock: { RestrictPublicBuckets: true } },
    account: { accountPublicAccessBlockKnown: false },
    expect: [false, false, false, false],
  },
  {
    name: 'Object Ownership unknown + ACL READ: list null',
    bucket: { Acl: ACL_READ, errors: [denied('GetBucketOwnershipControls')] },
    expect: [false, null, false, false],
    guards: { aclsEnabled: null, objectOwnership: null },
  },
  {
    name: 'missing keys without errors mean "not configured"',
    bucket: { errors: [denied('GetBucketTagging')] },
    expect: [false, false, false, false],
    tls: false,
    guards: { bucketBlockPublicAccess: ALL_OFF, aclsEnabled: true },
  },
  {
    name: 'malformed policy JSON: null verdicts and an error, no throw',
    bucket: { Policy: '{"Statement": [ {"Effect": "Allow", ' },
    expect: [null, null, null, null],
    errors: ['MalformedPolicy'],
    tls: null,
    evidence: [{ effect: 'unknown', source: 'bucket-policy' }],
  },
  {
    name: 'structurally invalid policy (no Statement)',
    bucket: { Policy: JSON.stringify({ Version: '2012-10-17' }) },
    expect: [null, null, null, null],
    errors: ['MalformedPolicy'],
  },
  {
    name: 'structurally invalid statement (Effect "Maybe", Action a number)',
    bucket: { Policy: { Statement: [{ Effect: 'Maybe', Principal: '*', Action: 42, Resource: OBJ }] } },
    expect: [null, null, null, null],
    errors: ['MalformedPolicy'],
  },
]);

runTable('malformed ACL grants: a recorded error, null where the grant could matter (never "no grant")', [
  {
    name: 'Grants [null]: list/write/aclWrite null, an error on the bucket',
    bucket: { Acl: acl(null as unknown as AwsGrant) },
    expect: [false, null, null, null],
    errors: ['MalformedAcl'],
    evidence: [{ capability: 'list', effect: 'unknown', source: 'bucket-acl', ref: 'Grants[1]' }],
  },
  {
    name: 'Grantee null with READ: list null only',
    bucket: { Acl: acl({ Grantee: null, Permission: 'READ' } as unknown as AwsGrant) },
    expect: [false, null, false, false],
    errors: ['MalformedAcl'],
  },
  {
    name: 'Grantee without URI/ID/EmailAddress with WRITE: write null',
    bucket: { Acl: acl({ Grantee: { Type: 'Group' }, Permission: 'WRITE' }) },
    expect: [false, false, null, false],
    errors: ['MalformedAcl'],
  },
  {
    name: 'AllUsers with Permission "read" (not READ): it may be any permission, list/write/aclWrite null',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'read')) },
    expect: [false, null, null, null],
    errors: ['MalformedAcl'],
  },
  {
    name: 'a stranger canonical user with Permission "read": nothing public, still a recorded error, no external principal',
    bucket: { Acl: acl(userGrant(STRANGER_CANONICAL, 'read')) },
    expect: [false, false, false, false],
    errors: ['MalformedAcl'],
  },
  {
    name: 'a malformed grant next to AllUsers READ: list true, write/aclWrite null',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'READ'), null as unknown as AwsGrant) },
    expect: [false, true, null, null],
    errors: ['MalformedAcl'],
  },
  {
    name: 'Grants [null] under IgnorePublicAcls: all false, the malformation still recorded',
    bucket: { Acl: acl(null as unknown as AwsGrant), PublicAccessBlock: { IgnorePublicAcls: true } },
    expect: [false, false, false, false],
    errors: ['MalformedAcl'],
  },
  {
    name: 'a malformed grant and a malformed policy: both recorded',
    bucket: { Acl: acl(groupGrant(ALL_USERS, 'Read')), Policy: 'not json' },
    expect: [null, null, null, null],
    errors: ['MalformedAcl', 'MalformedPolicy'],
  },
]);

runTable('policy shapes', [
  { name: 'policy given as a parsed object', bucket: { Policy: { Version: '2012-10-17', Statement: [allow()] } }, expect: [true, false, false, false] },
  { name: 'Statement as a single object', bucket: { Policy: JSON.stringify({ Statement: allow({ Action: ['s3:ListBucket'], Resource: BKT }) }) }, expect: [false, true, false, false] },
  {
    name: 'Condition with array values and several operators',
    bucket: { Policy: policy(allow({ Condition: { StringLike: { 'aws:Referer': ['https://a.example/*', 'https://b.example/*'] }, Bool: { 'aws:SecureTransport': true } } })) },
    expect: [true, false, false, false],
  },
  {
    name: 'China partition ARNs',
    bucket: { Region: 'cn-north-1', Policy: policy(allow({ Resource: `arn:aws-cn:s3:::${BUCKET}/*` })) },
    expect: [true, false, false, false],
  },
]);

runTable('principals (rule 4)', [
  { name: '{"AWS":"*"} is anyone', bucket: { Policy: policy(allow({ Principal: { AWS: '*' } })) }, expect: [true, false, false, false] },
  {
    name: 'a list containing "*" is anyone, the other member is external',
    bucket: { Policy: policy(allow({ Principal: { AWS: [`arn:aws:iam::${OTHER}:root`, '*'] } })) },
    expect: [true, false, false, false],
    external: [external(`arn:aws:iam::${OTHER}:root`, 'aws-account', OTHER, ['read'], 'Statement[0]')],
  },
  {
    name: 'NotPrincipal with Allow is anyone',
    bucket: { Policy: policy({ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: 's3:GetObject', Resource: OBJ }) },
    expect: [true, false, false, false],
  },
  {
    name: 'web-identity Federated principal is anyone',
    bucket: { Policy: policy(allow({ Principal: { Federated: 'graph.facebook.com' } })) },
    expect: [true, false, false, false],
  },
  { name: 'own account root is not public', bucket: { Policy: policy(allow({ Principal: { AWS: `arn:aws:iam::${OWN}:root` } })) }, expect: [false, false, false, false] },
  {
    name: 'cross-account root: external, not public',
    bucket: { Policy: policy(allow({ Sid: 'Vendor', Principal: { AWS: `arn:aws:iam::${OTHER}:root` } })) },
    expect: [false, false, false, false],
    external: [external(`arn:aws:iam::${OTHER}:root`, 'aws-account', OTHER, ['read'], 'Sid "Vendor"')],
  },
  {
    name: 'cross-account role with list + read, conditional',
    bucket: {
      Policy: policy(
        allow({
          Principal: { AWS: [`arn:aws:iam::${OTHER}:role/payroll`] },
          Action: ['s3:ListBucket', 's3:GetObject'],
          Resource: [BKT, OBJ],
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        }),
      ),
    },
    expect: [false, false, false, false],
    external: [external(`arn:aws:iam::${OTHER}:role/payroll`, 'aws-iam', OTHER, ['read', 'list'], 'Statement[0]', true)],
  },
  {
    name: 'bare cross-account id with PutObject',
    bucket: { Policy: policy(allow({ Principal: { AWS: OTHER }, Action: 's3:PutObject' })) },
    expect: [false, false, false, false],
    external: [external(OTHER, 'aws-account', OTHER, ['write'], 'Statement[0]')],
  },
  {
    name: 'CloudFront OAI is not public and not external',
    bucket: { Policy: policy(allow({ Principal: { AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE' } })) },
    expect: [false, false, false, false],
  },
  {
    name: 'CloudFront OAC (service + own-account SourceArn) is not public',
    bucket: {
      Policy: policy(
        allow({ Principal: { Service: 'cloudfront.amazonaws.com' }, Condition: { StringEquals: { 'AWS:SourceArn': `arn:aws:cloudfront::${OWN}:distribution/EDFDVBD6EXAMPLE` } } }),
      ),
    },
    expect: [false, false, false, false],
  },
  {
    name: 'service principal with another account\'s SourceArn is external',
    bucket: {
      Policy: policy(
        allow({ Principal: { Service: 'cloudfront.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudfront::${OTHER}:distribution/EDFDVBD6EXAMPLE` } } }),
      ),
    },
    expect: [false, false, false, false],
    external: [external('cloudfront.amazonaws.com', 'aws-service', OTHER, ['read'], 'Statement[0]', true)],
  },
  { name: 'CanonicalUser principal is not public', bucket: { Policy: policy(allow({ Principal: { CanonicalUser: STRANGER_CANONICAL } })) }, expect: [false, false, false, false] },
]);

runTable('conditions that pin (or do not pin) the caller (rule 4)', [
  { name: 'aws:SourceIp 203.0.113.5/32 restricts', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '203.0.113.5/32') }, expect: [false, false, false, false], evidence: [{ capability: 'read', effect: 'restricts', ref: 'Statement[0]' }] },
  { name: 'aws:SourceIp single host without prefix restricts', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '203.0.113.5') }, expect: [false, false, false, false] },
  { name: 'aws:SourceIp 10.0.0.0/8 restricts', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '10.0.0.0/8') }, expect: [false, false, false, false] },
  { name: 'aws:SourceIp 10.0.0.0/7 is too wide', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '10.0.0.0/7') }, expect: [true, false, false, false] },
  { name: 'aws:SourceIp 0.0.0.0/0 is anyone', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '0.0.0.0/0') }, expect: [true, false, false, false] },
  { name: 'aws:SourceIp 0.0.0.0/1 is public (the AWS doc example)', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '0.0.0.0/1') }, expect: [true, false, false, false] },
  { name: 'aws:SourceIp ::/0 is anyone', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '::/0') }, expect: [true, false, false, false] },
  { name: 'aws:SourceIp 2001:db8::/31 is too wide', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '2001:db8::/31') }, expect: [true, false, false, false] },
  { name: 'aws:SourceIp 2001:db8::/32 restricts', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '2001:db8::/32') }, expect: [false, false, false, false] },
  { name: 'aws:SourceIp 2001:db8::/64 restricts', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', '2001:db8::/64') }, expect: [false, false, false, false] },
  { name: 'aws:SourceIp list with one wide CIDR is public', bucket: { Policy: conditioned('IpAddress', 'aws:SourceIp', ['203.0.113.5/32', '0.0.0.0/0']) }, expect: [true, false, false, false] },
  { name: 'aws:SourceArn fixed restricts', bucket: { Policy: conditioned('ArnEquals', 'aws:SourceArn', `arn:aws:cloudfront::${OWN}:distribution/E1`) }, expect: [false, false, false, false] },
  { name: 'aws:SourceArn with * does not restrict', bucket: { Policy: conditioned('ArnLike', 'aws:SourceArn', 'arn:aws:cloudfront::*:distribution/*') }, expect: [true, false, false, false] },
  { name: 'aws:SourceVpc fixed restricts', bucket: { Policy: conditioned('StringEquals', 'aws:SourceVpc', 'vpc-1a2b3c4d') }, expect: [false, false, false, false] },
  { name: 'aws:SourceVpce fixed restricts', bucket: { Policy: conditioned('StringEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d') }, expect: [false, false, false, false] },
  { name: 'aws:SourceOwner fixed restricts', bucket: { Policy: conditioned('StringEquals', 'aws:SourceOwner', OWN) }, expect: [false, false, false, false] },
  { name: 'aws:SourceAccount fixed restricts', bucket: { Policy: conditioned('StringEquals', 'aws:SourceAccount', OWN) }, expect: [false, false, false, false] },
  { name: 'aws:PrincipalOrgID fixed restricts', bucket: { Policy: conditioned('StringEquals', 'aws:PrincipalOrgID', 'o-a1b2c3d4e5') }, expect: [false, false, false, false] },
  { name: 'aws:PrincipalOrgID "o-*" does not restrict', bucket: { Policy: conditioned('StringLike', 'aws:PrincipalOrgID', 'o-*') }, expect: [true, false, false, false] },
  { name: 'aws:userid fixed restricts', bucket: { Policy: conditioned('StringEquals', 'aws:userid', 'AIDAJQABLZS4A3QDU576Q') }, expect: [false, false, false, false] },
  { name: 'aws:userid "AROLEID:*" does not restrict', bucket: { Policy: conditioned('StringLike', 'aws:userid', 'AROAEXAMPLEID:*') }, expect: [true, false, false, false] },
  {
    name: 's3:x-amz-server-side-encryption-aws-kms-key-id fixed restricts',
    bucket: { Policy: conditioned('StringEquals', 's3:x-amz-server-side-encryption-aws-kms-key-id', `arn:aws:kms:ap-northeast-1:${OWN}:key/1234abcd-12ab-34cd-56ef-1234567890ab`) },
    expect: [false, false, false, false],
  },
  { name: 's3:DataAccessPointArn fixed restricts', bucket: { Policy: conditioned('StringEquals', 's3:DataAccessPointArn', `arn:aws:s3:ap-northeast-1:${OWN}:accesspoint/hr`) }, expect: [false, false, false, false] },
  { name: 's3:DataAccessPointAccount fixed restricts', bucket: { Policy: conditioned('StringEquals', 's3:DataAccessPointAccount', OWN) }, expect: [false, false, false, false] },
  { name: 'mixed-case key AWS:SourceArn restricts', bucket: { Policy: conditioned('ArnEquals', 'AWS:SourceArn', `arn:aws:cloudfront::${OWN}:distribution/E1`) }, expect: [false, false, false, false] },
  { name: 'upper-case key AWS:SOURCEVPCE restricts', bucket: { Policy: conditioned('StringEquals', 'AWS:SOURCEVPCE', 'vpce-1a2b3c4d') }, expect: [false, false, false, false] },
  { name: 'StringNotEquals does not restrict', bucket: { Policy: conditioned('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d') }, expect: [true, false, false, false] },
  { name: 'NotIpAddress does not restrict', bucket: { Policy: conditioned('NotIpAddress', 'aws:SourceIp', '203.0.113.5/32') }, expect: [true, false, false, false] },
  { name: 'ArnNotLike does not restrict', bucket: { Policy: conditioned('ArnNotLike', 'aws:SourceArn', `arn:aws:cloudfront::${OWN}:distribution/E1`) }, expect: [true, false, false, false] },
  { name: 'StringEqualsIfExists does not restrict', bucket: { Policy: conditioned('StringEqualsIfExists', 'aws:SourceVpce', 'vpce-1a2b3c4d') }, expect: [true, false, false, false] },
  { name: 'IpAddressIfExists does not restrict', bucket: { Policy: conditioned('IpAddressIfExists', 'aws:SourceIp', '203.0.113.5/32') }, expect: [true, false, false, false] },
  { name: 'Null operator does not restrict', bucket: { Policy: conditioned('Null', 'aws:SourceVpce', 'false') }, expect: [true, false, false, false] },
  { name: 'policy variable value does not restrict', bucket: { Policy: conditioned('StringEquals', 'aws:userid', '${aws:userid}') }, expect: [true, false, false, false] },
  { name: '"?" in a value does not restrict', bucket: { Policy: conditioned('StringLike', 'aws:SourceVpc', 'vpc-1a2b3c4?') }, expect: [true, false, false, false] },
  { name: 'aws:Referer (spoofable) does not restrict', bucket: { Policy: conditioned('StringLike', 'aws:Referer', 'https://www.example.com/*') }, expect: [true, false, false, false] },
  { name: 'aws:SecureTransport does not restrict', bucket: { Policy: conditioned('Bool', 'aws:SecureTransport', 'true') }, expect: [true, false, false, false] },
  {
    name: 'several keys: one restricting condition is enough',
    bucket: { Policy: policy(allow({ Condition: { StringLike: { 'aws:Referer': 'https://x.example/*' }, StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })) },
    expect: [false, false, false, false],
  },
  { name: 'StringLike with a fixed value restricts', bucket: { Policy: conditioned('StringLike', 'aws:SourceVpc', 'vpc-1a2b3c4d') }, expect: [false, false, false, false] },
  { name: 'ForAllValues:StringEquals does not restrict (true when the key is absent)', bucket: { Policy: conditioned('ForAllValues:StringEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d') }, expect: [true, false, false, false] },
]);

runTable('actions and resources (rule 5)', [
  { name: 'GetObject on the bucket ARN grants nothing', bucket: { Policy: policy(allow({ Resource: BKT })) }, expect: [false, false, false, false] },
  { name: 'ListBucket on bucket/* grants nothing', bucket: { Policy: policy(allow({ Action: 's3:ListBucket', Resource: OBJ })) }, expect: [false, false, false, false] },
  { name: 'ListBucket on the bucket ARN = list', bucket: { Policy: policy(allow({ Action: 's3:ListBucket', Resource: BKT })) }, expect: [false, true, false, false] },
  { name: 'ListBucketVersions on the bucket ARN = list', bucket: { Policy: policy(allow({ Action: 's3:ListBucketVersions', Resource: BKT })) }, expect: [false, true, false, false] },
  { name: 'GetObjectVersion on bucket/* = read', bucket: { Policy: policy(allow({ Action: 's3:GetObjectVersion' })) }, expect: [true, false, false, false] },
  { name: 's3:* on bucket and objects = everything', bucket: { Policy: policy(allow({ Action: 's3:*', Resource: [BKT, OBJ] })) }, expect: [true, true, true, true] },
  { name: '"*" on "*" = everything', bucket: { Policy: policy(allow({ Action: '*', Resource: '*' })) }, expect: [true, true, true, true] },
  { name: 's3:Get* on bucket/* = read only', bucket: { Policy: policy(allow({ Action: 's3:Get*' })) }, expect: [true, false, false, false] },
  { name: 'actions are case-insensitive (S3:getobject)', bucket: { Policy: policy(allow({ Action: 'S3:getobject' })) }, expect: [true, false, false, false] },
  { name: '"?" glob in an action (s3:GetObj?ct)', bucket: { Policy: policy(allow({ Action: 's3:GetObj?ct' })) }, expect: [true, false, false, false] },
  { name: 's3:List* on arn:aws:s3:::hr-* = list', bucket: { Policy: policy(allow({ Action: 's3:List*', Resource: 'arn:aws:s3:::hr-*' })) }, expect: [false, true, false, false] },
  { name: 'GetObject on arn:aws:s3:::* = read', bucket: { Policy: policy(allow({ Resource: 'arn:aws:s3:::*' })) }, expect: [true, false, false, false] },
  { name: 'GetObject on a prefix = read (at least one object)', bucket: { Policy: policy(allow({ Resource: `${BKT}/public/*` })) }, expect: [true, false, false, false] },
  { name: 'another bucket\'s objects grant nothing', bucket: { Policy: policy(allow({ Resource: 'arn:aws:s3:::other-bucket/*' })) }, expect: [false, false, false, false] },
  {
    name: 'NotAction with Allow grants everything not listed',
    bucket: { Policy: policy({ Effect: 'Allow', Principal: '*', NotAction: 's3:GetObject*', Resource: [BKT, OBJ] }) },
    expect: [false, true, true, true],
  },
  {
    name: 'NotResource naming another bucket grants this one',
    bucket: { Policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::other-bucket/*' }) },
    expect: [true, false, false, false],
  },
  {
    name: 'NotResource excluding all of this bucket\'s objects grants nothing',
    bucket: { Policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', NotResource: OBJ }) },
    expect: [false, false, false, false],
  },
  { name: 'PutObject on bucket/* = write', bucket: { Policy: policy(allow({ Action: 's3:PutObject' })) }, expect: [false, false, true, false] },
  { name: 'DeleteObject alone = write', bucket: { Policy: policy(allow({ Action: 's3:DeleteObject' })) }, expect: [false, false, true, false] },
  { name: 'PutBucketAcl on the bucket ARN = aclWrite', bucket: { Policy: policy(allow({ Action: 's3:PutBucketAcl', Resource: BKT })) }, expect: [false, false, false, true] },
  { name: 'PutObjectAcl on bucket/* = aclWrite', bucket: { Policy: policy(allow({ Action: 's3:PutObjectAcl' })) }, expect: [false, false, false, true] },
  { name: 'PutBucketPolicy never counts', bucket: { Policy: policy(allow({ Action: 's3:PutBucketPolicy', Resource: BKT })) }, expect: [false, false, false, false] },
]);

runTable('Deny statements (rule 6)', [
  {
    name: 'unconditional Deny to anyone removes read',
    bucket: { Policy: policy(allow({ Sid: 'Open' }), deny({ Sid: 'Close' })) },
    expect: [false, false, false, false],
    evidence: [{ capability: 'read', effect: 'denies', ref: 'Sid "Close"' }],
  },
  {
    name: 'conditional Deny (SecureTransport=false) leaves read',
    bucket: { Policy: policy(allow(), deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })) },
    expect: [true, false, false, false],
  },
  { name: 'Deny on a prefix only leaves read of the bucket', bucket: { Policy: policy(allow(), deny({ Resource: `${BKT}/private/*` })) }, expect: [true, false, false, false] },
  {
    name: 'Deny on the same prefix as the Allow removes it',
    bucket: { Policy: policy(allow({ Resource: `${BKT}/private/*` }), deny({ Resource: `${BKT}/private/*` })) },
    expect: [false, false, false, false],
  },
  { name: 'Deny s3:* on "*" removes everything', bucket: { Acl: ACL_READ, Policy: policy(allow({ Action: 's3:*', Resource: '*' }), deny({ Action: 's3:*', Resource: '*' })) }, expect: [false, false, false, false] },
  {
    name: 'Deny ListBucket on the bucket ARN removes ACL list',
    bucket: { Acl: ACL_READ, Policy: policy(deny({ Principal: { AWS: '*' }, Action: ['s3:ListBucket', 's3:ListBucketVersions'], Resource: BKT })) },
    expect: [false, false, false, false],
    evidence: [{ capability: 'list', effect: 'denies', ref: 'Statement[0]' }],
  },
  { name: 'Deny ListBucket on bucket/* (wrong type) leaves list', bucket: { Acl: ACL_READ, Policy: policy(deny({ Action: 's3:ListBucket', Resource: OBJ })) }, expect: [false, true, false, false] },
  { name: 'Deny to a fixed principal removes nothing', bucket: { Policy: policy(allow(), deny({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` } })) }, expect: [true, false, false, false] },
  {
    name: 'Deny with NotAction removes everything not listed',
    bucket: { Acl: ACL_READ, Policy: policy(allow(), { Effect: 'Deny', Principal: '*', NotAction: 's3:GetObject', Resource: [BKT, OBJ] }) },
    expect: [true, false, false, false],
  },
  { name: 'Deny PutObject only leaves ACL write (DeleteObject)', bucket: { Acl: acl(groupGrant(ALL_USERS, 'WRITE')), Policy: policy(deny({ Action: 's3:PutObject' })) }, expect: [false, false, true, false] },
  {
    name: 'Deny with NotPrincipal (all but the owner account) removes the public grant',
    bucket: { Policy: policy(allow(), { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: 's3:*', Resource: [BKT, OBJ] }) },
    expect: [false, false, false, false],
  },
  {
    name: 'Deny with NotResource covering other buckets only removes nothing here',
    bucket: { Policy: policy(allow(), { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', NotResource: [OBJ] }) },
    expect: [true, false, false, false],
  },
]);

/** A public Allow GetObject plus a Deny GetObject to anyone on bucket/* with one condition (the Allow it shadows). */
function shadowed(operator: string, key: string, value: unknown, over: Statement = {}): string {
  return policy(allow({ Sid: 'Open' }), deny({ Sid: 'Fence', Condition: { [operator]: { [key]: value } }, ...over }));
}

const ORG = 'o-a1b2c3d4e5';
const VPCE = 'vpce-1a2b3c4d';

runTable('conditional Deny: what it leaves (rule 6, AWS "meaning of public")', [
  {
    name: 'Deny NotIpAddress a fixed /24 leaves only that range: not public',
    bucket: { Policy: shadowed('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24') },
    expect: [false, false, false, false],
    evidence: [{ capability: 'read', effect: 'denies', ref: 'Sid "Fence"' }],
  },
  { name: 'Deny NotIpAddress several fixed ranges: not public', bucket: { Policy: shadowed('NotIpAddress', 'aws:SourceIp', ['203.0.113.0/24', '2001:db8::/48']) }, expect: [false, false, false, false] },
  { name: 'Deny NotIpAddress 0.0.0.0/1 (too wide) leaves half the internet: public', bucket: { Policy: shadowed('NotIpAddress', 'aws:SourceIp', '0.0.0.0/1') }, expect: [true, false, false, false] },
  { name: 'Deny NotIpAddressIfExists a fixed range: not public', bucket: { Policy: shadowed('NotIpAddressIfExists', 'aws:SourceIp', '203.0.113.0/24') }, expect: [false, false, false, false] },
  { name: 'Deny StringNotEquals aws:SourceVpce fixed: not public', bucket: { Policy: shadowed('StringNotEquals', 'aws:SourceVpce', VPCE) }, expect: [false, false, false, false] },
  {
    name: 'Deny StringNotEqualsIfExists aws:SourceVpce: callers without the key are denied too, not public',
    bucket: { Policy: shadowed('StringNotEqualsIfExists', 'aws:SourceVpce', VPCE) },
    expect: [false, false, false, false],
  },
  { name: 'Deny StringNotEquals aws:SourceVpc fixed: not public', bucket: { Policy: shadowed('StringNotEquals', 'aws:SourceVpc', 'vpc-1a2b3c4d') }, expect: [false, false, false, false] },
  { name: 'Deny StringNotLike aws:SourceVpce "vpce-*" leaves every endpoint: public', bucket: { Policy: shadowed('StringNotLike', 'aws:SourceVpce', 'vpce-*') }, expect: [true, false, false, false] },
  { name: 'Deny StringEquals aws:SourceVpce (positive) denies one endpoint only: public', bucket: { Policy: shadowed('StringEquals', 'aws:SourceVpce', VPCE) }, expect: [true, false, false, false] },
  { name: 'Deny StringEqualsIfExists aws:SourceVpce leaves other endpoints: public', bucket: { Policy: shadowed('StringEqualsIfExists', 'aws:SourceVpce', VPCE) }, expect: [true, false, false, false] },
  { name: 'Deny StringNotEquals aws:PrincipalOrgID fixed: not public', bucket: { Policy: shadowed('StringNotEquals', 'aws:PrincipalOrgID', ORG) }, expect: [false, false, false, false] },
  {
    name: 'Deny ForAnyValue:StringNotEquals aws:PrincipalOrgID: anonymous callers lack the key, the Deny misses them: public',
    bucket: { Policy: shadowed('ForAnyValue:StringNotEquals', 'aws:PrincipalOrgID', ORG) },
    expect: [true, false, false, false],
  },
  {
    name: 'Deny ForAllValues:StringNotEquals aws:PrincipalOrgID: true without the key, so anonymous callers are denied: not public',
    bucket: { Policy: shadowed('ForAllValues:StringNotEquals', 'aws:PrincipalOrgID', ORG) },
    expect: [false, false, false, false],
  },
  { name: 'Deny StringNotEquals aws:PrincipalAccount own account: not public', bucket: { Policy: shadowed('StringNotEquals', 'aws:PrincipalAccount', OWN) }, expect: [false, false, false, false] },
  { name: 'Deny StringNotEquals aws:SourceAccount own account: not public', bucket: { Policy: shadowed('StringNotEquals', 'aws:SourceAccount', OWN) }, expect: [false, false, false, false] },
  { name: 'Deny StringEquals aws:PrincipalAccount (a key anonymous callers lack): the Deny misses them, public', bucket: { Policy: shadowed('StringEquals', 'aws:PrincipalAccount', OTHER) }, expect: [true, false, false, false] },
  { name: 'Deny Null aws:PrincipalAccount=true removes anonymous callers only; any account remains: public', bucket: { Policy: shadowed('Null', 'aws:PrincipalAccount', 'true') }, expect: [true, false, false, false] },
  { name: 'Deny Null aws:SourceVpce=true leaves every VPC endpoint: public', bucket: { Policy: shadowed('Null', 'aws:SourceVpce', 'true') }, expect: [true, false, false, false] },
  { name: 'Deny ArnNotLike aws:PrincipalArn own-account roles: not public', bucket: { Policy: shadowed('ArnNotLike', 'aws:PrincipalArn', `arn:aws:iam::${OWN}:role/*`) }, expect: [false, false, false, false] },
  { name: 'Deny ArnNotLike aws:PrincipalArn any account\'s role "app": public', bucket: { Policy: shadowed('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/app') }, expect: [true, false, false, false] },
  { name: 'Deny ArnNotEquals aws:PrincipalArn one fixed role: not public', bucket: { Policy: shadowed('ArnNotEquals', 'aws:PrincipalArn', `arn:aws:iam::${OWN}:role/reader`) }, expect: [false, false, false, false] },
  { name: 'Deny StringNotEquals aws:PrincipalAccount any of two fixed accounts: not public', bucket: { Policy: shadowed('StringNotEquals', 'aws:PrincipalAccount', [OWN, OTHER]) }, expect: [false, false, false, false] },
  { name: 'Deny StringNotEquals s3:DataAccessPointAccount own account: only its access points remain, not public', bucket: { Policy: shadowed('StringNotEquals', 's3:DataAccessPointAccount', OWN) }, expect: [false, false, false, false] },
  { name: 'Deny ArnNotLike s3:DataAccessPointArn fixed account, any access-point name: not public', bucket: { Policy: shadowed('ArnNotLike', 's3:DataAccessPointArn', `arn:aws:s3:ap-northeast-1:${OWN}:accesspoint/*`) }, expect: [false, false, false, false] },
  { name: 'Deny ArnNotLike s3:DataAccessPointArn any account: every access point remains, public', bucket: { Policy: shadowed('ArnNotLike', 's3:DataAccessPointArn', 'arn:aws:s3:ap-northeast-1:*:accesspoint/*') }, expect: [true, false, false, false] },
  { name: 'Deny StringNotEquals aws:Referer (spoofable, not a caller key): public', bucket: { Policy: shadowed('StringNotEquals', 'aws:Referer', 'https://www.example.com/') }, expect: [true, false, false, false] },
  {
    name: 'Deny outside a range but only over plain HTTP: HTTPS callers anywhere remain, public',
    bucket: { Policy: policy(allow(), deny({ Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, Bool: { 'aws:SecureTransport': 'false' } } })) },
    expect: [true, false, false, false],
  },
  {
    name: 'Deny outside a VPC endpoint on a prefix only: the rest of the bucket stays public',
    bucket: { Policy: shadowed('StringNotEquals', 'aws:SourceVpce', VPCE, { Resource: `${BKT}/private/*` }) },
    expect: [true, false, false, false],
  },
  {
    name: 'Deny outside a VPC endpoint on s3:* removes ACL list and policy read',
    bucket: { Acl: ACL_READ, Policy: policy(allow(), deny({ Sid: 'VpceOnly', Action: 's3:*', Resource: [BKT, OBJ], Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE } } })) },
    expect: [false, false, false, false],
    evidence: [{ capability: 'list', effect: 'denies', ref: 'Sid "VpceOnly"' }],
  },
  {
    name: 'Deny with NotPrincipal (owner) and a fixed range: only the owner and the range remain, not public',
    bucket: { Policy: policy(allow(), { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: 's3:*', Resource: [BKT, OBJ], Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) },
    expect: [false, false, false, false],
  },
  {
    name: 'Deny to a fixed principal outside a range removes nothing for anyone else',
    bucket: { Policy: policy(allow(), deny({ Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
    expect: [true, false, false, false],
  },
]);

runTable('caller-fixing condition keys on an Allow (rule 4, AWS "meaning of public")', [
  {
    name: 's3:DataAccessPointArn with a fixed account and any access-point name restricts',
    bucket: { Policy: conditioned('StringLike', 's3:DataAccessPointArn', `arn:aws:s3:ap-northeast-1:${OWN}:accesspoint/*`) },
    expect: [false, false, false, false],
  },
  { name: 's3:DataAccessPointArn ArnLike with a fixed account restricts', bucket: { Policy: conditioned('ArnLike', 's3:DataAccessPointArn', `arn:aws:s3:ap-northeast-1:${OWN}:accesspoint/hr-*`) }, expect: [false, false, false, false] },
  { name: 's3:DataAccessPointArn with any account does not restrict', bucket: { Policy: conditioned('ArnLike', 's3:DataAccessPointArn', 'arn:aws:s3:ap-northeast-1:*:accesspoint/*') }, expect: [true, false, false, false] },
  { name: 's3:DataAccessPointArn fully wild does not restrict', bucket: { Policy: conditioned('StringLike', 's3:DataAccessPointArn', '*') }, expect: [true, false, false, false] },
  { name: 's3:DataAccessPointAccount own account restricts', bucket: { Policy: conditioned('StringEquals', 's3:DataAccessPointAccount', OWN) }, expect: [false, false, false, false] },
  { name: 'aws:PrincipalAccount own account: anonymous callers carry no account, not public', bucket: { Policy: conditioned('StringEquals', 'aws:PrincipalAccount', OWN) }, expect: [false, false, false, false] },
  {
    name: 'aws:PrincipalAccount another account: not public, that account is an external principal',
    bucket: { Policy: conditioned('StringEquals', 'aws:PrincipalAccount', OTHER) },
    expect: [false, false, false, false],
    external: [external(OTHER, 'aws-account', OTHER, ['read'], 'Statement[0]', true)],
  },
  { name: 'aws:PrincipalAccount with StringEqualsIfExists does not restrict', bucket: { Policy: conditioned('StringEqualsIfExists', 'aws:PrincipalAccount', OWN) }, expect: [true, false, false, false] },
  { name: 'aws:PrincipalArn fixed own role restricts', bucket: { Policy: conditioned('ArnEquals', 'aws:PrincipalArn', `arn:aws:iam::${OWN}:role/reader`) }, expect: [false, false, false, false] },
  { name: 'aws:PrincipalArn with a fixed account and any role restricts', bucket: { Policy: conditioned('ArnLike', 'aws:PrincipalArn', `arn:aws:iam::${OWN}:role/*`) }, expect: [false, false, false, false] },
  { name: 'aws:PrincipalArn with any account does not restrict', bucket: { Policy: conditioned('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/reader') }, expect: [true, false, false, false] },
]);

const TLS_DENY = deny({ Sid: 'TLS', Action: 's3:*', Resource: [BKT, OBJ], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });

runTable('TLS enforcement', [
  { name: 'Deny s3:* on bucket and objects when SecureTransport=false: enforced', bucket: { Policy: policy(TLS_DENY) }, expect: [false, false, false, false], tls: true },
  { name: 'TLS Deny on objects only: not enforced', bucket: { Policy: policy({ ...TLS_DENY, Resource: OBJ }) }, expect: [false, false, false, false], tls: false },
  {
    name: 'TLS Deny split over two statements: enforced',
    bucket: { Policy: policy({ ...TLS_DENY, Resource: BKT }, { ...TLS_DENY, Sid: 'TLS2', Resource: OBJ }) },
    expect: [false, false, false, false],
    tls: true,
  },
  {
    name: 'BoolIfExists with boolean false on "*", AWS:"*" principal: enforced',
    bucket: { Policy: policy(allow(), deny({ Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': false } } })) },
    expect: [true, false, false, false],
    tls: true,
  },
  { name: 'TLS Deny for GetObject only: not enforced', bucket: { Policy: policy({ ...TLS_DENY, Action: 's3:GetObject' }) }, expect: [false, false, false, false], tls: false },
  { name: 'policy without a TLS Deny: not enforced', bucket: { Policy: PUBLIC_READ }, expect: [true, false, false, false], tls: false },
]);

describe('result shape', () => {
  test('guards carry both BPA levels in full and the ownership value', () => {
    const r = evaluate({ name: '', expect: [false, false, false, false], bucket: { PublicAccessBlock: { BlockPublicAcls: true } } });
    assert.deepEqual(r.guards, {
      accountBlockPublicAccess: ALL_OFF,
      bucketBlockPublicAccess: { ...ALL_OFF, BlockPublicAcls: true },
      blockPublicAcls: true,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
      aclsEnabled: true,
      objectOwnership: 'ObjectWriter',
    });
  });

  test('the malformed-policy error names the call and keeps the parser message', () => {
    const r = evaluate({ name: '', expect: [null, null, null, null], bucket: { Policy: 'not json' } });
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]?.call, 'GetBucketPolicy');
    assert.equal(r.errors[0]?.code, 'MalformedPolicy');
    assert.match(r.errors[0]?.message ?? '', /JSON/);
  });
});
