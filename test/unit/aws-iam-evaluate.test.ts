// Table-driven tests of the identity evaluator (providers/aws/iam/): which users and roles of the account can read,
// list or write a bucket. Every case states the exact identity lists per capability; many also state the granting
// policy, the kept conditions and the caveats. Then the trust side: external principals reached through roles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeAws } from '../../providers/aws/normalize.js';
import type { AwsBucketSnapshot, AwsIamAuthorizationDetails, AwsIamManagedPolicyDetail, AwsIamRoleDetail, AwsIamUserDetail, AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import type { Principal, PrincipalGrant, ResourcePrincipals } from '../../src/model.js';

const OWN = '123456789012';
const VENDOR = '999988887777';
const BUCKET = 'hr-data';
const BKT = `arn:aws:s3:::${BUCKET}`;
const OBJ = `${BKT}/*`;

type Statement = Record<string, unknown>;
type Cap = keyof ResourcePrincipals;

const userArn = (name: string): string => `arn:aws:iam::${OWN}:user/${name}`;
const roleArn = (name: string): string => `arn:aws:iam::${OWN}:role/${name}`;
const groupArn = (name: string): string => `arn:aws:iam::${OWN}:group/${name}`;
const policyArn = (name: string): string => `arn:aws:iam::${OWN}:policy/${name}`;

function doc(...statements: Statement[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

/** IAM's own form: URL-encoded JSON. */
function encoded(...statements: Statement[]): string {
  return encodeURIComponent(JSON.stringify(doc(...statements)));
}

function allow(action: string | string[], resource: string | string[] = OBJ, extra: Statement = {}): Statement {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

function deny(action: string | string[], resource: string | string[] = '*', extra: Statement = {}): Statement {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

interface IdentitySpec {
  name: string;
  inline?: Statement[][];
  managed?: string[];
  groups?: string[];
  boundary?: string;
  trust?: Statement[];
}

interface Fixture {
  users?: IdentitySpec[];
  roles?: IdentitySpec[];
  groups?: { name: string; inline?: Statement[][]; managed?: string[] }[];
  policies?: { name: string; statements: Statement[]; versions?: 'two' }[];
  bucketPolicy?: Statement[] | 'denied';
}

function inlineList(specs: Statement[][] | undefined, prefix: string): { PolicyName: string; PolicyDocument: string }[] {
  return (specs ?? []).map((statements, i) => ({ PolicyName: `${prefix}-inline-${i}`, PolicyDocument: encoded(...statements) }));
}

function attached(arns: string[] | undefined): { PolicyName: string; PolicyArn: string }[] {
  return (arns ?? []).map((arn) => ({ PolicyName: arn.split('/').pop() ?? arn, PolicyArn: arn }));
}

function managedPolicy(p: NonNullable<Fixture['policies']>[number]): AwsIamManagedPolicyDetail {
  const current = { Document: encoded(...p.statements), VersionId: 'v2', IsDefaultVersion: true };
  const old = { Document: encoded(allow('*', '*')), VersionId: 'v1', IsDefaultVersion: false };
  return { PolicyName: p.name, Arn: policyArn(p.name), DefaultVersionId: 'v2', PolicyVersionList: p.versions === 'two' ? [old, current] : [current] };
}

function details(f: Fixture): AwsIamAuthorizationDetails {
  const users: AwsIamUserDetail[] = (f.users ?? []).map((u) => ({
    UserName: u.name,
    Arn: userArn(u.name),
    UserPolicyList: inlineList(u.inline, u.name),
    AttachedManagedPolicies: attached(u.managed),
    GroupList: u.groups ?? [],
    ...(u.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: u.boundary } } : {}),
  }));
  const roles: AwsIamRoleDetail[] = (f.roles ?? []).map((r) => ({
    RoleName: r.name,
    Arn: roleArn(r.name),
    AssumeRolePolicyDocument: encoded(...(r.trust ?? [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }])),
    RolePolicyList: inlineList(r.inline, r.name),
    AttachedManagedPolicies: attached(r.managed),
    ...(r.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: r.boundary } } : {}),
  }));
  return {
    UserDetailList: users,
    RoleDetailList: roles,
    GroupDetailList: (f.groups ?? []).map((g) => ({ GroupName: g.name, Arn: groupArn(g.name), GroupPolicyList: inlineList(g.inline, g.name), AttachedManagedPolicies: attached(g.managed) })),
    Policies: (f.policies ?? []).map(managedPolicy),
  };
}

