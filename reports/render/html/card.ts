// One resource's card in the HTML report: exposure with its evidence, the APPI assessment, the masked data profile,
// duties, findings, the checks that ran and passed, the probe and the settings. A <details> element, closed by default.
import type { Evidence, Resource } from '../../../src/model.js';
import type { DataProfile } from '../../../src/data/types.js';
import type { ReportFinding } from '../json.js';
import { BASELINE_LABEL } from '../baseline-view.js';
import { evidenceText } from '../evidence-view.js';
import { formatLocalTime } from '../../../src/text/local-time.js';
import { openedByText } from '../../../src/evidence/changes/text.js';
import { CONFIDENCE_LABEL, EFFECT_LABEL, NOT_ESTIMATED, PROVIDER_LABEL, RESULT_LABEL, SEVERITY_LABEL, classLabel, detectorLabel, errorMessage, type DutyView, type ResourceView } from '../view.js';
import { CAPABILITY_VERBS, joinI18n } from '../../appi/labels.js';
import { personsBasisJa } from '../../../src/data/detect/persons-basis-ja.js';
import { skipReasonText } from '../../../src/data/skip-reason-text.js';
import type { ResourceCoverage } from '../coverage.js';
import { assessmentPart } from './assessment.js';
import { combinedPublicSinceLine, publicSinceLabel } from '../public-since-view.js';
import type { CombinedPublicSince } from '../../public-since.js';
import { remediationPart } from './remediation.js';
import { esc, kv, section, sevBadge, t, triCell, tt } from './text.js';

function dutyChips(duties: readonly DutyView[]): string {
  return duties.map((d) => `<span class="duty"><code>${esc(d.id)}</code> ${t({ ja: d.ja, en: d.en })}</span>`).join(' ');
}


