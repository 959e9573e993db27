// GCS access evaluation (providers/gcp/access.ts): the role table of PUBLIC-ACCESS.md for allUsers and
// allAuthenticatedUsers, custom roles, IAM conditions, Public Access Prevention (bucket and org policy,
// true/false/null), uniform bucket-level access with ACLs, default object ACL, object ACL sample, unknown
// inputs, and external principals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Capability, CollectError, Evidence, Tri } from '../../src/model.js';
import { classifyMember, evaluateGcsAccess, serviceAccountProject, type GcpProjectContext } from '../../providers/gcp/access.js';
import { orgPolicyEnforced } from '../../providers/gcp/collect.js';
import { capabilitiesOf, lookupRole, PREDEFINED_ROLES } from '../../providers/gcp/roles.js';
import type { GcsAclEntry, GcsBucketSnapshot, GcsIamBinding } from '../../providers/gcp/snapshot-types.js';

const PROJECT = 'kumo-hr-prod';
const NUMBER = '123456789012';

function project(edit?: (p: GcpProjectContext) => void): GcpProjectContext {
  const p: GcpProjectContext = { projectId: PROJECT, projectNumber: NUMBER, orgPublicAccessPrevention: false, errors: [], domains: ['example.co.jp'] };
  edit?.(p);
  return p;
}

interface BucketOpts {
  bindings?: GcsIamBinding[];
  uniform?: boolean;
  pap?: string;
  bucketAcl?: GcsAclEntry[];
  defaultObjectAcl?: GcsAclEntry[];
  objectAcls?: Record<string, GcsAclEntry[]>;
  errors?: CollectError[];
}

function bucket(o: BucketOpts = {}): GcsBucketSnapshot {
  const uniform = o.uniform ?? true;
  const b: GcsBucketSnapshot = {
    metadata: {
      name: 'hr',
      projectNumber: NUMBER,
      location: 'ASIA-NORTHEAST1',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: uniform }, publicAccessPrevention: o.pap ?? 'inherited' },
    },
    iamPolicy: { version: 3, bindings: o.bindings ?? [] },
  };
  if (!uniform) {
    b.bucketAcl = o.bucketAcl ?? [];
    b.defaultObjectAcl = o.defaultObjectAcl ?? [];
    b.objectAcls = o.objectAcls ?? {};
  } else {
    if (o.bucketAcl) b.bucketAcl = o.bucketAcl;
    if (o.defaultObjectAcl) b.defaultObjectAcl = o.defaultObjectAcl;
    if (o.objectAcls) b.objectAcls = o.objectAcls;
  }
  if (o.errors) b.errors = o.errors;
  return b;
}

type Verdict = Record<Capability, Tri>;

function verdict(b: GcsBucketSnapshot, p: GcpProjectContext = project()): Verdict {
  const e = evaluateGcsAccess(b, p).exposure;
  return { read: e.read, list: e.list, write: e.write, aclWrite: e.aclWrite };
}

const V = (read: Tri, list: Tri, write: Tri, aclWrite: Tri): Verdict => ({ read, list, write, aclWrite });

function evidence(b: GcsBucketSnapshot, p: GcpProjectContext = project()): Evidence[] {
  return evaluateGcsAccess(b, p).exposure.evidence;
}

// ---------------------------------------------------------------------------------------------------------

