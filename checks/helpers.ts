// Shared pieces of the checks: bilingual names, evidence formatting and the logic several checks repeat.
// Pure functions over the model only (no SDK import in checks/).
import type {
  BlockPublicAccessFlags,
  Capability,
  Evidence,
  I18n,
  Lang,
  Provider,
  Remediation,
  Resource,
} from '../src/model.js';
import type { CheckMeta, FindingDraft } from './types.js';

export type { Lang };

/** Joins items the way each language writes a list: 「A、B」 / "A, B". */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'ja' ? '、' : ', ');
}

/** Joins bilingual items into one bilingual list. */
export function joinI18n(items: readonly I18n[]): I18n {
  return { ja: joinList(items.map((i) => i.ja), 'ja'), en: joinList(items.map((i) => i.en), 'en') };
}

// ---------------------------------------------------------------------------------------------
// Capabilities and exposure evidence

export const CAPABILITY_NAMES: Readonly<Record<Capability, I18n>> = {
  read: { ja: 'オブジェクトの読取', en: 'read objects' },
  list: { ja: 'オブジェクト一覧の取得', en: 'list objects' },
  write: { ja: 'オブジェクトの作成・上書き・削除', en: 'create, overwrite or delete objects' },
  aclWrite: { ja: 'ACLの変更', en: 'change ACLs' },
};

/** The exposure evidence about one capability (every effect: what grants it, what denies or neutralizes it). */
export function exposureEvidence(resource: Resource, capability: Capability): Evidence[] {
  return resource.exposure.evidence.filter((e) => e.capability === capability);
}

/** `source: ref` of every evidence entry, in order, without duplicates. */
export function evidenceRefs(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => `${e.source}: ${e.ref}`))];
}

/**
 * The refs that give a capability, for the finding's detail. When normalize recorded no granting evidence
 * (it always should), the detail says so instead of naming nothing.
 */
export function grantRefsText(evidence: readonly Evidence[]): I18n {
  const refs = evidenceRefs(evidence.filter((e) => e.effect === 'grants'));
  if (refs.length === 0) return { ja: '根拠となる設定の記録なし', en: 'no granting setting recorded' };
  return { ja: joinList(refs, 'ja'), en: joinList(refs, 'en') };
}

/**
 * The run of the four "anyone can <capability>" checks: one finding when the verdict is true,
 * none when it is false or unknown (null is reported by not-verified).
 */
export function exposureDrafts(
  resource: Resource,
  capability: Capability,
  detail: (name: string, refs: I18n) => I18n,
): FindingDraft[] {
  if (resource.exposure[capability] !== true) return [];
  const evidence = exposureEvidence(resource, capability);
  return [{ detail: detail(resource.name, grantRefsText(evidence)), evidence }];
}

// ---------------------------------------------------------------------------------------------
// Evidence for settings (the normalized attribute a check read)

// The same setting evidence recurs on most resources of a large account: one frozen object per distinct text is
// shared by every finding that cites it (a report of 100,000 buckets holds about a million of them). Bounded.
const SHARED_EVIDENCE_MAX = 50_000;
const sharedEvidence = new Map<string, Evidence>();

/** Evidence that names the normalized attribute a check read and its value (shared and frozen: never modify). */
export function settingEvidence(ref: string, value: unknown, message: I18n): Evidence {
  const set = `${ref} = ${JSON.stringify(value)}`;
  const key = `${ref}\u0000${set}\u0000${message.en}\u0000${message.ja}`;
  const known = sharedEvidence.get(key);
  if (known) return known;
  const evidence: Evidence = Object.freeze({ effect: 'info', source: 'resource', ref, message: `${set}: ${message.en}`, messageJa: `${set}: ${message.ja}` });
  if (sharedEvidence.size < SHARED_EVIDENCE_MAX) sharedEvidence.set(key, evidence);
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// S3 Block Public Access

export const BPA_FLAGS: readonly (keyof BlockPublicAccessFlags)[] = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
];

