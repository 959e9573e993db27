// The real command: kumoscan scan terraform PLAN.json — the table names `address (file:line)`, SARIF validates and
// points into the .tf files, bad input is one line and exit 2, the Japanese table says "known after apply" in Japanese.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { awsBucket, awsSplit, buildPlan, writePlan } from '../helpers/terraform-plan.js';
import { PACKAGE_ROOT } from '../../src/package-info.js';

const HR_PLAN = 'test/fixtures/terraform/hr/plan.json';
const ASSUME = ['--assume', 'account-bpa=off', '--assume', 'aws-account-id=123456789012'];

describe('kumoscan scan terraform', () => {
  test('table: each resource as `address (file:line)`, exit 1 for the public bucket', async () => {
    const res = await runCli(['scan', 'terraform', HR_PLAN, ...ASSUME, '--lang', 'en'], {}, PACKAGE_ROOT);
    assert.equal(res.code, 1, res.stderr);
    assert.equal(res.stderr, '');
    assert.match(res.stdout, /\n {2}aws_s3_bucket\.employees \(test\/fixtures\/terraform\/hr\/main\.tf:9\) +yes\/yes\/no /);
    assert.match(res.stdout, /\n {2}module\.locked\.aws_s3_bucket\.this \(test\/fixtures\/terraform\/hr\/modules\/locked\/main\.tf:9\) +no\/no\/no /);
  });

  test('SARIF: valid 2.1.0; results at the .tf file and line of the resource block, with the address', async () => {
    const res = await runCli(['scan', 'terraform', HR_PLAN, ...ASSUME, '--format', 'sarif'], {}, PACKAGE_ROOT);
    assert.equal(res.code, 1, res.stderr);
    const sarif = JSON.parse(res.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[]; properties: { terraformAddress?: string } }[] }[] };
    assert.deepEqual(sarifValidator()(sarif), []);
    const read = sarif.runs[0]?.results.find((r) => r.ruleId === 'public-read');
    assert.deepEqual(read?.locations[0]?.physicalLocation, { artifactLocation: { uri: 'test/fixtures/terraform/hr/main.tf' }, region: { startLine: 9 } });
    assert.equal(read?.properties.terraformAddress, 'aws_s3_bucket.employees');
    const mfa = sarif.runs[0]?.results.find((r) => r.ruleId === 'mfa-delete-off');
    assert.deepEqual(mfa?.locations[0]?.physicalLocation, { artifactLocation: { uri: 'test/fixtures/terraform/hr/modules/locked/main.tf' }, region: { startLine: 9 } });
  });

  test('--lang ja: a value known only after apply is explained in Japanese; exit 3 when nothing reaches --fail-on', async () => {
    const plan = writePlan(buildPlan([awsBucket('tf-ja'), awsSplit('aws_s3_bucket_versioning', 'aws_s3_bucket.b', 'b', {}, { versioning_configuration: [{ status: { references: ['var.status'] } }] }, { versioning_configuration: true })]));
    const res = await runCli(['scan', 'terraform', plan, '--assume', 'account-bpa=on', '--lang', 'ja', '--fail-on', 'critical']);
    assert.equal(res.code, 3, res.stderr);
    const flat = res.stdout.replace(/\n\s*/g, '');
    assert.ok(flat.includes('aws_s3_bucket.b: GetBucketVersioning KnownAfterApply —aws_s3_bucket_versioning.b: versioning_configuration は適用後にしか決まりません'), res.stdout);
    assert.doesNotMatch(res.stdout, /known only after apply/);
  });

  test('bad input: one line, exit 2, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-tfbad-'));
    const cases: [string, string, RegExp][] = [
      ['not-json.json', '{"format_version": ', /not valid JSON/],
      ['v2.json', JSON.stringify({ format_version: '2.0', resource_changes: [] }), /format_version "2\.0" is not supported/],
      ['state.json', JSON.stringify({ format_version: '1.0', values: {} }), /has no resource_changes: give a plan/],
      ['bad-change.json', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'a.b', type: 'a', name: 'b', mode: 'managed', change: {} }] }), /resource_changes\[0\]\.change\.actions must be an array of strings/],
    ];
    for (const [file, text, message] of cases) {
      writeFileSync(join(dir, file), text);
      const res = await runCli(['scan', 'terraform', join(dir, file)]);
      assert.equal(res.code, 2, `${file}: ${res.stderr}`);
      assert.match(res.stderr, message);
      assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr);
    }
    const assume = await runCli(['scan', 'terraform', HR_PLAN, '--assume', 'account-bpa=maybe']);
    assert.equal(assume.code, 2);
    assert.match(assume.stderr, /--assume account-bpa=maybe: must be KEY=VALUE/);
    const declared = await runCli(['scan', 'terraform', HR_PLAN, '--data-declared', 'hr=salary']);
    assert.equal(declared.code, 2);
    assert.match(declared.stderr, /unknown class salary/);
  });

  test('kumoscan.yml `scan:` gives the defaults (fail-on, lang) as for kumoscan scan; the command line wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-tfcfg-'));
    writeFileSync(join(dir, 'kumoscan.yml'), 'version: 1\nscan:\n  failOn: none\n  lang: ja\n');
    const plan = join(PACKAGE_ROOT, HR_PLAN);
    const byConfig = await runCli(['scan', 'terraform', plan, ...ASSUME], {}, dir);
    assert.equal(byConfig.code, 0, byConfig.stderr);
    assert.match(byConfig.stdout, /チェック別の指摘/);
    const byFlag = await runCli(['scan', 'terraform', plan, ...ASSUME, '--fail-on', 'high', '--lang', 'en'], {}, dir);
    assert.equal(byFlag.code, 1, byFlag.stderr);
    assert.match(byFlag.stdout, /Findings by check/);
  });

  test('a plan without storage resources: a note on standard error, exit 0', async () => {
    const plan = writePlan(buildPlan([{ type: 'aws_instance', name: 'web', after: { ami: 'ami-1' }, expressions: {} }]));
    const res = await runCli(['scan', 'terraform', plan]);
    assert.equal(res.code, 0);
    assert.match(res.stderr, /has no storage resource kumoscan reads/);
  });

  test('--save-snapshot writes the translated snapshot, which scan --input evaluates to the same verdicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-tfsnap-'));
    const snap = join(dir, 'snap.json');
    const plan = await runCli(['scan', 'terraform', HR_PLAN, ...ASSUME, '--format', 'json', '--save-snapshot', snap], {}, PACKAGE_ROOT);
    const input = await runCli(['scan', '--input', snap, '--format', 'json']);
    assert.equal(input.code, plan.code);
    const exposure = (text: string) => (JSON.parse(text) as { resources: { name: string; exposure: { read: unknown; list: unknown; write: unknown } }[] }).resources.map((r) => [r.name, r.exposure.read, r.exposure.list, r.exposure.write]);
    assert.deepEqual(exposure(input.stdout), exposure(plan.stdout));
  });
});
