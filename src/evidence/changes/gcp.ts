// GCP: Cloud Audit Logs Admin Activity of Cloud Storage through the Logging API (entries.list: a POST that only
// reads; permission logging.logEntries.list) for each project that holds a public bucket, newest first, over the
// window. --gcp-api-endpoint sends it to one base URL (tests), as the other REST calls of the GCP adapter.
import { createAuth } from '../../../providers/gcp/clients.js';
import { limitedConnectionFrom } from '../../../providers/gcp/connection.js';
import { toGcpCollectError } from '../../../providers/gcp/errors.js';
import { DEFAULT_CALL_TIMEOUT_MS, within } from '../../call-limits.js';
import type { Resource, ScanError } from '../../model.js';
import { groupBy } from '../../group-by.js';
import { newestFirst, readPages, stageClock, windowOf, type ChangeBounds, type Page } from './bounds.js';
import { GCP_METHODS, auditLogChange } from './gcp-events.js';
import type { ChangeEvent, ChangesEvidence } from './types.js';

export const ENTRIES_LIST = 'logging.entries.list';
export const LOGGING_ENDPOINT = 'https://logging.googleapis.com';

/** The entries.list request of one page. */
export function entriesListBody(project: string, from: Date, next: string | undefined, pageSize: number): Record<string, unknown> {
  const methods = GCP_METHODS.map((m) => `"${m}"`).join(' OR ');
  const filter = [
    `logName="projects/${project}/logs/cloudaudit.googleapis.com%2Factivity"`,
    'protoPayload.serviceName="storage.googleapis.com"',
    `protoPayload.methodName=(${methods})`,
    `timestamp>="${from.toISOString()}"`,
  ].join(' AND ');
  return { resourceNames: [`projects/${project}`], filter, orderBy: 'timestamp desc', pageSize, ...(next ? { pageToken: next } : {}) };
}

export async function collectAuditLogChanges(flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], now: Date, bounds: ChangeBounds): Promise<ChangesEvidence> {
  const conn = limitedConnectionFrom(flags);
  const auth = createAuth(conn);
  const base = (conn.apiEndpoint ?? LOGGING_ENDPOINT).replace(/\/+$/, '');
  const timeout = conn.limits?.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const { from, to } = windowOf(now, bounds);
  const events: ChangeEvent[] = [];
  const errors: ScanError[] = [];
  let truncated = false;
  const clock = stageClock(bounds, conn.limits);
  for (const project of groupBy(resources, (r) => r.account).keys()) {
    const fetchPage = async (next: string | undefined): Promise<Page> => {
      const res = await within(conn.limits, (signal) =>
        auth.request<{ entries?: unknown[]; nextPageToken?: string }>({ url: `${base}/v2/entries:list`, method: 'POST', data: entriesListBody(project, from, next, 1000), responseType: 'json', timeout, signal }),
      );
      const entries = res.data?.entries ?? [];
      if (!Array.isArray(entries)) throw Object.assign(new Error('the entries.list answer has no "entries" list'), { code: 'BadResponse' });
      return { items: entries, next: res.data.nextPageToken || undefined };
    };
    try {
      const got = await readPages(fetchPage, auditLogChange, bounds, clock);
      events.push(...got.events.filter((e) => Date.parse(e.time) <= to.getTime()));
      truncated ||= got.truncated;
    } catch (err) {
      errors.push({ scope: project, ...toGcpCollectError(ENTRIES_LIST, err) });
    }
  }
  return { source: 'gcp-audit-log', from: from.toISOString(), to: to.toISOString(), events: newestFirst(events), truncated, errors };
}
