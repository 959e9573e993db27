// The Azure Blob Storage snapshot being built from a plan: one draft per azurerm_storage_account (or per account
// name a container names), with its blob service settings and containers, in the ARM shapes a live scan reads.
import type { CollectError, ResourceSource } from '../../model.js';
import type { AzureAccountSnapshot, AzureContainerSnapshot, AzureDiagnosticSetting, AzureSnapshot } from '../../../providers/azure/snapshot-types.js';
import type { PlanResource } from '../plan-index.js';
import { knownAfterApply, notInPlan } from '../notes.js';
import type { Assumptions } from '../assumptions.js';

export interface AzureAccountDraft {
  name?: string;
  account?: PlanResource;
  snapshot: Omit<AzureAccountSnapshot, 'containers' | 'errors'>;
  containers: { container: AzureContainerSnapshot; address: string }[];
  /** Diagnostic settings of the blob service in the plan (azurerm_monitor_diagnostic_setting). */
  diagnostics: AzureDiagnosticSetting[];
  errors: CollectError[];
  addresses: string[];
}

/** The ARM id the normalizer builds resource ids from. */
export function accountArmId(subscription: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${name}`;
}

export class AzurePlanDraft {
  private readonly byKey = new Map<string, AzureAccountDraft>();
  readonly scopeErrors: CollectError[] = [];

  accountOf(r: PlanResource, name: string | undefined): AzureAccountDraft {
    const d = this.draft(`address:${r.address}`, name);
    d.account = r;
    d.addresses.unshift(r.address);
    return d;
  }

  accountFor(by: PlanResource, account: PlanResource | undefined, name: string | undefined): AzureAccountDraft | undefined {
    const d = account ? this.draft(`address:${account.address}`) : name !== undefined ? ([...this.byKey.values()].find((x) => x.name === name) ?? this.draft(`name:${name}`, name)) : undefined;
    if (!d) this.scopeErrors.push(knownAfterApply('ResolveStorageAccount', by.address, 'storage_account_id'));
    return d;
  }

  private draft(key: string, name?: string): AzureAccountDraft {
    let d = this.byKey.get(key);
    if (!d) {
      d = { snapshot: { properties: { name: name ?? key } }, containers: [], diagnostics: [], errors: [], addresses: [] };
      this.byKey.set(key, d);
    }
    if (name !== undefined) d.name = name;
    return d;
  }

  get empty(): boolean {
    return this.byKey.size === 0 && this.scopeErrors.length === 0;
  }

  toSnapshot(assume: Assumptions): { snapshot: AzureSnapshot; sources: Map<string, ResourceSource> } {
    const subscription = assume.azureSubscription ?? '00000000-0000-0000-0000-000000000000';
    const sources = new Map<string, ResourceSource>();
    const accounts = [...this.byKey.values()].map((d): AzureAccountSnapshot => {
      const name = d.name ?? d.addresses[0] ?? 'unknown';
      const errors = [...d.errors];
      if (d.name === undefined && d.account) errors.push(knownAfterApply('StorageAccounts.list', d.account.address, 'name'));
      if (!d.account) errors.push(notInPlan('StorageAccounts.list', { en: `The settings of the existing storage account ${name}`, ja: `既存ストレージアカウント ${name} の設定` }));
      // A new account has only the diagnostic settings the plan creates; an existing one may have others.
      if (d.account && !d.account.creating && d.diagnostics.length === 0) errors.push(notInPlan('DiagnosticSettings.list', { en: `The diagnostic settings of the existing storage account ${name}`, ja: `既存ストレージアカウント ${name} の診断設定` }));
      const blobService = d.snapshot.blobService ? { ...d.snapshot.blobService, ...(d.account?.creating || d.diagnostics.length > 0 ? { diagnosticSettings: d.diagnostics } : {}) } : undefined;
      const rg = typeof d.snapshot.properties.resourceGroup === 'string' ? d.snapshot.properties.resourceGroup : 'terraform-plan';
      const id = accountArmId(subscription, rg, name);
      for (const c of d.containers) sources.set(`${id}/blobServices/default/containers/${c.container.name}`, { address: c.address });
      sources.set(id, { address: d.addresses[0] ?? name });
      return { ...d.snapshot, ...(blobService ? { blobService } : {}), properties: { ...d.snapshot.properties, id, name }, containers: d.containers.map((c) => c.container), ...(errors.length > 0 ? { errors } : {}) };
    });
    const snapshot: AzureSnapshot = { provider: 'azure', snapshotVersion: 1, mode: 'arm', subscriptionId: subscription, accounts, ...(this.scopeErrors.length > 0 ? { errors: [...this.scopeErrors] } : {}) };
    return { snapshot, sources };
  }
}
