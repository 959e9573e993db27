// What the CLI needs of the Azure adapter before anything runs: its name and the `kumoscan scan azure` options.
// SDK-free, so `--help` and the offline commands start without the Azure SDK (src/provider-registry.ts); the
// adapter itself is providers/azure/index.ts.
import { Option } from 'commander';
import type { ProviderInfo } from '../../src/provider.js';

function repeat(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const GROUP = 'Azure options:';

export const azureInfo: ProviderInfo = {
  id: 'azure',
  title: 'Azure Blob Storage',
  options: () => [
    new Option('--subscription <id>', 'scan this subscription (repeatable; every subscription the credential sees when omitted)').argParser(repeat).helpGroup(GROUP),
    new Option('--account-url <url>', 'data-plane mode: scan one account by its blob endpoint (Microsoft Entra credential, or a SAS in the URL)').helpGroup(GROUP),
    new Option('--connection-string <cs>', 'data-plane mode: scan one account with a connection string (prefer AZURE_STORAGE_CONNECTION_STRING: flags show up in process lists)').helpGroup(GROUP),
    new Option('--arm-endpoint <url>', 'Azure Resource Manager endpoint of another cloud (Azure China, US Government) or a test server').helpGroup(GROUP),
  ],
};
