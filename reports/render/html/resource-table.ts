// The compact table of every resource: provider, account, read/list/write, personal-data classes, persons,
// reportability, worst severity and findings. Sortable and searchable by the page's script (data-sort keys on the
// cells); it scrolls inside its own box so 5,000 rows do not make the page 5,000 rows tall.
import { severityRank } from '../../../src/model.js';
import { NOT_ESTIMATED, PROVIDER_LABEL, RESULT_LABEL, classLabel, type ResourceView } from '../view.js';
import { esc, num, t, tt } from './text.js';

/** Rows shown at first (and added per "show more"); the others are in the page, hidden until searched, sorted or shown. */
export const TABLE_PAGE = 100;

const RESULT_RANK: Record<string, number> = { likely: 4, review: 3, 'exempt-candidate': 2, unlikely: 1 };

function triKey(v: boolean | null | undefined): number {
  return v === true ? 2 : v === null ? 1 : 0;
}

// Cells carry a class and the stylesheet writes the word (はい / yes …) in the page's language: 5,000 rows stay small.
function triClass(v: boolean | null | undefined): string {
  return v === true ? 'c-yes' : v === null ? 'c-null' : v === false ? 'c-no' : 'c-none';
}

function row(v: ResourceView, cardIndex: number | undefined, hidden: boolean): string {
  const r = v.resource;
  const e = r?.exposure;
  const classes = r?.data?.classes.filter((c) => c !== 'not_personal') ?? [];
  const persons = r?.data?.persons;
  const name = cardIndex !== undefined ? `<a href="#res-${cardIndex}">${esc(v.name)}</a>` : esc(v.name);
  const est = v.reportability ? t(RESULT_LABEL[v.reportability.result]) : v.exposed === true && v.personalData === true ? t(NOT_ESTIMATED) : '';
  const search = [v.id, r?.account ?? '', v.provider].join(' ').toLowerCase();
  const pd = classes.length ? classes.map((c) => `<span class="chip">${t(classLabel(c))}</span>`).join(' ') : '';
  const pdClass = classes.length ? '' : v.personalData === null && r ? ' class="c-unchecked"' : ' class="c-none"';
  const tri = (x: boolean | null | undefined): string => `<td class="${triClass(x)}" data-k="${triKey(x)}"></td>`;
  return (
    `<tr data-q="${esc(search)}"${hidden ? ' class="rt-hidden"' : ''}><td data-k="${esc(v.name.toLowerCase())}">${name}</td><td data-k="${esc(v.provider)}">${esc(PROVIDER_LABEL[v.provider])}</td><td data-k="${esc(r?.account ?? '')}">${esc(r?.account ?? '—')}</td>` +
    tri(e?.read) +
    tri(e?.list) +
    tri(e?.write) +
    `<td${pdClass} data-k="${classes.length ? classes.length * 10 + (classes.includes('specific_personal_information') ? 5 : 0) : v.personalData === null ? -1 : 0}">${pd}</td>` +
    `<td class="num" data-k="${persons ? persons.estimate.high : -1}">${persons ? `${num(persons.estimate.low)}–${num(persons.estimate.high)}` : '—'}</td>` +
    `<td${est ? '' : ' class="c-none"'} data-k="${v.reportability ? (RESULT_RANK[v.reportability.result] ?? 0) : 0}">${est}</td>` +
    `<td class="${v.maxSeverity ? `c-sev c-${v.maxSeverity}` : 'c-none'}" data-k="${v.maxSeverity ? severityRank(v.maxSeverity) : 0}"></td>` +
    `<td class="num">${num(v.findings.length)}</td></tr>`
  );
}

/**
 * The table as parts, a row each (the page is written in pieces: 100,000 rows are 50 MB of HTML, never one string).
 * `cardOf` maps a view to its card's index (resources without a card have no link).
 */
export function* resourceTableParts(views: readonly ResourceView[], cardOf: ReadonlyMap<ResourceView, number>): Generator<string> {
  const head: [string, string][] = [
    ['text', tt('リソース', 'Resource')],
    ['text', tt('クラウド', 'Provider')],
    ['text', tt('アカウント', 'Account')],
    ['num', tt('読取', 'Read')],
    ['num', tt('一覧', 'List')],
    ['num', tt('書込', 'Write')],
    ['num', tt('個人データの区分', 'Personal data')],
    ['num', tt('本人の数', 'Persons')],
    ['num', tt('報告', 'Reportability')],
    ['num', tt('最大の重大度', 'Worst severity')],
    ['num', tt('指摘', 'Findings')],
  ];
  const th = head.map(([kind, h], i) => `<th scope="col" data-col="${i}" data-type="${kind}" aria-sort="none"><button type="button" class="sort">${h}</button></th>`).join('');
  yield `<section id="resource-table"><h2>${tt(`リソース一覧 (${views.length.toLocaleString('en-US')})`, `All resources (${views.length.toLocaleString('en-US')})`)}</h2>
<div class="table-tools no-print"><label>${tt('検索', 'Search')} <input type="search" id="rt-search" autocomplete="off" spellcheck="false"></label> <span id="rt-count" class="muted" aria-live="polite">${tt(`${views.length.toLocaleString('en-US')} 件中 ${Math.min(TABLE_PAGE, views.length).toLocaleString('en-US')} 件を表示`, `${Math.min(TABLE_PAGE, views.length).toLocaleString('en-US')} of ${views.length.toLocaleString('en-US')} shown`)}</span></div>
<div class="table-box"><table class="grid rt" id="rt"><thead><tr>${th}</tr></thead><tbody>`;
  for (let i = 0; i < views.length; i++) {
    const v = views[i] as ResourceView;
    yield row(v, cardOf.get(v), i >= TABLE_PAGE);
  }
  yield `</tbody></table></div>
${views.length > TABLE_PAGE ? `<p class="no-print"><button type="button" id="rt-more" data-page="${TABLE_PAGE}">${tt(`さらに ${TABLE_PAGE} 件を表示`, `Show ${TABLE_PAGE} more`)}</button> <button type="button" id="rt-all">${tt('すべて表示', 'Show all')}</button></p>` : ''}
</section>`;
}
