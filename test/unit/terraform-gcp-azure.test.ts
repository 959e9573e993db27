// kumoscan scan terraform: Google Cloud Storage and Azure Blob Storage resources of a plan, evaluated with the same
// rules as a live scan of GCS and Azure.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import type { Resource } from '../../src/model.js';
import { evaluatePlan, type TerraformScanFlags } from '../../src/terraform/command.js';
import { assertValidReport } from '../helpers/schema.js';
import { buildPlan, constant, ref, writePlan, type PlanEntry } from '../helpers/terraform-plan.js';

function reportsOf(entries: PlanEntry[], extra: Partial<TerraformScanFlags> = {}): { reports: Report[]; exitCode: number } {
  const plan = writePlan(buildPlan(entries, { google: { name: 'google', expressions: { project: constant('kumo-hr-prod') } } }));
  const out = evaluatePlan(plan, { format: ['json'], failOn: 'high', lang: 'en', assume: {}, dataDeclared: [], entrustee: [], ...extra }, new Date('2026-12-07T00:00:00Z'));
  for (const r of out.reports) assertValidReport(r);
  return out;
}

const exposure = (r: Resource | undefined) => ({ read: r?.exposure.read, list: r?.exposure.list, write: r?.exposure.write });

function gcsBucket(name: string, resource: string, after: Record<string, unknown> = {}): PlanEntry {
  return {
    type: 'google_storage_bucket',
    name: resource,
    after: { name, location: 'ASIA-NORTHEAST1', force_destroy: false, uniform_bucket_level_access: true, versioning: [], ...after },
    unknown: { id: true, self_link: true, url: true, project: true, public_access_prevention: !('public_access_prevention' in after), soft_delete_policy: true, effective_labels: true },
    expressions: { name: constant(name), location: constant('ASIA-NORTHEAST1'), uniform_bucket_level_access: constant(true), ...Object.fromEntries(Object.keys(after).map((k) => [k, constant(after[k])])) },
  };
}

describe('Google Cloud Storage', () => {
  test('iam_member allUsers objectViewer: read by anyone; iam_binding to a known group: not public; public_access_prevention enforced wins', () => {
    const { reports } = reportsOf(
      [
        gcsBucket('hr-exports-gcs', 'exports'),
        { type: 'google_storage_bucket_iam_member', name: 'public', after: { role: 'roles/storage.objectViewer', member: 'allUsers', condition: [] }, unknown: { bucket: false, etag: true, id: true }, expressions: { bucket: ref('google_storage_bucket.exports', 'name'), role: constant('roles/storage.objectViewer'), member: constant('allUsers') } },
        gcsBucket('hr-private-gcs', 'private'),
        { type: 'google_storage_bucket_iam_binding', name: 'team', after: { bucket: 'hr-private-gcs', role: 'roles/storage.objectViewer', members: ['group:hr@example.co.jp'], condition: [] }, unknown: { etag: true, id: true }, expressions: { bucket: ref('google_storage_bucket.private', 'name'), role: constant('roles/storage.objectViewer'), members: constant(['group:hr@example.co.jp']) } },
        gcsBucket('hr-locked-gcs', 'locked', { public_access_prevention: 'enforced' }),
        { type: 'google_storage_bucket_iam_member', name: 'locked', after: { bucket: 'hr-locked-gcs', role: 'roles/storage.objectViewer', member: 'allUsers', condition: [] }, unknown: { etag: true, id: true }, expressions: { bucket: ref('google_storage_bucket.locked', 'name'), role: constant('roles/storage.objectViewer'), member: constant('allUsers') } },
      ],
      { assume: { gcpOrgPap: 'off' } },
    );
    assert.equal(reports.length, 1);
    const gcp = reports[0] as Report;
    assert.equal(gcp.scope.provider, 'gcp');
    assert.deepEqual(gcp.scope.accounts, ['kumo-hr-prod']);
    const by = (n: string) => gcp.resources.find((r) => r.name === n);
    // roles/storage.objectViewer holds storage.objects.get and storage.objects.list.
    assert.deepEqual(exposure(by('hr-exports-gcs')), { read: true, list: true, write: false });
    assert.deepEqual(exposure(by('hr-private-gcs')), { read: false, list: false, write: false });
    assert.deepEqual(exposure(by('hr-locked-gcs')), { read: false, list: false, write: false });
    assert.deepEqual(by('hr-exports-gcs')?.source, { address: 'google_storage_bucket.exports' });
    assert.ok(gcp.findings.some((f) => f.checkId === 'public-read' && f.resourceId === 'gs://hr-exports-gcs'));
    assert.equal(gcp.summary.complete, true, JSON.stringify(gcp.errors));
  });

  test('fine-grained ACLs: a default object ACL READER:allUsers: unknown while the org policy is unstated (exit 3), readable with --assume gcp-org-pap=off', () => {
    const entries: PlanEntry[] = [
      gcsBucket('hr-acl-gcs', 'acl', { uniform_bucket_level_access: false }),
      { type: 'google_storage_default_object_acl', name: 'acl', after: { role_entity: ['OWNER:project-owners-123', 'READER:allUsers'] }, unknown: { id: true }, expressions: { bucket: ref('google_storage_bucket.acl', 'name'), role_entity: constant(['OWNER:project-owners-123', 'READER:allUsers']) } },
    ];
    const { reports, exitCode } = reportsOf(entries, { failOn: 'none' });
    const gcp = reports[0] as Report;
    assert.deepEqual(gcp.errors.map((e) => `${e.call} ${e.code}`), ['policies.getEffectivePolicy NotInPlan']);
    // Public Access Prevention "inherited": the org policy decides, and it is not in the plan.
    assert.equal(gcp.resources[0]?.exposure.read, null);
    assert.equal(exitCode, 3);
    const assumed = reportsOf(entries, { assume: { gcpOrgPap: 'off' } }).reports[0] as Report;
    assert.equal(assumed.resources[0]?.exposure.read, true);
    assert.equal(assumed.summary.complete, true);
  });

  test('an IAM member known only after apply: read unknown, stated', () => {
    const { reports } = reportsOf(
      [
        gcsBucket('hr-unknown-gcs', 'u'),
        { type: 'google_storage_bucket_iam_member', name: 'u', after: { role: 'roles/storage.objectViewer', condition: [] }, unknown: { member: true, etag: true, id: true }, expressions: { bucket: ref('google_storage_bucket.u', 'name'), role: constant('roles/storage.objectViewer'), member: { references: ['var.reader'] } } },
      ],
      { assume: { gcpOrgPap: 'off' } },
    );
    const r = (reports[0] as Report).resources[0];
    assert.equal(r?.exposure.read, null);
    assert.ok(r?.errors.some((e) => e.call === 'buckets.getIamPolicy' && e.code === 'KnownAfterApply'));
  });
});

