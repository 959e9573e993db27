// The view per APPI duty: for each duty a finding can cite, the checks that look for it, how many resources they
// checked and how many fail it — the coverage of a self-assessment, duty by duty.
import type { DutyCoverage } from '../coverage.js';
import { esc, grid, num, t, tt } from './text.js';

export function dutiesView(rows: readonly DutyCoverage[]): string {
  const body = rows.map(
    (d) =>
      `<tr data-duty="${esc(d.id)}" class="${d.failing > 0 ? 'duty-failing' : ''}"><td><code>${esc(d.id)}</code> ${t(d.name)}</td><td class="num">${num(d.checks.length)}</td><td class="num" data-checked="${d.checked}">${num(d.checked)}</td><td class="num" data-failing="${d.failing}">${d.failing > 0 ? `<strong class="tri-yes">${num(d.failing)}</strong>` : num(0)}</td><td class="num">${num(d.findings)}</td></tr>`,
  );
  return `<section id="duties-view"><h2>${tt('義務ごとの確認状況', 'Duty by duty: checked and failing')}</h2>
<p class="small muted">${tt('各義務を引用するチェックが確認したリソースの数と、その義務に反する指摘（又は評価）があるリソースの数です。', 'How many resources the checks citing each duty looked at, and how many have a finding (or an assessment) citing it.')}</p>
<div class="scroll">${grid([tt('義務', 'Duty'), tt('チェック数', 'Checks'), tt('確認したリソース', 'Resources checked'), tt('該当するリソース', 'Resources failing'), tt('指摘', 'Findings')], body, 'class="grid duties-view"')}</div></section>`;
}
