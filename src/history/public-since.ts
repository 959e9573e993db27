// "Public since" from the exposure history (pure): of one resource's timeline (timeline.ts), the exposure window a
// report speaks for — the one open at the report's run — with the bounds its start really has: after the last run
// that saw the resource private (exclusive) and at or before the first run that saw it public. When the history's
// first run already saw it public there is no lower bound ("at least since"). A resolved window (the resource no
// longer public at the report's run) also gives the bounds of its end, for "resolved — still reportable".
import type { Bound, Timeline } from './timeline.js';

/** A stored run, by id and collection time (ISO 8601 UTC). */
export interface RunRef {
  id: string;
  at: string;
}

/** When a resource became public, as the history bounds it. */
export interface PublicSince {
  /** Exclusive lower bound: the last run that saw it private; null when it was public in the first run recorded. */
  earliest: string | null;
  /** Inclusive upper bound: the first run that saw it public. */
  latest: string;
  basis: 'history';
  firstPublicRun: RunRef;
  lastPrivateRun: RunRef | null;
}

/** When a resolved exposure ended: after the last run that saw it public, at or before the first that did not. */
export interface ResolvedBetween {
  after: string;
  by: string;
  lastPublicRun: RunRef;
  firstPrivateRun: RunRef;
}

/** A closed exposure window: public since, resolved between. */
export interface ClosedWindow {
  publicSince: PublicSince;
  resolved: ResolvedBetween;
}

export function publicSinceOf(since: Bound): PublicSince {
  return {
    earliest: since.after,
    latest: since.by,
    basis: 'history',
    firstPublicRun: { id: since.byRun, at: since.by },
    lastPrivateRun: since.after !== null && since.afterRun !== null ? { id: since.afterRun, at: since.after } : null,
  };
}

/** The window open at `asOf` (ISO): it began at or before it and was not resolved by then; null when none was. */
export function publicSinceAt(timeline: Timeline, asOf: string): PublicSince | null {
  const open = timeline.windows.filter((w) => w.since.by <= asOf && (w.resolved === null || w.resolved.by > asOf)).at(-1);
  return open ? publicSinceOf(open.since) : null;
}

/** The last window resolved at or before `asOf` (ISO); null when none was. */
export function closedWindowAt(timeline: Timeline, asOf: string): ClosedWindow | null {
  const closed = timeline.windows.filter((w) => w.resolved !== null && w.resolved.by <= asOf).at(-1);
  const r = closed?.resolved;
  if (!closed || !r || r.after === null || r.afterRun === null) return null;
  return {
    publicSince: publicSinceOf(closed.since),
    resolved: { after: r.after, by: r.by, lastPublicRun: { id: r.afterRun, at: r.after }, firstPrivateRun: { id: r.byRun, at: r.by } },
  };
}
