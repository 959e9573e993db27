// The Azure storage account checks (a failing input, the healthy baseline, an unknown input), and how account-level
// findings are raised once per storage account, on its first container, with the others named.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runChecks } from '../../checks/index.js';
import type { AzureAccountSettings, Finding, Resource, Severity } from '../../src/model.js';

const ACCOUNT = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/kumohr';
const SHARED = ['guards.allowBlobPublicAccess', 'encryption', 'transport', 'versioning', 'logging', 'softDelete', 'tags', 'azure'];

function settings(edit?: Partial<AzureAccountSettings>): AzureAccountSettings {
  return {
    source: 'arm',
    storageAccount: 'kumohr',
    storageAccountId: ACCOUNT,
    subscriptionId: 's',
    resourceGroup: 'rg',
    kind: 'StorageV2',
    sku: 'Standard_ZRS',
    blobEndpoint: 'https://127.0.0.1:10000/kumohr',
    webEndpoint: null,
    allowSharedKeyAccess: false,
    publicNetworkAccess: 'Disabled',
    networkDefaultAction: 'Deny',
    openToAllNetworks: false,
    allowCrossTenantReplication: false,
    infrastructureEncryption: true,
    blobSoftDeleteDays: 14,
    containerSoftDelete: true,
    containerSoftDeleteDays: 7,
    staticWebsite: false,
    classicLogging: true,
    diagnosticLogging: false,
    ...edit,
  };
}

/** A healthy container of a healthy account; `members` are the account's containers (this one first unless said). */
function container(name = 'employees', edit?: (r: Resource) => void, members = [name], primary = true): Resource {
  const r: Resource = {
    provider: 'azure',
    account: ACCOUNT,
    id: `${ACCOUNT}/blobServices/default/containers/${name}`,
    name: `kumohr/${name}`,
    region: 'japaneast',
    exposure: { read: false, list: false, write: false, aclWrite: false, evidence: [] },
    guards: { allowBlobPublicAccess: false },
    externalPrincipals: [],
    encryption: { atRest: 'customer-managed', key: 'https://kv.vault.azure.net/keys/k' },
    transport: { httpsOnly: true, minTls: 'TLS1_2' },
    versioning: true,
    logging: true,
    softDelete: true,
    retentionLock: true,
    website: false,
    tags: {},
    errors: [],
    accountScope: { name: 'kumohr', primary, members: members.map((m) => `kumohr/${m}`), shared: [...SHARED] },
    azure: settings(),
  };
  edit?.(r);
  return r;
}

const brief = (fs: Finding[]): [string, Severity][] => fs.map((f) => [f.checkId, f.severity]);
const run = (checkId: string, r: Resource): Finding[] => runChecks([r], { only: [checkId] });

/** The input set to null: the check says nothing, not-verified names the attribute (once, on the primary). */
function assertUnknown(checkId: string, edit: (r: Resource) => void, name: string): void {
  const r = container('employees', edit);
  assert.deepEqual(run(checkId, r), [], `${checkId} must not guess`);
  const all = runChecks([r]);
  assert.deepEqual(brief(all), [['not-verified', 'medium']]);
  assert.ok(all[0]!.detail.en.includes(name), all[0]!.detail.en);
}

describe('baseline', () => {
  test('a healthy container of a healthy account has no finding', () => {
    assert.deepEqual(runChecks([container()]), []);
  });
});

describe('azure-blob-public-access-allowed', () => {
  test('medium when the account allows anonymous blob access, even if no container is public', () => {
    const f = run('azure-blob-public-access-allowed', container('employees', (r) => (r.guards.allowBlobPublicAccess = true)));
    assert.deepEqual(brief(f), [['azure-blob-public-access-allowed', 'medium']]);
    assert.ok(f[0]!.detail.ja.includes('allowBlobPublicAccess=true'));
    assert.deepEqual(f[0]!.duties, ['APPI-23', 'GL-10-6-1', 'GL-10-6-2']);
  });
  test('unknown: not-verified', () => assertUnknown('azure-blob-public-access-allowed', (r) => (r.guards.allowBlobPublicAccess = null), 'allowBlobPublicAccess'));
});