function snapshotOf(f: Fixture): AwsSnapshot {
  const bucket: AwsBucketSnapshot = { Name: BUCKET, Region: 'ap-northeast-1' };
  if (f.bucketPolicy === 'denied') bucket.errors = [{ call: 'GetBucketPolicy', code: 'AccessDenied', message: 'Access Denied' }];
  else if (f.bucketPolicy) bucket.Policy = JSON.stringify({ Version: '2012-10-17', Statement: f.bucketPolicy });
  return { provider: 'aws', accountId: OWN, collectedAt: '2026-11-22T00:00:00.000Z', buckets: [bucket], iam: { authorizationDetails: details(f) } };
}

function resourceOf(f: Fixture) {
  const [r] = normalizeAws(snapshotOf(f));
  assert.ok(r);
  return r;
}

function principalsOf(f: Fixture): ResourcePrincipals {
  const p = resourceOf(f).principals;
  assert.ok(p, 'principals must be known');
  return p;
}

/** The short names (last ARN segment) of the identities in a grant list, sorted, without duplicates. */
function names(grants: readonly PrincipalGrant[]): string[] {
  return [...new Set(grants.map((g) => g.id.split('/').pop() ?? g.id))].sort();
}

interface GrantExpectation {
  cap: Cap;
  who: string;
  policyType?: PrincipalGrant['policyType'];
  policy?: string;
  statement?: string;
  via?: string;
  objects?: string[] | undefined;
  conditions?: string[];
  /** Each pattern must match one caveat; [] = no caveat at all. */
  caveats?: RegExp[];
}

interface Case {
  name: string;
  fixture: Fixture;
  read?: string[];
  list?: string[];
  write?: string[];
  grants?: GrantExpectation[];
}

function check(c: Case): void {
  const p = principalsOf(c.fixture);
  assert.deepEqual({ read: names(p.read), list: names(p.list), write: names(p.write) }, { read: c.read ?? [], list: c.list ?? [], write: c.write ?? [] });
  for (const want of c.grants ?? []) {
    const matching = p[want.cap].filter((g) => g.id.endsWith(`/${want.who}`) && (want.statement === undefined || g.statement === want.statement) && (want.policy === undefined || g.policy === want.policy));
    assert.equal(matching.length, 1, `one ${want.cap} grant for ${want.who} ${want.policy ?? ''} ${want.statement ?? ''} in ${JSON.stringify(p[want.cap], null, 1)}`);
    const g = matching[0] as PrincipalGrant;
    if (want.policyType !== undefined) assert.equal(g.policyType, want.policyType, 'policyType');
    if (want.via !== undefined) assert.equal(g.via, want.via, 'via');
    if ('objects' in want) assert.deepEqual(g.objects, want.objects, 'objects');
    if (want.conditions !== undefined) assert.deepEqual(g.conditions, want.conditions, 'conditions');
    if (want.caveats !== undefined) {
      if (want.caveats.length === 0) assert.deepEqual(g.caveats, [], 'no caveat');
      for (const re of want.caveats) assert.ok(g.caveats.some((x) => re.test(x)), `caveat ${re} in ${JSON.stringify(g.caveats)}`);
    }
  }
}

function runTable(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) test(c.name, () => check(c));
  });
}

const alice = (inline: Statement[], extra: Partial<IdentitySpec> = {}): IdentitySpec => ({ name: 'alice', inline: [inline], ...extra });
const ALL3 = { read: ['alice'], list: ['alice'], write: ['alice'] };

