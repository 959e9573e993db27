// Markdown for pull requests and tickets: the document structure, tables that stay tables, one language per
// document, and cloud-controlled strings that cannot become links, images, HTML or extra table cells.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mdCode, mdText, renderMarkdown } from '../../reports/render/md.js';
import { HOSTILE, exampleReport, hostileReport, profiledReport } from '../fixtures/render-reports.js';

/** The cells of a GFM table row, honouring escaped pipes. */
function cells(line: string): string[] {
  return line
    .replace(/^\| | \|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line);
    else if (current) {
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

describe('renderMarkdown', () => {
  test('structure: title, the not-legal-advice quote, summary, estimates, findings, a section per resource', async () => {
    const { report } = await profiledReport();
    const md = renderMarkdown(report, { lang: 'ja' });
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings.slice(0, 5), ['# kumoscan レポート', '## 概要', '## 漏えい等報告の推定と期限', '## 指摘事項', '## リソースごとの詳細']);
    assert.deepEqual(headings.slice(5), ['### kumo-hr-health-checks', '### kumo-hr-payroll-exchange', '### kumo-hr-archive']);
    assert.ok(md.includes('> 本評価は法的助言ではなく、判断材料です。'));
    assert.ok(md.includes('| スキャンしたリソース | 3 |'));
    assert.ok(md.includes('| うち個人データあり | 1 |'));
    assert.match(md, /\| kumo-hr-health-checks \| 報告対象の可能性が高い \| 1, 4(, 3\?)? \| はい \| \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d \| \d{4}-\d\d-\d\d \(\d\d\) \|/);
    assert.ok(md.includes('関係する義務: `APPI-23` 法第23条 安全管理措置'));
    assert.ok(md.includes('- 漏えい等報告（推定）: **報告対象の可能性が高い**'));
    assert.match(md, /\n {2}1\. \*\*.+\*\*: /, 'PPC draft items');
  });

  test('every table has a delimiter row and the same number of cells in each row', () => {
    for (const input of [[exampleReport('aws'), exampleReport('azure'), exampleReport('gcp')], hostileReport()]) {
      const md = renderMarkdown(input, { lang: 'en' });
      const ts = tables(md);
      assert.ok(ts.length >= 2);
      for (const t of ts) {
        const widths = t.map((l) => cells(l).length);
        assert.ok(widths.every((w) => w === widths[0]), `uneven table:\n${t.join('\n')}`);
        assert.match(t[1] ?? '', /^\|( --- \|)+$/);
      }
    }
  });

  test('one language per document (legal terms keep their Japanese names)', () => {
    const en = renderMarkdown(exampleReport('aws'), { lang: 'en' });
    assert.ok(en.startsWith('# kumoscan report\n'));
    assert.ok(en.includes('| Resources scanned | 3 |'));
    assert.ok(en.includes('Duties: `APPI-23` APPI Art. 23 安全管理措置 (security control measures)'));
    assert.equal(en.includes('スキャンしたリソース'), false);
  });

  test('escaping: no link, image, HTML or extra cell from a cloud-controlled string', () => {
    const md = renderMarkdown(hostileReport(), { lang: 'en' });
    assert.equal(md.includes(HOSTILE.name), false);
    assert.doesNotMatch(md, /(?<!\\)\[x(?<!\\)\]\(/, 'no link');
    assert.doesNotMatch(md, /(?<!\\)<img|(?<!\\)<\/script/, 'no raw HTML');
    assert.equal(mdText('a|b'), 'a\\|b');
    assert.equal(mdText('<b>*x*</b> [l](u) `c` ~s~ $m$'), '\\<b\\>\\*x\\*\\</b\\> \\[l\\](u) \\`c\\` \\~s\\~ \\$m\\$');
    assert.equal(mdText('line\nbreak'), 'line break');
    assert.equal(mdCode('a`b'), '``a`b``');
    assert.equal(mdCode('`x'), '`` `x ``');
  });
});
