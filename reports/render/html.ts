// The HTML report for compliance: ONE self-contained file (inline CSS and JS; no external request — a
// Content-Security-Policy of default-src 'none' enforces it), Japanese and English with a switch (default ja), an
// executive summary first, then a card per resource with evidence, findings, duties, remediation, the masked data
// profile, probe answers and the APPI assessment; filters by severity, provider and duty; print-friendly (every card
// expanded, no controls) so it can be attached to an assessment as a PDF. Pure: reports in, a string out. Every
// string from a report goes through esc() — bucket names, object keys and evidence are data, never markup.
import { createHash } from 'node:crypto';
import type { Evidence, I18n, Resource, Severity } from '../../src/model.js';
import { SEVERITIES } from '../../src/model.js';
import type { DataProfile } from '../../src/data/types.js';
import type { Deadlines, EntrustmentSignal, PpcDraftItem, Reportability } from '../appi/types.js';
import type { Report, ReportFinding } from './json.js';
import { evidenceText } from './evidence-view.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { BASELINE_LABEL, STILL_REPORTABLE_LABEL, baselineLine, exposureWindowLine, hasBaseline, stillReportableDeadlinesLine } from './baseline-view.js';
import { escapeControlsKeepBreaks } from '../../src/text/sanitize.js';
import {
  CATEGORY_LABEL,
  NOT_ESTIMATED,
  PROVIDER_LABEL,
  RESULT_LABEL,
  SEVERITY_LABEL,
  allViews,
  categoriesOf,
  classLabel,
  detectorLabel,
  summarize,
  type DutyView,
  type Lang,
  type ResourceView,
} from './view.js';
import { configWarningsOf, suppressedOf } from './policy-view.js';

export interface HtmlOptions {
  /** The language shown first (the reader can switch). Default ja. */
  lang?: Lang;
  /** A title above the summary, e.g. "kumoscan demo". */
  title?: I18n;
}

const AMP = /[&<>"'`]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(s: string | number): string {
  return escapeControlsKeepBreaks(String(s)).replace(AMP, (c) => ENTITY[c] ?? c);
}

/** Both languages; the stylesheet shows the one chosen. */
function t(text: I18n): string {
  if (text.ja === text.en) return esc(text.ja);
  return `<span class="l-ja" lang="ja">${esc(text.ja)}</span><span class="l-en" lang="en">${esc(text.en)}</span>`;
}

function tt(ja: string, en: string): string {
  return t({ ja, en });
}

/** yes / no / unknown; coloured as a risk (yes = red) unless `neutral` (settings, where yes is often the good answer). */
function triCell(v: boolean | null | undefined, neutral = false): string {
  if (v === undefined) return '<span class="muted">—</span>';
  if (v === null) return `<span class="tri tri-null">${tt('不明', 'unknown')}</span>`;
  if (neutral) return `<span class="tri">${v ? tt('はい', 'yes') : tt('いいえ', 'no')}</span>`;
  return v ? `<span class="tri tri-yes">${tt('はい', 'yes')}</span>` : `<span class="tri tri-no">${tt('いいえ', 'no')}</span>`;
}

function sevBadge(s: Severity): string {
  return `<span class="sev sev-${s}">${t(SEVERITY_LABEL[s])}</span>`;
}

function dutyChips(duties: readonly DutyView[]): string {
  return duties.map((d) => `<span class="duty"><code>${esc(d.id)}</code> ${t({ ja: d.ja, en: d.en })}</span>`).join(' ');
}

