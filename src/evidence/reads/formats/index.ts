// The registry of access-log formats: one file each in this folder. A new format is one file and one line here.
// A provider's formats are tried in this order for each resource; the first that finds logs is read (AWS: the
// bucket's server access logs, else a trail's data events — never both, which would count each read twice).
import type { Provider } from '../../../model.js';
import type { LogFormat } from './types.js';
import { s3ServerAccess } from './s3-server-access.js';
import { azureStorageAnalytics } from './azure-storage-analytics.js';
import { gcsUsage } from './gcs-usage.js';
import { cloudTrailDataEvents } from './cloudtrail-data-events.js';

export const LOG_FORMATS: readonly LogFormat[] = [s3ServerAccess, cloudTrailDataEvents, azureStorageAnalytics, gcsUsage];

/** The formats a provider's exposed resources may be read from, in the order they are tried. */
export function logFormatsFor(provider: Provider): LogFormat[] {
  return LOG_FORMATS.filter((f) => f.provider === provider);
}

export function logFormatById(id: string): LogFormat | undefined {
  return LOG_FORMATS.find((f) => f.id === id);
}