describe('the role table (PUBLIC-ACCESS.md, GCS rule 2), uniform bucket-level access on', () => {
  const TABLE: [role: string, expected: Verdict][] = [
    ['roles/storage.objectViewer', V(true, true, false, false)],
    ['roles/storage.legacyObjectReader', V(true, false, false, false)],
    ['roles/storage.legacyBucketReader', V(false, true, false, false)],
    ['roles/storage.objectCreator', V(false, false, true, false)],
    ['roles/storage.objectUser', V(true, true, true, false)],
    // storage.objects.setIamPolicy changes object ACLs, which uniform bucket-level access switches off.
    ['roles/storage.objectAdmin', V(true, true, true, false)],
    ['roles/storage.admin', V(true, true, true, true)],
    ['roles/storage.legacyBucketWriter', V(false, true, true, false)],
    ['roles/storage.legacyBucketOwner', V(false, true, true, true)],
    ['roles/storage.legacyObjectOwner', V(true, false, false, false)],
    ['roles/storage.bucketViewer', V(false, false, false, false)],
  ];
  for (const member of ['allUsers', 'allAuthenticatedUsers']) {
    for (const [role, expected] of TABLE) {
      test(`${member} with ${role}`, () => {
        const b = bucket({ bindings: [{ role, members: [member] }] });
        assert.deepEqual(verdict(b), expected);
        for (const cap of Object.keys(expected) as Capability[]) {
          const grants = evidence(b).filter((e) => e.capability === cap && e.effect === 'grants');
          assert.equal(grants.length, expected[cap] ? 1 : 0, `${cap} evidence`);
          if (expected[cap]) {
            assert.equal(grants[0]!.source, 'iam-policy');
            assert.equal(grants[0]!.ref, `binding ${role} → ${member}`);
            assert.match(grants[0]!.message, new RegExp(member));
          }
        }
      });
    }
  }

  test('ACL-changing roles on a bucket with ACLs on: objectAdmin and legacyObjectOwner can change object ACLs', () => {
    for (const role of ['roles/storage.objectAdmin', 'roles/storage.legacyObjectOwner']) {
      const v = verdict(bucket({ uniform: false, bindings: [{ role, members: ['allUsers'] }] }));
      assert.equal(v.aclWrite, true, role);
      assert.equal(v.read, true, role);
    }
  });

  test('objectAdmin with uniform access on: the object ACL permission is recorded as neutralized', () => {
    const ev = evidence(bucket({ bindings: [{ role: 'roles/storage.objectAdmin', members: ['allUsers'] }] }));
    assert.ok(ev.some((e) => e.capability === 'aclWrite' && e.effect === 'neutralized' && /uniform bucket-level access is on/.test(e.message)));
  });

  test('the predefined table is derived from permissions, the same way as custom roles', () => {
    for (const [role, perms] of Object.entries(PREDEFINED_ROLES)) {
      const l = lookupRole(role, undefined);
      assert.ok(l.known && l.source === 'predefined', role);
      assert.deepEqual(l.caps, capabilitiesOf(perms));
    }
  });

  test('no public binding, or a binding to a fixed member: nothing public', () => {
    assert.deepEqual(verdict(bucket()), V(false, false, false, false));
    assert.deepEqual(verdict(bucket({ bindings: [{ role: 'roles/storage.admin', members: ['user:admin@example.co.jp', `projectOwner:${PROJECT}`] }] })), V(false, false, false, false));
  });

  test('several public bindings combine', () => {
    const b = bucket({ bindings: [{ role: 'roles/storage.legacyObjectReader', members: ['allUsers'] }, { role: 'roles/storage.objectCreator', members: ['allAuthenticatedUsers'] }] });
    assert.deepEqual(verdict(b), V(true, false, true, false));
  });
});

