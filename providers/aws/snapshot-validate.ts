// Structural validation of an AWS raw snapshot (docs/snapshot.md). Semantics are normalize's job.
import { z } from 'zod';
import { expect, expectShape, expectUniqueNames, isObject, validateErrors } from '../../src/validate.js';
import type { AwsSnapshot } from './snapshot-types.js';

const BPA_KEYS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];
const OBJECT_KEYS = ['Acl', 'PolicyStatus', 'PublicAccessBlock', 'OwnershipControls', 'Encryption', 'Versioning', 'Logging', 'Website', 'Lifecycle', 'ObjectLock', 'Replication'];

function validateBpa(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(isObject(v), where, 'must be an object with BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets');
  for (const k of BPA_KEYS) {
    const flag = v[k];
    expect(flag === undefined || typeof flag === 'boolean', `${where}.${k}`, 'must be true or false');
  }
}

// The shapes of the bucket's sub-objects that normalize reads (AWS's response shapes; other keys are kept).
const str = z.string().optional();
const rules = <T extends z.ZodType>(rule: T) => z.looseObject({ Rules: z.array(rule).optional() });
const BUCKET_PARTS = z.looseObject({
  Acl: z
    .looseObject({
      Owner: z.looseObject({ ID: str, DisplayName: str }).optional(),
      // Grantee and Permission values are judged by normalize (a malformed grant is recorded there); their types are checked here.
      Grants: z.array(z.looseObject({ Grantee: z.looseObject({ Type: str, ID: str, DisplayName: str, EmailAddress: str, URI: str }).nullable().optional(), Permission: z.string().nullable().optional() })).optional(),
    })
    .optional(),
  PolicyStatus: z.looseObject({ IsPublic: z.boolean().optional() }).optional(),
  OwnershipControls: rules(z.looseObject({ ObjectOwnership: str })).optional(),
  Encryption: rules(z.looseObject({ ApplyServerSideEncryptionByDefault: z.looseObject({ SSEAlgorithm: str, KMSMasterKeyID: str }).optional(), BucketKeyEnabled: z.boolean().optional() })).optional(),
  Versioning: z.looseObject({ Status: str, MFADelete: str }).optional(),
  Logging: z.looseObject({ LoggingEnabled: z.looseObject({ TargetBucket: str, TargetPrefix: str }).optional() }).optional(),
  Website: z
    .looseObject({
      IndexDocument: z.looseObject({ Suffix: str }).optional(),
      ErrorDocument: z.looseObject({ Key: str }).optional(),
      RedirectAllRequestsTo: z.looseObject({ HostName: str, Protocol: str }).optional(),
      RoutingRules: z.array(z.unknown()).optional(),
    })
    .optional(),
  Lifecycle: rules(z.looseObject({ ID: str, Status: str })).optional(),
  ObjectLock: z
    .looseObject({
      ObjectLockEnabled: str,
      Rule: z.looseObject({ DefaultRetention: z.looseObject({ Mode: str, Days: z.number().optional(), Years: z.number().optional() }).optional() }).optional(),
    })
    .optional(),
  Replication: z.looseObject({ Role: str, Rules: z.array(z.looseObject({ ID: str, Status: str, Destination: z.looseObject({ Bucket: str, Account: str }).optional() })).optional() }).optional(),
  Tags: z.union([z.array(z.looseObject({ Key: z.string(), Value: z.string() })), z.record(z.string(), z.string())]).optional(),
  CreationDate: str,
});

const DOCUMENT = 'must be the policy document: a (URL-encoded) JSON string or an object';

function validateDocument(v: unknown, where: string, required = false): void {
  if (v === undefined && !required) return;
  expect(typeof v === 'string' || isObject(v), where, DOCUMENT);
}

function validateInlinePolicies(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(Array.isArray(v), where, 'must be an array of {PolicyName, PolicyDocument}');
  v.forEach((p: unknown, i: number) => {
    expect(isObject(p), `${where}[${i}]`, 'must be an object');
    expect(p.PolicyName === undefined || typeof p.PolicyName === 'string', `${where}[${i}].PolicyName`, 'must be a string');
    validateDocument(p.PolicyDocument, `${where}[${i}].PolicyDocument`);
  });
}

function validateAttached(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(Array.isArray(v) && v.every((p) => isObject(p) && (p.PolicyArn === undefined || typeof p.PolicyArn === 'string')), where, 'must be an array of {PolicyName, PolicyArn}');
}

function validateEntities(v: unknown, where: string, nameKey: string, check: (e: Record<string, unknown>, at: string) => void): void {
  expect(Array.isArray(v), where, 'must be an array');
  v.forEach((e: unknown, i: number) => {
    const at = `${where}[${i}]`;
    expect(isObject(e), at, 'must be an object');
    expect(typeof e[nameKey] === 'string' && e[nameKey] !== '', `${at}.${nameKey}`, 'must be a non-empty string');
    expect(typeof e.Arn === 'string' && e.Arn.startsWith('arn:'), `${at}.Arn`, 'must be an ARN');
    check(e, at);
  });
}

function validateBoundary(v: unknown, where: string): void {
  expect(v === undefined || (isObject(v) && (v.PermissionsBoundaryArn === undefined || typeof v.PermissionsBoundaryArn === 'string')), where, 'must be {PermissionsBoundaryType, PermissionsBoundaryArn}');
}

