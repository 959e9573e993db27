// Every provider kumoscan can scan, by what the CLI needs before anything runs: its word, name and `scan` options
// (providers/<cloud>/options.ts, SDK-free, so `--help`, `--version` and the offline commands start fast). The
// adapters themselves are listed in src/adapters.ts: add a provider to both.
import { awsInfo } from '../providers/aws/options.js';
import { azureInfo } from '../providers/azure/options.js';
import { gcpInfo } from '../providers/gcp/options.js';
import type { Provider } from './model.js';
import type { ProviderInfo } from './provider.js';

export const PROVIDERS: Readonly<Record<Provider, ProviderInfo>> = {
  aws: awsInfo,
  azure: azureInfo,
  gcp: gcpInfo,
};

export function providerInfo(provider: string): ProviderInfo | undefined {
  return Object.hasOwn(PROVIDERS, provider) ? PROVIDERS[provider as Provider] : undefined;
}

export function providerIds(): Provider[] {
  return Object.keys(PROVIDERS) as Provider[];
}