describe('custom roles (expanded by their permissions) and unknown roles', () => {
  const ROLE = `projects/${PROJECT}/roles/publicish`;
  const withRole = (perms: string[] | undefined, extra?: (p: GcpProjectContext) => void): GcpProjectContext =>
    project((p) => {
      if (perms) p.customRoles = { [ROLE]: { name: ROLE, includedPermissions: perms } };
      extra?.(p);
    });
  const b = (): GcsBucketSnapshot => bucket({ bindings: [{ role: ROLE, members: ['allUsers'] }] });

  test('storage.objects.get = read, storage.objects.list = list, create or delete = write, buckets.setIamPolicy = aclWrite', () => {
    assert.deepEqual(verdict(b(), withRole(['storage.objects.get'])), V(true, false, false, false));
    assert.deepEqual(verdict(b(), withRole(['storage.objects.list', 'storage.buckets.get'])), V(false, true, false, false));
    assert.deepEqual(verdict(b(), withRole(['storage.objects.create'])), V(false, false, true, false));
    assert.deepEqual(verdict(b(), withRole(['storage.objects.delete'])), V(false, false, true, false));
    assert.deepEqual(verdict(b(), withRole(['storage.buckets.setIamPolicy'])), V(false, false, false, true));
    assert.deepEqual(verdict(b(), withRole(['storage.buckets.get', 'storage.objects.update'])), V(false, false, false, false));
  });

  test('wildcard permissions', () => {
    assert.deepEqual(verdict(b(), withRole(['storage.objects.*'])), V(true, true, true, false));
  });

  test('the evidence names the custom role and the permissions', () => {
    const ev = evidence(b(), withRole(['storage.objects.get']));
    assert.ok(ev.some((e) => e.effect === 'grants' && e.capability === 'read' && /custom role projects\/kumo-hr-prod\/roles\/publicish \(storage\.objects\.get\)/.test(e.message)));
  });

  test('a custom role that could not be read: every capability unknown, with the failed call', () => {
    const p = withRole(undefined, (x) => (x.errors = [{ call: 'roles.get', code: 'PERMISSION_DENIED', message: `${ROLE}: Permission iam.roles.get denied` }]));
    assert.deepEqual(verdict(b(), p), V(null, null, null, null));
    assert.ok(evidence(b(), p).some((e) => e.effect === 'unknown' && /could not be read \(roles\.get: PERMISSION_DENIED\)/.test(e.message)));
  });

  test('a custom role missing from the snapshot: unknown', () => {
    assert.deepEqual(verdict(b(), withRole(undefined)), V(null, null, null, null));
  });

  test('a deleted custom role grants nothing (recorded as info)', () => {
    const p = project((x) => (x.customRoles = { [ROLE]: { name: ROLE, deleted: true, includedPermissions: ['storage.objects.get'] } }));
    assert.deepEqual(verdict(b(), p), V(false, false, false, false));
    assert.ok(evidence(b(), p).some((e) => e.effect === 'info' && /deleted custom role/.test(e.message)));
  });

  test('a predefined role kumoscan does not know: unknown, not safe', () => {
    const ev = bucket({ bindings: [{ role: 'roles/some.newRole', members: ['allAuthenticatedUsers'] }] });
    assert.deepEqual(verdict(ev), V(null, null, null, null));
  });

  test('an unknown role next to a known public one: the known capability stays true', () => {
    const x = bucket({ bindings: [{ role: 'roles/some.newRole', members: ['allUsers'] }, { role: 'roles/storage.legacyObjectReader', members: ['allUsers'] }] });
    assert.deepEqual(verdict(x), V(true, null, null, null));
  });
});

