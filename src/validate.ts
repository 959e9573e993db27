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

/**
 * Each name at most once: a second bucket / container of the same name would give two resources one id (and
 * findings the same id), and which of the two entries is the real configuration cannot be known. Throws naming
 * both places: `snapshot: buckets[3].Name "hr-data" repeats buckets[0].Name (each bucket may appear once)`.
 */
export function expectUniqueNames(entries: readonly { name: unknown; where: string }[], what: string): void {
  const first = new Map<string, string>();
  for (const { name, where } of entries) {
    if (typeof name !== 'string') continue;
    const seen = first.get(name);
    expect(seen === undefined, where, `${JSON.stringify(name)} repeats ${seen ?? ''} (${what})`);
    first.set(name, where);
  }
}