describe('azure-shared-key-access-allowed', () => {
  test('medium when Shared Key is allowed', () => {
    assert.deepEqual(brief(run('azure-shared-key-access-allowed', container('e', (r) => (r.azure!.allowSharedKeyAccess = true)))), [['azure-shared-key-access-allowed', 'medium']]);
  });
  test('unknown: not-verified', () => assertUnknown('azure-shared-key-access-allowed', (r) => (r.azure!.allowSharedKeyAccess = null), 'Shared Key access'));
});

describe('azure-min-tls-below-1-2', () => {
  for (const v of ['TLS1_0', 'TLS1_1']) {
    test(`medium at ${v}`, () => assert.deepEqual(brief(run('azure-min-tls-below-1-2', container('e', (r) => (r.transport.minTls = v)))), [['azure-min-tls-below-1-2', 'medium']]));
  }
  test('passes at TLS1_2 and TLS1_3', () => {
    assert.deepEqual(run('azure-min-tls-below-1-2', container('e', (r) => (r.transport.minTls = 'TLS1_3'))), []);
  });
  test('unknown: not-verified', () => assertUnknown('azure-min-tls-below-1-2', (r) => (r.transport.minTls = null), 'minimum TLS version'));
});

describe('azure-network-open-to-all', () => {
  test('medium when reachable from every network, naming the settings', () => {
    const f = run('azure-network-open-to-all', container('e', (r) => Object.assign(r.azure!, { openToAllNetworks: true, publicNetworkAccess: 'Enabled', networkDefaultAction: 'Allow' })));
    assert.deepEqual(brief(f), [['azure-network-open-to-all', 'medium']]);
    assert.ok(f[0]!.detail.en.includes('publicNetworkAccess=Enabled, networkRuleSet.defaultAction=Allow'));
  });
  test('unknown: not-verified', () => assertUnknown('azure-network-open-to-all', (r) => (r.azure!.openToAllNetworks = null), 'network restrictions'));
});

describe('azure-cross-tenant-replication-allowed', () => {
  test('low when allowed', () => assert.deepEqual(brief(run('azure-cross-tenant-replication-allowed', container('e', (r) => (r.azure!.allowCrossTenantReplication = true)))), [['azure-cross-tenant-replication-allowed', 'low']]));
  test('unknown: not-verified', () => assertUnknown('azure-cross-tenant-replication-allowed', (r) => (r.azure!.allowCrossTenantReplication = null), 'cross-tenant replication'));
});

describe('azure-infrastructure-encryption-off', () => {
  test('info when off', () => assert.deepEqual(brief(run('azure-infrastructure-encryption-off', container('e', (r) => (r.azure!.infrastructureEncryption = false)))), [['azure-infrastructure-encryption-off', 'info']]));
  test('unknown: not-verified', () => assertUnknown('azure-infrastructure-encryption-off', (r) => (r.azure!.infrastructureEncryption = null), 'infrastructure encryption'));
});

describe('azure-blob-soft-delete-off', () => {
  test('medium when off', () => assert.deepEqual(brief(run('azure-blob-soft-delete-off', container('e', (r) => (r.softDelete = false)))), [['azure-blob-soft-delete-off', 'medium']]));
  test('unknown: not-verified', () => assertUnknown('azure-blob-soft-delete-off', (r) => (r.softDelete = null), 'blob soft delete'));
  test('not an S3 check: S3 soft delete is versioning (versioning-off)', () => {
    const aws = container('e', (r) => {
      r.provider = 'aws';
      r.softDelete = false;
    });
    assert.deepEqual(run('azure-blob-soft-delete-off', aws), []);
  });
});

describe('azure-container-soft-delete-off', () => {
  test('medium when off', () => assert.deepEqual(brief(run('azure-container-soft-delete-off', container('e', (r) => (r.azure!.containerSoftDelete = false)))), [['azure-container-soft-delete-off', 'medium']]));
  test('unknown: not-verified', () => assertUnknown('azure-container-soft-delete-off', (r) => (r.azure!.containerSoftDelete = null), 'container soft delete'));
});

