// What the CLI needs of the Google Cloud Storage adapter before anything runs: its name and the `kumoscan scan gcp`
// options. SDK-free, so `--help` and the offline commands start without the Google SDK (src/provider-registry.ts);
// the adapter itself is providers/gcp/index.ts.
import { Option } from 'commander';
import type { ProviderInfo } from '../../src/provider.js';

function collectValues(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter((s) => s.length > 0)];
}

const GROUP = 'GCP options:';

export const gcpInfo: ProviderInfo = {
  id: 'gcp',
  title: 'Google Cloud Storage',
  options: () => [
    new Option('--project <id>', 'Google Cloud project to scan (repeatable, or comma-separated); default: every project the credentials can list').argParser(collectValues).helpGroup(GROUP),
    new Option('--gcp-domain <domain>', "your organization's domain (repeatable): user:, group: and domain: members outside it are external; default: the organization's name").argParser(collectValues).helpGroup(GROUP),
    new Option('--gcs-endpoint <url>', 'Cloud Storage JSON API endpoint (emulators, compatible stores); default: STORAGE_EMULATOR_HOST, else Google').helpGroup(GROUP),
    new Option('--gcp-api-endpoint <url>', 'one base URL for the Resource Manager, Org Policy and IAM calls (tests, API gateways)').helpGroup(GROUP),
  ],
};
