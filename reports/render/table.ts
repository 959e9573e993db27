// The console table for humans: findings grouped by severity (most severe first), then a short summary.
import type { Severity } from '../../src/model.js';
import { SEVERITIES } from '../../src/model.js';
import type { Report, ReportFinding } from './json.js';
import { BASELINE_LABEL, baselineLine, stillReportableLine } from './baseline-view.js';
import { configWarningsOf, suppressedOf, suppressionLine } from './policy-view.js';
import { escapeControls, escapeLines } from '../../src/text/sanitize.js';

export type Lang = 'ja' | 'en';

const HEADINGS: Record<Severity, { ja: string; en: string }> = {
  critical: { ja: '緊急', en: 'CRITICAL' },
  high: { ja: '高', en: 'HIGH' },
  medium: { ja: '中', en: 'MEDIUM' },
  low: { ja: '低', en: 'LOW' },
  info: { ja: '情報', en: 'INFO' },
};

/** Display width: East Asian wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ? 2 : 1;
  }
  return w;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The widest display width among `values` (0 for none); a loop, since a spread overflows the stack at 100,000 rows. */
export function widest(values: Iterable<string>): number {
  let w = 0;
  for (const v of values) w = Math.max(w, displayWidth(v));
  return w;
}

function rows(findings: readonly ReportFinding[], lang: Lang, mark?: 'resolved'): string[] {
  const cells = findings.map((f) => [escapeControls(f.resourceId.replace(/^arn:aws:s3:::/, '')), f.checkId, f.title[lang]]);
  const widths = [0, 1].map((i) => Math.min(48, widest(cells.map((c) => c[i] ?? ''))));
  // With --baseline, each row starts with its state: [new], [unchanged] (or [resolved] in the resolved list).
  const states = findings.map((f) => {
    const state = mark ?? f.baseline;
    return state ? `[${BASELINE_LABEL[state][lang]}]` : '';
  });
  const stateWidth = widest(states);
  return cells.map((c, i) => `  ${stateWidth ? `${pad(states[i] ?? '', stateWidth)}  ` : ''}${pad(c[0] ?? '', widths[0] ?? 0)}  ${pad(c[1] ?? '', widths[1] ?? 0)}  ${c[2] ?? ''}`);
}

function verdict(v: boolean | null): string {
  return v === null ? '?' : v ? 'yes' : 'no';
}

export function renderTable(report: Report, lang: Lang = 'en'): string {
  const out: string[] = [];
  const ja = lang === 'ja';
  out.push(`kumoscan ${report.tool.version} — ${report.scope.provider} ${report.scope.accounts.join(', ')} (${report.scope.source === 'snapshot' ? (ja ? 'スナップショット' : 'snapshot') : ja ? 'ライブスキャン' : 'live scan'})`);
  out.push('');
  for (const sev of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push(`${HEADINGS[sev][lang]} (${group.length})`);
    for (const row of rows(group, lang)) out.push(row);
    out.push('');
  }
  if (report.findings.length === 0) out.push(ja ? '指摘事項はありません。' : 'No findings.', '');
  if (report.resolved && report.resolved.length > 0) {
    const resolved = report.resolved;
    out.push(ja ? `ベースラインから解消 (${resolved.length})` : `Resolved since the baseline (${resolved.length})`);
    rows(resolved, lang, 'resolved').forEach((row, i) => {
      const still = resolved[i]?.stillReportable;
      out.push(row, ...(still ? [`    ${stillReportableLine(still)[lang]}`] : []));
    });
    out.push('');
  }
  const suppressed = suppressedOf([report]);
  if (suppressed.length > 0) {
    out.push(ja ? `抑制 (${suppressed.length})` : `SUPPRESSED (${suppressed.length})`);
    for (const x of suppressed) out.push(`  ${x.finding.resourceId.replace(/^arn:aws:s3:::/, '')}  ${x.finding.checkId}  ${suppressionLine(x, lang)}`);
    out.push('');
  }
  const warnings = configWarningsOf([report]);
  if (warnings.length > 0) {
    out.push(ja ? '設定の警告:' : 'Configuration warnings:');
    for (const w of warnings) out.push(`  ${w.message[lang]}`);
    out.push('');
  }
  out.push(ja ? 'リソース: 読取 / 一覧 / 書込 (誰でも)' : 'Resources: read / list / write (by anyone)');
  const names = report.resources.map((r) => escapeControls(r.name));
  const nameWidth = Math.min(48, Math.max(0, ...names.map(displayWidth)));
  for (const [i, r] of report.resources.entries()) {
    out.push(`  ${pad(names[i] ?? '', nameWidth)}  ${verdict(r.exposure.read)} / ${verdict(r.exposure.list)} / ${verdict(r.exposure.write)}${r.errors.length ? `  (${r.errors.length} ${ja ? '件の取得エラー' : 'failed calls'})` : ''}`);
  }
  out.push('');
  const s = report.summary;
  const counts = SEVERITIES.map((sev) => `${HEADINGS[sev][lang]} ${s.findings[sev]}`).join(', ');
  out.push(ja ? `合計: リソース ${s.resources}、公開読取 ${s.exposed.read}、公開一覧 ${s.exposed.list}、公開書込 ${s.exposed.write}。指摘: ${counts}。` : `Total: ${s.resources} resources, ${s.exposed.read} publicly readable, ${s.exposed.list} publicly listable, ${s.exposed.write} publicly writable. Findings: ${counts}.`);
  if (s.baseline) out.push(baselineLine(s.baseline)[lang]);
  if (!s.complete) {
    out.push(ja ? `スキャン不完全: ${s.errors} 件の呼び出しが失敗しました（検証できなかった項目は「検証不可」として報告）。` : `Scan incomplete: ${s.errors} calls failed (what could not be verified is reported as such).`);
    for (const e of report.errors.slice(0, 10)) out.push(`  ${e.scope}: ${e.call} ${e.code} — ${e.message}`);
    if (report.errors.length > 10) out.push(`  … ${report.errors.length - 10} more`);
  }
  out.push(report.assessment.notLegalAdvice[lang]);
  // Every line sanitized once more at the end: a name, code or message from the cloud cannot forge a line.
  return escapeLines(out).join('\n') + '\n';
}
