// Azure normalize (ARM and data-plane snapshots -> one Resource per container), the adapter's scope, filter,
// snapshot validation and connection flags, the probe URLs, and the redaction of secrets in recorded errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redact, toCollectError } from '../../providers/azure/errors.js';
import { azureAdapter, azureConnection } from '../../providers/azure/index.js';
import { normalizeAzure } from '../../providers/azure/normalize.js';
import { azureProbeTargets } from '../../providers/azure/probe.js';
import type { AzureAccountSnapshot, AzureSnapshot } from '../../providers/azure/snapshot-types.js';
import { validateAzureSnapshot } from '../../providers/azure/snapshot-validate.js';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { UsageError } from '../../src/errors.js';
import type { Resource } from '../../src/model.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-hr/providers/Microsoft.Storage/storageAccounts/kumohr`;

function account(edit?: (a: AzureAccountSnapshot) => void): AzureAccountSnapshot {
  const a: AzureAccountSnapshot = {
    properties: {
      id: ACCOUNT_ID,
      name: 'kumohr',
      location: 'japaneast',
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS' },
      tags: { owner: 'hr' },
      primaryEndpoints: { blob: 'https://kumohr.blob.core.windows.net/', web: 'https://kumohr.z11.web.core.windows.net/' },
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      enableHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      publicNetworkAccess: 'Disabled',
      networkRuleSet: { defaultAction: 'Deny' },
      allowCrossTenantReplication: false,
      encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: true, keyVaultProperties: { keyVaultUri: 'https://kv-hr.vault.azure.net/', keyName: 'storage' } },
    },
    blobService: {
      isVersioningEnabled: true,
      deleteRetentionPolicy: { enabled: true, days: 14 },
      containerDeleteRetentionPolicy: { enabled: true, days: 7 },
      staticWebsite: { enabled: false },
      logging: { version: '1.0', read: true, write: true, deleteProperty: true },
      diagnosticSettings: [],
    },
    containers: [
      { name: 'payroll', publicAccess: null, hasImmutabilityPolicy: true },
      { name: 'employees', publicAccess: 'container' },
    ],
  };
  edit?.(a);
  return a;
}

function snapshot(...accounts: AzureAccountSnapshot[]): AzureSnapshot {
  return { provider: 'azure', mode: 'arm', subscriptionId: SUB, subscriptions: [{ subscriptionId: SUB }], accounts };
}

function byName(resources: Resource[], name: string): Resource {
  const r = resources.find((x) => x.name === name);
  assert.ok(r, name);
  return r;
}

