// Reads kumoscan.yml: `--config FILE`, else ./kumoscan.yml or ./kumoscan.yaml when present. A bad file is one line
// naming the file, the field and the problem (UsageError -> exit 2), e.g.
//   kumoscan.yml: suppressions[0].expires: must be a date YYYY-MM-DD
//   kumoscan.yml: line 4, column 1: YAML syntax error: Flow sequence in block collection must …
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { MAX_NESTING, tooDeep } from '../io/json-depth.js';
import { MiB, readRegularFile } from '../io/read-file.js';
import { configSchema, type Config } from './schema.js';
import { locateConfig } from './locate.js';

export interface LoadedConfig {
  /** The file as the user named it (or the default name found). */
  file: string;
  config: Config;
}

/** `suppressions[0].expires`, `severity.public-read`, `aws.regoin`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(top level)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true/false';
  return typeof v;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

type Issue = z.core.$ZodIssue;

/** Field path and problem of one zod issue, in the words of a configuration file. */
export function describeIssue(issue: Issue, raw: unknown): { path: PropertyKey[]; problem: string } {
  const path = [...issue.path];
  const value = valueAt(raw, path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { path: [...path, key], problem: 'unknown key (check the spelling; see docs/configuration.md)' };
  }
  if (value === undefined && issue.code !== 'custom') return { path, problem: 'is required' };
  // A message of the schema (they start in lower case: "must …", "unknown …") says it best.
  if (/^[a-z]/.test(issue.message)) return { path, problem: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { path, problem: `must be ${EXPECTED[issue.expected] ?? issue.expected} (got ${kindOf(value)})` };
    case 'invalid_value':
      return { path, problem: `must be one of: ${issue.values.map(String).join(', ')}` };
    case 'invalid_union': {
      // A list or a single value: say what the value should have been.
      const deeper = issue.errors.flat().find((i) => i.code !== 'invalid_type');
      if (deeper && typeof value === (Array.isArray(value) ? 'object' : 'string')) return describeIssue({ ...deeper, path: [...path, ...deeper.path] } as Issue, raw);
      return { path, problem: `must be a string or a list of strings (got ${kindOf(value)})` };
    }
    default:
      return { path, problem: issue.message };
  }
}

/** The largest configuration file read (checked from its stat, before reading). */
export const MAX_CONFIG_BYTES = MiB;

/** The most YAML alias expansions accepted: a "billion laughs" file is refused instead of expanded. */
export const MAX_ALIAS_COUNT = 100;

function yamlToJs(text: string, file: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    // The parser recurses: a file nested thousands of levels deep overflows its stack.
    if (err instanceof RangeError) throw new UsageError(`${file}: the YAML is nested too deeply (at most ${MAX_NESTING} levels)`);
    throw err;
  }
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const said = error.message.split(/ at line \d+, column \d+/)[0]?.trim() ?? error.code;
    // The parser recurses: a value nested thousands of levels deep overflows its stack.
    const message = /call stack/i.test(said) ? `nested too deeply (at most ${MAX_NESTING} levels)` : said;
    throw new UsageError(`${file}: ${at ? `line ${at.line}, column ${at.col}: ` : ''}YAML syntax error: ${message}`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws a ReferenceError for an alias expanded too often ("resource exhaustion"), or for an alias to
    // an anchor it cannot resolve; a RangeError when the value nests too deeply.
    if (err instanceof ReferenceError) throw new UsageError(`${file}: YAML aliases: ${/Excessive alias count/i.test(err.message) ? `expanded more than ${MAX_ALIAS_COUNT} times (an alias bomb?); write the values out` : err.message.split('\n')[0]}`);
    if (err instanceof RangeError) throw new UsageError(`${file}: the YAML is nested too deeply (at most ${MAX_NESTING} levels)`);
    throw err;
  }
}

/** Parses and validates configuration text; `file` names it in errors. */
export function parseConfig(text: string, file: string): Config {
  const raw = yamlToJs(text, file);
  if (raw === null || raw === undefined) throw new UsageError(`${file}: the file is empty (it needs at least "version: 1")`);
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${file}: (top level): must be a mapping of keys (got ${kindOf(raw)})`);
  const deep = tooDeep(raw);
  if (deep !== undefined) throw new UsageError(`${file}: ${deep}: nested more than ${MAX_NESTING} levels deep`);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    if (!first) throw new UsageError(`${file}: invalid configuration`);
    const { path, problem } = describeIssue(first, raw);
    throw new UsageError(`${file}: ${fieldPath(path)}: ${problem}`);
  }
  return parsed.data;
}

/** Reads and validates a configuration file. */
export function loadConfigFile(file: string, label: string = file): Config {
  const buf = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, error: (reason) => `${label}: cannot read the configuration file (${reason})` });
  return parseConfig(buf.toString('utf8'), label);
}

/** `--config FILE` when given, else ./kumoscan.yml or ./kumoscan.yaml in `cwd`; undefined when there is none. */
export function findConfig(explicit: string | undefined, cwd: string = process.cwd()): LoadedConfig | undefined {
  const found = locateConfig(explicit, cwd);
  return found && { file: found.file, config: loadConfigFile(found.path, found.file) };
}
