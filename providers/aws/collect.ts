// collect: read-only SDK calls that build the AWS raw snapshot. Nothing here judges anything.
// "Not configured" answers become absent keys; every other failure is recorded beside the call.
import { GetBucketLocationCommand, ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CollectError } from '../../src/model.js';
import { UsageError } from '../../src/errors.js';
import { compileBucketFilter, type BucketFilter } from '../../src/bucket-filter.js';
import { shardOf } from '../../src/shard.js';
import { createAwsClients, type AwsClients, type AwsConnectionOptions } from './clients.js';
import type { AwsBucketSnapshot, AwsSnapshot } from './snapshot-types.js';
import { isThrottling, regionFromLocationConstraint, regionFromRedirect, toCollectError } from './errors.js';
import { bucketReads, type BucketRead } from './bucket-reads.js';
import { withMiddleware } from './client-middleware.js';
import { adaptiveLimiter } from '../../src/adaptive-concurrency.js';
import { collectIam, type IamCollectOptions } from './iam/collect.js';

export interface AwsCollectOptions extends AwsConnectionOptions {
  /** Which buckets (--buckets); every bucket when omitted. */
  filter?: BucketFilter;
  /** Buckets collected at once (default 8); halved on throttling answers, raised again after. */
  concurrency?: number;
  /** --cross-check-policy-status: also send GetBucketPolicyStatus, compared with the evaluation. */
  crossCheckPolicyStatus?: boolean;
  /** Throttling beyond the SDK's retries: rounds of sending the call again, and the first pause (tests). */
  throttleRetry?: { rounds: number; pauseMs: number };
  /** Called when the concurrency was cut for throttling (lowest limit reached so far). */
  onThrottled?: (limit: number) => void;
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

function iso(d: Date | string | undefined): string | undefined {
  if (d === undefined) return undefined;
  return d instanceof Date ? d.toISOString() : String(d);
}

/** How a bucket's calls go: which reads, and how throttling answers are handled. */
interface BucketCollectContext {
  reads: readonly BucketRead[];
  /** A call stayed throttled: cut the concurrency. */
  throttled: () => void;
  /** Rounds a call throttled beyond the SDK's own retries is sent again in (after a pause), before it is an error. */
  throttleRounds: number;
  throttlePauseMs: number;
}

/**
 * Runs one call, sent again after a pause (and a cut of the scan's concurrency) while the answer is throttling
 * beyond the SDK's own retries: a throttled bucket is slowed down, not lost.
 */
async function patiently<T>(ctx: BucketCollectContext, fn: () => Promise<T>): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await fn();
    } catch (err) {
      if (round >= ctx.throttleRounds || !isThrottling(err)) throw err;
      ctx.throttled();
      await new Promise((resolve) => setTimeout(resolve, ctx.throttlePauseMs * (round + 1)));
    }
  }
}

/**
 * The bucket's region: the listing's BucketRegion when S3 gave it (no call at all), else GetBucketLocation, else the
 * redirect's region.
 */
async function locateBucket(clients: AwsClients, listed: ListedBucket, ctx: BucketCollectContext, errors: CollectError[]): Promise<string> {
  if (listed.region) return listed.region;
  const home = clients.s3(clients.homeRegion);
  try {
    const out = await patiently(ctx, () => home.send(new GetBucketLocationCommand({ Bucket: listed.name })));
    return regionFromLocationConstraint(out.LocationConstraint);
  } catch (err) {
    const redirected = regionFromRedirect(err);
    if (redirected) return redirected;
    errors.push(toCollectError('GetBucketLocation', err));
    return clients.homeRegion;
  }
}

/** The per-bucket read-only calls (providers/aws/bucket-reads.ts), all at once once the region is known. */
async function collectBucket(clients: AwsClients, listed: ListedBucket, ctx: BucketCollectContext): Promise<AwsBucketSnapshot> {
  const errors: CollectError[] = [];
  const region = await locateBucket(clients, listed, ctx, errors);
  const s3: S3Client = clients.s3(region);
  const outcomes = await Promise.all(ctx.reads.map((r) => attempt(r.call, () => patiently(ctx, () => r.send(s3, listed.name)))));
  const snap: AwsBucketSnapshot = { Name: listed.name, Region: region };
  if (listed.creationDate) snap.CreationDate = listed.creationDate;
  ctx.reads.forEach((r, i) => {
    const o = outcomes[i];
    if (!o) return;
    if (!o.ok) errors.push(o.error);
    else if (o.value !== undefined) r.put(snap, o.value);
  });
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

/** Rounds and first pause of sending a call again that is throttled beyond the SDK's own retries. */
export const THROTTLE_RETRY = { rounds: 2, pauseMs: 1000 };

export async function collectAws(opts: AwsCollectOptions): Promise<AwsSnapshot> {
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const limiter = adaptiveLimiter(concurrency);
  const throttled = (): void => {
    const before = limiter.limit;
    limiter.throttled();
    if (limiter.limit < before) opts.onThrottled?.(limiter.limit);
  };
  const base = opts.clients ?? createAwsClients({ ...opts, concurrency });
  // Every attempt the SDK makes, retries included: a throttling answer cuts the number of buckets in flight.
  const clients = withMiddleware(base, 'kumoscanThrottlingWatch', 'attempt', (next) => async (args) => {
    try {
      return await next(args);
    } catch (err) {
      if (isThrottling(err)) throttled();
      throw err;
    }
  });
  const retry = opts.throttleRetry ?? THROTTLE_RETRY;
  const ctx: BucketCollectContext = {
    reads: bucketReads(opts.crossCheckPolicyStatus === true),
    throttled,
    throttleRounds: retry.rounds,
    throttlePauseMs: retry.pauseMs,
  };
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
    let done = 0;
    const total = listed.buckets.length;
    snapshot.buckets = await Promise.all(
      listed.buckets.map((b) =>
        limiter.run(async () => {
          const snap = await collectBucket(clients, b, ctx);
          opts.onBucket?.(b.name, ++done, total, snap.errors?.length ?? 0);
          return snap;
        }),
      ),
    );
    if (iam) snapshot.iam = await iam;
  } finally {
    if (!opts.clients) base.destroy();
  }
  if (errors.length > 0) snapshot.errors = errors;
  return snapshot;
}