describe('normalizeAzure: ARM snapshots', () => {
  test('one resource per container, named account/container, with ARM ids, linked to the account, sorted by name', () => {
    const rs = normalizeAzure(snapshot(account()));
    assert.deepEqual(rs.map((r) => r.name), ['kumohr/employees', 'kumohr/payroll']);
    const e = byName(rs, 'kumohr/employees');
    assert.equal(e.provider, 'azure');
    assert.equal(e.id, `${ACCOUNT_ID}/blobServices/default/containers/employees`);
    assert.equal(e.account, ACCOUNT_ID);
    assert.equal(e.region, 'japaneast');
    assert.deepEqual(e.tags, { owner: 'hr' });
    assert.deepEqual(e.accountScope, { name: 'kumohr', primary: true, members: ['kumohr/employees', 'kumohr/payroll'], shared: ['guards.allowBlobPublicAccess', 'encryption', 'transport', 'versioning', 'logging', 'softDelete', 'tags', 'azure'] });
    assert.equal(byName(rs, 'kumohr/payroll').accountScope?.primary, false);
    // The listing's own id wins when it has one.
    const listed = normalizeAzure(snapshot(account((a) => (a.containers = [{ name: 'x', id: '/custom/id/x' }]))));
    assert.equal(listed[0]?.id, '/custom/id/x');
  });

  test('a well-configured account: everything known, nothing public', () => {
    const e = byName(normalizeAzure(snapshot(account())), 'kumohr/employees');
    assert.deepEqual([e.exposure.read, e.exposure.list, e.exposure.write, e.exposure.aclWrite], [false, false, false, false]);
    assert.deepEqual(e.encryption, { atRest: 'customer-managed', key: 'https://kv-hr.vault.azure.net/keys/storage' });
    assert.deepEqual(e.transport, { httpsOnly: true, minTls: 'TLS1_2' });
    assert.deepEqual([e.versioning, e.softDelete, e.logging, e.website, e.retentionLock], [true, true, true, false, false]);
    assert.equal(byName(normalizeAzure(snapshot(account())), 'kumohr/payroll').retentionLock, true);
    assert.deepEqual(
      { ...e.azure },
      {
        source: 'arm',
        storageAccount: 'kumohr',
        storageAccountId: ACCOUNT_ID,
        subscriptionId: SUB,
        resourceGroup: 'rg-hr',
        kind: 'StorageV2',
        sku: 'Standard_ZRS',
        blobEndpoint: 'https://kumohr.blob.core.windows.net',
        webEndpoint: 'https://kumohr.z11.web.core.windows.net',
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
      },
    );
    assert.ok(!e.exposure.evidence.some((x) => x.effect === 'unknown'));
  });

  test('ARM defaults: absent allowSharedKeyAccess is true, absent minimumTlsVersion is TLS1_0, no encryption block is Microsoft-managed', () => {
    const rs = normalizeAzure(
      snapshot(
        account((a) => {
          delete a.properties.allowSharedKeyAccess;
          delete a.properties.minimumTlsVersion;
          delete a.properties.encryption;
          delete a.properties.publicNetworkAccess;
          delete a.properties.networkRuleSet;
        }),
      ),
    );
    const e = byName(rs, 'kumohr/employees');
    assert.equal(e.azure?.allowSharedKeyAccess, true);
    assert.equal(e.transport.minTls, 'TLS1_0');
    assert.deepEqual(e.encryption, { atRest: 'provider-managed', key: 'Microsoft.Storage' });
    assert.equal(e.azure?.infrastructureEncryption, false);
    assert.equal(e.azure?.openToAllNetworks, true);
  });

  test('REST API names in a hand-written snapshot: supportsHttpsTrafficOnly, networkAcls, keyvaultproperties', () => {
    const e = byName(
      normalizeAzure(
        snapshot(
          account((a) => {
            delete a.properties.enableHttpsTrafficOnly;
            delete a.properties.networkRuleSet;
            a.properties.supportsHttpsTrafficOnly = false;
            a.properties.publicNetworkAccess = 'Enabled';
            a.properties.networkAcls = { defaultAction: 'Allow' };
            a.properties.encryption = { keySource: 'Microsoft.Keyvault', keyvaultproperties: { keyvaulturi: 'https://kv.vault.azure.net', keyname: 'k1' } };
          }),
        ),
      ),
      'kumohr/employees',
    );
    assert.equal(e.transport.httpsOnly, false);
    assert.equal(e.azure?.networkDefaultAction, 'Allow');
    assert.equal(e.azure?.openToAllNetworks, true);
    assert.deepEqual(e.encryption, { atRest: 'customer-managed', key: 'https://kv.vault.azure.net/keys/k1' });
  });

  test('allowBlobPublicAccess absent: public levels unknown with the reason (on the primary), private containers still private', () => {
    const rs = normalizeAzure(snapshot(account((a) => delete a.properties.allowBlobPublicAccess)));
    const e = byName(rs, 'kumohr/employees');
    assert.deepEqual([e.exposure.read, e.exposure.list], [null, null]);
    assert.equal(e.guards.allowBlobPublicAccess, null);
    assert.ok(e.exposure.evidence.some((x) => x.effect === 'unknown' && x.message.includes('sources disagree')));
    const p = byName(rs, 'kumohr/payroll');
    assert.deepEqual([p.exposure.read, p.exposure.list], [false, false]);
  });

  test('network rules: public network access disabled or default action Deny is not open to all networks', () => {
    const open = (pna: string | undefined, action: string | undefined): boolean | null | undefined =>
      byName(
        normalizeAzure(
          snapshot(
            account((a) => {
              if (pna === undefined) delete a.properties.publicNetworkAccess;
              else a.properties.publicNetworkAccess = pna;
              a.properties.networkRuleSet = action === undefined ? undefined : { defaultAction: action };
            }),
          ),
        ),
        'kumohr/employees',
      ).azure?.openToAllNetworks;
    assert.equal(open('Enabled', 'Allow'), true);
    assert.equal(open(undefined, 'Allow'), true);
    assert.equal(open(undefined, undefined), true);
    assert.equal(open('Enabled', 'Deny'), false);
    assert.equal(open('Disabled', 'Allow'), false);
    assert.equal(open('SecuredByPerimeter', 'Allow'), false);
  });

  test('logging: classic logging of reads, writes and deletes, or a diagnostic setting that sends them somewhere', () => {
    const logging = (edit: (a: AzureAccountSnapshot) => void): boolean | null => byName(normalizeAzure(snapshot(account(edit))), 'kumohr/employees').logging;
    assert.equal(logging(() => {}), true);
    const off = { version: '1.0', read: false, write: false, deleteProperty: false };
    assert.equal(logging((a) => (a.blobService!.logging = off)), false);
    assert.equal(logging((a) => (a.blobService!.logging = { ...off, read: true, write: true })), false, 'deletes not logged');
    assert.equal(
      logging((a) => {
        a.blobService!.logging = off;
        a.blobService!.diagnosticSettings = [{ name: 'to-law', properties: { workspaceId: '/subscriptions/x/law', logs: [{ categoryGroup: 'audit', enabled: true }] } }];
      }),
      true,
    );
    assert.equal(
      logging((a) => {
        a.blobService!.logging = off;
        a.blobService!.diagnosticSettings = [{ name: 'no-destination', properties: { logs: [{ categoryGroup: 'allLogs', enabled: true }] } }];
      }),
      false,
    );
    assert.equal(
      logging((a) => {
        a.blobService!.logging = off;
        a.blobService!.diagnosticSettings = [{ name: 'three', properties: { storageAccountId: '/x', logs: ['StorageRead', 'StorageWrite', 'StorageDelete'].map((category) => ({ category, enabled: true })) } }];
      }),
      true,
    );
    assert.equal(
      logging((a) => {
        a.blobService!.logging = off;
        delete a.blobService!.diagnosticSettings;
        a.errors = [{ call: 'DiagnosticSettings.list', code: 'AuthorizationFailed', message: 'denied' }];
      }),
      null,
    );
  });

  test('failed calls: settings unknown, errors listed once on the primary container', () => {
    const rs = normalizeAzure(
      snapshot(
        account((a) => {
          delete a.blobService;
          a.errors = [
            { call: 'BlobServices.getServiceProperties', code: 'AuthorizationFailed', message: 'denied' },
            { call: 'GetBlobServiceProperties', code: 'AuthorizationPermissionMismatch', message: 'denied' },
          ];
        }),
      ),
    );
    const e = byName(rs, 'kumohr/employees');
    assert.deepEqual([e.versioning, e.softDelete, e.logging, e.azure?.containerSoftDelete, e.azure?.staticWebsite], [null, null, null, null, null]);
    assert.equal(e.errors.length, 2);
    assert.deepEqual(byName(rs, 'kumohr/payroll').errors, []);
  });

  test('$web: read by anyone through the website endpoint when static website hosting is on', () => {
    const rs = normalizeAzure(
      snapshot(
        account((a) => {
          a.blobService!.staticWebsite = { enabled: true, indexDocument: 'index.html' };
          a.containers.push({ name: '$web', publicAccess: null });
        }),
      ),
    );
    const web = byName(rs, 'kumohr/$web');
    assert.deepEqual([web.exposure.read, web.exposure.list, web.website], [true, false, true]);
    assert.equal(byName(rs, 'kumohr/employees').website, false);
    assert.equal(web.accountScope?.primary, true, '$web sorts first');
  });
});

