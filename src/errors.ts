// Errors that end a run with a clear message and an exit code instead of a stack trace.

export const EXIT = {
  /** No finding at or above --fail-on. */
  OK: 0,
  /** Findings at or above --fail-on. */
  FINDINGS: 1,
  /** Usage or configuration error (bad flag, unreadable or malformed input). */
  USAGE: 2,
  /** Scan incomplete: some calls failed (recorded in the report). */
  INCOMPLETE: 3,
} as const;

/** A problem with what the user gave us: flags, files, configuration. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
