// The HR-system incident in Google Cloud Storage form, as a world for test/helpers/gcs-server.ts:
//  - hr-system-employees: allUsers has roles/storage.objectViewer, Public Access Prevention "inherited"
//    (the org policy is not enforced), uniform bucket-level access on, Google-managed keys, Tokyo.
//  - hr-system-archive: locked down — PAP enforced (its stale allUsers binding is neutralized), CMEK,
//    versioning, usage logs, locked retention, 30-day soft delete, dual-region asia1.
//  - hr-system-legacy: uniform bucket-level access off — a public object ACL, a partner's user and another
//    project's service account (through a custom role) can read, soft delete off, in the US.
import type { GcsBucketState, GcsWorld } from './gcs-server.js';
import { employeeCsv } from './employees.js';

export const GCS_PROJECT = 'kumo-hr-prod';
export const GCS_PROJECT_NUMBER = '123456789012';
export const GCS_DOMAIN = 'example.co.jp';
export const HR_PUBLIC = 'hr-system-employees';
export const HR_LOCKED = 'hr-system-archive';
export const HR_LEGACY = 'hr-system-legacy';
export const CUSTOM_ROLE = `projects/${GCS_PROJECT}/roles/vendorReader`;
export const VENDOR_SA = 'serviceAccount:etl@vendor-analytics.iam.gserviceaccount.com';

/** The HR system's employee export: 30 employees with My Numbers and health-check results, in Shift_JIS. */
export const GCS_EMPLOYEES = employeeCsv(30, 'shift_jis', 11);
const EMPLOYEES_CSV = Buffer.from(GCS_EMPLOYEES.bytes);

/** The bindings every bucket has: the project's convenience members on the legacy roles. */
function ownerBindings(): { role: string; members: string[] }[] {
  return [
    { role: 'roles/storage.legacyBucketOwner', members: [`projectEditor:${GCS_PROJECT}`, `projectOwner:${GCS_PROJECT}`] },
    { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${GCS_PROJECT}`] },
  ];
}

function employees(): GcsBucketState {
  return {
    resource: {
      name: HR_PUBLIC,
      location: 'ASIA-NORTHEAST1',
      locationType: 'region',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true, lockedTime: '2024-07-01T00:00:00Z' }, bucketPolicyOnly: { enabled: true }, publicAccessPrevention: 'inherited' },
      softDeletePolicy: { retentionDurationSeconds: '604800', effectiveTime: '2024-04-01T00:00:00Z' },
      labels: { system: 'hr' },
    },
    policy: { bindings: [...ownerBindings(), { role: 'roles/storage.objectViewer', members: ['allUsers'] }] },
    objects: {
      'exports/employees.csv': { data: EMPLOYEES_CSV, contentType: 'text/csv', updated: '2024-12-01T00:00:00.000Z' },
      'exports/readme.txt': { data: Buffer.from('export of the HR system\n'), contentType: 'text/plain', updated: '2024-11-01T00:00:00.000Z' },
    },
  };
}

function archive(): GcsBucketState {
  return {
    resource: {
      name: HR_LOCKED,
      location: 'ASIA1',
      locationType: 'dual-region',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, bucketPolicyOnly: { enabled: true }, publicAccessPrevention: 'enforced' },
      encryption: { defaultKmsKeyName: `projects/${GCS_PROJECT}/locations/asia1/keyRings/hr/cryptoKeys/archive` },
      versioning: { enabled: true },
      logging: { logBucket: 'hr-usage-logs', logObjectPrefix: 'archive' },
      retentionPolicy: { retentionPeriod: '2592000', effectiveTime: '2024-04-01T00:00:00Z', isLocked: true },
      softDeletePolicy: { retentionDurationSeconds: '2592000' },
      lifecycle: { rule: [{ action: { type: 'Delete' }, condition: { age: 3650 } }] },
      labels: { 'data-class': 'personal' },
    },
    // A binding left over from before PAP was enforced: stored, but without effect.
    policy: { bindings: [...ownerBindings(), { role: 'roles/storage.objectViewer', members: ['allUsers'] }] },
    objects: { '2023/payroll.csv': { data: Buffer.from('id,amount\n1,100\n'), contentType: 'text/csv' } },
  };
}

function legacy(): GcsBucketState {
  return {
    resource: {
      name: HR_LEGACY,
      location: 'US',
      locationType: 'multi-region',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, bucketPolicyOnly: { enabled: false }, publicAccessPrevention: 'inherited' },
      versioning: { enabled: false },
      softDeletePolicy: { retentionDurationSeconds: '0' },
    },
    policy: { bindings: [...ownerBindings(), { role: CUSTOM_ROLE, members: [VENDOR_SA] }] },
    acl: [
      { entity: `project-owners-${GCS_PROJECT_NUMBER}`, role: 'OWNER', projectTeam: { projectNumber: GCS_PROJECT_NUMBER, team: 'owners' } },
      { entity: 'user-auditor@partner.example', role: 'READER', email: 'auditor@partner.example' },
    ],
    defaultObjectAcl: [{ entity: `project-owners-${GCS_PROJECT_NUMBER}`, role: 'OWNER', projectTeam: { projectNumber: GCS_PROJECT_NUMBER, team: 'owners' } }],
    objects: {
      'old/handbook.pdf': { data: Buffer.from('%PDF-1.4 handbook'), contentType: 'application/pdf', acl: [{ entity: 'allUsers', role: 'READER' }] },
      'old/private.txt': { data: Buffer.from('private'), contentType: 'text/plain', acl: [{ entity: `project-owners-${GCS_PROJECT_NUMBER}`, role: 'OWNER' }] },
    },
  };
}

export function hrWorld(): GcsWorld {
  return {
    projectId: GCS_PROJECT,
    projectNumber: GCS_PROJECT_NUMBER,
    organization: { id: '555000111', displayName: GCS_DOMAIN },
    orgPublicAccessPrevention: false,
    buckets: { [HR_PUBLIC]: employees(), [HR_LOCKED]: archive(), [HR_LEGACY]: legacy() },
    customRoles: {
      [CUSTOM_ROLE]: { name: CUSTOM_ROLE, title: 'Vendor reader', includedPermissions: ['storage.objects.get', 'storage.objects.list'], stage: 'GA', etag: 'BwX=' },
    },
  };
}

/** The environment the CLI runs with against the fake: a fixed token, no metadata server, no ADC file. */
export function gcsEnv(token: string): Record<string, string> {
  return { GOOGLE_OAUTH_ACCESS_TOKEN: token, METADATA_SERVER_DETECTION: 'none', GCE_METADATA_HOST: '127.0.0.1:9' };
}
