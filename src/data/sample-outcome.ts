// A sample's outcome on its resource (pure): the data profile, a declared person count over the estimate, and
// what could not be sampled or read as recorded errors. Kept apart from the sampling run (./sampling-stage.ts, which
// loads the decoders and OCR) because evaluating a saved snapshot needs only this.
import { sampleReadErrorJa } from './skip-reason-text.js';
import { SCAN_TIMEOUT_CODE } from '../call-limits.js';
import type { CollectError, Resource } from '../model.js';
import { NOT_SAMPLED_DEADLINE, readFailureCode, SAMPLE_LIST_CALL, SAMPLE_READ_CALL, type SampleOutcome } from './sample.js';
import type { DataProfile } from './types.js';

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
    errors.push({ call: SAMPLE_READ_CALL, code, message: `${f.count} of ${planned} sampled object(s) could not be read: ${f.reason}`, messageJa: sampleReadErrorJa(f.count, planned, f.reason) });
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
