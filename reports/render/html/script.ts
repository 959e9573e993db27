// The page's behaviour, the report's only script: language switch (remembered for the session), sorting and
// searching the resource table, the card filters, expanding cards, and printing with every detail. It holds no data
// and requests nothing; the CSP admits it by its hash.
import { createHash } from 'node:crypto';

export const JS = `
(function(){
var root=document.documentElement;
function lang(){return root.getAttribute('data-lang');}
function setLang(l){root.setAttribute('data-lang',l);root.setAttribute('lang',l);
document.querySelectorAll('[data-set-lang]').forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-set-lang')===l));});
document.querySelectorAll('option[data-ja]').forEach(function(o){o.textContent=o.getAttribute('data-'+l);});
try{sessionStorage.setItem('kumoscan-lang',l);}catch(e){}
count();rtCount();}
var RANK={critical:5,high:4,medium:3,low:2,info:1};
var cards=[].slice.call(document.querySelectorAll('details.card'));
var sev=document.getElementById('f-sev'),prov=document.getElementById('f-prov'),duty=document.getElementById('f-duty'),out=document.getElementById('f-count'),pf=document.getElementById('print-filter');
function count(){var n=cards.filter(function(c){return !c.hidden;}).length;var l=lang();
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
var ex=document.getElementById('f-expand'),co=document.getElementById('f-collapse');
if(ex)ex.addEventListener('click',function(){cards.forEach(function(c){c.open=true;});});
if(co)co.addEventListener('click',function(){cards.forEach(function(c){c.open=false;});});
document.querySelectorAll('[data-set-lang]').forEach(function(b){b.addEventListener('click',function(){setLang(b.getAttribute('data-set-lang'));});});
document.addEventListener('click',function(ev){var a=ev.target&&ev.target.closest?ev.target.closest('a[href^="#res-"]'):null;if(!a)return;
var c=document.getElementById(a.getAttribute('href').slice(1));if(c){c.hidden=false;c.open=true;}});
var table=document.getElementById('rt'),body=table?table.tBodies[0]:null,rows=body?[].slice.call(body.rows):[];
var search=document.getElementById('rt-search'),rtc=document.getElementById('rt-count'),more=document.getElementById('rt-more'),all=document.getElementById('rt-all');
var page=more?Number(more.getAttribute('data-page')):rows.length,limit=page,matched=rows.length,shown=Math.min(limit,rows.length);
function rtCount(){if(rtc)rtc.textContent=lang()==='ja'?(matched+' 件中 '+shown+' 件を表示'):(shown+' of '+matched+' shown');
if(more)more.hidden=shown>=matched;if(all)all.hidden=shown>=matched;}
function show(){var q=search?search.value.trim().toLowerCase():'';matched=0;shown=0;
rows.forEach(function(r){var m=!q||(r.getAttribute('data-q')||'').indexOf(q)>=0;if(m)matched++;var v=m&&shown<limit;if(v)shown++;
if(r.classList.contains('rt-hidden')===v)r.classList.toggle('rt-hidden',!v);});rtCount();}
var timer=0;
if(search)search.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(function(){limit=page;show();},120);});
if(more)more.addEventListener('click',function(){limit+=page;show();});
if(all)all.addEventListener('click',function(){limit=rows.length;show();});
if(table)table.querySelectorAll('th[data-col]').forEach(function(th){var b=th.querySelector('button');if(!b)return;b.addEventListener('click',function(){
var col=Number(th.getAttribute('data-col')),num=th.getAttribute('data-type')==='num';
var dir=th.getAttribute('aria-sort')==='descending'?1:(th.getAttribute('aria-sort')==='ascending'?-1:(num?-1:1));
table.querySelectorAll('th[data-col]').forEach(function(o){o.setAttribute('aria-sort','none');});
th.setAttribute('aria-sort',dir===1?'ascending':'descending');
var keyed=rows.map(function(r,i){var c=r.cells[col],k=c?(c.hasAttribute('data-k')?c.getAttribute('data-k'):c.textContent.replace(/,/g,'')):'';return {r:r,k:num?Number(k):k,i:i};});
keyed.sort(function(a,b){return a.k<b.k?-dir:a.k>b.k?dir:a.i-b.i;});
rows=keyed.map(function(x){return x.r;});show();var f=document.createDocumentFragment();rows.forEach(function(r){f.appendChild(r);});body.appendChild(f);});});
var pfull=document.getElementById('print-full');
if(pfull)pfull.addEventListener('click',function(){root.classList.add('print-full');window.print();});
window.addEventListener('beforeprint',function(){if(root.classList.contains('print-full'))document.querySelectorAll('details').forEach(function(d){d.open=true;});});
window.addEventListener('afterprint',function(){root.classList.remove('print-full');});
var saved=null;try{saved=sessionStorage.getItem('kumoscan-lang');}catch(e){}
setLang(saved==='en'||saved==='ja'?saved:root.getAttribute('data-lang'));apply();rtCount();
})();`;

/** The CSP allows this one script by its hash (no 'unsafe-inline' for scripts: an injected script would not run). */
export const SCRIPT_HASH = `'sha256-${createHash('sha256').update(JS, 'utf8').digest('base64')}'`;
