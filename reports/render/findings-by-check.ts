// Findings grouped by check for the console table: one group per check and severity, with the resources (or
// storage accounts) it affects — 340 finding lines of 42 buckets become one line per check. Pure.
import { severityRank, type I18n, type Lang, type Severity } from '../../src/model.js';
import type { ReportFinding } from './json.js';

export interface CheckGroup {
  checkId: string;
  severity: Severity;
  title: I18n;
  /** The distinct subjects (short resource or account names), in the findings' order. */
  subjects: string[];
  findings: ReportFinding[];
  /** With --baseline: the findings of the group that are new. */
  newCount: number;
}

/** Most severe first, then the check affecting most subjects, then by check id. */
export function groupFindingsByCheck(findings: readonly ReportFinding[], subjectOf: (f: ReportFinding) => string): CheckGroup[] {
  const groups = new Map<string, CheckGroup & { seen: Set<string> }>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.checkId}`;
    let g = groups.get(key);
    if (!g) {
      g = { checkId: f.checkId, severity: f.severity, title: f.title, subjects: [], findings: [], newCount: 0, seen: new Set() };
      groups.set(key, g);
    }
    const subject = subjectOf(f);
    if (!g.seen.has(subject)) {
      g.seen.add(subject);
      g.subjects.push(subject);
    }
    g.findings.push(f);
    if (f.baseline === 'new') g.newCount++;
  }
  return [...groups.values()]
    .map(({ seen: _seen, ...g }) => g)
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.subjects.length - a.subjects.length || (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
}

/** "a, b, c and 4 more" (ja: "a、b、c ほか 4 件"): at most `max` names. */
export function nameList(names: readonly string[], lang: Lang, max = 3): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  if (lang === 'ja') return shown.join('、') + (more > 0 ? ` ほか ${more.toLocaleString('en-US')} 件` : '');
  return shown.join(', ') + (more > 0 ? ` and ${more.toLocaleString('en-US')} more` : '');
}
