// The recorded answers of an S3 emulator for a small seeded account, and how a request is named so that its answer
// can be found again: method, path (the bucket of a path-style request replaced by {bucket}), the sorted query keys,
// and the operation of a Query-protocol (Action=… in the form body) or JSON-protocol (X-Amz-Target) call.
// Pure: no I/O but load/save of the JSON file.
import { readFileSync, writeFileSync } from 'node:fs';

export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Recording {
  /** Template buckets, in seeding order: the bucket of index i of a scaled account is template i % length. */
  buckets: { name: string; region: string; creationDate: string }[];
  /** ListBuckets' owner (the listing itself is made per scale). */
  owner: { ID: string; DisplayName?: string };
  /** Answers to requests about one template bucket: bucket name → request name → answer. */
  perBucket: Record<string, Record<string, RecordedAnswer>>;
  /** Answers to account-level requests (STS, IAM, S3 Control …): request name → answer. */
  global: Record<string, RecordedAnswer>;
}

export interface RequestParts {
  method: string;
  /** Path and query, as received. */
  url: string;
  /** The form body of a Query-protocol call, or the JSON body. */
  body: string;
  contentType?: string;
  target?: string;
}

/** Query keys that carry no meaning for the answer (the SDK's operation hint, paging limits). */
const IGNORED_QUERY = new Set(['x-id', 'max-buckets', 'continuation-token']);

/** The bucket of a path-style request, or undefined (the service root, S3 Control's versioned paths). */
export function bucketOf(pathname: string): string | undefined {
  const first = pathname.split('/')[1];
  if (!first || first.startsWith('v20') || first.startsWith('_')) return undefined;
  return decodeURIComponent(first);
}

/** The name a request is recorded under, with its bucket (if any) replaced by {bucket}. */
export function requestName(r: RequestParts): { name: string; bucket?: string } {
  const url = new URL(r.url, 'http://replay');
  const bucket = bucketOf(url.pathname);
  const path = bucket === undefined ? url.pathname : url.pathname.replace(`/${encodeURIComponent(bucket)}`, '/{bucket}');
  const keys = [...url.searchParams.keys()].filter((k) => !IGNORED_QUERY.has(k)).sort();
  let op = '';
  if (r.target) op = ` target=${r.target}`;
  else if (r.method === 'POST' && (r.contentType ?? '').startsWith('application/x-www-form-urlencoded')) op = ` action=${new URLSearchParams(r.body).get('Action') ?? ''}`;
  const name = `${r.method} ${path}${keys.length > 0 ? `?${keys.join('&')}` : ''}${op}`;
  return bucket === undefined ? { name } : { name, bucket };
}

/** Answer headers worth replaying (the rest is the transport's). */
export function keptHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || ['date', 'server', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** The answer for bucket `target` made from its template's: every mention of the template's name renamed. */
export function renamed(answer: RecordedAnswer, template: string, target: string): RecordedAnswer {
  if (template === target) return answer;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(answer.headers)) headers[k] = v.split(template).join(target);
  return { status: answer.status, headers, body: answer.body.split(template).join(target) };
}

export function loadRecording(file: string): Recording {
  return JSON.parse(readFileSync(file, 'utf8')) as Recording;
}

export function saveRecording(file: string, recording: Recording): void {
  writeFileSync(file, `${JSON.stringify(recording, null, 1)}\n`);
}
