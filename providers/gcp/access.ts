// Pure GCS access evaluation: what ANYONE can do with one bucket, from its raw snapshot (IAM policy, legacy
// ACLs, Public Access Prevention, uniform bucket-level access), and which fixed principals outside the
// project's organization can reach it. Three-valued throughout: null = could not be determined, and the
// evidence says why. Spec: /work/shared/PUBLIC-ACCESS.md, "Google Cloud Storage", rules 1–3.
//
// verdict(c) = PAP effectively enforced ? false : OR over public grants g of g(c)
//   public grants: IAM bindings of allUsers / allAuthenticatedUsers (role -> capabilities, conditions ignored
//   and said so), and — only while uniform bucket-level access is off — public bucket ACL, default object ACL
//   and sampled object ACL entries. An input that could not be read is a grant of null.
//   PAP unknown (inherited, org policy unreadable): what would be public is null, what is not stays false.
import { CAPABILITIES, type Capability, type CollectError, type Evidence, type Exposure, type Guards, type Principal, type Tri } from '../../src/model.js';
import { lookupRole, isCustomRole, type RoleCapabilities } from './roles.js';
import type { GcpRole, GcsAclEntry, GcsBucketSnapshot, GcsIamBinding } from './snapshot-types.js';

export interface GcpProjectContext {
  projectId: string;
  projectNumber?: string;
  orgPublicAccessPrevention: boolean | null;
  /** Project-level calls that failed (org policy, custom roles …), to explain unknowns. */
  errors: readonly CollectError[];
  customRoles?: Readonly<Record<string, GcpRole>>;
  /** The organization's domains; undefined = unknown. */
  domains?: readonly string[];
}

export interface GcpAccessResult {
  exposure: Exposure;
  guards: Guards;
  externalPrincipals: Principal[];
}

const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);
/** Accounts of these domains are consumer Google accounts: never part of an organization. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

// ---------------------------------------------------------------------------------------------------------
// Three-valued helpers

export function triOr(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

function failed(bucket: GcsBucketSnapshot, call: string): CollectError | undefined {
  return (bucket.errors ?? []).find((e) => e.call === call);
}

function describeError(e: CollectError | undefined): string {
  return e ? `${e.call} failed (${e.code})` : 'not collected';
}

// ---------------------------------------------------------------------------------------------------------
// Guards (rules 1 and 3)

/** true when the bucket resource itself could not be read (only its name is known). */
function metadataUnknown(bucket: GcsBucketSnapshot): CollectError | undefined {
  if (bucket.metadata.iamConfiguration !== undefined) return undefined;
  return failed(bucket, 'buckets.get') ?? failed(bucket, 'buckets.list');
}

interface PapState {
  value: Tri;
  bucketSetting: string | null;
  evidence: Evidence;
}

export function publicAccessPrevention(bucket: GcsBucketSnapshot, project: GcpProjectContext): PapState {
  const unknownMd = metadataUnknown(bucket);
  const setting = unknownMd ? null : (bucket.metadata.iamConfiguration?.publicAccessPrevention ?? 'inherited');
  const org = project.orgPublicAccessPrevention;
  const orgError = project.errors.find((e) => e.call === 'policies.getEffectivePolicy');
  const src = 'public-access-prevention';
  if (setting === 'enforced') {
    return { value: true, bucketSetting: setting, evidence: { effect: 'info', source: src, ref: 'iamConfiguration.publicAccessPrevention = "enforced"', message: 'Public Access Prevention is enforced on the bucket: nothing in it can be made public', messageJa: 'バケットでパブリックアクセスの防止が適用されています。バケット内のものは公開できません' } };
  }
  if (org === true) {
    return {
      value: true,
      bucketSetting: setting,
      evidence: { effect: 'info', source: src, ref: 'org policy storage.publicAccessPrevention', message: `the bucket's Public Access Prevention is ${setting === null ? 'unknown' : `"${setting}"`}, and the effective org policy storage.publicAccessPrevention is enforced on project ${project.projectId}: nothing in it can be made public`, messageJa: `バケットのパブリックアクセスの防止は${setting === null ? '不明' : `「${setting}」`}ですが、プロジェクト ${project.projectId} で有効な組織のポリシー storage.publicAccessPrevention が適用されているため、バケット内のものは公開できません` },
    };
  }
  if (setting === null) {
    return { value: null, bucketSetting: null, evidence: { effect: 'unknown', source: src, ref: 'iamConfiguration.publicAccessPrevention', message: `the bucket resource could not be read (${describeError(unknownMd)}), so its Public Access Prevention is unknown`, messageJa: `バケットのリソースを読み取れなかったため（${describeError(unknownMd)}）、パブリックアクセスの防止の設定は不明です` } };
  }
  if (org === null) {
    return {
      value: null,
      bucketSetting: setting,
      evidence: { effect: 'unknown', source: src, ref: 'org policy storage.publicAccessPrevention', message: `the bucket's Public Access Prevention is "${setting}" (it follows the org policy), and the effective org policy storage.publicAccessPrevention could not be read (${describeError(orgError)})`, messageJa: `バケットのパブリックアクセスの防止は「${setting}」（組織のポリシーに従う）ですが、有効な組織のポリシー storage.publicAccessPrevention を読み取れませんでした（${describeError(orgError)}）` },
    };
  }
  return {
    value: false,
    bucketSetting: setting,
    evidence: { effect: 'info', source: src, ref: `iamConfiguration.publicAccessPrevention = "${setting}"`, message: `Public Access Prevention is "${setting}" and the effective org policy storage.publicAccessPrevention is not enforced: public bindings and ACLs take effect`, messageJa: `パブリックアクセスの防止は「${setting}」で、有効な組織のポリシー storage.publicAccessPrevention も適用されていないため、公開のバインディングと ACL が有効に働きます` },
  };
}

