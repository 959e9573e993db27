// The plan as the translators read it: each managed resource that will exist after apply, with its planned values,
// which of them are known only after apply, and its configuration block (expressions and the references they are
// built from). Pure.
import { isObject } from '../validate.js';
import type { Json, PlanConfigModule, PlanConfigResource, PlanExpressions, PlanResourceChange, TerraformPlan } from './plan-types.js';

/** A value read from the plan: known, known only after apply, or not set. */
export type PlanValue = { kind: 'known'; value: Json } | { kind: 'unknown' } | { kind: 'absent' };

export interface PlanResource {
  /** Full address, e.g. `module.storage.aws_s3_bucket.hr[0]`. */
  address: string;
  /** `module.storage` ('' in the root module). */
  module: string;
  type: string;
  name: string;
  index?: string | number;
  /** The resource is created by this plan (not an existing one updated or left as is). */
  creating: boolean;
  after: Record<string, Json>;
  afterUnknown: Json;
  /** Its block in `configuration` (undefined when the plan has no configuration section). */
  config?: PlanConfigResource;
  /** Module call names from the root, e.g. ['storage'] (instance keys dropped). */
  moduleCalls: string[];
}

export type PathPart = string | number;

function at(root: Json | undefined, path: readonly PathPart[]): Json | undefined {
  let v: Json | undefined = root;
  for (const p of path) {
    if (v === true) return true; // an unknown ancestor: everything below it is unknown too
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isObject(v) && typeof p === 'string') v = (v as Record<string, Json>)[p];
    else return undefined;
  }
  return v;
}

/** The planned value at `path` (attribute, then block index, then attribute …). */
export function planValue(r: PlanResource, path: readonly PathPart[]): PlanValue {
  if (at(r.afterUnknown, path) === true) return { kind: 'unknown' };
  const v = at(r.after, path);
  return v === undefined || v === null ? { kind: 'absent' } : { kind: 'known', value: v };
}

/** Whether anything at or below `path` is known only after apply. */
export function hasUnknown(r: PlanResource, path: readonly PathPart[]): boolean {
  const walk = (v: Json | undefined): boolean => v === true || (Array.isArray(v) ? v.some(walk) : isObject(v) ? Object.values(v).some(walk) : false);
  return walk(at(r.afterUnknown, path));
}

/**
 * Whether a value the configuration sets, at or below the top-level attribute `attr`, is known only after apply. An
 * unknown the configuration does not set is a computed attribute the provider fills (aws_s3_bucket_acl's
 * access_control_policy beside a canned `acl`): it decides nothing here. Without a configuration section, every
 * unknown counts.
 */
export function unknownConfigured(r: PlanResource, attr: string): boolean {
  if (!r.config?.expressions) return hasUnknown(r, [attr]);
  const walk = (u: Json | undefined, e: unknown): boolean => {
    if (e === undefined) return false;
    if (u === true) return true;
    if (Array.isArray(u)) return u.some((x, i) => walk(x, Array.isArray(e) ? e[i] ?? e[0] : e));
    if (isObject(u)) return Object.entries(u).some(([k, x]) => walk(x, isObject(e) ? (e as Record<string, unknown>)[k] : undefined));
    return false;
  };
  return walk(at(r.afterUnknown, [attr]), r.config.expressions[attr]);
}

/** The known string at `path`, or undefined (unknown or absent). */
export function knownString(r: PlanResource, path: readonly PathPart[]): string | undefined {
  const v = planValue(r, path);
  return v.kind === 'known' && typeof v.value === 'string' ? v.value : undefined;
}

/** Whether the configuration sets the attribute (or block) at the top level of the resource. */
export function configured(r: PlanResource, attr: string): boolean {
  return r.config?.expressions !== undefined && Object.hasOwn(r.config.expressions, attr);
}

/** The references of an attribute's expression (`aws_s3_bucket.hr.id`, `aws_s3_bucket.hr` …). */
export function referencesOf(r: PlanResource, attr: string): string[] {
  const e = r.config?.expressions?.[attr];
  return isObject(e) && Array.isArray((e as { references?: unknown }).references) ? ((e as { references: unknown[] }).references.filter((x) => typeof x === 'string') as string[]) : [];
}

/** `module.a["x"].module.b[0]` -> ['a', 'b']. */
export function moduleCallPath(moduleAddress: string | undefined): string[] {
  if (!moduleAddress) return [];
  return [...moduleAddress.matchAll(/module\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?/g)].map((m) => m[1] ?? '');
}

export function moduleConfig(root: PlanConfigModule | undefined, calls: readonly string[]): PlanConfigModule | undefined {
  let m = root;
  for (const c of calls) m = m?.module_calls?.[c]?.module;
  return m;
}

/** The module `source` strings from the root to the module (['./modules/storage']). */
export function moduleSources(plan: TerraformPlan, calls: readonly string[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let m = plan.configuration?.root_module;
  for (const c of calls) {
    const call = m?.module_calls?.[c];
    out.push(call?.source);
    m = call?.module;
  }
  return out;
}

export class PlanIndex {
  readonly resources: PlanResource[];

  constructor(readonly plan: TerraformPlan) {
    this.resources = (plan.resource_changes ?? []).filter(willExist).map((c) => this.resourceOf(c));
  }

  private resourceOf(c: PlanResourceChange): PlanResource {
    const moduleCalls = moduleCallPath(c.module_address);
    const config = moduleConfig(this.plan.configuration?.root_module, moduleCalls)?.resources?.find((x) => x.mode === 'managed' && x.type === c.type && x.name === c.name);
    return {
      address: c.address,
      module: c.module_address ?? '',
      type: c.type,
      name: c.name,
      ...(c.index !== undefined ? { index: c.index } : {}),
      creating: c.change.actions.includes('create'),
      after: (c.change.after ?? {}) as Record<string, Json>,
      afterUnknown: c.change.after_unknown ?? {},
      ...(config ? { config } : {}),
      moduleCalls,
    };
  }

  /**
   * The resource of one of `types` that an attribute's expression refers to, in the same module (and the same
   * instance key when both have one): how `bucket = aws_s3_bucket.hr.id` is followed while the id is unknown.
   */
  referenced(r: PlanResource, attr: string, types: readonly string[]): PlanResource | undefined {
    for (const ref of referencesOf(r, attr)) {
      const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(\[[^\]]*\])?/.exec(ref);
      if (!m || !types.includes(m[1] ?? '')) continue;
      const candidates = this.resources.filter((x) => x.module === r.module && x.type === m[1] && x.name === m[2]);
      const key = m[3] ? (JSON.parse(m[3].slice(1, -1)) as string | number) : undefined;
      const found = key !== undefined ? candidates.find((x) => x.index === key) : candidates.length === 1 ? candidates[0] : candidates.find((x) => x.index === r.index);
      if (found) return found;
    }
    return undefined;
  }
}

/** A resource that exists after apply: managed, and not deleted without replacement. */
function willExist(c: PlanResourceChange): boolean {
  if (c.mode !== 'managed') return false;
  const a = c.change.actions;
  return !(a.length === 1 && a[0] === 'delete') && c.change.after !== null && c.change.after !== undefined;
}

export type { PlanExpressions };
