// The first screen of the HTML report (what is public, what personal data, reportable, by when) and the card
// filters (severity, provider, duty).
import { SEVERITIES } from '../../../src/model.js';
import type { Report } from '../json.js';
import { CATEGORY_LABEL, NOT_ESTIMATED, PROVIDER_LABEL, RESULT_LABEL, SEVERITY_LABEL, categoriesOf, summarize, type DutyView, type Lang, type ResourceView } from '../view.js';
import { esc, sevBadge, t, triCell, tt } from './text.js';
import { formatLocalTime } from '../../../src/text/local-time.js';

export function summaryPart(reports: readonly Report[], views: readonly ResourceView[]): string {
  const s = summarize(reports, views);
  const kpi = (key: string, n: number, label: string, cls = ''): string => `<div class="kpi ${cls}"><div class="n" data-kpi="${key}">${esc(n)}</div><div class="k">${label}</div></div>`;
  const estimates = [...s.likely, ...s.review, ...s.notEstimated];
  const position = new Map(views.map((v, i) => [v, i]));
  const rows = estimates
    .map((v) => {
      const cats = v.reportability ? categoriesOf(v.reportability) : null;
      const catText = cats ? [...cats.applies.map((c) => t(CATEGORY_LABEL[c])), ...cats.open.map((c) => `${t(CATEGORY_LABEL[c])} (${tt('否定できない', 'cannot be ruled out')})`)].join('<br>') || '—' : '—';
      const d = v.deadlines;
      return `<tr data-resource="${esc(v.id)}"><td><a href="#res-${position.get(v) ?? -1}">${esc(v.name)}</a><div class="small muted">${esc(PROVIDER_LABEL[v.provider])}</div></td><td class="result">${v.reportability ? t(RESULT_LABEL[v.reportability.result]) : t(NOT_ESTIMATED)}</td><td class="cats">${catText}</td><td class="mna">${v.reportability ? triCell(v.reportability.myNumberAct.applies) : '—'}</td><td class="prelim">${d ? `${esc(d.preliminary.from)} 〜 ${esc(d.preliminary.to)}` : '—'}</td><td class="final">${d ? `${esc(d.final.due)} (${tt(`${d.final.days}日`, `${d.final.days} days`)})` : '—'}</td></tr>`;
    })
    .join('');
  const table = estimates.length
    ? `<table class="grid estimates" id="estimates"><thead><tr><th>${tt('リソース', 'Resource')}</th><th>${tt('推定', 'Estimate')}</th><th>${tt('該当する区分（規則第7条）', 'Categories (Rules Art. 7)')}</th><th>${tt('番号法', 'My Number Act')}</th><th>${tt('速報', 'Preliminary (速報)')}</th><th>${tt('確報', 'Final (確報)')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${tt('誰でも読み取れる個人データは見つかりませんでした。', 'No personal data readable by anyone was found.')}</p>`;
  const counts = SEVERITIES.map((sev) => `<span class="count">${sevBadge(sev)} <span data-count="${sev}">${esc(s.findings[sev])}</span></span>`).join(' ');
  const sources = reports
    .map(
      (r) =>
        `<li>${esc(PROVIDER_LABEL[r.scope.provider])} — ${esc(r.scope.accounts.join(', ') || '—')} · ${r.scope.source === 'live' ? tt('ライブスキャン', 'live scan') : tt('スナップショット', 'snapshot')}${r.scope.snapshotFile ? ` <code>${esc(r.scope.snapshotFile)}</code>` : ''} · ${esc(formatLocalTime(r.scannedAt))}</li>`,
    )
    .join('');
  const incomplete = s.complete ? '' : `<p class="warn-box">${tt(`スキャン不完全: ${s.errors} 件の呼び出しが失敗しました（末尾の一覧を参照）。`, `Scan incomplete: ${s.errors} calls failed (listed at the end).`)}</p>`;
  return `<section id="summary">
<div class="kpis">${kpi('resources', s.resources, tt('スキャンしたリソース', 'Resources scanned'))}${kpi('exposed', s.exposed, tt('誰でも読取可', 'Readable by anyone'), s.exposed ? 'bad' : '')}${kpi('exposed-personal', s.exposedPersonal, tt('うち個人データあり', 'of which hold personal data'), s.exposedPersonal ? 'bad' : '')}${kpi('reportable', s.likely.length, tt('報告対象の可能性が高い', 'Likely reportable'), s.likely.length ? 'bad' : '')}</div>
<h2>${tt('漏えい等報告の推定と期限', 'Reportability estimates and deadlines')}</h2>
${table}
<p class="counts"><span class="label">${tt('指摘事項', 'Findings')}</span> ${counts}</p>
${incomplete}
<details class="scope" open><summary>${tt('対象', 'Scope')}</summary><ul>${sources}</ul></details>
</section>`;
}

export function filtersPart(views: readonly ResourceView[], lang: Lang): string {
  const providers = [...new Set(views.map((v) => v.provider))].sort();
  const duties = new Map<string, DutyView>();
  for (const v of views) for (const d of v.duties) duties.set(d.id, d);
  const opt = (value: string, ja: string, en: string): string => `<option value="${esc(value)}" data-ja="${esc(ja)}" data-en="${esc(en)}">${esc(lang === 'ja' ? ja : en)}</option>`;
  const sevOpts = [opt('', 'すべての重大度', 'All severities'), ...SEVERITIES.map((s, i) => opt(s, i === 0 ? `${SEVERITY_LABEL[s].ja}のみ` : `${SEVERITY_LABEL[s].ja}以上`, i === 0 ? `${SEVERITY_LABEL[s].en} only` : `${SEVERITY_LABEL[s].en} and above`))].join('');
  const provOpts = [opt('', 'すべてのクラウド', 'All providers'), ...providers.map((p) => opt(p, PROVIDER_LABEL[p], PROVIDER_LABEL[p]))].join('');
  const dutyOpts = [opt('', 'すべての義務', 'All duties'), ...[...duties.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((d) => opt(d.id, `${d.id} ${d.ja}`, `${d.id} ${d.en}`))].join('');
  return `<section id="filters" class="no-print" aria-label="filters">
<label>${tt('重大度', 'Severity')} <select id="f-sev">${sevOpts}</select></label>
<label>${tt('クラウド', 'Provider')} <select id="f-prov">${provOpts}</select></label>
<label>${tt('義務', 'Duty')} <select id="f-duty">${dutyOpts}</select></label>
<button type="button" id="f-expand">${tt('すべて開く', 'Expand all')}</button>
<button type="button" id="f-collapse">${tt('すべて閉じる', 'Collapse all')}</button>
<span id="f-count" aria-live="polite"></span>
</section>`;
}
