// AWS: CloudTrail LookupEvents (management events, read-only) for the S3 changes that open or close a bucket, in each
// region that holds a public bucket and the home region (CloudTrail records an S3 call in the bucket's region; the
// account's Block Public Access where it was called). Per account: with --org-role, through the member role as the
// sampler reads (providers/aws/member-credentials.ts). Loaded only when a scan reads changes (it imports the SDK).
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import { commonClientConfig, connectionCredentials, homeRegionOf, limitCalls, type AwsConnectionOptions } from '../../../providers/aws/clients.js';
import { memberReaderConnection } from '../../../providers/aws/member-credentials.js';
import { toCollectError } from '../../../providers/aws/errors.js';
import { awsConnection } from '../../../providers/aws/index.js';
import type { Resource, ScanError } from '../../model.js';
import { callLimitsOf } from '../../call-limits.js';
import { newestFirst, readPages, stageClock, windowOf, type ChangeBounds } from './bounds.js';
import { CLOUDTRAIL_EVENT_NAMES, cloudTrailChange } from './aws-events.js';
import type { ChangeEvent, ChangesEvidence } from './types.js';
import { groupBy } from '../../group-by.js';

export const LOOKUP_EVENTS = 'cloudtrail:LookupEvents';

function parsedEvent(item: unknown): unknown {
  const json = (item as { CloudTrailEvent?: unknown }).CloudTrailEvent;
  if (typeof json !== 'string') return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export function connectionFor(flags: Readonly<Record<string, unknown>>, account: string): AwsConnectionOptions {
  const connection = awsConnection(flags);
  const orgRole = typeof flags.orgRole === 'string' && flags.orgRole.length > 0 ? flags.orgRole : undefined;
  const externalId = typeof flags.externalId === 'string' && flags.externalId.length > 0 ? flags.externalId : undefined;
  return orgRole ? memberReaderConnection(connection, orgRole, account, externalId) : connection;
}

export async function collectCloudTrailChanges(flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], now: Date, bounds: ChangeBounds): Promise<ChangesEvidence> {
  const { from, to } = windowOf(now, bounds);
  const events: ChangeEvent[] = [];
  const errors: ScanError[] = [];
  let truncated = false;
  const clock = stageClock(bounds, callLimitsOf(flags));
  for (const [account, own] of groupBy(resources, (r) => r.account)) {
    const connection = connectionFor(flags, account);
    const regions = [...new Set([homeRegionOf(connection), ...own.map((r) => r.region).filter((r): r is string => r !== null)])].sort();
    for (const region of regions) {
      const client = limitCalls(new CloudTrailClient({ ...commonClientConfig(connection), region, credentials: connectionCredentials(connection) }), connection.limits);
      try {
        for (const name of CLOUDTRAIL_EVENT_NAMES) {
          const got = await readPages(
            async (next) => {
              const out: LookupEventsCommandOutput = await client.send(
                new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }], StartTime: from, EndTime: to, MaxResults: 50, ...(next ? { NextToken: next } : {}) }),
              );
              return { items: (out.Events ?? []).map(parsedEvent), next: out.NextToken };
            },
            cloudTrailChange,
            bounds,
            clock,
          );
          events.push(...got.events);
          truncated ||= got.truncated;
        }
      } catch (err) {
        const e = toCollectError(LOOKUP_EVENTS, err);
        errors.push({ scope: account, ...e, message: `${region}: ${e.message}` });
      } finally {
        client.destroy();
      }
    }
  }
  return { source: 'cloudtrail', from: from.toISOString(), to: to.toISOString(), events: newestFirst(events), truncated, errors };
}
