// A concurrency limit that adapts to throttling: at most `limit` tasks run at once; a throttling answer halves the
// limit (at most once per cool-down, so one burst of 503s counts once), and every `limit` tasks that started and
// finished after the last change raise it by one again, up to the configured maximum (additive increase, multiplicative decrease).
// Tasks are never dropped: they wait in order until a slot is free.

export interface AdaptiveLimiter {
  /** Runs the task when a slot is free. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** A throttling answer was seen (SlowDown, Throttling, 503 …): back off. */
  throttled(): void;
  /** The current limit. */
  readonly limit: number;
  /** The lowest limit reached so far, and how many times it was cut (for logs and tests). */
  readonly lowest: number;
  readonly cuts: number;
}

export interface AdaptiveLimiterOptions {
  /** Never below this (default 1). */
  min?: number;
  /** A second throttling answer within this many ms of a cut does not cut again (default 1000). */
  coolDownMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

export function adaptiveLimiter(max: number, opts: AdaptiveLimiterOptions = {}): AdaptiveLimiter {
  const top = Math.max(1, Math.floor(max));
  const min = Math.min(top, Math.max(1, opts.min ?? 1));
  const coolDownMs = opts.coolDownMs ?? 1000;
  const now = opts.now ?? Date.now;
  const state = { limit: top, lowest: top, cuts: 0, active: 0, finishedSinceChange: 0, lastCut: -Infinity, epoch: 0 };
  /** Each waiting task learns the epoch (number of limit changes) it started in. */
  const waiting: ((epoch: number) => void)[] = [];

  const startWaiting = (): void => {
    while (state.active < state.limit && waiting.length > 0) {
      state.active++;
      waiting.shift()?.(state.epoch);
    }
  };
  const finished = (startedIn: number): void => {
    state.active--;
    // Tasks already in flight at the last change say nothing about the new limit.
    if (startedIn === state.epoch && state.limit < top && ++state.finishedSinceChange >= state.limit) {
      state.limit++;
      state.finishedSinceChange = 0;
      state.epoch++;
    }
    startWaiting();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<number>((resolve) => {
        waiting.push(resolve);
        startWaiting();
      }).then((epoch) => task().finally(() => finished(epoch)));
    },
    throttled(): void {
      const t = now();
      if (t - state.lastCut < coolDownMs) return;
      state.lastCut = t;
      state.limit = Math.max(min, Math.floor(state.limit / 2));
      state.lowest = Math.min(state.lowest, state.limit);
      state.finishedSinceChange = 0;
      state.epoch++;
      state.cuts++;
    },
    get limit() {
      return state.limit;
    },
    get lowest() {
      return state.lowest;
    },
    get cuts() {
      return state.cuts;
    },
  };
}
