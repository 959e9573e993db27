// Builds Terraform JSON plans (format_version 1.x, the documented `terraform show -json plan.out` shape) for tests:
// resource_changes with after / after_unknown, planned_values, and the configuration with module calls, expressions
// and references.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Obj = Record<string, unknown>;

export interface PlanEntry {
  /** Module calls from the root: [{ name: 'storage', source: './modules/storage' }]. */
  module?: { name: string; source: string }[];
  type: string;
  name: string;
  index?: number | string;
  actions?: string[];
  after: Obj;
  unknown?: Obj;
  expressions?: Obj;
}

export const ref = (address: string, attribute = 'id'): Obj => ({ references: [`${address}.${attribute}`, address] });
export const constant = (value: unknown): Obj => ({ constant_value: value });

/** What the AWS provider (v5) leaves unknown on a new aws_s3_bucket: its computed arguments. */
export const NEW_BUCKET_UNKNOWN: Obj = Object.fromEntries(
  ['acceleration_status', 'acl', 'arn', 'bucket_domain_name', 'bucket_prefix', 'bucket_regional_domain_name', 'cors_rule', 'grant', 'hosted_zone_id', 'id', 'lifecycle_rule', 'logging', 'object_lock_configuration', 'object_lock_enabled', 'policy', 'region', 'replication_configuration', 'request_payer', 'server_side_encryption_configuration', 'tags_all', 'versioning', 'website', 'website_domain', 'website_endpoint'].map((k) => [k, true]),
);

export function buildPlan(entries: readonly PlanEntry[], providerConfig: Obj = {}): Obj {
  const root: Obj = { resources: [], module_calls: {} };
  const planned = new Map<string, Obj[]>();
  const changes = entries.map((e) => {
    const moduleAddress = (e.module ?? []).map((m) => `module.${m.name}`).join('.');
    const address = `${moduleAddress ? `${moduleAddress}.` : ''}${e.type}.${e.name}${e.index !== undefined ? `[${JSON.stringify(e.index)}]` : ''}`;
    const actions = e.actions ?? ['create'];
    let mod = root;
    for (const m of e.module ?? []) {
      const calls = mod.module_calls as Record<string, Obj>;
      calls[m.name] ??= { source: m.source, module: { resources: [], module_calls: {} } };
      mod = calls[m.name]?.module as Obj;
    }
    const resources = mod.resources as Obj[];
    if (!resources.some((r) => r.address === `${e.type}.${e.name}`)) resources.push({ address: `${e.type}.${e.name}`, mode: 'managed', type: e.type, name: e.name, provider_config_key: e.type.split('_')[0], expressions: e.expressions ?? {}, schema_version: 0 });
    const provider = `registry.terraform.io/hashicorp/${e.type.split('_')[0] ?? ''}`;
    planned.set(moduleAddress, [...(planned.get(moduleAddress) ?? []), { address, mode: 'managed', type: e.type, name: e.name, provider_name: provider, schema_version: 0, values: e.after, sensitive_values: {} }]);
    return {
      address,
      ...(moduleAddress ? { module_address: moduleAddress } : {}),
      mode: 'managed',
      type: e.type,
      name: e.name,
      ...(e.index !== undefined ? { index: e.index } : {}),
      provider_name: provider,
      change: { actions, before: actions.includes('create') ? null : e.after, after: actions.includes('delete') && !actions.includes('create') ? null : e.after, after_unknown: e.unknown ?? {}, before_sensitive: false, after_sensitive: {} },
    };
  });
  const childModules = [...planned.keys()].filter((k) => k !== '').map((k) => ({ address: k, resources: planned.get(k) }));
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: { resources: planned.get('') ?? [], ...(childModules.length > 0 ? { child_modules: childModules } : {}) } },
    resource_changes: changes,
    configuration: { provider_config: providerConfig, root_module: root },
  };
}

/** Writes the plan (and .tf files, by relative path) into a new folder; returns the plan's path. */
export function writePlan(plan: Obj, tf: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-tf-'));
  for (const [file, text] of Object.entries(tf)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const path = join(dir, 'plan.json');
  writeFileSync(path, JSON.stringify(plan, null, 1));
  return path;
}

/** A new aws_s3_bucket with a literal name. */
export function awsBucket(name: string, resource = 'b', extra: Partial<PlanEntry> = {}): PlanEntry {
  return { type: 'aws_s3_bucket', name: resource, after: { bucket: name, force_destroy: false, tags: null }, unknown: { ...NEW_BUCKET_UNKNOWN }, expressions: { bucket: constant(name) }, ...extra };
}

/** A split resource of a bucket, referring to it while its id is unknown. */
export function awsSplit(type: string, bucketAddress: string, resource: string, after: Obj, expressions: Obj, unknown: Obj = {}, module?: PlanEntry['module']): PlanEntry {
  return { type, name: resource, after: { expected_bucket_owner: null, ...after }, unknown: { bucket: true, id: true, ...unknown }, expressions: { bucket: ref(bucketAddress), ...expressions }, ...(module ? { module } : {}) };
}
