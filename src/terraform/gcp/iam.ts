// What the three bucket IAM resources share: finding the bucket, and an unknown argument making the policy unknown.
import { unknownConfigured, type PlanResource } from '../plan-index.js';
import type { ResourceTranslator, TranslateContext } from '../translator.js';
import type { GcsBucketDraft } from './draft.js';
import { knownAfterApply } from '../notes.js';

export function bucketIamResource(type: string, attributes: readonly string[], apply: (r: PlanResource, d: GcsBucketDraft) => void): ResourceTranslator {
  return {
    type,
    order: 1,
    translate(r: PlanResource, ctx: TranslateContext): void {
      const d = ctx.gcp.target(ctx.index, r);
      if (!d) return;
      const unknown = attributes.find((a) => unknownConfigured(r, a));
      if (unknown !== undefined) d.errors.push(knownAfterApply('buckets.getIamPolicy', r.address, unknown));
      else apply(r, d);
    },
  };
}
