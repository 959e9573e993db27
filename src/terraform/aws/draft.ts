// The AWS snapshot being built from a plan: one bucket draft per aws_s3_bucket (or per bucket a split resource names
// that the plan does not create), each setting with the resource that set it. toSnapshot() applies what S3 does to a
// new bucket for the settings no resource sets, and states unknown what a plan cannot tell of an existing bucket.
import type { BlockPublicAccessFlags, CollectError, ResourceSource } from '../../model.js';
import type { AwsBucketSnapshot, AwsSnapshot } from '../../../providers/aws/snapshot-types.js';
import type { PlanResource } from '../plan-index.js';
import { knownAfterApply, notInPlan } from '../notes.js';
import type { Assumptions } from '../assumptions.js';

/** The owner of the ACLs a plan writes (a plan does not know the account's canonical id). */
export const PLAN_OWNER_ID = 'terraform-plan-owner';
export const PLAN_ACCOUNT_ID = 'terraform-plan';

/** The bucket settings a plan can set, with the S3 call whose answer each stands for. */
export const BUCKET_FIELDS = {
  Acl: 'GetBucketAcl',
  Policy: 'GetBucketPolicy',
  PublicAccessBlock: 'GetPublicAccessBlock',
  OwnershipControls: 'GetBucketOwnershipControls',
  Encryption: 'GetBucketEncryption',
  Versioning: 'GetBucketVersioning',
  Logging: 'GetBucketLogging',
  Website: 'GetBucketWebsite',
  Lifecycle: 'GetBucketLifecycleConfiguration',
  ObjectLock: 'GetObjectLockConfiguration',
  Tags: 'GetBucketTagging',
} as const;
export type BucketField = keyof typeof BUCKET_FIELDS;

/** A split resource (aws_s3_bucket_policy …) wins over the bucket's own legacy argument. */
export type Priority = 'inline' | 'resource';

type Setting = { kind: 'value'; value: unknown; priority: Priority } | { kind: 'unknown'; error: CollectError; priority: Priority };

interface BucketDraft {
  name?: string;
  /** The aws_s3_bucket resource; undefined when the plan only names the bucket. */
  bucket?: PlanResource;
  settings: Map<BucketField, Setting>;
  /** Every resource that configures the bucket, in plan order. */
  addresses: string[];
}

/** What S3 gives a bucket created today for a setting no request sets (AWS defaults since 2023). */
const NEW_BUCKET_DEFAULTS: Partial<Record<BucketField, unknown>> = {
  Acl: { Owner: { ID: PLAN_OWNER_ID }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: PLAN_OWNER_ID }, Permission: 'FULL_CONTROL' }] },
  PublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
  OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
  Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
  Versioning: {},
  Logging: {},
};

/** Settings that are not arguments of aws_s3_bucket: of an existing bucket, a plan shows them only through their own resource. */
const SPLIT_ONLY: readonly BucketField[] = ['PublicAccessBlock', 'OwnershipControls'];

export class AwsPlanDraft {
  private readonly byKey = new Map<string, BucketDraft>();
  private accountBpa: { kind: 'value'; flags: Partial<BlockPublicAccessFlags>; address: string } | { kind: 'unknown'; error: CollectError } | undefined;
  /** Errors that belong to no bucket (a split resource whose bucket is known only after apply). */
  readonly scopeErrors: CollectError[] = [];
  region: string | undefined;
  ownerId: string | undefined;

  /** The draft of an aws_s3_bucket resource. */
  bucketOf(r: PlanResource, name: string | undefined): BucketDraft {
    const draft = this.draft(`address:${r.address}`);
    draft.bucket = r;
    if (name !== undefined) draft.name = name;
    draft.addresses.unshift(r.address);
    return draft;
  }

  /** The draft of a bucket named by a split resource: by reference to its aws_s3_bucket, else by name. */
  bucketNamed(by: PlanResource, bucket: PlanResource | undefined, name: string | undefined): BucketDraft | undefined {
    let draft: BucketDraft | undefined;
    if (bucket) draft = this.draft(`address:${bucket.address}`);
    else if (name !== undefined) draft = [...this.byKey.values()].find((d) => d.name === name) ?? this.draft(`name:${name}`, name);
    if (!draft) {
      this.scopeErrors.push(knownAfterApply('ResolveBucket', by.address, 'bucket'));
      return undefined;
    }
    draft.addresses.push(by.address);
    return draft;
  }

  private draft(key: string, name?: string): BucketDraft {
    let d = this.byKey.get(key);
    if (!d) {
      d = { settings: new Map(), addresses: [], ...(name !== undefined ? { name } : {}) };
      this.byKey.set(key, d);
    }
    return d;
  }

  set(d: BucketDraft, field: BucketField, value: unknown, priority: Priority): void {
    if (this.outranked(d, field, priority)) return;
    d.settings.set(field, { kind: 'value', value, priority });
  }

  unknown(d: BucketDraft, field: BucketField, r: PlanResource, attribute: string, priority: Priority): void {
    if (this.outranked(d, field, priority)) return;
    d.settings.set(field, { kind: 'unknown', error: knownAfterApply(BUCKET_FIELDS[field], r.address, attribute), priority });
  }

