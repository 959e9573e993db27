// The JSON report as written and read (schema 1.4.0 and later; 1.5.0's `history` is written as it is): each check's
// texts — title, description, duties with their names, remediation per provider — once, in the top-level `checks`,
// keyed by check id; a finding keeps its check id and what is its own (detail, evidence, severity …). A finding
// whose texts differ from its check's entry (a merged or baseline report of another version) keeps them inline. In memory (the Report type) every finding has
// its texts, shared with the other findings of its check; reading a report back restores them from `checks`.
import { ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS } from '../../checks/index.js';
import type { I18n, Provider } from '../../src/model.js';
import { UsageError } from '../../src/errors.js';
import { lazyJsonArray } from './json-stream.js';
import type { DutyName, Report, ReportFinding } from './json.js';

export interface CheckTexts {
  title: I18n;
  /** What the check looks for (checks of this kumoscan; absent for a check it does not know). */
  description?: I18n;
  duties: readonly DutyName[];
  /** The remediation of each provider the report has findings of. */
  remediation: Partial<Record<Provider, I18n>>;
}

export type CheckDictionary = Record<string, CheckTexts>;

let descriptions: Map<string, I18n> | undefined;

function descriptionOf(checkId: string): I18n | undefined {
  descriptions ??= new Map([...CHECKS, ...ACCOUNT_CHECKS, ...POLICY_CHECKS].map((c) => [c.id, c.description]));
  return descriptions.get(checkId);
}

/** Every finding of a report: current, suppressed and (with --baseline) resolved. */
function* allFindings(report: Report): Generator<ReportFinding> {
  yield* report.findings;
  for (const s of report.suppressed ?? []) yield s.finding;
  yield* report.resolved ?? [];
}

/** The texts of every check the report's findings come from, taken from the first finding of each check. */
export function checkDictionary(report: Report): CheckDictionary {
  const dict: CheckDictionary = {};
  for (const f of allFindings(report)) {
    let entry = dict[f.checkId];
    if (!entry) {
      const description = descriptionOf(f.checkId);
      entry = { title: f.title, ...(description ? { description } : {}), duties: f.duties, remediation: {} };
      dict[f.checkId] = entry;
    }
    entry.remediation[f.provider] ??= f.remediation;
  }
  return dict;
}

function sameTexts(a: object, b: object | undefined): boolean {
  return a === b || (b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

function sameDuties(a: readonly DutyName[], b: readonly DutyName[]): boolean {
  return a === b || (a.length === b.length && a.every((d, i) => d.id === b[i]?.id && d.ja === b[i]?.ja && d.en === b[i]?.en));
}

/** A finding as the JSON report writes it: its check's texts left to `checks` when they are the same. */
export function compactFinding(f: ReportFinding, dict: CheckDictionary): Record<string, unknown> {
  const { title, duties, remediation, ...own } = f;
  const entry = dict[f.checkId];
  return {
    ...own,
    ...(entry && sameTexts(title, entry.title) ? {} : { title }),
    ...(entry && sameDuties(duties, entry.duties) ? {} : { duties }),
    ...(entry && sameTexts(remediation, entry.remediation[f.provider]) ? {} : { remediation }),
  };
}

/**
 * The value the JSON report writes: the report with `checks` before `findings`, and every finding compacted as
 * it is written (reports/render/json-stream.ts maps the arrays piece by piece; no copy of them is held).
 */
export function reportDocument(report: Report): Record<string, unknown> {
  const dict = checkDictionary(report);
  const compact = (f: ReportFinding): Record<string, unknown> => compactFinding(f, dict);
  const doc: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'findings') {
      doc.checks = dict;
      doc.findings = lazyJsonArray(report.findings, compact);
    } else if (key === 'resolved' && report.resolved) doc.resolved = lazyJsonArray(report.resolved, compact);
    else if (key === 'suppressed' && report.suppressed) doc.suppressed = lazyJsonArray(report.suppressed, (s) => ({ ...s, finding: compact(s.finding) }));
    else doc[key] = value;
  }
  return doc;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A parsed 1.4.0 report with each finding's texts restored from `checks` (shared, not copied); a finding whose
 * check has no entry and no texts of its own is a UsageError naming it. Reports before 1.4.0 carry the texts inline.
 */
export function restoreCheckTexts(doc: Record<string, unknown>, source: string): void {
  const dict = isObj(doc.checks) ? (doc.checks as CheckDictionary) : {};
  const restore = (f: unknown, where: string): void => {
    if (!isObj(f)) return;
    const entry = dict[String(f.checkId)];
    const provider = String(f.provider) as Provider;
    f.title ??= entry?.title;
    f.duties ??= entry?.duties;
    f.remediation ??= entry?.remediation[provider];
    const missing = ['title', 'duties', 'remediation'].filter((k) => f[k] === undefined);
    if (missing.length > 0) throw new UsageError(`${source}: ${where} (check "${String(f.checkId)}") has no ${missing.join(', ')} and checks["${String(f.checkId)}"] gives none for provider "${provider}"`);
  };
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  list(doc.findings).forEach((f, i) => restore(f, `findings[${i}]`));
  list(doc.resolved).forEach((f, i) => restore(f, `resolved[${i}]`));
  list(doc.suppressed).forEach((s, i) => restore(isObj(s) ? s.finding : undefined, `suppressed[${i}].finding`));
  delete doc.checks;
}
