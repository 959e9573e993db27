// What one Terraform resource type contributes to the provider snapshots. Each type is one file under
// src/terraform/<cloud>/ and is listed in src/terraform/registry.ts.
import type { PlanIndex, PlanResource } from './plan-index.js';
import type { Assumptions } from './assumptions.js';
import type { AwsPlanDraft } from './aws/draft.js';
import type { GcpPlanDraft } from './gcp/draft.js';
import type { AzurePlanDraft } from './azure/draft.js';

export interface TranslateContext {
  index: PlanIndex;
  assume: Assumptions;
  aws: AwsPlanDraft;
  gcp: GcpPlanDraft;
  azure: AzurePlanDraft;
}

export interface ResourceTranslator {
  /** The Terraform resource type, e.g. `aws_s3_bucket_policy`. */
  type: string;
  /** The resource types translated before this one (a bucket before its split resources). */
  order: number;
  translate(resource: PlanResource, ctx: TranslateContext): void;
}
