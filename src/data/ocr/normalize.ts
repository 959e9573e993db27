// OCR-aware normalization: what tesseract gets wrong on Japanese cards, undone before the detectors run. Pure
// functions (test/unit/ocr-normalize.test.ts):
// - full-width → half-width (NFKC), dashes and a prolonged-sound mark between digits → '-';
// - letters read for digits inside a run of digits: O o ○ 〇 → 0, l I | ! → 1 (only in a token made of digits and
//   these letters, with at least one real digit: "l234" → "1234", "HbA1c" is left alone);
// - the labels of the documents with their usual misreadings and the spaces OCR puts between their characters
//   (民名 → 氏名, 運転人許証 → 運転免許証, 力ード → カード, ロ座 → 口座, 生年月曰 → 生年月日 …);
// - spaces inside digit groups: a 12-digit number split other than 4-4-4 is joined ("12345678 9018");
// - compactText also removes the spaces OCR puts between Japanese characters and between them and digits
//   ("昭和 60 年 4 月 1 日" → "昭和60年4月1日"); foldOcrText keeps them (a name's "佐藤 花子" space is the only
//   clue to where the name ends).

/** Labels printed on the documents, each character with the characters OCR takes it for. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  氏: '氏民', 名: '名各', 個: '個固個', 号: '号弓', 免: '免人兔', 許: '許詐', 証: '証症訂', カ: 'カ力', ー: 'ー一-', ド: 'ドト',
  口: '口ロ', 日: '日曰目', 座: '座痤', 住: '住往', 所: '所听', 保: '保呆', 険: '険瞼検', 被: '被彼', 在: '在存', 留: '留畄',
  健: '健律', 康: '康唐', 診: '診珍', 断: '断新', 銀: '銀鋃', 行: '行彳', 店: '店広', 番: '番畨', 金: '金全',
};

/** Canonical labels, longest first (a longer label wins over the shorter one inside it). */
export const OCR_LABELS: readonly string[] = [
  '個人番号カード', '在留カード番号', 'キャッシュカード', '資格取得年月日', '健康診断結果', '保険者名称', '公安委員会', '運転免許証',
  '免許証番号', '被保険者証', '保険者番号', '通知カード', '在留カード', '健康診断', '健康保険', '生年月日', '個人番号', '口座番号',
  '支店番号', '有効期限', '在留資格', '在留期間', '受診日', '氏名', '住所', '口座',
].sort((a, b) => b.length - a.length);

const SPACE = '[ \\u3000]?';

function labelPattern(label: string): string {
  return [...label].map((c) => {
    const alts = CONFUSABLE[c];
    return alts ? `[${alts.replace(/-/g, '\\-')}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join(SPACE);
}

const LABEL_RE = new RegExp(OCR_LABELS.map(labelPattern).join('|'), 'g');
const LABEL_OF = new Map<string, string>();

/** The canonical label a (possibly misread, spaced) match stands for. */
function canonicalLabel(match: string): string {
  const hit = LABEL_OF.get(match);
  if (hit !== undefined) return hit;
  const bare = match.replace(/[ \u3000]/g, '');
  for (const l of OCR_LABELS) {
    if (l.length !== bare.length) continue;
    let ok = true;
    for (let i = 0; i < l.length && ok; i++) {
      const c = l[i] as string;
      const b = bare[i] as string;
      ok = c === b || (CONFUSABLE[c] ?? '').includes(b);
    }
    if (ok) {
      if (LABEL_OF.size < 1024) LABEL_OF.set(match, l);
      return l;
    }
  }
  return match;
}

const DASHES = /[\u2010-\u2015\u2043\u2212\uFE58\uFE63]/g;
/** A token of digits and the letters read for digits. */
const DIGITISH = /[0-9OolI|!○〇]+/g;
const DIGIT_FOR: Readonly<Record<string, string>> = { O: '0', o: '0', '○': '0', '〇': '0', l: '1', I: '1', '|': '1', '!': '1' };

/** Letters read for digits, inside tokens that hold at least one digit and nothing but digits and such letters. */
export function fixDigitConfusions(s: string): string {
  return s.replace(DIGITISH, (tok, at: number) => {
    if (!/[0-9]/.test(tok) || /^[0-9]+$/.test(tok)) return tok;
    // part of a word ("Ol" in "Oliver", "1st"): a letter or digit touching the token from outside
    const before = s.charAt(at - 1);
    const after = s.charAt(at + tok.length);
    if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) return tok;
    return tok.replace(/[OolI|!○〇]/g, (c) => DIGIT_FOR[c] ?? c);
  });
}

/** Digit groups separated by single spaces that make 12 digits, not written 4-4-4: joined. */
export function joinDigitGroups(s: string): string {
  return s.replace(/(?<![0-9])[0-9]+(?: [0-9]+)+(?![0-9])/g, (run) => {
    const groups = run.split(' ');
    const digits = groups.join('');
    if (digits.length !== 12) return run;
    if (groups.length === 3 && groups.every((g) => g.length === 4)) return run;
    return digits;
  });
}

/** NFKC, dashes, digit confusions, labels, digit groups; spaces between words are kept. */
export function foldOcrText(text: string): string {
  let s = text.normalize('NFKC').replace(DASHES, '-');
  s = s.replace(/(?<=[0-9])[ー一](?=[0-9])/g, '-');
  s = s.replace(/[\t\u3000]/g, ' ').replace(/ {2,}/g, ' ').trim();
  s = fixDigitConfusions(s);
  s = s.replace(LABEL_RE, (m) => canonicalLabel(m));
  // 曰 (to say) is not used on documents; it is a misread 日
  s = s.replace(/曰/g, '日');
  return joinDigitGroups(s);
}

/** Japanese characters (kanji, kana, iteration and prolonged-sound marks, CJK punctuation). */
const JA = '\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff々';
const SPACE_BETWEEN = new RegExp(`(?<=[${JA}]) +(?=[${JA}0-9])|(?<=[0-9]) +(?=[${JA}])`, 'g');

/** Spaces between Japanese characters, and between them and digits, removed (OCR puts them between words). */
export function compactText(folded: string): string {
  return folded.replace(SPACE_BETWEEN, '');
}

/** foldOcrText then compactText: the text the detectors see. */
export function normalizeOcrText(text: string): string {
  return compactText(foldOcrText(text));
}
