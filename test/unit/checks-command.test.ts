// `kumoscan checks`: every registered check, with severity, providers and the duties it cites, in ja and en.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS } from '../../checks/index.js';
import type { CheckListing } from '../../reports/render/checks-list.js';
import { runCli } from '../helpers/cli.js';

test('kumoscan checks --format json lists every check exactly once, with duties in both languages', async () => {
  const res = await runCli(['checks', '--format', 'json']);
  assert.equal(res.code, 0, res.stderr);
  const rows = JSON.parse(res.stdout) as CheckListing[];
  assert.deepEqual(rows.map((r) => r.id), [...CHECKS.map((c) => c.id), ...ACCOUNT_CHECKS.map((c) => c.id), ...POLICY_CHECKS.map((c) => c.id)]);
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
  for (const r of rows) {
    assert.ok(r.title.ja && r.title.en, r.id);
    assert.ok(r.duties.some((d) => d.id === 'APPI-23'), r.id);
    assert.ok(r.duties.every((d) => d.ja.length > 0 && d.en.length > 0), r.id);
  }
  assert.equal(rows.find((r) => r.id === 'public-read')?.severity, 'critical');
  assert.equal(rows.find((r) => r.id === 'iam-root-account-unprotected')?.scope, 'account');
  assert.deepEqual(rows.find((r) => r.id === 'suppression-expired'), { id: 'suppression-expired', severity: 'low', providers: ['aws', 'gcp', 'azure'], scope: 'policy', title: { ja: '抑制の有効期限切れ', en: 'Suppression expired' }, duties: [{ id: 'APPI-23', ja: '法第23条 安全管理措置', en: 'APPI Art. 23 安全管理措置 (security control measures)' }] });
});

test('kumoscan checks --lang ja prints the Japanese titles', async () => {
  const res = await runCli(['checks', '--lang', 'ja']);
  assert.equal(res.code, 0);
  assert.match(res.stdout, /public-read\s+critical\s+aws,gcp,azure\s+バケット内のオブジェクトを誰でも読み取れる/);
  assert.match(res.stdout, new RegExp(`^${CHECKS.length + ACCOUNT_CHECKS.length + POLICY_CHECKS.length} 件のチェック`));
});
