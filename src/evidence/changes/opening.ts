// Pure: per resource, the change that opened it. The rule (docs/evidence-changes.md): the latest change that made
// the configuration public (effect "opens"), on the resource itself or on its account (AWS account Block Public
// Access, an Azure storage account's allowBlobPublicAccess); else the latest write whose content the log does not
// show; else the creation of the resource. Older than the window, or nothing at all: null.
import type { Provider, Resource } from '../../model.js';
import type { ChangeEvent, ChangesEvidence, OpenedBy, OpeningBasis, OpeningChange } from './types.js';

/** The name an account-level change names the resource's account by (AWS: account id; Azure: storage account; GCP: project). */
export function accountNameOf(r: Pick<Resource, 'provider' | 'account' | 'name'> & { azure?: { storageAccount: string } | undefined }): string {
  if (r.provider === 'azure') return r.azure?.storageAccount ?? r.name.split('/')[0] ?? r.name;
  return r.account;
}

function concerns(e: ChangeEvent, r: Parameters<typeof accountNameOf>[0]): boolean {
  return e.target.kind === 'resource' ? e.target.name === r.name : e.target.name === accountNameOf(r);
}

const BASIS_ORDER: readonly [ChangeEvent['effect'], OpeningBasis][] = [
  ['opens', 'opens'],
  ['unknown', 'content-unknown'],
  ['creates', 'created'],
];

function latest(events: readonly ChangeEvent[]): ChangeEvent | undefined {
  let best: ChangeEvent | undefined;
  for (const e of events) if (!best || Date.parse(e.time) > Date.parse(best.time)) best = e;
  return best;
}

/** The change that opened one resource, from the changes of its account (null: none in the window). */
export function openingChangeOf(events: readonly ChangeEvent[], r: Parameters<typeof accountNameOf>[0]): OpeningChange | null {
  const own = events.filter((e) => concerns(e, r));
  for (const [effect, basis] of BASIS_ORDER) {
    const e = latest(own.filter((x) => x.effect === effect));
    if (e) return { time: e.time, source: e.source, action: e.action, principal: e.principal, sourceIp: e.sourceIp, userAgent: e.userAgent, basis };
  }
  return null;
}

/** Whether a recorded error keeps the resource's account from being read (an error scoped to its account, or to everything). */
function unreadable(evidence: ChangesEvidence, r: Parameters<typeof accountNameOf>[0]): boolean {
  return evidence.errors.some((e) => e.scope === '' || e.scope === r.account || e.scope === accountNameOf(r) || e.scope === r.name);
}

/** What the report says of the resource's opening; undefined when the changes were not read (no --evidence changes). */
export function openedByOf(evidence: ChangesEvidence | undefined, r: Parameters<typeof accountNameOf>[0]): OpenedBy | undefined {
  if (!evidence) return undefined;
  const window = { from: evidence.from, to: evidence.to, ...(evidence.truncated ? { truncated: true as const } : {}) };
  if (unreadable(evidence, r)) return { change: null, reason: 'log-error', ...window };
  const change = openingChangeOf(evidence.events, r);
  return change ? { change, ...window } : { change: null, reason: 'no-change', ...window };
}

/**
 * Per resource id, the change that opened it: what the history's "public since" combines with its own first
 * sighting (each with its source). Only resources that are public (read, list, write or ACL write by anyone).
 */
export function openingChanges(evidence: ChangesEvidence | undefined, resources: readonly Resource[]): Record<string, OpeningChange | null> {
  const out: Record<string, OpeningChange | null> = {};
  if (!evidence) return out;
  for (const r of resources) {
    if (!isPublic(r)) continue;
    out[r.id] = unreadable(evidence, r) ? null : openingChangeOf(evidence.events, r);
  }
  return out;
}

export function isPublic(r: Pick<Resource, 'exposure'>): boolean {
  const x = r.exposure;
  return x.read === true || x.list === true || x.write === true || x.aclWrite === true;
}

export const SOURCE_OF: Readonly<Record<Provider, ChangesEvidence['source']>> = { aws: 'cloudtrail', azure: 'azure-activity-log', gcp: 'gcp-audit-log' };