/** The flags set to false, in the order AWS lists them. */
export function bpaFlagsOff(flags: BlockPublicAccessFlags): (keyof BlockPublicAccessFlags)[] {
  return BPA_FLAGS.filter((f) => flags[f] !== true);
}

/** What each flag does (what turning it on prevents). */
export const BPA_FLAG_EFFECT: Readonly<Record<keyof BlockPublicAccessFlags, I18n>> = {
  BlockPublicAcls: { ja: '新たな公開ACLの設定を拒否', en: 'rejects new public ACLs' },
  IgnorePublicAcls: { ja: '既存の公開ACLを無視', en: 'ignores existing public ACLs' },
  BlockPublicPolicy: { ja: '新たな公開バケットポリシーの設定を拒否', en: 'rejects new public bucket policies' },
  RestrictPublicBuckets: {
    ja: '公開ポリシーによるアクセスを所有アカウントとAWSサービスに制限',
    en: 'limits access through a public policy to the owner account and AWS services',
  },
};

const bpaTexts = new Map<string, I18n>();

/** "BlockPublicAcls（新たな公開ACLの設定を拒否）、…" — the flags with what each one would do (one text per set of flags, shared). */
export function bpaFlagsText(flags: readonly (keyof BlockPublicAccessFlags)[]): I18n {
  const key = flags.join(',');
  let text = bpaTexts.get(key);
  if (!text) {
    text = Object.freeze({
      ja: joinList(flags.map((f) => `${f}（${BPA_FLAG_EFFECT[f].ja}）`), 'ja'),
      en: joinList(flags.map((f) => `${f} (${BPA_FLAG_EFFECT[f].en})`), 'en'),
    });
    bpaTexts.set(key, text);
  }
  return text;
}

export const BPA_ALL_ON = 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true';

// ---------------------------------------------------------------------------------------------
// The attributes a check reads, with their bilingual names (not-verified lists the unknown ones)

export interface CheckedAttribute {
  /** Path in the Resource, e.g. `exposure.read`. */
  path: string;
  name: I18n;
  /** The value; only `null` means "could not be determined" (undefined = the provider has no such setting). */
  get(resource: Resource): unknown;
  /** Exposure verdicts: unknown means the resource might be public. */
  exposure?: boolean;
  /** Providers that have the attribute (all when omitted). */
  providers?: readonly Provider[];
  /** When the value matters to some check (always when omitted). */
  relevant?(resource: Resource): boolean;
}

