// The demo's evidence: what Azure would have recorded of the HR container, relative to the moment the demo runs.
// - The Activity Log (the documented EventData JSON, answered by the ARM stand-in): the HR administrator allowed
//   anonymous blob access on the account and, minutes later, set the container's public access level to Container.
// - Storage Analytics logs, version 2.0 (the documented semicolon-delimited entries, one blob per hour under
//   `$logs/blob/YYYY/MM/DD/hh00/000000.log`, as the service writes them): the owner uploads the employee export; then
//   twelve anonymous downloads of it from six addresses in four bursts over five weeks, three anonymous listings, a
//   refused guess at another key and one download by the owner. Only the anonymous successful requests count as
//   outsiders' reads.
// Addresses are from the documentation ranges (RFC 5737); the principal is invented.
import type { ArmJson } from './arm.js';
import { DEMO_ACCOUNT, DEMO_ACCOUNT_ID, DEMO_EMPLOYEES_BLOB, DEMO_PUBLIC, DEMO_SUBSCRIPTION, demoContainerId } from './scenario.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The HR administrator who opened the container (invented). */
export const DEMO_ADMIN = 'hr-admin@kumo-hr.example';
const ADMIN_IP = '192.0.2.45';
/** The outsiders' addresses: six, so the reads are "at volume" (category 3). */
export const DEMO_OUTSIDER_IPS = ['198.51.100.23', '198.51.100.87', '203.0.113.9', '203.0.113.54', '203.0.113.130', '198.51.100.201'] as const;
const OWNER_IP = '192.0.2.10';

export const CONTAINER_WRITE = 'Microsoft.Storage/storageAccounts/blobServices/containers/write';
const ACCOUNT_WRITE = 'Microsoft.Storage/storageAccounts/write';

/** The moments of the story, from the demo's clock (whole minutes, so the reports read cleanly). */
export interface DemoTimeline {
  /** allowBlobPublicAccess turned on (the account). */
  accountOpened: string;
  /** The container's public access level set to Container: the change that opened it. */
  opened: string;
  /** The first and last anonymous download of the export. */
  firstRead: string;
  lastRead: string;
}

export function demoTimeline(now: Date): DemoTimeline {
  const base = Math.floor(now.getTime() / HOUR) * HOUR;
  const opened = base - 40 * DAY + 12 * 60_000;
  return {
    accountOpened: new Date(opened - 7 * 60_000).toISOString(),
    opened: new Date(opened).toISOString(),
    firstRead: new Date(opened + 3 * DAY + 5 * HOUR).toISOString(),
    lastRead: new Date(base - 2 * DAY - 3 * HOUR + 41 * 60_000).toISOString(),
  };
}

interface Entry {
  time: number;
  op: 'GetBlob' | 'ListBlobs' | 'PutBlob';
  key: string | null;
  anonymous: boolean;
  status: number;
  ip: string;
  bytes: number;
}

/** The minutes of the three downloads of a burst, from its start; four bursts. */
const BURST_MINUTES = [0, 7, 19] as const;
const BURSTS = 4;

/** The anonymous downloads of the export and the listings (what the report must say). */
export const DEMO_OUTSIDER_READS = BURSTS * BURST_MINUTES.length;
export const DEMO_OUTSIDER_LISTS = 3;

/**
 * The requests the logs hold, oldest first. `exportBytes`: the export's size (each download sends all of it). The
 * outsiders come in four bursts of three downloads (the first at firstRead, the last at lastRead), the six addresses
 * taking turns, with three listings; the owner's upload, its own download and a refused guess at an older export
 * are in the logs too. Five hourly log blobs in all.
 */
function entries(t: DemoTimeline, exportBytes: number): Entry[] {
  const opened = Date.parse(t.opened);
  const first = Date.parse(t.firstRead);
  const last = Date.parse(t.lastRead);
  const min = 60_000;
  const bursts = [first, first + 9 * DAY, first + 21 * DAY, last - BURST_MINUTES[2] * min];
  const out: Entry[] = [{ time: opened + 2 * HOUR, op: 'PutBlob', key: DEMO_EMPLOYEES_BLOB, anonymous: false, status: 201, ip: OWNER_IP, bytes: 0 }];
  bursts.forEach((start, b) => {
    BURST_MINUTES.forEach((m, i) => {
      const n = b * BURST_MINUTES.length + i;
      out.push({ time: start + m * min, op: 'GetBlob', key: DEMO_EMPLOYEES_BLOB, anonymous: true, status: 200, ip: DEMO_OUTSIDER_IPS[n % DEMO_OUTSIDER_IPS.length] ?? '', bytes: exportBytes });
    });
  });
  const list = (time: number, ip: string): Entry => ({ time, op: 'ListBlobs', key: null, anonymous: true, status: 200, ip, bytes: 1800 });
  out.push(list(first + 3 * min, DEMO_OUTSIDER_IPS[0]), list(first + 9 * DAY + 25 * min, DEMO_OUTSIDER_IPS[3]), list(last - 30 * min, DEMO_OUTSIDER_IPS[5]));
  out.push({ time: first + 9 * DAY + 27 * min, op: 'GetBlob', key: 'exports/employees-2023.csv', anonymous: true, status: 404, ip: DEMO_OUTSIDER_IPS[3], bytes: 215 });
  out.push({ time: first + 21 * DAY + 40 * min, op: 'GetBlob', key: DEMO_EMPLOYEES_BLOB, anonymous: false, status: 200, ip: OWNER_IP, bytes: exportBytes });
  return out.sort((a, b) => a.time - b.time);
}

