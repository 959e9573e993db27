// The change-log stage of a live scan (--evidence changes): for the public resources only, the cloud's change log
// is read, bounded (bounds.ts). Each cloud's reader is imported when it runs (it loads the cloud's SDK).
import type { Provider, Resource } from '../../model.js';
import { DEFAULT_CHANGE_BOUNDS, windowOf, type ChangeBounds } from './bounds.js';
import { SOURCE_OF, isPublic } from './opening.js';
import type { ChangesEvidence } from './types.js';

type Reader = (flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], now: Date, bounds: ChangeBounds) => Promise<ChangesEvidence>;

const READERS: Readonly<Record<Provider, () => Promise<Reader>>> = {
  aws: async () => (await import('./aws.js')).collectCloudTrailChanges,
  azure: async () => (await import('./azure.js')).collectActivityLogChanges,
  gcp: async () => (await import('./gcp.js')).collectAuditLogChanges,
};

export async function collectChanges(provider: Provider, flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], now: Date, bounds: ChangeBounds = DEFAULT_CHANGE_BOUNDS): Promise<ChangesEvidence> {
  const exposed = resources.filter(isPublic);
  if (exposed.length === 0) {
    const { from, to } = windowOf(now, bounds);
    return { source: SOURCE_OF[provider], from: from.toISOString(), to: to.toISOString(), events: [], truncated: false, errors: [] };
  }
  return (await READERS[provider]())(flags, exposed, now, bounds);
}
