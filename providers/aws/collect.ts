// collect: read-only SDK calls that build the AWS raw snapshot. Nothing here judges anything.
// "Not configured" answers become absent keys; every other failure is recorded beside the call.
import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import type { CollectError } from '../../src/model.js';
import { UsageError } from '../../src/errors.js';
import { compileBucketFilter, type BucketFilter } from '../../src/bucket-filter.js';
import { shardOf } from '../../src/shard.js';
import { createAwsClients, type AwsClients, type AwsConnectionOptions } from './clients.js';
import type { AwsBucketSnapshot, AwsSnapshot } from './snapshot-types.js';
import { regionFromLocationConstraint, regionFromRedirect, toCollectError } from './errors.js';
import { collectIam, type IamCollectOptions } from './iam/collect.js';
import { maskText } from '../../src/text/mask-text.js';

export interface AwsCollectOptions extends AwsConnectionOptions {
  /** Which buckets (--buckets); every bucket when omitted. */
  filter?: BucketFilter;
  /** Buckets collected at once (default 8). */
  concurrency?: number;
  /** Called after each bucket, for progress output. */
  onBucket?: (name: string, done: number, total: number, errors?: number) => void;
  /** Called once the buckets are listed, before they are read (CommonCollectOptions.onListed). */
  onListed?: (found: { accounts: string[]; resources: number }) => void;
  /** Injected clients (tests); otherwise created from the connection options. */
  clients?: AwsClients;
  /** Read IAM identities into the snapshot's `iam` key (default true; --no-iam turns it off). */
  iam?: boolean;
  /** Credential report polling (tests). */
  iamOptions?: IamCollectOptions;
}

/** Error codes that mean "this setting is not configured": a value, not a failure. */
const NOT_CONFIGURED = new Set([
  'NoSuchBucketPolicy',
  'NoSuchPublicAccessBlockConfiguration',
  'OwnershipControlsNotFoundError',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchWebsiteConfiguration',
  'NoSuchLifecycleConfiguration',
  'ObjectLockConfigurationNotFoundError',
  'ReplicationConfigurationNotFoundError',
  'NoSuchTagSet',
  'NoSuchTagSetError',
]);

type Outcome<T> = { ok: true; value: T | undefined } | { ok: false; error: CollectError };

/** Runs one call: a value, "not configured" (undefined), or a recorded error. */
async function attempt<T>(call: string, fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    const e = toCollectError(call, err);
    if (NOT_CONFIGURED.has(e.code)) return { ok: true, value: undefined };
    return { ok: false, error: e };
  }
}

/** The SDK output without its transport metadata: the response shape the snapshot keeps. */
function strip<T extends object>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _m, ...rest } = output as T & { $metadata?: unknown };
  return rest;
}

function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  return d instanceof Date ? d.toISOString() : String(d);
}

/** Finds the bucket's region: GetBucketLocation, else the redirect's region, else the listing's BucketRegion. */
async function locateBucket(
  clients: AwsClients,
  name: string,
  listedRegion: string | undefined,
  errors: CollectError[],
): Promise<string> {
  const home = clients.s3(clients.homeRegion);
  try {
    const out = await home.send(new GetBucketLocationCommand({ Bucket: name }));
    return regionFromLocationConstraint(out.LocationConstraint);
  } catch (err) {
    const redirected = regionFromRedirect(err);
    if (redirected) return redirected;
    if (listedRegion) return listedRegion;
    errors.push(toCollectError('GetBucketLocation', err));
    return clients.homeRegion;
  }
}

