// SARIF 2.1.0 against the official OASIS schema (test/fixtures/sarif-schema-2.1.0.json, SARIF v2.1.0 Errata 01 as
// published by OASIS — see test/fixtures/README.md), plus what code-scanning dashboards read: rules with help text in
// both languages, duties and severity as properties, results located by resource id.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS } from '../../checks/index.js';
import { buildSarif, renderSarif } from '../../reports/render/sarif.js';
import { applyBaseline } from '../../reports/baseline.js';
import { exampleReport, hostileReport, profiledReport } from '../fixtures/render-reports.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const validateSarif = sarifValidator();

describe('renderSarif', () => {
  test('valid with a suppressed finding (result.suppressions, kind external) and a configuration warning', () => {
    const report = exampleReport('aws');
    const [first, ...rest] = report.findings;
    assert.ok(first);
    const withPolicy = {
      ...report,
      findings: rest,
      suppressed: [{ finding: first, reason: 'accepted risk', expires: '2027-01-31', suppression: 'suppressions[0]' }],
      configWarnings: [{ field: 'suppressions[1]', code: 'suppression-unused' as const, message: { ja: '未使用', en: 'unused' } }],
    };
    const doc = buildSarif(withPolicy);
    assert.deepEqual(validateSarif(doc), []);
    assert.deepEqual(doc.runs[0]?.results.find((r) => r.partialFingerprints['kumoscanFindingId/v1'] === first.id)?.suppressions?.[0]?.kind, 'external');
  });

  test('valid against the official SARIF 2.1.0 schema: each example, all together, and a hostile report', async () => {
    const { report } = await profiledReport();
    for (const input of [exampleReport('aws'), exampleReport('azure'), exampleReport('gcp'), [exampleReport('aws'), report], hostileReport()]) {
      const doc = JSON.parse(renderSarif(input)) as unknown;
      assert.deepEqual(validateSarif(doc), []);
    }
    assert.deepEqual(validateSarif(JSON.parse(renderSarif(report, { lang: 'ja' }))), []);
  });

  test('with --baseline: baselineState new / unchanged, resolved findings as absent results; still valid', () => {
    const current = exampleReport('aws');
    const baseline = structuredClone(current);
    const [first, ...rest] = baseline.findings;
    assert.ok(first);
    baseline.findings = [...rest, { ...first, id: `${first.id}:gone`, checkId: 'versioning-off' }];
    const doc = buildSarif(applyBaseline(current, baseline));
    assert.deepEqual(validateSarif(doc), []);
    const states = doc.runs[0]!.results.map((r) => r.baselineState);
    assert.deepEqual([states.filter((x) => x === 'new').length, states.filter((x) => x === 'unchanged').length, states.filter((x) => x === 'absent').length], [1, current.findings.length - 1, 1]);
  });

  test('the validator does reject what the schema forbids', () => {
    const doc = buildSarif(exampleReport('aws'));
    const bad = structuredClone(doc) as unknown as { version: string; runs: { results: { level: string }[] }[] };
    bad.version = '2.0.0';
    const first = bad.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    const errors = validateSarif(bad);
    assert.ok(errors.some((e) => e.startsWith('/version')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('/level')), errors.join('\n'));
  });

  test('one rule per check with help text in Japanese and English, severity and the duties as properties', () => {
    const run = buildSarif(exampleReport('aws')).runs[0];
    assert.ok(run);
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), [...CHECKS, ...ACCOUNT_CHECKS, ...POLICY_CHECKS].map((c) => c.id));
    const publicRead = rules.find((r) => r.id === 'public-read');
    assert.ok(publicRead);
    assert.equal(publicRead.name, 'PublicRead');
    assert.equal(publicRead.defaultConfiguration.level, 'error');
    assert.equal(publicRead.properties['security-severity'], '9.5');
    assert.equal(publicRead.properties.severity, 'critical');
    assert.deepEqual(publicRead.properties.duties, [
      { id: 'APPI-23', ja: '法第23条 安全管理措置', en: 'APPI Art. 23 安全管理措置 (security control measures)' },
      { id: 'GL-10-6-1', ja: '通則ガイドライン10-6(1) アクセス制御', en: 'General Guidelines 10-6(1) アクセス制御 (access control)' },
      { id: 'GL-10-6-2', ja: '通則ガイドライン10-6(2) アクセス者の識別と認証', en: 'General Guidelines 10-6(2) アクセス者の識別と認証 (identification and authentication)' },
    ]);
    assert.ok((publicRead.properties.tags as string[]).includes('duty:APPI-23'));
    assert.match(publicRead.help.text, /^Anyone can read objects in the bucket\n/);
    assert.match(publicRead.help.text, /Remediation:\n- aws: /);
    assert.match(String(publicRead.help.properties?.ja), /^バケット内のオブジェクトを誰でも読み取れる\n[\s\S]*対処:[\s\S]*関係する義務: APPI-23 法第23条 安全管理措置/);
    assert.match(publicRead.help.markdown ?? '', /\*\*Duties\*\*\n\n- `APPI-23` APPI Art\. 23/);
    assert.equal(publicRead.shortDescription.properties?.ja, 'バケット内のオブジェクトを誰でも読み取れる');
  });

  test('results are located by resource id (logicalLocations), with the resource URI as artifact location', () => {
    const report = exampleReport('aws');
    const run = buildSarif(report).runs[0];
    assert.ok(run);
    assert.equal(run.results.length, report.findings.length);
    const result = run.results.find((r) => r.ruleId === 'public-read');
    assert.ok(result);
    const loc = result.locations[0];
    assert.deepEqual(loc?.logicalLocations[0] && { ...loc.logicalLocations[0], index: undefined }, { name: 'hr-system-employees', fullyQualifiedName: 'arn:aws:s3:::hr-system-employees', kind: 'resource', index: undefined });
    const index = loc?.logicalLocations[0]?.index ?? -1;
    assert.equal(run.logicalLocations[index]?.fullyQualifiedName, 'arn:aws:s3:::hr-system-employees');
    assert.equal(loc?.physicalLocation?.artifactLocation.uri, 's3://hr-system-employees');
    assert.equal(result.level, 'error');
    assert.equal(result.ruleIndex, run.tool.driver.rules.findIndex((r) => r.id === 'public-read'));
    assert.equal(result.partialFingerprints['kumoscanFindingId/v1'], 'public-read:arn:aws:s3:::hr-system-employees');
    assert.match(result.message.text, /^Anyone can read objects in the bucket: /);
    assert.match(String(result.message.properties?.ja), /^バケット内のオブジェクトを誰でも読み取れる: /);
    assert.deepEqual((result.properties.duties as { id: string }[]).map((d) => d.id), ['APPI-23', 'GL-10-6-1', 'GL-10-6-2']);
    // An incomplete scan is not a successful execution, and says why.
    assert.equal(run.invocations[0]?.executionSuccessful, false);
    assert.ok((run.invocations[0]?.toolExecutionNotifications ?? []).some((n) => n.message.text.includes('GetBucketPolicy AccessDenied')));
  });

  test('the reportability estimate travels on the logical location', async () => {
    const { report } = await profiledReport();
    const run = buildSarif(report).runs[0];
    const loc = run?.logicalLocations.find((l) => l.fullyQualifiedName === 'gs://kumo-hr-health-checks');
    const r = loc?.properties?.reportability as { result: string; myNumberAct: boolean; categories: { category: number; applies: boolean | null }[] } | null;
    assert.equal(r?.result, 'likely');
    assert.equal(r?.myNumberAct, true);
    assert.deepEqual(r?.categories.filter((c) => c.applies === true).map((c) => c.category), [1, 4]);
  });
});
