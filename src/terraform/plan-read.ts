// Reading a plan file (`terraform show -json plan.out > plan.json`): a regular file, UTF-8 JSON, format_version 1.x,
// with the shape kumoscan reads. Anything else is one clear line and exit 2 (UsageError).
import { UsageError } from '../errors.js';
import { readRegularFile } from '../io/read-file.js';
import { tooDeep, MAX_NESTING } from '../io/json-depth.js';
import { isObject } from '../validate.js';
import type { TerraformPlan } from './plan-types.js';

export const MAX_PLAN_BYTES = 256 * 1024 * 1024;

function fail(source: string, what: string): never {
  throw new UsageError(`${source}: ${what}`);
}

/** Parses and checks a plan document; `source` names it in errors. Pure. */
export function parsePlan(text: string, source = 'plan'): TerraformPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    fail(source, `not valid JSON (${(err as Error).message}); give the output of "terraform show -json plan.out"`);
  }
  if (!isObject(doc)) fail(source, 'a Terraform plan must be a JSON object');
  const deep = tooDeep(doc);
  if (deep !== undefined) fail(source, `${deep} is nested more than ${MAX_NESTING} levels deep`);
  const version = doc.format_version;
  if (typeof version !== 'string') fail(source, 'format_version is missing: this is not the JSON of "terraform show -json plan.out"');
  if (!/^1\.\d+$/.test(version)) fail(source, `format_version ${JSON.stringify(version)} is not supported (this kumoscan reads 1.x)`);
  if (doc.planned_values === undefined && doc.resource_changes === undefined) fail(source, 'has no resource_changes: give a plan ("terraform show -json plan.out"), not a state');
  const changes = doc.resource_changes ?? [];
  if (!Array.isArray(changes)) fail(source, 'resource_changes must be an array');
  changes.forEach((c, i) => {
    const where = `resource_changes[${i}]`;
    if (!isObject(c)) fail(source, `${where} must be an object`);
    for (const key of ['address', 'type', 'name', 'mode'] as const) if (typeof c[key] !== 'string') fail(source, `${where}.${key} must be a string`);
    if (c.module_address !== undefined && typeof c.module_address !== 'string') fail(source, `${where}.module_address must be a string`);
    const change = c.change;
    if (!isObject(change) || !Array.isArray(change.actions) || !change.actions.every((a) => typeof a === 'string')) fail(source, `${where}.change.actions must be an array of strings`);
    if (change.after !== undefined && change.after !== null && !isObject(change.after)) fail(source, `${where}.change.after must be an object or null`);
  });
  if (doc.configuration !== undefined && !isObject(doc.configuration)) fail(source, 'configuration must be an object');
  return doc as unknown as TerraformPlan;
}

/** Reads a plan file: a regular file of at most 256 MiB, UTF-8 JSON. */
export function readPlanFile(path: string): TerraformPlan {
  const buf = readRegularFile(path, { maxBytes: MAX_PLAN_BYTES, error: (reason) => `cannot read plan ${path}: ${reason}` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UsageError(`plan ${path}: not valid UTF-8`);
  }
  return parsePlan(text, path);
}
