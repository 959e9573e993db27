// A stand-in for Google Cloud on 127.0.0.1: the Cloud Storage JSON API routes @google-cloud/storage calls
// (buckets list/get, getIamPolicy, bucket ACL, default object ACL, objects list/get with alt=media and Range,
// object ACL), the XML API object GET, Resource Manager v3 (projects.search, projects.get, organizations.get),
// the Org Policy v2 effective policy of storage.publicAccessPrevention, and IAM roles.get — answering with the
// documented resource shapes. Authenticated routes want `Authorization: Bearer <token>`; requests without it
// are answered as Cloud Storage answers an anonymous caller, from the world's own (deliberately simple)
// public-ness rule, so --probe can be tested against it. Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GcpRole, GcsAclEntry, GcsBucketResource, GcsIamPolicy } from '../../providers/gcp/snapshot-types.js';

export interface GcsObjectState {
  data: Buffer;
  acl?: GcsAclEntry[];
  contentType?: string;
  updated?: string;
}

export interface GcsBucketState {
  /** The bucket resource (name, location, iamConfiguration …); kind, id, selfLink, projectNumber are filled in. */
  resource: GcsBucketResource;
  policy: GcsIamPolicy;
  acl?: GcsAclEntry[];
  defaultObjectAcl?: GcsAclEntry[];
  objects: Record<string, GcsObjectState>;
  /** The project that owns the bucket (one of the world's projects); default the world's projectId. */
  projectId?: string;
}

export interface GcsWorld {
  projectId: string;
  projectNumber: string;
  /** More projects (same organization) the credentials can see, for several-project scans. */
  extraProjects?: { projectId: string; projectNumber: string }[];
  /** organizations/ID with its display name (the primary domain). */
  organization?: { id: string; displayName: string };
  /** Effective org policy storage.publicAccessPrevention; 'denied' answers 403. */
  orgPublicAccessPrevention: boolean | 'denied';
  buckets: Record<string, GcsBucketState>;
  customRoles: Record<string, GcpRole>;
  /** Fault injection: a status to answer instead, by route name (buckets.list, buckets.getIamPolicy …) and bucket. */
  deny?: (route: string, bucket: string | undefined, project?: string) => number | undefined;
}

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  route: string;
  /** 'token' (the expected bearer token), 'none', or 'other'. */
  auth: 'token' | 'none' | 'other';
  range?: string;
}

export interface FakeGcs {
  url: string;
  token: string;
  world: GcsWorld;
  seen: SeenRequest[];
  close(): Promise<void>;
}

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);
const READ_ROLES = new Set(['roles/storage.objectViewer', 'roles/storage.legacyObjectReader', 'roles/storage.objectUser', 'roles/storage.objectAdmin', 'roles/storage.admin']);
const LIST_ROLES = new Set(['roles/storage.objectViewer', 'roles/storage.legacyBucketReader', 'roles/storage.legacyBucketWriter', 'roles/storage.legacyBucketOwner', 'roles/storage.objectUser', 'roles/storage.objectAdmin', 'roles/storage.admin']);

/** The server's own idea of what an anonymous caller may do (independent of kumoscan's evaluation). */
export function anonymousMay(world: GcsWorld, bucket: GcsBucketState, what: 'read' | 'list', object?: string): boolean {
  const cfg = bucket.resource.iamConfiguration;
  if (cfg?.publicAccessPrevention === 'enforced' || world.orgPublicAccessPrevention === true) return false;
  const roles = what === 'read' ? READ_ROLES : LIST_ROLES;
  if ((bucket.policy.bindings ?? []).some((b) => roles.has(b.role) && (b.members ?? []).includes('allUsers'))) return true;
  if (cfg?.uniformBucketLevelAccess?.enabled) return false;
  if (what === 'list') return (bucket.acl ?? []).some((e) => e.entity === 'allUsers');
  const acl = object !== undefined ? bucket.objects[object]?.acl : undefined;
  return (acl ?? []).some((e) => e.entity === 'allUsers');
}

/** Every project of the world: its own, then the extra ones. */
export function projectsOf(world: GcsWorld): { projectId: string; projectNumber: string }[] {
  return [{ projectId: world.projectId, projectNumber: world.projectNumber }, ...(world.extraProjects ?? [])];
}

