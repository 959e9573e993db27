// The APPI assessment of one resource as HTML: the reportability estimate (Rules Art. 7), the deadlines (Art. 8),
// the draft of the report to the PPC and the entrustment signals.
import type { Deadlines, EntrustmentSignal, PpcDraftItem, Reportability } from '../../appi/types.js';
import { CATEGORY_LABEL, RESULT_LABEL, type ResourceView } from '../view.js';
import { esc, kv, section, t, triCell, tt } from './text.js';
import { occurrenceRange } from '../../appi/occurrence.js';

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

export function deadlinesPart(d: Deadlines): string {
  return kv([
    ...(d.occurred ? [[tt('発生日（推定）', 'Occurred (発生日, estimate)'), t(occurrenceRange(d.occurred))] as [string, string]] : []),
    [tt('知った日', 'Day the business knew (知った日)'), esc(d.discoveredAt)],
    [tt('速報', 'Preliminary report (速報)'), `<strong>${esc(d.preliminary.from)} 〜 ${esc(d.preliminary.to)}</strong> <span class="muted">${t(d.preliminary.note)}</span>`],
    [tt('確報', 'Final report (確報)'), `<strong>${esc(d.final.due)}</strong> (${tt(`${d.final.days}日以内`, `within ${d.final.days} days`)}) <span class="muted">${t(d.final.note)}</span>`],
    [tt('本人への通知', 'Notify the persons'), t(d.notifyPersons)],
  ]);
}

export function ppcPart(items: readonly PpcDraftItem[]): string {
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

export function assessmentPart(v: ResourceView): string {
  const parts: string[] = [];
  if (v.note) parts.push(`<p>${t(v.note)}</p>`);
  if (v.readByOutsiders) parts.push(`<h5>${tt('誰が読み取ったか（アクセスログ）', 'Who read it (access logs)')}</h5><p class="reads ${v.readByOutsiders.leak}">${v.readByOutsiders.leak === 'occurred' ? `<strong>${tt('漏えい（発生を確認）', 'leaked (confirmed)')}</strong> ` : ''}${t(v.readByOutsiders.text)}</p>`);
  if (v.reportability) parts.push(`<h5>${tt('漏えい等報告の要否（法第26条）の推定', 'Breach reportability estimate (APPI Art. 26)')}</h5>${reportabilityPart(v.reportability)}`);
  else if (v.exposed === true && v.personalData === true) parts.push(`<p class="estimate"><strong>${tt('漏えい等報告の要否: 未推定', 'Breach reportability: not estimated')}</strong></p>`);
  if (v.deadlines) parts.push(`<h5>${tt('報告期限（規則第8条）', 'Deadlines (Rules Art. 8)')}</h5>${deadlinesPart(v.deadlines)}`);
  if (v.ppcDraft) parts.push(`<h5>${tt('個人情報保護委員会への報告 下書き（規則第8条第1項 各号）', 'Draft of the report to the PPC (Rules Art. 8(1) items 1–9)')}</h5>${ppcPart(v.ppcDraft)}`);
  if (v.entrustment.length) parts.push(`<h5>${tt('委託の兆候（法第25条）', 'Entrustment signals (APPI Art. 25)')}</h5>${entrustmentPart(v.entrustment)}`);
  if (parts.length === 0) return '';
  return section(tt('個人情報保護法上の評価', 'APPI assessment'), parts.join(''), 'assessment');
}
