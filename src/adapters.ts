// Every provider's adapter (src/provider.ts), by the provider word. Loading this loads no cloud SDK: an adapter
// imports its SDK when collect() or openReader() runs. The CLI's view of the same providers (name, options) is
// src/provider-registry.ts: add a provider to both.
import { awsAdapter } from '../providers/aws/index.js';
import { azureAdapter } from '../providers/azure/index.js';
import { gcpAdapter } from '../providers/gcp/index.js';
import type { Provider } from './model.js';
import type { BaseSnapshot, ProviderAdapter } from './provider.js';

// The registry holds adapters of different snapshot types; each is only ever called with its own snapshots.
type AnyAdapter = ProviderAdapter<BaseSnapshot>;

// Mutable only so a test can wrap an adapter (test/unit/scan-scope-found.test.ts).
export const ADAPTERS: Record<Provider, AnyAdapter> = {
  aws: awsAdapter as unknown as AnyAdapter,
  azure: azureAdapter as unknown as AnyAdapter,
  gcp: gcpAdapter as unknown as AnyAdapter,
};

export function adapterFor(provider: string): AnyAdapter | undefined {
  return Object.hasOwn(ADAPTERS, provider) ? ADAPTERS[provider as Provider] : undefined;
}
