// collect: read-only calls that build the GCS raw snapshot. Nothing here judges a bucket; every failure is
// recorded beside its call (with Google's status name) and the scan goes on. Only GET requests are sent.
import type { Bucket, Storage } from '@google-cloud/storage';
import pLimit from 'p-limit';
import { compileBucketFilter, type BucketFilter } from '../../src/bucket-filter.js';
import { UsageError } from '../../src/errors.js';
import type { CollectError } from '../../src/model.js';
import { createAuth, createRestApi, createStorage, type GcpAuth, type GcpRestApi } from './clients.js';
import type { GcpConnection } from './connection.js';
import { isMissingCredentials, toGcpCollectError } from './errors.js';
import { isCustomRole } from './roles.js';
import { within, type CallLimits } from '../../src/call-limits.js';
import type { GcpMultiProjectSnapshot, GcpProjectSnapshot, GcpRole, GcpSnapshot, GcsAclEntry, GcsBucketResource, GcsBucketSnapshot, GcsIamPolicy } from './snapshot-types.js';
import { maskTags } from '../../src/text/mask-text.js';

/** Objects whose ACLs are read per bucket when uniform bucket-level access is off. */
export const OBJECT_ACL_SAMPLE = 20;

export interface GcpCollectOptions extends GcpConnection {
  /** --project (repeatable); every project the credentials can list (Resource Manager) when empty. */
  projects?: string[];
  /** --gcp-domain (repeatable): the organization's own domains; else the organization's display name. */
  domains?: string[];
  filter?: BucketFilter;
  concurrency?: number;
  onBucket?: (name: string, done: number, total: number, errors?: number) => void;
  /** Called once the buckets of every project are listed, before any is read (CommonCollectOptions.onListed). */
  onListed?: (found: { accounts: string[]; resources: number }) => void;
  objectAclSample?: number;
  /** Injected credentials (tests); otherwise GOOGLE_OAUTH_ACCESS_TOKEN or Application Default Credentials. */
  auth?: GcpAuth;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: CollectError };

/** One call, bounded by `limits` when given (the Storage SDK's calls; the REST calls bound themselves). */
async function attempt<T>(call: string, fn: () => Promise<T>, about?: string, limits?: CallLimits): Promise<Outcome<T>> {
  try {
    return { ok: true, value: limits ? await within(limits, fn) : await fn() };
  } catch (err) {
    return { ok: false, error: toGcpCollectError(call, err, about) };
  }
}

