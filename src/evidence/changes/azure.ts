// Azure: the Activity Log (Microsoft.Insights eventtypes/management/values, a read that Reader may call) of each
// subscription that holds a public container, filtered to Microsoft.Storage, over the window. Data-plane mode
// (--account-url, --connection-string) has no subscription: the log cannot be read, and that is recorded.
import { armEndpointOf, armScope, credentialOf } from '../../../providers/azure/clients.js';
import { toCollectError } from '../../../providers/azure/errors.js';
import { azureConnection } from '../../../providers/azure/index.js';
import { callLimitsOf, within } from '../../call-limits.js';
import type { Resource, ScanError } from '../../model.js';
import { groupBy } from '../../group-by.js';
import { newestFirst, readPages, stageClock, windowOf, type ChangeBounds, type Page } from './bounds.js';
import { activityLogChange } from './azure-events.js';
import type { ChangeEvent, ChangesEvidence } from './types.js';

export const ACTIVITY_LOG_API = '2015-04-01';
export const ACTIVITY_LOG_CALL = 'Microsoft.Insights/eventtypes/management/values';

class ArmError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first page's URL: Storage events of the subscription within the window. */
export function activityLogUrl(arm: string, subscriptionId: string, from: Date, to: Date): string {
  const filter = `eventTimestamp ge '${from.toISOString()}' and eventTimestamp le '${to.toISOString()}' and resourceProvider eq 'Microsoft.Storage'`;
  return `${arm}/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Insights/eventtypes/management/values?api-version=${ACTIVITY_LOG_API}&$filter=${encodeURIComponent(filter)}`;
}

export async function collectActivityLogChanges(flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], now: Date, bounds: ChangeBounds): Promise<ChangesEvidence> {
  const opts = { ...azureConnection(flags), limits: callLimitsOf(flags) };
  const { from, to } = windowOf(now, bounds);
  const events: ChangeEvent[] = [];
  const errors: ScanError[] = [];
  let truncated = false;
  const clock = stageClock(bounds, opts.limits);
  for (const [subscription, own] of groupBy(resources, (r) => r.azure?.subscriptionId ?? null)) {
    if (subscription === null) {
      for (const account of new Set(own.map((r) => r.account))) {
        errors.push({ scope: account, call: ACTIVITY_LOG_CALL, code: 'NoSubscription', message: 'the Activity Log is read through Azure Resource Manager: scan with --subscription (not --account-url or --connection-string)' });
      }
      continue;
    }
    const fetchPage = async (next: string | undefined): Promise<Page> =>
      within(opts.limits, async (signal) => {
        const token = await credentialOf(opts).getToken(armScope(opts), { abortSignal: signal });
        if (!token) throw new ArmError('NoToken', 'the credential returned no token');
        const res = await fetch(next ?? activityLogUrl(armEndpointOf(opts), subscription, from, to), { headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' }, signal });
        const body: unknown = await res.json().catch(() => undefined);
        if (!res.ok) {
          const e = isObj(body) && isObj(body.error) ? body.error : {};
          throw new ArmError(typeof e.code === 'string' ? e.code : `HTTP${res.status}`, typeof e.message === 'string' ? e.message : `HTTP ${res.status}`);
        }
        if (!isObj(body) || !Array.isArray(body.value)) throw new ArmError('BadResponse', 'the Activity Log answer has no "value" list');
        return { items: body.value, next: typeof body.nextLink === 'string' && body.nextLink.length > 0 ? body.nextLink : undefined };
      });
    try {
      const got = await readPages(fetchPage, activityLogChange, bounds, clock);
      events.push(...got.events);
      truncated ||= got.truncated;
    } catch (err) {
      for (const account of new Set(own.map((r) => r.account))) errors.push({ scope: account, ...toCollectError(ACTIVITY_LOG_CALL, err) });
    }
  }
  return { source: 'azure-activity-log', from: from.toISOString(), to: to.toISOString(), events: newestFirst(events), truncated, errors };
}
