// Writes the data profile of the public bucket into examples/aws-hr-system.snapshot.json ("samples"), so that
// `kumoscan scan --input` of the example tells the HR-system story: My Numbers and health-check results of 1,500
// employees in the bucket anyone can list and read. The profile is what kumoscan's own sampler makes of the
// export `kumoscan demo` uploads (src/demo/employees.ts: invented persons, random My Numbers with a valid check
// digit) read through an in-memory bucket — only the profile is stored (masked examples, counts), never a value.
// Needs the build (dist/). test/unit/example-story.test.ts checks that the example holds exactly this profile.
// Usage: node scripts/example-profile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { exampleProfile, EXAMPLE_SAMPLED_BUCKET } = await import(join(root, 'dist', 'src', 'demo', 'example-profile.js'));
const file = join(root, 'examples', 'aws-hr-system.snapshot.json');
const text = readFileSync(file, 'utf8');
const without = text.replace(/,\n {2}"samples": [\s\S]*\n}\n$/, '\n}\n');
const samples = JSON.stringify({ [EXAMPLE_SAMPLED_BUCKET]: await exampleProfile() }, null, 2).replace(/\n/g, '\n  ');
writeFileSync(file, `${without.replace(/\n}\n$/, '')},\n  "samples": ${samples}\n}\n`);
console.log(`wrote the sample of ${EXAMPLE_SAMPLED_BUCKET} into ${file}`);
