// Small structural validators for user-supplied JSON (snapshots, later the config file): each failure is a
// UsageError naming the exact path, e.g. `snapshot: buckets[3].Name must be a non-empty string`.
import { UsageError } from './errors.js';

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Throws `${source}: ${where} ${what}` unless cond holds. */
export function expect(cond: boolean, where: string, what: string, source = 'snapshot'): asserts cond {
  if (!cond) throw new UsageError(`${source}: ${where} ${what}`);
}

/** An optional array of {call, code, message} recorded errors. */
export function validateErrors(v: unknown, where: string): void {
  if (v === undefined) return;
  expect(Array.isArray(v), where, 'must be an array of {call, code, message}');
  v.forEach((e, i) => {
    expect(isObject(e) && typeof e.call === 'string' && typeof e.code === 'string', `${where}[${i}]`, 'must be {call, code, message} with string call and code');
  });
}
