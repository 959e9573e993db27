// Terraform AWS provider arguments -> the S3 API answer shapes of the AWS snapshot. Pure; shared by the
// aws_s3_bucket legacy arguments and the split resources, which use the same block shapes.
import type { AwsAcl, AwsGrant } from '../../../providers/aws/snapshot-types.js';
import type { Json } from '../plan-types.js';
import { isObject } from '../../validate.js';
import { PLAN_OWNER_ID } from './draft.js';

type Obj = Record<string, Json>;

/** The first element of a nested block list (Terraform writes a block as a list of objects). */
export function block(v: Json | undefined): Obj | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  return isObject(first) ? (first as Obj) : undefined;
}

export function blocks(v: Json | undefined): Obj[] {
  return Array.isArray(v) ? v.filter((x): x is Obj => isObject(x)) : [];
}

export function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

const group = (uri: string, permission: string): AwsGrant => ({ Grantee: { Type: 'Group', URI: uri }, Permission: permission });

/** The bucket grants of a canned ACL (S3 documentation, "Canned ACL"); undefined for an unknown name. */
export function cannedAcl(name: string, ownerId = PLAN_OWNER_ID): AwsAcl | undefined {
  const owner: AwsGrant = { Grantee: { Type: 'CanonicalUser', ID: ownerId }, Permission: 'FULL_CONTROL' };
  const extra: Readonly<Record<string, AwsGrant[]>> = {
    private: [],
    'public-read': [group(ALL_USERS, 'READ')],
    'public-read-write': [group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')],
    'authenticated-read': [group(AUTHENTICATED, 'READ')],
    'log-delivery-write': [group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')],
    'aws-exec-read': [],
    'bucket-owner-read': [],
    'bucket-owner-full-control': [],
  };
  const grants = extra[name];
  return grants ? { Owner: { ID: ownerId }, Grants: [owner, ...grants] } : undefined;
}

/** An access_control_policy block (aws_s3_bucket_acl). */
export function aclFromPolicy(acp: Obj): AwsAcl {
  const ownerId = str(block(acp.owner)?.id) ?? PLAN_OWNER_ID;
  const grants = blocks(acp.grant).map((g): AwsGrant => {
    const grantee = block(g.grantee) ?? {};
    return {
      Grantee: {
        ...(str(grantee.type) ? { Type: str(grantee.type) } : {}),
        ...(str(grantee.id) ? { ID: str(grantee.id) } : {}),
        ...(str(grantee.uri) ? { URI: str(grantee.uri) } : {}),
        ...(str(grantee.email_address) ? { EmailAddress: str(grantee.email_address) } : {}),
      },
      ...(str(g.permission) ? { Permission: str(g.permission) } : {}),
    };
  });
  return { Owner: { ID: ownerId }, Grants: grants };
}

/** The legacy `grant` set of aws_s3_bucket ({id, type, uri, permissions}). */
export function aclFromGrantSet(grants: Obj[], ownerId = PLAN_OWNER_ID): AwsAcl {
  return {
    Owner: { ID: ownerId },
    Grants: grants.flatMap((g) =>
      (Array.isArray(g.permissions) ? g.permissions : []).map((p): AwsGrant => ({
        Grantee: { Type: str(g.type) === 'Group' ? 'Group' : 'CanonicalUser', ...(str(g.id) ? { ID: str(g.id) } : {}), ...(str(g.uri) ? { URI: str(g.uri) } : {}) },
        Permission: String(p),
      })),
    ),
  };
}

/** server_side_encryption_configuration `rule` blocks -> Encryption. */
export function encryptionOf(rules: Obj[]): { Rules: unknown[] } {
  return {
    Rules: rules.map((r) => {
      const byDefault = block(r.apply_server_side_encryption_by_default);
      return {
        ...(byDefault ? { ApplyServerSideEncryptionByDefault: { ...(str(byDefault.sse_algorithm) ? { SSEAlgorithm: str(byDefault.sse_algorithm) } : {}), ...(str(byDefault.kms_master_key_id) ? { KMSMasterKeyID: str(byDefault.kms_master_key_id) } : {}) } } : {}),
        ...(typeof r.bucket_key_enabled === 'boolean' ? { BucketKeyEnabled: r.bucket_key_enabled } : {}),
      };
    }),
  };
}

/** A website block (index_document, error_document, redirect_all_requests_to, routing rules) -> Website. */
export function websiteOf(w: Obj, legacy: boolean): Record<string, unknown> {
  const index = legacy ? str(w.index_document) : str(block(w.index_document)?.suffix);
  const error = legacy ? str(w.error_document) : str(block(w.error_document)?.key);
  const redirect = legacy ? str(w.redirect_all_requests_to) : str(block(w.redirect_all_requests_to)?.host_name);
  return {
    ...(index ? { IndexDocument: { Suffix: index } } : {}),
    ...(error ? { ErrorDocument: { Key: error } } : {}),
    ...(redirect ? { RedirectAllRequestsTo: { HostName: redirect } } : {}),
  };
}

/** Tags as a plain map (the snapshot accepts {key: value}). */
export function tagsOf(v: Json | undefined): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
