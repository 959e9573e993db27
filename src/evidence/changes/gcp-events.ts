// Pure: one Cloud Audit Logs Admin Activity entry of Cloud Storage (a LogEntry of the Logging API's entries.list,
// its protoPayload an AuditLog) -> the change record the snapshot keeps. Read: timestamp, resource.labels.bucket_name
// (else protoPayload.resourceName), protoPayload.methodName, authenticationInfo.principalEmail,
// requestMetadata.callerIp / callerSuppliedUserAgent, status.code, serviceData.policyDelta.bindingDeltas (IAM and
// ACL changes both appear as binding deltas) and request.iamConfiguration.publicAccessPrevention.
import type { ChangeEffect, ChangeEvent } from './types.js';
import { isoTime, obj, str, type Json } from './json-fields.js';

export const GCP_METHODS = ['storage.setIamPermissions', 'storage.buckets.update', 'storage.buckets.patch', 'storage.buckets.create'] as const;


const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

function deltaEffect(payload: Json): ChangeEffect | undefined {
  const deltas = obj(obj(obj(payload.serviceData)?.policyDelta))?.bindingDeltas;
  if (!Array.isArray(deltas)) return undefined;
  const publicDeltas = deltas.map(obj).filter((d) => d !== undefined && PUBLIC_MEMBERS.has(String(d.member)));
  if (publicDeltas.some((d) => d?.action === 'ADD')) return 'opens';
  if (publicDeltas.some((d) => d?.action === 'REMOVE')) return 'closes';
  return 'other';
}

function preventionEffect(payload: Json): ChangeEffect | undefined {
  const pap = obj(obj(payload.request)?.iamConfiguration)?.publicAccessPrevention;
  if (typeof pap !== 'string') return undefined;
  return pap === 'enforced' ? 'closes' : 'opens';
}

function effectOf(method: string, payload: Json): ChangeEffect {
  const judged = deltaEffect(payload) ?? preventionEffect(payload);
  if (judged !== undefined && judged !== 'other') return judged;
  if (method === 'storage.buckets.create') return 'creates';
  return judged ?? 'unknown';
}

function bucketOf(entry: Json, payload: Json): string | null {
  const label = str(obj(obj(entry.resource)?.labels)?.bucket_name);
  if (label) return label;
  const m = /^projects\/_\/buckets\/([^/]+)/.exec(str(payload.resourceName) ?? '');
  return m?.[1] ?? null;
}

/** One audit log entry -> a change, or null (another method, failed, unreadable). */
export function auditLogChange(entry: unknown): ChangeEvent | null {
  const e = obj(entry);
  const payload = obj(e?.protoPayload);
  const method = str(payload?.methodName);
  const time = isoTime(e?.timestamp);
  if (!e || !payload || !method || !time || !(GCP_METHODS as readonly string[]).includes(method)) return null;
  const code = obj(payload.status)?.code;
  if (typeof code === 'number' && code !== 0) return null;
  const bucket = bucketOf(e, payload);
  if (!bucket) return null;
  const meta = obj(payload.requestMetadata);
  return {
    time,
    source: 'gcp-audit-log',
    action: method,
    target: { kind: 'resource', name: bucket },
    effect: effectOf(method, payload),
    principal: str(obj(payload.authenticationInfo)?.principalEmail),
    sourceIp: str(meta?.callerIp),
    userAgent: str(meta?.callerSuppliedUserAgent),
  };
}