  private outranked(d: BucketDraft, field: BucketField, priority: Priority): boolean {
    return priority === 'inline' && d.settings.get(field)?.priority === 'resource';
  }

  setAccountBpa(r: PlanResource, flags: Partial<BlockPublicAccessFlags> | 'unknown', attribute: string): void {
    this.accountBpa = flags === 'unknown' ? { kind: 'unknown', error: knownAfterApply('GetPublicAccessBlock', r.address, attribute) } : { kind: 'value', flags, address: r.address };
  }

  get empty(): boolean {
    return this.byKey.size === 0 && this.accountBpa === undefined && this.scopeErrors.length === 0;
  }

  /** The AWS snapshot, and where each bucket is declared (by bucket name). */
  toSnapshot(assume: Assumptions): { snapshot: AwsSnapshot; sources: Map<string, ResourceSource> } {
    const sources = new Map<string, ResourceSource>();
    const buckets = [...this.byKey.values()].map((d) => {
      const b = bucketSnapshot(d, this.region);
      sources.set(`arn:aws:s3:::${b.Name}`, { address: d.addresses[0] ?? b.Name });
      return b;
    });
    const errors: CollectError[] = [...this.scopeErrors];
    let accountPublicAccessBlock: Partial<BlockPublicAccessFlags> | undefined;
    if (this.accountBpa?.kind === 'value') accountPublicAccessBlock = this.accountBpa.flags;
    else if (this.accountBpa?.kind === 'unknown') errors.push(this.accountBpa.error);
    else if (assume.accountBpa !== undefined) accountPublicAccessBlock = allFlags(assume.accountBpa === 'on');
    else
      errors.push(
        notInPlan(
          'GetPublicAccessBlock',
          { en: 'The account-level Block Public Access (aws_s3_account_public_access_block)', ja: 'アカウントのブロックパブリックアクセス（aws_s3_account_public_access_block）' },
          { en: 'give --assume account-bpa=on|off', ja: '--assume account-bpa=on|off で指定してください' },
        ),
      );
    const snapshot: AwsSnapshot = {
      provider: 'aws',
      snapshotVersion: 1,
      accountId: assume.awsAccountId ?? PLAN_ACCOUNT_ID,
      ownerCanonicalId: this.ownerId ?? PLAN_OWNER_ID,
      ...(accountPublicAccessBlock ? { accountPublicAccessBlock } : {}),
      ...(errors.length > 0 ? { errors } : {}),
      buckets,
    };
    return { snapshot, sources };
  }
}

export function allFlags(on: boolean): BlockPublicAccessFlags {
  return { BlockPublicAcls: on, IgnorePublicAcls: on, BlockPublicPolicy: on, RestrictPublicBuckets: on };
}

function bucketSnapshot(d: BucketDraft, region: string | undefined): AwsBucketSnapshot {
  const name = d.name ?? d.bucket?.address ?? d.addresses[0] ?? 'unknown';
  const out: Record<string, unknown> = { Name: name, ...(region ? { Region: region } : {}) };
  const errors: CollectError[] = [];
  if (d.name === undefined && d.bucket) errors.push(knownAfterApply('ListBuckets', d.bucket.address, 'bucket (the name)'));
  const creating = d.bucket?.creating;
  for (const field of Object.keys(BUCKET_FIELDS) as BucketField[]) {
    const s = d.settings.get(field);
    if (s?.kind === 'value') {
      if (s.value !== undefined) out[field] = s.value;
    } else if (s?.kind === 'unknown') errors.push(s.error);
    else if (creating === true) {
      const def = NEW_BUCKET_DEFAULTS[field];
      if (def !== undefined) out[field] = structuredClone(def);
    } else if (creating === undefined || SPLIT_ONLY.includes(field)) {
      if (field === 'Tags') continue;
      errors.push(notInPlan(BUCKET_FIELDS[field], settingName(field, name)));
    }
  }
  if (errors.length > 0) out.errors = errors;
  return out as unknown as AwsBucketSnapshot;
}

const FIELD_NAMES: Readonly<Record<BucketField, { en: string; ja: string }>> = {
  Acl: { en: 'ACL', ja: 'ACL' },
  Policy: { en: 'bucket policy', ja: 'バケットポリシー' },
  PublicAccessBlock: { en: 'Block Public Access', ja: 'ブロックパブリックアクセス' },
  OwnershipControls: { en: 'Object Ownership', ja: 'オブジェクト所有者' },
  Encryption: { en: 'default encryption', ja: 'デフォルト暗号化' },
  Versioning: { en: 'versioning', ja: 'バージョニング' },
  Logging: { en: 'server access logging', ja: 'サーバーアクセスログ' },
  Website: { en: 'static website hosting', ja: '静的ウェブサイトホスティング' },
  Lifecycle: { en: 'lifecycle configuration', ja: 'ライフサイクル設定' },
  ObjectLock: { en: 'Object Lock', ja: 'オブジェクトロック' },
  Tags: { en: 'tags', ja: 'タグ' },
};

function settingName(field: BucketField, bucket: string): { en: string; ja: string } {
  const n = FIELD_NAMES[field];
  return { en: `The ${n.en} of the existing bucket ${bucket}`, ja: `既存バケット ${bucket} の${n.ja}` };
}