/** A field that may hold ; or " : quoted, with " and ; and & HTML-encoded (the format's rule). */
function quoted(v: string): string {
  return `"${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/;/g, '&#59;')}"`;
}

const STATUS_TEXT: Readonly<Record<number, { anonymous: string; owner: string }>> = {
  200: { anonymous: 'AnonymousSuccess', owner: 'Success' },
  201: { anonymous: 'AnonymousSuccess', owner: 'Success' },
  404: { anonymous: 'AnonymousClientOtherError', owner: 'ClientOtherError' },
};

/**
 * One Storage Analytics 2.0 entry, its 38 fields in the documented order: version-number; request-start-time;
 * operation-type; request-status; http-status-code; end-to-end-latency-in-ms; server-latency-in-ms;
 * authentication-type; requester-account-name; owner-account-name; service-type; request-url; requested-object-key;
 * request-id-header; operation-count; requester-ip-address; request-version-header; request-header-size;
 * request-packet-size; response-header-size; response-packet-size; request-content-length; request-md5; server-md5;
 * etag-identifier; last-modified-time; conditions-used; user-agent-header; referrer-header; client-request-id;
 * user-object-id; tenant-id; application-id; audience; issuer; user-principal-name; reserved-field;
 * authorization-detail.
 */
function entryLine(e: Entry, n: number): string {
  const path = e.key === null ? `/${DEMO_ACCOUNT}/${DEMO_PUBLIC}` : `/${DEMO_ACCOUNT}/${DEMO_PUBLIC}/${e.key}`;
  const url = `https://${DEMO_ACCOUNT}.blob.core.windows.net/${DEMO_PUBLIC}${e.key === null ? '?restype=container&comp=list' : `/${e.key}`}`;
  const status = STATUS_TEXT[e.status] ?? { anonymous: 'AnonymousClientOtherError', owner: 'ClientOtherError' };
  const requestBytes = e.op === 'PutBlob' ? 153_600 : 0;
  return [
    '2.0',
    new Date(e.time).toISOString().replace(/\.\d{3}Z$/, '.0000000Z'),
    e.op,
    e.anonymous ? status.anonymous : status.owner,
    String(e.status),
    String(18 + (n % 7)),
    String(6 + (n % 3)),
    e.anonymous ? 'anonymous' : 'authenticated',
    e.anonymous ? '' : DEMO_ACCOUNT,
    DEMO_ACCOUNT,
    'blob',
    quoted(url),
    quoted(path),
    `5d1c${String(n).padStart(4, '0')}-701e-0031-4a2b-8c3d00000000`,
    '0',
    `${e.ip}:${49152 + n}`,
    '2021-08-06',
    '480',
    String(requestBytes),
    '312',
    String(312 + e.bytes),
    String(requestBytes),
    '',
    '',
    e.status < 300 ? quoted('0x8DD1A2B3C4D5E6F') : '',
    e.status < 300 ? quoted('Mon, 02 Dec 2024 00:00:00 GMT') : '',
    '',
    quoted(e.anonymous ? 'curl/8.5.0' : 'azsdk-js-storageblob/12.26.0'),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ].join(';');
}

/** `blob/YYYY/MM/DD/hh00/000000.log`: the hour's log blob an entry is written to. */
function logBlobOf(time: number): string {
  const d = new Date(time).toISOString();
  return `blob/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(11, 13)}00/000000.log`;
}

/** The log blobs to write into `$logs`, by name, each its entries in time order. */
export function demoStorageLogs(t: DemoTimeline, exportBytes: number): Map<string, string> {
  const blobs = new Map<string, string>();
  entries(t, exportBytes).forEach((e, n) => {
    const name = logBlobOf(e.time);
    blobs.set(name, `${blobs.get(name) ?? ''}${entryLine(e, n)}\n`);
  });
  return blobs;
}

/** The log blob the entry at `iso` is in (for the tests and the docs). */
export function demoLogBlobAt(iso: string): string {
  return logBlobOf(Date.parse(iso));
}

function activityEvent(op: string, resourceId: string, at: string, body: ArmJson, n: number): ArmJson {
  return {
    authorization: { action: op, scope: resourceId },
    caller: DEMO_ADMIN,
    channels: 'Operation',
    claims: { ipaddr: ADMIN_IP },
    correlationId: `7b2d4c1e-90aa-4f6b-8e21-5c3f0d9e1a0${n}`,
    eventDataId: `a41f3e2d-5b6c-4d7e-8f90-1a2b3c4d5e6${n}`,
    eventTimestamp: at,
    httpRequest: { clientRequestId: `c6e5d4f3-2a1b-4c0d-9e8f-7a6b5c4d3e2${n}`, clientIpAddress: ADMIN_IP, method: 'PUT' },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    level: 'Informational',
    operationName: { value: op, localizedValue: op },
    resourceGroupName: 'rg-hr-system',
    resourceId,
    resourceProviderName: { value: 'Microsoft.Storage', localizedValue: 'Microsoft.Storage' },
    status: { value: 'Succeeded', localizedValue: 'Succeeded' },
    subscriptionId: DEMO_SUBSCRIPTION,
    submissionTimestamp: at,
    properties: { statusCode: 'OK', requestbody: JSON.stringify(body) },
  };
}

/** The Activity Log of the demo subscription: the account write, then the container write that opened it. */
export function demoActivityLog(t: DemoTimeline): ArmJson[] {
  return [
    activityEvent(ACCOUNT_WRITE, DEMO_ACCOUNT_ID, t.accountOpened, { properties: { allowBlobPublicAccess: true } }, 1),
    activityEvent(CONTAINER_WRITE, demoContainerId(DEMO_PUBLIC), t.opened, { properties: { publicAccess: 'Container' } }, 2),
  ];
}
