// A stand-in for the Cloud Logging API's entries.list on 127.0.0.1 (POST /v2/entries:list, the documented request:
// resourceNames, filter, orderBy, pageSize, pageToken -> { entries: LogEntry[], nextPageToken }) in front of the
// local Google stand-in (gcs-server.ts): every other request is forwarded to it unchanged, so one
// --gcp-api-endpoint serves the scan. It honours the parts of the filter kumoscan writes (the activity log name,
// methodName list, timestamp lower bound). Records each entries.list request.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardBuffered } from './forward.js';

export interface LoggingServer {
  url: string;
  requests: { resourceNames: string[]; filter: string; pageToken?: string }[];
  /** LogEntry objects (their logName says the project). */
  entries: Record<string, unknown>[];
  pageSize?: number;
  /** Answer entries.list with this status (PERMISSION_DENIED for 403). */
  deny?: number;
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

export async function startLoggingServer(upstream: string, entries: Record<string, unknown>[] = []): Promise<LoggingServer> {
  const state: LoggingServer = { url: '', requests: [], entries, close: async () => undefined };
  const server = createServer((req, res) => {
    void read(req).then((body) => {
      if (!(req.method === 'POST' && req.url === '/v2/entries:list')) return forwardBuffered(req, body, res, new URL(upstream));
      const send = (status: number, doc: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(doc));
      };
      if (!req.headers.authorization?.startsWith('Bearer ')) return send(401, { error: { code: 401, message: 'no token', status: 'UNAUTHENTICATED' } });
      const q = JSON.parse(body.toString('utf8')) as { resourceNames: string[]; filter: string; orderBy?: string; pageSize?: number; pageToken?: string };
      state.requests.push({ resourceNames: q.resourceNames, filter: q.filter, ...(q.pageToken ? { pageToken: q.pageToken } : {}) });
      if (state.deny) return send(state.deny, { error: { code: state.deny, message: 'Permission denied for logging.logEntries.list', status: 'PERMISSION_DENIED' } });
      const logName = /logName="([^"]+)"/.exec(q.filter)?.[1];
      const methods = [...(/methodName=\(([^)]*)\)/.exec(q.filter)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      const since = /timestamp>="([^"]+)"/.exec(q.filter)?.[1];
      const matching = state.entries
        .filter((e) => e.logName === logName && methods.includes(String((e.protoPayload as { methodName?: string } | undefined)?.methodName)) && (!since || Date.parse(String(e.timestamp)) >= Date.parse(since)))
        .sort((a, b) => (q.orderBy === 'timestamp desc' ? -1 : 1) * (Date.parse(String(a.timestamp)) - Date.parse(String(b.timestamp))));
      const size = Math.min(state.pageSize ?? q.pageSize ?? 50, q.pageSize ?? 50);
      const start = Number(q.pageToken ?? 0);
      send(200, { entries: matching.slice(start, start + size), ...(start + size < matching.length ? { nextPageToken: String(start + size) } : {}) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