describe('IAM conditions on public bindings', () => {
  test('a conditional public binding is treated as public, and the evidence says so', () => {
    const b = bucket({ bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'], condition: { title: 'until launch', expression: 'request.time < timestamp("2030-01-01T00:00:00Z")' } }] });
    assert.deepEqual(verdict(b), V(true, true, false, false));
    const read = evidence(b).find((e) => e.capability === 'read' && e.effect === 'grants');
    assert.ok(read);
    assert.equal(read.ref, 'binding roles/storage.objectViewer → allUsers (conditional)');
    assert.match(read.message, /IAM condition "until launch" \(request\.time < .*\) — treated as public/);
  });
});

describe('Public Access Prevention (rule 1)', () => {
  const publicBucket = (pap?: string): GcsBucketSnapshot => bucket({ pap, bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] });

  test('enforced on the bucket: nothing public; the stored binding becomes neutralized evidence', () => {
    for (const org of [true, false, null]) {
      const p = project((x) => (x.orgPublicAccessPrevention = org));
      const r = evaluateGcsAccess(publicBucket('enforced'), p);
      assert.deepEqual([r.exposure.read, r.exposure.list, r.exposure.write, r.exposure.aclWrite], [false, false, false, false], `org ${String(org)}`);
      assert.equal(r.guards.publicAccessPrevention, true);
      assert.equal(r.guards.bucketPublicAccessPrevention, 'enforced');
      const n = r.exposure.evidence.filter((e) => e.effect === 'neutralized');
      assert.deepEqual(n.map((e) => e.capability).sort(), ['list', 'read']);
      assert.ok(n.every((e) => /Public Access Prevention is enforced on the bucket/.test(e.message)));
    }
  });

  test('inherited with the org policy enforced: nothing public, neutralized by the org policy', () => {
    const r = evaluateGcsAccess(publicBucket('inherited'), project((x) => (x.orgPublicAccessPrevention = true)));
    assert.deepEqual([r.exposure.read, r.exposure.list], [false, false]);
    assert.equal(r.guards.publicAccessPrevention, true);
    assert.equal(r.guards.orgPublicAccessPrevention, true);
    assert.ok(r.exposure.evidence.some((e) => e.effect === 'neutralized' && /the org policy enforces Public Access Prevention/.test(e.message)));
  });

  test('inherited with the org policy not enforced: public (the HR-system case)', () => {
    const r = evaluateGcsAccess(publicBucket('inherited'), project());
    assert.deepEqual([r.exposure.read, r.exposure.list, r.exposure.write], [true, true, false]);
    assert.equal(r.guards.publicAccessPrevention, false);
  });

  test('the legacy value "unspecified" behaves as inherited', () => {
    assert.deepEqual(verdict(publicBucket('unspecified')), V(true, true, false, false));
    assert.deepEqual(verdict(publicBucket('unspecified'), project((x) => (x.orgPublicAccessPrevention = true))), V(false, false, false, false));
  });

  test('inherited with the org policy unreadable: what would be public is null, with the failed call', () => {
    const p = project((x) => {
      x.orgPublicAccessPrevention = null;
      x.errors = [{ call: 'policies.getEffectivePolicy', code: 'PERMISSION_DENIED', message: "Permission 'orgpolicy.policy.get' denied" }];
    });
    const r = evaluateGcsAccess(publicBucket('inherited'), p);
    assert.deepEqual([r.exposure.read, r.exposure.list, r.exposure.write, r.exposure.aclWrite], [null, null, false, false]);
    assert.equal(r.guards.publicAccessPrevention, null);
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'read' && e.effect === 'unknown' && /policies\.getEffectivePolicy failed \(PERMISSION_DENIED\)/.test(e.message)));
    // With nothing public stored, an unreadable org policy changes nothing.
    assert.deepEqual(verdict(bucket(), p), V(false, false, false, false));
  });

  test('PAP enforced also neutralizes public ACLs', () => {
    const b = bucket({ pap: 'enforced', uniform: false, bucketAcl: [{ entity: 'allUsers', role: 'WRITER' }], objectAcls: { 'a.txt': [{ entity: 'allUsers', role: 'READER' }] } });
    assert.deepEqual(verdict(b), V(false, false, false, false));
    assert.ok(evidence(b).some((e) => e.source === 'bucket-acl' && e.effect === 'neutralized'));
    assert.ok(evidence(b).some((e) => e.source === 'object-acl' && e.effect === 'neutralized' && e.ref === 'a.txt: allUsers READER'));
  });
});

