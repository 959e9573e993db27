// What only the printout has: a cover page (title, scope, scan date) and, after the first screen's summary, the
// exposed resources holding personal data and the drafts of the report to the PPC — a few A4 pages a
// self-assessment can attach. The resource table and the cards are left out of it (a button prints everything).
import type { I18n } from '../../../src/model.js';
import { PROVIDER_LABEL, RESULT_LABEL, NOT_ESTIMATED, classLabel, type ResourceView } from '../view.js';
import { ppcPart } from './assessment.js';
import { esc, grid, num, t, tt } from './text.js';

/** At most this many exposed resources are listed in the printout, and this many PPC drafts printed. */
export const PRINT_MAX_RESOURCES = 30;
export const PRINT_MAX_DRAFTS = 3;

export function coverPart(title: I18n, scope: string, scanDate: string, notLegalAdvice: I18n): string {
  return `<section class="cover print-only" id="cover"><p class="meta">kumoscan</p><h1>${t(title)}</h1>
<p>${tt('対象', 'Scope')}: ${esc(scope)}</p><p>${tt('スキャン日時', 'Scanned')}: ${esc(scanDate)}</p><p class="notice"><strong>${t(notLegalAdvice)}</strong></p></section>`;
}

function more(n: number, what: I18n): string {
  return n > 0 ? `<p class="small muted">${t({ ja: `ほか ${n.toLocaleString('en-US')} 件の${what.ja}は HTML 版を参照してください。`, en: `${n.toLocaleString('en-US')} more ${what.en}: see the HTML report.` })}</p>` : '';
}

export function printSummaryPart(views: readonly ResourceView[]): string {
  const exposed = views.filter((v) => v.resource && v.exposed === true && v.personalData === true);
  const rows = exposed.slice(0, PRINT_MAX_RESOURCES).map((v) => {
    const classes = v.resource?.data?.classes.filter((c) => c !== 'not_personal') ?? [];
    const p = v.resource?.data?.persons;
    return `<tr><td>${esc(v.name)}<div class="small muted">${esc(PROVIDER_LABEL[v.provider])} · <code>${esc(v.resource?.account ?? '')}</code></div></td><td>${classes.map((c) => t(classLabel(c))).join('<br>') || '—'}</td><td class="num">${p ? `${num(p.estimate.low)}–${num(p.estimate.high)}` : '—'}</td><td>${v.reportability ? t(RESULT_LABEL[v.reportability.result]) : t(NOT_ESTIMATED)}</td></tr>`;
  });
  const list = exposed.length
    ? grid([tt('リソース', 'Resource'), tt('個人データの区分', 'Personal data'), tt('本人の数（推定）', 'Persons (estimate)'), tt('推定', 'Estimate')], rows, 'class="grid" id="print-exposed"') + more(exposed.length - rows.length, { ja: 'リソース', en: 'resources' })
    : `<p class="muted">${tt('誰でも読み取れる個人データは見つかりませんでした。', 'No personal data readable by anyone was found.')}</p>`;
  const drafted = views.filter((v) => v.ppcDraft && v.reportability?.result === 'likely');
  const drafts = drafted
    .slice(0, PRINT_MAX_DRAFTS)
    .map((v) => `<section class="print-draft"><h3>${esc(v.name)}</h3>${ppcPart(v.ppcDraft ?? [])}</section>`)
    .join('');
  return `<section id="print-summary" class="print-only">
<h2>${tt('誰でも読み取れる個人データ', 'Personal data readable by anyone')}</h2>${list}
${drafted.length ? `<h2 class="print-ppc">${tt('個人情報保護委員会への報告 下書き', 'Drafts of the report to the PPC')}</h2>${drafts}${more(drafted.length - PRINT_MAX_DRAFTS, { ja: '下書き', en: 'drafts' })}` : ''}
</section>`;
}
