// Pure: one CloudTrail management event (the JSON of LookupEvents' CloudTrailEvent) -> the change record the
// snapshot keeps. Only the documented fields are read: eventTime, eventName, userIdentity.arn, sourceIPAddress,
// userAgent, requestParameters, errorCode, recipientAccountId. A failed call (errorCode) changed nothing: null.
import type { ChangeEffect, ChangeEvent } from './types.js';
import { isoTime, obj, str, type Json } from './json-fields.js';

/** The S3 management events LookupEvents is asked for (one LookupAttributes EventName each). */
export const CLOUDTRAIL_EVENT_NAMES = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'DeleteBucketPolicy',
  'PutPublicAccessBlock',
  'DeletePublicAccessBlock',
  'PutBucketOwnershipControls',
  'PutAccountPublicAccessBlock',
  'CreateBucket',
] as const;


function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

const PUBLIC_CANNED = new Set(['public-read', 'public-read-write', 'authenticated-read']);
const PUBLIC_GROUPS = ['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers'];

function cannedPublic(params: Json): boolean {
  return list(params['x-amz-acl']).some((v) => typeof v === 'string' && PUBLIC_CANNED.has(v));
}

function aclPublic(params: Json): boolean {
  const acl = obj(obj(params.AccessControlPolicy)?.AccessControlList);
  const grants = list(acl?.Grant);
  return cannedPublic(params) || grants.some((g) => PUBLIC_GROUPS.includes(String(obj(obj(g)?.Grantee)?.URI ?? '')));
}

function anyone(principal: unknown): boolean {
  if (principal === '*') return true;
  const p = obj(principal);
  return p !== undefined && list(p.AWS).includes('*');
}

function policyPublic(params: Json): boolean {
  let policy: unknown = params.bucketPolicy ?? params.policy;
  if (Array.isArray(policy)) policy = policy[0];
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return false;
    }
  }
  return list(obj(policy)?.Statement).some((s) => obj(s)?.Effect === 'Allow' && anyone(obj(s)?.Principal));
}

function blockLoosened(params: Json): boolean {
  const c = obj(params.PublicAccessBlockConfiguration);
  if (!c) return false;
  return ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'].some((k) => c[k] === false || c[k] === 'false');
}

function effectOf(name: string, params: Json): ChangeEffect {
  switch (name) {
    case 'PutBucketAcl':
      return aclPublic(params) ? 'opens' : 'closes';
    case 'PutBucketPolicy':
      return policyPublic(params) ? 'opens' : 'closes';
    case 'DeleteBucketPolicy':
      return 'closes';
    case 'PutPublicAccessBlock':
    case 'PutAccountPublicAccessBlock':
      return blockLoosened(params) ? 'opens' : 'closes';
    case 'DeletePublicAccessBlock':
      return 'opens';
    case 'PutBucketOwnershipControls': {
      const owner = obj(obj(params.OwnershipControls)?.Rule)?.ObjectOwnership;
      return owner === 'BucketOwnerEnforced' ? 'closes' : 'opens';
    }
    case 'CreateBucket':
      return cannedPublic(params) ? 'opens' : 'creates';
    default:
      return 'other';
  }
}

/** One CloudTrail event (its CloudTrailEvent JSON, parsed) -> a change, or null (not one of ours, failed, unreadable). */
export function cloudTrailChange(event: unknown): ChangeEvent | null {
  const e = obj(event);
  const name = str(e?.eventName);
  const time = isoTime(e?.eventTime);
  if (!e || !name || !time || !(CLOUDTRAIL_EVENT_NAMES as readonly string[]).includes(name)) return null;
  if (str(e.errorCode)) return null;
  const params = obj(e.requestParameters) ?? {};
  const identity = obj(e.userIdentity);
  const account = str(e.recipientAccountId) ?? str(params.accountId) ?? str(identity?.accountId);
  const bucket = str(params.bucketName);
  const target = name === 'PutAccountPublicAccessBlock' ? (account ? { kind: 'account' as const, name: account } : null) : bucket ? { kind: 'resource' as const, name: bucket } : null;
  if (!target) return null;
  return {
    time,
    source: 'cloudtrail',
    action: name,
    target,
    effect: effectOf(name, params),
    principal: str(identity?.arn) ?? str(identity?.principalId) ?? str(identity?.invokedBy),
    sourceIp: str(e.sourceIPAddress),
    userAgent: str(e.userAgent),
  };
}
