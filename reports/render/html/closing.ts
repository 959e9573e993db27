// The report's closing sections: findings resolved since a baseline, suppressed findings, configuration warnings
// and the calls that failed.
import type { Report } from '../json.js';
import { BASELINE_LABEL, baselineLine, exposureWindowLine, hasBaseline, STILL_REPORTABLE_LABEL, stillReportableDeadlinesLine } from '../baseline-view.js';
import { configWarningsOf, suppressedOf } from '../policy-view.js';
import { esc, sevBadge, t, tt } from './text.js';
import { errorMessage } from '../view.js';

/** Tables longer than this start closed (a closed <details> costs no layout: 1,700 failed calls stay one line). */
export const FOLD_ROWS = 20;
/** Failed calls listed at most (each is in the JSON report); a run where every bucket was denied lists thousands. */
export const ERRORS_LISTED = 200;

function foldIfLong(rows: number, table: string): string {
  if (rows <= FOLD_ROWS) return table;
  return `<details class="fold"><summary>${tt(`${rows.toLocaleString('en-US')} 件を表示`, `Show all ${rows.toLocaleString('en-US')}`)}</summary>${table}</details>`;
}

/** With --baseline: the comparison line, and the baseline's findings this run no longer raises. */
export function resolvedPart(reports: readonly Report[]): string {
  if (!hasBaseline(reports)) return '';
  const lines = reports.map((r) => (r.summary.baseline ? `<p class="baseline-line">${t(baselineLine(r.summary.baseline))}</p>` : '')).join('');
  const resolved = reports.flatMap((r) => r.resolved ?? []);
  const rows = resolved
    .map((f) => {
      const still = f.stillReportable;
      const mark = still ? `<span class="bl bl-new" data-still-reportable>${t(STILL_REPORTABLE_LABEL)}</span>` : `<span class="bl bl-resolved">${t(BASELINE_LABEL.resolved)}</span>`;
      const window = still ? `<div class="still-reportable">${t(exposureWindowLine(still))}<br>${t(stillReportableDeadlinesLine(still))}</div>` : '';
      return `<tr data-finding="${esc(f.id)}"><td>${sevBadge(f.severity)} ${mark}</td><td><code>${esc(f.resourceId)}</code></td><td><code>${esc(f.checkId)}</code></td><td>${t(f.title)}${window}</td></tr>`;
    })
    .join('');
  const body = resolved.length
    ? foldIfLong(resolved.length, `<table class="grid"><thead><tr><th>${tt('重大度', 'Severity')}</th><th>${tt('リソース', 'Resource')}</th><th>${tt('チェック', 'Check')}</th><th>${tt('内容', 'Title')}</th></tr></thead><tbody>${rows}</tbody></table>`)
    : `<p class="muted">${tt('解消した指摘はありません。', 'No finding was resolved.')}</p>`;
  return `<section id="resolved"><h2>${tt(`ベースラインから解消した指摘 (${resolved.length})`, `Resolved since the baseline (${resolved.length})`)}</h2>${lines}${body}</section>`;
}

export function closingParts(reports: readonly Report[]): string {
  const allErrors = reports.flatMap((r) => r.errors);
  const errors = allErrors.slice(0, ERRORS_LISTED);
  const unlisted = allErrors.length - errors.length;
  const unlistedNote = unlisted > 0 ? `<p class="small muted" id="errors-unlisted">${tt(`ほか ${unlisted.toLocaleString('en-US')} 件の失敗した呼び出しは JSON レポートにあります。`, `${unlisted.toLocaleString('en-US')} more failed calls are in the JSON report.`)}</p>` : '';
  const errorPart = errors.length
    ? `<section id="errors"><h2>${tt(`失敗した呼び出し (${allErrors.length.toLocaleString('en-US')})`, `Failed calls (${allErrors.length.toLocaleString('en-US')})`)}</h2>${foldIfLong(errors.length, `<table class="grid"><thead><tr><th>${tt('対象', 'scope')}</th><th>${tt('呼び出し', 'call')}</th><th>${tt('コード', 'code')}</th><th>${tt('メッセージ', 'message')}</th></tr></thead><tbody>${errors.map((e) => `<tr><td><code>${esc(e.scope)}</code></td><td>${esc(e.call)}</td><td>${esc(e.code)}</td><td>${t(errorMessage(e))}</td></tr>`).join('')}</tbody></table>`)}${unlistedNote}</section>`
    : '';
  const suppressed = suppressedOf(reports);
  const suppressedPart = suppressed.length
    ? `<section id="suppressed"><h2>${tt(`抑制した指摘 (${suppressed.length})`, `Suppressed findings (${suppressed.length})`)}</h2>${foldIfLong(suppressed.length, `<table class="grid"><thead><tr><th>${tt('重大度', 'severity')}</th><th>${tt('リソース', 'resource')}</th><th>${tt('チェック', 'check')}</th><th>${tt('期限', 'expires')}</th><th>${tt('理由', 'reason')}</th></tr></thead><tbody>${suppressed.map((x) => `<tr><td>${sevBadge(x.finding.severity)}</td><td><code>${esc(x.finding.resourceId)}</code></td><td><code>${esc(x.finding.checkId)}</code> ${t(x.finding.title)}</td><td>${esc(x.expires)}</td><td>${esc(x.reason)}</td></tr>`).join('')}</tbody></table>`)}</section>`
    : '';
  const warnings = configWarningsOf(reports);
  const warningPart = warnings.length ? `<section id="config-warnings"><h2>${tt('設定の警告', 'Configuration warnings')}</h2><ul>${warnings.map((w) => `<li>${t(w.message)}</li>`).join('')}</ul></section>` : '';
  return [resolvedPart(reports), suppressedPart, warningPart, errorPart].join('\n');
}