/** The `iam` key (docs/snapshot.md, "IAM"). Optional: a snapshot without it evaluates with identities unknown. */
function validateIam(v: unknown): void {
  if (v === undefined) return;
  expect(isObject(v), 'iam', 'must be an object');
  const d = v.authorizationDetails;
  if (d !== undefined) {
    expect(isObject(d), 'iam.authorizationDetails', 'must be the GetAccountAuthorizationDetails answer');
    validateEntities(d.UserDetailList, 'iam.authorizationDetails.UserDetailList', 'UserName', (u, at) => {
      validateInlinePolicies(u.UserPolicyList, `${at}.UserPolicyList`);
      validateAttached(u.AttachedManagedPolicies, `${at}.AttachedManagedPolicies`);
      expect(u.GroupList === undefined || (Array.isArray(u.GroupList) && u.GroupList.every((g) => typeof g === 'string')), `${at}.GroupList`, 'must be an array of group names');
      validateBoundary(u.PermissionsBoundary, `${at}.PermissionsBoundary`);
    });
    validateEntities(d.GroupDetailList, 'iam.authorizationDetails.GroupDetailList', 'GroupName', (g, at) => {
      validateInlinePolicies(g.GroupPolicyList, `${at}.GroupPolicyList`);
      validateAttached(g.AttachedManagedPolicies, `${at}.AttachedManagedPolicies`);
    });
    validateEntities(d.RoleDetailList, 'iam.authorizationDetails.RoleDetailList', 'RoleName', (r, at) => {
      validateDocument(r.AssumeRolePolicyDocument, `${at}.AssumeRolePolicyDocument`);
      validateInlinePolicies(r.RolePolicyList, `${at}.RolePolicyList`);
      validateAttached(r.AttachedManagedPolicies, `${at}.AttachedManagedPolicies`);
      validateBoundary(r.PermissionsBoundary, `${at}.PermissionsBoundary`);
    });
    expect(Array.isArray(d.Policies), 'iam.authorizationDetails.Policies', 'must be an array');
    d.Policies.forEach((p: unknown, i: number) => {
      const at = `iam.authorizationDetails.Policies[${i}]`;
      expect(isObject(p) && typeof p.Arn === 'string', at, 'must be an object with an Arn');
      expect(p.PolicyVersionList === undefined || Array.isArray(p.PolicyVersionList), `${at}.PolicyVersionList`, 'must be an array');
      (p.PolicyVersionList as unknown[] | undefined)?.forEach((ver, j) => {
        expect(isObject(ver), `${at}.PolicyVersionList[${j}]`, 'must be an object');
        validateDocument(ver.Document, `${at}.PolicyVersionList[${j}].Document`);
      });
    });
  }
  expect(v.passwordPolicy === undefined || v.passwordPolicy === null || isObject(v.passwordPolicy), 'iam.passwordPolicy', 'must be the PasswordPolicy object, or null (NoSuchEntity: no policy)');
  if (isObject(v.passwordPolicy)) {
    for (const k of ['MinimumPasswordLength', 'PasswordReusePrevention', 'MaxPasswordAge']) {
      const n = v.passwordPolicy[k];
      expect(n === undefined || typeof n === 'number', `iam.passwordPolicy.${k}`, 'must be a number');
    }
  }
  const summary = v.accountSummary;
  expect(summary === undefined || (isObject(summary) && Object.values(summary).every((n) => typeof n === 'number')), 'iam.accountSummary', 'must be the SummaryMap: an object of numbers');
  const report = v.credentialReport;
  if (report !== undefined) {
    expect(isObject(report), 'iam.credentialReport', 'must be an object with columns and rows');
    expect(Array.isArray(report.columns) && report.columns.every((c) => typeof c === 'string'), 'iam.credentialReport.columns', 'must be an array of column names');
    expect(Array.isArray(report.rows), 'iam.credentialReport.rows', 'must be an array of objects');
    report.rows.forEach((r: unknown, i: number) => {
      expect(isObject(r) && Object.values(r).every((x) => typeof x === 'string'), `iam.credentialReport.rows[${i}]`, 'must map column names to strings');
    });
  }
  validateErrors(v.errors, 'iam.errors');
}

export function validateAwsSnapshot(doc: Record<string, unknown>): AwsSnapshot {
  expect(typeof doc.accountId === 'string' && doc.accountId.length > 0, 'accountId', 'must be a non-empty string (the 12-digit account id)');
  validateBpa(doc.accountPublicAccessBlock, 'accountPublicAccessBlock');
  validateErrors(doc.errors, 'errors');
  validateIam(doc.iam);
  expect(Array.isArray(doc.buckets), 'buckets', 'must be an array');
  doc.buckets.forEach((b: unknown, i: number) => {
    const where = `buckets[${i}]`;
    expect(isObject(b), where, 'must be an object');
    expect(typeof b.Name === 'string' && b.Name.length > 0, `${where}.Name`, 'must be a non-empty string');
    expect(b.Region === undefined || typeof b.Region === 'string', `${where}.Region`, 'must be a string');
    expect(b.Policy === undefined || typeof b.Policy === 'string' || isObject(b.Policy), `${where}.Policy`, 'must be the policy JSON string or a policy object');
    for (const k of OBJECT_KEYS) {
      expect(b[k] === undefined || isObject(b[k]), `${where}.${k}`, 'must be an object');
    }
    expect(b.Tags === undefined || Array.isArray(b.Tags) || isObject(b.Tags), `${where}.Tags`, 'must be a TagSet array or an object');
    expectShape(BUCKET_PARTS, b, where);
    validateBpa(b.PublicAccessBlock, `${where}.PublicAccessBlock`);
    validateErrors(b.errors, `${where}.errors`);
  });
  expectUniqueNames(doc.buckets.map((b: Record<string, unknown>, i: number) => ({ name: b.Name, where: `buckets[${i}].Name` })), 'each bucket may appear once');
  return doc as unknown as AwsSnapshot;
}
