// The AWS least-privilege documents (docs/permissions/aws-*.json) kept in sync with the code: every AWS SDK command
// (and credential provider that calls AWS) imported by src/ or providers/ maps, through the table below, to IAM
// actions granted by the right document; every granted action is needed by some command (minimality). A new
// command fails here until the table and the document are updated.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AWS_CHANGES as CHANGES, AWS_DOCS as DOCS, AWS_READS as READS, AWS_OPERATION_ACTIONS, AWS_ORG as ORG, AWS_SAMPLING as SAMPLING, AWS_SCAN as SCAN, type AwsDoc as Doc } from '../helpers/aws-permissions-table.js';
import { awsGrants, awsOperationsInCode, dynamicAwsImports, readIamPolicy, type AwsOperation } from '../helpers/permissions.js';

/** Actions granted although no code calls them (none: every grant is used). */
const GRANTED_AHEAD_OF_CODE = new Set<string>();

/** What is wrong between the operations the code uses and the documents (empty: in sync). */
export function awsSyncProblems(ops: readonly AwsOperation[], grants: Map<string, string[]>, allowUnused: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const needed = new Set<string>();
  for (const op of ops) {
    const key = `${op.client}:${op.operation}`;
    const entry = AWS_OPERATION_ACTIONS[key];
    if (!entry) {
      problems.push(`${op.file} uses ${key}, which is not in AWS_OPERATION_ACTIONS (test/helpers/aws-permissions-table.ts): add its IAM action there and to the right docs/permissions/aws-*.json`);
      continue;
    }
    for (const action of entry.actions) {
      needed.add(action);
      const docs = grants.get(action) ?? [];
      if (entry.doc !== null && !docs.includes(entry.doc)) problems.push(`${op.file} uses ${key}: ${action} is not granted by docs/permissions/${entry.doc}`);
    }
  }
  for (const [action, docs] of grants) {
    if (!needed.has(action) && !allowUnused.has(action)) problems.push(`${docs.join(', ')} grants ${action}, which no code calls: remove it (least privilege)`);
  }
  return problems;
}

describe('AWS permission documents', () => {
  const ops = awsOperationsInCode(['src', 'providers']);

  test('the source scan finds the commands the collector and reader send (aliases resolved)', () => {
    const keys = ops.map((o) => `${o.client}:${o.operation}`);
    for (const k of ['s3:GetBucketAcl', 's3:ListBuckets', 's3:ListObjectsV2', 's3:GetObject', 's3-control:GetPublicAccessBlock', 'sts:GetCallerIdentity', 'iam:GetAccountAuthorizationDetails', 'credential-providers:fromTemporaryCredentials', 'cloudtrail:LookupEvents', 'cloudtrail:DescribeTrails', 'cloudtrail:GetEventSelectors']) {
      assert.ok(keys.includes(k), `${k} not found in ${keys.join(', ')}`);
    }
  });

  test('AWS SDK clients are imported statically (a dynamic import would hide its commands from this check)', () => {
    assert.deepEqual(dynamicAwsImports(['src', 'providers']), []);
  });

  test('every command the code uses is granted by its document, and every granted action is used', () => {
    assert.deepEqual(awsSyncProblems(ops, awsGrants(DOCS), GRANTED_AHEAD_OF_CODE), []);
  });

  test('the check fails on a command the table does not know and on an action the code does not need', () => {
    const extra: AwsOperation = { client: 's3', operation: 'GetBucketInventoryConfiguration', file: 'providers/aws/collect.ts' };
    const grants = awsGrants(DOCS);
    grants.set('s3:PutBucketAcl', [SCAN]);
    assert.deepEqual(awsSyncProblems([...ops, extra], grants, GRANTED_AHEAD_OF_CODE), [
      'providers/aws/collect.ts uses s3:GetBucketInventoryConfiguration, which is not in AWS_OPERATION_ACTIONS (test/helpers/aws-permissions-table.ts): add its IAM action there and to the right docs/permissions/aws-*.json',
      'aws-iam-policy.json grants s3:PutBucketAcl, which no code calls: remove it (least privilege)',
    ]);
    const noSampling = awsGrants([SCAN, ORG]);
    assert.deepEqual(awsSyncProblems(ops, noSampling, GRANTED_AHEAD_OF_CODE).filter((p) => p.includes('aws-sampling-policy.json')).length, 2);
  });

  test('read-only: no wildcard, no write verb (GenerateCredentialReport only asks IAM to build its report)', () => {
    for (const [action] of awsGrants(DOCS)) {
      assert.doesNotMatch(action, /\*/, action);
      const verb = action.split(':')[1] ?? '';
      if (action !== 'iam:GenerateCredentialReport' && action !== 'sts:AssumeRole') assert.match(verb, /^(Get|List|Describe|Lookup)/, action);
    }
  });

  test('statements: Allow only, version 2012-10-17, resources as narrow as the actions allow', () => {
    for (const doc of DOCS) {
      const p = readIamPolicy(doc);
      assert.equal(p.Version, '2012-10-17');
      for (const s of p.Statement) assert.equal(s.Effect, 'Allow');
    }
    const resourcesOf = (doc: Doc, action: string): string[] =>
      readIamPolicy(doc).Statement.filter((s) => ([] as string[]).concat(s.Action).includes(action)).flatMap((s) => ([] as string[]).concat(s.Resource));
    assert.deepEqual(resourcesOf(SCAN, 's3:GetBucketPolicy'), ['arn:aws:s3:::*']);
    assert.deepEqual(resourcesOf(SAMPLING, 's3:ListBucket'), ['arn:aws:s3:::*']);
    assert.deepEqual(resourcesOf(SAMPLING, 's3:GetObject'), ['arn:aws:s3:::*/*']);
    assert.deepEqual(resourcesOf(ORG, 'sts:AssumeRole'), ['arn:aws:iam::*:role/kumoscan-audit']);
    // CloudTrail LookupEvents has no resource-level permissions: "*", in its own document (--evidence changes).
    assert.deepEqual(resourcesOf(CHANGES, 'cloudtrail:LookupEvents'), ['*']);
    assert.equal(awsGrants([SCAN, SAMPLING, ORG]).has('cloudtrail:LookupEvents'), false);
    // Finding a bucket's trail (--evidence reads): DescribeTrails has no resource-level permissions; GetEventSelectors
    // names trails. In their own document, not in the others.
    assert.deepEqual(resourcesOf(READS, 'cloudtrail:DescribeTrails'), ['*']);
    assert.deepEqual(resourcesOf(READS, 'cloudtrail:GetEventSelectors'), ['arn:aws:cloudtrail:*:*:trail/*']);
    assert.equal(awsGrants([SCAN, SAMPLING, ORG, CHANGES]).has('cloudtrail:DescribeTrails'), false);
    // Object reads are in the sampling document only.
    assert.equal(awsGrants([SCAN, ORG]).has('s3:GetObject'), false);
  });
});