describe('normalizeAzure: data-plane snapshots', () => {
  const dp = (auth: AzureSnapshot['dataPlaneAuth'] = 'shared-key'): AzureSnapshot => ({
    provider: 'azure',
    mode: 'data-plane',
    accountUrl: 'https://kumohr.blob.core.windows.net',
    dataPlaneAuth: auth,
    accounts: [
      {
        properties: { name: 'kumohr', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, primaryEndpoints: { blob: 'https://kumohr.blob.core.windows.net/' } },
        blobService: { deleteRetentionPolicy: { enabled: true, days: 7 }, staticWebsite: { enabled: false }, logging: { read: false, write: false, deleteProperty: false } },
        containers: [
          { name: 'a-private', publicAccess: null },
          { name: 'b-blob', publicAccess: 'blob' },
          { name: 'c-container', publicAccess: 'container' },
        ],
      },
    ],
  });

  test('ids from the account URL; ARM-only settings null, with the reason on the first container', () => {
    const rs = normalizeAzure(dp());
    const a = byName(rs, 'kumohr/a-private');
    assert.equal(a.id, 'https://kumohr.blob.core.windows.net/a-private');
    assert.equal(a.account, 'https://kumohr.blob.core.windows.net');
    assert.equal(a.region, null);
    assert.equal(a.guards.allowBlobPublicAccess, null);
    assert.deepEqual(a.transport, { httpsOnly: null, minTls: null });
    assert.deepEqual([a.encryption.atRest, a.versioning, a.softDelete, a.logging], [null, null, true, null]);
    const az = a.azure;
    assert.ok(az);
    assert.equal(az.source, 'data-plane');
    assert.deepEqual(
      [az.storageAccountId, az.openToAllNetworks, az.allowCrossTenantReplication, az.infrastructureEncryption, az.containerSoftDelete, az.diagnosticLogging, az.classicLogging, az.blobSoftDeleteDays, az.staticWebsite],
      [null, null, null, null, null, null, false, 7, false],
    );
    assert.ok(a.exposure.evidence.some((e) => e.effect === 'unknown' && e.message.includes('only ARM')));
    assert.ok(!byName(rs, 'kumohr/b-blob').exposure.evidence.some((e) => e.effect === 'unknown' && e.source === 'account-setting' && !e.capability), 'stated once');
  });

  test('verdicts: private containers are private; public levels unknown without ARM', () => {
    const rs = normalizeAzure(dp());
    const v = (n: string): unknown[] => {
      const e = byName(rs, n).exposure;
      return [e.read, e.list, e.write, e.aclWrite];
    };
    assert.deepEqual(v('kumohr/a-private'), [false, false, false, false]);
    assert.deepEqual(v('kumohr/b-blob'), [null, false, false, false]);
    assert.deepEqual(v('kumohr/c-container'), [null, null, false, false]);
  });

  test('Shared Key allowed is known only when an account key was used and worked', () => {
    assert.equal(normalizeAzure(dp('shared-key'))[0]?.azure?.allowSharedKeyAccess, true);
    assert.equal(normalizeAzure(dp('entra-id'))[0]?.azure?.allowSharedKeyAccess, null);
    assert.equal(normalizeAzure(dp('sas'))[0]?.azure?.allowSharedKeyAccess, null);
  });
});

