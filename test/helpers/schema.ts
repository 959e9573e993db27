// Validates reports against the published JSON Schema (reports/report.schema.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { packagePath } from '../../src/package-info.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(packagePath('reports', 'report.schema.json'), 'utf8')) as object);

export function assertValidReport(report: unknown): void {
  const ok = validate(report);
  assert.ok(ok, `report does not match reports/report.schema.json:\n${JSON.stringify(validate.errors, null, 2)}`);
}