export const CHECKED_ATTRIBUTES: readonly CheckedAttribute[] = [
  {
    path: 'exposure.read',
    name: { ja: '公開読取（誰でもオブジェクトを読み取れるか）', en: 'public read (whether anyone can read objects)' },
    get: (r) => r.exposure.read,
    exposure: true,
  },
  {
    path: 'exposure.list',
    name: { ja: '公開一覧（誰でもオブジェクト一覧を取得できるか）', en: 'public listing (whether anyone can list objects)' },
    get: (r) => r.exposure.list,
    exposure: true,
  },
  {
    path: 'exposure.write',
    name: { ja: '公開書込（誰でもオブジェクトを書き込めるか）', en: 'public write (whether anyone can write objects)' },
    get: (r) => r.exposure.write,
    exposure: true,
  },
  {
    path: 'exposure.aclWrite',
    name: { ja: '公開ACL変更（誰でもACLを変更できるか）', en: 'public ACL change (whether anyone can change ACLs)' },
    get: (r) => r.exposure.aclWrite,
    exposure: true,
  },
  {
    path: 'guards.accountBlockPublicAccess',
    name: { ja: 'アカウントのブロックパブリックアクセス', en: 'account-level Block Public Access' },
    get: (r) => r.guards.accountBlockPublicAccess,
    providers: ['aws'],
  },
  {
    path: 'guards.bucketBlockPublicAccess',
    name: { ja: 'バケットのブロックパブリックアクセス', en: 'bucket-level Block Public Access' },
    get: (r) => r.guards.bucketBlockPublicAccess,
    providers: ['aws'],
  },
  {
    path: 'guards.aclsEnabled',
    name: { ja: 'ACLの有効・無効（オブジェクト所有者の設定）', en: 'whether ACLs are in effect (Object Ownership)' },
    get: (r) => r.guards.aclsEnabled,
    providers: ['aws', 'gcp'],
  },
  {
    path: 'guards.publicAccessPrevention',
    name: { ja: 'パブリックアクセスの防止（バケット又は組織ポリシー）', en: 'Public Access Prevention (bucket or org policy)' },
    get: (r) => r.guards.publicAccessPrevention,
    providers: ['gcp'],
  },
  {
    path: 'encryption.atRest',
    name: { ja: '保存時の暗号化', en: 'encryption at rest' },
    get: (r) => r.encryption.atRest,
  },
  {
    path: 'transport.httpsOnly',
    name: { ja: 'HTTPS（TLS）通信の強制', en: 'HTTPS-only access (TLS enforced)' },
    get: (r) => r.transport.httpsOnly,
  },
  {
    path: 'versioning',
    name: { ja: 'バージョニング', en: 'versioning' },
    get: (r) => r.versioning,
  },
  {
    path: 'mfaDelete',
    name: { ja: 'MFA Delete（削除時の多要素認証）', en: 'MFA Delete' },
    get: (r) => r.mfaDelete,
    providers: ['aws'],
    // MFA Delete only matters on a versioned bucket.
    relevant: (r) => r.versioning !== false,
  },
  {
    path: 'logging',
    name: { ja: 'アクセスログ', en: 'access logging' },
    get: (r) => r.logging,
  },
  {
    path: 'retentionLock',
    name: { ja: 'オブジェクトロック（保持期間のロック）', en: 'object lock (locked retention)' },
    get: (r) => r.retentionLock,
  },
  {
    path: 'website',
    name: { ja: '静的ウェブサイトホスティング', en: 'static website hosting' },
    get: (r) => r.website,
  },
  ...azureAttributes(),
];

/** The attributes a check needs that could not be determined for this resource, in table order. */
export function unknownAttributes(resource: Resource): CheckedAttribute[] {
  return CHECKED_ATTRIBUTES.filter(
    (a) =>
      (a.providers === undefined || a.providers.includes(resource.provider)) &&
      (a.relevant === undefined || a.relevant(resource)) &&
      // An account's setting is reported on the account's primary resource only (see scopeDraftsToAccount).
      !(resource.accountScope && !resource.accountScope.primary && isAccountPath(resource, a.path)) &&
      a.get(resource) === null,
  );
}

// ---------------------------------------------------------------------------------------------
// Azure storage account settings (Resource.azure, and the neutral members Azure fills at account level)

