// One resource's exposure timeline from the stored runs (pure): first / last seen public, resolved at, and every
// exposure window with the bounds each date really has. A run only knows the moment it looked: "public since" lies
// between the last run that saw the resource private and the first that saw it public; "resolved" between the last
// public run and the first complete run that saw it private (or gone). A partial run never resolves anything.
import type { AppiClass } from '../data/types.js';
import type { Capability } from '../model.js';
import type { Observation, RunSummary } from './store.js';

/** public: some capability is open to anyone; private: none is (in a complete run); unknown: could not tell; absent: not in a complete run that covered it. */
export type RunState = 'public' | 'private' | 'unknown' | 'absent';

export interface RunPoint {
  runId: string;
  scannedAt: string;
  complete: boolean;
  state: RunState;
}

/** A date known only between two runs: after `after` (exclusive; null = before the history begins) and at or before `by`. */
export interface Bound {
  after: string | null;
  afterRun: string | null;
  by: string;
  byRun: string;
}

export interface ExposureWindow {
  /** When it became public. */
  since: Bound;
  /** When it stopped being public; null while it still is (as of the last run that looked). */
  resolved: Bound | null;
  firstSeenPublic: string;
  lastSeenPublic: string;
  /** The runs that saw it public. */
  publicRuns: number;
  capabilities: Capability[];
  /** Personal data found by a sample while it was public (null: never sampled then). */
  personalData: boolean | null;
  classes: AppiClass[];
  /** The highest person count (declared, else the estimate's upper bound) seen while it was public. */
  maxPersons: number | null;
}

export interface Timeline {
  resourceId: string;
  name: string;
  account: string;
  firstSeenPublic: string | null;
  lastSeenPublic: string | null;
  /** The last window's end; null when it was never public or still is. */
  resolvedAt: Bound | null;
  status: 'public' | 'resolved' | 'never-public';
  windows: ExposureWindow[];
  runs: RunPoint[];
}

const CAPS: readonly Capability[] = ['read', 'list', 'write', 'aclWrite'];

function stateOf(o: Observation, complete: boolean): RunState {
  if (CAPS.some((c) => o[c] === true)) return 'public';
  // A partial run's "private" is not trusted: it never resolves an exposure.
  if (complete && CAPS.every((c) => o[c] === false)) return 'private';
  return 'unknown';
}

/** A complete run of the resource's account with no bucket filter and no shard would have listed it. */
function covers(run: RunSummary, account: string): boolean {
  return run.complete && run.shard === null && run.bucketFilter.length === 0 && run.accounts.includes(account);
}

/** The timeline of one resource (`observations`: its rows, one resource id) against every stored run. */
export function buildTimeline(observations: readonly Observation[], runs: readonly RunSummary[]): Timeline | null {
  const first = observations[0];
  if (!first) return null;
  const byRun = new Map(observations.map((o) => [o.runId, o]));
  const provider = runs.find((r) => r.id === first.runId)?.provider;
  const ordered = [...runs].filter((r) => r.provider === provider).sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : a.id < b.id ? -1 : 1));
  const points: RunPoint[] = [];
  const windows: ExposureWindow[] = [];
  let open: ExposureWindow | null = null;
  let lastNotPublic: RunSummary | null = null;
  let lastPublic: RunSummary | null = null;
  for (const run of ordered) {
    const o = byRun.get(run.id);
    const state: RunState | null = o ? stateOf(o, run.complete) : covers(run, first.account) ? 'absent' : null;
    if (state === null) continue;
    points.push({ runId: run.id, scannedAt: run.scannedAt, complete: run.complete, state });
    if (state === 'public' && o) {
      if (!open) {
        open = {
          since: { after: lastNotPublic?.scannedAt ?? null, afterRun: lastNotPublic?.id ?? null, by: run.scannedAt, byRun: run.id },
          resolved: null,
          firstSeenPublic: run.scannedAt,
          lastSeenPublic: run.scannedAt,
          publicRuns: 0,
          capabilities: [],
          personalData: null,
          classes: [],
          maxPersons: null,
        };
        windows.push(open);
      }
      open.lastSeenPublic = run.scannedAt;
      open.publicRuns += 1;
      open.capabilities = CAPS.filter((c) => open?.capabilities.includes(c) || o[c] === true);
      if (o.personalData !== null) open.personalData = open.personalData === true || o.personalData;
      open.classes = [...new Set([...open.classes, ...o.classes])].sort();
      const persons = o.personsDeclared ?? o.personsHigh;
      if (persons !== null) open.maxPersons = Math.max(open.maxPersons ?? 0, persons);
      lastPublic = run;
    } else if (state === 'private' || state === 'absent') {
      if (open && lastPublic) open.resolved = { after: lastPublic.scannedAt, afterRun: lastPublic.id, by: run.scannedAt, byRun: run.id };
      open = null;
      lastNotPublic = run;
    }
  }
  const last = windows[windows.length - 1];
  return {
    resourceId: first.resourceId,
    name: first.name,
    account: first.account,
    firstSeenPublic: windows[0]?.firstSeenPublic ?? null,
    lastSeenPublic: last?.lastSeenPublic ?? null,
    resolvedAt: last?.resolved ?? null,
    status: !last ? 'never-public' : last.resolved ? 'resolved' : 'public',
    windows,
    runs: points,
  };
}
