// The bounds of reading a change log: a window (CloudTrail keeps management events 90 days), a page limit, an event
// limit and a time limit for the whole stage; every call also ends within the scan's call timeout
// (src/call-limits.ts). One paging loop for the three clouds.
import { pastDeadline, type CallLimits } from '../../call-limits.js';
import type { ChangeEvent } from './types.js';

export interface ChangeBounds {
  /** Days back from now (90: CloudTrail's LookupEvents and the Activity Log keep 90 days). */
  windowDays: number;
  /** Pages read per log (each account, region or subscription is one log). */
  maxPages: number;
  /** Relevant changes kept per log. */
  maxEvents: number;
  /** Milliseconds the whole stage may take; no page starts after it. */
  timeLimitMs: number;
}

export const DEFAULT_CHANGE_BOUNDS: ChangeBounds = { windowDays: 90, maxPages: 20, maxEvents: 1000, timeLimitMs: 120_000 };

export function windowOf(now: Date, bounds: ChangeBounds): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - bounds.windowDays * 86_400_000), to: now };
}

export interface Page {
  items: readonly unknown[];
  next?: string | undefined;
}

/** A clock for the stage's time limit: `over()` once timeLimitMs has passed since it was made. */
export function stageClock(bounds: ChangeBounds, limits: CallLimits | undefined, clock: () => number = Date.now): { over(): boolean } {
  const end = clock() + bounds.timeLimitMs;
  return { over: () => clock() >= end || pastDeadline(limits) };
}

/**
 * Reads pages until the log ends, or a bound is reached (then truncated). `fetchPage` throws on a failed call: the
 * caller records it. Items the classifier turns into null are not kept.
 */
export async function readPages(
  fetchPage: (next: string | undefined) => Promise<Page>,
  classify: (item: unknown) => ChangeEvent | null,
  bounds: ChangeBounds,
  clock: { over(): boolean },
): Promise<{ events: ChangeEvent[]; truncated: boolean }> {
  const events: ChangeEvent[] = [];
  let next: string | undefined;
  for (let page = 0; ; page++) {
    if (page >= bounds.maxPages || clock.over()) return { events, truncated: true };
    const got = await fetchPage(next);
    for (const item of got.items) {
      const e = classify(item);
      if (!e) continue;
      if (events.length >= bounds.maxEvents) return { events, truncated: true };
      events.push(e);
    }
    next = got.next;
    if (!next) return { events, truncated: false };
  }
}

/** Newest first, then by action (a stable order for the snapshot). */
export function newestFirst(events: readonly ChangeEvent[]): ChangeEvent[] {
  return [...events].sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || a.action.localeCompare(b.action));
}