/** The per-bucket read-only calls, in the order they are documented. */
async function collectBucket(clients: AwsClients, name: string, listedRegion: string | undefined, creationDate?: string): Promise<AwsBucketSnapshot> {
  const errors: CollectError[] = [];
  const region = await locateBucket(clients, name, listedRegion, errors);
  const s3: S3Client = clients.s3(region);
  const Bucket = name;
  const [acl, policy, policyStatus, pab, ownership, enc, versioning, logging, website, lifecycle, lock, replication, tagging] = await Promise.all([
    attempt('GetBucketAcl', () => s3.send(new GetBucketAclCommand({ Bucket }))),
    attempt('GetBucketPolicy', () => s3.send(new GetBucketPolicyCommand({ Bucket }))),
    attempt('GetBucketPolicyStatus', () => s3.send(new GetBucketPolicyStatusCommand({ Bucket }))),
    attempt('GetPublicAccessBlock', () => s3.send(new GetPublicAccessBlockCommand({ Bucket }))),
    attempt('GetBucketOwnershipControls', () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket }))),
    attempt('GetBucketEncryption', () => s3.send(new GetBucketEncryptionCommand({ Bucket }))),
    attempt('GetBucketVersioning', () => s3.send(new GetBucketVersioningCommand({ Bucket }))),
    attempt('GetBucketLogging', () => s3.send(new GetBucketLoggingCommand({ Bucket }))),
    attempt('GetBucketWebsite', () => s3.send(new GetBucketWebsiteCommand({ Bucket }))),
    attempt('GetBucketLifecycleConfiguration', () => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }))),
    attempt('GetObjectLockConfiguration', () => s3.send(new GetObjectLockConfigurationCommand({ Bucket }))),
    attempt('GetBucketReplication', () => s3.send(new GetBucketReplicationCommand({ Bucket }))),
    attempt('GetBucketTagging', () => s3.send(new GetBucketTaggingCommand({ Bucket }))),
  ]);
  const snap: AwsBucketSnapshot = { Name: name, Region: region };
  if (creationDate) snap.CreationDate = creationDate;
  const take = <T>(o: Outcome<T>, put: (v: T) => void): void => {
    if (!o.ok) errors.push(o.error);
    else if (o.value !== undefined) put(o.value);
  };
  take(acl, (v) => (snap.Acl = { Owner: v.Owner, Grants: v.Grants ?? [] } as AwsBucketSnapshot['Acl']));
  take(policy, (v) => {
    if (v.Policy !== undefined) snap.Policy = v.Policy;
  });
  take(policyStatus, (v) => {
    if (v.PolicyStatus) snap.PolicyStatus = { IsPublic: v.PolicyStatus.IsPublic };
  });
  take(pab, (v) => {
    if (v.PublicAccessBlockConfiguration) snap.PublicAccessBlock = { ...v.PublicAccessBlockConfiguration };
  });
  take(ownership, (v) => {
    if (v.OwnershipControls) snap.OwnershipControls = v.OwnershipControls as AwsBucketSnapshot['OwnershipControls'];
  });
  take(enc, (v) => {
    if (v.ServerSideEncryptionConfiguration) snap.Encryption = v.ServerSideEncryptionConfiguration as AwsBucketSnapshot['Encryption'];
  });
  take(versioning, (v) => (snap.Versioning = strip(v) as AwsBucketSnapshot['Versioning']));
  take(logging, (v) => (snap.Logging = strip(v) as AwsBucketSnapshot['Logging']));
  take(website, (v) => (snap.Website = strip(v) as AwsBucketSnapshot['Website']));
  take(lifecycle, (v) => (snap.Lifecycle = { Rules: (v.Rules ?? []) as NonNullable<AwsBucketSnapshot['Lifecycle']>['Rules'] }));
  take(lock, (v) => {
    if (v.ObjectLockConfiguration) snap.ObjectLock = v.ObjectLockConfiguration as AwsBucketSnapshot['ObjectLock'];
  });
  take(replication, (v) => {
    if (v.ReplicationConfiguration) snap.Replication = v.ReplicationConfiguration as AwsBucketSnapshot['Replication'];
  });
  take(tagging, (v) => (snap.Tags = (v.TagSet ?? []).map((t) => ({ Key: t.Key === undefined ? undefined : maskText(t.Key), Value: t.Value === undefined ? undefined : maskText(t.Value) }))));
  if (errors.length > 0) snap.errors = errors;
  return snap;
}

interface ListedBucket {
  name: string;
  region?: string;
  creationDate?: string;
}

/** Buckets asked for per ListBuckets page (the API's maximum). */
export const LIST_BUCKETS_PAGE = 1000;

function listedOf(out: { Buckets?: { Name?: string; BucketRegion?: string; CreationDate?: Date }[] }): ListedBucket[] {
  return (out.Buckets ?? []).filter((b) => b.Name).map((b) => ({ name: b.Name as string, region: b.BucketRegion, creationDate: iso(b.CreationDate) }));
}

/**
 * Every page of ListBuckets. A full page without a continuation token (moto, some S3-compatible stores) may hide
 * the rest: the unpaginated listing (no MaxBuckets: every bucket, up to the account's quota) is asked for then,
 * and when it is no longer than the page either, an error says the listing may be cut.
 */
async function listAllBuckets(client: S3Client, errors: CollectError[]): Promise<{ buckets: ListedBucket[]; ownerId?: string }> {
  const buckets: ListedBucket[] = [];
  let ownerId: string | undefined;
  let token: string | undefined;
  let lastPage = 0;
  do {
    const out = await client.send(new ListBucketsCommand({ ContinuationToken: token, MaxBuckets: LIST_BUCKETS_PAGE }));
    ownerId ??= out.Owner?.ID;
    const page = listedOf(out);
    buckets.push(...page);
    lastPage = page.length;
    token = out.ContinuationToken;
  } while (token);
  if (lastPage < LIST_BUCKETS_PAGE) return { buckets, ...(ownerId ? { ownerId } : {}) };
  let all: ListedBucket[];
  try {
    all = listedOf(await client.send(new ListBucketsCommand({})));
  } catch (err) {
    const e = toCollectError('ListBuckets', err);
    errors.push({ ...e, message: `a full page of ${LIST_BUCKETS_PAGE} buckets came back without a continuation token and the unpaginated listing failed (${e.code}): the listing may be cut` });
    return { buckets, ...(ownerId ? { ownerId } : {}) };
  }
  const seen = new Set(buckets.map((b) => b.name));
  const more = all.filter((b) => !seen.has(b.name));
  buckets.push(...more);
  if (more.length === 0 && all.length <= LIST_BUCKETS_PAGE) {
    errors.push({
      call: 'ListBuckets',
      code: 'ListingMayBeCut',
      message: `a full page of ${LIST_BUCKETS_PAGE} buckets came back without a continuation token, and the unpaginated listing returned no more: buckets after the ${buckets.length}th may be missing`,
    });
  }
  return { buckets, ...(ownerId ? { ownerId } : {}) };
}

