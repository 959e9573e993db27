// A stand-in for AWS CloudTrail's LookupEvents on 127.0.0.1 (moto does not implement it): answers the documented
// awsJson1_1 shape (X-Amz-Target CloudTrail_20131101.LookupEvents; LookupAttributes EventName, StartTime, EndTime,
// MaxResults, NextToken -> Events[{EventId, EventName, EventTime, EventSource, Username, CloudTrailEvent}], NextToken)
// from the events it is given, newest first, and forwards every other request unchanged to `upstream` (moto), so
// one --endpoint-url serves the whole scan. Records each LookupEvents request (its region and event name).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardBuffered } from './forward.js';

/** One CloudTrail record (the JSON LookupEvents returns as CloudTrailEvent), and the region it was recorded in. */
export interface TrailRecord {
  region: string;
  event: { eventTime: string; eventName: string; [k: string]: unknown };
}

export interface CloudTrailServer {
  endpoint: string;
  lookups: { region: string; eventName: string | null; nextToken: boolean }[];
  records: TrailRecord[];
  /** Fault injection: answer LookupEvents of this region with this status (AccessDeniedException). */
  deny?: { region: string; status: number };
  close(): Promise<void>;
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function regionOf(req: IncomingMessage): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? 'unknown';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify(body));
}

export async function startCloudTrailServer(upstream: string, records: TrailRecord[] = []): Promise<CloudTrailServer> {
  const state: CloudTrailServer = { endpoint: '', lookups: [], records, close: async () => undefined };
  const server = createServer((req, res) => {
    void read(req).then((body) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target.endsWith('CloudTrail_20131101.LookupEvents')) return forwardBuffered(req, body, res, new URL(upstream));
      const region = regionOf(req);
      const input = JSON.parse(body.toString('utf8') || '{}') as { LookupAttributes?: { AttributeKey: string; AttributeValue: string }[]; StartTime?: number; EndTime?: number; MaxResults?: number; NextToken?: string };
      const name = input.LookupAttributes?.find((a) => a.AttributeKey === 'EventName')?.AttributeValue ?? null;
      state.lookups.push({ region, eventName: name, nextToken: input.NextToken !== undefined });
      if (state.deny?.region === region) return json(res, state.deny.status, { __type: 'AccessDeniedException', message: 'User is not authorized to perform: cloudtrail:LookupEvents' });
      const from = (input.StartTime ?? 0) * 1000;
      const to = (input.EndTime ?? Number.MAX_SAFE_INTEGER / 1000) * 1000;
      const matching = state.records
        .filter((r) => r.region === region && (name === null || r.event.eventName === name))
        .filter((r) => Date.parse(r.event.eventTime) >= from && Date.parse(r.event.eventTime) <= to)
        .sort((a, b) => Date.parse(b.event.eventTime) - Date.parse(a.event.eventTime));
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const size = input.MaxResults ?? 50;
      const page = matching.slice(start, start + size);
      json(res, 200, {
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
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
