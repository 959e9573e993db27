// The registry of access-log formats: one file each in this folder. A new format is one file and one line here.
import type { Provider } from '../../../model.js';
import type { LogFormat } from './types.js';
import { s3ServerAccess } from './s3-server-access.js';
import { azureStorageAnalytics } from './azure-storage-analytics.js';
import { gcsUsage } from './gcs-usage.js';

export const LOG_FORMATS: readonly LogFormat[] = [s3ServerAccess, azureStorageAnalytics, gcsUsage];

/** The format a provider's exposed resources are read from. */
export function logFormatFor(provider: Provider): LogFormat | undefined {
  return LOG_FORMATS.find((f) => f.provider === provider);
}

export function logFormatById(id: string): LogFormat | undefined {
  return LOG_FORMATS.find((f) => f.id === id);
}
