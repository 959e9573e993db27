// `kumoscan diff A.json B.json`: what changed from report A (before) to report B (after): findings new in B, resolved
// since A, unchanged, and unchanged findings whose severity changed. Pure; the coverage rule of "resolved" is the
// one of --baseline (reports/baseline.ts): a finding of A on something B did not cover is "not covered".
import { assessmentBlock } from './render/assessment-block.js';
import { hanging } from './render/columns.js';
import { shortId } from './render/short-name.js';
import { severityRank, type Severity } from '../src/model.js';
import { compareWithBaseline } from './baseline.js';
import type { Report, ReportFinding } from './render/json.js';
import { pad, widest, type Lang } from './render/table.js';
import { mdCode, mdText, stillReportableList } from './render/md.js';
import { STILL_REPORTABLE_LABEL, stillReportableLine } from './render/baseline-view.js';
import { formatLocalTime } from '../src/text/local-time.js';
import { SEVERITY_LABEL } from './render/view.js';
import { escapeLines } from '../src/text/sanitize.js';

export interface DiffSide {
  file: string;
  scannedAt: string;
  accounts: string[];
  shard?: { index: number; count: number };
}

export interface SeverityChange {
  id: string;
  checkId: string;
  resourceId: string;
  from: Severity;
  to: Severity;
  title: { ja: string; en: string };
}

export interface ReportDiff {
  kind: 'kumoscan-diff';
  tool: { name: 'kumoscan'; version: string };
  provider: string;
  from: DiffSide;
  to: DiffSide;
  /** stillReportable (1.4.0): of the resolved findings, those that carry `stillReportable` (reports/still-reportable.ts). */
  summary: { new: number; resolved: number; unchanged: number; notCovered: number; severityChanged: number; stillReportable: number };
  new: ReportFinding[];
  resolved: ReportFinding[];
  unchanged: ReportFinding[];
  /** Findings of A gone from B on resources or accounts B did not cover: neither resolved nor current. */
  notCovered: ReportFinding[];
  severityChanged: SeverityChange[];
}

function side(r: Report, file: string): DiffSide {
  return { file, scannedAt: r.scannedAt, accounts: r.scope.accounts, ...(r.scope.shard ? { shard: r.scope.shard } : {}) };
}

function plain(f: ReportFinding): ReportFinding {
  const { baseline: _state, ...rest } = f;
  return rest;
}

/** Pure: A (before) -> B (after). A report of another provider is a UsageError. */
export function diffReports(a: Report, b: Report, names: { a: string; b: string } = { a: 'A', b: 'B' }): ReportDiff {
  const c = compareWithBaseline(b, a, names.a);
  const before = new Map(a.findings.map((f) => [f.id, f]));
  const severityChanged: SeverityChange[] = [];
  for (const f of c.unchanged) {
    const old = before.get(f.id);
    if (old && old.severity !== f.severity) severityChanged.push({ id: f.id, checkId: f.checkId, resourceId: f.resourceId, from: old.severity, to: f.severity, title: f.title });
  }
  return {
    kind: 'kumoscan-diff',
    tool: { name: 'kumoscan', version: b.tool.version },
    provider: b.scope.provider,
    from: side(a, names.a),
    to: side(b, names.b),
    summary: {
      new: c.added.length,
      resolved: c.resolved.length,
      unchanged: c.unchanged.length,
      notCovered: c.notCovered.length,
      severityChanged: severityChanged.length,
      stillReportable: c.resolved.filter((f) => f.stillReportable !== undefined).length,
    },
    new: c.added.map(plain),
    resolved: c.resolved,
    unchanged: c.unchanged.map(plain),
    notCovered: c.notCovered,
    severityChanged,
  };
}

/** New findings at or above the threshold (what makes `kumoscan diff` exit 1). */
export function newAtOrAbove(diff: ReportDiff, failOn: Severity | 'none'): ReportFinding[] {
  if (failOn === 'none') return [];
  return diff.new.filter((f) => severityRank(f.severity) >= severityRank(failOn));
}

