// What every split S3 resource (aws_s3_bucket_policy, aws_s3_bucket_versioning …) does: find its bucket (by the
// reference in the configuration while the name is unknown), and set one bucket setting from some of its arguments,
// or state it unknown when any of them is known only after apply.
import { unknownConfigured, knownString, type PlanResource } from '../plan-index.js';
import type { ResourceTranslator, TranslateContext } from '../translator.js';
import type { BucketField } from './draft.js';

export function splitResource(type: string, field: BucketField, attributes: readonly string[], build: (after: PlanResource['after']) => unknown): ResourceTranslator {
  return {
    type,
    order: 1,
    translate(r: PlanResource, ctx: TranslateContext): void {
      const bucket = ctx.index.referenced(r, 'bucket', ['aws_s3_bucket']);
      const draft = ctx.aws.bucketNamed(r, bucket, bucket ? undefined : knownString(r, ['bucket']));
      if (!draft) return;
      const unknown = attributes.find((a) => unknownConfigured(r, a));
      if (unknown !== undefined) ctx.aws.unknown(draft, field, r, unknown, 'resource');
      else ctx.aws.set(draft, field, build(r.after), 'resource');
    },
  };
}
