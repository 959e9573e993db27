// A stand-in for AWS CloudTrail on 127.0.0.1 (moto does not implement LookupEvents): answers the documented
// awsJson1_1 shapes (X-Amz-Target CloudTrail_20131101.<Operation>) and forwards every other request unchanged to
// `upstream` (moto), so one --endpoint-url serves the whole scan. Records each call.
// - LookupEvents: LookupAttributes EventName, StartTime, EndTime, MaxResults, NextToken -> Events[{EventId,
//   EventName, EventTime, EventSource, Username, CloudTrailEvent}], NextToken — from `records`, newest first.
// - DescribeTrails: includeShadowTrails -> trailList[{Name, S3BucketName, S3KeyPrefix, IsMultiRegionTrail, HomeRegion,
//   TrailARN, IsOrganizationTrail, HasCustomEventSelectors …}] — the region's trails and, with shadow trails, the
//   multi-region trails of other regions.
// - GetEventSelectors: TrailName (name or ARN) -> {TrailARN, EventSelectors | AdvancedEventSelectors}, or
//   TrailNotFoundException.
import type { IncomingMessage } from 'node:http';
import { jsonBody, startJsonStandIn } from './json-stand-in.js';

/** One CloudTrail record (the JSON LookupEvents returns as CloudTrailEvent), and the region it was recorded in. */
export interface TrailRecord {
  region: string;
  event: { eventTime: string; eventName: string; [k: string]: unknown };
}

/** A trail as DescribeTrails and GetEventSelectors describe it. */
export interface StandInTrail {
  name: string;
  homeRegion: string;
  bucket: string;
  prefix?: string;
  multiRegion?: boolean;
  organization?: boolean;
  account?: string;
  eventSelectors?: unknown[];
  advancedEventSelectors?: unknown[];
}

export interface CloudTrailServer {
  endpoint: string;
  lookups: { region: string; eventName: string | null; nextToken: boolean }[];
  /** Every CloudTrail call answered: its operation and region. */
  calls: { operation: string; region: string }[];
  records: TrailRecord[];
  trails: StandInTrail[];
  /** Fault injection: answer LookupEvents of this region with this status (AccessDeniedException). */
  deny?: { region: string; status: number };
  /** Fault injection: answer this operation with AccessDeniedException. */
  denyOperation?: string;
  close(): Promise<void>;
}

function regionOf(req: IncomingMessage): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? 'unknown';
}

export const trailArn = (t: StandInTrail): string => `arn:aws:cloudtrail:${t.homeRegion}:${t.account ?? '123456789012'}:trail/${t.name}`;

function described(t: StandInTrail): Record<string, unknown> {
  return {
    Name: t.name,
    S3BucketName: t.bucket,
    ...(t.prefix ? { S3KeyPrefix: t.prefix } : {}),
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: t.multiRegion === true,
    HomeRegion: t.homeRegion,
    TrailARN: trailArn(t),
    LogFileValidationEnabled: true,
    HasCustomEventSelectors: t.eventSelectors !== undefined || t.advancedEventSelectors !== undefined,
    HasInsightSelectors: false,
    IsOrganizationTrail: t.organization === true,
  };
}

export async function startCloudTrailServer(upstream: string, records: TrailRecord[] = [], trails: StandInTrail[] = []): Promise<CloudTrailServer> {
  const state: CloudTrailServer = { endpoint: '', lookups: [], calls: [], records, trails, close: async () => undefined };
  const server = await startJsonStandIn(upstream, 'application/x-amz-json-1.1', (req, body, send) => {
    const target = /^CloudTrail_20131101\.(\w+)$/.exec(String(req.headers['x-amz-target'] ?? ''))?.[1];
    if (target !== 'LookupEvents' && target !== 'DescribeTrails' && target !== 'GetEventSelectors') return false;
    const region = regionOf(req);
    state.calls.push({ operation: target, region });
    const denied = (op: string) => send(400, { __type: 'AccessDeniedException', message: `User is not authorized to perform: cloudtrail:${op}` });
    if (state.denyOperation === target) {
      denied(target);
      return true;
    }
    if (target === 'DescribeTrails') {
      const input = jsonBody<{ includeShadowTrails?: boolean }>(body);
      const shadows = input.includeShadowTrails !== false;
      send(200, { trailList: state.trails.filter((t) => t.homeRegion === region || (shadows && t.multiRegion === true)).map(described) });
      return true;
    }
    if (target === 'GetEventSelectors') {
      const input = jsonBody<{ TrailName?: string }>(body);
      const t = state.trails.find((x) => x.name === input.TrailName || trailArn(x) === input.TrailName);
      if (!t) send(400, { __type: 'TrailNotFoundException', message: `Unknown trail: ${input.TrailName ?? ''}` });
      else send(200, { TrailARN: trailArn(t), ...(t.advancedEventSelectors ? { AdvancedEventSelectors: t.advancedEventSelectors } : { EventSelectors: t.eventSelectors ?? [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] }) });
      return true;
    }
    const input = jsonBody<{ LookupAttributes?: { AttributeKey: string; AttributeValue: string }[]; StartTime?: number; EndTime?: number; MaxResults?: number; NextToken?: string }>(body);
    const name = input.LookupAttributes?.find((a) => a.AttributeKey === 'EventName')?.AttributeValue ?? null;
    state.lookups.push({ region, eventName: name, nextToken: input.NextToken !== undefined });
    if (state.deny?.region === region) {
      send(state.deny.status, { __type: 'AccessDeniedException', message: 'User is not authorized to perform: cloudtrail:LookupEvents' });
      return true;
    }
    const from = (input.StartTime ?? 0) * 1000;
    const to = (input.EndTime ?? Number.MAX_SAFE_INTEGER / 1000) * 1000;
    const matching = state.records
      .filter((r) => r.region === region && (name === null || r.event.eventName === name))
      .filter((r) => Date.parse(r.event.eventTime) >= from && Date.parse(r.event.eventTime) <= to)
      .sort((a, b) => Date.parse(b.event.eventTime) - Date.parse(a.event.eventTime));
    const start = input.NextToken ? Number(input.NextToken) : 0;
    const size = input.MaxResults ?? 50;
    const page = matching.slice(start, start + size);
    send(200, {
      Events: page.map((r, i) => ({
        EventId: `event-${start + i}`,
        EventName: r.event.eventName,
        ReadOnly: 'false',
        EventTime: Date.parse(r.event.eventTime) / 1000,
        EventSource: 's3.amazonaws.com',
        Username: 'kumoscan-test',
        CloudTrailEvent: JSON.stringify(r.event),
      })),
      ...(start + size < matching.length ? { NextToken: String(start + size) } : {}),
    });
    return true;
  });
  state.endpoint = server.url;
  state.close = server.close;
  return state;
}

/** A CloudTrail record of an S3 call, with the documented fields (userIdentity, sourceIPAddress, userAgent, requestParameters). */
export function s3Record(region: string, eventName: string, eventTime: string, requestParameters: Record<string, unknown>, who = 'arn:aws:iam::123456789012:user/alice', ip = '203.0.113.7', extra: Record<string, unknown> = {}): TrailRecord {
  return {
    region,
    event: {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: who, accountId: '123456789012', userName: who.split('/').pop() },
      eventTime,
      eventSource: 's3.amazonaws.com',
      eventName,
      awsRegion: region,
      sourceIPAddress: ip,
      userAgent: '[aws-cli/2.15.0 Python/3.11]',
      requestParameters,
      responseElements: null,
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: '123456789012',
      ...extra,
    },
  };
}