/** ACLs take effect when uniform bucket-level access is off; null when the bucket resource is unknown. */
export function aclsInEffect(bucket: GcsBucketSnapshot): Tri {
  if (metadataUnknown(bucket)) return null;
  const cfg = bucket.metadata.iamConfiguration;
  const ubla = cfg?.uniformBucketLevelAccess?.enabled ?? cfg?.bucketPolicyOnly?.enabled ?? false;
  return !ubla;
}

// ---------------------------------------------------------------------------------------------------------
// Grants to anyone

interface PublicGrant {
  /** The capabilities this grant speaks to: true = gives it (if not neutralized), null = might. */
  caps: Partial<Record<Capability, Tri>>;
  source: string;
  ref: string;
  message: string;
  messageJa: string;
}

function conditionText(b: GcsIamBinding): string {
  const c = b.condition;
  if (!c) return '';
  const title = c.title ? `"${c.title}" ` : '';
  return ` with the IAM condition ${title}(${c.expression ?? 'no expression'}) — treated as public: kumoscan does not evaluate conditions, and one that holds for some requests leaves the data public for them`;
}

function conditionTextJa(b: GcsIamBinding): string {
  const c = b.condition;
  if (!c) return '';
  const title = c.title ? `「${c.title}」` : '';
  return `（IAM 条件 ${title}(${c.expression ?? '式なし'}) 付き。kumoscan は条件を評価せず、一部のリクエストで成り立つ条件でもそのリクエストには公開となるため、公開として扱います）`;
}

function roleCaps(caps: RoleCapabilities, aclsEnabled: Tri): Partial<Record<Capability, Tri>> {
  const out: Partial<Record<Capability, Tri>> = {};
  if (caps.read) out.read = true;
  if (caps.list) out.list = true;
  if (caps.write) out.write = true;
  if (caps.bucketAclWrite) out.aclWrite = true;
  else if (caps.objectAclWrite && aclsEnabled !== false) out.aclWrite = aclsEnabled; // object ACLs only count while ACLs do
  return out;
}

function roleErrorFor(project: GcpProjectContext, role: string): string | undefined {
  const e = project.errors.find((x) => x.call === 'roles.get' && x.message.includes(role));
  return e ? `roles.get: ${e.code}` : undefined;
}