// ---------------------------------------------------------------------------------------------------------

runTable('actions and resources: globs', [
  { name: 's3:GetObject on bucket/* = read', fixture: { users: [alice([allow('s3:GetObject')])] }, read: ['alice'], grants: [{ cap: 'read', who: 'alice', policyType: 'inline', policy: 'alice-inline-0', statement: 'Statement[0]', objects: undefined, conditions: [], caveats: [] }] },
  { name: 's3:* on * = read, list, write', fixture: { users: [alice([allow('s3:*', '*')])] }, ...ALL3 },
  { name: '* on * = read, list, write', fixture: { users: [alice([allow('*', '*')])] }, ...ALL3 },
  { name: 'bucket-name glob arn:aws:s3:::hr-*/* = read', fixture: { users: [alice([allow('s3:Get*', 'arn:aws:s3:::hr-*/*')])] }, read: ['alice'] },
  { name: 'another bucket: nothing', fixture: { users: [alice([allow('s3:*', ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'])])] } },
  { name: 'ListBucket on the object ARN grants nothing (wrong resource type)', fixture: { users: [alice([allow('s3:ListBucket', OBJ)])] } },
  { name: 'ListBucket on the bucket ARN = list', fixture: { users: [alice([allow('s3:ListBucket', BKT)])] }, list: ['alice'] },
  { name: 'GetObject on the bucket ARN grants nothing (wrong resource type)', fixture: { users: [alice([allow('s3:GetObject', BKT)])] } },
  { name: 'actions are case-insensitive', fixture: { users: [alice([allow('S3:getobject')])] }, read: ['alice'] },
  { name: '? in an action', fixture: { users: [alice([allow('s3:Get?bject')])] }, read: ['alice'] },
  {
    name: 'a prefix: read of some objects',
    fixture: { users: [alice([allow('s3:GetObject', `${BKT}/public/*`)])] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', objects: [`${BKT}/public/*`] }],
  },
  { name: 'iam:* on * grants nothing on S3', fixture: { users: [alice([allow('iam:*', '*')])] } },
  { name: 'PutObject = write only', fixture: { users: [alice([allow('s3:PutObject')])] }, write: ['alice'] },
  { name: 'DeleteObjectVersion = write', fixture: { users: [alice([allow('s3:DeleteObjectVersion')])] }, write: ['alice'] },
  { name: 'arn:aws:s3:::* reaches the bucket and its objects', fixture: { users: [alice([allow(['s3:GetObject', 's3:ListBucket'], 'arn:aws:s3:::*')])] }, read: ['alice'], list: ['alice'] },
]);

runTable('Deny precedence', [
  { name: 'Deny GetObject in the same policy removes read', fixture: { users: [alice([allow('s3:*', '*'), deny('s3:GetObject*')])] }, list: ['alice'], write: ['alice'] },
  {
    name: 'Deny in another attached managed policy',
    fixture: { users: [{ name: 'alice', managed: [policyArn('s3-all'), policyArn('no-read')] }], policies: [{ name: 's3-all', statements: [allow('s3:*', '*')] }, { name: 'no-read', statements: [deny(['s3:GetObject', 's3:GetObjectVersion'])] }] },
    list: ['alice'],
    write: ['alice'],
  },
  {
    name: 'Deny of one prefix leaves read of the rest, with a caveat',
    fixture: { users: [alice([allow('s3:GetObject'), deny('s3:GetObject', `${BKT}/secret/*`)])] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [/removes part of it/] }],
  },
  { name: 'Deny GetObject leaves GetObjectVersion of s3:Get*: still read', fixture: { users: [alice([allow('s3:Get*'), deny('s3:GetObject')])] }, read: ['alice'] },
  {
    name: 'a conditional Deny keeps the grant and states the condition',
    fixture: { users: [alice([allow('s3:GetObject'), deny('s3:*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })])] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [/Deny inline policy alice-inline-0 Statement\[1\] removes it when NotIpAddress aws:SourceIp=10\.0\.0\.0\/8/] }],
  },
  {
    name: 'a Deny conditioned on the caller ARN is decided: it spares alice, removes bob',
    fixture: {
      groups: [{ name: 'hr', inline: [[allow('s3:GetObject'), deny('s3:GetObject', '*', { Condition: { StringNotEquals: { 'aws:PrincipalArn': userArn('alice') } } })]] }],
      users: [{ name: 'alice', groups: ['hr'] }, { name: 'bob', groups: ['hr'] }],
    },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [] }],
  },
  {
    name: 'a Deny in a group applies to its members',
    fixture: { groups: [{ name: 'no-s3', inline: [[deny('s3:*')]] }], users: [{ name: 'alice', inline: [[allow('s3:*', '*')]], groups: ['no-s3'] }] },
  },
]);

runTable('NotAction and NotResource', [
  { name: 'Allow NotAction iam:* on * = everything on S3', fixture: { users: [alice([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])] }, ...ALL3 },
  { name: 'Allow NotAction s3:* grants nothing on S3', fixture: { users: [alice([{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }])] } },
  { name: 'Allow NotAction s3:Delete* keeps PutObject: read, list, write', fixture: { users: [alice([{ Effect: 'Allow', NotAction: 's3:Delete*', Resource: '*' }])] }, ...ALL3 },
  { name: 'Allow NotAction s3:GetObject still grants GetObjectVersion: read', fixture: { users: [alice([{ Effect: 'Allow', NotAction: ['s3:GetObject', 's3:List*', 's3:Put*', 's3:Delete*'], Resource: '*' }])] }, read: ['alice'] },
  {
    name: 'Deny NotAction s3:ListBucket leaves only list',
    fixture: { users: [alice([allow('s3:*', '*'), { Effect: 'Deny', NotAction: ['s3:ListBucket', 's3:ListBucketVersions'], Resource: '*' }])] },
    list: ['alice'],
  },
  { name: 'Allow s3:* NotResource bucket/* leaves the bucket ARN: list only', fixture: { users: [alice([{ Effect: 'Allow', Action: 's3:*', NotResource: OBJ }])] }, list: ['alice'] },
  { name: 'Allow GetObject NotResource of another bucket = read', fixture: { users: [alice([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::other/*' }])] }, read: ['alice'] },
  {
    name: 'Deny s3:* NotResource of another bucket removes everything here',
    fixture: { users: [alice([allow('s3:*', '*'), { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::public-site', 'arn:aws:s3:::public-site/*'] }])] },
  },
]);

runTable('permissions boundaries', [
  {
    name: 'a boundary allowing only GetObject leaves read only',
    fixture: { users: [alice([allow('s3:*', '*')], { boundary: policyArn('read-only') })], policies: [{ name: 'read-only', statements: [allow('s3:GetObject', '*')] }] },
    read: ['alice'],
  },
  {
    name: 'a boundary of another service: nothing',
    fixture: { users: [alice([allow('s3:*', '*')], { boundary: policyArn('ec2') })], policies: [{ name: 'ec2', statements: [allow('ec2:*', '*')] }] },
  },
  {
    name: 'a boundary on one prefix narrows the grant to it',
    fixture: { roles: [{ name: 'app', inline: [[allow('s3:*', '*')]], boundary: policyArn('public-prefix') }], policies: [{ name: 'public-prefix', statements: [allow('s3:*', `${BKT}/public/*`)] }] },
    read: ['app'],
    write: ['app'],
    grants: [{ cap: 'read', who: 'app', objects: [`${BKT}/public/*`] }],
  },
  {
    name: 'a Deny inside the boundary removes',
    fixture: { users: [alice([allow('s3:*', '*')], { boundary: policyArn('b') })], policies: [{ name: 'b', statements: [allow('*', '*'), deny('s3:GetObject*')] }] },
    list: ['alice'],
    write: ['alice'],
  },
  {
    name: 'an unreadable boundary keeps the grant with a caveat',
    fixture: { users: [alice([allow('s3:GetObject')], { boundary: 'arn:aws:iam::aws:policy/NotInTheAnswer' })] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [/permissions boundary arn:aws:iam::aws:policy\/NotInTheAnswer could not be read/] }],
  },
  {
    name: 'a conditional boundary keeps the grant with a caveat',
    fixture: { users: [alice([allow('s3:GetObject')], { boundary: policyArn('vpn') })], policies: [{ name: 'vpn', statements: [allow('*', '*', { Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })] }] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [/allows it only Statement\[0\] under IpAddress aws:SourceIp=192\.0\.2\.0\/24/] }],
  },
  {
    name: 'the bucket policy naming a user is not limited by the user\'s boundary',
    fixture: {
      users: [{ name: 'alice', boundary: policyArn('ec2') }],
      policies: [{ name: 'ec2', statements: [allow('ec2:*', '*')] }],
      bucketPolicy: [{ Sid: 'AliceReads', Effect: 'Allow', Principal: { AWS: userArn('alice') }, Action: 's3:GetObject', Resource: OBJ }],
    },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', policyType: 'resource', policy: 'bucket-policy', statement: 'Sid "AliceReads"' }],
  },
  {
    name: 'the bucket policy naming a role is limited by the role\'s boundary',
    fixture: {
      roles: [{ name: 'app', boundary: policyArn('ec2') }],
      policies: [{ name: 'ec2', statements: [allow('ec2:*', '*')] }],
      bucketPolicy: [{ Effect: 'Allow', Principal: { AWS: roleArn('app') }, Action: 's3:GetObject', Resource: OBJ }],
    },
  },
]);

runTable('groups and managed policies', [
  {
    name: 'a group inline policy reaches its members, through the group',
    fixture: { groups: [{ name: 'hr', inline: [[allow('s3:GetObject')]] }], users: [{ name: 'alice', groups: ['hr'] }, { name: 'bob' }] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', policyType: 'inline', policy: 'hr-inline-0', via: groupArn('hr') }],
  },
  {
    name: 'a group managed policy reaches its members',
    fixture: { groups: [{ name: 'hr', managed: [policyArn('hr-read')] }], users: [{ name: 'alice', groups: ['hr'] }], policies: [{ name: 'hr-read', statements: [allow(['s3:GetObject', 's3:ListBucket'], [BKT, OBJ])] }] },
    read: ['alice'],
    list: ['alice'],
    grants: [{ cap: 'list', who: 'alice', policyType: 'managed', policy: policyArn('hr-read'), via: groupArn('hr') }],
  },
  {
    name: 'two groups: the Deny of one removes the Allow of the other',
    fixture: { groups: [{ name: 'hr', inline: [[allow('s3:GetObject')]] }, { name: 'quarantine', inline: [[deny('*')]] }], users: [{ name: 'alice', groups: ['hr', 'quarantine'] }, { name: 'bob', groups: ['hr'] }] },
    read: ['bob'],
  },
  {
    name: 'the default version of a managed policy is the one evaluated',
    fixture: { roles: [{ name: 'app', managed: [policyArn('versioned')] }], policies: [{ name: 'versioned', statements: [allow('s3:GetObject')], versions: 'two' }] },
    read: ['app'],
  },
  {
    name: 'a managed policy missing from the answer grants nothing (noted)',
    fixture: { users: [{ name: 'alice', managed: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] }] },
  },
  { name: 'a role inline policy', fixture: { roles: [{ name: 'etl', inline: [[allow('s3:PutObject', `${BKT}/in/*`)]] }] }, write: ['etl'], grants: [{ cap: 'write', who: 'etl', objects: [`${BKT}/in/*`] }] },
  {
    name: 'several identities, sorted by ARN',
    fixture: { users: [{ name: 'zed', inline: [[allow('s3:GetObject')]] }, { name: 'amy', inline: [[allow('s3:GetObject')]] }], roles: [{ name: 'app', inline: [[allow('s3:GetObject')]] }] },
    read: ['amy', 'app', 'zed'],
  },
]);

runTable('the bucket policy', [
  { name: 'an unconditional Deny to * removes read for everyone', fixture: { users: [alice([allow('s3:*', '*')])], bucketPolicy: [deny('s3:GetObject*', OBJ, { Principal: '*' })] }, list: ['alice'], write: ['alice'] },
  { name: 'a Deny of GetObject alone leaves GetObjectVersion: still read', fixture: { users: [alice([allow('s3:*', '*')])], bucketPolicy: [deny('s3:GetObject', OBJ, { Principal: '*' })] }, read: ['alice'], list: ['alice'], write: ['alice'] },
  {
    name: 'a Deny naming one user removes only that user',
    fixture: { users: [alice([allow('s3:GetObject')]), { name: 'bob', inline: [[allow('s3:GetObject')]] }], bucketPolicy: [deny('s3:*', [BKT, OBJ], { Principal: { AWS: userArn('alice') } })] },
    read: ['bob'],
  },
  {
    name: 'Deny all but one role by aws:PrincipalArn is decided offline',
    fixture: {
      users: [alice([allow('s3:*', '*')])],
      roles: [{ name: 'hr-app', inline: [[allow('s3:GetObject')]] }],
      bucketPolicy: [deny('s3:*', [BKT, OBJ], { Sid: 'OnlyHrApp', Principal: '*', Condition: { StringNotEquals: { 'aws:PrincipalArn': roleArn('hr-app') } } })],
    },
    read: ['hr-app'],
    grants: [{ cap: 'read', who: 'hr-app', caveats: [] }],
  },
  {
    name: 'ArnNotLike on aws:PrincipalArn with a wildcard',
    fixture: {
      roles: [{ name: 'hr-reader', inline: [[allow('s3:GetObject')]] }, { name: 'ops', inline: [[allow('s3:GetObject')]] }],
      bucketPolicy: [deny('s3:GetObject', OBJ, { Principal: { AWS: '*' }, Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${OWN}:role/hr-*` } } })],
    },
    read: ['hr-reader'],
  },
  {
    name: 'Deny with NotPrincipal naming the user and its account exempts that user',
    fixture: {
      users: [alice([allow('s3:GetObject')]), { name: 'bob', inline: [[allow('s3:GetObject')]] }],
      bucketPolicy: [{ Effect: 'Deny', NotPrincipal: { AWS: [userArn('alice'), `arn:aws:iam::${OWN}:root`] }, Action: 's3:*', Resource: [BKT, OBJ] }],
    },
    read: ['alice'],
  },
  {
    name: 'Deny with NotPrincipal always denies an identity with a boundary',
    fixture: {
      users: [alice([allow('s3:GetObject')], { boundary: policyArn('all') })],
      policies: [{ name: 'all', statements: [allow('*', '*')] }],
      bucketPolicy: [{ Effect: 'Deny', NotPrincipal: { AWS: [userArn('alice'), `arn:aws:iam::${OWN}:root`] }, Action: 's3:*', Resource: [BKT, OBJ] }],
    },
  },
  {
    name: 'a TLS-only Deny (aws:SecureTransport=false) leaves the grant without caveat',
    fixture: { users: [alice([allow('s3:GetObject')])], bucketPolicy: [deny('s3:*', [BKT, OBJ], { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [] }],
  },
  {
    name: 'a Deny outside a VPC endpoint is a caveat (not evaluated offline)',
    fixture: { users: [alice([allow('s3:GetObject')])], bucketPolicy: [deny('s3:*', [BKT, OBJ], { Sid: 'VpceOnly', Principal: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [/Deny bucket policy Sid "VpceOnly" removes it when StringNotEquals aws:SourceVpce=vpce-1a2b3c4d/] }],
  },
  {
    name: 'an unreadable bucket policy is a caveat on every grant',
    fixture: { users: [alice([allow('s3:GetObject')])], bucketPolicy: 'denied' },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', caveats: [/the bucket policy could not be read/] }],
  },
  { name: 'a Deny to the own account root applies to every identity of it', fixture: { users: [alice([allow('s3:*', '*')])], bucketPolicy: [deny('s3:*', [BKT, OBJ], { Principal: { AWS: `arn:aws:iam::${OWN}:root` } })] } },
  {
    name: 'the bucket policy allowing a role ARN grants without an identity policy',
    fixture: { roles: [{ name: 'reporting' }], bucketPolicy: [{ Sid: 'Reporting', Effect: 'Allow', Principal: { AWS: roleArn('reporting') }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BKT, OBJ] }] },
    read: ['reporting'],
    list: ['reporting'],
  },
  {
    name: 'the bucket policy allowing the account root delegates to IAM: no grant by itself',
    fixture: { users: [{ name: 'alice' }], bucketPolicy: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OWN}:root` }, Action: 's3:GetObject', Resource: OBJ }] },
  },
]);

runTable('conditions are kept, or decided when they are about the caller', [
  {
    name: 'aws:SourceIp is kept on the grant',
    fixture: { users: [alice([allow('s3:GetObject', OBJ, { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })])] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', conditions: ['IpAddress aws:SourceIp=10.0.0.0/8'] }],
  },
  {
    name: 'a principal tag condition is kept',
    fixture: { roles: [{ name: 'app', inline: [[allow('s3:GetObject', OBJ, { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'hr' } } })]] }] },
    read: ['app'],
    grants: [{ cap: 'read', who: 'app', conditions: ['StringEquals aws:PrincipalTag/team=hr'] }],
  },
  {
    name: 'aws:username is decided for users',
    fixture: { groups: [{ name: 'g', inline: [[allow('s3:GetObject', OBJ, { Condition: { StringEquals: { 'aws:username': 'alice' } } })]] }], users: [{ name: 'alice', groups: ['g'] }, { name: 'bob', groups: ['g'] }] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', conditions: [] }],
  },
  {
    name: '${aws:username} in the resource is the user\'s own prefix',
    fixture: { users: [alice([allow('s3:GetObject', `${BKT}/home/\${aws:username}/*`)])] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', objects: [`${BKT}/home/alice/*`] }],
  },
  {
    name: 'a multi-value (ForAnyValue) condition is kept, not decided',
    fixture: { users: [alice([allow('s3:GetObject', OBJ, { Condition: { 'ForAnyValue:StringEquals': { 'aws:PrincipalArn': [userArn('alice')] } } })])] },
    read: ['alice'],
    grants: [{ cap: 'read', who: 'alice', conditions: [`ForAnyValue:StringEquals aws:PrincipalArn=${userArn('alice')}`] }],
  },
  {
    name: 'aws:PrincipalAccount of another account: the Allow does not apply',
    fixture: { users: [alice([allow('s3:GetObject', OBJ, { Condition: { StringEquals: { 'aws:PrincipalAccount': VENDOR } } })])] },
  },
]);

// ---------------------------------------------------------------------------------------------------------
// External principals through roles (the entrustment signal)

interface TrustCase {
  name: string;
  trust: Statement[];
  /** The role's identity policy; read of the bucket by default. */
  policy?: Statement[];
  expect: Partial<Principal>[];
}

const READS = [allow(['s3:GetObject', 's3:ListBucket'], [BKT, OBJ])];

function externalsOf(c: TrustCase): Principal[] {
  const r = resourceOf({ roles: [{ name: 'maint', inline: [c.policy ?? READS], trust: c.trust }] });
  return r.externalPrincipals;
}

const assume = (principal: unknown, extra: Statement = {}): Statement => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });

describe('external principals through roles', () => {
  const cases: TrustCase[] = [
    {
      name: 'another account without ExternalId',
      trust: [assume({ AWS: `arn:aws:iam::${VENDOR}:root` }, { Sid: 'Vendor' })],
      expect: [{ id: `arn:aws:iam::${VENDOR}:root`, kind: 'aws-account', account: VENDOR, capabilities: ['read', 'list'], conditional: false, viaRole: roleArn('maint'), externalId: false, evidence: `trust Sid "Vendor" of ${roleArn('maint')}; maint-inline-0 Statement[0]` }],
    },
    {
      name: 'another account with ExternalId: protected, not conditional',
      trust: [assume({ AWS: VENDOR }, { Condition: { StringEquals: { 'sts:ExternalId': 'kumo-7f3a' } } })],
      expect: [{ id: VENDOR, kind: 'aws-account', account: VENDOR, conditional: false, externalId: true }],
    },
    {
      name: 'another account with a source-IP condition: conditional',
      trust: [assume({ AWS: `arn:aws:iam::${VENDOR}:role/ops` }, { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })],
      expect: [{ id: `arn:aws:iam::${VENDOR}:role/ops`, kind: 'aws-iam', account: VENDOR, conditional: true, externalId: false }],
    },
    { name: 'the own account root is not external', trust: [assume({ AWS: `arn:aws:iam::${OWN}:root` })], expect: [] },
    { name: 'a service principal is not external', trust: [assume({ Service: 'lambda.amazonaws.com' })], expect: [] },
    { name: 'trust of *: anyone', trust: [assume('*')], expect: [{ id: '*', kind: 'anyone', account: null, conditional: false }] },
    {
      name: 'an OIDC provider with a sub condition: federated, conditional',
      trust: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example/*' } } }],
      expect: [{ id: `arn:aws:iam::${OWN}:oidc-provider/token.actions.githubusercontent.com`, kind: 'federated', conditional: true }],
    },
    { name: 'an external trust on a role that cannot read the bucket: nothing', trust: [assume({ AWS: VENDOR })], policy: [allow('s3:PutObject')], expect: [] },
    { name: 'a public web identity provider without condition: anyone', trust: [{ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }], expect: [{ id: 'accounts.google.com', kind: 'anyone' }] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const got = externalsOf(c);
      assert.equal(got.length, c.expect.length, JSON.stringify(got, null, 1));
      c.expect.forEach((want, i) => {
        for (const [k, v] of Object.entries(want)) assert.deepEqual(got[i]?.[k as keyof Principal], v, `${k} of ${JSON.stringify(got[i])}`);
      });
    });
  }
});

describe('unknown identities', () => {
  test('a snapshot without iam: principals null, "IAM not collected"', () => {
    const [r] = normalizeAws({ provider: 'aws', accountId: OWN, buckets: [{ Name: BUCKET }] });
    assert.equal(r?.principals, null);
    assert.match(r?.principalsNote ?? '', /^IAM not collected/);
  });

  test('GetAccountAuthorizationDetails denied: principals null, "could not be verified"', () => {
    const [r] = normalizeAws({ provider: 'aws', accountId: OWN, buckets: [{ Name: BUCKET }], iam: { errors: [{ call: 'GetAccountAuthorizationDetails', code: 'AccessDenied', message: 'denied' }] } });
    assert.equal(r?.principals, null);
    assert.equal(r?.principalsNote, 'could not be verified: GetAccountAuthorizationDetails failed (AccessDenied)');
  });

  test('plain JSON documents are accepted as well as URL-encoded ones', () => {
    const snap = snapshotOf({});
    snap.iam = { authorizationDetails: { UserDetailList: [{ UserName: 'alice', Arn: userArn('alice'), UserPolicyList: [{ PolicyName: 'p', PolicyDocument: doc(allow('s3:GetObject')) }] }], GroupDetailList: [], RoleDetailList: [], Policies: [] } };
    assert.deepEqual(names(normalizeAws(snap)[0]?.principals?.read ?? []), ['alice']);
  });
});
