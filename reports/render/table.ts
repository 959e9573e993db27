// The console table for humans and CI logs, 80 columns wide: findings grouped by check (most severe first; with
// --details every finding on its own line), the resources most urgent first, the APPI assessment block (the verdict:
// reportable, categories, My Number Act, persons, 速報 window, 確報 date), then the totals and the most severe
// findings — the last lines, which stay on the screen. --severity chooses the severities shown. Short names only:
// the JSON report keeps the full ids.
import type { Severity } from '../../src/model.js';
import { SEVERITIES, severityRank } from '../../src/model.js';
import type { Report, ReportFinding } from './json.js';
import { BASELINE_LABEL, baselineLine, stillReportableLine } from './baseline-view.js';
import { publicSinceEntries, publicSinceLabel } from './public-since-view.js';
import { configWarningsOf, suppressedOf, suppressionLine } from './policy-view.js';
import { escapeControls, escapeLines } from '../../src/text/sanitize.js';
import { CONSOLE_WIDTH, displayWidth, hanging, pad, widest, wrap } from './columns.js';
import { assessmentBlock } from './assessment-block.js';
import { groupFindingsByCheck, nameList, type CheckGroup } from './findings-by-check.js';
import { accountLabel, accountOfFinding, displayName, findingSubject, resourceNamer } from './short-name.js';
import { groupBy } from '../../src/group-by.js';
import { openedByText } from '../../src/evidence/changes/text.js';
import { compareViews, errorMessage, resourceViews, type ResourceView } from './view.js';

export { displayWidth, pad, widest } from './columns.js';

import type { Lang } from '../../src/model.js';
export type { Lang };

export interface TableOptions {
  /** Every finding on its own line (resource, check, title) instead of one line per check. */
  details?: boolean;
  /** The severities shown (--severity); all when absent. The totals and the exit code still count every finding. */
  severities?: readonly Severity[];
}

export const HEADINGS: Record<Severity, { ja: string; en: string }> = {
  critical: { ja: '緊急', en: 'CRITICAL' },
  high: { ja: '高', en: 'HIGH' },
  medium: { ja: '中', en: 'MEDIUM' },
  low: { ja: '低', en: 'LOW' },
  info: { ja: '情報', en: 'INFO' },
};

/** The longest resource name before the columns after it are pushed right. */
const NAME_COLUMN = 32;
/** The narrowest title column of --details before the title moves to a line of its own. */
const MIN_TITLE_COLUMN = 30;
/** Checks named in the closing "most severe" lines. */
const MOST_SEVERE_SHOWN = 5;

const num = (n: number): string => n.toLocaleString('en-US');

/** `under`: lines a finding carries under its row (a resolved finding's exposure window and deadlines). */
function rows(findings: readonly ReportFinding[], subjectOf: (f: ReportFinding) => string, lang: Lang, mark?: 'resolved', under?: (f: ReportFinding) => string[]): string[] {
  const cells = findings.map((f) => [subjectOf(f), f.checkId, f.title[lang]]);
  const widths = [0, 1].map((i) => Math.min(48, widest(cells.map((c) => c[i] ?? ''))));
  // With --baseline, each row starts with its state: [new], [unchanged] (or [resolved] in the resolved list).
  const states = findings.map((f) => {
    const state = mark ?? f.baseline;
    return state ? `[${BASELINE_LABEL[state][lang]}]` : '';
  });
  const stateWidth = widest(states);
  // Titles repeat across rows: each is wrapped once per column width (100,000 rows stay fast).
  const wrapped = new Map<string, string[]>();
  const wrapOnce = (title: string, width: number): string[] => {
    const key = `${width}\u0000${title}`;
    let lines = wrapped.get(key);
    if (!lines) wrapped.set(key, (lines = wrap(title, width)));
    return lines;
  };
  const out: string[] = [];
  for (const [i, c] of cells.entries()) {
    const head = `  ${stateWidth ? `${pad(states[i] ?? '', stateWidth)}  ` : ''}${pad(c[0] ?? '', widths[0] ?? 0)}  ${pad(c[1] ?? '', widths[1] ?? 0)}  `;
    const headWidth = displayWidth(head);
    // The title under its column while that leaves room for it, else on lines of its own.
    const [indent, first] = CONSOLE_WIDTH - headWidth >= MIN_TITLE_COLUMN ? [headWidth, head] : [6, null];
    const lines = wrapOnce(c[2] ?? '', CONSOLE_WIDTH - indent);
    if (first === null) out.push(head.trimEnd());
    for (const [j, line] of lines.entries()) out.push((j === 0 && first !== null ? first : ' '.repeat(indent)) + line);
    const f = findings[i];
    if (under && f) for (const line of under(f)) out.push(line);
  }
  return out;
}

