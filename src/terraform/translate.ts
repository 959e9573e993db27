// Pure: a Terraform plan -> the provider snapshots kumoscan evaluates (the same model `scan --input` reads), and
// where each resource is declared. Each resource type's translator (registry.ts) sets what it configures.
import type { ResourceSource } from '../model.js';
import type { BaseSnapshot } from '../provider.js';
import type { Assumptions } from './assumptions.js';
import { AwsPlanDraft } from './aws/draft.js';
import { GcpPlanDraft } from './gcp/draft.js';
import { AzurePlanDraft } from './azure/draft.js';
import { PlanIndex } from './plan-index.js';
import type { TerraformPlan } from './plan-types.js';
import { translatorFor } from './registry.js';
import type { TranslateContext } from './translator.js';
import { isObject } from '../validate.js';

export interface PlanTranslation {
  /** One snapshot per provider the plan configures storage of (aws, gcp, azure order). */
  snapshots: BaseSnapshot[];
  /** Resource id -> where it is declared (address; file and line are added by locate-source.ts). */
  sources: Map<string, ResourceSource>;
  /** Resource address -> its module's call path, for finding the .tf file. */
  modules: Map<string, string[]>;
}

/** A constant of a provider's configuration (`provider "aws" { region = "…" }`). */
function providerConstant(plan: TerraformPlan, provider: string, key: string): string | undefined {
  const config = (plan.configuration as { provider_config?: Record<string, { name?: string; expressions?: Record<string, { constant_value?: unknown }> }> } | undefined)?.provider_config;
  if (!isObject(config)) return undefined;
  const value = Object.values(config).find((p) => p.name === provider)?.expressions?.[key]?.constant_value;
  return typeof value === 'string' ? value : undefined;
}

export function translatePlan(plan: TerraformPlan, assume: Assumptions): PlanTranslation {
  const index = new PlanIndex(plan);
  const ctx: TranslateContext = { index, assume, aws: new AwsPlanDraft(), gcp: new GcpPlanDraft(), azure: new AzurePlanDraft() };
  ctx.aws.region = providerConstant(plan, 'aws', 'region');
  ctx.gcp.project = providerConstant(plan, 'google', 'project');
  const work = index.resources.flatMap((r) => {
    const t = translatorFor(r.type);
    return t ? [{ r, t }] : [];
  });
  // Buckets first, then what configures them (a stable sort keeps the plan's order within each).
  work.sort((a, b) => a.t.order - b.t.order);
  for (const { r, t } of work) t.translate(r, ctx);
  const snapshots: BaseSnapshot[] = [];
  const sources = new Map<string, ResourceSource>();
  if (!ctx.aws.empty) {
    const aws = ctx.aws.toSnapshot(assume);
    snapshots.push(aws.snapshot);
    for (const [id, s] of aws.sources) sources.set(id, s);
  }
  for (const draft of [ctx.gcp, ctx.azure]) {
    if (draft.empty) continue;
    const built = draft.toSnapshot(assume);
    snapshots.push(built.snapshot);
    for (const [id, s] of built.sources) sources.set(id, s);
  }
  const modules = new Map(index.resources.map((r) => [r.address, r.moduleCalls]));
  return { snapshots, sources, modules };
}
