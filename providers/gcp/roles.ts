// What an IAM role lets a member do with a bucket's objects, from the role's permissions.
// Predefined Cloud Storage roles are listed with the storage permissions Google documents for them (only the
// permissions that matter here); custom roles are read from the snapshot (iam roles.get). The capability of a
// role is derived the same way for both, so the table of ../shared/PUBLIC-ACCESS.md (GCS rule 2) holds by
// construction and is asserted role by role in test/unit/gcp-access.test.ts.
import type { Tri } from '../../src/model.js';
import type { GcpRole } from './snapshot-types.js';

/** The storage permissions kumoscan reads, and what each one gives. */
export const PERMISSIONS = {
  read: ['storage.objects.get'],
  list: ['storage.objects.list'],
  write: ['storage.objects.create', 'storage.objects.delete'],
  /** Changing the bucket's IAM policy (and its legacy ACLs): effective whatever uniform bucket-level access says. */
  bucketAclWrite: ['storage.buckets.setIamPolicy'],
  /** Changing object ACLs: effective only while ACLs are (uniform bucket-level access off). */
  objectAclWrite: ['storage.objects.setIamPolicy'],
} as const;

/** The predefined roles kumoscan knows, by name, with their relevant permissions. */
export const PREDEFINED_ROLES: Readonly<Record<string, readonly string[]>> = {
  'roles/storage.objectViewer': ['storage.objects.get', 'storage.objects.list'],
  'roles/storage.legacyObjectReader': ['storage.objects.get'],
  'roles/storage.legacyBucketReader': ['storage.buckets.get', 'storage.objects.list'],
  'roles/storage.objectCreator': ['storage.objects.create'],
  'roles/storage.objectUser': ['storage.objects.get', 'storage.objects.list', 'storage.objects.create', 'storage.objects.delete', 'storage.objects.update', 'storage.objects.restore'],
  'roles/storage.objectAdmin': ['storage.objects.get', 'storage.objects.list', 'storage.objects.create', 'storage.objects.delete', 'storage.objects.update', 'storage.objects.getIamPolicy', 'storage.objects.setIamPolicy'],
  'roles/storage.admin': [
    'storage.buckets.get',
    'storage.buckets.update',
    'storage.buckets.getIamPolicy',
    'storage.buckets.setIamPolicy',
    'storage.objects.get',
    'storage.objects.list',
    'storage.objects.create',
    'storage.objects.delete',
    'storage.objects.update',
    'storage.objects.getIamPolicy',
    'storage.objects.setIamPolicy',
  ],
  'roles/storage.legacyBucketWriter': ['storage.buckets.get', 'storage.objects.list', 'storage.objects.create', 'storage.objects.delete'],
  'roles/storage.legacyBucketOwner': ['storage.buckets.get', 'storage.buckets.update', 'storage.buckets.getIamPolicy', 'storage.buckets.setIamPolicy', 'storage.objects.list', 'storage.objects.create', 'storage.objects.delete'],
  'roles/storage.legacyObjectOwner': ['storage.objects.get', 'storage.objects.update', 'storage.objects.getIamPolicy', 'storage.objects.setIamPolicy'],
  // Roles that grant nothing on object data.
  'roles/storage.bucketViewer': ['storage.buckets.get', 'storage.buckets.list'],
  'roles/storage.insightsCollectorService': ['storage.buckets.getObjectInsights'],
  'roles/storage.hmacKeyAdmin': ['storage.hmacKeys.list'],
};

export interface RoleCapabilities {
  read: boolean;
  list: boolean;
  write: boolean;
  bucketAclWrite: boolean;
  objectAclWrite: boolean;
  /** The permissions that gave them, for evidence. */
  permissions: string[];
}

export type RoleLookup =
  | { known: true; caps: RoleCapabilities; source: 'predefined' | 'custom'; deleted?: boolean }
  | { known: false; reason: string };

/** A custom role is named projects/P/roles/R or organizations/O/roles/R. */
export function isCustomRole(role: string): boolean {
  return /^(projects|organizations)\/[^/]+\/roles\/[^/]+$/.test(role);
}

/** Matches a permission against a role permission that may end in a wildcard (storage.objects.*). */
function has(permissions: readonly string[], wanted: string): boolean {
  return permissions.some((p) => p === wanted || p === '*' || (p.endsWith('.*') && wanted.startsWith(p.slice(0, -1))));
}

export function capabilitiesOf(permissions: readonly string[]): RoleCapabilities {
  const holds = (list: readonly string[]): boolean => list.some((w) => has(permissions, w));
  const relevant = [...PERMISSIONS.read, ...PERMISSIONS.list, ...PERMISSIONS.write, ...PERMISSIONS.bucketAclWrite, ...PERMISSIONS.objectAclWrite].filter((w) => has(permissions, w));
  return {
    read: holds(PERMISSIONS.read),
    list: holds(PERMISSIONS.list),
    write: holds(PERMISSIONS.write),
    bucketAclWrite: holds(PERMISSIONS.bucketAclWrite),
    objectAclWrite: holds(PERMISSIONS.objectAclWrite),
    permissions: relevant,
  };
}

const NONE: RoleCapabilities = { read: false, list: false, write: false, bucketAclWrite: false, objectAclWrite: false, permissions: [] };

/** What a role can do: from the predefined table, or the collected custom role, else unknown (with why). */
export function lookupRole(role: string, customRoles: Readonly<Record<string, GcpRole>> | undefined, failedRoleCall?: string): RoleLookup {
  const predefined = PREDEFINED_ROLES[role];
  if (predefined) return { known: true, caps: capabilitiesOf(predefined), source: 'predefined' };
  if (isCustomRole(role)) {
    const custom = customRoles?.[role];
    if (custom) {
      // A deleted custom role keeps its bindings for a while but grants nothing.
      if (custom.deleted) return { known: true, caps: NONE, source: 'custom', deleted: true };
      return { known: true, caps: capabilitiesOf(custom.includedPermissions ?? []), source: 'custom' };
    }
    return { known: false, reason: failedRoleCall ? `custom role ${role} could not be read (${failedRoleCall})` : `custom role ${role} is not in the snapshot (customRoles)` };
  }
  return { known: false, reason: `role ${role} is not one kumoscan knows the permissions of` };
}

/** Tri capability of an unknown role: null for everything it might grant. */
export const UNKNOWN_ROLE: Readonly<Record<'read' | 'list' | 'write' | 'aclWrite', Tri>> = { read: null, list: null, write: null, aclWrite: null };
