// What every renderer shows of the configuration's policy (report 1.3.0): the suppressed findings and the
// configuration warnings, read defensively (a report of an older kumoscan has neither). Pure.
import type { I18n, Lang } from '../../src/model.js';
import type { ConfigWarning, SuppressedFinding } from '../policy/types.js';
import type { Report } from './json.js';

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isI18n(v: unknown): v is I18n {
  return isObj(v) && typeof v.ja === 'string' && typeof v.en === 'string';
}

function isSuppressed(v: unknown): v is SuppressedFinding {
  return isObj(v) && isObj(v.finding) && typeof v.finding.checkId === 'string' && typeof v.finding.resourceId === 'string' && typeof v.reason === 'string' && typeof v.expires === 'string';
}

function isWarning(v: unknown): v is ConfigWarning {
  return isObj(v) && typeof v.field === 'string' && isI18n(v.message);
}

/** The suppressed findings of the reports (with the report each comes from). */
export function suppressedOf(reports: readonly Report[]): (SuppressedFinding & { report: Report })[] {
  return reports.flatMap((report) => {
    const list: unknown = (report as { suppressed?: unknown }).suppressed;
    return Array.isArray(list) ? list.filter(isSuppressed).map((s) => ({ ...s, report })) : [];
  });
}

export function configWarningsOf(reports: readonly Report[]): ConfigWarning[] {
  return reports.flatMap((report) => {
    const list: unknown = (report as { configWarnings?: unknown }).configWarnings;
    return Array.isArray(list) ? list.filter(isWarning) : [];
  });
}

/** `until 2027-03-31: reason` in the language asked. */
export function suppressionLine(s: Pick<SuppressedFinding, 'reason' | 'expires'>, lang: Lang): string {
  return lang === 'ja' ? `${s.expires} まで抑制: ${s.reason}` : `suppressed until ${s.expires}: ${s.reason}`;
}
