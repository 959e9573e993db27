// Is a text in one language whole? What may stay in a Japanese text is technical, not prose: ids, API and setting
// names (CamelCase, dotted, with ':' '/' '=' '_' or digits), quoted values and names, upper-case codes (HTTP, ACL,
// READ) and the product and cloud terms of ALLOWED. An English text may hold Japanese only in the names of
// resources, tags and parties (quoted), and in legal terms shown on purpose with their English next to them: a term
// followed by its English in parentheses (`要配慮個人情報 (sensitive personal information)`), or in parentheses
// after the English it glosses (`a leak or possible leak (漏えいのおそれ, GL 3-5-1-1)`); the deadline terms of
// LEGAL_TERMS are glossed once where the report explains them (docs/reports.md).

/** Lower-case words a Japanese text may hold: product and cloud terms, and JSON values. */
const ALLOWED = new Set(['kumoscan', 'true', 'false', 'null', 'blob', 'root', 'web', 'etl', 'payroll', 'bucket', 'policy', 'inline']);
/** Japanese legal terms the English texts keep as they are (glossed where the report explains them). */
const LEGAL_TERMS = ['知った日', '速報', '確報', '委託先', '委託', '漏えい等', '漏えい', '個人番号', '特定個人情報', '要配慮個人情報'];

/** The prose words of a Japanese text: what is left after removing technical spans. */
export function englishWords(ja: string): string[] {
  const prose = ja
    .replace(/`[^`]*`|"[^"]*"|「[^」]*」/g, ' ')
    .replace(/[\w.[\]]+ = /g, ' ')
    .split(/[\s、。・（）()：，,;；／]+/)
    .filter((t) => t !== '' && !/[0-9:/=_.$*@\\[\]{}<>#-]/.test(t));
  return prose.flatMap((t) => t.match(/[A-Za-z]+/g) ?? []).filter((w) => /^[a-z]{3,}$/.test(w) && !ALLOWED.has(w));
}

const JAPANESE_RUN = /[\u3040-\u30ff\u3400-\u9fff々〆][\u3040-\u30ff\u3400-\u9fff々〆、・ー\d]*/g;

/** Is the Japanese run at [start, end) of `text` glossed: `漢字 (English)` or `English (… 漢字 …)`? */
function glossed(text: string, original: string, start: number, end: number): boolean {
  const after = /^\s?[(（]([^)）]*)[)）]/.exec(text.slice(end));
  if (after && /[A-Za-z]{2,}/.test(after[1] ?? '')) return true;
  let depth = 0;
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ')' || c === '）') depth++;
    else if (c === '(' || c === '（') {
      if (depth === 0) return /[A-Za-z0-9.,"'’]\s?$/.test(original.slice(0, i)) && /[A-Za-z]{2,}/.test(original.slice(Math.max(0, i - 40), i));
      depth--;
    }
  }
  return false;
}

/** The Japanese of an English text outside quoted names, glossed legal terms and LEGAL_TERMS. */
export function japaneseOutsideTerms(en: string): string[] {
  const unquoted = en.replace(/`[^`]*`|"[^"]*"|「[^」]*」/g, (q) => ' '.repeat(q.length));
  const out: string[] = [];
  for (const m of unquoted.matchAll(JAPANESE_RUN)) {
    let rest = m[0];
    for (const term of LEGAL_TERMS) rest = rest.split(term).join('');
    if (/[\u3040-\u30ff\u3400-\u9fff]/.test(rest) && !glossed(unquoted, en, m.index, m.index + m[0].length)) out.push(m[0]);
  }
  return out;
}