export function renderDiffJson(diff: ReportDiff): string {
  return JSON.stringify(diff, null, 2) + '\n';
}

function L(lang: Lang, ja: string, en: string): string {
  return lang === 'ja' ? ja : en;
}

/**
 * One line per finding (resources by their short name: bucket, account/container); a resolved finding that is still
 * reportable gets its own exposure window and deadlines under it, wrapped at 80 columns.
 */
function tableRows(findings: readonly ReportFinding[], lang: Lang): string[] {
  const cells = findings.map((f) => [SEVERITY_LABEL[f.severity][lang], shortId(f.resourceId), f.checkId, f.title[lang]]);
  const widths = [0, 1, 2].map((i) => Math.min(48, widest(cells.map((c) => c[i] ?? ''))));
  return cells.flatMap((c, i) => {
    const still = findings[i]?.stillReportable;
    return [`  ${pad(c[0] ?? '', widths[0] ?? 0)}  ${pad(c[1] ?? '', widths[1] ?? 0)}  ${pad(c[2] ?? '', widths[2] ?? 0)}  ${c[3] ?? ''}`, ...(still ? hanging('    ', stillReportableLine(still)[lang]) : [])];
  });
}

/**
 * The diff as console lines. `after`: the later report itself, when the caller has it — its APPI assessment block
 * (reportable resources, persons, 速報/確報) closes the table, as in `scan`'s table, so a diff in a CI log carries
 * the verdict too.
 */
export function renderDiffTable(diff: ReportDiff, lang: Lang = 'en', after?: Report): string {
  const out: string[] = [];
  const s = diff.summary;
  out.push(`kumoscan ${diff.tool.version} — ${L(lang, '差分', 'diff')} ${diff.provider}: ${diff.from.file} (${formatLocalTime(diff.from.scannedAt)}) → ${diff.to.file} (${formatLocalTime(diff.to.scannedAt)})`);
  out.push('');
  const sections: [string, readonly ReportFinding[]][] = [
    [L(lang, `新規 (${s.new})`, `New (${s.new})`), diff.new],
    [L(lang, `解消 (${s.resolved}${s.stillReportable ? `、うち報告対象の可能性あり ${s.stillReportable}` : ''})`, `Resolved (${s.resolved}${s.stillReportable ? `, ${s.stillReportable} still reportable` : ''})`), diff.resolved],
  ];
  for (const [title, list] of sections) {
    out.push(title);
    for (const row of list.length ? tableRows(list, lang) : [L(lang, '  なし', '  none')]) out.push(row);
    out.push('');
  }
  if (diff.severityChanged.length) {
    out.push(L(lang, `重大度の変更 (${s.severityChanged})`, `Severity changed (${s.severityChanged})`));
    for (const c of diff.severityChanged) out.push(`  ${SEVERITY_LABEL[c.from][lang]} → ${SEVERITY_LABEL[c.to][lang]}  ${shortId(c.resourceId)}  ${c.checkId}  ${c.title[lang]}`);
    out.push('');
  }
  if (diff.notCovered.length) {
    out.push(L(lang, `対象外（今回の実行で確認していない） (${s.notCovered})`, `Not covered by the later run (${s.notCovered})`));
    for (const row of tableRows(diff.notCovered, lang)) out.push(row);
    out.push('');
  }
  out.push(
    L(
      lang,
      `合計: 新規 ${s.new}、解消 ${s.resolved}、継続 ${s.unchanged}、重大度の変更 ${s.severityChanged}、対象外 ${s.notCovered}。`,
      `Total: ${s.new} new, ${s.resolved} resolved, ${s.unchanged} unchanged, ${s.severityChanged} with a changed severity, ${s.notCovered} not covered.`,
    ),
  );
  if (after) {
    out.push('', ...assessmentBlock([after], lang));
    // The block is the later scan's state; a fixed exposure that was reportable still is (listed under Resolved).
    if (s.stillReportable > 0) {
      out.push(
        ...hanging(
          '  ',
          L(
            lang,
            `解消済みでも報告対象の可能性がある指摘 ${s.stillReportable} 件（上の「解消」を参照）: 設定を直しても報告の要否と期限は変わりません。`,
            `${s.stillReportable} resolved finding${s.stillReportable === 1 ? '' : 's'} still reportable (see Resolved above): fixing the setting does not end the duty to report or its deadlines.`,
          ),
        ),
      );
    }
  }
  // Resource ids and file names come from the reports: control characters shown escaped (src/text/sanitize.ts).
  return escapeLines(out).join('\n') + '\n';
}

