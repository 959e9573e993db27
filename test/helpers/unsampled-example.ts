// The AWS example with nothing sampled: examples/aws-hr-system.snapshot.json without its "samples" (the data profile
// scripts/example-profile.mjs stores), written once per test process to a temporary file of the same name. For the
// tests of buckets no sample was read from (inventory declarations, --declare, the assessment without an estimate)
// and of output that must not depend on the minute of the scan (the PPC draft of a reportable bucket names it).
// Derived from the example, so it follows every change to the example's buckets.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../src/package-info.js';

let written: string | undefined;

/** Path of the AWS example without "samples". */
export function unsampledExample(): string {
  if (written !== undefined) return written;
  const doc = JSON.parse(readFileSync(packagePath('examples', 'aws-hr-system.snapshot.json'), 'utf8')) as Record<string, unknown>;
  if (doc.samples === undefined) throw new Error('examples/aws-hr-system.snapshot.json has no "samples" any more: use the example itself');
  delete doc.samples;
  const file = join(mkdtempSync(join(tmpdir(), 'kumoscan-unsampled-example-')), 'aws-hr-system.snapshot.json');
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  written = file;
  return file;
}
