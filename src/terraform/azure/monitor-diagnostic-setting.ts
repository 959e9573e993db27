// azurerm_monitor_diagnostic_setting on a storage account's blob service (target_resource_id =
// "${azurerm_storage_account.x.id}/blobServices/default"): the StorageRead/Write/Delete logs and where they go.
import { unknownConfigured, referencesOf } from '../plan-index.js';
import type { ResourceTranslator } from '../translator.js';
import { blocks, str } from '../aws/convert.js';
import { knownAfterApply } from '../notes.js';

export const azurermMonitorDiagnosticSetting: ResourceTranslator = {
  type: 'azurerm_monitor_diagnostic_setting',
  order: 1,
  translate(r, ctx) {
    const target = str(r.after.target_resource_id);
    // Only settings of a blob service; a reference is followed while the account's id is unknown.
    const refersToAccount = referencesOf(r, 'target_resource_id').some((x) => x.startsWith('azurerm_storage_account.'));
    if (target !== undefined ? !/\/blobServices\/default$/i.test(target) : !refersToAccount) return;
    const account = ctx.index.referenced(r, 'target_resource_id', ['azurerm_storage_account']);
    const name = target?.split('/blobServices/')[0]?.split('/').at(-1);
    const d = ctx.azure.accountFor(r, account, account ? undefined : name);
    if (!d) return;
    d.addresses.push(r.address);
    const unknown = ['enabled_log', 'log_analytics_workspace_id', 'storage_account_id', 'eventhub_authorization_rule_id'].find((a) => unknownConfigured(r, a));
    const logs = blocks(r.after.enabled_log).map((l) => ({ ...(str(l.category) ? { category: str(l.category) } : {}), ...(str(l.category_group) ? { categoryGroup: str(l.category_group) } : {}), enabled: true }));
    // A destination known only after apply (a workspace created in the same plan) still is a destination.
    const destination = (a: string): string | undefined => str(r.after[a]) ?? (unknownConfigured(r, a) ? `(${r.address}.${a})` : undefined);
    if (unknown === 'enabled_log') {
      d.errors.push(knownAfterApply('DiagnosticSettings.list', r.address, unknown));
      return;
    }
    const setting = {
      name: str(r.after.name) ?? r.address,
      properties: {
        logs,
        ...(destination('log_analytics_workspace_id') ? { workspaceId: destination('log_analytics_workspace_id') } : {}),
        ...(destination('storage_account_id') ? { storageAccountId: destination('storage_account_id') } : {}),
        ...(destination('eventhub_authorization_rule_id') ? { eventHubAuthorizationRuleId: destination('eventhub_authorization_rule_id') } : {}),
      },
    };
    d.diagnostics.push(setting);
  },
};
