// Each language whole, over whole reports: the example scans (AWS, Google Cloud, Azure, with samples, skipped
// objects, entrustees and a baseline) rendered in every format with --lang ja and --lang en. A Japanese output holds
// no English prose, an English output no Japanese outside quoted names and glossed legal terms (the rules:
// test/helpers/language-words.ts). What is not prose is set aside first: the names and ids the reports carry
// (resources, accounts, regions, check ids, evidence refs, object keys, principals), code (Markdown code, HTML
// <code>, shell commands) and URLs. The CSV holds both languages: its *_ja columns are checked as Japanese and its
// *_en columns as English; the JSON likewise ({ja, en} pairs and message/messageJa).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { renderFormat } from '../../reports/render/formats.js';
import type { DataProfile } from '../../src/data/types.js';
import type { Lang } from '../../src/model.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';
import { exampleReports } from '../helpers/example-reports.js';

function reports(): Report[] {
  // Objects the sample did not read, one per kind of reason (src/data/sample-plan.ts, src/data/sample.ts).
  return exampleReports((file, snapshot) => {
    if (!file.includes('aws-hr-system')) return;
    const samples = (snapshot as { samples?: Record<string, { profile: DataProfile | null }> }).samples;
    const sample = Object.values(samples ?? {})[0]?.profile;
    if (sample) {
      sample.sampled.skipped = [
        { key: 'archive/2019.csv', reason: 'archive storage class GLACIER' },
        { key: 'exports/big.csv', reason: 'scan byte budget spent' },
        { key: 'exports/locked.csv', reason: 'read failed (AccessDenied: Access Denied)' },
      ];
    }
  });
}

/** The names and ids the reports carry: not prose in either language. */
function identifiers(all: readonly Report[]): string[] {
  const ids = new Set<string>();
  const add = (s: string | null | undefined): void => {
    if (s) ids.add(s);
  };
  for (const r of all) {
    for (const x of r.resources) {
      [x.id, x.name, x.account, x.region, x.accountScope?.name].forEach(add);
      for (const e of x.exposure.evidence) [e.ref, e.source].forEach(add);
      for (const p of x.externalPrincipals) add(p.id);
      for (const e of x.data?.examples ?? []) add(e.key);
      for (const e of x.data?.sampled.skipped ?? []) add(e.key);
      for (const [k, v] of Object.entries(x.tags)) [k, v].forEach(add);
    }
    for (const f of [...r.findings, ...(r.resolved ?? [])]) {
      add(f.checkId);
      for (const e of f.evidence) [e.ref, e.source].forEach(add);
    }
    r.scope.accounts.forEach(add);
    add(r.scope.provider);
  }
  // The keys of kumoscan.yml the texts name (suppressions, their reason and expires, entrustees).
  ['suppressions', 'reason', 'expires', 'entrustees', 'inventory'].forEach(add);
  return [...ids].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text of a line with identifiers, URLs and shell commands set aside. */
function prose(line: string, ids: RegExp): string {
  if (/^\s*`?(aws|az|gcloud|gsutil|jq)\s/.test(line)) return '';
  return line
    .replace(/\\([()[\]{}$*_`#|.!-])/g, '$1')
    .replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? ' ')
    .replace(/\b(aws|az|gcloud|gsutil)( [a-z][a-z0-9-]*)+/g, ' ')
    .replace(ids, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/** The text the reader of one language sees in the HTML: scripts, styles and the other language's spans removed. */
function htmlText(html: string, lang: Lang): string {
  const other = lang === 'ja' ? 'en' : 'ja';
  const source = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, ' ');
  const voids = new Set(['br', 'img', 'meta', 'link', 'input', 'hr', 'wbr', 'col', 'source', 'path', 'rect', 'circle', 'line']);
  const out: string[] = [];
  const hidden: boolean[] = [];
  for (const m of source.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      if (!hidden.includes(true)) out.push(m[4]);
      continue;
    }
    const [, close, tag = '', attrs = ''] = m;
    if (voids.has(tag.toLowerCase()) || attrs.endsWith('/')) {
      out.push(' ');
      continue;
    }
    if (close) {
      const wasCode = hidden.pop() === undefined ? false : tag === 'code';
      out.push(wasCode ? '`\n' : '\n');
      continue;
    }
    hidden.push(new RegExp(`\\blang="${other}"|class="l-${other}\\b`).test(attrs));
    out.push(tag === 'code' ? '\n`' : tag === 'span' ? '' : '\n');
  }
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' };
  return out.join('').replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, e: string) => entities[e] ?? '');
}

