// kumoscan.yml through the real command: one-line errors with exit 2, flag defaults (the command line wins),
// suppressions and severity overrides changing the exit code, inventory declarations driving the APPI assessment of
// an unsampled exposed bucket, entrustee globs, and the JSON report valid against the schema. Offline (--input).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';
import { unsampledExample } from '../helpers/unsampled-example.js';

const SNAPSHOT = packagePath('examples', 'aws-hr-system.snapshot.json');
const EMPLOYEES = 'arn:aws:s3:::hr-system-employees';

/** A fresh working directory holding kumoscan.yml with `text`. */
function workdir(text?: string, name = 'kumoscan.yml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-config-'));
  if (text !== undefined) writeFileSync(join(dir, name), text);
  return dir;
}

async function scanJson(dir: string, args: string[], snapshot = SNAPSHOT): Promise<{ code: number | null; report: Report; stderr: string }> {
  const res = await runCli(['scan', '--quiet', '--input', snapshot, '--format', 'json', ...args], {}, dir);
  assert.equal(res.stderr.includes('kumoscan:'), false, res.stderr);
  const report = JSON.parse(res.stdout) as Report;
  assertValidReport(report);
  return { code: res.code, report, stderr: res.stderr };
}

describe('configuration errors: one line naming the file, the field and the problem; exit 2', () => {
  const cases: [what: string, yaml: string, message: string][] = [
    ['YAML syntax', 'version: 1\naws:\n  region: [ap-northeast-1\n', 'kumoscan.yml: line 4, column 1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['duplicate key', 'version: 1\nversion: 1\n', 'kumoscan.yml: line 2, column 1: YAML syntax error: Map keys must be unique'],
    ['unknown key', 'version: 1\naws:\n  regoin: ap-northeast-1\n', 'kumoscan.yml: aws.regoin: unknown key (check the spelling; see docs/configuration.md)'],
    ['bad date', 'version: 1\nsuppressions:\n  - check: public-read\n    resources: "*"\n    reason: ok\n    expires: 2027-02-30\n', 'kumoscan.yml: suppressions[0].expires: must be a date YYYY-MM-DD'],
    ['unknown check id (suppression)', 'version: 1\nsuppressions:\n  - check: public-reed\n    resources: "*"\n    reason: ok\n    expires: 2027-02-03\n', 'kumoscan.yml: suppressions[0].check: unknown check id "public-reed" (kumoscan checks lists them)'],
    ['unknown check id (override)', 'version: 1\nseverity:\n  public-reed: low\n', 'kumoscan.yml: severity.public-reed: unknown check id "public-reed" (kumoscan checks lists them)'],
    ['bad severity', 'version: 1\nseverity:\n  public-read: urgent\n', 'kumoscan.yml: severity.public-read: must be one of: critical, high, medium, low, info'],
    ['wrong type (list expected)', 'version: 1\nentrustees: {}\n', 'kumoscan.yml: entrustees: must be a list (got a mapping)'],
    ['wrong type (pattern)', 'version: 1\nsuppressions:\n  - check: public-read\n    resources: 5\n    reason: ok\n    expires: 2027-02-03\n', 'kumoscan.yml: suppressions[0].resources: must be a string or a list of strings (got a number)'],
    ['wrong type (number)', 'version: 1\nsampling:\n  objectsPerBucket: ten\n', 'kumoscan.yml: sampling.objectsPerBucket: must be a whole number from 1 to 256'],
    ['bad size', 'version: 1\nsampling:\n  bytesPerObject: 1MB2\n', 'kumoscan.yml: sampling.bytesPerObject: must be a size such as 1048576, 512KiB, 1MiB or 2GiB'],
    ['missing reason', 'version: 1\nsuppressions:\n  - check: public-read\n    resources: "*"\n    expires: 2027-02-03\n', 'kumoscan.yml: suppressions[0].reason: is required'],
    ['unknown category', 'version: 1\ninventory:\n  - buckets: hr-*\n    categories: [my_numbr]\n', 'kumoscan.yml: inventory[0].categories[0]: must be one of: my_number, corporate_number, credit_card, bank_account, drivers_license, passport, residence_card, pension_insurance, phone, email, postal_address, birth_date, person_name, sensitive_health, sensitive_crime, id_document_image'],
    ['missing version', 'aws: {}\n', 'kumoscan.yml: version: is required'],
    ['other version', 'version: 2\n', 'kumoscan.yml: version: must be 1'],
    ['empty file', '', 'kumoscan.yml: the file is empty (it needs at least "version: 1")'],
  ];
  for (const [what, yaml, message] of cases) {
    test(what, async () => {
      const res = await runCli(['scan', '--quiet', '--input', SNAPSHOT], {}, workdir(yaml));
      assert.equal(res.stderr, `kumoscan: ${message}\n`);
      assert.equal(res.stdout, '');
      assert.equal(res.code, 2);
    });
  }

  test('--config names the file as given; a missing file is an error too', async () => {
    const dir = workdir('version: 1\nscan:\n  failOn: severe\n', 'ops.yml');
    const bad = await runCli(['scan', '--quiet', '--input', SNAPSHOT, '--config', 'ops.yml'], {}, dir);
    assert.equal(bad.stderr, 'kumoscan: ops.yml: scan.failOn: must be one of: critical, high, medium, low, info, none\n');
    assert.equal(bad.code, 2);
    const missing = await runCli(['scan', '--quiet', '--input', SNAPSHOT, '--config', 'nope.yml'], {}, dir);
    assert.equal(missing.stderr, 'kumoscan: nope.yml: cannot read the configuration file (ENOENT)\n');
    assert.equal(missing.code, 2);
  });

  test('the shipped examples/kumoscan.yml is valid', async () => {
    const dir = workdir();
    const res = await runCli(['scan', '--quiet', '--input', SNAPSHOT, '--config', packagePath('examples', 'kumoscan.yml'), '--format', 'json', '--out', join(dir, 'r.json')], {}, dir);
    assert.equal(res.stderr, '');
    assert.equal(res.code, 1, 'findings at or above failOn: high');
    assertValidReport(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')));
  });
});

describe('suppressions and severity overrides change the exit code', () => {
  test('without a configuration: public-read on hr-system-employees, exit 1 at --fail-on critical', async () => {
    const { code, report } = await scanJson(workdir(), ['--buckets', 'hr-system-employees', '--fail-on', 'critical']);
    assert.equal(code, 1);
    assert.equal(report.summary.findings.critical, 1);
    assert.deepEqual(report.suppressed, []);
    assert.deepEqual(report.configWarnings, []);
  });

  test('a suppression moves the finding to suppressed: exit 0, not counted in the summary; an unused one is a warning', async () => {
    const dir = workdir(`version: 1
suppressions:
  - check: public-read
    resources: hr-system-employees
    reason: public press kit (ticket SEC-1)
    expires: 2999-12-31
  - check: public-write
    resources: '*'
    reason: never matches
    expires: 2999-12-31
`);
    const { code, report } = await scanJson(dir, ['--buckets', 'hr-system-employees', '--fail-on', 'critical']);
    assert.equal(code, 0);
    assert.equal(report.scope.configFile, 'kumoscan.yml');
    assert.equal(report.summary.findings.critical, 0);
    assert.equal(report.findings.some((f) => f.checkId === 'public-read'), false);
    assert.deepEqual(
      report.suppressed?.map((s) => ({ id: s.finding.id, severity: s.finding.severity, reason: s.reason, expires: s.expires, suppression: s.suppression })),
      [{ id: `public-read:${EMPLOYEES}`, severity: 'critical', reason: 'public press kit (ticket SEC-1)', expires: '2999-12-31', suppression: 'suppressions[0]' }],
    );
    assert.deepEqual(report.configWarnings, [
      {
        field: 'suppressions[1]',
        code: 'suppression-unused',
        message: {
          ja: 'suppressions[1]（チェック public-write、対象 *）に一致する指摘はありませんでした。是正済みであれば削除してください。',
          en: 'suppressions[1] (check public-write, resources *) matched no finding; remove it if the issue is fixed.',
        },
      },
    ]);
  });

  test('an expired suppression suppresses nothing and adds suppression-expired: exit 1', async () => {
    const dir = workdir('version: 1\nsuppressions:\n  - check: public-read\n    resources: hr-system-employees\n    reason: press kit\n    expires: 2020-01-31\n');
    const { code, report } = await scanJson(dir, ['--buckets', 'hr-system-employees', '--fail-on', 'critical']);
    assert.equal(code, 1);
    assert.deepEqual(report.suppressed, []);
    const expired = report.findings.find((f) => f.checkId === 'suppression-expired');
    assert.equal(expired?.id, `suppression-expired:${EMPLOYEES}:public-read`);
    assert.equal(expired?.severity, 'low');
    assert.equal(expired?.detail.en, `The suppression of check "public-read" on hr-system-employees (${EMPLOYEES}) (suppressions[0], reason: press kit) expired on 2020-01-31; the original finding is reported again.`);
  });

  test('severity overrides: exit 1 -> 0 at --fail-on high, findings keep originalSeverity', async () => {
    const before = await scanJson(workdir(), ['--buckets', 'hr-system-employees', '--fail-on', 'high']);
    assert.equal(before.code, 1);
    const dir = workdir('version: 1\nseverity:\n  public-read: medium\n  public-list: low\n');
    const { code, report } = await scanJson(dir, ['--buckets', 'hr-system-employees', '--fail-on', 'high']);
    assert.equal(code, 0);
    assert.deepEqual(
      report.findings.filter((f) => f.originalSeverity !== undefined).map((f) => [f.checkId, f.severity, f.originalSeverity]),
      [['public-read', 'medium', 'critical'], ['public-list', 'low', 'high']],
    );
    assert.deepEqual([report.summary.findings.critical, report.summary.findings.high], [0, 0]);
  });

  test('severity override raising a check: exit 0 -> 1', async () => {
    const dir = workdir('version: 1\nseverity:\n  versioning-off: critical\n');
    const { code } = await scanJson(dir, ['--buckets', 'hr-system-locked', '--fail-on', 'critical']);
    const plain = await scanJson(workdir(), ['--buckets', 'hr-system-locked', '--fail-on', 'critical']);
    assert.equal(plain.code, 0);
    assert.equal(code, plain.report.findings.some((f) => f.checkId === 'versioning-off') ? 1 : 0);
  });
});

describe('inventory declarations and entrustees', () => {
  test('declared categories drive the assessment of an exposed bucket that was not sampled, and say so', async () => {
    const plain = await scanJson(workdir(), ['--buckets', 'hr-system-employees'], unsampledExample());
    const before = plain.report.assessment.perResource.find((p) => p.resourceId === EMPLOYEES);
    assert.equal(before?.reportability, null);
    assert.equal(before?.personalData, null);

    const dir = workdir('version: 1\ninventory:\n  - buckets: hr-system-*\n    categories: [person_name, my_number, sensitive_health]\n    persons: 1500\n');
    const { report } = await scanJson(dir, ['--buckets', 'hr-system-employees'], unsampledExample());
    const r = report.resources.find((x) => x.id === EMPLOYEES);
    assert.deepEqual(r?.data?.declared, { categories: ['person_name', 'my_number', 'sensitive_health'], by: ['inventory[0]'] });
    assert.equal(r?.data?.sampled.objects, 0);
    assert.equal(r?.data?.persons.declared, 1500);
    const a = report.assessment.perResource.find((p) => p.resourceId === EMPLOYEES);
    assert.equal(a?.personalData, true);
    assert.equal(a?.reportability?.result, 'likely');
    assert.deepEqual(a?.reportability?.categories.map((c) => [c.category, c.applies]), [[1, true], [2, false], [3, null], [4, true]]);
    assert.equal(
      a?.reportability?.categories[0]?.reason.en,
      '要配慮個人情報 (special care-required personal information) is declared: health-check results / medical history (要配慮個人情報) (declared in the configuration inventory inventory[0], not detected). No sample was read (judged from the inventory declaration).',
    );
    assert.equal(a?.reportability?.categories[3]?.reason.en, 'The declared number of persons is 1,500 (--declare / configuration): more than 1,000, so category 4 applies (no sample was read).');
    assert.equal(a?.reportability?.myNumberAct.applies, true);
    assert.match(a?.note.en ?? '', /declares to hold personal data \(declared, not detected\)/);
    assert.ok(a?.deadlines);
    assert.deepEqual(report.assessment.reportable, [EMPLOYEES]);
  });

  test('--declare beats the inventory persons for its bucket', async () => {
    const dir = workdir('version: 1\ninventory:\n  - buckets: hr-system-*\n    categories: [person_name]\n    persons: 1500\n');
    const { report } = await scanJson(dir, ['--buckets', 'hr-system-employees', '--declare', 'hr-system-employees=12'], unsampledExample());
    const a = report.assessment.perResource.find((p) => p.resourceId === EMPLOYEES);
    assert.equal(report.resources[0]?.data?.persons.declared, 12);
    assert.deepEqual(a?.reportability?.categories.map((c) => [c.category, c.applies]), [[1, false], [2, false], [3, null], [4, false]]);
    assert.equal(a?.reportability?.result, 'review');
  });

  test('an entrustee glob declares the external principal of a bucket holding (declared) personal data', async () => {
    const dir = workdir(`version: 1
inventory:
  - buckets: hr-system-locked
    categories: [person_name]
entrustees:
  - party: Payroll Co.
    principals: ['arn:aws:iam::444455556666:role/payroll-*']
    contract: CTR-2024-017
`);
    const { report } = await scanJson(dir, ['--buckets', 'hr-system-locked']);
    assert.deepEqual(report.assessment.entrustment.map((s) => [s.principal.id, s.declared]), [['arn:aws:iam::444455556666:role/payroll-export', { name: 'Payroll Co.', contract: 'CTR-2024-017' }]]);
  });
});

describe('configuration values are flag defaults; the command line wins', () => {
  const yaml = 'version: 1\nscan:\n  failOn: none\naws:\n  buckets: [hr-system-locked]\n';

  test('the configuration sets --fail-on and --buckets (of the provider scanned, read from the snapshot)', async () => {
    const { code, report } = await scanJson(workdir(yaml), []);
    assert.equal(report.scope.failOn, 'none');
    assert.deepEqual(report.scope.bucketFilter, ['hr-system-locked']);
    assert.deepEqual(report.resources.map((r) => r.name), ['hr-system-locked']);
    assert.equal(code, 0);
  });

  test('flags given on the command line win', async () => {
    const { code, report } = await scanJson(workdir(yaml), ['--fail-on', 'critical', '--buckets', 'hr-system-employees']);
    assert.equal(report.scope.failOn, 'critical');
    assert.deepEqual(report.scope.bucketFilter, ['hr-system-employees']);
    assert.equal(code, 1);
  });

  test('formats and outDir from the configuration; kumoscan.yaml is found too', async () => {
    const dir = workdir('version: 1\nscan:\n  formats: [json, md]\n  outDir: out\n  lang: en\n', 'kumoscan.yaml');
    const res = await runCli(['scan', '--quiet', '--input', SNAPSHOT, '--buckets', 'hr-system-locked'], {}, dir);
    assert.equal(res.stderr, '');
    assert.ok(existsSync(join(dir, 'out', 'kumoscan-report.json')));
    assert.match(readFileSync(join(dir, 'out', 'kumoscan-report.md'), 'utf8'), /^# kumoscan report/);
  });
});