function kv(rows: [string, string][]): string {
  return `<dl class="kv">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function section(title: string, body: string, cls = ''): string {
  return `<section class="part ${cls}"><h4>${title}</h4>${body}</section>`;
}

// ---------------------------------------------------------------------------------------------------------
// Card parts.

function evidenceTable(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return `<p class="muted">${tt('根拠なし', 'No evidence recorded.')}</p>`;
  const rows = evidence
    .map((e) => `<tr><td>${esc(e.capability ?? '')}</td><td><span class="eff eff-${esc(e.effect)}">${esc(e.effect)}</span></td><td>${esc(e.source)}</td><td><code>${esc(e.ref)}</code></td><td>${t(evidenceText(e))}</td></tr>`)
    .join('');
  return `<table class="grid ev"><thead><tr><th>${tt('権限', 'capability')}</th><th>${tt('効果', 'effect')}</th><th>${tt('出所', 'source')}</th><th>${tt('参照', 'ref')}</th><th>${tt('説明', 'message')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function exposurePart(r: Resource): string {
  const e = r.exposure;
  const verdicts = `<table class="grid verdicts"><thead><tr><th>${tt('読取', 'read')}</th><th>${tt('一覧', 'list')}</th><th>${tt('書込', 'write')}</th><th>${tt('ACL変更', 'ACL write')}</th></tr></thead><tbody><tr><td>${triCell(e.read)}</td><td>${triCell(e.list)}</td><td>${triCell(e.write)}</td><td>${triCell(e.aclWrite)}</td></tr></tbody></table>`;
  return section(tt('誰でもできること（公開判定）と根拠', 'What anyone can do, and the evidence'), verdicts + evidenceTable(e.evidence));
}

function findingPart(f: ReportFinding): string {
  const duties = f.duties.map((d) => d.id).join(' ');
  const evidence = f.evidence.length ? `<details class="ev-details"><summary>${tt(`根拠 (${f.evidence.length})`, `Evidence (${f.evidence.length})`)}</summary>${evidenceTable(f.evidence)}</details>` : '';
  const state = f.baseline ? ` <span class="bl bl-${esc(f.baseline)}" data-baseline="${esc(f.baseline)}">${t(BASELINE_LABEL[f.baseline])}</span>` : '';
  const was = f.originalSeverity ? ` <span class="small muted">(${tt('変更前', 'was')} ${t(SEVERITY_LABEL[f.originalSeverity])})</span>` : '';
  return `<div class="finding" data-sev="${esc(f.severity)}" data-duties=" ${esc(duties)} "${f.baseline ? ` data-baseline="${esc(f.baseline)}"` : ''}>
<div class="finding-head">${sevBadge(f.severity)}${was}${state} <strong>${t(f.title)}</strong> <code class="check">${esc(f.checkId)}</code></div>
<p>${t(f.detail)}</p>
<div class="finding-duties"><span class="label">${tt('義務', 'Duties')}</span>${dutyChips(f.duties)}</div>
<div class="remediation"><span class="label">${tt('対処', 'Remediation')}</span> ${t(f.remediation)}</div>
${evidence}</div>`;
}

/** With --baseline: the comparison line, and the baseline's findings this run no longer raises. */
function resolvedPart(reports: readonly Report[]): string {
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
    ? `<table class="grid"><thead><tr><th>${tt('重大度', 'Severity')}</th><th>${tt('リソース', 'Resource')}</th><th>${tt('チェック', 'Check')}</th><th>${tt('内容', 'Title')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${tt('解消した指摘はありません。', 'No finding was resolved.')}</p>`;
  return `<section id="resolved"><h2>${tt(`ベースラインから解消した指摘 (${resolved.length})`, `Resolved since the baseline (${resolved.length})`)}</h2>${lines}${body}</section>`;
}

function findingsPart(findings: readonly ReportFinding[]): string {
  if (findings.length === 0) return section(tt('指摘事項', 'Findings'), `<p class="muted">${tt('指摘事項はありません。', 'No findings.')}</p>`);
  return section(tt(`指摘事項 (${findings.length})`, `Findings (${findings.length})`), findings.map(findingPart).join(''));
}

function dataPart(d: DataProfile): string {
  const persons = d.persons;
  const rows: [string, string][] = [
    [tt('個人データ', 'Personal data'), triCell(d.personalData)],
    [tt('区分', 'APPI classes'), d.classes.length ? d.classes.map((c) => `<span class="chip">${t(classLabel(c))}</span>`).join(' ') : '<span class="muted">—</span>'],
    [tt('本人の数（サンプル内）', 'Persons in the sample'), esc(persons.sampled.toLocaleString('en-US'))],
    [
      tt('本人の数（推定）', 'Persons (estimate)'),
      `${esc(persons.estimate.low.toLocaleString('en-US'))}–${esc(persons.estimate.high.toLocaleString('en-US'))} <span class="muted">(${esc(persons.estimate.basis)})</span>`,
    ],
    ...(persons.declared !== undefined ? ([[tt('申告された本人の数', 'Declared persons'), esc(persons.declared.toLocaleString('en-US'))]] as [string, string][]) : []),
    ...(d.declared
      ? ([[tt('台帳で申告（検出ではない）', 'Declared in the inventory (not detected)'), `${d.declared.categories.map((c) => `<span class="chip">${t(detectorLabel(c))}</span>`).join(' ')} <span class="muted">(${esc(d.declared.by.join(', '))})</span>`]] as [string, string][])
      : []),
    [tt('1,000人超', 'More than 1,000'), triCell(persons.over1000)],
    [
      tt('サンプル', 'Sample'),
      `${tt(`${d.sampled.objects} オブジェクト、${d.sampled.bytes.toLocaleString('en-US')} バイト（一覧 ${d.objectsListed.toLocaleString('en-US')} 件${d.listingComplete ? '' : '以上'}）`, `${d.sampled.objects} objects, ${d.sampled.bytes.toLocaleString('en-US')} bytes (of ${d.objectsListed.toLocaleString('en-US')}${d.listingComplete ? '' : '+'} listed)`)}`,
    ],
  ];
  const detections = d.detections.length
    ? `<table class="grid"><thead><tr><th>${tt('検出', 'detector')}</th><th>${tt('確度', 'confidence')}</th><th>${tt('件数', 'count')}</th><th>${tt('オブジェクト', 'objects')}</th><th>${tt('マスク済みの例', 'masked examples')}</th></tr></thead><tbody>${d.detections
        .map((x) => `<tr><td>${t(detectorLabel(x.type))}</td><td>${esc(x.confidence)}</td><td class="num">${esc(x.count.toLocaleString('en-US'))}</td><td class="num">${esc(x.objects)}</td><td>${x.masked.map((m) => `<code>${esc(m)}</code>`).join(' ')}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const examples = d.examples.length
    ? `<p class="small">${tt('検出のあったオブジェクト', 'Objects with detections')}: ${d.examples.map((e) => `<code>${esc(e.key)}</code> (${e.types.map((x) => t(detectorLabel(x))).join(', ')})`).join('; ')}</p>`
    : '';
  const skipped = d.sampled.skipped.length ? `<p class="small muted">${tt('読まなかったオブジェクト', 'Not read')}: ${d.sampled.skipped.map((s) => `<code>${esc(s.key)}</code> — ${esc(s.reason)}`).join('; ')}</p>` : '';
  return section(tt('個人データ（サンプル、値はマスク済み）', 'Personal data (sample; values masked)'), kv(rows) + detections + examples + skipped);
}

function probePart(r: Resource): string {
  const p = r.probe;
  if (!p) return '';
  const answer = (a: { url: string; status: number | null; error?: string } | undefined): string => (a ? `${esc(a.status ?? a.error ?? '—')} <code class="small">${esc(a.url)}</code>` : '<span class="muted">—</span>');
  return section(
    tt('外部からの確認（プローブ）', 'Checked from outside (probe)'),
    kv([
      [tt('一覧の取得', 'Listing GET'), answer(p.list)],
      [tt('オブジェクトの取得', 'Object GET'), p.object ? `${answer(p.object)} <code>${esc(p.object.key)}</code>` : '<span class="muted">—</span>'],
      [tt('観測: 読取 / 一覧', 'Observed: read / list'), `${triCell(p.observed.read)} / ${triCell(p.observed.list)}`],
      [tt('設定上: 読取 / 一覧', 'Configured: read / list'), `${triCell(p.configured.read)} / ${triCell(p.configured.list)}`],
      [tt('日時', 'At'), esc(formatLocalTime(p.at))],
    ]),
  );
}

function settingsPart(r: Resource): string {
  const rows: [string, string][] = [
    [tt('リージョン', 'Region'), esc(r.region ?? '—')],
    [tt('保存時の暗号化', 'Encryption at rest'), r.encryption.atRest === null ? triCell(null) : esc(r.encryption.atRest)],
    [tt('HTTPSのみ', 'HTTPS only'), triCell(r.transport.httpsOnly, true) + (r.transport.minTls ? ` <span class="muted">(min TLS ${esc(r.transport.minTls)})</span>` : '')],
    [tt('バージョニング', 'Versioning'), triCell(r.versioning, true)],
    [tt('論理削除', 'Soft delete'), triCell(r.softDelete, true)],
    [tt('アクセスログ', 'Access logging'), triCell(r.logging, true)],
    [tt('保持ロック', 'Retention lock'), triCell(r.retentionLock, true)],
    [tt('静的ウェブサイト', 'Static website'), triCell(r.website, true)],
  ];
  const tags = Object.entries(r.tags);
  if (tags.length) rows.push([tt('タグ', 'Tags'), tags.map(([k, v]) => `<code>${esc(k)}=${esc(v)}</code>`).join(' ')]);
  if (r.externalPrincipals.length) {
    rows.push([tt('外部の主体', 'External principals'), r.externalPrincipals.map((p) => `<code>${esc(p.id)}</code> (${esc(p.capabilities.join(', '))})`).join('<br>')]);
  }
  if (r.errors.length) rows.push([tt('失敗した呼び出し', 'Failed calls'), r.errors.map((e) => `<code>${esc(e.call)}</code> ${esc(e.code)} — ${esc(e.message)}`).join('<br>')]);
  return section(tt('設定', 'Settings'), kv(rows));
}

function reportabilityPart(r: Reportability): string {
  const cats = r.categories
    .map((c) => {
      const state = c.applies === true ? tt('該当', 'applies') : c.applies === null ? tt('否定できない', 'cannot be ruled out') : tt('該当しない', 'does not apply');
      return `<tr class="cat cat-${c.applies === null ? 'null' : String(c.applies)}"><td>${t(CATEGORY_LABEL[c.category])}</td><td>${state}</td><td>${t(c.reason)}</td></tr>`;
    })
    .join('');
  return `<p class="estimate estimate-${esc(r.result)}"><strong>${t(RESULT_LABEL[r.result])}</strong></p>
<table class="grid"><thead><tr><th>${tt('規則第7条', 'Rules Art. 7')}</th><th>${tt('推定', 'estimate')}</th><th>${tt('理由', 'reason')}</th></tr></thead><tbody>${cats}</tbody></table>
${kv([
  [tt('番号法第29条の4', 'My Number Act Art. 29-4'), `${triCell(r.myNumberAct.applies)} ${t(r.myNumberAct.reason)}`],
  [tt('適用除外（高度な暗号化）', 'Exemption (high-level encryption)'), t(r.exemption)],
])}`;
}

function deadlinesPart(d: Deadlines): string {
  return kv([
    [tt('知った日', 'Day the business knew (知った日)'), esc(d.discoveredAt)],
    [tt('速報', 'Preliminary report (速報)'), `<strong>${esc(d.preliminary.from)} 〜 ${esc(d.preliminary.to)}</strong> <span class="muted">${t(d.preliminary.note)}</span>`],
    [tt('確報', 'Final report (確報)'), `<strong>${esc(d.final.due)}</strong> (${tt(`${d.final.days}日以内`, `within ${d.final.days} days`)}) <span class="muted">${t(d.final.note)}</span>`],
    [tt('本人への通知', 'Notify the persons'), t(d.notifyPersons)],
  ]);
}

function ppcPart(items: readonly PpcDraftItem[]): string {
  return `<ol class="ppc">${[...items]
    .sort((a, b) => a.no - b.no)
    .map((i) => `<li value="${esc(i.no)}" class="${i.todo ? 'todo' : ''}"><strong>${t(i.title)}</strong>${i.todo ? ` <span class="todo-badge">TODO</span>` : ''}<div class="ppc-content">${t(i.content)}</div></li>`)
    .join('')}</ol>`;
}

function entrustmentPart(signals: readonly EntrustmentSignal[]): string {
  return `<ul class="signals">${signals
    .map(
      (s) =>
        `<li><code>${esc(s.principal.id)}</code> <span class="muted">(${esc(s.principal.kind)}${s.principal.account ? `, ${esc(s.principal.account)}` : ''})</span>${s.declared ? ` <span class="chip ok">${tt('委託先として申告済み', 'declared entrustee')}: ${esc(s.declared.name)} — ${esc(s.declared.contract)}</span>` : ''}<div>${t(s.message)}</div></li>`,
    )
    .join('')}</ul>`;
}

function assessmentPart(v: ResourceView): string {
  const parts: string[] = [];
  if (v.note) parts.push(`<p>${t(v.note)}</p>`);
  if (v.reportability) parts.push(`<h5>${tt('漏えい等報告の要否（法第26条）の推定', 'Breach reportability estimate (APPI Art. 26)')}</h5>${reportabilityPart(v.reportability)}`);
  else if (v.exposed === true && v.personalData === true) parts.push(`<p class="estimate"><strong>${tt('漏えい等報告の要否: 未推定', 'Breach reportability: not estimated')}</strong></p>`);
  if (v.deadlines) parts.push(`<h5>${tt('報告期限（規則第8条）', 'Deadlines (Rules Art. 8)')}</h5>${deadlinesPart(v.deadlines)}`);
  if (v.ppcDraft) parts.push(`<h5>${tt('個人情報保護委員会への報告 下書き（規則第8条第1項 各号）', 'Draft of the report to the PPC (Rules Art. 8(1) items 1–9)')}</h5>${ppcPart(v.ppcDraft)}`);
  if (v.entrustment.length) parts.push(`<h5>${tt('委託の兆候（法第25条）', 'Entrustment signals (APPI Art. 25)')}</h5>${entrustmentPart(v.entrustment)}`);
  if (parts.length === 0) return '';
  return section(tt('個人情報保護法上の評価', 'APPI assessment'), parts.join(''), 'assessment');
}

function headBadges(v: ResourceView): string {
  const out: string[] = [`<span class="prov prov-${esc(v.provider)}">${esc(PROVIDER_LABEL[v.provider])}</span>`];
  if (v.maxSeverity) out.push(sevBadge(v.maxSeverity));
  if (v.exposed === true) out.push(`<span class="chip bad">${tt('誰でも読取可', 'readable by anyone')}</span>`);
  else if (v.exposed === null && v.resource) out.push(`<span class="chip warn">${tt('公開か不明', 'exposure unknown')}</span>`);
  if (v.personalData === true) out.push(`<span class="chip bad">${tt('個人データあり', 'personal data')}</span>`);
  if (v.reportability) out.push(`<span class="chip est-${esc(v.reportability.result)}">${t(RESULT_LABEL[v.reportability.result])}</span>`);
  else if (v.exposed === true && v.personalData === true) out.push(`<span class="chip">${t(NOT_ESTIMATED)}</span>`);
  if (v.reportability?.myNumberAct.applies) out.push(`<span class="chip bad">${tt('番号法', 'My Number Act')}</span>`);
  return out.join(' ');
}

function dutiesPart(duties: readonly DutyView[]): string {
  if (duties.length === 0) return '';
  const items = duties.map((d) => `<li><code>${esc(d.id)}</code> ${t({ ja: d.ja, en: d.en })}${d.reason ? `<div class="small muted">${t(d.reason)}</div>` : ''}</li>`).join('');
  return section(tt('関係する義務（個人情報保護法・ガイドライン）', 'Duties (APPI and the PPC guidelines)'), `<ul class="duties">${items}</ul>`);
}

function card(v: ResourceView, index: number): string {
  const r = v.resource;
  const open = v.reportability !== null || v.exposed === true || v.maxSeverity === 'critical' || v.maxSeverity === 'high';
  const body = r
    ? [exposurePart(r), assessmentPart(v), r.data ? dataPart(r.data) : '', dutiesPart(v.duties), findingsPart(v.findings), probePart(r), settingsPart(r)].join('')
    : [section(tt('対象', 'Subject'), `<p>${tt('アカウント又はIDに関する指摘です（ストレージのリソースではありません）。', 'Findings about an account or identity, not a storage resource.')}</p>`), findingsPart(v.findings)].join('');
  const account = r && !v.id.startsWith(r.account) ? ` · ${esc(r.account)}` : '';
  const sub = r ? `${account}${r.region ? ` · ${esc(r.region)}` : ''}` : ` · ${esc(v.report.scope.accounts.join(', '))}`;
  const duties = v.duties.map((d) => d.id).join(' ');
  return `<article class="card${open ? '' : ' collapsed'}" id="res-${index}" data-provider="${esc(v.provider)}" data-max-sev="${esc(v.maxSeverity ?? 'none')}" data-duties=" ${esc(duties)} " data-exposed="${String(v.exposed)}" data-personal="${String(v.personalData)}">
<header class="card-head"><button type="button" class="toggle no-print" aria-expanded="${open}" aria-controls="res-${index}-body" title="open / close">${open ? '▾' : '▸'}</button>
<div class="card-title"><h3>${esc(v.name)}</h3><div class="sub"><code>${esc(v.id)}</code>${sub}</div><div class="badges">${headBadges(v)}</div></div></header>
<div class="card-body" id="res-${index}-body">${body}</div></article>`;
}

// ---------------------------------------------------------------------------------------------------------
// Summary.

function summaryPart(reports: readonly Report[], views: readonly ResourceView[]): string {
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

function filtersPart(views: readonly ResourceView[]): string {
  const providers = [...new Set(views.map((v) => v.provider))].sort();
  const duties = new Map<string, DutyView>();
  for (const v of views) for (const d of v.duties) duties.set(d.id, d);
  const opt = (value: string, ja: string, en: string): string => `<option value="${esc(value)}" data-ja="${esc(ja)}" data-en="${esc(en)}">${esc(ja)}</option>`;
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

const CSS = `
:root{--fg:#1d2330;--muted:#5c6677;--line:#d8dde6;--bg:#f5f7fa;--card:#fff;--accent:#1f4e8c;
--critical:#a4161a;--high:#d9480f;--medium:#b8860b;--low:#1c64b4;--info:#6b7280}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Kaku Gothic ProN","Hiragino Sans","Yu Gothic UI",Meiryo,"IPAGothic","IPAexGothic","Noto Sans CJK JP","Noto Sans JP",sans-serif;color:var(--fg);background:var(--bg);font-size:15px;line-height:1.55}
body{margin:0}
html[data-lang="ja"] .l-en,html[data-lang="en"] .l-ja{display:none}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono","IPAGothic",monospace;font-size:.86em;background:#eef1f5;border-radius:3px;padding:0 .25em;word-break:break-all}
.top{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:.7rem 1.5rem;background:#142b4d;color:#fff}
.brand{font-weight:700;font-size:1.15rem;letter-spacing:.02em}.brand small{font-weight:400;opacity:.8;margin-left:.5em}
.lang button{font:inherit;border:1px solid #9db3d6;background:transparent;color:#fff;padding:.2rem .7rem;border-radius:4px;cursor:pointer;margin-left:.3rem}
.lang button[aria-pressed="true"]{background:#fff;color:#142b4d}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.45rem;margin:.6rem 0 .2rem}h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
h3{font-size:1.05rem;margin:0;word-break:break-all}h4{font-size:.95rem;margin:0 0 .4rem;color:var(--accent)}h5{font-size:.9rem;margin:.8rem 0 .3rem}
.meta{color:var(--muted);font-size:.9rem;margin:0}
.notice{background:#fff8e1;border:1px solid #f0d48a;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0;font-size:.92rem}
.framing{font-size:.9rem;color:var(--muted)}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:.8rem;margin:1rem 0}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
.kpi .n{font-size:2rem;font-weight:700;line-height:1.1}.kpi .k{color:var(--muted);font-size:.88rem}
.kpi.bad{border-color:#e8a0a2;background:#fff5f5}.kpi.bad .n{color:var(--critical)}
table.grid{border-collapse:collapse;width:100%;background:var(--card);font-size:.9rem;margin:.3rem 0 .6rem}
table.grid th,table.grid td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
table.grid th{background:#eef1f5;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.estimates td.result{font-weight:700;color:var(--critical)}
.counts .count{margin-right:.6rem;white-space:nowrap}
.label{font-weight:600;margin-right:.4rem}
.bl{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.8rem;font-weight:600;vertical-align:middle;border:1px solid currentColor}.bl-new{color:#b3261e}.bl-unchanged{color:#5f6368}.bl-resolved{color:#1e7b34}
.sev{display:inline-block;border-radius:4px;padding:0 .45rem;color:#fff;font-size:.8rem;font-weight:600;vertical-align:middle}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.prov{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 .45rem;font-size:.8rem;background:#f0f3f8}
.chip{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.8rem;background:#e9edf3;margin:.1rem 0}
.chip.bad{background:#fde2e2;color:#8a1116}.chip.warn{background:#fff1cc;color:#7a5800}.chip.ok{background:#dff3e4;color:#1e6b34}
.chip.est-likely{background:var(--critical);color:#fff}.chip.est-review{background:#fff1cc;color:#7a5800}
.tri-yes{color:var(--critical);font-weight:600}.tri-no{color:#1e6b34}.tri-null{color:#7a5800;font-weight:600}
.verdicts td{text-align:center}
.muted{color:var(--muted)}.small{font-size:.85rem}
.warn-box{background:#fff1cc;border:1px solid #e6c35c;border-radius:6px;padding:.5rem .8rem}
#filters{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;background:var(--bg);padding:.6rem 0;border-bottom:1px solid var(--line);margin:1rem 0}
#filters select,#filters button{font:inherit;font-size:.9rem;padding:.15rem .4rem}
#f-count{color:var(--muted);font-size:.9rem}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;margin:.8rem 0;overflow:hidden}
.card[data-max-sev="critical"]{border-left-color:var(--critical)}.card[data-max-sev="high"]{border-left-color:var(--high)}.card[data-max-sev="medium"]{border-left-color:var(--medium)}.card[data-max-sev="low"]{border-left-color:var(--low)}
.card-head{display:flex;gap:.6rem;align-items:flex-start;padding:.7rem .9rem}
.card-title{flex:1;min-width:0}.card-title .sub{font-size:.82rem;color:var(--muted);word-break:break-all}.badges{margin-top:.3rem}
.toggle{font:inherit;border:1px solid var(--line);background:#fff;border-radius:4px;width:1.8rem;height:1.8rem;cursor:pointer;flex:none}
.card.collapsed .card-body{display:none}
.card-body{padding:0 .9rem .8rem;border-top:1px solid var(--line)}
.part{margin-top:.8rem}
.assessment{background:#fbfcfe;border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.estimate-likely strong{color:var(--critical)}
.cat-true td:nth-child(2){color:var(--critical);font-weight:600}.cat-null td:nth-child(2){color:#7a5800;font-weight:600}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .9rem;margin:.2rem 0 .5rem;font-size:.9rem}
dl.kv dt{color:var(--muted)}dl.kv dd{margin:0;min-width:0;word-break:break-word}
.finding{border-top:1px dashed var(--line);padding:.5rem 0}.finding:first-of-type{border-top:0}
.finding p{margin:.3rem 0}
.finding.filtered{display:none}
.check{color:var(--muted)}
.finding-duties{font-size:.85rem;margin:.2rem 0}.duty{display:inline-block;background:#f0f3f8;border-radius:4px;padding:0 .4rem;margin:.1rem .2rem .1rem 0}
ul.duties{margin:.1rem 0 .2rem;padding-left:1.2rem;font-size:.88rem}
.remediation{background:#f1f8f3;border-radius:4px;padding:.3rem .5rem;font-size:.9rem}
.ev-details summary{cursor:pointer;font-size:.85rem;color:var(--accent);margin-top:.3rem}
.eff{font-size:.8rem;border-radius:3px;padding:0 .3rem;background:#eef1f5}.eff-grants{background:#fde2e2}.eff-denies,.eff-neutralized{background:#dff3e4}.eff-unknown{background:#fff1cc}
ol.ppc{padding-left:1.6rem;font-size:.9rem}ol.ppc li{margin:.3rem 0}ol.ppc li.todo .ppc-content{color:#7a5800}
.todo-badge{background:#fff1cc;color:#7a5800;border-radius:3px;padding:0 .3rem;font-size:.75rem;font-weight:700}
ul.signals{padding-left:1.2rem;font-size:.9rem}
footer{max-width:1200px;margin:0 auto;padding:0 1.5rem 2rem;color:var(--muted);font-size:.85rem}
.print-only{display:none}
@media (max-width:760px){.kpis{grid-template-columns:repeat(2,1fr)}}
@media print{
 html{background:#fff;font-size:11pt}
 .no-print,#filters,.toggle{display:none!important}
 .print-only{display:block}
 .top{background:#fff;color:#000;border-bottom:2px solid #000;padding:.3rem 0}
 main{max-width:none;padding:0}
 .card,.card.collapsed{border:1px solid #999;border-left-width:4px;break-inside:auto}
 .card .card-body,.card.collapsed .card-body{display:block!important}
 .card-head{break-after:avoid}
 details.ev-details>*{display:block}
 .kpi,table.grid tr,.finding-head,dl.kv>*{break-inside:avoid}
 h4,h5{break-after:avoid}
 a{color:inherit;text-decoration:none}
}`;

// The page's behaviour: language switch (remembered for the session), filters, open/close. No data in it.
const JS = `
(function(){
var root=document.documentElement;
function setLang(l){root.setAttribute('data-lang',l);root.setAttribute('lang',l);
document.querySelectorAll('[data-set-lang]').forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-set-lang')===l));});
document.querySelectorAll('option[data-ja]').forEach(function(o){o.textContent=o.getAttribute('data-'+l);});
try{sessionStorage.setItem('kumoscan-lang',l);}catch(e){}
count();}
var RANK={critical:5,high:4,medium:3,low:2,info:1};
var cards=[].slice.call(document.querySelectorAll('article.card'));
var sev=document.getElementById('f-sev'),prov=document.getElementById('f-prov'),duty=document.getElementById('f-duty'),out=document.getElementById('f-count'),pf=document.getElementById('print-filter');
function count(){var n=cards.filter(function(c){return !c.hidden;}).length;var l=root.getAttribute('data-lang');
if(out)out.textContent=l==='ja'?(cards.length+' 件中 '+n+' 件を表示'):(n+' of '+cards.length+' shown');
if(pf){var parts=[sev,prov,duty].filter(function(s){return s&&s.value;}).map(function(s){return s.options[s.selectedIndex].textContent;});
pf.textContent=parts.length?((l==='ja'?'絞り込み: ':'Filter: ')+parts.join(', ')):'';}}
function cites(e,d){return !d||(e.getAttribute('data-duties')||'').indexOf(' '+d+' ')>=0;}
function apply(){var min=sev&&sev.value?RANK[sev.value]:0,p=prov?prov.value:'',d=duty?duty.value:'';
cards.forEach(function(c){var ok=(!p||c.getAttribute('data-provider')===p)&&cites(c,d);var rows=[].slice.call(c.querySelectorAll('.finding'));
var rowCites=rows.some(function(f){return cites(f,d);});var any=false;
rows.forEach(function(f){var m=(RANK[f.getAttribute('data-sev')]||0)>=min&&(!rowCites||cites(f,d));f.classList.toggle('filtered',!m);if(m)any=true;});
if(min&&!any)ok=false;c.hidden=!ok;});count();}
[sev,prov,duty].forEach(function(s){if(s)s.addEventListener('change',apply);});
function setOpen(c,o){c.classList.toggle('collapsed',!o);var b=c.querySelector('.toggle');if(b){b.setAttribute('aria-expanded',String(o));b.textContent=o?'\\u25BE':'\\u25B8';}}
cards.forEach(function(c){var b=c.querySelector('.toggle');if(b)b.addEventListener('click',function(){setOpen(c,c.classList.contains('collapsed'));});});
var ex=document.getElementById('f-expand'),co=document.getElementById('f-collapse');
if(ex)ex.addEventListener('click',function(){cards.forEach(function(c){setOpen(c,true);});});
if(co)co.addEventListener('click',function(){cards.forEach(function(c){setOpen(c,false);});});
document.querySelectorAll('[data-set-lang]').forEach(function(b){b.addEventListener('click',function(){setLang(b.getAttribute('data-set-lang'));});});
document.querySelectorAll('a[href^="#res-"]').forEach(function(a){a.addEventListener('click',function(){var c=document.getElementById(a.getAttribute('href').slice(1));if(c){c.hidden=false;setOpen(c,true);}});});
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.setAttribute('open','');});});
var saved=null;try{saved=sessionStorage.getItem('kumoscan-lang');}catch(e){}
setLang(saved==='en'||saved==='ja'?saved:root.getAttribute('data-lang'));apply();
})();`;

/** The CSP allows this one script by its hash (no 'unsafe-inline' for scripts: an injected script would not run). */
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(JS, 'utf8').digest('base64')}'`;

/** Renders one or more reports (e.g. one per provider) as one page. */
export function renderHtml(input: Report | readonly Report[], opts: HtmlOptions = {}): string {
  const reports: readonly Report[] = Array.isArray(input) ? input : [input as Report];
  const lang = opts.lang ?? 'ja';
  const views = allViews(reports);
  const first = reports[0];
  const notLegalAdvice = first?.assessment.notLegalAdvice ?? { ja: '本評価は法的助言ではなく、判断材料です。', en: 'This assessment is not legal advice; it is material for your own judgement.' };
  const title = opts.title ?? { ja: '個人情報保護法に基づくクラウドストレージ評価レポート', en: 'Cloud storage exposure and APPI assessment report' };
  const version = first?.tool.version ?? '';
  const scannedAt = reports.map((r) => r.scannedAt).sort().at(-1) ?? '';
  const errors = reports.flatMap((r) => r.errors);
  const errorPart = errors.length
    ? `<section id="errors"><h2>${tt('失敗した呼び出し', 'Failed calls')}</h2><table class="grid"><thead><tr><th>${tt('対象', 'scope')}</th><th>${tt('呼び出し', 'call')}</th><th>${tt('コード', 'code')}</th><th>${tt('メッセージ', 'message')}</th></tr></thead><tbody>${errors.map((e) => `<tr><td><code>${esc(e.scope)}</code></td><td>${esc(e.call)}</td><td>${esc(e.code)}</td><td>${esc(e.message)}</td></tr>`).join('')}</tbody></table></section>`
    : '';
  const suppressed = suppressedOf(reports);
  const suppressedPart = suppressed.length
    ? `<section id="suppressed"><h2>${tt(`抑制した指摘 (${suppressed.length})`, `Suppressed findings (${suppressed.length})`)}</h2><table class="grid"><thead><tr><th>${tt('重大度', 'severity')}</th><th>${tt('リソース', 'resource')}</th><th>${tt('チェック', 'check')}</th><th>${tt('期限', 'expires')}</th><th>${tt('理由', 'reason')}</th></tr></thead><tbody>${suppressed.map((x) => `<tr><td>${sevBadge(x.finding.severity)}</td><td><code>${esc(x.finding.resourceId)}</code></td><td><code>${esc(x.finding.checkId)}</code> ${t(x.finding.title)}</td><td>${esc(x.expires)}</td><td>${esc(x.reason)}</td></tr>`).join('')}</tbody></table></section>`
    : '';
  const warnings = configWarningsOf(reports);
  const warningPart = warnings.length ? `<section id="config-warnings"><h2>${tt('設定の警告', 'Configuration warnings')}</h2><ul>${warnings.map((w) => `<li>${t(w.message)}</li>`).join('')}</ul></section>` : '';
  return `<!DOCTYPE html>
<html lang="${lang}" data-lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="kumoscan ${esc(version)}">
<title>kumoscan — ${esc(title[lang])}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><div class="brand">kumoscan<small>雲スキャン ${esc(version)}</small></div>
<div class="lang no-print" role="group" aria-label="language"><button type="button" data-set-lang="ja" aria-pressed="${lang === 'ja'}">日本語</button><button type="button" data-set-lang="en" aria-pressed="${lang === 'en'}">English</button></div></header>
<main>
<h1>${t(title)}</h1>
<p class="meta">${tt('作成日時', 'Generated')}: ${esc(formatLocalTime(scannedAt))} · ${esc(reports.map((r) => PROVIDER_LABEL[r.scope.provider]).join(' / '))}</p>
<p class="notice" id="not-legal-advice"><strong>${t(notLegalAdvice)}</strong></p>
${first ? `<p class="framing">${t(first.assessment.framing)}</p>` : ''}
${summaryPart(reports, views)}
<h2>${tt('リソースごとの詳細', 'Resources')}</h2>
<p class="print-only small" id="print-filter"></p>
${filtersPart(views)}
<section id="resources">
${views.map((v, i) => card(v, i)).join('\n')}
</section>
${resolvedPart(reports)}
${suppressedPart}
${warningPart}
${errorPart}
</main>
<footer><p>${t(notLegalAdvice)}</p><p>kumoscan ${esc(version)} · ${tt('この報告書は外部へ通信せずに表示できる単一のファイルです。', 'This report is one self-contained file; it makes no network request.')}</p></footer>
<script>${JS}</script>
</body>
</html>
`;
}