/** The Azure attributes not-verified lists when unknown (only on resources that carry Azure account settings). */
function azureAttributes(): CheckedAttribute[] {
  const azure = (r: Resource): boolean => r.azure !== undefined;
  const attr = (path: string, name: I18n, get: (r: Resource) => unknown): CheckedAttribute => ({ path, name, get, providers: ['azure'], relevant: azure });
  return [
    attr('guards.allowBlobPublicAccess', { ja: 'ストレージアカウントの BLOB 匿名アクセスの許可（allowBlobPublicAccess）', en: 'anonymous blob access allowed on the storage account (allowBlobPublicAccess)' }, (r) => r.guards.allowBlobPublicAccess),
    attr('transport.minTls', { ja: '最小 TLS バージョン', en: 'minimum TLS version' }, (r) => r.transport.minTls),
    attr('softDelete', { ja: 'BLOB の論理的な削除', en: 'blob soft delete' }, (r) => r.softDelete),
    attr('azure.allowSharedKeyAccess', { ja: '共有キーによるアクセスの許可（allowSharedKeyAccess）', en: 'Shared Key access allowed (allowSharedKeyAccess)' }, (r) => r.azure?.allowSharedKeyAccess),
    attr('azure.openToAllNetworks', { ja: 'ネットワークアクセスの制限（publicNetworkAccess、ネットワーク規則の既定の動作）', en: 'network restrictions (publicNetworkAccess, network rule default action)' }, (r) => r.azure?.openToAllNetworks),
    attr('azure.allowCrossTenantReplication', { ja: 'テナント間レプリケーションの許可', en: 'cross-tenant replication allowed' }, (r) => r.azure?.allowCrossTenantReplication),
    attr('azure.infrastructureEncryption', { ja: 'インフラストラクチャ暗号化（二重暗号化）', en: 'infrastructure encryption (double encryption)' }, (r) => r.azure?.infrastructureEncryption),
    attr('azure.containerSoftDelete', { ja: 'コンテナーの論理的な削除', en: 'container soft delete' }, (r) => r.azure?.containerSoftDelete),
  ];
}

/** The storage account name of an Azure resource, for texts. */
export function azureAccountName(resource: Resource): string {
  return resource.azure?.storageAccount ?? resource.accountScope?.name ?? resource.name;
}

// ---------------------------------------------------------------------------------------------
// Account-level settings shared by several resources (Resource.accountScope): one finding per account

/** Whether `path` is one of the settings the resource shares with its account. */
export function isAccountPath(resource: Resource, path: string): boolean {
  const shared = resource.accountScope?.shared ?? [];
  return shared.some((s) => path === s || path.startsWith(`${s}.`));
}

/** A draft resting only on settings of the resource's account (every evidence names an account-level attribute). */
function restsOnAccount(resource: Resource, draft: FindingDraft): boolean {
  return draft.evidence.length > 0 && draft.evidence.every((e) => e.source === 'resource' && isAccountPath(resource, e.ref));
}

const MAX_MEMBERS_NAMED = 20;

/**
 * Raises account-level findings once per account: a draft that rests only on settings the resource shares with its
 * account is kept on the account's primary resource, with a note naming the account and its other resources, and
 * dropped on the others (they would repeat it word for word). Drafts about the resource itself pass unchanged.
 */
