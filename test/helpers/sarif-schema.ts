// The official OASIS SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, SARIF v2.1.0 Errata 01) as a
// validator: the vendored file is checked byte for byte, then compiled with Ajv.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SARIF_SCHEMA_URI } from '../../reports/render/sarif.js';
import { packagePath } from '../../src/package-info.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** The OASIS file, byte for byte (Errata 01, "exactly matches OASIS' official version"). */
const OFFICIAL_SHA256 = 'c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e';

export function sarifValidator(): (doc: unknown) => string[] {
  const text = readFileSync(packagePath('test', 'fixtures', 'sarif-schema-2.1.0.json'));
  assert.equal(createHash('sha256').update(text).digest('hex'), OFFICIAL_SHA256, 'the vendored schema is the official file, unmodified');
  const schema = JSON.parse(text.toString('utf8')) as Record<string, unknown>;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  assert.equal(schema.id, SARIF_SCHEMA_URI);
  // The schema is written in draft-04, which Ajv 8 does not load; it uses no keyword whose meaning changed in
  // draft-07 (no boolean exclusiveMinimum/Maximum, no dependencies), so only its identifier keyword is renamed.
  const keywords = new Set<string>();
  const walk = (v: unknown, parent?: string): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (parent !== 'properties' && parent !== 'definitions') keywords.add(k);
        walk(x, k);
      }
    }
  };
  walk(schema);
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum', 'dependencies', 'divisibleBy', 'extends', 'disallow']) assert.equal(keywords.has(k), false, `draft-04 keyword ${k}`);
  const { id, $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile({ ...rest, $id: id, $schema: 'http://json-schema.org/draft-07/schema#' });
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