describe('the provider-neutral checks on Azure containers', () => {
  test('HTTPS-only off, versioning off, logging off, Microsoft-managed keys: tls-not-enforced, versioning-off, access-logging-off, provider-managed-encryption', () => {
    const r = container('e', (r) => {
      r.transport.httpsOnly = false;
      r.versioning = false;
      r.logging = false;
      r.encryption = { atRest: 'provider-managed', key: 'Microsoft.Storage' };
    });
    assert.deepEqual(brief(runChecks([r])).sort(), [
      ['access-logging-off', 'medium'],
      ['provider-managed-encryption', 'low'],
      ['tls-not-enforced', 'medium'],
      ['versioning-off', 'medium'],
    ]);
    const tls = runChecks([r], { only: ['tls-not-enforced'] })[0];
    assert.ok(tls?.remediation.commands?.some((c) => c.includes('--https-only true')), 'the Azure remediation');
  });

  test('public read and list of a container are findings of that container', () => {
    const r = container('e', (r) => {
      r.exposure = { read: true, list: true, write: false, aclWrite: false, evidence: [{ capability: 'read', effect: 'grants', source: 'container-public-access', ref: 'publicAccess=container', message: 'x', messageJa: 'x' }] };
    });
    assert.deepEqual(brief(runChecks([r])).sort(), [['public-list', 'high'], ['public-read', 'critical']]);
  });
});

describe('account-level findings: once per storage account, on its first container', () => {
  const three = (edit: (r: Resource) => void): Resource[] =>
    ['a', 'b', 'c'].map((n, i) =>
      container(n, (r) => {
        edit(r);
        if (n === 'b') r.exposure = { read: true, list: false, write: false, aclWrite: false, evidence: [{ capability: 'read', effect: 'grants', source: 'container-public-access', ref: 'publicAccess=blob', message: 'x', messageJa: 'x' }] };
      }, ['a', 'b', 'c'], i === 0),
    );

  test('account settings raise one finding each, on the primary, naming every container; container findings stay on their container', () => {
    const fs = runChecks(three((r) => {
      r.guards.allowBlobPublicAccess = true;
      r.transport.minTls = 'TLS1_0';
      r.versioning = false;
      r.azure!.allowSharedKeyAccess = true;
    }));
    const where = (id: string): string => id.split('/containers/')[1] ?? id;
    assert.deepEqual(fs.map((f) => `${f.checkId}@${where(f.resourceId)}`).sort(), [
      'azure-blob-public-access-allowed@a',
      'azure-min-tls-below-1-2@a',
      'azure-shared-key-access-allowed@a',
      'public-read@b',
      'versioning-off@a',
    ]);
    const tls = fs.find((f) => f.checkId === 'azure-min-tls-below-1-2');
    assert.ok(tls?.detail.en.endsWith('(This is a setting of account "kumohr" and applies to all its 3 resources: kumohr/a, kumohr/b, kumohr/c. It is reported once per account, on its first resource.)'), tls?.detail.en);
    assert.ok(tls?.detail.ja.includes('アカウント「kumohr」の設定'));
    assert.ok(tls?.evidence.some((e) => e.source === 'account-scope' && e.ref === 'kumohr'));
  });

  test('unknown account settings: one not-verified, on the primary; a container\'s own unknown verdict on that container', () => {
    const fs = runChecks(three((r) => {
      r.versioning = null;
      if (r.name === 'kumohr/c') r.exposure = { read: null, list: null, write: false, aclWrite: false, evidence: [] };
    }));
    assert.deepEqual(fs.map((f) => `${f.checkId}:${f.severity}@${f.resourceId.split('/containers/')[1]}`).sort(), ['not-verified:high@c', 'not-verified:medium@a', 'public-read:critical@b']);
    const c = fs.find((f) => f.resourceId.endsWith('/c'));
    assert.ok(!c?.detail.en.includes('versioning'), 'the account setting is reported on the primary only');
  });

  test('resources without an account scope (S3 buckets) are untouched', () => {
    const r = container('e', (r) => {
      r.provider = 'aws';
      delete r.accountScope;
      delete r.azure;
      r.versioning = false;
    });
    assert.deepEqual(brief(runChecks([r])), [['versioning-off', 'medium']]);
    assert.ok(!runChecks([r])[0]!.detail.en.includes('applies to all'));
  });
});
