// azurerm_storage_account_network_rules: the network rules of an account, as their own resource.
import { unknownConfigured } from '../plan-index.js';
import type { ResourceTranslator } from '../translator.js';
import { knownAfterApply } from '../notes.js';
import { networkRuleSet } from './storage-account.js';
import { accountTarget } from './storage-container.js';

export const azurermStorageAccountNetworkRules: ResourceTranslator = {
  type: 'azurerm_storage_account_network_rules',
  order: 1,
  translate(r, ctx) {
    const d = accountTarget(r, ctx);
    if (!d) return;
    const unknown = ['default_action', 'ip_rules', 'virtual_network_subnet_ids'].find((a) => unknownConfigured(r, a));
    if (unknown !== undefined) d.errors.push(knownAfterApply('StorageAccounts.list', r.address, unknown));
    else d.snapshot.properties = { ...d.snapshot.properties, networkRuleSet: networkRuleSet(r.after) };
    d.addresses.push(r.address);
  },
};