function bucketResource(world: GcsWorld, b: GcsBucketState, full: boolean): GcsBucketResource {
  const name = b.resource.name;
  const projectNumber = projectsOf(world).find((p) => p.projectId === (b.projectId ?? world.projectId))?.projectNumber ?? world.projectNumber;
  const out: GcsBucketResource = {
    kind: 'storage#bucket',
    selfLink: `http://127.0.0.1/storage/v1/b/${name}`,
    id: name,
    projectNumber,
    metageneration: '3',
    etag: 'CAM=',
    timeCreated: '2024-04-01T00:00:00.000Z',
    updated: '2024-04-01T00:00:00.000Z',
    storageClass: 'STANDARD',
    locationType: 'region',
    rpo: 'DEFAULT',
    ...b.resource,
  };
  const uniform = b.resource.iamConfiguration?.uniformBucketLevelAccess?.enabled === true;
  if (full && !uniform) {
    out.acl = aclItems(b.acl ?? [], 'storage#bucketAccessControl', name);
    out.defaultObjectAcl = aclItems(b.defaultObjectAcl ?? [], 'storage#objectAccessControl', name);
  }
  return out;
}

function aclItems(entries: readonly GcsAclEntry[], kind: string, bucket: string, object?: string): GcsAclEntry[] {
  return entries.map((e) => ({
    kind,
    id: `${bucket}/${object ? `${object}/1/` : ''}${e.entity}`,
    selfLink: `http://127.0.0.1/storage/v1/b/${bucket}/${object ? `o/${encodeURIComponent(object)}/` : ''}acl/${e.entity}`,
    bucket,
    ...(object ? { object, generation: '1' } : {}),
    etag: 'CAE=',
    ...e,
  }));
}

function objectResource(bucket: string, name: string, o: GcsObjectState): Record<string, unknown> {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/1`,
    selfLink: `http://127.0.0.1/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}`,
    mediaLink: `http://127.0.0.1/download/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?generation=1&alt=media`,
    name,
    bucket,
    generation: '1',
    metageneration: '1',
    contentType: o.contentType ?? 'application/octet-stream',
    storageClass: 'STANDARD',
    size: String(o.data.length),
    timeCreated: o.updated ?? '2024-04-01T00:00:00.000Z',
    updated: o.updated ?? '2024-04-01T00:00:00.000Z',
    etag: 'CAE=',
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function googleError(res: ServerResponse, status: number, message: string): void {
  const names: Record<number, [string, string]> = {
    400: ['INVALID_ARGUMENT', 'invalid'],
    401: ['UNAUTHENTICATED', 'required'],
    403: ['PERMISSION_DENIED', 'forbidden'],
    404: ['NOT_FOUND', 'notFound'],
    405: ['INVALID_ARGUMENT', 'methodNotAllowed'],
    503: ['UNAVAILABLE', 'backendError'],
  };
  const [statusName, reason] = names[status] ?? ['UNKNOWN', 'unknown'];
  send(res, status, { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: statusName } });
}

function sendBytes(res: ServerResponse, data: Buffer, range: string | undefined, contentType: string): void {
  const m = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
  if (m) {
    const start = Number(m[1]);
    const end = Math.min(m[2] ? Number(m[2]) : data.length - 1, data.length - 1);
    const slice = data.subarray(start, end + 1);
    res.writeHead(206, { 'content-type': contentType, 'content-length': slice.length, 'content-range': `bytes ${start}-${end}/${data.length}` });
    res.end(slice);
    return;
  }
  res.writeHead(200, { 'content-type': contentType, 'content-length': data.length });
  res.end(data);
}

interface Route {
  name: string;
  bucket?: string;
  object?: string;
  /** Routes an anonymous caller may reach when the data is public. */
  anonymous?: 'read' | 'list';
  /** The project a project-level route is about (buckets.list, projects.get, the org policy). */
  project?: string;
  handle(): void;
}

