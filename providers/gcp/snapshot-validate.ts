// Structural validation of a GCS raw snapshot (docs/snapshot.md). Semantics are normalize's job.
import { z } from 'zod';
import { expect, expectShape, expectUniqueNames, isObject, validateErrors } from '../../src/validate.js';
import type { GcpSnapshot } from './snapshot-types.js';

function validateAcl(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(Array.isArray(v), where, 'must be an array of access control entries ({entity, role})');
  v.forEach((e: unknown, i: number) => {
    expect(isObject(e) && typeof e.entity === 'string' && typeof e.role === 'string', `${where}[${i}]`, 'must be an access control entry with string entity and role');
  });
}

function validatePolicy(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(isObject(v), where, 'must be an IAM policy object');
  const bindings = v.bindings;
  if (bindings === undefined) return;
  expect(Array.isArray(bindings), `${where}.bindings`, 'must be an array');
  bindings.forEach((b: unknown, i: number) => {
    const at = `${where}.bindings[${i}]`;
    expect(isObject(b) && typeof b.role === 'string', at, 'must be a binding with a string role');
    expect(b.members === undefined || (Array.isArray(b.members) && b.members.every((m) => typeof m === 'string')), `${at}.members`, 'must be an array of strings');
    expect(b.condition === undefined || isObject(b.condition), `${at}.condition`, 'must be an object');
  });
}

// The shapes of the nested metadata values normalize reads (other keys are kept).
const METADATA_PARTS = z.looseObject({
  locationType: z.string().optional(),
  storageClass: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  customPlacementConfig: z.looseObject({ dataLocations: z.array(z.string()).optional() }).optional(),
  iamConfiguration: z
    .looseObject({
      publicAccessPrevention: z.string().optional(),
      uniformBucketLevelAccess: z.looseObject({ enabled: z.boolean().optional() }).optional(),
      bucketPolicyOnly: z.looseObject({ enabled: z.boolean().optional() }).optional(),
    })
    .optional(),
  encryption: z.looseObject({ defaultKmsKeyName: z.string().optional() }).optional(),
  versioning: z.looseObject({ enabled: z.boolean().optional() }).optional(),
  logging: z.looseObject({ logBucket: z.string().optional(), logObjectPrefix: z.string().optional() }).optional(),
  website: z.looseObject({ mainPageSuffix: z.string().optional(), notFoundPage: z.string().optional() }).optional(),
});

function validateBucket(b: unknown, where: string): void {
  expect(isObject(b), where, 'must be an object with "metadata"');
  const md = b.metadata;
  expect(isObject(md), `${where}.metadata`, 'must be the bucket resource');
  expect(typeof md.name === 'string' && md.name.length > 0, `${where}.metadata.name`, 'must be a non-empty string');
  for (const k of ['iamConfiguration', 'encryption', 'versioning', 'softDeletePolicy', 'retentionPolicy', 'logging', 'website', 'labels', 'lifecycle', 'customPlacementConfig']) {
    expect(md[k] === undefined || isObject(md[k]), `${where}.metadata.${k}`, 'must be an object');
  }
  expect(md.location === undefined || typeof md.location === 'string', `${where}.metadata.location`, 'must be a string');
  expectShape(METADATA_PARTS, md, `${where}.metadata`);
  validateAcl(md.acl, `${where}.metadata.acl`);
  validateAcl(md.defaultObjectAcl, `${where}.metadata.defaultObjectAcl`);
  validatePolicy(b.iamPolicy, `${where}.iamPolicy`);
  validateAcl(b.bucketAcl, `${where}.bucketAcl`);
  validateAcl(b.defaultObjectAcl, `${where}.defaultObjectAcl`);
  if (b.objectAcls !== undefined) {
    expect(isObject(b.objectAcls), `${where}.objectAcls`, 'must be an object of ACL arrays by object name');
    for (const [name, acl] of Object.entries(b.objectAcls)) validateAcl(acl, `${where}.objectAcls[${JSON.stringify(name)}]`);
  }
  validateErrors(b.errors, `${where}.errors`);
}

function validateProject(p: Record<string, unknown>, where: string): void {
  const at = (k: string): string => (where ? `${where}.${k}` : k);
  expect(typeof p.projectId === 'string' && p.projectId.length > 0, at('projectId'), 'must be a non-empty string (the project id)');
  expect(p.projectNumber === undefined || typeof p.projectNumber === 'string', at('projectNumber'), 'must be a string');
  expect(
    p.orgPublicAccessPrevention === true || p.orgPublicAccessPrevention === false || p.orgPublicAccessPrevention === null,
    at('orgPublicAccessPrevention'),
    'must be true, false or null (null = the org policy could not be read)',
  );
  expect(p.domains === undefined || (Array.isArray(p.domains) && p.domains.every((d) => typeof d === 'string')), at('domains'), 'must be an array of domain names');
  expect(p.organization === undefined || (isObject(p.organization) && typeof p.organization.name === 'string'), at('organization'), 'must be {name, displayName}');
  expect(p.orgPolicy === undefined || isObject(p.orgPolicy), at('orgPolicy'), 'must be an object');
  if (p.customRoles !== undefined) {
    expect(isObject(p.customRoles), at('customRoles'), 'must be an object of roles by name');
    for (const [name, role] of Object.entries(p.customRoles)) {
      const r = at(`customRoles[${JSON.stringify(name)}]`);
      expect(isObject(role), r, 'must be a role object');
      expect(role.includedPermissions === undefined || (Array.isArray(role.includedPermissions) && role.includedPermissions.every((x) => typeof x === 'string')), `${r}.includedPermissions`, 'must be an array of permission names');
    }
  }
  validateErrors(p.errors, at('errors'));
  expect(Array.isArray(p.buckets), at('buckets'), 'must be an array');
  p.buckets.forEach((b: unknown, i: number) => validateBucket(b, at(`buckets[${i}]`)));
}

/** Every bucket name with its place, over one project or all of them (bucket names are global). */
function gcsBucketNames(doc: Record<string, unknown>): { name: unknown; where: string }[] {
  const projects = Array.isArray(doc.projects) ? (doc.projects as Record<string, unknown>[]).map((p, i) => ({ p, at: `projects[${i}].` })) : [{ p: doc, at: '' }];
  return projects.flatMap(({ p, at }) => (p.buckets as { metadata?: { name?: unknown } }[]).map((b, i) => ({ name: b.metadata?.name, where: `${at}buckets[${i}].metadata.name` })));
}

export function validateGcpSnapshot(doc: Record<string, unknown>): GcpSnapshot {
  if (doc.projects !== undefined) {
    expect(Array.isArray(doc.projects), 'projects', 'must be an array of project snapshots');
    expect(doc.projectId === undefined && doc.buckets === undefined, 'projects', 'cannot be combined with a top-level projectId / buckets (use one shape or the other)');
    validateErrors(doc.errors, 'errors');
    doc.projects.forEach((p: unknown, i: number) => {
      expect(isObject(p), `projects[${i}]`, 'must be an object');
      validateProject(p, `projects[${i}]`);
    });
  } else {
    validateProject(doc, '');
  }
  expectUniqueNames(gcsBucketNames(doc), 'each bucket may appear once');
  return doc as unknown as GcpSnapshot;
}
