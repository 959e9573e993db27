// The parts of Terraform's JSON plan (`terraform show -json plan.out`, format_version 1.x; OpenTofu writes the same)
// that kumoscan reads. Only what the translation needs is typed; everything else is ignored.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One entry of `resource_changes`. */
export interface PlanResourceChange {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data' | string;
  type: string;
  name: string;
  index?: string | number;
  provider_name?: string;
  change: {
    actions: string[];
    before?: Json;
    after?: Json;
    /** Mirrors `after`: `true` where the value is known only after apply. */
    after_unknown?: Json;
  };
}

/** An expression of the `configuration` section: a constant, or the references it is built from. */
export interface PlanExpression {
  constant_value?: Json;
  references?: string[];
}

/** A block's expressions: attribute -> expression, nested blocks -> arrays of expression maps. */
export type PlanExpressions = { [attr: string]: PlanExpression | PlanExpressions[] | PlanExpressions };

export interface PlanConfigResource {
  /** Relative to its module, e.g. `aws_s3_bucket.hr`. */
  address: string;
  mode: string;
  type: string;
  name: string;
  expressions?: PlanExpressions;
}

export interface PlanConfigModule {
  resources?: PlanConfigResource[];
  module_calls?: Record<string, { source?: string; module?: PlanConfigModule }>;
}

export interface TerraformPlan {
  format_version: string;
  terraform_version?: string;
  resource_changes?: PlanResourceChange[];
  configuration?: { root_module?: PlanConfigModule };
}