function sarifMessages(sarif: string): string {
  const texts: string[] = [];
  const walk = (o: unknown, key: string): void => {
    if (typeof o === 'string') {
      if (key === 'text' || key === 'markdown') texts.push(o);
    } else if (Array.isArray(o)) o.forEach((x) => walk(x, key));
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  walk(JSON.parse(sarif), '');
  return texts.join('\n');
}

/** Markdown without its code blocks. */
function markdownProse(md: string): string {
  return md.replace(/^( {4}|\t).*$/gm, '').replace(/```[\s\S]*?```/g, '');
}

function leaks(text: string, lang: Lang, ids: RegExp): string[] {
  const out: string[] = [];
  // A quoted name or provider message may be wrapped over lines (the table): set it aside whole.
  for (const line of text.replace(/「[^」]*」/g, (q) => q.replace(/[^\n]/g, ' ')).split('\n')) {
    const p = prose(line, ids);
    const words = lang === 'ja' ? englishWords(p) : japaneseOutsideTerms(p);
    if (words.length > 0) out.push(`[${words.join(' ')}] ${line.trim().slice(0, 300)}`);
  }
  return [...new Set(out)];
}

function csvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

/** The {ja, en} pairs (and message / messageJa) of a JSON document. */
function jsonPairs(doc: unknown): { ja: string; en: string }[] {
  const out: { ja: string; en: string }[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      const r = o as Record<string, unknown>;
      if (typeof r.ja === 'string' && typeof r.en === 'string') out.push({ ja: r.ja, en: r.en });
      if (typeof r.messageJa === 'string' && typeof r.message === 'string') out.push({ ja: r.messageJa, en: r.message });
      Object.values(r).forEach(walk);
    }
  };
  walk(doc);
  return out;
}

describe('whole reports in one language', () => {
  const all = reports();
  const ids = new RegExp(`(?<![\\w-])(?:${identifiers(all).map(escapeRe).join('|')})(?![\\w-])`, 'g');

  for (const lang of ['ja', 'en'] as const) {
    test(`--lang ${lang}: the table of every report`, () => {
      const found = all.flatMap((r) => leaks(renderFormat('table', [r], { lang }), lang, ids));
      assert.deepEqual(found, []);
    });
    test(`--lang ${lang}: Markdown`, () => {
      assert.deepEqual(leaks(markdownProse(renderFormat('md', all, { lang })), lang, ids), []);
    });
    test(`--lang ${lang}: HTML, the text shown in that language`, () => {
      assert.deepEqual(leaks(htmlText(renderFormat('html', all, { lang }), lang), lang, ids), []);
    });
    test(`--lang ${lang}: SARIF message texts`, () => {
      assert.deepEqual(leaks(sarifMessages(renderFormat('sarif', all, { lang })), lang, ids), []);
    });
  }

  test('CSV: the *_ja columns in Japanese, the *_en columns in English', () => {
    const [head, ...rows] = csvRows(renderFormat('csv', all, { lang: 'ja' }));
    assert.ok(head && rows.length > 50, `${rows.length} rows`);
    const found: string[] = [];
    head.forEach((name, i) => {
      const lang = name.endsWith('_ja') ? 'ja' : name.endsWith('_en') ? 'en' : null;
      if (lang !== null) for (const row of rows) found.push(...leaks(row[i] ?? '', lang, ids).map((l) => `${name}: ${l}`));
    });
    assert.deepEqual([...new Set(found)], []);
  });

  test('JSON: each {ja, en} text meant for people is whole in its language', () => {
    const pairs = all.flatMap((r) => jsonPairs(JSON.parse(renderFormat('json', [r], { lang: 'en' }))));
    assert.ok(pairs.length > 500, `${pairs.length} pairs`);
    const found = [...new Set(pairs.flatMap((p) => [...leaks(p.ja, 'ja', ids), ...leaks(p.en, 'en', ids)]))];
    assert.deepEqual(found, []);
  });
});
