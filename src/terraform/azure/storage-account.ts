// azurerm_storage_account: anonymous blob access (allow_nested_items_to_be_public), Shared Key, TLS, HTTPS only,
// network rules, static website, blob properties (versioning, soft delete), encryption options. An argument the
// configuration sets from something known only after apply makes the account's settings unknown.
import { knownString, unknownConfigured, planValue } from '../plan-index.js';
import type { ResourceTranslator } from '../translator.js';
import { block, str } from '../aws/convert.js';
import { knownAfterApply } from '../notes.js';
import type { Json } from '../plan-types.js';

const DECIDING = ['allow_nested_items_to_be_public', 'shared_access_key_enabled', 'min_tls_version', 'https_traffic_only_enabled', 'enable_https_traffic_only', 'public_network_access_enabled', 'network_rules', 'static_website', 'blob_properties'];

const bool = (v: Json | undefined): boolean | null => (typeof v === 'boolean' ? v : null);

/** A network_rules block (also azurerm_storage_account_network_rules) -> networkRuleSet. */
export function networkRuleSet(rules: Record<string, Json>): Record<string, unknown> {
  return {
    defaultAction: str(rules.default_action) ?? 'Allow',
    bypass: (Array.isArray(rules.bypass) ? rules.bypass : []).join(', '),
    ipRules: (Array.isArray(rules.ip_rules) ? rules.ip_rules : []).map((v) => ({ value: String(v), action: 'Allow' })),
    virtualNetworkRules: (Array.isArray(rules.virtual_network_subnet_ids) ? rules.virtual_network_subnet_ids : []).map((id) => ({ id: String(id), action: 'Allow' })),
  };
}

export const azurermStorageAccount: ResourceTranslator = {
  type: 'azurerm_storage_account',
  order: 0,
  translate(r, ctx) {
    const d = ctx.azure.accountOf(r, knownString(r, ['name']));
    const unknown = DECIDING.find((a) => unknownConfigured(r, a));
    if (unknown !== undefined) {
      d.errors.push(knownAfterApply('StorageAccounts.list', r.address, unknown));
      return;
    }
    const a = r.after;
    const https = planValue(r, ['https_traffic_only_enabled']).kind === 'known' ? a.https_traffic_only_enabled : a.enable_https_traffic_only;
    const rules = block(a.network_rules);
    const website = block(a.static_website);
    const blob = block(a.blob_properties);
    const deletion = block(blob?.delete_retention_policy);
    const containerDeletion = block(blob?.container_delete_retention_policy);
    d.snapshot.properties = {
      ...d.snapshot.properties,
      ...(str(a.resource_group_name) ? { resourceGroup: str(a.resource_group_name) } : {}),
      ...(str(a.location) ? { location: str(a.location) } : {}),
      kind: str(a.account_kind) ?? 'StorageV2',
      sku: { name: `${str(a.account_tier) ?? 'Standard'}_${str(a.account_replication_type) ?? 'LRS'}` },
      ...(a.tags && typeof a.tags === 'object' && !Array.isArray(a.tags) ? { tags: a.tags as Record<string, string> } : {}),
      allowBlobPublicAccess: bool(a.allow_nested_items_to_be_public),
      allowSharedKeyAccess: bool(a.shared_access_key_enabled),
      enableHttpsTrafficOnly: bool(https),
      minimumTlsVersion: str(a.min_tls_version) ?? null,
      publicNetworkAccess: a.public_network_access_enabled === false ? 'Disabled' : 'Enabled',
      networkRuleSet: rules ? networkRuleSet(rules) : { defaultAction: 'Allow' },
      allowCrossTenantReplication: bool(a.cross_tenant_replication_enabled) ?? false,
      encryption: { keySource: block(a.customer_managed_key) ? 'Microsoft.Keyvault' : 'Microsoft.Storage', requireInfrastructureEncryption: a.infrastructure_encryption_enabled === true },
    };
    d.snapshot.blobService = {
      isVersioningEnabled: blob?.versioning_enabled === true,
      deleteRetentionPolicy: deletion ? { enabled: true, days: typeof deletion.days === 'number' ? deletion.days : 7 } : { enabled: false },
      containerDeleteRetentionPolicy: containerDeletion ? { enabled: true, days: typeof containerDeletion.days === 'number' ? containerDeletion.days : 7 } : { enabled: false },
      staticWebsite: website ? { enabled: true, ...(str(website.index_document) ? { indexDocument: str(website.index_document) } : {}) } : { enabled: false },
    };
  },
};
