// Malformed input of any shape is a usage error (exit 2) naming the file and the field, never a crash (exit 3
// with no report) or a stack trace. A fuzz-style table: every value of rich AWS (single account and organization),
// GCS and Azure snapshots is replaced in turn with values of the wrong type; each result must either evaluate and
// render in every format, or be refused with a UsageError naming a field. Then the named cases of issue 13.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { parseSnapshot } from '../../src/snapshot.js';
import { parseConfig } from '../../src/config/load.js';
import { parseReport } from '../../reports/render/load.js';
import { FORMATS, renderFormat } from '../../reports/render/formats.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { offlineErrorsAreUsage } from '../../src/cli.js';

const enc = (o: unknown): string => encodeURIComponent(JSON.stringify(o));
const PROFILE = {
  sampled: { objects: 2, bytes: 100, skipped: [{ key: 'a', reason: 'too big' }] },
  objectsListed: 3,
  listingComplete: true,
  personalData: true,
  classes: ['specific_personal_information'],
  detections: [{ type: 'my_number', confidence: 'high', count: 2, masked: ['****-****-9018'], objects: 1 }],
  persons: { sampled: 2, estimate: { low: 2, high: 3, basis: 'rows' }, declared: 1500, over1000: true },
  examples: [{ key: 'staff.csv', types: ['my_number'] }],
  declared: { categories: ['person_name'], by: ['inventory[0]'] },
};
const PROBE = { at: '2026-11-22T00:00:00Z', list: { url: 'https://x/', status: 200 }, object: { url: 'https://x/a', status: 403, key: 'a' }, observed: { read: false, list: true } };

