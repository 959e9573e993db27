// Small structural validators for user-supplied JSON (snapshots, later the config file): each failure is a
// UsageError naming the exact path, e.g. `snapshot: buckets[3].Name must be a non-empty string`.
import type { z } from 'zod';
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
    expect(e.message === undefined || typeof e.message === 'string', `${where}[${i}].message`, 'must be a string');
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
const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** `where` followed by a zod path: `buckets[0].Acl` + ['Grants', 0] -> `buckets[0].Acl.Grants[0]`. */
function joinPath(where: string, path: readonly PropertyKey[]): string {
  let out = where;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `${out ? '.' : ''}${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return out || '(top level)';
}

function problemOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'invalid_union': {
      const kinds = [...new Set(issue.errors.flatMap((e) => e.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => EXPECTED[(i as { expected: string }).expected] ?? '')))].filter(Boolean);
      return kinds.length > 0 ? `must be ${kinds.join(' or ')}` : 'has the wrong shape';
    }
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** In a union (a TagSet array or an object), the problem of the branch that got furthest into the value. */
function deepest(issue: z.core.$ZodIssue | undefined): z.core.$ZodIssue | undefined {
  if (issue?.code !== 'invalid_union') return issue;
  const best = issue.errors
    .map((e) => e[0])
    .filter((i): i is z.core.$ZodIssue => i !== undefined && i.path.length > 0)
    .sort((a, b) => b.path.length - a.path.length)[0];
  return best ? deepest({ ...best, path: [...issue.path, ...best.path] } as z.core.$ZodIssue) : issue;
}

/** Validates `v` against a zod schema; the first problem is a UsageError `${source}: ${where}.field must be …`. */
export function expectShape<T>(schema: z.ZodType<T>, v: unknown, where: string, source = 'snapshot'): asserts v is T {
  const parsed = schema.safeParse(v);
  if (parsed.success) return;
  const issue = deepest(parsed.error.issues[0]);
  if (!issue) throw new UsageError(`${source}: ${where || '(top level)'} has the wrong shape`);
  throw new UsageError(`${source}: ${joinPath(where, issue.path)} ${problemOf(issue)}`);
}