export function scopeDraftsToAccount(resource: Resource, drafts: FindingDraft[]): FindingDraft[] {
  const scope = resource.accountScope;
  if (!scope) return drafts;
  const out: FindingDraft[] = [];
  for (const draft of drafts) {
    if (!restsOnAccount(resource, draft)) {
      out.push(draft);
      continue;
    }
    if (!scope.primary) continue;
    const named = scope.members.slice(0, MAX_MEMBERS_NAMED);
    const more = scope.members.length - named.length;
    const list: I18n = {
      ja: joinList(named, 'ja') + (more > 0 ? ` ほか ${more} 件` : ''),
      en: joinList(named, 'en') + (more > 0 ? ` and ${more} more` : ''),
    };
    out.push({
      ...draft,
      detail: {
        ja: `${draft.detail.ja}（これはアカウント「${scope.name}」の設定で、そのすべてのリソース（${scope.members.length} 件: ${list.ja}）に当てはまります。指摘はアカウントごとに1件、最初のリソースに付けています。）`,
        en: `${draft.detail.en} (This is a setting of account "${scope.name}" and applies to all its ${scope.members.length} resources: ${list.en}. It is reported once per account, on its first resource.)`,
      },
      evidence: [
        ...draft.evidence,
        { effect: 'info', source: 'account-scope', ref: scope.name, message: `a setting of account ${scope.name}, shared by its ${scope.members.length} resources (${list.en}); reported once, on ${scope.members[0] ?? resource.name}`, messageJa: `アカウント「${scope.name}」の設定で、そのリソース ${scope.members.length} 件（${list.ja}）に共通です。指摘は「${scope.members[0] ?? resource.name}」に1件だけ付けています` },
      ],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Remediation shared by the "anyone can …" checks: make the bucket private again.

/** The shell commands that turn on every Block Public Access flag of a bucket, and of its account. */
export const BUCKET_BPA_COMMAND = `aws s3api put-public-access-block --bucket {bucket} --public-access-block-configuration ${BPA_ALL_ON}`;
export const ACCOUNT_BPA_COMMAND = `aws s3control put-public-access-block --account-id {account-id} --public-access-block-configuration ${BPA_ALL_ON}`;
export const BUCKET_OWNER_ENFORCED_COMMAND = "aws s3api put-bucket-ownership-controls --bucket {bucket} --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'";
export const GCS_PREVENT_PUBLIC_COMMAND = 'gcloud storage buckets update gs://{bucket} --public-access-prevention';
export const GCS_UNIFORM_ACCESS_COMMAND = 'gcloud storage buckets update gs://{bucket} --uniform-bucket-level-access';
export const AZURE_NO_ANONYMOUS_COMMAND = 'az storage account update --name {storage-account} --resource-group {resource-group} --allow-blob-public-access false';

export const MAKE_PRIVATE: Readonly<Record<'aws' | 'gcp' | 'azure' | 'default', Remediation>> = {
  aws: {
    ja:
      'バケットとアカウントの両方でブロックパブリックアクセスの4項目をすべて有効にしてください。' +
      'あわせて、バケットポリシーから Principal "*" の Allow ステートメントを削除し、' +
      'オブジェクト所有者を「バケット所有者の強制」（BucketOwnerEnforced）にして ACL を無効化してください。' +
      '公開が必要なコンテンツは、非公開のバケットから CloudFront のオリジンアクセスコントロール（OAC）経由で配信してください。',
    en:
      'Turn on all four Block Public Access flags on both the bucket and the account. ' +
      'Also remove the Allow statements with Principal "*" from the bucket policy and set Object Ownership to ' +
      'BucketOwnerEnforced to disable ACLs. Serve content that must be public from a private bucket through ' +
      'CloudFront with origin access control (OAC).',
    commands: [BUCKET_BPA_COMMAND, ACCOUNT_BPA_COMMAND, BUCKET_OWNER_ENFORCED_COMMAND],
  },
  gcp: {
    ja:
      'パブリックアクセスの防止を適用し、allUsers・allAuthenticatedUsers への IAM バインディングを削除してください。' +
      'あわせて均一なバケットレベルのアクセスを有効にし、オブジェクト ACL による公開を無効化してください。',
    en:
      'Enforce public access prevention and remove the IAM bindings for allUsers and allAuthenticatedUsers. ' +
      'Also enable uniform bucket-level access so object ACLs cannot make objects public.',
    commands: [
      GCS_PREVENT_PUBLIC_COMMAND,
      'gcloud storage buckets remove-iam-policy-binding gs://{bucket} --member=allUsers --role="$PUBLIC_ROLE"',
      'gcloud storage buckets remove-iam-policy-binding gs://{bucket} --member=allAuthenticatedUsers --role="$PUBLIC_ROLE"',
      GCS_UNIFORM_ACCESS_COMMAND,
    ],
  },
  azure: {
    ja:
      'ストレージアカウントで BLOB の匿名アクセスを禁止し、コンテナーのパブリックアクセスレベルを「プライベート」にしてください。' +
      '静的 Web サイト（$web コンテナー）はこの設定にかかわらず Web エンドポイントから誰でも読み取れるため、個人データを置かないでください。',
    en:
      "Disallow anonymous blob access on the storage account and set the container's public access level to private. " +
      'The static website container ($web) stays readable by anyone through the web endpoint regardless of that ' +
      'setting: keep no personal data there.',
    commands: [
      AZURE_NO_ANONYMOUS_COMMAND,
      'az storage container set-permission --name {container} --account-name {storage-account} --public-access off --auth-mode login',
    ],
  },
  default: {
    ja: 'バケットの公開設定を解除し、匿名・任意の認証済み主体に付与した権限を削除してください。公開が必要なコンテンツは個人データと別のバケットに分けてください。',
    en: 'Remove the public setting and every permission granted to anonymous callers or any authenticated principal. Keep content that must be public in a bucket separate from personal data.',
  },
};

/**
 * The remediation of the "anyone can <capability>" checks: remove what the detail names as granting it, make the
 * bucket private (per provider), then the check's own follow-up step, if any.
 */
export function makePrivateRemediation(capability: Capability, after?: I18n): CheckMeta['remediation'] {
  const cap = CAPABILITY_NAMES[capability];
  const first: I18n = {
    ja: `詳細に示した根拠（誰にでも${cap.ja}を許可している設定）を削除してください。`,
    en: `Remove what the detail names as evidence (the settings that let anyone ${cap.en}).`,
  };
  const out: CheckMeta['remediation'] = {};
  for (const [provider, text] of Object.entries(MAKE_PRIVATE) as [keyof typeof MAKE_PRIVATE, Remediation][]) {
    out[provider] = {
      ja: `${first.ja}${text.ja}${after ? after.ja : ''}`,
      en: `${first.en} ${text.en}${after ? ` ${after.en}` : ''}`,
      ...(text.commands ? { commands: text.commands } : {}),
    };
  }
  return out;
}

/** The personal-data consequence of a public resource, stated once for the four exposure checks. */
export const LEAK_NOTE: I18n = {
  ja:
    '個人データが含まれる場合、システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態は「漏えい」に当たり' +
    '（通則ガイドライン3-5-1-1）、アクセスログで第三者による閲覧がないことを確認できない限り、' +
    '漏えい又は漏えいのおそれとして法第26条に基づく報告・本人通知の要否を検討する必要があります。',
  en:
    'If the bucket holds personal data, personal data made viewable on the internet by a configuration mistake is a 漏えい (leak) ' +
    'under the General Guidelines 3-5-1-1; unless the access logs show that nobody else read it, it is a leak or possible ' +
    'leak (漏えいのおそれ), and the duty to report to the PPC and notify the persons under APPI Art. 26 (漏えい等の報告等) must be assessed.',
};

// ---------------------------------------------------------------------------------------------
// Personal-data resources. Until sampling (src/data/) attaches a data profile to every resource, tags mark
// personal data: a key such as data-class / data-classification whose value says personal (e.g. data-class=personal).

const PERSONAL_DATA_TAG_KEYS = new Set(['data-class', 'data_class', 'dataclass', 'data-classification', 'data_classification', 'classification']);
const PERSONAL_DATA_TAG_VALUES = new Set(['personal', 'personal-data', 'personal_data', 'pii', 'sensitive-personal', '個人情報', '個人データ', '要配慮個人情報']);

/** Why the resource counts as holding personal data (`tag data-class=personal`, `data profile`), or null. */
export function personalDataMark(resource: Resource): string | null {
  const profile = (resource as Resource & { data?: { personalData?: unknown } }).data;
  if (profile?.personalData === true) return 'data profile (sampling found personal data)';
  for (const [key, value] of Object.entries(resource.tags)) {
    if (PERSONAL_DATA_TAG_KEYS.has(key.toLowerCase()) && PERSONAL_DATA_TAG_VALUES.has(value.trim().toLowerCase())) return `tag ${key}=${value}`;
  }
  return null;
}

/** The read-only IAM permissions a scan needs for the identity checks (docs/iam.md). */
export const IAM_READ_PERMISSIONS =
  'iam:GetAccountAuthorizationDetails, iam:GetAccountPasswordPolicy, iam:GetAccountSummary, iam:GenerateCredentialReport, iam:GetCredentialReport';