function iamGrants(bucket: GcsBucketSnapshot, project: GcpProjectContext, aclsEnabled: Tri, notes: Evidence[]): PublicGrant[] {
  const policy = bucket.iamPolicy;
  if (policy === undefined) {
    const error = failed(bucket, 'buckets.getIamPolicy');
    if (!error) return [];
    return [{ caps: { read: null, list: null, write: null, aclWrite: null }, source: 'iam-policy', ref: 'buckets.getIamPolicy', message: `the bucket IAM policy could not be read (${describeError(error)})`, messageJa: `バケットの IAM ポリシーを読み取れませんでした（${describeError(error)}）` }];
  }
  const grants: PublicGrant[] = [];
  for (const binding of policy.bindings ?? []) {
    const members = (binding.members ?? []).filter((m) => PUBLIC_MEMBERS.has(m));
    if (members.length === 0) continue;
    const role = lookupRole(binding.role, project.customRoles, roleErrorFor(project, binding.role));
    for (const member of members) {
      const ref = `binding ${binding.role} → ${member}${binding.condition ? ' (conditional)' : ''}`;
      const who = member === 'allUsers' ? 'allUsers (anyone on the internet, anonymous)' : 'allAuthenticatedUsers (any signed-in Google account)';
      const whoJa = member === 'allUsers' ? 'allUsers（インターネット上の誰でも、匿名）' : 'allAuthenticatedUsers（ログインした任意の Google アカウント）';
      if (!role.known) {
        grants.push({ caps: { read: null, list: null, write: null, aclWrite: null }, source: 'iam-policy', ref, message: `${who} has ${binding.role}, whose permissions are unknown: ${role.reason}${conditionText(binding)}`, messageJa: `${whoJa}にロール ${binding.role} が付与されていますが、その権限は不明です: ${role.reason}${conditionTextJa(binding)}` });
        continue;
      }
      if (role.deleted) {
        notes.push({ effect: 'info', source: 'iam-policy', ref, message: `${who} is bound to the deleted custom role ${binding.role}, which grants nothing while deleted (an undelete would restore it)`, messageJa: `${whoJa}に削除済みのカスタムロール ${binding.role} がバインドされています。削除中は何も許可しません（削除を取り消すと元に戻ります）` });
        continue;
      }
      const caps = roleCaps(role.caps, aclsEnabled);
      const perms = role.caps.permissions.length > 0 ? role.caps.permissions.join(', ') : 'no object permission';
      const kind = role.source === 'custom' ? 'custom role ' : '';
      const permsJa = role.caps.permissions.length > 0 ? role.caps.permissions.join('、') : 'オブジェクトの権限なし';
      if (role.caps.objectAclWrite && !role.caps.bucketAclWrite && aclsEnabled === false) {
        notes.push({ capability: 'aclWrite', effect: 'neutralized', source: 'iam-policy', ref, message: `${who} has storage.objects.setIamPolicy through ${binding.role}, but uniform bucket-level access is on, so object ACLs cannot be changed`, messageJa: `${whoJa}はロール ${binding.role} により storage.objects.setIamPolicy を持ちますが、均一なバケットレベルのアクセスが有効なため、オブジェクト ACL は変更できません` });
      }
      if (Object.keys(caps).length === 0) continue;
      grants.push({ caps, source: 'iam-policy', ref, message: `${who} has ${kind}${binding.role} (${perms})${conditionText(binding)}`, messageJa: `${whoJa}に${role.source === 'custom' ? 'カスタムロール ' : 'ロール '}${binding.role}（${permsJa}）が付与されています${conditionTextJa(binding)}` });
    }
  }
  return grants;
}

type AclKind = 'bucket' | 'default-object' | 'object';

/** Capabilities of a public ACL entry: bucket READER = list, WRITER = + write, OWNER = + aclWrite; object READER = read, OWNER = + aclWrite. */
function aclCaps(kind: AclKind, role: string): Capability[] {
  const r = role.toUpperCase();
  if (kind === 'bucket') {
    if (r === 'READER') return ['list'];
    if (r === 'WRITER') return ['list', 'write'];
    if (r === 'OWNER') return ['list', 'write', 'aclWrite'];
    return [];
  }
  if (r === 'READER') return ['read'];
  if (r === 'OWNER') return ['read', 'aclWrite'];
  return [];
}

const ACL_SOURCE: Readonly<Record<AclKind, string>> = { bucket: 'bucket-acl', 'default-object': 'default-object-acl', object: 'object-acl' };

