// The report's stylesheet (inline; the CSP allows inline styles, no url(), no font or image from anywhere), and the
// print page box: A4, a running header with the scope and the scan date, page numbers.

export const CSS = `
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
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 3rem;overflow-wrap:anywhere}
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
#filters select,#filters button{font:inherit;font-size:.9rem;padding:.15rem .4rem;max-width:100%}#filters label{max-width:100%}
#f-count{color:var(--muted);font-size:.9rem}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;margin:.8rem 0;overflow:hidden}
.card[data-max-sev="critical"]{border-left-color:var(--critical)}.card[data-max-sev="high"]{border-left-color:var(--high)}.card[data-max-sev="medium"]{border-left-color:var(--medium)}.card[data-max-sev="low"]{border-left-color:var(--low)}
.card-head{display:flex;gap:.6rem;align-items:flex-start;padding:.7rem .9rem;cursor:pointer;list-style:none}.card-head::-webkit-details-marker{display:none}
.card-head::before{content:"\\25B8";flex:none;width:1.2rem;color:var(--muted)}details.card[open]>.card-head::before{content:"\\25BE"}
.card-title{flex:1;min-width:0}.card-title .sub{font-size:.82rem;color:var(--muted);word-break:break-all}.badges{margin-top:.3rem}
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
.remediation pre.commands{overflow-x:auto;max-width:100%;white-space:pre;background:#fff;border:1px solid #cfe3d6;border-radius:3px;padding:.3rem .4rem;margin:.3rem 0 0;font-size:.8rem}
.ev-details summary{cursor:pointer;font-size:.85rem;color:var(--accent);margin-top:.3rem}
.eff{font-size:.8rem;border-radius:3px;padding:0 .3rem;background:#eef1f5}.eff-grants{background:#fde2e2}.eff-denies,.eff-neutralized{background:#dff3e4}.eff-unknown{background:#fff1cc}
ol.ppc{padding-left:1.6rem;font-size:.9rem}ol.ppc li{margin:.3rem 0}ol.ppc li.todo .ppc-content{color:#7a5800}
.todo-badge{background:#fff1cc;color:#7a5800;border-radius:3px;padding:0 .3rem;font-size:.75rem;font-weight:700}
ul.signals{padding-left:1.2rem;font-size:.9rem}
footer{max-width:1200px;margin:0 auto;padding:0 1.5rem 2rem;color:var(--muted);font-size:.85rem}
.print-only{display:none}
.scroll{overflow-x:auto;max-width:100%}
.table-tools{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.3rem 0}
.table-tools input{font:inherit;padding:.15rem .4rem;min-width:12rem;max-width:100%}
.table-box{max-height:70vh;overflow:auto;border:1px solid var(--line);border-radius:6px;background:var(--card)}
table.rt{margin:0;font-size:.85rem}table.rt th{position:sticky;top:0;z-index:1;white-space:nowrap}table.rt td{white-space:nowrap}
table.rt td:first-child{white-space:normal;min-width:12rem;max-width:22rem;word-break:break-all}
button.sort{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort="ascending"] button.sort::after{content:" \\25B4"}th[aria-sort="descending"] button.sort::after{content:" \\25BE"}
tr.rt-hidden{display:none}
.rt .c-yes::before{content:"はい";color:var(--critical);font-weight:600}.rt .c-no::before{content:"いいえ";color:#1e6b34}.rt .c-null::before{content:"不明";color:#7a5800;font-weight:600}.rt .c-none::before{content:"—";color:var(--muted)}.rt .c-unchecked::before{content:"未確認";color:#7a5800}
html[data-lang="en"] .rt .c-yes::before{content:"yes"}html[data-lang="en"] .rt .c-no::before{content:"no"}html[data-lang="en"] .rt .c-null::before{content:"unknown"}html[data-lang="en"] .rt .c-unchecked::before{content:"not checked"}
.rt .c-sev::before{display:inline-block;border-radius:4px;padding:0 .45rem;color:#fff;font-size:.8rem;font-weight:600}
.rt .c-critical::before{content:"緊急";background:var(--critical)}.rt .c-high::before{content:"高";background:var(--high)}.rt .c-medium::before{content:"中";background:var(--medium)}.rt .c-low::before{content:"低";background:var(--low)}.rt .c-info::before{content:"情報";background:var(--info)}
html[data-lang="en"] .rt .c-critical::before{content:"Critical"}html[data-lang="en"] .rt .c-high::before{content:"High"}html[data-lang="en"] .rt .c-medium::before{content:"Medium"}html[data-lang="en"] .rt .c-low::before{content:"Low"}html[data-lang="en"] .rt .c-info::before{content:"Info"}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem;margin:1rem 0}
figure.chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;min-width:0}
figure.chart figcaption{font-weight:600;font-size:.9rem;margin-bottom:.3rem}
figure.chart svg{display:block;max-width:100%;height:auto;font-size:13px;font-family:inherit}
.tl-axis{stroke:#9aa3b2;stroke-width:2}.tl-prelim{fill:#d9480f}.tl-known{fill:#1f4e8c}.tl-final{fill:#a4161a}.tl-occurred{fill:#7048e8}.tl-exposed{stroke:#7048e8;stroke-dasharray:4 3}
.tl-today{stroke:#1e7b34;stroke-width:2;stroke-dasharray:4 3}.tl-today-lab{fill:#1e7b34;font-weight:600}.tl-lab{font-size:12px;fill:#1d2330}.tl-name{font-weight:600;font-size:12px}
.mx-yes{fill:#a4161a}.mx-no{fill:#e9edf3}.mx-null{fill:#f0d48a}.mx-mark{fill:#fff;font-weight:700}.mx-pd{fill:#7a1f8c}.mx-pd-null{fill:#7a5800;font-weight:700}.mx-head{font-weight:600;font-size:12px}.mx-name{font-size:12px}
.sv-critical{fill:#a4161a}.sv-high{fill:#d9480f}.sv-medium{fill:#b8860b}.sv-low{fill:#1c64b4}.sv-info{fill:#6b7280}.sv-legend,.sv-total,.sv-name,.ct-name,.ct-total,.tr-name,.tr-total,.tr-legend{font-size:12px}
.ct-bar{fill:#7a1f8c}.ct-specific_personal_information{fill:#a4161a}.ct-sensitive{fill:#d9480f}
.tr-unchanged{fill:#9aa3b2}.tr-resolved{fill:#1e7b34}.tr-new{fill:#a4161a}
ul.passed{columns:2 18rem;font-size:.85rem;padding-left:1.2rem;margin:.2rem 0}
.cover{display:none}
@media (max-width:760px){.kpis{grid-template-columns:repeat(2,1fr)}main{padding:.8rem .8rem 2rem}.top{padding:.6rem .8rem}footer{padding:0 .8rem 1.5rem}
 figure.chart{overflow-x:auto}figure.chart svg{min-width:34rem}dl.kv{grid-template-columns:minmax(0,1fr)}dl.kv dd{margin-bottom:.3rem}.card-body{padding:0 .5rem .6rem}table.grid{display:block;overflow-x:auto}table.grid th,table.grid td{min-width:5.5rem}.top{flex-wrap:wrap}}
@media print{
 html{background:#fff;font-size:10pt}
 .no-print,#filters,.lang{display:none!important}
 .print-only{display:block}
 .top{background:#fff;color:#000;border-bottom:2px solid #000;padding:.3rem 0}
 main{max-width:none;padding:0}
 .cover{display:block;break-after:page;padding-top:30mm}.cover h1{font-size:20pt}
 html:not(.print-full) #resource-table,html:not(.print-full) #resources,html:not(.print-full) #resources-heading,html:not(.print-full) #resolved,html:not(.print-full) #suppressed,html:not(.print-full) #config-warnings,html:not(.print-full) #errors,html:not(.print-full) .charts figure:not(#chart-deadlines):not(#chart-exposure),html:not(.print-full) .framing{display:none!important}
 html.print-full #print-summary{display:none}
 .table-box{max-height:none;overflow:visible;border:0}table.rt th{position:static}
 .charts{display:block}figure.chart{break-inside:avoid;margin:.4rem 0;max-width:170mm}
 .card{border:1px solid #999;border-left-width:4px;break-inside:auto}
 .card-head{break-after:avoid}.card-head::before{content:none}
 .kpi,table.grid tr,.finding-head,dl.kv>*{break-inside:avoid}
 h2,h4,h5{break-after:avoid}
 a{color:inherit;text-decoration:none}
 ol.ppc li{break-inside:avoid}
}`;

/** A CSS string literal of any text (every character outside a safe set written as a \HHHHHH escape). */
export function cssString(s: string): string {
  return `"${[...s].map((c) => (/[A-Za-z0-9 .,:_()\/-]/.test(c) ? c : `\\${(c.codePointAt(0) ?? 0x3f).toString(16).padStart(6, '0')}`)).join('')}"`;
}

/** The printed page: A4, header "kumoscan · scope" left and the scan date right, "page / pages" at the bottom. */
export function pageCss(scope: string, scanDate: string): string {
  return `@page{size:A4;margin:18mm 14mm 16mm;@top-left{content:${cssString(`kumoscan · ${scope}`)};font-size:8pt;color:#555}@top-right{content:${cssString(scanDate)};font-size:8pt;color:#555}@bottom-center{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}}`;
}