function detailLines(findings: readonly ReportFinding[], subjectOf: (f: ReportFinding) => string, lang: Lang): string[] {
  const out: string[] = [];
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push(`${HEADINGS[sev][lang]} (${num(group.length)})`);
    // One push per row: a spread of 100,000 rows overflows the stack.
    for (const row of rows(group, subjectOf, lang)) out.push(row);
    out.push('');
  }
  return out;
}

function groupTitle(g: CheckGroup, lang: Lang): string {
  if (g.newCount === 0) return g.title[lang];
  return lang === 'ja' ? `${g.title.ja}［新規 ${num(g.newCount)}］` : `${g.title.en} [${num(g.newCount)} new]`;
}

function affected(n: number, lang: Lang): string {
  return lang === 'ja' ? `${num(n)} 件` : `${num(n)} resource${n === 1 ? '' : 's'}`;
}

/** One line per check: severity, resources affected, title and check id (wrapped under the title when long). */
function groupedLines(groups: readonly CheckGroup[], findingCount: number, lang: Lang): string[] {
  const out = [lang === 'ja' ? `チェック別の指摘（${num(findingCount)} 件。--details で1件ずつ表示）` : `Findings by check (${num(findingCount)} findings; --details lists each one)`];
  const sevWidth = widest(groups.map((g) => HEADINGS[g.severity][lang]));
  const countWidth = widest(groups.map((g) => affected(g.subjects.length, lang)));
  for (const g of groups) {
    const head = `  ${pad(HEADINGS[g.severity][lang], sevWidth)}  ${pad(affected(g.subjects.length, lang), countWidth)}  `;
    out.push(...hanging(head, lang === 'ja' ? `${groupTitle(g, lang)}（${g.checkId}）` : `${groupTitle(g, lang)} (${g.checkId})`));
  }
  out.push('');
  return out;
}

function triCell(v: boolean | null, lang: Lang): string {
  if (v === null) return '?';
  return v ? (lang === 'ja' ? '可' : 'yes') : lang === 'ja' ? '不可' : 'no';
}

function dataCell(v: ResourceView, lang: Lang): string {
  const ja = lang === 'ja';
  if (v.personalData === true) return ja ? '個人データ' : 'personal data';
  if (v.personalData === false) return ja ? 'なし' : 'none found';
  return v.resource?.data === undefined ? '—' : ja ? '不明' : 'unknown';
}

