// sample: read a bounded sample of a resource's objects through its provider's ObjectReader and classify it.
// The bytes live only in memory, inside one call; what comes out is a DataProfile (counts, masked examples).
import type { ObjectInfo, ObjectReader } from './object-reader.js';
import { planSample, type PlanOptions, type SampleLimits } from './sample-plan.js';
import type { DataProfile, FileProfile } from './types.js';
import { ScanDeadlineError, TIMEOUT_CODE } from '../call-limits.js';

/** How sampled bytes become profiles (src/data/decode + src/data/detect), injected so sampling stays testable. */
export interface Classifiers {
  /** Decodes and classifies the first bytes of an object. `truncated`: the bytes are a prefix of the object. */
  classifyBytes(bytes: Uint8Array, meta: { key: string; size: number; truncated: boolean; deadline: number }): Promise<FileProfile>;
  /** Classifies an object by its name only (images, archives, media). */
  classifyName(key: string): FileProfile;
  /** Aggregates object profiles into the resource's profile, with the persons estimate. */
  profile(files: FileProfile[], ctx: { objectsListed: number; listingComplete: boolean; skipped: { key: string; reason: string }[]; declared?: number }): DataProfile;
}

/** The scan-wide byte budget, shared by every resource sampled in one scan. */
export class ByteBudget {
  constructor(private remaining: number) {}
  take(wanted: number): number {
    const granted = Math.max(0, Math.min(wanted, this.remaining));
    this.remaining -= granted;
    return granted;
  }
  get left(): number {
    return this.remaining;
  }
}

/** The code of a failure: the provider's (AccessDenied …), a timeout, or the network's (ECONNRESET …). */
function errorCode(err: object): string {
  const e = err as { name?: string; Code?: string; code?: unknown };
  if (e.Code) return e.Code;
  if (e.name === 'TimeoutError') return typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : TIMEOUT_CODE;
  if (e.name && e.name !== 'Error' && e.name !== 'AbortError') return e.name;
  if (typeof e.code === 'string' && e.code.length > 0) return e.code;
  return e.name ?? 'Error';
}

function errorText(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const message = (err as { message?: string }).message ?? '';
    return `${errorCode(err)}: ${message.split('\n')[0]?.slice(0, 200) ?? ''}`;
  }
  return String(err);
}

/** The skip reason of an object whose read failed: `read failed (CODE: message)`; readFailureCode() reads it back. */
const READ_FAILED = 'read failed (';

/** The error code of a skip reason written for a failed read, or undefined for a deliberate skip (archive, budget). */
export function readFailureCode(reason: string): string | undefined {
  if (!reason.startsWith(READ_FAILED)) return undefined;
  const code = /^[^:)]+/.exec(reason.slice(READ_FAILED.length))?.[0];
  return code && code.length > 0 ? code : 'Error';
}

/** The recorded-error calls of sampling: the listing (or the whole resource), and object reads. */
export const SAMPLE_LIST_CALL = 'SampleObjects';
export const SAMPLE_READ_CALL = 'SampleRead';

/** The outcome's error of a resource left unsampled because the scan deadline had passed. */
export const NOT_SAMPLED_DEADLINE = 'not sampled: the scan deadline (--scan-timeout) passed';

/** Lists up to limits.listLimit objects; the count is the basis of the persons estimate. */
async function listObjects(reader: ObjectReader, limits: SampleLimits): Promise<{ objects: ObjectInfo[]; complete: boolean }> {
  const objects: ObjectInfo[] = [];
  let next: string | undefined;
  do {
    const page = await reader.list({ max: Math.min(1000, limits.listLimit - objects.length), ...(next ? { next } : {}) });
    objects.push(...page.objects);
    next = page.next;
  } while (next && objects.length < limits.listLimit);
  return { objects, complete: next === undefined };
}

export interface SampleOutcome {
  profile: DataProfile | null;
  /** Why the resource could not be sampled at all (listing denied …). */
  error?: string;
}

/**
 * Lists, plans and reads one resource's sample. A read that fails (refused, timed out, reset) is kept in the
 * profile's skipped list as `read failed (CODE: …)`: attachSample() turns those into recorded errors. Once
 * `scanDeadline` is aborted no further object is read (each is skipped as failed with code ScanTimeout).
 * `plan`: with OCR on, `{ readImages: true }` reads pictures whole (src/data/sample-plan.ts).
 */
export async function sampleResource(reader: ObjectReader, limits: SampleLimits, budget: ByteBudget, classifiers: Classifiers, declared?: number, scanDeadline?: AbortSignal, plan: PlanOptions = {}): Promise<SampleOutcome> {
  if (scanDeadline?.aborted) return { profile: null, error: NOT_SAMPLED_DEADLINE };
  let listing: { objects: ObjectInfo[]; complete: boolean };
  try {
    listing = await listObjects(reader, limits);
  } catch (err) {
    return { profile: null, error: `listing failed (${errorText(err)})` };
  }
  const planned = planSample(listing.objects, limits.objectsPerResource, plan);
  const skipped = [...planned.skipped];
  const files: FileProfile[] = [];
  for (const o of planned.objects) {
    if (o.how === 'name') {
      files.push(classifiers.classifyName(o.key));
      continue;
    }
    if (scanDeadline?.aborted) {
      skipped.push({ key: o.key, reason: `${READ_FAILED}${errorText(new ScanDeadlineError())})` });
      continue;
    }
    const want = o.whole === true ? o.size : Math.min(limits.bytesPerObject, o.size);
    const granted = budget.take(want);
    if (granted <= 0) {
      skipped.push({ key: o.key, reason: 'scan byte budget spent' });
      continue;
    }
    const deadline = Date.now() + limits.msPerObject;
    try {
      const signal = scanDeadline ? AbortSignal.any([AbortSignal.timeout(limits.msPerObject), scanDeadline]) : AbortSignal.timeout(limits.msPerObject);
      const bytes = await reader.read(o.key, { maxBytes: granted, signal });
      files.push(await classifiers.classifyBytes(bytes, { key: o.key, size: o.size, truncated: bytes.length < o.size, deadline }));
    } catch (err) {
      skipped.push({ key: o.key, reason: `${READ_FAILED}${errorText(err)})` });
    }
  }
  const profile = classifiers.profile(files, {
    objectsListed: listing.objects.length,
    listingComplete: listing.complete,
    skipped,
    ...(declared !== undefined ? { declared } : {}),
  });
  return { profile };
}

