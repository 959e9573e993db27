// AWS: the trails that may deliver a bucket's S3 data events (read-only): DescribeTrails in each region of the
// buckets whose logs are wanted (shadow trails included, so a multi-region trail is seen from every region), then
// GetEventSelectors in each trail's home region. With --org-role, through the member role as the sampler reads.
// Loaded only when a scan reads access logs of AWS buckets without server access logs (it imports the SDK).
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand } from '@aws-sdk/client-cloudtrail';
import { commonClientConfig, connectionCredentials, homeRegionOf, limitCalls } from '../../../../providers/aws/clients.js';
import { toCollectError } from '../../../../providers/aws/errors.js';
import type { Resource } from '../../../model.js';
import { groupBy } from '../../../group-by.js';
import { connectionFor } from '../../changes/aws.js';
import type { ReadEvidenceError } from '../types.js';
import type { AccountTrails, TrailDestination, TrailsByAccount } from './types.js';
import type { TrailSelectors } from './selectors.js';

export const DESCRIBE_TRAILS = 'cloudtrail:DescribeTrails';
export const GET_EVENT_SELECTORS = 'cloudtrail:GetEventSelectors';

function errorOf(call: string, region: string, err: unknown): ReadEvidenceError {
  const e = toCollectError(call, err);
  return { call, code: e.code, message: `${region}: ${e.message}` };
}

export async function discoverTrails(flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], signal: AbortSignal): Promise<TrailsByAccount> {
  const out: TrailsByAccount = {};
  for (const [account, own] of groupBy(resources, (r) => r.account)) {
    const connection = connectionFor(flags, account);
    const clients = new Map<string, CloudTrailClient>();
    const clientIn = (region: string): CloudTrailClient => {
      let c = clients.get(region);
      if (!c) clients.set(region, (c = limitCalls(new CloudTrailClient({ ...commonClientConfig(connection), region, credentials: connectionCredentials(connection) }), connection.limits)));
      return c;
    };
    const found: AccountTrails = { trails: [], errors: [] };
    const seen = new Set<string>();
    const regions = [...new Set(own.map((r) => r.region ?? homeRegionOf(connection)))].sort();
    try {
      for (const region of regions) {
        let list;
        try {
          list = (await clientIn(region).send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal: signal })).trailList ?? [];
        } catch (err) {
          found.errors.push(errorOf(DESCRIBE_TRAILS, region, err));
          continue;
        }
        for (const t of list) {
          if (!t.TrailARN || !t.S3BucketName || seen.has(t.TrailARN)) continue;
          seen.add(t.TrailARN);
          const home = t.HomeRegion ?? region;
          try {
            const sel = await clientIn(home).send(new GetEventSelectorsCommand({ TrailName: t.TrailARN }), { abortSignal: signal });
            found.trails.push(destination(t, home, { ...(sel.EventSelectors ? { EventSelectors: sel.EventSelectors } : {}), ...(sel.AdvancedEventSelectors ? { AdvancedEventSelectors: sel.AdvancedEventSelectors } : {}) } as TrailSelectors));
          } catch (err) {
            found.errors.push(errorOf(GET_EVENT_SELECTORS, home, err));
          }
        }
      }
    } finally {
      for (const c of clients.values()) c.destroy();
    }
    out[account] = found;
  }
  return out;
}

function destination(t: { TrailARN?: string; Name?: string; IsMultiRegionTrail?: boolean; IsOrganizationTrail?: boolean; S3BucketName?: string; S3KeyPrefix?: string }, home: string, selectors: TrailSelectors): TrailDestination {
  return {
    arn: t.TrailARN ?? '',
    name: t.Name ?? t.TrailARN ?? '',
    homeRegion: home,
    multiRegion: t.IsMultiRegionTrail === true,
    organization: t.IsOrganizationTrail === true,
    bucket: t.S3BucketName ?? '',
    prefix: t.S3KeyPrefix ?? '',
    selectors,
  };
}