function aclGrants(kind: AclKind, entries: readonly GcsAclEntry[], aclsEnabled: Tri, objectName?: string): PublicGrant[] {
  const grants: PublicGrant[] = [];
  for (const e of entries) {
    if (!PUBLIC_MEMBERS.has(e.entity)) continue;
    const caps = aclCaps(kind, e.role);
    if (caps.length === 0) continue;
    const value: Tri = aclsEnabled; // false: neutralized below; null: unknown whether ACLs count
    const c: Partial<Record<Capability, Tri>> = {};
    for (const cap of caps) c[cap] = value === false ? true : value;
    const where = kind === 'bucket' ? 'the bucket ACL' : kind === 'default-object' ? 'the default object ACL (applied to new objects)' : `the ACL of object "${objectName}"`;
    const what = kind === 'default-object' ? `: objects created without an explicit ACL become ${caps.includes('aclWrite') ? 'readable and re-shareable' : 'readable'} by ${e.entity}` : '';
    const unsure = aclsEnabled === null ? '; whether ACLs take effect is unknown (the bucket resource could not be read)' : '';
    const whereJa = kind === 'bucket' ? 'バケットの ACL' : kind === 'default-object' ? 'デフォルトのオブジェクト ACL（新しいオブジェクトに適用）' : `オブジェクト「${objectName}」の ACL`;
    const whatJa = kind === 'default-object' ? `。明示的な ACL なしで作成されたオブジェクトは ${e.entity} が${caps.includes('aclWrite') ? '読み取り・再共有' : '読み取り'}できる状態になります` : '';
    const unsureJa = aclsEnabled === null ? '。ACL が有効に働くかは不明です（バケットのリソースを読み取れませんでした）' : '';
    grants.push({ caps: c, source: ACL_SOURCE[kind], ref: `${objectName ? `${objectName}: ` : ''}${e.entity} ${e.role}`, message: `${where} grants ${e.role} to ${e.entity}${what}${unsure}`, messageJa: `${whereJa}が ${e.entity} に ${e.role} を付与しています${whatJa}${unsureJa}` });
  }
  return grants;
}

interface AclInputs {
  grants: PublicGrant[];
  /** ACL grants that uniform bucket-level access switches off. */
  switchedOff: PublicGrant[];
  notes: Evidence[];
}