export async function startFakeGcs(world: GcsWorld, token = 'kumoscan-test-token'): Promise<FakeGcs> {
  const seen: SeenRequest[] = [];

  function route(req: IncomingMessage, res: ServerResponse, path: string, q: URLSearchParams): Route | undefined {
    const seg = path.split('/').slice(1).map((s) => decodeURIComponent(s));
    const bucketOf = (name: string | undefined): GcsBucketState | undefined => (name !== undefined && Object.hasOwn(world.buckets, name) ? world.buckets[name] : undefined);
    const full = q.get('projection') === 'full';
    const notFound = (): void => googleError(res, 404, 'The specified bucket does not exist.');
    // JSON API (also under /download for media).
    const api = seg[0] === 'download' ? seg.slice(1) : seg;
    if (api[0] === 'storage' && api[1] === 'v1' && api[2] === 'b') {
      const name = api[3];
      if (name === undefined) {
        const project = q.get('project') ?? '';
        return {
          name: 'buckets.list',
          project,
          handle: () => {
            if (!projectsOf(world).some((p) => p.projectId === project)) return googleError(res, 403, `caller does not have storage.buckets.list access to the Google Cloud project ${project}.`);
            const items = Object.values(world.buckets).filter((b) => (b.projectId ?? world.projectId) === project);
            send(res, 200, { kind: 'storage#buckets', items: items.map((b) => bucketResource(world, b, full)) });
          },
        };
      }
      const b = bucketOf(name);
      const rest = api.slice(4);
      if (rest.length === 0) return { name: 'buckets.get', bucket: name, handle: () => (b ? send(res, 200, bucketResource(world, b, full)) : notFound()) };
      if (rest[0] === 'iam' && rest.length === 1) {
        return {
          name: 'buckets.getIamPolicy',
          bucket: name,
          handle: () => {
            if (!b) return notFound();
            const conditional = (b.policy.bindings ?? []).some((x) => x.condition);
            if (conditional && q.get('optionsRequestedPolicyVersion') !== '3') return googleError(res, 400, 'policy with conditions requires requestedPolicyVersion 3');
            send(res, 200, { kind: 'storage#policy', resourceId: `projects/_/buckets/${name}`, version: conditional ? 3 : 1, etag: 'CAE=', ...b.policy });
          },
        };
      }
      const uniformRefusal = (): boolean => {
        if (b?.resource.iamConfiguration?.uniformBucketLevelAccess?.enabled) {
          googleError(res, 400, 'Cannot get legacy ACL for a bucket that has uniform bucket-level access. Read more at https://cloud.google.com/storage/docs/uniform-bucket-level-access');
          return true;
        }
        return false;
      };
      if (rest[0] === 'acl' && rest.length === 1) {
        return { name: 'bucketAccessControls.list', bucket: name, handle: () => (!b ? notFound() : uniformRefusal() ? undefined : send(res, 200, { kind: 'storage#bucketAccessControls', items: aclItems(b.acl ?? [], 'storage#bucketAccessControl', name) })) };
      }
      if (rest[0] === 'defaultObjectAcl' && rest.length === 1) {
        return { name: 'defaultObjectAccessControls.list', bucket: name, handle: () => (!b ? notFound() : uniformRefusal() ? undefined : send(res, 200, { kind: 'storage#objectAccessControls', items: aclItems(b.defaultObjectAcl ?? [], 'storage#objectAccessControl', name) })) };
      }
      if (rest[0] === 'o' && rest.length === 1) {
        return {
          name: 'objects.list',
          bucket: name,
          anonymous: 'list',
          handle: () => {
            if (!b) return notFound();
            const prefix = q.get('prefix') ?? '';
            const delimiter = q.get('delimiter') ?? '';
            const max = Number(q.get('maxResults') ?? '1000');
            const start = Number(q.get('pageToken') ?? '0');
            const names = Object.keys(b.objects).filter((n) => n.startsWith(prefix)).sort();
            const items: string[] = [];
            const prefixes = new Set<string>();
            for (const n of names) {
              const cut = delimiter ? n.indexOf(delimiter, prefix.length) : -1;
              if (cut >= 0) prefixes.add(n.slice(0, cut + delimiter.length));
              else items.push(n);
            }
            const page = items.slice(start, start + max);
            send(res, 200, {
              kind: 'storage#objects',
              ...(prefixes.size > 0 ? { prefixes: [...prefixes] } : {}),
              items: page.map((n) => objectResource(name, n, b.objects[n]!)),
              ...(start + max < items.length ? { nextPageToken: String(start + max) } : {}),
            });
          },
        };
      }
      if (rest[0] === 'o' && rest.length >= 2) {
        const object = rest[1]!;
        const o = b?.objects[object];
        if (rest.length === 3 && rest[2] === 'acl') {
          return { name: 'objectAccessControls.list', bucket: name, object, handle: () => (!o ? googleError(res, 404, 'No such object') : uniformRefusal() ? undefined : send(res, 200, { kind: 'storage#objectAccessControls', items: aclItems(o.acl ?? [], 'storage#objectAccessControl', name, object) })) };
        }
        if (rest.length === 2) {
          const media = q.get('alt') === 'media';
          return {
            name: media ? 'objects.get(media)' : 'objects.get',
            bucket: name,
            object,
            ...(media ? { anonymous: 'read' as const } : {}),
            handle: () => {
              if (!o) return googleError(res, 404, 'No such object');
              if (media) return sendBytes(res, o.data, req.headers.range, o.contentType ?? 'application/octet-stream');
              send(res, 200, objectResource(name, object, o));
            },
          };
        }
      }
      return undefined;
    }
    // Resource Manager v3, Org Policy v2, IAM v1.
    if (path === '/v3/projects:search') {
      return {
        name: 'projects.search',
        handle: () =>
          send(res, 200, {
            projects: projectsOf(world).map((p) => ({ name: `projects/${p.projectNumber}`, projectId: p.projectId, state: 'ACTIVE', displayName: p.projectId, ...(world.organization ? { parent: `organizations/${world.organization.id}` } : {}) })),
          }),
      };
    }
    if (seg[0] === 'v3' && seg[1] === 'projects' && seg.length === 3) {
      const p = projectsOf(world).find((x) => x.projectId === seg[2]);
      return {
        name: 'projects.get',
        ...(seg[2] ? { project: seg[2] } : {}),
        handle: () =>
          p
            ? send(res, 200, { name: `projects/${p.projectNumber}`, projectId: p.projectId, state: 'ACTIVE', ...(world.organization ? { parent: `organizations/${world.organization.id}` } : {}) })
            : googleError(res, 403, 'The caller does not have permission'),
      };
    }
    if (seg[0] === 'v3' && seg[1] === 'organizations' && seg.length === 3) {
      return {
        name: 'organizations.get',
        handle: () =>
          world.organization && seg[2] === world.organization.id
            ? send(res, 200, { name: `organizations/${world.organization.id}`, displayName: world.organization.displayName, directoryCustomerId: 'C0123abcd', state: 'ACTIVE' })
            : googleError(res, 403, 'The caller does not have permission'),
      };
    }
    if (seg[0] === 'v2' && seg[1] === 'projects' && seg[3] === 'policies' && seg[4] === 'storage.publicAccessPrevention:getEffectivePolicy') {
      const p = projectsOf(world).find((x) => x.projectId === seg[2]);
      return {
        name: 'policies.getEffectivePolicy',
        ...(seg[2] ? { project: seg[2] } : {}),
        handle: () => {
          if (world.orgPublicAccessPrevention === 'denied' || !p) return googleError(res, 403, "Permission 'orgpolicy.policy.get' denied");
          send(res, 200, { name: `projects/${p.projectNumber}/policies/storage.publicAccessPrevention`, spec: { etag: 'CAE=', updateTime: '2024-04-01T00:00:00Z', rules: [{ enforce: world.orgPublicAccessPrevention }] } });
        },
      };
    }
    if (seg[0] === 'v1' && (seg[1] === 'projects' || seg[1] === 'organizations') && seg[3] === 'roles' && seg.length === 5) {
      const roleName = seg.slice(1).join('/');
      return { name: 'roles.get', handle: () => (Object.hasOwn(world.customRoles, roleName) ? send(res, 200, world.customRoles[roleName]) : googleError(res, 404, `The role named ${roleName} was not found.`)) };
    }
    // XML API, path style: /BUCKET/OBJECT (the probe's object URL).
    if (seg.length >= 2 && bucketOf(seg[0])) {
      const name = seg[0]!;
      const object = seg.slice(1).join('/');
      return {
        name: 'xml.object.get',
        bucket: name,
        object,
        anonymous: 'read',
        handle: () => {
          const o = world.buckets[name]!.objects[object];
          if (!o) {
            res.writeHead(404, { 'content-type': 'application/xml' });
            res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
            return;
          }
          sendBytes(res, o.data, req.headers.range, o.contentType ?? 'application/octet-stream');
        },
      };
    }
    return undefined;
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = req.headers.authorization;
    const auth: SeenRequest['auth'] = header === undefined ? 'none' : header === `Bearer ${token}` ? 'token' : 'other';
    const r = route(req, res, url.pathname, url.searchParams);
    seen.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route: r?.name ?? 'unknown',
      auth,
      ...(req.headers.range ? { range: req.headers.range } : {}),
    });
    req.resume();
    if (req.method !== 'GET') return googleError(res, 405, `kumoscan must only read: ${req.method ?? ''} is refused`);
    if (!r) return googleError(res, 404, `no route for ${url.pathname}`);
    if (auth !== 'token') {
      const b = r.bucket !== undefined ? world.buckets[r.bucket] : undefined;
      const xml = r.name === 'xml.object.get';
      if (!r.anonymous || !b || !anonymousMay(world, b, r.anonymous, r.object)) {
        if (xml) {
          res.writeHead(403, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access denied.</Message><Details>Anonymous caller does not have storage.objects.get access to the Google Cloud Storage object.</Details></Error>');
          return;
        }
        return googleError(res, 401, `Anonymous caller does not have ${r.anonymous === 'list' ? 'storage.objects.list' : 'storage.objects.get'} access.`);
      }
    }
    const denied = world.deny?.(r.name, r.bucket, r.project);
    if (denied !== undefined) return googleError(res, denied, `injected ${denied} for ${r.name}`);
    r.handle();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    world,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
