// Time limits of remote calls: every call of a scan (SDK request, REST GET, object read) ends within the call
// timeout (--call-timeout), and none starts once the scan's deadline (--scan-timeout) has passed. A call that runs
// out of time fails with a recognisable error (code Timeout / ScanTimeout), which the providers record beside the
// call like any other failure: the verdicts depending on it are null and the scan goes on.

/** Per call, connection and answer together (30 s): generous for a healthy endpoint, short for a stalled one. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/** The error codes recorded for a call that ran out of time, and for work not started after the scan deadline. */
export const TIMEOUT_CODE = 'Timeout';
export const SCAN_TIMEOUT_CODE = 'ScanTimeout';

export interface CallLimits {
  /** Milliseconds one call may take, retries included. */
  callTimeoutMs: number;
  /** Aborted when the scan's deadline passes: calls in flight end, no new call starts. */
  deadline?: AbortSignal;
}

/** The key under which scan() hands the limits to the providers, beside their flags. */
export const CALL_LIMITS_FLAG = 'callLimits';

/** A call that did not answer within the call timeout. */
export class CallTimeoutError extends Error {
  override readonly name = TIMEOUT_CODE;
  readonly code = TIMEOUT_CODE;
  constructor(ms: number) {
    super(`no answer within ${formatDuration(ms)} (--call-timeout)`);
  }
}

/** A call cut, or not started, because the scan's deadline passed. */
export class ScanDeadlineError extends Error {
  override readonly name = SCAN_TIMEOUT_CODE;
  readonly code = SCAN_TIMEOUT_CODE;
  constructor() {
    super('not done: the scan deadline (--scan-timeout) passed');
  }
}

/** The limits scan() put into the provider flags, else the default call timeout and no deadline. */
export function callLimitsOf(flags: Readonly<Record<string, unknown>> | undefined): CallLimits {
  const v = flags?.[CALL_LIMITS_FLAG] as Partial<CallLimits> | undefined;
  const ms = v?.callTimeoutMs;
  return {
    callTimeoutMs: typeof ms === 'number' && ms > 0 ? ms : DEFAULT_CALL_TIMEOUT_MS,
    ...(v?.deadline instanceof AbortSignal ? { deadline: v.deadline } : {}),
  };
}

/** Whether the scan's deadline has passed (stop starting new work). */
export function pastDeadline(limits: CallLimits | undefined): boolean {
  return limits?.deadline?.aborted === true;
}

/**
 * Runs one remote call within the limits: `fn` gets a signal to hand to the SDK (so the request is really
 * cancelled), and the promise is raced against it as well, so a library that ignores the signal cannot hold the
 * scan. Throws CallTimeoutError / ScanDeadlineError; any other error of `fn` passes through unchanged.
 */
export async function within<T>(limits: CallLimits | undefined, fn: (signal: AbortSignal) => Promise<T>, outer?: AbortSignal): Promise<T> {
  const deadline = limits?.deadline;
  if (deadline?.aborted) throw new ScanDeadlineError();
  const ms = limits?.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const timer = new AbortController();
  const signals = [timer.signal, ...(deadline ? [deadline] : []), ...(outer ? [outer] : [])];
  const signal = signals.length === 1 ? timer.signal : AbortSignal.any(signals);
  let stop: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = () => reject(timer.signal.aborted ? new CallTimeoutError(ms) : deadline?.aborted ? new ScanDeadlineError() : (outer?.reason ?? new Error('aborted')));
  });
  // The race's loser must not become an unhandled rejection.
  stopped.catch(() => undefined);
  const timeout = setTimeout(() => timer.abort(), ms);
  signal.addEventListener('abort', () => stop?.(), { once: true });
  try {
    return await Promise.race([fn(signal), stopped]);
  } catch (err) {
    if (timer.signal.aborted) throw new CallTimeoutError(ms);
    if (deadline?.aborted) throw new ScanDeadlineError();
    throw err;
  } finally {
    clearTimeout(timeout);
  }
}

/** 500ms, 30s, 10m, 2h, 1m30s or a plain number of seconds -> milliseconds (one parser for flags and the config file). */
export { parseDuration } from './config/duration.js';

/** 30000 -> "30s", 600000 -> "10m", 1500 -> "1500ms". */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The scan's deadline: a signal aborted after `ms` (none when undefined); the timer never keeps the process alive. */
export function scanDeadline(ms: number | undefined): { signal?: AbortSignal; clear(): void } {
  if (ms === undefined) return { clear: () => undefined };
  const controller = new AbortController();
  const t = setTimeout(() => controller.abort(new ScanDeadlineError()), ms);
  t.unref();
  return { signal: controller.signal, clear: () => clearTimeout(t) };
}