function findingsCell(findings: readonly ReportFinding[], lang: Lang): string {
  if (findings.length === 0) return lang === 'ja' ? '指摘なし' : 'no findings';
  let worst: Severity = 'info';
  for (const f of findings) if (severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  return lang === 'ja' ? `指摘 ${num(findings.length)} 件（${HEADINGS[worst].ja}）` : `${num(findings.length)} finding${findings.length === 1 ? '' : 's'} (${HEADINGS[worst].en})`;
}

/**
 * The storage resources, most urgent first: exposure, personal data, the findings shown. Findings about a storage
 * account's own settings (Azure) are counted on a row of the account, not on its first container.
 */
function resourceLines(views: readonly ResourceView[], findings: readonly ReportFinding[], shown: (f: ReportFinding) => boolean, lang: Lang): string[] {
  const ja = lang === 'ja';
  const storage = views.filter((v) => v.resource !== null);
  const out = hanging(
    '',
    ja
      ? 'リソース（緊急度順）: 誰でも 読取/一覧/書込（? は確認できず）、個人データ、指摘（最も重いもの）'
      : 'Resources, most urgent first: anyone can read/list/write (? = not verified), personal data, findings (worst)',
  );
  const ownFindings = (v: ResourceView): ReportFinding[] => v.findings.filter((f) => shown(f) && accountOfFinding(f) === null);
  const accounts = groupBy(
    findings.filter((f) => accountOfFinding(f) !== null),
    (f) => accountOfFinding(f) ?? '',
  );
  const cells: string[][] = [
    ...storage.map((v) => {
      const errors = v.resource?.errors.length ?? 0;
      const failed = errors ? (ja ? `エラー ${num(errors)} 件` : `${num(errors)} error${errors === 1 ? '' : 's'}`) : '';
      const exposure = `${triCell(v.resource?.exposure.read ?? null, lang)}/${triCell(v.resource?.exposure.list ?? null, lang)}/${triCell(v.resource?.exposure.write ?? null, lang)}`;
      return [escapeControls(v.resource ? displayName(v.resource) : v.name), exposure, dataCell(v, lang), findingsCell(ownFindings(v), lang), failed];
    }),
    ...[...accounts].map(([account, list]) => [escapeControls(accountLabel(account, lang)), '', '', findingsCell(list, lang)]),
  ];
  const widths = [Math.min(NAME_COLUMN, widest(cells.map((c) => c[0] ?? ''))), widest(cells.map((c) => c[1] ?? '')), widest(cells.map((c) => c[2] ?? ''))];
  for (const [i, c] of cells.entries()) {
    append(out, lastCell(`  ${pad(c[0] ?? '', widths[0] ?? 0)}  ${pad(c[1] ?? '', widths[1] ?? 0)}  ${pad(c[2] ?? '', widths[2] ?? 0)}  `, c[3] ?? '', c[4] ?? '', lang));
    // --evidence changes: who opened the resource, and when, under its row (storage rows come first in `cells`).
    const opened = storage[i]?.resource?.openedBy;
    if (opened) append(out, hanging('    ', escapeControls(openedByText(opened)[lang]), CONSOLE_WIDTH));
  }
  if (cells.length === 0) out.push(ja ? '  （なし）' : '  (none)');
  out.push('');
  return out;
}

/**
 * The findings cell after the padded columns, then the errors: on the same line when it fits 80 columns, else the
 * errors on a line of their own under the findings (never split inside "エラー 2 件").
 */
function lastCell(columns: string, findings: string, errors: string, lang: Lang): string[] {
  if (!errors) return hanging(columns, findings, CONSOLE_WIDTH);
  const sep = lang === 'ja' ? '、' : '; ';
  const whole = `${findings}${sep}${errors}`;
  if (displayWidth(columns) + displayWidth(whole) <= CONSOLE_WIDTH) return [columns + whole];
  return [...hanging(columns, findings + sep.trimEnd(), CONSOLE_WIDTH), ...hanging(' '.repeat(displayWidth(columns)), errors, CONSOLE_WIDTH)];
}

/** The closing lines that stay on the screen: the checks of the most severe level shown (critical, else high). */
function mostSevereLines(groups: readonly CheckGroup[], lang: Lang): string[] {
  const level = (['critical', 'high'] as const).find((s) => groups.some((g) => g.severity === s));
  if (!level) return [];
  const top = groups.filter((g) => g.severity === level);
  const out: string[] = [];
  for (const g of top.slice(0, MOST_SEVERE_SHOWN)) {
    const text = lang === 'ja' ? `${g.title.ja}（${g.checkId}）: ${nameList(g.subjects, 'ja')}` : `${g.title.en} (${g.checkId}): ${nameList(g.subjects, 'en')}`;
    out.push(...hanging(`${HEADINGS[level][lang]}  `, text, CONSOLE_WIDTH));
  }
  const more = top.length - MOST_SEVERE_SHOWN;
  if (more > 0) out.push(lang === 'ja' ? `  ほか ${num(more)} 種類のチェック` : `  and ${num(more)} more checks`);
  return out;
}

function totalsLine(report: Report, lang: Lang): string {
  const s = report.summary;
  const counts = SEVERITIES.map((sev) => `${HEADINGS[sev][lang]} ${num(s.findings[sev])}`).join(lang === 'ja' ? '、' : ', ');
  return lang === 'ja'
    ? `合計: リソース ${num(s.resources)}、公開読取 ${num(s.exposed.read)}、公開一覧 ${num(s.exposed.list)}、公開書込 ${num(s.exposed.write)}。指摘: ${counts}。`
    : `Total: ${num(s.resources)} resources, ${num(s.exposed.read)} publicly readable, ${num(s.exposed.list)} publicly listable, ${num(s.exposed.write)} publicly writable. Findings: ${counts}.`;
}

function filterLine(severities: readonly Severity[], hidden: number, lang: Lang): string {
  const list = severities.map((s) => HEADINGS[s][lang]).join(lang === 'ja' ? '・' : ', ');
  return lang === 'ja'
    ? `表示している重要度: ${list}（--severity）。ほかの重要度の指摘 ${num(hidden)} 件は表示していません（合計と終了コードには含みます）。`
    : `Severities shown: ${list} (--severity); ${num(hidden)} findings of other severities are not listed (the totals and the exit code count them).`;
}

/** Appends line by line: a spread of 100,000 lines overflows the stack. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

export function renderTable(report: Report, lang: Lang = 'en', opts: TableOptions = {}): string {
  const out: string[] = [];
  const ja = lang === 'ja';
  const nameOf = resourceNamer(report.resources);
  const subjectOf = (f: ReportFinding): string => escapeControls(findingSubject(f, nameOf, lang));
  const severities = opts.severities;
  const shown = (f: ReportFinding): boolean => severities === undefined || severities.includes(f.severity);
  const findings = report.findings.filter(shown);
  const groups = groupFindingsByCheck(findings, subjectOf);
  out.push(`kumoscan ${report.tool.version} — ${report.scope.provider} ${report.scope.accounts.join(', ')} (${report.scope.source === 'snapshot' ? (ja ? 'スナップショット' : 'snapshot') : ja ? 'ライブスキャン' : 'live scan'})`);
  out.push('');
  if (report.findings.length === 0) out.push(ja ? '指摘事項はありません。' : 'No findings.', '');
  else if (findings.length === 0) out.push(ja ? '表示する重要度の指摘はありません。' : 'No findings at the severities shown.', '');
  else append(out, opts.details ? detailLines(findings, subjectOf, lang) : groupedLines(groups, findings.length, lang));
  if (severities !== undefined && findings.length < report.findings.length) out.push(...hanging('', filterLine(severities, report.findings.length - findings.length, lang)), '');
  const resolved = (report.resolved ?? []).filter(shown);
  if (resolved.length > 0) {
    out.push(ja ? `ベースラインから解消 (${num(resolved.length)})` : `Resolved since the baseline (${num(resolved.length)})`);
    // Resolved, still reportable: per finding, its exposure window and deadlines under its row.
    const still = (f: ReportFinding): string[] => (f.stillReportable ? hanging('    ', stillReportableLine(f.stillReportable)[lang]) : []);
    for (const row of rows(resolved, subjectOf, lang, 'resolved', still)) out.push(row);
    out.push('');
  }
  const since = publicSinceEntries([report]);
  if (since.length > 0) {
    out.push(`${publicSinceLabel(since.map((e) => e.since))[lang]} (${num(since.length)})`);
    for (const e of since) out.push(...hanging('  ', `${escapeControls(e.name)}: ${e.line[lang]}`));
    out.push('');
  }
  const suppressed = suppressedOf([report]).filter((x) => shown(x.finding));
  if (suppressed.length > 0) {
    out.push(ja ? `抑制 (${num(suppressed.length)})` : `SUPPRESSED (${num(suppressed.length)})`);
    for (const x of suppressed) out.push(`  ${subjectOf(x.finding)}  ${x.finding.checkId}  ${suppressionLine(x, lang)}`);
    out.push('');
  }
  const warnings = configWarningsOf([report]);
  if (warnings.length > 0) {
    out.push(ja ? '設定の警告:' : 'Configuration warnings:');
    for (const w of warnings) out.push(`  ${w.message[lang]}`);
    out.push('');
  }
  // Storage resources only (the table and the assessment block show no others): 100,000 IAM subjects are not sorted.
  const views = resourceViews(report).filter((v) => v.resource !== null).sort(compareViews);
  append(out, resourceLines(views, findings, shown, lang));
  append(out, assessmentBlock([report], lang, views));
  out.push('');
  out.push(...hanging('', totalsLine(report, lang)));
  const s = report.summary;
  if (s.baseline) out.push(...hanging('', baselineLine(s.baseline)[lang]));
  out.push(...mostSevereLines(groups, lang));
  if (!s.complete) {
    out.push(
      ...hanging(
        '',
        ja ? `スキャン不完全: ${num(s.errors)} 件の呼び出しが失敗しました（検証できなかった項目は「検証不可」として報告）。` : `Scan incomplete: ${num(s.errors)} calls failed (what could not be verified is reported as such).`,
      ),
    );
    for (const e of report.errors.slice(0, 10)) out.push(...hanging('  ', `${escapeControls(nameOf(e.scope))}: ${e.call} ${e.code} — ${escapeControls(errorMessage(e)[lang])}`));
    if (report.errors.length > 10) out.push(ja ? `  ほか ${num(report.errors.length - 10)} 件` : `  … ${num(report.errors.length - 10)} more`);
  }
  out.push(report.assessment.notLegalAdvice[lang]);
  // Every line sanitized once more at the end: a name, code or message from the cloud cannot forge a line.
  return escapeLines(out).join('\n') + '\n';
}