function evidenceTable(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return `<p class="muted">${tt('根拠なし', 'No evidence recorded.')}</p>`;
  const rows = evidence
    .map((e) => `<tr><td>${e.capability ? t(CAPABILITY_VERBS[e.capability]) : ''}</td><td><span class="eff eff-${esc(e.effect)}">${t(EFFECT_LABEL[e.effect] ?? { ja: e.effect, en: e.effect })}</span></td><td><code>${esc(e.source)}</code></td><td><code>${esc(e.ref)}</code></td><td>${t(evidenceText(e))}</td></tr>`)
    .join('');
  return `<table class="grid ev"><thead><tr><th>${tt('権限', 'capability')}</th><th>${tt('効果', 'effect')}</th><th>${tt('出所', 'source')}</th><th>${tt('参照', 'ref')}</th><th>${tt('説明', 'message')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function exposurePart(r: Resource, since: CombinedPublicSince | null): string {
  const e = r.exposure;
  const from = since ? `<p class="public-since"><span class="label">${t(publicSinceLabel([since]))}</span> ${t(combinedPublicSinceLine(since))}</p>` : '';
  const verdicts = `<table class="grid verdicts"><thead><tr><th>${tt('読取', 'read')}</th><th>${tt('一覧', 'list')}</th><th>${tt('書込', 'write')}</th><th>${tt('ACL変更', 'ACL write')}</th></tr></thead><tbody><tr><td>${triCell(e.read)}</td><td>${triCell(e.list)}</td><td>${triCell(e.write)}</td><td>${triCell(e.aclWrite)}</td></tr></tbody></table>`;
  return section(tt('誰でもできること（公開判定）と根拠', 'What anyone can do, and the evidence'), verdicts + from + evidenceTable(e.evidence));
}

function findingPart(f: ReportFinding, resource: Resource | null): string {
  const duties = f.duties.map((d) => d.id).join(' ');
  const evidence = f.evidence.length ? `<details class="ev-details"><summary>${tt(`根拠 (${f.evidence.length})`, `Evidence (${f.evidence.length})`)}</summary>${evidenceTable(f.evidence)}</details>` : '';
  const state = f.baseline ? ` <span class="bl bl-${esc(f.baseline)}" data-baseline="${esc(f.baseline)}">${t(BASELINE_LABEL[f.baseline])}</span>` : '';
  const was = f.originalSeverity ? ` <span class="small muted">(${tt('変更前', 'was')} ${t(SEVERITY_LABEL[f.originalSeverity])})</span>` : '';
  return `<div class="finding" data-sev="${esc(f.severity)}" data-duties=" ${esc(duties)} "${f.baseline ? ` data-baseline="${esc(f.baseline)}"` : ''}>
<div class="finding-head">${sevBadge(f.severity)}${was}${state} <strong>${t(f.title)}</strong> <code class="check">${esc(f.checkId)}</code></div>
<p>${t(f.detail)}</p>
<div class="finding-duties"><span class="label">${tt('義務', 'Duties')}</span>${dutyChips(f.duties)}</div>
${remediationPart(f, resource)}
${evidence}</div>`;
}


function findingsPart(findings: readonly ReportFinding[], resource: Resource | null): string {
  if (findings.length === 0) return section(tt('指摘事項', 'Findings'), `<p class="muted">${tt('指摘事項はありません。', 'No findings.')}</p>`);
  return section(tt(`指摘事項 (${findings.length})`, `Findings (${findings.length})`), findings.map((f) => findingPart(f, resource)).join(''));
}

function dataPart(d: DataProfile): string {
  const persons = d.persons;
  const rows: [string, string][] = [
    [tt('個人データ', 'Personal data'), triCell(d.personalData)],
    [tt('区分', 'APPI classes'), d.classes.length ? d.classes.map((c) => `<span class="chip">${t(classLabel(c))}</span>`).join(' ') : '<span class="muted">—</span>'],
    [tt('本人の数（サンプル内）', 'Persons in the sample'), esc(persons.sampled.toLocaleString('en-US'))],
    [
      tt('本人の数（推定）', 'Persons (estimate)'),
      `${esc(persons.estimate.low.toLocaleString('en-US'))}–${esc(persons.estimate.high.toLocaleString('en-US'))} <span class="muted">(${t({ ja: personsBasisJa(persons.estimate.basis), en: persons.estimate.basis })})</span>`,
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
        .map((x) => `<tr><td>${t(detectorLabel(x.type))}</td><td>${t(CONFIDENCE_LABEL[x.confidence] ?? { ja: x.confidence, en: x.confidence })}</td><td class="num">${esc(x.count.toLocaleString('en-US'))}</td><td class="num">${esc(x.objects)}</td><td>${x.masked.map((m) => `<code>${esc(m)}</code>`).join(' ')}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const examples = d.examples.length
    ? `<p class="small">${tt('検出のあったオブジェクト', 'Objects with detections')}: ${d.examples.map((e) => `<code>${esc(e.key)}</code> (${e.types.map((x) => t(detectorLabel(x))).join(', ')})`).join('; ')}</p>`
    : '';
  const skipped = d.sampled.skipped.length ? `<p class="small muted">${tt('読まなかったオブジェクト', 'Not read')}: ${d.sampled.skipped.map((s) => `<code>${esc(s.key)}</code> — ${t(skipReasonText(s.reason))}`).join('; ')}</p>` : '';
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

/** --evidence changes: who opened the resource, and when, with the log it comes from. */
function openedPart(r: Resource): string {
  return r.openedBy ? section(tt('公開の経緯', 'How it became public'), `<p>${t(openedByText(r.openedBy))}</p>`) : '';
}

function settingsPart(r: Resource): string {
  const rows: [string, string][] = [
    [tt('リージョン', 'Region'), esc(r.region ?? '—')],
    [tt('保存時の暗号化', 'Encryption at rest'), r.encryption.atRest === null ? triCell(null) : esc(r.encryption.atRest)],
    [tt('HTTPSのみ', 'HTTPS only'), triCell(r.transport.httpsOnly, true) + (r.transport.minTls ? ` <span class="muted">(${tt('最小の TLS', 'min TLS')} ${esc(r.transport.minTls)})</span>` : '')],
    [tt('バージョニング', 'Versioning'), triCell(r.versioning, true)],
    [tt('論理削除', 'Soft delete'), triCell(r.softDelete, true)],
    [tt('アクセスログ', 'Access logging'), triCell(r.logging, true)],
    [tt('保持ロック', 'Retention lock'), triCell(r.retentionLock, true)],
    [tt('静的ウェブサイト', 'Static website'), triCell(r.website, true)],
  ];
  const tags = Object.entries(r.tags);
  if (tags.length) rows.push([tt('タグ', 'Tags'), tags.map(([k, v]) => `<code>${esc(k)}=${esc(v)}</code>`).join(' ')]);
  if (r.externalPrincipals.length) {
    rows.push([tt('外部の主体', 'External principals'), r.externalPrincipals.map((p) => `<code>${esc(p.id)}</code> (${t(joinI18n(p.capabilities.map((c) => CAPABILITY_VERBS[c])))})`).join('<br>')]);
  }
  if (r.errors.length) rows.push([tt('失敗した呼び出し', 'Failed calls'), r.errors.map((e) => `<code>${esc(e.call)}</code> ${esc(e.code)} — ${t(errorMessage(e))}`).join('<br>')]);
  return section(tt('設定', 'Settings'), kv(rows));
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

/** What ran on the resource and raised nothing: the coverage a self-assessment shows. */
function passedPart(c: ResourceCoverage): string {
  const items = (list: ResourceCoverage['passed']): string => `<ul class="passed">${list.map((x) => `<li><code>${esc(x.id)}</code> ${t(x.title)}</li>`).join('')}</ul>`;
  if (c.partial) {
    return section(
      tt(`確認できていないチェック（${c.unverified.length} / ${c.applicable.length}）`, `Not verified (${c.unverified.length} of ${c.applicable.length} checks)`),
      `<p class="small warn-box">${tt('一部の設定を読み取れなかったため（not-verified を参照）、指摘のなかったチェックも「問題なし」とは言えません。', 'Some settings could not be read (see not-verified), so the checks that raised nothing are not counted as passed.')}</p>${items(c.unverified)}`,
      'passed-part unverified',
    );
  }
  return section(tt(`確認して問題なし（${c.passed.length} / ${c.applicable.length} チェック）`, `Checked and passed (${c.passed.length} of ${c.applicable.length} checks)`), items(c.passed), 'passed-part');
}

/** A resource's card; `coverage` is null for account subjects (IAM). */
export function card(v: ResourceView, index: number, coverage: ResourceCoverage | null): string {
  const r = v.resource;
  const body = r
    ? [exposurePart(r, v.since), assessmentPart(v), r.data ? dataPart(r.data) : '', dutiesPart(v.duties), findingsPart(v.findings, r), coverage ? passedPart(coverage) : '', probePart(r), openedPart(r), settingsPart(r)].join('')
    : [section(tt('対象', 'Subject'), `<p>${tt('アカウント又はIDに関する指摘です（ストレージのリソースではありません）。', 'Findings about an account or identity, not a storage resource.')}</p>`), findingsPart(v.findings, null)].join('');
  const account = r && !v.id.startsWith(r.account) ? ` · ${esc(r.account)}` : '';
  const sub = r ? `${account}${r.region ? ` · ${esc(r.region)}` : ''}` : ` · ${esc(v.report.scope.accounts.join(', '))}`;
  const duties = v.duties.map((d) => d.id).join(' ');
  return `<details class="card" id="res-${index}" data-provider="${esc(v.provider)}" data-max-sev="${esc(v.maxSeverity ?? 'none')}" data-duties=" ${esc(duties)} " data-exposed="${String(v.exposed)}" data-personal="${String(v.personalData)}">
<summary class="card-head"><div class="card-title"><h3>${esc(v.name)}</h3><div class="sub"><code>${esc(v.id)}</code>${sub}</div><div class="badges">${headBadges(v)}</div></div></summary>
<div class="card-body" id="res-${index}-body">${body}</div></details>`;
}
