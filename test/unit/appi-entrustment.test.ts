// Entrustment (委託) signals: an external principal that can read a resource with personal data is a signal;
// a declared entrustee (--entrustee ID=NAME:CONTRACT-REF) turns it into a documented relation.
import { parseReport } from '../../reports/render/load.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entrustmentSignals, matchEntrustee, mergePrincipals, parseEntrustee } from '../../reports/appi/entrustment.js';
import { assess } from '../../reports/appi/assessment.js';
import type { Entrustee } from '../../reports/appi/types.js';
import type { Report } from '../../reports/render/json.js';
import type { Resource } from '../../src/model.js';
import { packagePath } from '../../src/package-info.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';
import { principal, resource, withData } from '../fixtures/appi-resources.js';

const FIXTURE = packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json');
const VENDOR = 'arn:aws:iam::444455556666:role/payroll-export';
const PAYROLL: Entrustee = { id: '444455556666', name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' };

describe('--entrustee ID=NAME:CONTRACT-REF', () => {
  test('an account id, a name and a contract reference', () => {
    assert.deepEqual(parseEntrustee('444455556666=Kyuyo Payroll Co.:CTR-2024-017'), PAYROLL);
  });

  test('the ID may hold colons (an ARN), the contract too (a URL)', () => {
    assert.deepEqual(parseEntrustee(`${VENDOR}=給与計算株式会社:https://contracts.example.jp/ctr/17`), { id: VENDOR, name: '給与計算株式会社', contract: 'https://contracts.example.jp/ctr/17' });
  });

  test('malformed values say what is expected', () => {
    for (const bad of ['444455556666', '=Name:CTR', '444455556666=Name', '444455556666=:CTR', '444455556666=Name:', '']) {
      const out = parseEntrustee(bad);
      assert.equal(typeof out, 'string', bad);
      assert.match(String(out), /ID=NAME:CONTRACT-REF/);
    }
  });
});

describe('matching a principal to a declared entrustee', () => {
  test('by account id, by the principal id, by e-mail domain or domain member', () => {
    assert.equal(matchEntrustee(principal(VENDOR, '444455556666'), [PAYROLL]), PAYROLL);
    const byArn: Entrustee = { ...PAYROLL, id: VENDOR };
    assert.equal(matchEntrustee(principal(VENDOR, '444455556666'), [byArn]), byArn);
    const vendor: Entrustee = { id: 'vendor.co.jp', name: 'Vendor', contract: 'C-1' };
    assert.equal(matchEntrustee(principal('user:alice@Vendor.co.jp', 'vendor.co.jp', ['read'], 'gcp-member'), [vendor]), vendor);
    assert.equal(matchEntrustee(principal('serviceAccount:etl@vendor-proj.iam.gserviceaccount.com', 'project vendor-proj', ['read'], 'gcp-member'), [{ ...vendor, id: 'etl@vendor-proj.iam.gserviceaccount.com' }])?.name, 'Vendor');
    assert.equal(matchEntrustee(principal('domain:vendor.co.jp', 'vendor.co.jp', ['read'], 'gcp-member'), [vendor]), vendor);
  });

  test('no match for another account', () => {
    assert.equal(matchEntrustee(principal('arn:aws:iam::777788889999:root', '777788889999'), [PAYROLL]), undefined);
    assert.equal(matchEntrustee(principal('arn:aws:iam::777788889999:root', null), []), undefined);
  });
});

describe('signals', () => {
  test('an undeclared principal: the APPI.md message in both languages', () => {
    const [s] = entrustmentSignals(resource((r) => (r.externalPrincipals = [principal('arn:aws:iam::777788889999:root', '777788889999')])), []);
    assert.ok(s);
    assert.equal(s.declared, undefined);
    assert.equal(s.resourceId, 'arn:aws:s3:::kumo-hr');
    assert.match(s.message.en, /This party can handle the data — if this is entrustment \(委託\), Art\. 25 supervision applies \(selection, contract terms, monitoring: GL 3-4-4\); if not, check it is not a third-party provision \(第三者提供, Art\. 27\)/);
    assert.match(s.message.ja, /個人データを取り扱える状態です。委託に当たる場合は、法第25条の委託先の監督.*通則ガイドライン3-4-4.*第三者提供（法第27条）に当たらないか確認/);
  });

  test('a declared entrustee: documented with its name and contract', () => {
    const [s] = entrustmentSignals(resource((r) => (r.externalPrincipals = [principal(VENDOR, '444455556666', ['read', 'list'])])), [PAYROLL]);
    assert.deepEqual(s?.declared, { name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' });
    assert.match(s?.message.ja ?? '', /申告された委託先「Kyuyo Payroll Co.」（委託契約: CTR-2024-017）/);
    assert.match(s?.message.en ?? '', /can read and list .*declared entrustee \(委託先\) "Kyuyo Payroll Co." \(contract: CTR-2024-017\).*Art\. 25/);
  });

  test('read or list counts; write only does not; "anyone" is exposure, not a party', () => {
    const r = resource((x) => {
      x.externalPrincipals = [
        principal('arn:aws:iam::100000000001:root', '100000000001', ['list']),
        principal('arn:aws:iam::100000000002:root', '100000000002', ['write']),
        principal('*', null, ['read'], 'anyone'),
      ];
    });
    assert.deepEqual(entrustmentSignals(r, []).map((s) => s.principal.id), ['arn:aws:iam::100000000001:root']);
  });

  test('several grants to one principal: one signal, capabilities merged, every grant as evidence', () => {
    const a = { ...principal(VENDOR, '444455556666', ['list']), evidence: 'Sid "List"', conditional: true };
    const b = { ...principal(VENDOR, '444455556666', ['read']), evidence: 'Sid "Read"' };
    const merged = mergePrincipals([a, b]);
    assert.equal(merged.length, 1);
    assert.deepEqual(merged[0]?.capabilities, ['read', 'list']);
    assert.equal(merged[0]?.evidence, 'Sid "List"; Sid "Read"');
    assert.equal(merged[0]?.conditional, false);
  });
});

describe('only resources with personal data give signals (assess)', () => {
  const external = (r: Resource): void => {
    r.externalPrincipals = [principal(VENDOR, '444455556666')];
  };
  const opts = { scannedAt: '2026-11-30T00:00:00.000Z', entrustees: [PAYROLL] };

  test('not sampled and not tagged: no signal (the finding external-principal-read still stands)', () => {
    const a = assess([resource(external)], [], opts);
    assert.deepEqual(a.entrustment, []);
    assert.equal(a.perResource[0]?.duties.includes('APPI-25'), false);
  });

  test('sampled without personal data: no signal', () => {
    assert.deepEqual(assess([withData({ detections: [['corporate_number', 'high', 2]] }, external)], [], opts).entrustment, []);
  });

  test('personal data by sampling or by the owner\'s tag: a signal, and APPI-25 with the reason', () => {
    const sampled = assess([withData({}, external)], [], opts);
    assert.equal(sampled.entrustment.length, 1);
    assert.deepEqual(sampled.perResource[0]?.entrustment, sampled.entrustment);
    const tagged = assess([resource((r) => { external(r); r.tags = { 'data-class': 'personal' }; })], [], opts);
    assert.equal(tagged.entrustment.length, 1);
    const duty = tagged.perResource[0]?.dutyRefs.find((d) => d.id === 'APPI-25');
    assert.match(duty?.reason?.ja ?? '', /外部の主体（arn:aws:iam::444455556666:role\/payroll-export）.*タグ data-class=personal/);
  });

  test('the top level lists every signal of every resource', () => {
    const one = withData({}, external);
    const two = withData({}, (r) => { r.id = 'arn:aws:s3:::other'; r.name = 'other'; r.externalPrincipals = [principal('arn:aws:iam::777788889999:root', '777788889999')]; });
    const a = assess([one, two], [], opts);
    assert.deepEqual(a.entrustment.map((s) => [s.resourceId, s.declared?.name ?? null]), [['arn:aws:s3:::kumo-hr', 'Kyuyo Payroll Co.'], ['arn:aws:s3:::other', null]]);
  });
});

describe('kumoscan scan --entrustee', () => {
  test('the declared vendor is documented, the other account stays a signal', async () => {
    const res = await runCli(['scan', '--input', FIXTURE, '--format', 'json', '--entrustee', '444455556666=Kyuyo Payroll Co.:CTR-2024-017']);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.deepEqual(
      report.assessment.entrustment.map((s) => [s.principal.id, s.declared ?? null]),
      [
        [VENDOR, { name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' }],
        ['arn:aws:iam::777788889999:root', null],
      ],
    );
  });

  test('a malformed --entrustee is a usage error (exit 2)', async () => {
    const res = await runCli(['scan', '--input', FIXTURE, '--format', 'json', '--entrustee', '444455556666']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /--entrustee.*ID=NAME:CONTRACT-REF/);
  });
});

describe('a declared entrustee\'s access: documented-entrustment (info) instead of external-principal-read (high)', () => {
  const SHARE = 'arn:aws:s3:::hr-vendor-share';
  const OTHER = 'arn:aws:iam::777788889999:root';
  const findingsOf = (stdout: string): [string, string][] => (JSON.parse(stdout) as Report).findings.map((f) => [f.id, f.severity]);

  test('nothing declared: both external principals are high, exit 1', async () => {
    const res = await runCli(['scan', '--input', FIXTURE, '--buckets', 'hr-vendor-share', '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    assert.deepEqual(findingsOf(res.stdout), [
      [`external-principal-read:${SHARE}:${VENDOR}`, 'high'],
      [`external-principal-read:${SHARE}:${OTHER}`, 'high'],
      [`tls-not-enforced:${SHARE}`, 'medium'],
      [`mfa-delete-off:${SHARE}`, 'info'],
      [`no-object-lock:${SHARE}`, 'info'],
    ]);
  });

  test('both declared in the configuration file: info findings with the contract and Art. 25, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-entrustees-'));
    const config = join(dir, 'kumoscan.yml');
    writeFileSync(
      config,
      ['version: 1', 'entrustees:', "  - party: Kyuyo Payroll Co.", "    principals: ['444455556666']", '    contract: CTR-2024-017', '  - party: Kumo Audit K.K.', "    principals: 'arn:aws:iam::777788889999:*'", '    contract: https://contracts.example.co.jp/audit-2026', ''].join('\n'),
    );
    const res = await runCli(['scan', '--input', FIXTURE, '--buckets', 'hr-vendor-share', '--format', 'json', '--config', config]);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual(findingsOf(res.stdout), [
      [`tls-not-enforced:${SHARE}`, 'medium'],
      [`documented-entrustment:${SHARE}:${VENDOR}`, 'info'],
      [`documented-entrustment:${SHARE}:${OTHER}`, 'info'],
      [`mfa-delete-off:${SHARE}`, 'info'],
      [`no-object-lock:${SHARE}`, 'info'],
    ]);
    const report = parseReport(res.stdout, 'stdout');
    assertValidReport(JSON.parse(res.stdout));
    const f = report.findings.find((x) => x.id === `documented-entrustment:${SHARE}:${VENDOR}`);
    assert.ok(f);
    assert.deepEqual(f.duties.map((d) => (typeof d === 'string' ? d : (d as { id: string }).id)), ['APPI-23', 'APPI-25']);
    assert.match(f.detail.ja, /申告された委託先「Kyuyo Payroll Co.」（委託契約: CTR-2024-017）.*法第25条に基づき委託先を監督する必要があります/);
    assert.match(f.detail.en, /declared entrustee \(委託先\) "Kyuyo Payroll Co." \(contract: CTR-2024-017\).*APPI Art\. 25 requires you to supervise the entrustee/);
    assert.deepEqual(f.evidence.at(-1), {
      effect: 'info',
      source: 'configuration',
      ref: 'entrustees: 444455556666',
      message: 'declared entrustee "Kyuyo Payroll Co.", contract CTR-2024-017',
      messageJa: '申告された委託先「Kyuyo Payroll Co.」、委託契約 CTR-2024-017',
    });
  });

  test('one declared with --entrustee: only the other stays high, exit 1', async () => {
    const res = await runCli(['scan', '--input', FIXTURE, '--buckets', 'hr-vendor-share', '--format', 'json', '--entrustee', '444455556666=Kyuyo Payroll Co.:CTR-2024-017']);
    assert.equal(res.code, 1, res.stderr);
    assert.deepEqual(findingsOf(res.stdout).slice(0, 2), [
      [`external-principal-read:${SHARE}:${OTHER}`, 'high'],
      [`tls-not-enforced:${SHARE}`, 'medium'],
    ]);
    assert.ok(findingsOf(res.stdout).some(([id, sev]) => id === `documented-entrustment:${SHARE}:${VENDOR}` && sev === 'info'));
  });
});
