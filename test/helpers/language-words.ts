// Is a text in one language whole? What may stay in a Japanese text is technical, not prose: ids, API and setting
// names (CamelCase, dotted, with ':' '/' '=' '_' or digits), quoted values and names, upper-case codes (HTTP, ACL,
// READ) and the product and cloud terms of ALLOWED. An English text may hold Japanese only in the names of
// resources, tags and parties (quoted), and in the legal terms the English texts keep (LEGAL_TERMS, docs/reports.md).

/** Lower-case words a Japanese text may hold: product and cloud terms, and JSON values. */
const ALLOWED = new Set(['kumoscan', 'true', 'false', 'null', 'blob', 'root', 'web', 'etl', 'payroll', 'bucket', 'policy', 'inline']);
/** Japanese legal terms the English texts keep (with an English gloss). */
const LEGAL_TERMS = ['知った日', '速報', '確報', '委託先', '委託', '漏えい', '個人番号', '特定個人情報', '要配慮個人情報'];

/** The prose words of a Japanese text: what is left after removing technical spans. */
export function englishWords(ja: string): string[] {
  const prose = ja
    .replace(/`[^`]*`|"[^"]*"|「[^」]*」/g, ' ')
    .replace(/[\w.[\]]+ = /g, ' ')
    .split(/[\s、。・（）()：，,;；／]+/)
    .filter((t) => t !== '' && !/[0-9:/=_.$*@\\[\]{}<>#-]/.test(t));
  return prose.flatMap((t) => t.match(/[A-Za-z]+/g) ?? []).filter((w) => /^[a-z]{3,}$/.test(w) && !ALLOWED.has(w));
}

/** The Japanese of an English text outside quoted names and the legal terms. */
export function japaneseOutsideTerms(en: string): string[] {
  let rest = en.replace(/"[^"]*"|「[^」]*」/g, ' ');
  for (const term of LEGAL_TERMS) rest = rest.split(term).join(' ');
  return rest.match(/[\u3040-\u30ff\u3400-\u9fff]+/g) ?? [];
}
