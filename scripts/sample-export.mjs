// Writes examples/exports/社員名簿-2024.csv, the sample export the README's Quick start classifies: 50 invented
// employees made by the demo's generator (src/demo/employees.ts, fixed seed) — names, dates of birth, addresses,
// My Numbers with a valid check digit but random, health-check results. No real person. Needs the build (dist/).
// test/unit/readme.test.ts checks that the committed file is exactly what this writes.
// Usage: node scripts/sample-export.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { employeeExport } = await import(join(root, 'dist', 'src', 'demo', 'employees.js'));
const SAMPLE_EXPORT = { persons: 50, seed: 20261207 };
const file = join(root, 'examples', 'exports', '社員名簿-2024.csv');
writeFileSync(file, employeeExport(SAMPLE_EXPORT.persons, SAMPLE_EXPORT.seed).bytes);
console.log(`wrote ${file}`);
