// Pure: one Azure Activity Log event (Microsoft.Insights eventtypes/management/values, the documented EventData
// JSON) -> the change record the snapshot keeps. Read: eventTimestamp, operationName.value, resourceId,
// status.value, caller, httpRequest.clientIpAddress (else claims.ipaddr), properties.requestbody. Only Succeeded
// writes count. The Activity Log has no user agent (null).
import type { ChangeEffect, ChangeEvent } from './types.js';
import { isoTime, obj, str, type Json } from './json-fields.js';

export const ACCOUNT_WRITE = 'Microsoft.Storage/storageAccounts/write';
export const CONTAINER_WRITE = 'Microsoft.Storage/storageAccounts/blobServices/containers/write';


/** The request body the log carries (a JSON string), parsed; undefined when absent or not JSON. */
function requestBody(properties: Json | undefined): Json | undefined {
  const body = properties?.requestbody ?? properties?.requestBody;
  if (typeof body !== 'string') return obj(body);
  try {
    return obj(JSON.parse(body));
  } catch {
    return undefined;
  }
}

function containerEffect(body: Json | undefined): ChangeEffect {
  const level = obj(body?.properties)?.publicAccess;
  if (typeof level !== 'string') return 'unknown';
  return level.toLowerCase() === 'none' ? 'closes' : 'opens';
}

function accountEffect(body: Json | undefined): ChangeEffect {
  const allow = obj(body?.properties)?.allowBlobPublicAccess;
  if (allow === true) return 'opens';
  if (allow === false) return 'closes';
  return 'unknown';
}

/** `/subscriptions/…/storageAccounts/<acct>[/blobServices/default/containers/<c>]` -> the account and container names. */
export function storageNamesOf(resourceId: string): { account: string; container?: string } | null {
  const m = /\/providers\/microsoft\.storage\/storageaccounts\/([^/]+)(?:\/blobservices\/[^/]+\/containers\/([^/]+))?\/?$/i.exec(resourceId);
  if (!m?.[1]) return null;
  return m[2] ? { account: m[1], container: m[2] } : { account: m[1] };
}

/** One Activity Log event -> a change, or null (another operation, not Succeeded, unreadable). */
export function activityLogChange(event: unknown): ChangeEvent | null {
  const e = obj(event);
  const action = str(obj(e?.operationName)?.value);
  const time = isoTime(e?.eventTimestamp);
  const resourceId = str(e?.resourceId);
  if (!e || !action || !time || !resourceId) return null;
  if (str(obj(e.status)?.value)?.toLowerCase() !== 'succeeded') return null;
  const names = storageNamesOf(resourceId);
  if (!names) return null;
  const body = requestBody(obj(e.properties));
  let target: ChangeEvent['target'];
  let effect: ChangeEffect;
  if (action.toLowerCase() === CONTAINER_WRITE.toLowerCase() && names.container) {
    target = { kind: 'resource', name: `${names.account}/${names.container}` };
    effect = containerEffect(body);
  } else if (action.toLowerCase() === ACCOUNT_WRITE.toLowerCase() && !names.container) {
    target = { kind: 'account', name: names.account };
    effect = accountEffect(body);
  } else {
    return null;
  }
  return {
    time,
    source: 'azure-activity-log',
    action,
    target,
    effect,
    principal: str(e.caller),
    sourceIp: str(obj(e.httpRequest)?.clientIpAddress) ?? str(obj(e.claims)?.ipaddr),
    userAgent: null,
  };
}
