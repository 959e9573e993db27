// The scan's one "public since" per exposed resource (pure): the earliest of what the exposure history gives (the
// first run that saw the resource public, src/history/public-since.ts) and what the cloud's change log gives (the
// change that opened it, src/evidence/changes/opening.ts), each kept with its source. A change the history
// contradicts — made at or before a run that still saw the resource private — does not date the current window:
// it is kept and shown, never taken.
import type { PublicSince } from '../src/history/public-since.js';
import type { ChangeSource, OpeningChange } from '../src/evidence/changes/types.js';
import { isPublic } from '../src/evidence/changes/opening.js';
import type { Report } from './render/json.js';

/** Where a "public since" comes from: kumoscan's run history, or a change log. */
export type PublicSinceSource = 'history' | ChangeSource;

/** 1.5.0 (issue 16): a resource's "public since" with both sources (JSON `publicSince[]`). */
export interface CombinedPublicSince {
  /** The earliest time the resource is known to have been public (ISO 8601 UTC). */
  at: string;
  /** Which source gives `at`. */
  source: PublicSinceSource;
  /** What the run history says (null: no --history, or the history never saw it public). */
  history: PublicSince | null;
  /** The change that opened it (null: no --evidence changes, none in the log's window, or the log could not be read). */
  change: OpeningChange | null;
}

export interface ResourceCombinedPublicSince extends CombinedPublicSince {
  resourceId: string;
}

const ms = (iso: string): number => Date.parse(iso);

/** Whether the history leaves room for the change to have opened the current window (it came after the last private run). */
function changeFits(change: OpeningChange, history: PublicSince | null): boolean {
  return history?.earliest == null || ms(change.time) > ms(history.earliest);
}

/** The earliest bound wins (a change at the same time as the first public run wins: it names the moment); null when neither source knows. */
export function combinePublicSince(history: PublicSince | null | undefined, change: OpeningChange | null | undefined): CombinedPublicSince | null {
  const h = history ?? null;
  const c = change ?? null;
  if (c && changeFits(c, h) && (!h || ms(c.time) <= ms(h.latest))) return { at: c.time, source: c.source, history: h, change: c };
  if (h) return { at: h.latest, source: 'history', history: h, change: c };
  return null;
}

/** Why a change kept beside the history's "public since" does not date it: the history saw the resource public before the change, or private after it. */
export type ChangeNotTaken = 'history-earlier' | 'private-after';

export function changeNotTaken(c: CombinedPublicSince): ChangeNotTaken | null {
  if (!c.change || !c.history || c.source !== 'history') return null;
  return ms(c.change.time) > ms(c.history.latest) ? 'history-earlier' : 'private-after';
}

/** Every resource open to anyone in the report with a "public since" from either source, in the report's order. */
export function combinedPublicSince(report: Pick<Report, 'resources' | 'history'>): ResourceCombinedPublicSince[] {
  const fromHistory = new Map((report.history?.publicSince ?? []).map(({ resourceId, ...p }) => [resourceId, p]));
  return report.resources.filter(isPublic).flatMap((r) => {
    const c = combinePublicSince(fromHistory.get(r.id), r.openedBy?.change);
    return c ? [{ resourceId: r.id, ...c }] : [];
  });
}

/** The report with its `publicSince` (set once the resources' opening changes and the history are known). */
export function withCombinedPublicSince<T extends Pick<Report, 'resources' | 'history'>>(report: T): T & { publicSince?: ResourceCombinedPublicSince[] } {
  const publicSince = combinedPublicSince(report);
  return publicSince.length > 0 ? { ...report, publicSince } : report;
}
