// `kumoscan history trend` output (pure): the trend rows (trend.ts) as a table (ja or en, each whole), JSON, or an
// HTML page whose section (historyTrendSection) holds the chart and the table. A partial run's "resolved" is shown
// as not known: a partial run never resolves a finding.
import { historyTrendChart } from '../../reports/render/html/charts/trend.js';
import { CSS } from '../../reports/render/html/style.js';
import { esc } from '../../reports/render/html/text.js';
import type { Lang } from '../../reports/render/table.js';
import { pad, widest } from '../../reports/render/columns.js';
import { SEVERITY_LABEL } from '../../reports/render/view.js';
import { SEVERITIES } from '../model.js';
import { escapeControls } from '../text/sanitize.js';
import { formatLocalTime } from '../text/local-time.js';
import { findingTotal, type TrendRow } from './trend.js';

const T = {
  ja: {
    title: '露出の推移',
    noRuns: '履歴に実行はまだありません。',
    head: (n: number) => `${n} 件の実行の推移（古い順）`,
    cols: ['収集日時', '実行 ID', 'クラウド', 'アカウント', 'シャード', '完全', ...SEVERITIES.map((s) => SEVERITY_LABEL[s].ja), '指摘計', '新規', '解消', '個人データを含む公開リソース'],
    yes: 'はい',
    no: 'いいえ（部分）',
    unknown: '不明',
    scopeNote: '「新規」「解消」は同じ範囲（クラウド、アカウント、シャード、バケットの絞り込み）の前の実行との比較です。部分的な実行は何も解消しません（解消は「不明」）。',
  },
  en: {
    title: 'Exposure trend',
    noRuns: 'No runs in the history yet.',
    head: (n: number) => `Trend over ${n} run${n === 1 ? '' : 's'} (oldest first)`,
    cols: ['collected at', 'run id', 'cloud', 'accounts', 'shard', 'complete', ...SEVERITIES.map((s) => SEVERITY_LABEL[s].en.toLowerCase()), 'findings', 'new', 'resolved', 'exposed with personal data'],
    yes: 'yes',
    no: 'no (partial)',
    unknown: 'unknown',
    scopeNote: '"new" and "resolved" compare a run with the earlier runs of the same scope (cloud, accounts, shard, bucket filter). A partial run resolves nothing ("resolved" is unknown).',
  },
} as const;

/** The cells of one row, in the order of T[lang].cols. */
function cells(r: TrendRow, lang: Lang): string[] {
  const t = T[lang];
  return [
    formatLocalTime(r.scannedAt),
    r.runId.slice(0, 12),
    r.provider,
    escapeControls(r.accounts.join(',')),
    r.shard ? `${r.shard.index}/${r.shard.count}` : '-',
    r.complete ? t.yes : t.no,
    ...SEVERITIES.map((s) => String(r.findings[s])),
    String(findingTotal(r)),
    String(r.newFindings),
    r.resolvedFindings === null ? t.unknown : String(r.resolvedFindings),
    String(r.exposedPersonal),
  ];
}

export function renderTrendTable(rows: readonly TrendRow[], lang: Lang): string {
  const t = T[lang];
  if (rows.length === 0) return `${t.noRuns}\n`;
  const body = rows.map((r) => cells(r, lang));
  const widths = t.cols.map((c, i) => widest([c, ...body.map((row) => row[i] ?? '')]));
  const line = (cs: readonly string[]): string => cs.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd();
  return [t.head(rows.length), '', line(t.cols), ...body.map(line), '', t.scopeNote, ''].join('\n');
}

/** The HTML section: the chart and the table, in one language. Every value is escaped. */
export function historyTrendSection(rows: readonly TrendRow[], lang: Lang): string {
  const t = T[lang];
  if (rows.length === 0) return `<section class="history-trend" id="history-trend"><h2>${esc(t.title)}</h2><p>${esc(t.noRuns)}</p></section>`;
  const numeric = new Set(t.cols.map((_, i) => i).filter((i) => i >= 6));
  const head = `<tr>${t.cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr data-run="${esc(r.runId)}"${r.complete ? '' : ' class="partial"'}>${cells(r, lang).map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<section class="history-trend" id="history-trend"><h2>${esc(t.title)}</h2>${historyTrendChart(rows, lang)}<table class="grid"><thead>${head}</thead><tbody>${body}</tbody></table><p class="small muted">${esc(t.scopeNote)}</p></section>`;
}

/** A whole page around the section (`history trend --format html`): no script, nothing loaded from anywhere. */
export function renderTrendHtml(rows: readonly TrendRow[], lang: Lang): string {
  return `<!DOCTYPE html>
<html lang="${lang}" data-lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kumoscan — ${esc(T[lang].title)}</title>
<style>${CSS}</style>
</head>
<body><main>${historyTrendSection(rows, lang)}</main></body>
</html>
`;
}
