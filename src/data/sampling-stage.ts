// The sample stage of a scan (DESIGN.md: collect -> snapshot -> normalize -> SAMPLE -> check): for the resources
// an outsider can read (or all, or none), read a bounded sample through the provider's ObjectReader and keep
// only the DataProfile. Also the pure step that attaches profiles (and declared counts) to resources.
import pLimit from 'p-limit';
import { classifyBytes } from './decode/classify.js';
import type { ImageTextReader } from './decode/image-text.js';
import { OcrService, type OcrSettings } from './ocr/index.js';
import { classifyFileName, PersonLedger, profileResource } from './detect/index.js';
import { ByteBudget, NOT_SAMPLED_DEADLINE, readFailureCode, SAMPLE_LIST_CALL, SAMPLE_READ_CALL, sampleResource, type Classifiers, type SampleOutcome } from './sample.js';
import { SCAN_TIMEOUT_CODE } from '../call-limits.js';
import { DEFAULT_SAMPLE_LIMITS, type SampleLimits } from './sample-plan.js';
import type { DataProfile } from './types.js';
import type { CollectError, Resource } from '../model.js';
import type { BaseSnapshot, ProviderAdapter } from '../provider.js';

export type SampleMode = 'exposed' | 'all' | 'none';

export interface SampleRequest {
  mode: SampleMode;
  limits?: Partial<SampleLimits>;
  /** Declared persons per resource name (--declare BUCKET=COUNT). */
  declared?: Record<string, number>;
  concurrency?: number;
  /** OCR of sampled pictures (--ocr, --ocr-max-images, --ocr-time-limit): one budget per resource. Default on. */
  ocr?: OcrSettings;
  /** Progress: called after each resource is sampled (its name and counts). */
  onSampled?: (done: number, total: number, name?: string) => void;
  /** The scan's deadline: once aborted, no resource is started and no further object read. */
  deadline?: AbortSignal;
}

/** exposed: whatever anyone can read or list, or might (an unverified verdict is not a reason to skip). */
export function shouldSample(r: Resource, mode: SampleMode): boolean {
  if (mode === 'none') return false;
  if (mode === 'all') return true;
  return r.exposure.read !== false || r.exposure.list !== false;
}

/**
 * Decoding + detection, with one person ledger per resource: persons de-duplicated across its objects. `imageText`:
 * the resource's OCR reader (its own budget), handed to the decoder for pictures.
 */
export function realClassifiers(imageText?: ImageTextReader): Classifiers {
  const ledger = new PersonLedger();
  return {
    classifyBytes: (bytes, meta) => classifyBytes(bytes, { name: meta.key, size: meta.size, partial: meta.truncated, deadline: meta.deadline, ledger, ...(imageText ? { imageText } : {}) }),
    classifyName: (key) => classifyFileName(key, { ledger }),
    profile: (files, ctx) => profileResource(files, { ...ctx, ledger }),
  };
}

export async function sampleResources(
  adapter: ProviderAdapter<BaseSnapshot>,
  flags: Readonly<Record<string, unknown>>,
  resources: readonly Resource[],
  req: SampleRequest,
): Promise<Record<string, SampleOutcome>> {
  const out: Record<string, SampleOutcome> = {};
  const open = adapter.openReader;
  if (!open) return out;
  const limits: SampleLimits = { ...DEFAULT_SAMPLE_LIMITS, ...req.limits };
  const budget = new ByteBudget(limits.bytesPerScan);
  const limit = pLimit(Math.max(1, req.concurrency ?? 4));
  const chosen = resources.filter((r) => shouldSample(r, req.mode));
  let done = 0;
  // One OCR engine for the run (workers start on the first picture), one budget per resource; closed at the end.
  const ocr = new OcrService(req.ocr ?? {});
  try {
    await Promise.all(
      chosen.map((r) =>
        limit(async () => {
          if (req.deadline?.aborted) {
            out[r.id] = { profile: null, error: NOT_SAMPLED_DEADLINE };
            req.onSampled?.(++done, chosen.length, r.name);
            return;
          }
          const reader = open(flags, r);
          const imageText = ocr.reader();
          try {
            out[r.id] = await sampleResource(reader, limits, budget, realClassifiers(imageText), req.declared?.[r.name], req.deadline, { readImages: imageText !== undefined });
          } finally {
            reader.close();
          }
          req.onSampled?.(++done, chosen.length, r.name);
        }),
      ),
    );
  } finally {
    await ocr.close();
  }
  return out;
}

/** A declared count (configuration / --declare) overrides the estimate for category 4, both ways. Pure. */
export function withDeclared(profile: DataProfile, declared: number | undefined): DataProfile {
  if (declared === undefined) return profile;
  return { ...profile, persons: { ...profile.persons, declared, over1000: declared > 1000 } };
}

/**
 * The errors a sample outcome records: the resource could not be sampled at all (listing failed, or the scan
 * deadline passed first), and objects whose read failed — one error per failure code, with counts, never a key.
 */
export function sampleErrors(outcome: SampleOutcome): CollectError[] {
  const errors: CollectError[] = [];
  if (outcome.error) errors.push({ call: SAMPLE_LIST_CALL, code: outcome.error === NOT_SAMPLED_DEADLINE ? SCAN_TIMEOUT_CODE : 'SampleFailed', message: outcome.error });
  const skipped = outcome.profile?.sampled.skipped ?? [];
  const failed = new Map<string, { count: number; reason: string }>();
  for (const s of skipped) {
    const code = readFailureCode(s.reason);
    if (code === undefined) continue;
    const f = failed.get(code);
    if (f) f.count++;
    else failed.set(code, { count: 1, reason: s.reason });
  }
  const planned = (outcome.profile?.sampled.objects ?? 0) + [...failed.values()].reduce((a, f) => a + f.count, 0);
  for (const [code, f] of failed) {
    errors.push({ call: SAMPLE_READ_CALL, code, message: `${f.count} of ${planned} sampled object(s) could not be read: ${f.reason}` });
  }
  return errors;
}

/** Pure: attaches a sample outcome to its resource; what could not be sampled or read is a recorded error. */
export function attachSample(r: Resource, outcome: SampleOutcome | undefined, declared: number | undefined): Resource {
  if (!outcome) return r;
  const failed = sampleErrors(outcome);
  const errors: CollectError[] = failed.length > 0 ? [...r.errors, ...failed] : r.errors;
  return { ...r, errors, ...(outcome.profile ? { data: withDeclared(outcome.profile, declared) } : {}) };
}