describe('Azure Blob Storage', () => {
  const account = (after: Record<string, unknown>): PlanEntry => ({
    type: 'azurerm_storage_account',
    name: 'hr',
    after: { name: 'kumohrexports', resource_group_name: 'rg-hr', location: 'japaneast', account_kind: 'StorageV2', account_tier: 'Standard', account_replication_type: 'LRS', allow_nested_items_to_be_public: true, shared_access_key_enabled: true, min_tls_version: 'TLS1_2', https_traffic_only_enabled: true, public_network_access_enabled: true, network_rules: [], static_website: [], blob_properties: [], ...after },
    unknown: { id: true, primary_blob_endpoint: true, primary_access_key: true },
    expressions: { name: constant('kumohrexports'), resource_group_name: constant('rg-hr'), ...Object.fromEntries(Object.keys(after).map((k) => [k, constant(after[k])])) },
  });
  const container = (name: string, access: string): PlanEntry => ({
    type: 'azurerm_storage_container',
    name: name.replace(/-/g, '_'),
    after: { name, container_access_type: access, metadata: {} },
    unknown: { id: true, storage_account_id: true, has_immutability_policy: true, has_legal_hold: true, resource_manager_id: true },
    expressions: { name: constant(name), storage_account_id: ref('azurerm_storage_account.hr'), container_access_type: constant(access) },
  });

  test('container_access_type container on an account that allows public access: read and list by anyone; private stays private; TLS 1.0 flagged', () => {
    const { reports } = reportsOf([account({ min_tls_version: 'TLS1_0' }), container('exports', 'container'), container('payroll', 'private')]);
    const az = reports[0] as Report;
    assert.equal(az.scope.provider, 'azure');
    const by = (n: string) => az.resources.find((r) => r.name.endsWith(n));
    assert.deepEqual(exposure(by('exports')), { read: true, list: true, write: false });
    assert.deepEqual(exposure(by('payroll')), { read: false, list: false, write: false });
    assert.deepEqual(by('exports')?.source, { address: 'azurerm_storage_container.exports' });
    assert.ok(az.findings.some((f) => f.checkId === 'azure-min-tls-below-1-2'));
    assert.ok(az.findings.some((f) => f.checkId === 'public-list'));
  });

  test('allow_nested_items_to_be_public = false: the container setting is switched off', () => {
    const { reports } = reportsOf([account({ allow_nested_items_to_be_public: false }), container('exports', 'blob')]);
    const r = (reports[0] as Report).resources[0];
    assert.deepEqual(exposure(r), { read: false, list: false, write: false });
    assert.equal((reports[0] as Report).findings.some((f) => f.checkId === 'azure-blob-public-access-allowed'), false);
  });

  test('logging: off on a new account without a diagnostic setting; on with azurerm_monitor_diagnostic_setting on its blob service', () => {
    const off = reportsOf([account({}), container('exports', 'private')]).reports[0] as Report;
    assert.equal(off.resources[0]?.logging, false);
    const diagnostic: PlanEntry = {
      type: 'azurerm_monitor_diagnostic_setting',
      name: 'blob',
      after: { name: 'blob-logs', enabled_log: [{ category: null, category_group: 'audit' }], metric: [] },
      unknown: { id: true, target_resource_id: true, log_analytics_workspace_id: true },
      expressions: { name: constant('blob-logs'), target_resource_id: { references: ['azurerm_storage_account.hr.id', 'azurerm_storage_account.hr'] }, log_analytics_workspace_id: ref('azurerm_log_analytics_workspace.main'), enabled_log: [{ category_group: constant('audit') }] },
    };
    const on = reportsOf([account({}), container('exports', 'private'), diagnostic]).reports[0] as Report;
    assert.equal(on.resources[0]?.logging, true);
    assert.equal(on.findings.some((f) => f.checkId === 'access-logging-off'), false);
  });

  test('a plan with S3, GCS and Azure storage: one report per cloud', () => {
    const { reports } = reportsOf([account({}), container('exports', 'private'), gcsBucket('multi-gcs', 'm'), { type: 'aws_s3_bucket', name: 'b', after: { bucket: 'multi-s3' }, unknown: { id: true }, expressions: { bucket: constant('multi-s3') } }], { assume: { accountBpa: 'on', gcpOrgPap: 'on' } });
    assert.deepEqual(reports.map((r) => r.scope.provider), ['aws', 'gcp', 'azure']);
  });
});