describe('ACLs (rule 3): only when uniform bucket-level access is off', () => {
  test('bucket ACL READER = list, WRITER = list + write, OWNER = + aclWrite (allUsers and allAuthenticatedUsers)', () => {
    for (const entity of ['allUsers', 'allAuthenticatedUsers']) {
      assert.deepEqual(verdict(bucket({ uniform: false, bucketAcl: [{ entity, role: 'READER' }] })), V(false, true, false, false), entity);
      assert.deepEqual(verdict(bucket({ uniform: false, bucketAcl: [{ entity, role: 'WRITER' }] })), V(false, true, true, false), entity);
      assert.deepEqual(verdict(bucket({ uniform: false, bucketAcl: [{ entity, role: 'OWNER' }] })), V(false, true, true, true), entity);
    }
  });

  test('a bucket ACL never grants reading object data', () => {
    assert.equal(verdict(bucket({ uniform: false, bucketAcl: [{ entity: 'allUsers', role: 'OWNER' }] })).read, false);
  });

  test('default object ACL allUsers READER: new objects become readable', () => {
    const b = bucket({ uniform: false, defaultObjectAcl: [{ entity: 'allUsers', role: 'READER' }] });
    assert.deepEqual(verdict(b), V(true, false, false, false));
    const ev = evidence(b).find((e) => e.source === 'default-object-acl' && e.effect === 'grants');
    assert.ok(ev);
    assert.match(ev.message, /objects created without an explicit ACL become readable by allUsers/);
  });

  test('object ACL sample: READER = read of that object, OWNER = read + aclWrite; the sample is stated', () => {
    const b = bucket({ uniform: false, objectAcls: { 'x/handbook.pdf': [{ entity: 'allUsers', role: 'READER' }], 'x/private.txt': [{ entity: 'user-hr@example.co.jp', role: 'OWNER' }] } });
    assert.deepEqual(verdict(b), V(true, false, false, false));
    const ev = evidence(b);
    assert.ok(ev.some((e) => e.source === 'object-acl' && e.effect === 'grants' && e.ref === 'x/handbook.pdf: allUsers READER'));
    const note = ev.find((e) => e.source === 'object-acl' && e.effect === 'info');
    assert.ok(note);
    assert.equal(note.ref, 'sample of 2 objects');
    assert.match(note.message, /1 grants access to anyone; objects outside the sample were not checked/);
    assert.deepEqual(verdict(bucket({ uniform: false, objectAcls: { o: [{ entity: 'allAuthenticatedUsers', role: 'OWNER' }] } })), V(true, false, false, true));
  });

  test('uniform bucket-level access on: stored ACLs have no effect (neutralized evidence)', () => {
    const b = bucket({ uniform: true, bucketAcl: [{ entity: 'allUsers', role: 'READER' }], defaultObjectAcl: [{ entity: 'allUsers', role: 'READER' }] });
    assert.deepEqual(verdict(b), V(false, false, false, false));
    const n = evidence(b).filter((e) => e.effect === 'neutralized');
    assert.deepEqual(n.map((e) => `${e.source}:${e.capability}`).sort(), ['bucket-acl:list', 'default-object-acl:read']);
    assert.ok(n.every((e) => /uniform bucket-level access is on/.test(e.message)));
    assert.equal(evaluateGcsAccess(b, project()).guards.aclsEnabled, false);
  });

  test('the legacy bucketPolicyOnly flag counts as uniform bucket-level access', () => {
    const b = bucket({ uniform: false, bucketAcl: [{ entity: 'allUsers', role: 'READER' }] });
    b.metadata.iamConfiguration = { bucketPolicyOnly: { enabled: true }, publicAccessPrevention: 'inherited' };
    assert.equal(verdict(b).list, false);
  });

  test('ACLs from the bucket resource (projection=full) are used when the ACL call is absent', () => {
    const b = bucket({ uniform: false });
    delete b.bucketAcl;
    b.metadata.acl = [{ entity: 'allUsers', role: 'READER' }];
    assert.equal(verdict(b).list, true);
  });
});

describe('unknown inputs', () => {
  test('the IAM policy could not be read: everything null, unless PAP makes it false', () => {
    const b = bucket({ errors: [{ call: 'buckets.getIamPolicy', code: 'PERMISSION_DENIED', message: 'denied' }] });
    delete b.iamPolicy;
    assert.deepEqual(verdict(b), V(null, null, null, null));
    b.metadata.iamConfiguration!.publicAccessPrevention = 'enforced';
    assert.deepEqual(verdict(b), V(false, false, false, false));
  });

  test('bucket ACL unreadable with ACLs on: list/write/aclWrite null; a public IAM list still wins', () => {
    const b = bucket({ uniform: false, errors: [{ call: 'bucketAccessControls.list', code: 'PERMISSION_DENIED', message: 'denied' }] });
    delete b.bucketAcl;
    assert.deepEqual(verdict(b), V(false, null, null, null));
    b.iamPolicy = { bindings: [{ role: 'roles/storage.legacyBucketReader', members: ['allUsers'] }] };
    assert.deepEqual(verdict(b), V(false, true, null, null));
  });

  test('default object ACL unreadable with ACLs on: read null', () => {
    const b = bucket({ uniform: false, errors: [{ call: 'defaultObjectAccessControls.list', code: 'PERMISSION_DENIED', message: 'denied' }] });
    delete b.defaultObjectAcl;
    assert.equal(verdict(b).read, null);
  });

  test('the object ACL sample failing is stated, not a verdict of its own', () => {
    const b = bucket({ uniform: false, errors: [{ call: 'objects.list', code: 'PERMISSION_DENIED', message: 'denied' }] });
    assert.deepEqual(verdict(b), V(false, false, false, false));
    assert.ok(evidence(b).some((e) => e.source === 'object-acl' && /the sample is incomplete \(objects\.list failed \(PERMISSION_DENIED\)\)/.test(e.message)));
  });

  test('the bucket resource could not be read: PAP and ACLs unknown', () => {
    const b: GcsBucketSnapshot = { metadata: { name: 'hr' }, iamPolicy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] }, errors: [{ call: 'buckets.get', code: 'PERMISSION_DENIED', message: 'denied' }] };
    const r = evaluateGcsAccess(b, project());
    assert.deepEqual([r.exposure.read, r.exposure.list], [null, null]);
    assert.equal(r.guards.aclsEnabled, null);
    assert.equal(r.guards.publicAccessPrevention, null);
    assert.equal(r.guards.bucketPublicAccessPrevention, null);
    // The org policy still decides when it is enforced.
    assert.deepEqual(verdict(b, project((x) => (x.orgPublicAccessPrevention = true))), V(false, false, false, false));
  });
});

