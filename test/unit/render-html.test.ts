// The HTML report: one self-contained file (no external request), both languages with Japanese first, the executive
// summary, a card per resource, filters, print CSS, and every cloud-controlled string escaped.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { esc, renderHtml } from '../../reports/render/html.js';
import { allViews, summarize } from '../../reports/render/view.js';
import { HOSTILE, exampleReport, hostileReport, profiledReport } from '../fixtures/render-reports.js';

describe('renderHtml', () => {
  test('esc() escapes the five HTML specials and the backtick', () => {
    assert.equal(esc(`<a href="x" title='y'>&\``), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });

  test('one self-contained file: no external URL, stylesheet, script, font or image; a CSP forbids requests', () => {
    const html = renderHtml([exampleReport('aws'), exampleReport('azure'), exampleReport('gcp')]);
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /<script[^>]+src=/i);
    assert.doesNotMatch(html, /<link\b/i);
    assert.doesNotMatch(html, /<img\b/i);
    assert.doesNotMatch(html, /@import|@font-face|url\(/i);
    assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//i, 'no absolute or protocol-relative links');
    for (const m of html.matchAll(/href="([^"]*)"/g)) assert.ok(m[1]?.startsWith('#'), `only in-page links: ${m[1]}`);
    assert.equal((html.match(/<script>/g) ?? []).length, 1, 'one inline script');
    assert.equal((html.match(/<style>/g) ?? []).length, 1, 'one inline stylesheet');
  });

  test('the CSP allows the report’s own script by its SHA-256 hash, and no other inline script', () => {
    const html = renderHtml(exampleReport('aws'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval|\*/);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(script.length > 100);
    assert.equal(scriptSrc, `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler (the CSP would block it)');
  });

  test('Japanese first with an English switch; both languages are in the page', () => {
    const html = renderHtml(exampleReport('gcp'));
    assert.match(html, /<html lang="ja" data-lang="ja">/);
    assert.match(html, /html\[data-lang="ja"\] \.l-en,html\[data-lang="en"\] \.l-ja\{display:none\}/);
    assert.match(html, /data-set-lang="ja" aria-pressed="true"/);
    assert.match(html, /data-set-lang="en" aria-pressed="false"/);
    assert.ok(html.includes('<span class="l-ja" lang="ja">スキャンしたリソース</span><span class="l-en" lang="en">Resources scanned</span>'));
    assert.ok(html.includes('本評価は法的助言ではなく、判断材料です。'));
    assert.ok(html.includes('This assessment is not legal advice'));
    assert.ok(renderHtml(exampleReport('gcp'), { lang: 'en' }).includes('<html lang="en" data-lang="en">'));
  });

  test('the executive summary comes first, with the numbers and the reportable estimates and their deadlines', async () => {
    const { report } = await profiledReport();
    const html = renderHtml(report);
    const s = summarize([report]);
    assert.equal(s.resources, 3);
    assert.equal(s.exposed, 1);
    assert.equal(s.exposedPersonal, 1);
    assert.equal(s.likely.length, 1);
    assert.ok(html.indexOf('id="summary"') < html.indexOf('id="resources"'));
    assert.ok(html.includes('<div class="n" data-kpi="resources">3</div>'));
    assert.ok(html.includes('<div class="n" data-kpi="exposed">1</div>'));
    assert.ok(html.includes('<div class="n" data-kpi="exposed-personal">1</div>'));
    assert.ok(html.includes('<div class="n" data-kpi="reportable">1</div>'));
    const estimates = /<table class="grid estimates"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    assert.ok(estimates.includes('kumo-hr-health-checks'));
    assert.ok(estimates.includes('報告対象の可能性が高い') && estimates.includes('likely reportable'));
    assert.ok(estimates.includes('第1号 要配慮個人情報') && estimates.includes('第4号 1,000人超'), 'categories 1 and 4 (1,200 persons)');
    const d = s.likely[0]?.deadlines;
    assert.ok(d, 'deadlines');
    assert.ok(estimates.includes(`${d.preliminary.from} 〜 ${d.preliminary.to}`));
    assert.ok(estimates.includes(d.final.due));
    const mna = /<td class="mna">([\s\S]*?)<\/td>/.exec(estimates)?.[1] ?? '';
    assert.match(mna, /tri-yes/, 'My Number Act flag');
  });

  test('a card per resource (and per account subject) with evidence, duties in Japanese, remediation, masked data profile, PPC draft', async () => {
    const { report } = await profiledReport();
    const html = renderHtml(report);
    const views = allViews([report]);
    assert.equal((html.match(/<details class="card"/g) ?? []).length, views.length);
    const card = /<details class="card" id="res-0"[\s\S]*?<\/details>\n/.exec(html)?.[0] ?? '';
    assert.ok(!/<details class="card"[^>]*\sopen/.test(html), 'every card starts closed');
    assert.ok(card.includes('data-provider="gcp"'));
    assert.ok(card.includes('data-max-sev="critical"'));
    assert.ok(card.includes('allUsers (anyone on the internet, anonymous) has roles/storage.objectViewer'), 'evidence');
    assert.ok(card.includes('法第23条 安全管理措置') && card.includes('通則ガイドライン10-6(1) アクセス制御'), 'duties by their Japanese names');
    assert.ok(card.includes('法第26条 漏えい等の報告等'), 'the duty the assessment adds');
    assert.ok(card.includes('class="remediation"'));
    const masked = report.resources.find((r) => r.id === 'gs://kumo-hr-health-checks')?.data?.detections.find((d) => d.type === 'my_number')?.masked[0];
    assert.ok(masked && card.includes('マイナンバー') && card.includes(esc(masked)), 'masked My Numbers');
    assert.ok(card.includes('規則第8条第1項'), 'PPC draft');
    assert.ok(card.includes('class="todo-badge">TODO'), 'items the scan cannot know are TODOs');
    assert.ok(card.includes('data-sev="critical" data-duties=" APPI-23 GL-10-6-1 GL-10-6-2 "'), 'filterable findings');
  });

  test('filters by severity, provider and duty; print CSS hides the controls and, unless every detail is asked for, the cards', () => {
    const html = renderHtml([exampleReport('aws'), exampleReport('gcp')]);
    assert.match(html, /<select id="f-sev">/);
    assert.match(html, /<select id="f-prov"><option value="" data-ja="すべてのクラウド" data-en="All providers">すべてのクラウド<\/option><option value="aws"/);
    assert.match(html, /<select id="f-duty">[\s\S]*<option value="APPI-25"/);
    assert.match(html, /@media print\{[^]*\.no-print,#filters,\.lang\{display:none!important\}/);
    assert.match(html, /@media print\{[^]*html:not\(\.print-full\) #resources,/);
    assert.match(html, /<button type="button" class="no-print" id="print-full">/);
  });

  test('a report without an estimate (an older kumoscan) says "not estimated" instead of failing', async () => {
    const { report } = await profiledReport();
    const old = structuredClone(report);
    old.schemaVersion = '1.1.0';
    for (const p of old.assessment.perResource) Object.assign(p, { reportability: null, deadlines: null, ppcDraft: null });
    const html = renderHtml(old);
    assert.ok(html.includes('<span class="l-ja" lang="ja">未推定</span><span class="l-en" lang="en">not estimated</span>'));
    assert.ok(html.includes('<div class="n" data-kpi="reportable">0</div>'));
  });

  test('cloud-controlled strings are escaped everywhere: names, object keys, tags, evidence', () => {
    const html = renderHtml(hostileReport());
    for (const raw of Object.values(HOSTILE)) assert.equal(html.includes(raw), false, `raw: ${raw}`);
    assert.doesNotMatch(html, /<img|<b onmouseover|onerror="|<\/script><script>/);
    assert.ok(html.includes(esc(HOSTILE.name)));
    assert.ok(html.includes(esc(HOSTILE.key)));
    // The only script element is ours.
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});
