// The sample stage of a scan (DESIGN.md: collect -> snapshot -> normalize -> SAMPLE -> check): for the resources
// an outsider can read (or all, or none), read a bounded sample through the provider's ObjectReader and keep
// only the DataProfile. The pure step that attaches profiles (and declared counts) to resources is ./sample-outcome.ts.
import pLimit from 'p-limit';
import { classifyBytes } from './decode/classify.js';
import type { ImageTextReader } from './decode/image-text.js';
import { OcrService, type OcrSettings } from './ocr/index.js';
import { classifyFileName, PersonLedger, profileResource } from './detect/index.js';
import { ByteBudget, NOT_SAMPLED_DEADLINE, sampleResource, type Classifiers, type SampleOutcome } from './sample.js';
import { DEFAULT_SAMPLE_LIMITS, type SampleLimits } from './sample-plan.js';
import type { Resource } from '../model.js';
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
          const reader = await open(flags, r);
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
