// The data profile stored in examples/aws-hr-system.snapshot.json for its public bucket: kumoscan's own sampler
// run over the employee export of the demo (invented persons) in an in-memory bucket. Deterministic, so
// scripts/example-profile.mjs writes it and test/unit/example-story.test.ts checks the example still holds it.
import { ByteBudget, sampleResource, type SampleOutcome } from '../data/sample.js';
import type { ObjectReader } from '../data/object-reader.js';
import { DEFAULT_SAMPLE_LIMITS } from '../data/sample-plan.js';
import { realClassifiers } from '../data/sampling-stage.js';
import { employeeExport } from './employees.js';

export const EXAMPLE_SAMPLED_BUCKET = 'arn:aws:s3:::hr-system-employees';

/** The sample of the example's public bucket: one export of 1,500 invented employees. */
export async function exampleProfile(): Promise<SampleOutcome> {
  const body = employeeExport(1500).bytes;
  const key = 'exports/社員名簿-2024.csv';
  const reader: ObjectReader = {
    list: async () => ({ objects: [{ key, size: body.length, lastModified: '2026-11-20T09:12:00.000Z' }], prefixes: [] }),
    read: async (k, { maxBytes }) => (k === key ? body.slice(0, maxBytes) : new Uint8Array(0)),
    close: () => undefined,
  };
  return sampleResource(reader, DEFAULT_SAMPLE_LIMITS, new ByteBudget(DEFAULT_SAMPLE_LIMITS.bytesPerScan), realClassifiers());
}