function awsBucket(name: string): Record<string, unknown> {
  return {
    Name: name,
    CreationDate: '2020-01-01T00:00:00Z',
    Region: 'ap-northeast-1',
    Acl: { Owner: { ID: 'own', DisplayName: 'o' }, Grants: [{ Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }, { Grantee: { Type: 'CanonicalUser', ID: 'other', DisplayName: 'x' }, Permission: 'FULL_CONTROL' }] },
    Policy: { Version: '2012-10-17', Statement: [{ Sid: 'p', Effect: 'Allow', Principal: { AWS: ['*'] }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${name}/*`], Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } } }] },
    PolicyStatus: { IsPublic: true },
    PublicAccessBlock: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
    Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'k' }, BucketKeyEnabled: true }] },
    Versioning: { Status: 'Enabled', MFADelete: 'Disabled' },
    Logging: { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'p/' } },
    Website: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'e.html' }, RoutingRules: [{}] },
    Lifecycle: { Rules: [{ ID: 'r', Status: 'Enabled' }] },
    ObjectLock: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } },
    Replication: { Role: 'arn:aws:iam::111111111111:role/r', Rules: [{ ID: 'r', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::d', Account: '222222222222' } }] },
    Tags: [{ Key: 'data-class', Value: 'personal' }],
    errors: [{ call: 'GetBucketCors', code: 'AccessDenied', message: 'no' }],
  };
}

const AWS = {
  provider: 'aws',
  snapshotVersion: 1,
  accountId: '111111111111',
  callerArn: 'arn:aws:iam::111111111111:user/audit',
  ownerCanonicalId: 'own',
  accountPublicAccessBlock: { BlockPublicAcls: false },
  errors: [{ call: 'ListBuckets', code: 'SlowDown', message: 'x' }],
  buckets: [awsBucket('hr-data')],
  iam: {
    authorizationDetails: {
      UserDetailList: [{ UserName: 'admin', Arn: 'arn:aws:iam::111111111111:user/admin', GroupList: ['admins'], UserPolicyList: [{ PolicyName: 'i', PolicyDocument: enc({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) }] }],
      GroupDetailList: [{ GroupName: 'admins', Arn: 'arn:aws:iam::111111111111:group/admins', AttachedManagedPolicies: [{ PolicyName: 'A', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] }],
      RoleDetailList: [{ RoleName: 'vendor', Arn: 'arn:aws:iam::111111111111:role/vendor', AssumeRolePolicyDocument: enc({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }] }), PermissionsBoundary: { PermissionsBoundaryArn: 'arn:aws:iam::111111111111:policy/b' } }],
      Policies: [{ Arn: 'arn:aws:iam::aws:policy/AdministratorAccess', DefaultVersionId: 'v1', PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] }],
    },
    passwordPolicy: { MinimumPasswordLength: 8 },
    accountSummary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 },
    credentialReport: { columns: ['user', 'password_enabled'], rows: [{ user: '<root_account>', password_enabled: 'not_supported' }] },
  },
  probes: { 'arn:aws:s3:::hr-data': PROBE },
  samples: { 'arn:aws:s3:::hr-data': { profile: PROFILE } },
};

const AWS_ORG = {
  provider: 'aws',
  snapshotVersion: 1,
  organization: { id: 'o-abc123', managementAccountId: '111111111111', memberRole: 'audit' },
  accounts: [{ provider: 'aws', accountId: '222222222222', accountName: 'hr', buckets: [awsBucket('org-hr')] }],
  skippedAccounts: [{ accountId: '444444444444', status: 'SUSPENDED' }],
  errors: [{ accountId: '333333333333', call: 'AssumeRole', code: 'AccessDenied', message: 'denied' }],
};

const GCP = {
  provider: 'gcp',
  snapshotVersion: 1,
  errors: [{ call: 'projects.search', code: 'PERMISSION_DENIED', message: 'x' }],
  projects: [
    {
      projectId: 'kumo-hr',
      projectNumber: '1',
      organization: { name: 'organizations/1', displayName: 'example.co.jp' },
      domains: ['example.co.jp'],
      orgPublicAccessPrevention: false,
      orgPolicy: { spec: {} },
      customRoles: { 'projects/kumo-hr/roles/r': { name: 'projects/kumo-hr/roles/r', includedPermissions: ['storage.objects.get'] } },
      buckets: [
        {
          metadata: {
            name: 'kumo-hr-exports',
            location: 'ASIA-NORTHEAST1',
            locationType: 'dual-region',
            storageClass: 'STANDARD',
            customPlacementConfig: { dataLocations: ['ASIA-NORTHEAST1', 'ASIA-NORTHEAST2'] },
            iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' },
            encryption: { defaultKmsKeyName: 'k' },
            versioning: { enabled: true },
            softDeletePolicy: { retentionDurationSeconds: '604800' },
            retentionPolicy: { retentionPeriod: '10' },
            logging: { logBucket: 'logs' },
            website: { mainPageSuffix: 'index.html' },
            labels: { 'data-class': 'personal' },
            lifecycle: { rule: [{ action: { type: 'Delete' }, condition: { age: 30 } }] },
            acl: [{ entity: 'allUsers', role: 'READER' }],
            defaultObjectAcl: [{ entity: 'allAuthenticatedUsers', role: 'READER' }],
          },
          iamPolicy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers', 'user:a@gmail.com'] }, { role: 'projects/kumo-hr/roles/r', members: ['domain:partner.example'], condition: { title: 't', expression: 'request.time < timestamp("2030-01-01T00:00:00Z")' } }] },
          bucketAcl: [{ entity: 'allUsers', role: 'READER' }],
          defaultObjectAcl: [{ entity: 'allUsers', role: 'READER' }],
          objectAcls: { 'a.csv': [{ entity: 'allUsers', role: 'READER' }] },
          errors: [{ call: 'getIamPolicy', code: 'PERMISSION_DENIED', message: 'x' }],
        },
      ],
    },
  ],
  probes: { 'gs://kumo-hr-exports': PROBE },
  samples: { 'gs://kumo-hr-exports': { profile: PROFILE }, 'gs://other': { profile: null, error: 'listing failed' } },
};

const AZURE = {
  provider: 'azure',
  snapshotVersion: 1,
  mode: 'arm',
  subscriptionId: 'sub-1',
  subscriptions: [{ subscriptionId: 'sub-1', displayName: 'prod' }],
  errors: [{ subscriptionId: 'sub-2', call: 'StorageAccounts.list', code: 'AuthorizationFailed', message: 'x' }],
  accounts: [
    {
      properties: {
        id: '/subscriptions/sub-1/resourceGroups/hr/providers/Microsoft.Storage/storageAccounts/kumohr',
        name: 'kumohr',
        location: 'japaneast',
        kind: 'StorageV2',
        allowBlobPublicAccess: true,
        allowSharedKeyAccess: true,
        enableHttpsTrafficOnly: false,
        minimumTlsVersion: 'TLS1_0',
        publicNetworkAccess: 'Enabled',
        allowCrossTenantReplication: true,
        networkRuleSet: { defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [{ value: '1.2.3.4', action: 'Allow' }], virtualNetworkRules: [{ id: 'v' }] },
        encryption: { keySource: 'Microsoft.Keyvault', keyvaultproperties: { keyname: 'k' }, requireInfrastructureEncryption: true },
        primaryEndpoints: { blob: 'https://kumohr.blob.core.windows.net/', web: 'https://kumohr.z11.web.core.windows.net/' },
        sku: { name: 'Standard_GRS' },
        tags: { 'data-class': 'personal' },
      },
      blobService: {
        isVersioningEnabled: true,
        deleteRetentionPolicy: { enabled: true, days: 7 },
        containerDeleteRetentionPolicy: { enabled: true, days: 7 },
        staticWebsite: { enabled: true, indexDocument: 'index.html' },
        diagnosticSettings: [{ id: 'd', name: 'd', properties: { logs: [{ category: 'StorageRead', enabled: true }], workspaceId: 'w' } }],
      },
      containers: [{ name: 'exports', publicAccess: 'container' }, { name: 'private', publicAccess: null }],
      errors: [{ call: 'getAccessPolicy', code: 'AuthorizationFailed', message: 'x' }],
    },
  ],
  probes: { 'https://kumohr.blob.core.windows.net/exports': PROBE },
};

const WRONG: unknown[] = [null, -1, 'x', [], {}, [null], [{}]];

type Path = (string | number)[];

/** Every path into `v`, once per pattern (the first of `buckets[0].Tags[1]` and `buckets[2].Tags[0]`). */
function pathsOf(v: unknown, path: Path = [], out: Path[] = [], seen = new Set<string>()): Path[] {
  const pattern = path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');
  if (seen.has(pattern)) return out;
  seen.add(pattern);
  out.push(path);
  if (typeof v === 'object' && v !== null) {
    for (const [k, child] of Array.isArray(v) ? v.map((c, i) => [i, c] as const) : Object.entries(v)) pathsOf(child, [...path, k], out, seen);
  }
  return out;
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
}

/** undefined when the document evaluates and renders, the UsageError's message when refused; throws otherwise. */
function evaluate(doc: unknown): string | undefined {
  try {
    const snapshot = parseSnapshot(JSON.stringify(doc), 'fuzz.json');
    const report = evaluateSnapshot(snapshot, { source: 'snapshot', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z' });
    for (const format of FORMATS) renderFormat(format, [report], { lang: 'ja' });
    // The report a renderer writes is a report `kumoscan report` reads back.
    parseReport(renderFormat('json', [report], { lang: 'en' }), 'fuzz-report.json');
    return undefined;
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
}

describe('malformed snapshots: every field, every wrong type', () => {
  const cases: [string, unknown][] = [
    ['aws', AWS],
    ['aws organization', AWS_ORG],
    ['gcp', GCP],
    ['azure', AZURE],
    ['aws example', JSON.parse(readFileSync(packagePath('examples', 'aws-hr-system.snapshot.json'), 'utf8'))],
  ];
  for (const [name, doc] of cases) {
    test(`${name}: each value replaced by ${WRONG.length} wrong ones evaluates or is refused naming the field`, () => {
      assert.equal(evaluate(doc), undefined, 'the unmodified snapshot is valid');
      const crashes: string[] = [];
      let refused = 0;
      let runs = 0;
      for (const path of pathsOf(doc).slice(1)) {
        for (const value of WRONG) {
          runs++;
          try {
            const message = evaluate(replaced(doc, path, value));
            if (message === undefined) continue;
            refused++;
            assert.match(message, /^fuzz\.json: /, 'the file is named');
            assert.doesNotMatch(message, /\n/, 'one line');
          } catch (err) {
            const kind = `${path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.')}: ${err instanceof Error ? `${err.name}: ${err.message.slice(0, 120)}` : String(err)}`;
            if (!crashes.includes(kind)) crashes.push(kind);
          }
        }
      }
      assert.deepEqual(crashes, [], `${crashes.length} kinds of crash in ${runs} runs`);
      assert.ok(refused > runs / 4, `most wrong values are refused (${refused} of ${runs})`);
    });
  }
});

describe('the malformed inputs of issue 13 (exit 2, the file and the field)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-malformed-'));
  const example = JSON.parse(readFileSync(packagePath('examples', 'aws-hr-system.snapshot.json'), 'utf8')) as { buckets: Record<string, unknown>[] };
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const withBucket = (edit: (b: Record<string, unknown>) => void): string => {
    const doc = structuredClone(example);
    edit(doc.buckets[0] as Record<string, unknown>);
    return JSON.stringify(doc).replace('"@NESTED@"', nested);
  };
  // 10,000 arrays deep, as text: JSON.stringify itself would overflow the stack.
  const nested = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
  const deepYaml = `version: 1\nscan: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
  const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', ''].join('\n');
  const snapshotCases: [string, string, RegExp][] = [
    ['Grants: [null]', withBucket((b) => (b.Acl = { Grants: [null] })), /^kumoscan: \S+grants\.json: buckets\[0\]\.Acl\.Grants\[0\] must be an object\n$/],
    ['tags nested 10,000 deep', withBucket((b) => (b.Tags = [{ Key: 'k', Value: '@NESTED@' }])), /^kumoscan: \S+tags\.json: buckets\[0\]\.Tags\[0\]\.Value\[0\]… is nested more than 100 levels deep\n$/],
    ['a JSON array', '[1, 2]', /^kumoscan: \S+array\.json: a snapshot must be a JSON object\n$/],
    ['a JSON string', '"snapshot"', /^kumoscan: \S+string\.json: a snapshot must be a JSON object\n$/],
    ['JSON null', 'null', /^kumoscan: \S+null\.json: a snapshot must be a JSON object\n$/],
    ['Encryption rules of numbers', withBucket((b) => (b.Encryption = { Rules: [1] })), /^kumoscan: \S+rules\.json: buckets\[0\]\.Encryption\.Rules\[0\] must be an object\n$/],
    ['a tag value that is a number', withBucket((b) => (b.Tags = [{ Key: 'k', Value: 5 }])), /^kumoscan: \S+tagvalue\.json: buckets\[0\]\.Tags\[0\]\.Value must be a string\n$/],
  ];
  const names = ['grants', 'tags', 'array', 'string', 'null', 'rules', 'tagvalue'];
  snapshotCases.forEach(([label, text, expected], i) => {
    test(`scan --input: ${label}`, async () => {
      const res = await runCli(['scan', '--input', write(`${names[i]}.json`, text), '--format', 'json']);
      assert.equal(res.code, 2, res.stderr);
      assert.match(res.stderr, expected);
      assert.equal(res.stdout, '');
    });
  });

  test('kumoscan.yml: an alias bomb, nesting 10,000 deep and a list at the top are one line each, exit 2', async () => {
    const snap = packagePath('examples', 'aws-hr-system.snapshot.json');
    for (const [name, text, expected] of [
      ['bomb.yml', bomb, /^kumoscan: \S+bomb\.yml: YAML aliases: expanded more than 100 times \(an alias bomb\?\); write the values out\n$/],
      ['deep.yml', deepYaml, /^kumoscan: \S+deep\.yml: line 2, column \d+: YAML syntax error: nested too deeply \(at most 100 levels\)\n$/],
      ['list.yml', '- version: 1\n', /^kumoscan: \S+list\.yml: \(top level\): must be a mapping of keys \(got a list\)\n$/],
    ] as const) {
      const res = await runCli(['scan', '--input', snap, '--config', write(name, text)]);
      assert.equal(res.code, 2, `${name}: ${res.stderr}`);
      assert.match(res.stderr, expected);
      assert.doesNotMatch(res.stderr, /\n.+/, 'one line');
    }
  });

  test('parseConfig: an alias bomb is refused without expanding it', () => {
    const started = Date.now();
    assert.throws(() => parseConfig(bomb, 'k.yml'), (e: unknown) => e instanceof UsageError && /alias/.test(e.message));
    assert.ok(Date.now() - started < 2000);
  });

  test('report / diff / merge: a report that is not an object, or nested 10,000 deep, is exit 2 naming the file', async () => {
    const arr = write('report-array.json', '[]');
    const deep = write('report-deep.json', `{"tool": {"name": "kumoscan"}, "schemaVersion": "1.0.0", "x": ${nested}}`);
    for (const args of [['report', arr], ['diff', arr, arr], ['merge', arr], ['report', deep]]) {
      const res = await runCli(args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.match(res.stderr, /^kumoscan: \S+report-(array|deep)\.json/);
      assert.doesNotMatch(res.stderr, /\n.+/, 'one line');
    }
  });
});

describe('the safety net of scan --input', () => {
  test('an evaluation error on a saved snapshot is a usage error naming the file; a live scan keeps its error', async () => {
    const boom = (): Promise<never> => Promise.reject(new TypeError('x.map is not a function'));
    await assert.rejects(
      offlineErrorsAreUsage('snap.json', boom),
      (e: unknown) => e instanceof UsageError && e.message === 'snap.json: this snapshot cannot be evaluated (TypeError: x.map is not a function); check its shape against docs/snapshot.md',
    );
    await assert.rejects(offlineErrorsAreUsage(undefined, boom), (e: unknown) => e instanceof TypeError);
    const usage = new UsageError('snap.json: buckets must be an array');
    await assert.rejects(offlineErrorsAreUsage('snap.json', () => Promise.reject(usage)), (e: unknown) => e === usage);
  });
});