function mdTable(findings: readonly ReportFinding[], lang: Lang): string[] {
  if (findings.length === 0) return [L(lang, 'なし', 'None.')];
  return [
    `| ${L(lang, '重大度', 'Severity')} | ${L(lang, 'リソース', 'Resource')} | ${L(lang, 'チェック', 'Check')} | ${L(lang, '内容', 'Title')} |`,
    '| --- | --- | --- | --- |',
    ...findings.map((f) => `| ${mdText(SEVERITY_LABEL[f.severity][lang])} | ${mdCode(f.resourceId)} | ${mdCode(f.checkId)} | ${mdText(f.title[lang])} |`),
  ];
}

export function renderDiffMarkdown(diff: ReportDiff, lang: Lang = 'en'): string {
  const s = diff.summary;
  const out: string[] = [];
  out.push(`# ${L(lang, 'kumoscan 差分', 'kumoscan diff')}`, '');
  out.push(`${mdText(diff.provider)}: ${mdCode(diff.from.file)} (${mdText(formatLocalTime(diff.from.scannedAt))}) → ${mdCode(diff.to.file)} (${mdText(formatLocalTime(diff.to.scannedAt))})`, '');
  out.push(`| ${L(lang, '新規', 'New')} | ${L(lang, '解消', 'Resolved')} | ${L(lang, STILL_REPORTABLE_LABEL.ja, 'Resolved — still reportable')} | ${L(lang, '継続', 'Unchanged')} | ${L(lang, '重大度の変更', 'Severity changed')} | ${L(lang, '対象外', 'Not covered')} |`);
  out.push('| --- | --- | --- | --- | --- | --- |', `| ${s.new} | ${s.resolved} | ${s.stillReportable} | ${s.unchanged} | ${s.severityChanged} | ${s.notCovered} |`, '');
  out.push(`## ${L(lang, '新規', 'New')}`, '', ...mdTable(diff.new, lang), '');
  out.push(`## ${L(lang, '解消', 'Resolved')}`, '', ...mdTable(diff.resolved, lang), '', ...stillReportableList(diff.resolved, lang));
  if (diff.severityChanged.length) {
    out.push(`## ${L(lang, '重大度の変更', 'Severity changed')}`, '');
    out.push(`| ${L(lang, '変更', 'Change')} | ${L(lang, 'リソース', 'Resource')} | ${L(lang, 'チェック', 'Check')} | ${L(lang, '内容', 'Title')} |`, '| --- | --- | --- | --- |');
    for (const c of diff.severityChanged) out.push(`| ${mdText(`${SEVERITY_LABEL[c.from][lang]} → ${SEVERITY_LABEL[c.to][lang]}`)} | ${mdCode(c.resourceId)} | ${mdCode(c.checkId)} | ${mdText(c.title[lang])} |`);
    out.push('');
  }
  if (diff.notCovered.length) out.push(`## ${L(lang, '対象外（後の実行で確認していない）', 'Not covered by the later run')}`, '', ...mdTable(diff.notCovered, lang), '');
  return out.join('\n');
}
