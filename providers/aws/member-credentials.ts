// Credentials for member accounts of an organization (--org-role): one STS AssumeRole per account, renewed shortly
// before it expires, and kept for the rest of the run so the sampler reads a member's buckets with that member's
// role without assuming it again.
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { connectionCredentials, homeRegionOf, httpTimeouts, type AwsConnectionOptions, type AwsCredentialIdentityProvider } from './clients.js';

type Identity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

export const ROLE_SESSION_NAME = 'kumoscan';

/** Renew this long before the expiry STS announced. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

export interface MemberRoleRequest {
  roleArn: string;
  externalId?: string;
}

/** arn:<partition>:iam::<account>:role/<name> (the name may carry a path: "audit/kumoscan"). */
export function memberRoleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName.replace(/^\/+/, '')}`;
}

/** The partition of an ARN (aws, aws-cn, aws-us-gov); "aws" when it cannot be read. */
export function partitionOf(arn: string | undefined): string {
  const p = arn?.split(':')[1];
  return p && /^aws(-[a-z-]+)?$/.test(p) ? p : 'aws';
}

async function assumeOnce(sts: STSClient, req: MemberRoleRequest): Promise<Identity> {
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: req.roleArn,
      RoleSessionName: ROLE_SESSION_NAME,
      DurationSeconds: 3600,
      ...(req.externalId ? { ExternalId: req.externalId } : {}),
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw Object.assign(new Error('AssumeRole returned no credentials'), { name: 'NoCredentials' });
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
    ...(c.Expiration ? { expiration: c.Expiration } : {}),
  };
}

/** Assumes the role now (throws the STS error when it cannot), and returns a provider that renews it when due. */
export async function assumeMemberRole(sts: STSClient, req: MemberRoleRequest): Promise<AwsCredentialIdentityProvider> {
  let current = await assumeOnce(sts, req);
  let pending: Promise<Identity> | undefined;
  return async () => {
    const exp = current.expiration?.getTime();
    if (exp !== undefined && exp - Date.now() < RENEW_BEFORE_MS) {
      pending ??= assumeOnce(sts, req).finally(() => (pending = undefined));
      current = await pending;
    }
    return current;
  };
}

/** Providers established during this run's collection, by "<member role>|<account id>", for the sampler. */
const established = new Map<string, AwsCredentialIdentityProvider>();

export function rememberMemberCredentials(roleName: string, accountId: string, provider: AwsCredentialIdentityProvider): void {
  established.set(`${roleName}|${accountId}`, provider);
}

export function memberCredentials(roleName: string, accountId: string): AwsCredentialIdentityProvider | undefined {
  return established.get(`${roleName}|${accountId}`);
}

/**
 * The connection a member account's bucket is read with (sampling): the credentials this run established for that
 * account, else (not seen during collection) the member role assumed from the scanning identity.
 */
export function memberReaderConnection(connection: AwsConnectionOptions, roleName: string, accountId: string, externalId?: string): AwsConnectionOptions {
  const { profile: _p, roleArn: _r, ...rest } = connection;
  const known = memberCredentials(roleName, accountId);
  if (known) return { ...rest, credentials: known };
  const credentials = fromTemporaryCredentials({
    masterCredentials: connectionCredentials(connection),
    params: { RoleArn: memberRoleArn('aws', accountId, roleName), RoleSessionName: ROLE_SESSION_NAME, DurationSeconds: 3600, ...(externalId ? { ExternalId: externalId } : {}) },
    clientConfig: { region: homeRegionOf(connection), requestHandler: httpTimeouts(connection), ...(connection.endpointUrl ? { endpoint: connection.endpointUrl } : {}) },
  });
  return { ...rest, credentials };
}
