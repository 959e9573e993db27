// Reading a saved JSON report back (`kumoscan report SCAN.json`): it must be a kumoscan report of a schema version
// this kumoscan reads (1.x), valid against the published JSON Schema (reports/report.schema.json). Anything else
// is a usage error (exit 2) that says what is wrong and where.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { UsageError } from '../../src/errors.js';
import { MAX_NESTING, tooDeep } from '../../src/io/json-depth.js';
import { readRegularFile } from '../../src/io/read-file.js';
import { packagePath } from '../../src/package-info.js';
import { SCHEMA_VERSION, type Report } from './json.js';
import { restoreCheckTexts } from './report-document.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(packagePath('reports', 'report.schema.json'), 'utf8')) as object);
  }
  return validator;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(errors: readonly ErrorObject[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`);
  return shown.join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '');
}

function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}

/** Parses and validates a saved report; `source` names it in messages. */
export function parseReport(text: string, source: string): Report {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${source} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isObj(doc) || !isObj(doc.tool) || doc.tool.name !== 'kumoscan') {
    throw new UsageError(`${source} is not a kumoscan report (expected a JSON report written by "kumoscan scan --format json", with tool.name "kumoscan")`);
  }
  const deep = tooDeep(doc);
  if (deep !== undefined) throw new UsageError(`${source}: ${deep} is nested more than ${MAX_NESTING} levels deep`);
  const version = typeof doc.schemaVersion === 'string' ? doc.schemaVersion : '';
  if (!/^1\.\d+\.\d+$/.test(version)) {
    throw new UsageError(`${source}: schemaVersion "${version}" is not one this kumoscan reads (1.x)`);
  }
  const check = validate();
  if (!check(doc)) {
    // An older 1.x report has an older assessment block (e.g. no reportability yet): the renderers read it through
    // guards and show what it lacks as "not estimated". Everything else must match today's schema.
    const older = minorOf(version) < minorOf(SCHEMA_VERSION);
    const errors = (check.errors ?? []).filter((e) => !(older && (e.instancePath === '/assessment' || e.instancePath.startsWith('/assessment/'))));
    if (errors.length > 0) throw new UsageError(`${source} is not a valid kumoscan report (reports/report.schema.json): ${describe(errors)}`);
  }
  // 1.4.0: the findings' check texts are in `checks` (reports/render/report-document.ts); before, inline. An older
  // report rendered again as JSON keeps its schemaVersion (its assessment block is the older one) and has `checks`.
  if (minorOf(version) >= 4 || 'checks' in doc) restoreCheckTexts(doc, source);
  const report = doc as unknown as Report;
  // 1.0.0 reports have no identities.
  return { ...report, identities: report.identities ?? [] };
}

/** The largest report file read (as for snapshots), checked from its stat before reading. */
export const MAX_REPORT_BYTES = 512 * 1024 * 1024;

/** Reads and validates a saved report file: a regular file within MAX_REPORT_BYTES, UTF-8 JSON. */
export function readReportFile(path: string): Report {
  const buf = readRegularFile(path, { maxBytes: MAX_REPORT_BYTES, error: (reason) => `cannot read ${path}: ${reason}` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UsageError(`${path}: not valid UTF-8 (a report is a UTF-8 JSON file)`);
  }
  return parseReport(text, path);
}
