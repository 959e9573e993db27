// The README tells the truth about what it can check: the number of checks and the table of them are the
// registry's, the test counts are the test files', it links to nothing outside this repository, and the Quick start's classify command runs on the
// sample export under examples/ (made by the demo's generator) and finds what the comment above it says.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS } from '../../checks/index.js';
import { listChecks } from '../../reports/render/checks-list.js';
import { employeeExport } from '../../src/demo/employees.js';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';

const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  test('the number of checks is the registry\'s, and every check is in the table', () => {
    const ids = listChecks(CHECKS, ACCOUNT_CHECKS, POLICY_CHECKS).map((c) => c.id);
    const count = /(\d+) checks today/.exec(readme)?.[1];
    assert.equal(Number(count), ids.length);
    const section = readme.slice(readme.indexOf('## Checks'), readme.indexOf('\n## ', readme.indexOf('## Checks') + 1));
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    const listed = rows.flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
    assert.deepEqual([...listed].sort(), [...ids].sort());
  });

  test('the status line calls nothing that exists "still to come"', () => {
    const status = /^Status: [\s\S]*?\n\n/m.exec(readme)?.[0] ?? '';
    assert.doesNotMatch(status, /still to come/i);
    for (const feature of ['configuration file', 'suppressions', '`kumoscan diff`', 'organization-wide scans', '`kumoscan merge`']) assert.ok(status.includes(feature), feature);
  });

  test('the test counts are the number of test files in test/unit and test/e2e', () => {
    const files = (dir: string): number => readdirSync(join(PACKAGE_ROOT, 'test', dir)).filter((f) => f.endsWith('.test.ts')).length;
    const said = /The suite: (\d+) unit test files \(`test\/unit`[^)]*\) and (\d+) end-to-end test files/.exec(readme.replace(/\n +/g, ' '));
    assert.deepEqual([Number(said?.[1]), Number(said?.[2])], [files('unit'), files('e2e')]);
  });

  test('no link leaves the repository (no ../ paths)', () => {
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    assert.deepEqual(links.filter((l) => l.startsWith('../') || l.includes('/shared/')), []);
  });

  test('the sample export is the demo generator\'s output (50 invented employees, fixed seed)', () => {
    const committed = readFileSync(join(PACKAGE_ROOT, 'examples', 'exports', '社員名簿-2024.csv'));
    assert.ok(Buffer.from(employeeExport(50, 20261207).bytes).equals(committed), 'run node scripts/sample-export.mjs');
  });

  test('the Quick start classify command runs and finds what its comment says', async () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    const line = /^npx kumoscan (classify \S+)$/m.exec(quick)?.[1];
    assert.equal(line, 'classify examples/exports');
    const res = await runCli(line.split(' '), { LANG: 'C.UTF-8' }, PACKAGE_ROOT);
    assert.equal(res.code, 0, res.stderr);
    const total = res.stdout.slice(res.stdout.indexOf('\nTotal\n'));
    assert.match(total, /2 files \([\d.]+ KiB read\), 1 with personal data, 0 partly read, 0 unreadable/);
    assert.match(total, /APPI classes: specific personal information \(My Number\), special care-required personal information, personal information/);
    for (const type of ['my_number', 'sensitive_health', 'person_name', 'birth_date', 'postal_address']) assert.match(total, new RegExp(`\\n  ${type} .* high +\\d+  in 1 file`), type);
    assert.match(total, /\n  my_number \(My Number \(個人番号\)\) +high +50 /);
    assert.match(total, /persons: 50 /);
    assert.match(res.stdout, /README\.txt {2}\[utf-8, text\] {2}no personal data found/);
  });
});