async function listBuckets(clients: AwsClients, errors: CollectError[], filter: BucketFilter): Promise<{ buckets: ListedBucket[]; ownerId?: string }> {
  let listed: { buckets: ListedBucket[]; ownerId?: string };
  try {
    listed = await listAllBuckets(clients.s3(clients.homeRegion), errors);
  } catch (err) {
    errors.push(toCollectError('ListBuckets', err));
    // Without the listing, buckets named exactly on the command line can still be scanned.
    return { buckets: filter.literalNames().filter((name) => filter.inShard(name)).map((name) => ({ name })) };
  }
  return { ...listed, buckets: listed.buckets.filter((b) => filter.matches(b.name) && filter.inShard(b.name)) };
}

/**
 * With --shard, does this shard read the account's IAM? When it has buckets of the account (who can reach them
 * comes from IAM), or when the account falls in this shard by its id (so an account without buckets in any shard
 * still has its identity posture read once). `kumoscan merge` takes the identities of every shard, once per account;
 * an organization scan in N shards thus reads each small account's IAM once or twice, not N times.
 */
export function readsIamInShard(accountId: string, bucketsInShard: number, filter: BucketFilter): boolean {
  const shard = filter.shard;
  if (shard === undefined || shard.count <= 1) return true;
  return bucketsInShard > 0 || shardOf(accountId, shard.count) === shard.index;
}

export async function collectAws(opts: AwsCollectOptions): Promise<AwsSnapshot> {
  const clients = opts.clients ?? createAwsClients(opts);
  const errors: CollectError[] = [];
  const snapshot: AwsSnapshot = { provider: 'aws', snapshotVersion: 1, collectedAt: new Date().toISOString(), accountId: 'unknown', buckets: [] };
  try {
    const ident = await attempt('GetCallerIdentity', () => clients.sts.send(new GetCallerIdentityCommand({})));
    if (ident.ok && ident.value?.Account) {
      snapshot.accountId = ident.value.Account;
      if (ident.value.Arn) snapshot.callerArn = ident.value.Arn;
      const accountId = ident.value.Account;
      const pab = await attempt('GetPublicAccessBlock', () => clients.s3control.send(new GetAccountPublicAccessBlockCommand({ AccountId: accountId })));
      if (!pab.ok) errors.push(pab.error);
      else if (pab.value?.PublicAccessBlockConfiguration) snapshot.accountPublicAccessBlock = { ...pab.value.PublicAccessBlockConfiguration };
    } else if (!ident.ok && ident.error.code === 'CredentialsProviderError') {
      throw new UsageError(`no AWS credentials found (${ident.error.message}); use the standard chain (AWS_PROFILE, --profile, environment, SSO, instance or container role), or --input for a saved snapshot`);
    } else {
      errors.push(ident.ok ? { call: 'GetCallerIdentity', code: 'NoAccount', message: 'GetCallerIdentity returned no account id' } : ident.error);
      // Without the account id the account-level Block Public Access cannot be read.
      errors.push({ call: 'GetPublicAccessBlock', code: 'Skipped', message: 'account id unknown (GetCallerIdentity failed)' });
    }
    const filter = opts.filter ?? compileBucketFilter([]);
    const sharded = filter.shard !== undefined && filter.shard.count > 1;
    // IAM is read beside the buckets (the credential report may take a few seconds to generate). With --shard it
    // waits for the listing: see readsIamInShard.
    let iam = opts.iam === false || sharded ? undefined : collectIam(clients.iam, opts.iamOptions);
    const listed = await listBuckets(clients, errors, filter);
    if (opts.iam !== false && sharded && readsIamInShard(snapshot.accountId, listed.buckets.length, filter)) iam = collectIam(clients.iam, opts.iamOptions);
    if (listed.ownerId) snapshot.ownerCanonicalId = listed.ownerId;
    opts.onListed?.({ accounts: [snapshot.accountId], resources: listed.buckets.length });
    const limit = pLimit(Math.max(1, opts.concurrency ?? 8));
    let done = 0;
    const total = listed.buckets.length;
    snapshot.buckets = await Promise.all(
      listed.buckets.map((b) =>
        limit(async () => {
          const snap = await collectBucket(clients, b.name, b.region, b.creationDate);
          opts.onBucket?.(b.name, ++done, total, snap.errors?.length ?? 0);
          return snap;
        }),
      ),
    );
    if (iam) snapshot.iam = await iam;
  } finally {
    if (!opts.clients) clients.destroy();
  }
  if (errors.length > 0) snapshot.errors = errors;
  return snapshot;
}
