// A stand-in for the Cloud Logging API's entries.list on 127.0.0.1 (POST /v2/entries:list, the documented request:
// resourceNames, filter, orderBy, pageSize, pageToken -> { entries: LogEntry[], nextPageToken }) in front of the
// local Google stand-in (gcs-server.ts): every other request is forwarded to it unchanged, so one
// --gcp-api-endpoint serves the scan. It honours the parts of the filter kumoscan writes (the activity log name,
// methodName list, timestamp lower bound). Records each entries.list request.
import { jsonBody, startJsonStandIn } from './json-stand-in.js';

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

export async function startLoggingServer(upstream: string, entries: Record<string, unknown>[] = []): Promise<LoggingServer> {
  const state: LoggingServer = { url: '', requests: [], entries, close: async () => undefined };
  const server = await startJsonStandIn(upstream, 'application/json; charset=utf-8', (req, body, send) => {
    if (!(req.method === 'POST' && req.url === '/v2/entries:list')) return false;
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      send(401, { error: { code: 401, message: 'no token', status: 'UNAUTHENTICATED' } });
      return true;
    }
    const q = jsonBody<{ resourceNames: string[]; filter: string; orderBy?: string; pageSize?: number; pageToken?: string }>(body);
    state.requests.push({ resourceNames: q.resourceNames, filter: q.filter, ...(q.pageToken ? { pageToken: q.pageToken } : {}) });
    if (state.deny) {
      send(state.deny, { error: { code: state.deny, message: 'Permission denied for logging.logEntries.list', status: 'PERMISSION_DENIED' } });
      return true;
    }
    const logName = /logName="([^"]+)"/.exec(q.filter)?.[1];
    const methods = [...(/methodName=\(([^)]*)\)/.exec(q.filter)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const since = /timestamp>="([^"]+)"/.exec(q.filter)?.[1];
    const matching = state.entries
      .filter((e) => e.logName === logName && methods.includes(String((e.protoPayload as { methodName?: string } | undefined)?.methodName)) && (!since || Date.parse(String(e.timestamp)) >= Date.parse(since)))
      .sort((a, b) => (q.orderBy === 'timestamp desc' ? -1 : 1) * (Date.parse(String(a.timestamp)) - Date.parse(String(b.timestamp))));
    const size = Math.min(state.pageSize ?? q.pageSize ?? 50, q.pageSize ?? 50);
    const start = Number(q.pageToken ?? 0);
    send(200, { entries: matching.slice(start, start + size), ...(start + size < matching.length ? { nextPageToken: String(start + size) } : {}) });
    return true;
  });
  state.url = server.url;
  state.close = server.close;
  return state;
}