describe('the Azure adapter', () => {
  test('scope: subscriptions in ARM mode, the account URL in data-plane mode; account errors without containers are the scan\'s', () => {
    const snap = snapshot(account(), {
      properties: { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/empty`, name: 'empty' },
      containers: [],
      errors: [{ call: 'BlobContainers.list', code: 'AuthorizationFailed', message: 'denied' }],
    });
    snap.errors = [{ call: 'StorageAccounts.list', code: 'AuthorizationFailed', message: `subscription other: denied` }];
    const scope = azureAdapter.scope(snap);
    assert.deepEqual(scope.accounts, [SUB]);
    assert.deepEqual(scope.errors.map((e) => `${e.scope} ${e.call}`), [`azure:${SUB} StorageAccounts.list`, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/empty BlobContainers.list`]);
    assert.deepEqual(azureAdapter.scope({ provider: 'azure', mode: 'data-plane', accountUrl: 'https://a.blob.core.windows.net', accounts: [] }).accounts, ['https://a.blob.core.windows.net']);
  });

  test('filterSnapshot: by container name or account/container; accounts left without containers go', () => {
    const snap = snapshot(account(), account((a) => (a.properties.name = 'other')));
    const f1 = azureAdapter.filterSnapshot(snap, compileBucketFilter(['employees']));
    assert.deepEqual(f1.accounts.map((a) => [a.properties.name, a.containers.map((c) => c.name)]), [['kumohr', ['employees']], ['other', ['employees']]]);
    const f2 = azureAdapter.filterSnapshot(snap, compileBucketFilter(['other/*']));
    assert.deepEqual(f2.accounts.map((a) => [a.properties.name, a.containers.map((c) => c.name)]), [['other', ['payroll', 'employees']]]);
  });

  test('validateSnapshot names the wrong path', () => {
    const bad = (doc: Record<string, unknown>, re: RegExp): void => assert.throws(() => validateAzureSnapshot(doc), (e: unknown) => e instanceof UsageError && re.test(e.message));
    bad({ provider: 'azure' }, /accounts must be an array/);
    bad({ provider: 'azure', accounts: [{ containers: [] }] }, /accounts\[0\]\.properties must be an object/);
    bad({ provider: 'azure', accounts: [{ properties: { name: '' }, containers: [] }] }, /accounts\[0\]\.properties\.name must be a non-empty string/);
    bad({ provider: 'azure', accounts: [{ properties: { name: 'a', allowBlobPublicAccess: 'yes' }, containers: [] }] }, /accounts\[0\]\.properties\.allowBlobPublicAccess must be true, false or null/);
    bad({ provider: 'azure', accounts: [{ properties: { name: 'a' }, containers: [{ name: 'c', publicAccess: 'public' }] }] }, /accounts\[0\]\.containers\[0\]\.publicAccess must be "container", "blob" or null/);
    bad({ provider: 'azure', mode: 'data-plane', accounts: [] }, /accountUrl must be the blob endpoint URL/);
    bad({ provider: 'azure', accounts: [{ properties: { name: 'a' }, blobService: { isVersioningEnabled: 'on' }, containers: [] }] }, /blobService\.isVersioningEnabled must be true or false/);
    assert.equal(validateAzureSnapshot({ provider: 'azure', accounts: [{ properties: { name: 'a' }, containers: [{ name: 'c', publicAccess: 'Blob' }] }] }).accounts.length, 1);
  });

  test('connection flags: data-plane mode from --account-url, --connection-string or AZURE_STORAGE_CONNECTION_STRING', () => {
    const cs = 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net';
    assert.deepEqual(azureConnection({}, {}), {});
    assert.deepEqual(azureConnection({ subscription: ['s1', 's2'], armEndpoint: 'https://management.chinacloudapi.cn' }, {}), { subscriptions: ['s1', 's2'], armEndpoint: 'https://management.chinacloudapi.cn' });
    assert.deepEqual(azureConnection({}, { AZURE_STORAGE_CONNECTION_STRING: cs }), { connectionString: cs });
    // --subscription means ARM: the environment's connection string is not used then.
    assert.deepEqual(azureConnection({ subscription: ['s1'] }, { AZURE_STORAGE_CONNECTION_STRING: cs }), { subscriptions: ['s1'] });
    assert.deepEqual(azureConnection({ accountUrl: 'https://a.blob.core.windows.net' }, { AZURE_STORAGE_CONNECTION_STRING: cs }), { accountUrl: 'https://a.blob.core.windows.net' });
    assert.throws(() => azureConnection({ accountUrl: 'https://a', connectionString: cs }, {}), /not both/);
    assert.throws(() => azureConnection({ subscription: ['s1'], connectionString: cs }, {}), /one or the other/);
  });

  test('options: --subscription is repeatable, all four in the Azure help group', () => {
    const opts = azureAdapter.options();
    assert.deepEqual(opts.map((o) => o.long), ['--subscription', '--account-url', '--connection-string', '--arm-endpoint']);
    assert.ok(opts.every((o) => o.helpGroupHeading === 'Azure options:'));
    const sub = opts[0];
    assert.deepEqual(sub?.parseArg?.('b', ['a']), ['a', 'b']);
  });
});

describe('probe targets', () => {
  const resource = (container: string, website: boolean | null): Resource => {
    const r = normalizeAzure(snapshot(account((a) => {
      a.blobService!.staticWebsite = website === null ? undefined : { enabled: website };
      a.containers = [{ name: container, publicAccess: 'container' }];
    })))[0];
    assert.ok(r);
    return r;
  };

  test('List Blobs URL and the blob URL on the blob endpoint, names encoded but slashes kept', () => {
    const t = azureProbeTargets(resource('employees', false), undefined);
    assert.equal(t?.list, 'https://kumohr.blob.core.windows.net/employees?restype=container&comp=list&maxresults=1');
    assert.equal(t?.object?.('exports/社員 一覧.csv'), 'https://kumohr.blob.core.windows.net/employees/exports/%E7%A4%BE%E5%93%A1%20%E4%B8%80%E8%A6%A7.csv');
  });

  test('$web with static website hosting on: the blob through the web endpoint', () => {
    const t = azureProbeTargets(resource('$web', true), undefined);
    assert.equal(t?.list, 'https://kumohr.blob.core.windows.net/%24web?restype=container&comp=list&maxresults=1');
    assert.equal(t?.object?.('index.html'), 'https://kumohr.z11.web.core.windows.net/index.html');
    assert.equal(azureProbeTargets(resource('$web', false), undefined)?.object?.('index.html'), 'https://kumohr.blob.core.windows.net/%24web/index.html');
  });

  test('--probe-endpoint replaces the blob endpoint', () => {
    const t = azureProbeTargets(resource('employees', false), 'http://127.0.0.1:10000/devstoreaccount1/');
    assert.equal(t?.list, 'http://127.0.0.1:10000/devstoreaccount1/employees?restype=container&comp=list&maxresults=1');
    assert.equal(t?.object?.('a.csv'), 'http://127.0.0.1:10000/devstoreaccount1/employees/a.csv');
  });
});

describe('recorded errors never hold a secret', () => {
  test('SAS signatures, account keys and bearer tokens are masked', () => {
    assert.equal(redact('GET https://a.blob.core.windows.net/c?sv=2024&sig=abc%2Bdef&se=1 failed'), 'GET https://a.blob.core.windows.net/c?sv=2024&sig=REDACTED&se=1 failed');
    assert.equal(redact('AccountName=a;AccountKey=c2VjcmV0;EndpointSuffix=x'), 'AccountName=a;AccountKey=REDACTED;EndpointSuffix=x');
    assert.equal(redact('Authorization: Bearer eyJ0eXAi.eyJhdWQi.sig'), 'Authorization: Bearer REDACTED');
    const e = toCollectError('ListContainers', Object.assign(new Error('This request is not authorized.\nRequestId:1'), { statusCode: 403, code: 'AuthorizationPermissionMismatch' }));
    assert.deepEqual(e, { call: 'ListContainers', code: 'AuthorizationPermissionMismatch', message: 'This request is not authorized.' });
    assert.equal(toCollectError('X', { statusCode: 403 }).code, 'AuthorizationFailed');
  });
});