function itemsOf(raw: unknown): GcsAclEntry[] {
  const items = typeof raw === 'object' && raw !== null ? (raw as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? (items as GcsAclEntry[]) : [];
}

// ---------------------------------------------------------------------------------------------------------
// Resource Manager and Org Policy (REST, GET only)

interface RmProject {
  name?: string;
  projectId?: string;
  parent?: string;
  state?: string;
}

interface ProjectInfo {
  projectId: string;
  projectNumber?: string;
  parent?: string;
}

function numberOf(name: string | undefined): string | undefined {
  const m = /^projects\/(\d+)$/.exec(name ?? '');
  return m ? m[1] : undefined;
}

/** Every ACTIVE project the credentials can see (Resource Manager v3 projects.search). */
async function searchProjects(api: GcpRestApi, errors: CollectError[]): Promise<ProjectInfo[]> {
  const out: ProjectInfo[] = [];
  let pageToken: string | undefined;
  do {
    const url = `${api.resourceManager}/v3/projects:search?query=${encodeURIComponent('state:ACTIVE')}&pageSize=500${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const page = await attempt('projects.search', () => api.get<{ projects?: RmProject[]; nextPageToken?: string }>(url));
    if (!page.ok) {
      errors.push(page.error);
      break;
    }
    for (const p of page.value.projects ?? []) {
      if (p.projectId && (p.state === undefined || p.state === 'ACTIVE')) {
        const n = numberOf(p.name);
        out.push({ projectId: p.projectId, ...(n ? { projectNumber: n } : {}), ...(p.parent ? { parent: p.parent } : {}) });
      }
    }
    pageToken = page.value.nextPageToken || undefined;
  } while (pageToken);
  return out.sort((a, b) => a.projectId.localeCompare(b.projectId));
}

/** The project's organization (walking up folders), for its domain. Errors are recorded; undefined when unknown. */
async function findOrganization(api: GcpRestApi, info: ProjectInfo, errors: CollectError[]): Promise<{ name: string; displayName?: string } | undefined> {
  let parent = info.parent;
  if (parent === undefined) {
    const p = await attempt('projects.get', () => api.get<RmProject>(`${api.resourceManager}/v3/projects/${encodeURIComponent(info.projectId)}`), info.projectId);
    if (!p.ok) {
      errors.push(p.error);
      return undefined;
    }
    info.projectNumber ??= numberOf(p.value.name);
    parent = p.value.parent;
  }
  for (let hop = 0; hop < 12 && parent?.startsWith('folders/'); hop++) {
    const folder = parent;
    const f = await attempt('folders.get', () => api.get<{ parent?: string }>(`${api.resourceManager}/v3/${folder}`), folder);
    if (!f.ok) {
      errors.push(f.error);
      return undefined;
    }
    parent = f.value.parent;
  }
  if (!parent?.startsWith('organizations/')) return undefined; // a project without an organization
  const org = parent;
  const o = await attempt('organizations.get', () => api.get<{ name?: string; displayName?: string }>(`${api.resourceManager}/v3/${org}`), org);
  if (!o.ok) {
    errors.push(o.error);
    return { name: org };
  }
  return { name: org, ...(o.value.displayName ? { displayName: o.value.displayName } : {}) };
}

interface OrgPolicyRule {
  enforce?: boolean;
  condition?: { expression?: string };
}

/** Effective boolean constraint: enforced by an unconditional rule; conditional (tag-based) rules cannot be evaluated here. */
export function orgPolicyEnforced(policy: { spec?: { rules?: OrgPolicyRule[] } } | undefined): { value: boolean | null; reason?: string } {
  const rules = policy?.spec?.rules ?? [];
  if (rules.some((r) => r.enforce === true && !r.condition)) return { value: true };
  if (rules.some((r) => r.enforce === true && r.condition)) {
    return { value: null, reason: 'the effective policy enforces it only under conditions (tags), which kumoscan does not evaluate' };
  }
  return { value: false };
}

async function readOrgPolicy(api: GcpRestApi, projectId: string, errors: CollectError[]): Promise<{ value: boolean | null; raw?: Record<string, unknown> }> {
  const url = `${api.orgPolicy}/v2/projects/${encodeURIComponent(projectId)}/policies/storage.publicAccessPrevention:getEffectivePolicy`;
  const res = await attempt('policies.getEffectivePolicy', () => api.get<Record<string, unknown>>(url), 'storage.publicAccessPrevention');
  if (!res.ok) {
    errors.push(res.error);
    return { value: null };
  }
  const verdict = orgPolicyEnforced(res.value as { spec?: { rules?: OrgPolicyRule[] } });
  if (verdict.value === null) errors.push({ call: 'policies.getEffectivePolicy', code: 'Conditional', message: `storage.publicAccessPrevention: ${verdict.reason}` });
  return { value: verdict.value, raw: res.value };
}

async function readCustomRoles(api: GcpRestApi, names: readonly string[], errors: CollectError[]): Promise<Record<string, GcpRole>> {
  const out: Record<string, GcpRole> = {};
  for (const name of names) {
    const res = await attempt('roles.get', () => api.get<GcpRole>(`${api.iam}/v1/${name.split('/').map(encodeURIComponent).join('/')}`), name);
    if (res.ok) out[name] = { ...res.value, name: res.value.name ?? name };
    else errors.push(res.error);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Cloud Storage (the SDK)

async function sampleObjectAcls(bucket: Bucket, max: number, errors: CollectError[], limits?: CallLimits): Promise<Record<string, GcsAclEntry[]>> {
  const out: Record<string, GcsAclEntry[]> = {};
  if (max <= 0) return out;
  const listed = await attempt('objects.list', () => bucket.getFiles({ maxResults: max, autoPaginate: false }), undefined, limits);
  if (!listed.ok) {
    errors.push(listed.error);
    return out;
  }
  for (const file of listed.value[0].slice(0, max)) {
    const acl = await attempt('objectAccessControls.list', () => file.acl.get(), file.name, limits);
    if (!acl.ok) {
      // The same refusal would repeat for every object: record it once and stop sampling.
      errors.push(acl.error);
      break;
    }
    out[file.name] = itemsOf(acl.value[1]);
  }
  return out;
}

async function collectBucket(storage: Storage, name: string, listed: GcsBucketResource | undefined, sample: number, limits?: CallLimits): Promise<GcsBucketSnapshot> {
  const errors: CollectError[] = [];
  const bucket = storage.bucket(name);
  let metadata: GcsBucketResource = listed ?? { name };
  if (!listed) {
    const got = await attempt('buckets.get', () => bucket.getMetadata({ projection: 'full' }), undefined, limits);
    if (got.ok) metadata = got.value[0] as unknown as GcsBucketResource;
    else errors.push(got.error);
  }
  const snap: GcsBucketSnapshot = { metadata: metadata.labels ? { ...metadata, labels: maskTags(metadata.labels) } : metadata };
  const policy = await attempt('buckets.getIamPolicy', () => bucket.iam.getPolicy({ requestedPolicyVersion: 3 }), undefined, limits);
  if (policy.ok) snap.iamPolicy = policy.value[0] as unknown as GcsIamPolicy;
  else errors.push(policy.error);
  const cfg = metadata.iamConfiguration;
  const known = cfg !== undefined || errors.every((e) => e.call !== 'buckets.get');
  const uniform = cfg?.uniformBucketLevelAccess?.enabled ?? cfg?.bucketPolicyOnly?.enabled ?? false;
  if (known && !uniform) {
    const [acl, defaultAcl] = await Promise.all([
      attempt('bucketAccessControls.list', () => bucket.acl.get(), undefined, limits),
      attempt('defaultObjectAccessControls.list', () => bucket.acl.default.get(), undefined, limits),
    ]);
    if (acl.ok) snap.bucketAcl = itemsOf(acl.value[1]);
    else errors.push(acl.error);
    if (defaultAcl.ok) snap.defaultObjectAcl = itemsOf(defaultAcl.value[1]);
    else errors.push(defaultAcl.error);
    snap.objectAcls = await sampleObjectAcls(bucket, sample, errors, limits);
  }
  if (errors.length > 0) snap.errors = errors;
  return snap;
}

interface Listed {
  name: string;
  metadata?: GcsBucketResource;
}

async function listBuckets(storage: Storage, filter: BucketFilter, errors: CollectError[], limits?: CallLimits): Promise<Listed[]> {
  const query = { projection: 'full', autoPaginate: true };
  const res = await attempt('buckets.list', () => storage.getBuckets(query), undefined, limits);
  if (!res.ok) {
    errors.push(res.error);
    // Without the listing, buckets named exactly on the command line can still be read.
    return filter.literalNames().filter((name) => filter.inShard(name)).map((name) => ({ name }));
  }
  const out: Listed[] = [];
  for (const b of res.value[0]) {
    const md = b.metadata as unknown as GcsBucketResource;
    if (!md || typeof md.name !== 'string') {
      errors.push({ call: 'buckets.list', code: 'UNAVAILABLE', message: `${b.name}: listed as unreachable` });
      continue;
    }
    if (filter.matches(md.name) && filter.inShard(md.name)) out.push({ name: md.name, metadata: md });
  }
  return out;
}

/** A project whose buckets are listed, not yet read. */
interface ListedProject {
  info: ProjectInfo;
  snap: GcpProjectSnapshot;
  errors: CollectError[];
  storage: Storage;
  listed: Listed[];
}

/** A project's organization, its org policy and its bucket listing: everything before its buckets are read. */
async function listProject(auth: GcpAuth, api: GcpRestApi, info: ProjectInfo, opts: GcpCollectOptions, filter: BucketFilter): Promise<ListedProject> {
  const errors: CollectError[] = [];
  const snap: GcpProjectSnapshot = { projectId: info.projectId, orgPublicAccessPrevention: null, buckets: [] };
  if (opts.domains && opts.domains.length > 0) {
    snap.domains = [...opts.domains];
  } else {
    const org = await findOrganization(api, info, errors);
    if (org) {
      snap.organization = org;
      // A Google Workspace / Cloud Identity organization is named after its primary domain.
      if (org.displayName && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(org.displayName)) snap.domains = [org.displayName.toLowerCase()];
    }
  }
  if (info.projectNumber) snap.projectNumber = info.projectNumber;
  const org = await readOrgPolicy(api, info.projectId, errors);
  snap.orgPublicAccessPrevention = org.value;
  if (org.raw) snap.orgPolicy = org.raw;

  const storage = createStorage(auth, info.projectId, opts);
  const listed = await listBuckets(storage, filter, errors, opts.limits);
  return { info, snap, errors, storage, listed };
}

/** Reads the listed buckets of a project (`progress`: one count over every project of the scan). */
async function readProject(api: GcpRestApi, project: ListedProject, opts: GcpCollectOptions, progress: (name: string, errors: number) => void): Promise<GcpProjectSnapshot> {
  const { snap, errors, storage, listed } = project;
  const limit = pLimit(Math.max(1, opts.concurrency ?? 8));
  snap.buckets = await Promise.all(
    listed.map((b) =>
      limit(async () => {
        const bucket = await collectBucket(storage, b.name, b.metadata, opts.objectAclSample ?? OBJECT_ACL_SAMPLE, opts.limits);
        progress(b.name, bucket.errors?.length ?? 0);
        return bucket;
      }),
    ),
  );
  snap.projectNumber ??= snap.buckets.map((b) => b.metadata.projectNumber).find((n): n is string => typeof n === 'string');
  if (snap.projectNumber === undefined) delete snap.projectNumber;
  const custom = [...new Set(snap.buckets.flatMap((b) => (b.iamPolicy?.bindings ?? []).map((x) => x.role)).filter(isCustomRole))].sort();
  if (custom.length > 0) snap.customRoles = await readCustomRoles(api, custom, errors);
  if (errors.length > 0) snap.errors = errors;
  return snap;
}

export async function collectGcp(opts: GcpCollectOptions): Promise<GcpSnapshot> {
  const auth = opts.auth ?? createAuth(opts);
  try {
    await auth.check();
  } catch (err) {
    if (isMissingCredentials(err)) {
      throw new UsageError(
        'no Google Cloud credentials found; use Application Default Credentials (gcloud auth application-default login, GOOGLE_APPLICATION_CREDENTIALS, ' +
          'an attached service account) or GOOGLE_OAUTH_ACCESS_TOKEN, or --input for a saved snapshot',
      );
    }
    throw err;
  }
  const api = createRestApi(auth, opts);
  const filter = opts.filter ?? compileBucketFilter([]);
  const errors: CollectError[] = [];
  const infos: ProjectInfo[] =
    opts.projects && opts.projects.length > 0 ? [...new Set(opts.projects)].map((projectId) => ({ projectId })) : await searchProjects(api, errors);
  if (infos.length === 0 && errors.length === 0) {
    throw new UsageError('the credentials can list no project; name one with --project ID');
  }
  // Every project is listed first (one after the other), then the scope is told, then the buckets are read.
  const listedProjects: ListedProject[] = [];
  for (const info of infos) listedProjects.push(await listProject(auth, api, info, opts, filter));
  const total = listedProjects.reduce((n, p) => n + p.listed.length, 0);
  opts.onListed?.({ accounts: listedProjects.map((p) => p.info.projectId), resources: total });
  let done = 0;
  const progress = (name: string, bucketErrors: number): void => opts.onBucket?.(name, ++done, total, bucketErrors);
  const projects: GcpProjectSnapshot[] = [];
  for (const project of listedProjects) projects.push(await readProject(api, project, opts, progress));
  const envelope = { provider: 'gcp' as const, snapshotVersion: 1, collectedAt: new Date().toISOString() };
  const [only] = projects;
  if (projects.length === 1 && only && errors.length === 0) return { ...envelope, ...only };
  const multi: GcpMultiProjectSnapshot = { ...envelope, projects };
  if (errors.length > 0) multi.errors = errors;
  return multi;
}
