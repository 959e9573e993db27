// Every provider kumoscan can scan. Add a provider here, once its adapter exists (src/provider.ts).
import { awsAdapter } from '../providers/aws/index.js';
import { azureAdapter } from '../providers/azure/index.js';
import { gcpAdapter } from '../providers/gcp/index.js';
import type { Provider } from './model.js';
import type { BaseSnapshot, ProviderAdapter } from './provider.js';

// The registry holds adapters of different snapshot types; each is only ever called with its own snapshots.
type AnyAdapter = ProviderAdapter<BaseSnapshot>;

export const ADAPTERS: Partial<Record<Provider, AnyAdapter>> = {
  aws: awsAdapter as unknown as AnyAdapter,
  azure: azureAdapter as unknown as AnyAdapter,
  gcp: gcpAdapter as unknown as AnyAdapter,
};

export function adapterFor(provider: string): AnyAdapter | undefined {
  return Object.hasOwn(ADAPTERS, provider) ? ADAPTERS[provider as Provider] : undefined;
}

export function providerIds(): Provider[] {
  return Object.keys(ADAPTERS) as Provider[];
}
