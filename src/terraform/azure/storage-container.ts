// azurerm_storage_container: container_access_type (private, blob, container) of a container of an account, found by
// storage_account_id (azurerm 4) or storage_account_name (azurerm 3), following the reference while it is unknown.
import { knownString, unknownConfigured, type PlanResource } from '../plan-index.js';
import type { ResourceTranslator, TranslateContext } from '../translator.js';
import { knownAfterApply } from '../notes.js';
import type { AzureAccountDraft } from './draft.js';

export function accountTarget(r: PlanResource, ctx: TranslateContext): AzureAccountDraft | undefined {
  const account = ctx.index.referenced(r, 'storage_account_id', ['azurerm_storage_account']) ?? ctx.index.referenced(r, 'storage_account_name', ['azurerm_storage_account']);
  const name = knownString(r, ['storage_account_name']) ?? knownString(r, ['storage_account_id'])?.split('/').at(-1);
  return ctx.azure.accountFor(r, account, account ? undefined : name);
}

const ACCESS: Readonly<Record<string, 'None' | 'Blob' | 'Container'>> = { private: 'None', blob: 'Blob', container: 'Container' };

export const azurermStorageContainer: ResourceTranslator = {
  type: 'azurerm_storage_container',
  order: 1,
  translate(r, ctx) {
    const d = accountTarget(r, ctx);
    const name = knownString(r, ['name']);
    if (!d) return;
    if (name === undefined) {
      d.errors.push(knownAfterApply('BlobContainers.list', r.address, 'name'));
      return;
    }
    if (unknownConfigured(r, 'container_access_type')) {
      d.errors.push(knownAfterApply('BlobContainers.list', r.address, 'container_access_type'));
      d.containers.push({ container: { name, publicAccess: null }, address: r.address });
      return;
    }
    d.containers.push({ container: { name, publicAccess: ACCESS[knownString(r, ['container_access_type']) ?? 'private'] ?? 'None' }, address: r.address });
  },
};