describe('external principals', () => {
  const viewer = (members: string[], condition?: GcsIamBinding['condition']): GcsBucketSnapshot => bucket({ bindings: [{ role: 'roles/storage.objectViewer', members, ...(condition ? { condition } : {}) }] });
  const ids = (b: GcsBucketSnapshot, p: GcpProjectContext = project()): string[] => evaluateGcsAccess(b, p).externalPrincipals.map((x) => `${x.id}@${x.account ?? ''}`);

  test('users, groups and domains outside the organization domain; inside (and subdomains) are not external', () => {
    const b = viewer(['user:a@partner.example', 'group:g@partner.example', 'domain:partner.example', 'user:b@example.co.jp', 'user:c@hr.example.co.jp', 'group:all@EXAMPLE.CO.JP']);
    assert.deepEqual(ids(b), ['user:a@partner.example@partner.example', 'group:g@partner.example@partner.example', 'domain:partner.example@partner.example']);
    const p = evaluateGcsAccess(b, project()).externalPrincipals[0]!;
    assert.deepEqual(p.capabilities, ['read', 'list']);
    assert.equal(p.kind, 'gcp-member');
    assert.equal(p.conditional, false);
    assert.equal(p.evidence, 'binding roles/storage.objectViewer');
  });

  test('organization domain unknown: only consumer accounts are flagged', () => {
    const b = viewer(['user:a@partner.example', 'user:someone@gmail.com']);
    assert.deepEqual(ids(b, project((x) => delete x.domains)), ['user:someone@gmail.com@gmail.com']);
  });

  test("other projects' service accounts (and service agents) are external; the project's own are not", () => {
    const b = viewer([
      'serviceAccount:etl@vendor-analytics.iam.gserviceaccount.com',
      `serviceAccount:app@${PROJECT}.iam.gserviceaccount.com`,
      'serviceAccount:service-999999999999@gs-project-accounts.iam.gserviceaccount.com',
      `serviceAccount:service-${NUMBER}@gs-project-accounts.iam.gserviceaccount.com`,
      `serviceAccount:${NUMBER}-compute@developer.gserviceaccount.com`,
      'serviceAccount:other-app@appspot.gserviceaccount.com',
    ]);
    assert.deepEqual(ids(b), [
      'serviceAccount:etl@vendor-analytics.iam.gserviceaccount.com@vendor-analytics',
      'serviceAccount:service-999999999999@gs-project-accounts.iam.gserviceaccount.com@project number 999999999999',
      'serviceAccount:other-app@appspot.gserviceaccount.com@other-app',
    ]);
  });

  test("another project's convenience members are external; deleted and federated members are not classified", () => {
    const b = viewer(['projectViewer:other-project', `projectViewer:${PROJECT}`, 'deleted:user:x@partner.example?uid=1', 'principalSet://iam.googleapis.com/locations/global/workforcePools/p/*']);
    assert.deepEqual(ids(b), ['projectViewer:other-project@other-project']);
  });

  test('a conditional grant is marked conditional; a role without object permissions gives no principal', () => {
    assert.equal(evaluateGcsAccess(viewer(['user:a@partner.example'], { title: 't', expression: 'true' }), project()).externalPrincipals[0]?.conditional, true);
    assert.deepEqual(ids(bucket({ bindings: [{ role: 'roles/storage.bucketViewer', members: ['user:a@partner.example'] }] })), []);
  });

  test('custom roles: external principals get the custom role capabilities', () => {
    const ROLE = `projects/${PROJECT}/roles/vendorReader`;
    const b = bucket({ bindings: [{ role: ROLE, members: ['serviceAccount:etl@vendor-analytics.iam.gserviceaccount.com'] }] });
    const p = project((x) => (x.customRoles = { [ROLE]: { name: ROLE, includedPermissions: ['storage.objects.get'] } }));
    const [pr] = evaluateGcsAccess(b, p).externalPrincipals;
    assert.deepEqual(pr?.capabilities, ['read']);
    assert.equal(pr?.evidence, `binding ${ROLE} (custom role)`);
  });

  test('ACL entities count only while ACLs do', () => {
    const acl: GcsAclEntry[] = [
      { entity: 'user-auditor@partner.example', role: 'READER' },
      { entity: 'project-viewers-999999999999', role: 'READER' },
      { entity: `project-owners-${NUMBER}`, role: 'OWNER' },
      { entity: 'user-00b4903a97', role: 'READER' },
    ];
    const off = bucket({ uniform: false, bucketAcl: acl, objectAcls: { 'a.csv': [{ entity: 'user-x@partner.example', role: 'READER' }] } });
    const principals = evaluateGcsAccess(off, project()).externalPrincipals;
    assert.deepEqual(principals.map((x) => `${x.id}:${x.capabilities.join('+')}:${x.evidence}`), [
      'user-auditor@partner.example:list:bucket ACL: user-auditor@partner.example READER',
      'project-viewers-999999999999:list:bucket ACL: project-viewers-999999999999 READER',
      'user-x@partner.example:read:ACL of object "a.csv": user-x@partner.example READER',
    ]);
    assert.deepEqual(evaluateGcsAccess(bucket({ uniform: true, bucketAcl: acl }), project()).externalPrincipals, []);
  });

  test('classifyMember and serviceAccountProject directly', () => {
    const p = project();
    assert.deepEqual(classifyMember('user:a@partner.example', p), { account: 'partner.example' });
    assert.equal(classifyMember('user:a@example.co.jp', p), undefined);
    assert.equal(classifyMember('allUsers', p), undefined);
    assert.deepEqual(serviceAccountProject('x@my-project-1.iam.gserviceaccount.com'), { id: 'my-project-1' });
    assert.deepEqual(serviceAccountProject('service-42@gcp-sa-logging.iam.gserviceaccount.com'), { number: '42' });
    assert.deepEqual(serviceAccountProject('42@cloudservices.gserviceaccount.com'), { number: '42' });
    assert.equal(serviceAccountProject('someone@example.com'), undefined);
  });
});

describe('the effective org policy storage.publicAccessPrevention', () => {
  test('enforced by an unconditional rule; not enforced by default; conditional rules are unknown', () => {
    assert.deepEqual(orgPolicyEnforced({ spec: { rules: [{ enforce: true }] } }), { value: true });
    assert.deepEqual(orgPolicyEnforced({ spec: { rules: [{ enforce: false }] } }), { value: false });
    assert.deepEqual(orgPolicyEnforced({ spec: {} }), { value: false });
    assert.deepEqual(orgPolicyEnforced({}), { value: false });
    const conditional = orgPolicyEnforced({ spec: { rules: [{ enforce: true, condition: { expression: "resource.matchTag('123/env', 'prod')" } }, { enforce: false }] } });
    assert.equal(conditional.value, null);
    assert.match(conditional.reason ?? '', /conditions \(tags\)/);
  });
});
