// Markdown for pull requests and tickets (GitHub-flavoured: tables, no raw HTML). One language per document
// (--lang); legal terms keep their Japanese names in both. Every string from a report is escaped: a bucket name or
// object key can never become a link, an image, HTML or a broken table.
import { openedByText } from '../../src/evidence/changes/text.js';
import { SEVERITIES, type Resource, type Severity } from '../../src/model.js';
import { commandVariableLines, findingCommands } from './fix-commands.js';
import type { Report, ReportFinding } from './json.js';
import { BASELINE_LABEL, baselineLine, hasBaseline, stillReportableLine } from './baseline-view.js';
import { publicSinceEntries, publicSinceLabel } from './public-since-view.js';
import { configWarningsOf, suppressedOf } from './policy-view.js';
import { escapeControls } from '../../src/text/sanitize.js';
import {
  CATEGORY_LABEL,
  NOT_ESTIMATED,
  PROVIDER_LABEL,
  RESULT_LABEL,
  SEVERITY_LABEL,
  allViews,
  categoriesOf,
  classLabel,
  deadlineLine,
  detectorLabel,
  scopeLine,
  summarize,
  tri,
  type Lang,
  type ResourceView,
} from './view.js';

export interface MarkdownOptions {
  lang?: Lang;
}

/** Escapes Markdown punctuation and HTML; keeps the text on one line (for table cells and list items). */
export function mdText(s: string | number): string {
  return escapeControls(String(s).replace(/\r\n|\r|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/([\\`*_[\]<>|~$])/g, '\\$1');
}

/** The resolved findings that are still reportable, one bullet each with the window and the deadlines (then a blank line). */
export function stillReportableList(resolved: readonly ReportFinding[], lang: Lang): string[] {
  const lines = resolved.flatMap((f) => (f.stillReportable ? [`- ${mdCode(f.checkId)} ${mdText(stillReportableLine(f.stillReportable)[lang])}`] : []));
  return lines.length > 0 ? [...lines, ''] : [];
}

/** Inline code that cannot be closed early: a fence longer than any backtick run inside, padded with spaces. */
export function mdCode(s: string): string {
  const one = escapeControls(s.replace(/\r\n|\r|\n/g, ' ')).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

function L(lang: Lang, ja: string, en: string): string {
  return lang === 'ja' ? ja : en;
}

function findingLines(f: ReportFinding, resource: Resource | null, lang: Lang): string[] {
  return [
    `- **${mdText(SEVERITY_LABEL[f.severity][lang])}**${f.originalSeverity ? ` (${L(lang, '変更前', 'was')} ${mdText(SEVERITY_LABEL[f.originalSeverity][lang])})` : ''} ${mdText(f.title[lang])} (${mdCode(f.checkId)})`,
    `  - ${mdText(f.detail[lang])}`,
    `  - ${L(lang, '関係する義務', 'Duties')}: ${f.duties.map((d) => `${mdCode(d.id)} ${mdText(d[lang])}`).join(L(lang, '、', '; '))}`,
    `  - ${L(lang, '対処', 'Remediation')}: ${mdText(f.remediation[lang])}`,
    ...commandLines(findingCommands(f, resource), lang),
  ];
}

/** The commands of a remediation as a fenced block under the finding, with the variables the reader sets first. */
function commandLines(commands: readonly string[], lang: Lang): string[] {
  if (commands.length === 0) return [];
  const vars = commandVariableLines(commands, lang);
  return [
    `  - ${L(lang, 'コマンド', 'Commands')}:${vars.length ? ` ${L(lang, '先に設定する変数', 'set first')} — ${vars.map(mdText).join(L(lang, '、', '; '))}` : ''}`,
    '',
    '    ```sh',
    ...commands.map((c) => `    ${c}`),
    '    ```',
    '',
  ];
}

function resourceLines(v: ResourceView, lang: Lang): string[] {
  const out: string[] = [`### ${mdText(v.name)}`, ''];
  const r = v.resource;
  if (r) {
    out.push(
      `- ${L(lang, 'ID', 'Id')}: ${mdCode(v.id)}`,
      `- ${L(lang, 'クラウド', 'Provider')}: ${mdText(PROVIDER_LABEL[v.provider])}${r.region ? ` (${mdText(r.region)})` : ''}`,
      `- ${L(lang, '誰でも: 読取 / 一覧 / 書込', 'Anyone can: read / list / write')}: ${tri(r.exposure.read, lang)} / ${tri(r.exposure.list, lang)} / ${tri(r.exposure.write, lang)}`,
    );
    if (r.data) {
      const d = r.data;
      out.push(
        `- ${L(lang, '個人データ', 'Personal data')}: ${tri(d.personalData, lang)}${d.classes.length ? ` — ${d.classes.map((c) => mdText(classLabel(c)[lang])).join(', ')}` : ''}`,
        `- ${L(lang, '検出（マスク済み）', 'Detections (masked)')}: ${d.detections.map((x) => `${mdText(detectorLabel(x.type)[lang])} ×${x.count}${x.masked.length ? ` (${x.masked.map(mdCode).join(', ')})` : ''}`).join(', ') || '—'}`,
        ...(d.declared ? [`- ${L(lang, '台帳で申告（検出ではない）', 'Declared in the inventory (not detected)')}: ${d.declared.categories.map((c) => mdText(detectorLabel(c)[lang])).join(', ')} (${d.declared.by.map(mdCode).join(', ')})`] : []),
        `- ${L(lang, '本人の数', 'Persons')}: ${L(lang, 'サンプル内', 'in sample')} ${d.persons.sampled}, ${L(lang, '推定', 'estimate')} ${d.persons.estimate.low}–${d.persons.estimate.high}${d.persons.declared !== undefined ? `, ${L(lang, '申告', 'declared')} ${d.persons.declared}` : ''}`,
      );
    }
    if (r.probe) out.push(`- ${L(lang, 'プローブ（外部から）: 読取 / 一覧', 'Probe (from outside): read / list')}: ${tri(r.probe.observed.read, lang)} / ${tri(r.probe.observed.list, lang)}`);
    if (r.openedBy) out.push(`- ${mdText(openedByText(r.openedBy)[lang])}`);
  }
  if (v.readByOutsiders) out.push(`- ${L(lang, '誰が読み取ったか（アクセスログ）', 'Who read it (access logs)')}: ${v.readByOutsiders.leak === 'occurred' ? `**${L(lang, '漏えい（発生を確認）', 'leaked (confirmed)')}** — ` : ''}${mdText(v.readByOutsiders.text[lang])}`);
  if (v.reportability || (v.exposed === true && v.personalData === true)) {
    out.push(`- ${L(lang, '漏えい等報告（推定）', 'Breach reportability (estimate)')}: **${mdText(v.reportability ? RESULT_LABEL[v.reportability.result][lang] : NOT_ESTIMATED[lang])}**`);
    if (v.reportability) {
      for (const c of v.reportability.categories) {
        const state = c.applies === true ? L(lang, '該当', 'applies') : c.applies === null ? L(lang, '否定できない', 'cannot be ruled out') : L(lang, '該当しない', 'does not apply');
        out.push(`  - ${mdText(CATEGORY_LABEL[c.category][lang])}: ${state} — ${mdText(c.reason[lang])}`);
      }
      out.push(`  - ${L(lang, '番号法第29条の4', 'My Number Act Art. 29-4')}: ${tri(v.reportability.myNumberAct.applies, lang)} — ${mdText(v.reportability.myNumberAct.reason[lang])}`);
    }
    if (v.deadlines) out.push(`- ${L(lang, '期限', 'Deadlines')}: ${mdText(deadlineLine(v.deadlines, lang))}`);
  }
  if (v.ppcDraft) {
    out.push(`- ${L(lang, '個人情報保護委員会への報告 下書き', 'Draft of the report to the PPC')}:`);
    for (const i of [...v.ppcDraft].sort((a, b) => a.no - b.no)) out.push(`  ${i.no}. **${mdText(i.title[lang])}**${i.todo ? ' (TODO)' : ''}: ${mdText(i.content[lang])}`);
  }
  for (const s of v.entrustment) out.push(`- ${L(lang, '委託の兆候', 'Entrustment signal')}: ${mdCode(s.principal.id)} — ${mdText(s.message[lang])}`);
  out.push('');
  if (v.findings.length) out.push(...v.findings.flatMap((f) => findingLines(f, v.resource, lang)));
  else out.push(L(lang, '指摘事項はありません。', 'No findings.'));
  out.push('');
  return out;
}

export function renderMarkdown(input: Report | readonly Report[], opts: MarkdownOptions = {}): string {
  const reports: readonly Report[] = Array.isArray(input) ? input : [input as Report];
  const lang = opts.lang ?? 'ja';
  const views = allViews(reports);
  const s = summarize(reports, views);
  const first = reports[0];
  const out: string[] = [];
  out.push(`# ${L(lang, 'kumoscan レポート', 'kumoscan report')}`, '');
  if (first) out.push(`> ${mdText(first.assessment.notLegalAdvice[lang])}`, '');
  out.push(`${L(lang, '対象', 'Scope')}: ${mdText(scopeLine(reports, lang))}`, '');
  out.push(`## ${L(lang, '概要', 'Summary')}`, '');
  out.push(
    ...table(
      [L(lang, '項目', 'Item'), L(lang, '件数', 'Count')],
      [
        [L(lang, 'スキャンしたリソース', 'Resources scanned'), String(s.resources)],
        [L(lang, '誰でも読取可', 'Readable by anyone'), String(s.exposed)],
        [L(lang, 'うち個人データあり', 'of which hold personal data'), String(s.exposedPersonal)],
        [L(lang, '報告対象の可能性が高い', 'Likely reportable'), String(s.likely.length)],
        ...SEVERITIES.map((sev: Severity) => [`${L(lang, '指摘', 'Findings')}: ${SEVERITY_LABEL[sev][lang]}`, String(s.findings[sev])]),
      ],
    ),
    '',
  );
  for (const r of reports) if (r.summary.baseline) out.push(mdText(baselineLine(r.summary.baseline)[lang]), '');
  if (!s.complete) out.push(`**${L(lang, `スキャン不完全: ${s.errors} 件の呼び出しが失敗しました。`, `Scan incomplete: ${s.errors} calls failed.`)}**`, '');
  const estimates = [...s.likely, ...s.review, ...s.notEstimated];
  if (estimates.length) {
    out.push(`## ${L(lang, '漏えい等報告の推定と期限', 'Reportability estimates and deadlines')}`, '');
    out.push(
      ...table(
        [L(lang, 'リソース', 'Resource'), L(lang, '推定', 'Estimate'), L(lang, '区分', 'Categories'), L(lang, '番号法', 'My Number Act'), L(lang, '速報', 'Preliminary'), L(lang, '確報', 'Final')],
        estimates.map((v) => {
          const cats = v.reportability ? categoriesOf(v.reportability) : null;
          return [
            mdText(v.name),
            mdText(v.reportability ? RESULT_LABEL[v.reportability.result][lang] : NOT_ESTIMATED[lang]),
            cats ? mdText([...cats.applies.map(String), ...cats.open.map((c) => `${c}?`)].join(', ') || '—') : '—',
            v.reportability ? tri(v.reportability.myNumberAct.applies, lang) : '—',
            v.deadlines ? mdText(`${v.deadlines.preliminary.from} – ${v.deadlines.preliminary.to}`) : '—',
            v.deadlines ? mdText(`${v.deadlines.final.due} (${v.deadlines.final.days})`) : '—',
          ];
        }),
      ),
      '',
    );
  }
  const all = reports.flatMap((r) => r.findings);
  if (all.length) {
    out.push(`## ${L(lang, '指摘事項', 'Findings')}`, '');
    const nameOf = new Map(views.map((v) => [v.id, v.name]));
    // With --baseline, a first column says whether each finding is new or unchanged.
    const marked = hasBaseline(reports);
    out.push(
      ...table(
        [...(marked ? [L(lang, 'ベースライン', 'Baseline')] : []), L(lang, '重大度', 'Severity'), L(lang, 'リソース', 'Resource'), L(lang, 'チェック', 'Check'), L(lang, '内容', 'Title'), L(lang, '義務', 'Duties')],
        [...all]
          .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
          .map((f) => [...(marked ? [f.baseline ? `**${mdText(BASELINE_LABEL[f.baseline][lang])}**` : '—'] : []), mdText(SEVERITY_LABEL[f.severity][lang]), mdText(nameOf.get(f.resourceId) ?? f.resourceId), mdCode(f.checkId), mdText(f.title[lang]), f.duties.map((d) => mdCode(d.id)).join(' ')]),
      ),
      '',
    );
  }
  const resolved = reports.flatMap((r) => r.resolved ?? []);
  if (hasBaseline(reports)) {
    out.push(`## ${L(lang, `ベースラインから解消した指摘 (${resolved.length})`, `Resolved since the baseline (${resolved.length})`)}`, '');
    if (resolved.length === 0) out.push(L(lang, 'なし', 'None.'), '');
    else
      out.push(
        ...table(
          [L(lang, '重大度', 'Severity'), L(lang, 'リソース', 'Resource'), L(lang, 'チェック', 'Check'), L(lang, '内容', 'Title')],
          resolved.map((f) => [mdText(SEVERITY_LABEL[f.severity][lang]), mdCode(f.resourceId), mdCode(f.checkId), mdText(f.title[lang])]),
        ),
        '',
        ...stillReportableList(resolved, lang),
      );
  }
  const since = publicSinceEntries(reports);
  if (since.length) out.push(`## ${publicSinceLabel(since.map((e) => e.since))[lang]}`, '', ...since.map((e) => `- ${mdText(e.name)}: ${mdText(e.line[lang])}`), '');
  const suppressed = suppressedOf(reports);
  if (suppressed.length) {
    out.push(`## ${L(lang, '抑制した指摘', 'Suppressed findings')}`, '');
    out.push(
      ...table(
        [L(lang, '重大度', 'Severity'), L(lang, 'リソース', 'Resource'), L(lang, 'チェック', 'Check'), L(lang, '期限', 'Expires'), L(lang, '理由', 'Reason')],
        suppressed.map((x) => [mdText(SEVERITY_LABEL[x.finding.severity][lang]), mdCode(x.finding.resourceId), mdCode(x.finding.checkId), mdText(x.expires), mdText(x.reason)]),
      ),
      '',
    );
  }
  const warnings = configWarningsOf(reports);
  if (warnings.length) out.push(`## ${L(lang, '設定の警告', 'Configuration warnings')}`, '', ...warnings.map((w) => `- ${mdText(w.message[lang])}`), '');
  out.push(`## ${L(lang, 'リソースごとの詳細', 'Resources')}`, '');
  for (const v of views) out.push(...resourceLines(v, lang));
  if (first) out.push('---', '', mdText(first.assessment.framing[lang]), '');
  return out.join('\n');
}