function aclInputs(bucket: GcsBucketSnapshot, aclsEnabled: Tri): AclInputs {
  const out: AclInputs = { grants: [], switchedOff: [], notes: [] };
  const bucketAcl = bucket.bucketAcl ?? bucket.metadata.acl;
  const defaultAcl = bucket.defaultObjectAcl ?? bucket.metadata.defaultObjectAcl;
  const found: PublicGrant[] = [
    ...aclGrants('bucket', bucketAcl ?? [], aclsEnabled),
    ...aclGrants('default-object', defaultAcl ?? [], aclsEnabled),
    ...Object.entries(bucket.objectAcls ?? {}).flatMap(([name, acl]) => aclGrants('object', acl, aclsEnabled, name)),
  ];
  if (aclsEnabled === false) {
    out.switchedOff = found;
    return out;
  }
  out.grants = found;
  // Inputs that could not be read, while ACLs (may) count.
  const bucketAclError = failed(bucket, 'bucketAccessControls.list');
  if (bucketAcl === undefined && bucketAclError) {
    out.grants.push({ caps: { list: null, write: null, aclWrite: null }, source: 'bucket-acl', ref: 'bucketAccessControls.list', message: `the bucket ACL could not be read (${describeError(bucketAclError)})`, messageJa: `バケットの ACL を読み取れませんでした（${describeError(bucketAclError)}）` });
  }
  const defaultAclError = failed(bucket, 'defaultObjectAccessControls.list');
  if (defaultAcl === undefined && defaultAclError) {
    out.grants.push({ caps: { read: null }, source: 'default-object-acl', ref: 'defaultObjectAccessControls.list', message: `the default object ACL could not be read (${describeError(defaultAclError)})`, messageJa: `デフォルトのオブジェクト ACL を読み取れませんでした（${describeError(defaultAclError)}）` });
  }
  if (aclsEnabled === true) {
    const sampled = Object.keys(bucket.objectAcls ?? {}).length;
    const sampleError = failed(bucket, 'objects.list') ?? failed(bucket, 'objectAccessControls.list');
    const publicObjects = Object.entries(bucket.objectAcls ?? {}).filter(([, acl]) => acl.some((e) => PUBLIC_MEMBERS.has(e.entity) && aclCaps('object', e.role).length > 0)).length;
    out.notes.push({
      capability: 'read',
      effect: 'info',
      source: 'object-acl',
      ref: `sample of ${sampled} object${sampled === 1 ? '' : 's'}`,
      message:
        `object ACLs of ${sampled} sampled object${sampled === 1 ? '' : 's'} were read; ${publicObjects} grant${publicObjects === 1 ? 's' : ''} access to anyone` +
        (sampleError ? `; the sample is incomplete (${describeError(sampleError)})` : '') +
        '; objects outside the sample were not checked (object ACLs are per object)',
      messageJa:
        `サンプルした ${sampled} 個のオブジェクトの ACL を読み取りました。誰にでもアクセスを許可しているもの: ${publicObjects} 件` +
        (sampleError ? `。サンプルは不完全です（${describeError(sampleError)}）` : '') +
        '。サンプル外のオブジェクトは確認していません（オブジェクト ACL はオブジェクトごとです）',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// External principals

/** The project a service account belongs to: { id } or { number }, from the documented address forms. */
export function serviceAccountProject(email: string): { id?: string; number?: string } | undefined {
  const e = email.toLowerCase();
  let m = /^service-(\d+)@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.exec(e); // Google-managed service agents
  if (m) return { number: m[1] };
  m = /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(e); // user-managed service accounts
  if (m) return { id: m[1] };
  m = /^([a-z][a-z0-9-]{4,28}[a-z0-9])@appspot\.gserviceaccount\.com$/.exec(e); // App Engine default
  if (m) return { id: m[1] };
  m = /^(\d+)(?:-compute@developer|@cloudservices|@cloudbuild)\.gserviceaccount\.com$/.exec(e); // Compute default, Google APIs, Cloud Build
  if (m) return { number: m[1] };
  return undefined;
}

function domainOutside(domain: string, project: GcpProjectContext): boolean | undefined {
  const d = domain.toLowerCase();
  if (CONSUMER_DOMAINS.has(d)) return true;
  if (!project.domains || project.domains.length === 0) return undefined;
  return !project.domains.some((own) => {
    const o = own.toLowerCase();
    return d === o || d.endsWith(`.${o}`);
  });
}

function projectOutside(p: { id?: string; number?: string }, project: GcpProjectContext): { outside: boolean; account: string } | undefined {
  if (p.id) return { outside: p.id !== project.projectId, account: p.id };
  if (p.number) {
    if (!project.projectNumber) return undefined;
    return { outside: p.number !== project.projectNumber, account: `project number ${p.number}` };
  }
  return undefined;
}

/** Is this IAM member (or ACL entity) outside the project's organization? undefined = cannot tell (not reported). */
export function classifyMember(member: string, project: GcpProjectContext): { account: string } | undefined {
  const colon = member.indexOf(':');
  let type: string;
  let value: string;
  if (colon > 0) {
    type = member.slice(0, colon);
    value = member.slice(colon + 1);
  } else {
    // ACL entities: user-EMAIL, group-EMAIL, domain-DOMAIN, project-TEAM-NUMBER
    const m = /^(user|group|domain|project)-(.+)$/.exec(member);
    if (!m) return undefined;
    type = m[1]!;
    value = m[2]!;
    if (type === 'project') {
      const pm = /^(owners|editors|viewers)-(\d+)$/.exec(value);
      const r = pm ? projectOutside({ number: pm[2]! }, project) : undefined;
      return r?.outside ? { account: r.account } : undefined;
    }
    if ((type === 'user' || type === 'group') && !value.includes('@')) return undefined; // user-ID entities
  }
  switch (type) {
    case 'user':
    case 'group': {
      const domain = value.slice(value.lastIndexOf('@') + 1);
      return domainOutside(domain, project) ? { account: domain.toLowerCase() } : undefined;
    }
    case 'domain':
      return domainOutside(value, project) ? { account: value.toLowerCase() } : undefined;
    case 'serviceAccount': {
      const sa = serviceAccountProject(value);
      const r = sa ? projectOutside(sa, project) : undefined;
      return r?.outside ? { account: r.account } : undefined;
    }
    case 'projectOwner':
    case 'projectEditor':
    case 'projectViewer':
      return value !== project.projectId ? { account: value } : undefined;
    default:
      return undefined; // deleted:…, principal://…, principalSet://… are not classified
  }
}

function externalPrincipals(bucket: GcsBucketSnapshot, project: GcpProjectContext, aclsEnabled: Tri): Principal[] {
  const out: Principal[] = [];
  for (const binding of bucket.iamPolicy?.bindings ?? []) {
    const role = lookupRole(binding.role, project.customRoles);
    if (!role.known || role.deleted) continue;
    const c = role.caps;
    const caps: Capability[] = [];
    if (c.read) caps.push('read');
    if (c.list) caps.push('list');
    if (c.write) caps.push('write');
    if (c.bucketAclWrite || (c.objectAclWrite && aclsEnabled === true)) caps.push('aclWrite');
    if (caps.length === 0) continue;
    for (const member of binding.members ?? []) {
      if (PUBLIC_MEMBERS.has(member)) continue;
      const ext = classifyMember(member, project);
      if (!ext) continue;
      out.push({ id: member, kind: 'gcp-member', account: ext.account, capabilities: caps, conditional: binding.condition !== undefined, evidence: `binding ${binding.role}${isCustomRole(binding.role) ? ' (custom role)' : ''}` });
    }
  }
  if (aclsEnabled === true) {
    const lists: [AclKind, string, readonly GcsAclEntry[]][] = [
      ['bucket', 'bucket ACL', bucket.bucketAcl ?? bucket.metadata.acl ?? []],
      ['default-object', 'default object ACL', bucket.defaultObjectAcl ?? bucket.metadata.defaultObjectAcl ?? []],
      ...Object.entries(bucket.objectAcls ?? {}).map(([name, acl]): [AclKind, string, readonly GcsAclEntry[]] => ['object', `ACL of object "${name}"`, acl]),
    ];
    for (const [kind, where, entries] of lists) {
      for (const e of entries) {
        if (PUBLIC_MEMBERS.has(e.entity)) continue;
        const caps = aclCaps(kind, e.role);
        if (caps.length === 0) continue;
        const ext = classifyMember(e.entity, project);
        if (!ext) continue;
        out.push({ id: e.entity, kind: 'gcp-member', account: ext.account, capabilities: caps, conditional: false, evidence: `${where}: ${e.entity} ${e.role}` });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The verdict

export function evaluateGcsAccess(bucket: GcsBucketSnapshot, project: GcpProjectContext): GcpAccessResult {
  const pap = publicAccessPrevention(bucket, project);
  const aclsEnabled = aclsInEffect(bucket);
  const notes: Evidence[] = [];
  const iam = iamGrants(bucket, project, aclsEnabled, notes);
  const acl = aclInputs(bucket, aclsEnabled);
  const grants = [...iam, ...acl.grants];
  const evidence: Evidence[] = [pap.evidence];
  const verdict: Record<Capability, Tri> = { read: false, list: false, write: false, aclWrite: false };
  const papWhy = pap.evidence.ref.startsWith('org policy') ? 'the org policy enforces Public Access Prevention' : 'Public Access Prevention is enforced on the bucket';
  const papWhyJa = pap.evidence.ref.startsWith('org policy') ? '組織のポリシーでパブリックアクセスの防止が適用されています' : 'バケットでパブリックアクセスの防止が適用されています';

  for (const cap of CAPABILITIES) {
    const relevant = grants.filter((g) => g.caps[cap] !== undefined);
    const raw = triOr(relevant.map((g) => g.caps[cap] as Tri));
    for (const g of relevant) {
      const value = g.caps[cap];
      if (pap.value === true) {
        evidence.push({ capability: cap, effect: 'neutralized', source: g.source, ref: g.ref, message: `${g.message}; no effect: ${papWhy}`, messageJa: `${g.messageJa}。ただし効果はありません: ${papWhyJa}` });
      } else if (value === true) {
        evidence.push({ capability: cap, effect: 'grants', source: g.source, ref: g.ref, message: g.message, messageJa: g.messageJa });
      } else {
        evidence.push({ capability: cap, effect: 'unknown', source: g.source, ref: g.ref, message: g.message, messageJa: g.messageJa });
      }
    }
    if (pap.value === true) verdict[cap] = false;
    else if (pap.value === null) {
      verdict[cap] = raw === false ? false : null;
      if (raw !== false) evidence.push({ capability: cap, effect: 'unknown', source: pap.evidence.source, ref: pap.evidence.ref, message: `public unless Public Access Prevention applies: ${pap.evidence.message}`, messageJa: `パブリックアクセスの防止が適用されていない限り公開です: ${pap.evidence.messageJa}` });
    } else verdict[cap] = raw;
  }
  for (const g of acl.switchedOff) {
    for (const cap of Object.keys(g.caps) as Capability[]) {
      evidence.push({ capability: cap, effect: 'neutralized', source: g.source, ref: g.ref, message: `${g.message}; no effect: uniform bucket-level access is on, so ACLs are ignored`, messageJa: `${g.messageJa}。ただし効果はありません: 均一なバケットレベルのアクセスが有効なため、ACL は無視されます` });
    }
  }
  evidence.push(...notes, ...acl.notes);

  const guards: Guards = {
    publicAccessPrevention: pap.value,
    bucketPublicAccessPrevention: pap.bucketSetting,
    orgPublicAccessPrevention: project.orgPublicAccessPrevention,
    aclsEnabled,
  };
  return {
    exposure: { ...verdict, evidence },
    guards,
    externalPrincipals: externalPrincipals(bucket, project, aclsEnabled),
  };
}
