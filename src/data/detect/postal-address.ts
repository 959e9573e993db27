// postal_address:
// - 〒NNN-NNNN (〒 with or without a space, hyphen optional): the 〒 mark makes the shape; low without
//   context, high with 住所, 所在地, 郵便番号 … (a postal code alone may be a company's);
// - NNN-NNNN without 〒: only with context (a 郵便番号 column, a label);
// - one of the 47 prefecture names followed, within 15 characters, by a municipality ending in 市/区/町/村/郡
//   and then, within 25 characters, a house number (a digit or 丁目/番地): 東京都千代田区丸の内1-1-1.
//   The house number requirement keeps 東京都知事選挙区 and the like out. Low without context, high with;
// - under a field naming an address (住所, address, 都道府県, 市区町村 …): the cell when it holds a
//   prefecture, a municipality or a house number (split address columns).
// Masked to the prefecture (東京都***) or 〒***-****.
import type { Found } from './found.js';
import { MASKED_POSTAL_CODE, maskAddress } from './mask.js';
import { isolated } from './normalize.js';

export const PREFECTURES: readonly string[] = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県',
  '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県',
  '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県',
  '徳島県', '香川県', '愛媛県', '高知県',
  '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

const POSTAL_MARKED = /〒 ?([0-9]{3})-?([0-9]{4})(?![0-9])/g;
const POSTAL_BARE = /(?<![0-9])[0-9]{3}-[0-9]{4}(?![0-9])/g;
/** A municipality right after a prefecture (sticky): 1–15 characters and 市/区/町/村/郡, the shortest such. */
const MUNICIPALITY_AT = /[^\s0-9,、。;:|()「」"']{1,15}?(?:市|区|町|村|郡)/y;
/** Prefectures by their last character (都 道 府 県), longest first. */
const PREFECTURES_BY_LAST = new Map<number, string[]>();
for (const p of [...PREFECTURES].sort((a, b) => b.length - a.length)) {
  const last = p.charCodeAt(p.length - 1);
  PREFECTURES_BY_LAST.set(last, [...(PREFECTURES_BY_LAST.get(last) ?? []), p]);
}
const SHORTEST_PREFECTURE = Math.min(...PREFECTURES.map((p) => p.length));

/**
 * The leftmost prefecture at or after `from` followed by a municipality (what the pattern
 * `(prefecture|…)([^\s0-9,、。;:|()「」"']{1,15}?(?:市|区|町|村|郡))` finds there), as [start, prefecture, end of the
 * municipality], or null. Candidates are found from the prefecture's last character.
 */
function nextPrefecture(text: string, from: number, out: { start: number; pref: string; end: number }): boolean {
  for (let j = from + SHORTEST_PREFECTURE - 1; j < text.length; j++) {
    const list = PREFECTURES_BY_LAST.get(text.charCodeAt(j));
    if (list === undefined) continue;
    for (const p of list) {
      const start = j - p.length + 1;
      if (start < from || !text.startsWith(p, start)) continue;
      MUNICIPALITY_AT.lastIndex = j + 1;
      const m = MUNICIPALITY_AT.exec(text);
      if (m === null) continue;
      out.start = start;
      out.pref = p;
      out.end = j + 1 + m[0].length;
      return true;
    }
  }
  return false;
}
/**
 * What may follow the municipality in an address: town names, block numbers, building names — up to 60 characters,
 * none of them white space (as \s) or , 、 。 ; : | ( ) 「 」 " ' < >. The end of that stretch from `from`.
 */
function tailEnd(text: string, from: number): number {
  const max = Math.min(text.length, from + 60);
  let i = from;
  for (; i < max; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0x3001 || c === 0x3002 || c === 59 || c === 58 || c === 124 || c === 40 || c === 41 || c === 0x300c || c === 0x300d || c === 34 || c === 39 || c === 60 || c === 62) break;
    if ((c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) break;
  }
  return i;
}
const HOUSE_NUMBER = /[0-9]|丁目|番地/;
/** Labels that end an address written without a space before them. */
const NEXT_LABEL = /電話|TEL|Tel|tel|携帯|メール|生年月日|氏名|〒|FAX|Fax/;

/**
 * `bare`, `marked`, `address`: whether a NNN-NNNN run, a 〒 or a prefecture's 都/道/府/県 can be in the text (a caller
 * that has measured the text may say no).
 */
export function findPostalAddresses(text: string, out: Found[], bare = true, marked = true, address = true): void {
  if (marked && text.includes('〒')) {
    POSTAL_MARKED.lastIndex = 0;
    for (let m = POSTAL_MARKED.exec(text); m !== null; m = POSTAL_MARKED.exec(text)) {
      out.push({ type: 'postal_address', start: m.index, end: m.index + m[0].length, canonical: `${m[1] ?? ''}${m[2] ?? ''}`, masked: MASKED_POSTAL_CODE, rule: 'shape' });
    }
  }
  POSTAL_BARE.lastIndex = 0;
  for (let m = bare ? POSTAL_BARE.exec(text) : null; m !== null; m = POSTAL_BARE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && text[start - 1] === '〒') continue;
    if (start > 1 && text[start - 1] === ' ' && text[start - 2] === '〒') continue;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'postal_address', start, end, canonical: m[0].replace('-', ''), masked: MASKED_POSTAL_CODE, rule: 'context' });
  }
  if (!address || !/[都道府県]/.test(text)) return;
  const m = { start: 0, pref: '', end: 0 };
  for (let from = 0; nextPrefecture(text, from, m); ) {
    const start = m.start;
    const afterMunicipality = m.end;
    from = afterMunicipality;
    let tail = text.slice(afterMunicipality, tailEnd(text, afterMunicipality));
    const cut = tail.search(NEXT_LABEL);
    if (cut >= 0) tail = tail.slice(0, cut);
    const house = tail.slice(0, 25).search(HOUSE_NUMBER);
    if (house < 0) continue;
    const end = afterMunicipality + tail.length;
    from = end;
    const pref = m.pref;
    out.push({ type: 'postal_address', start, end, canonical: text.slice(start, end).replace(/\s+/g, ''), masked: maskAddress(pref), rule: 'shape' });
  }
}

const MUNICIPALITY = /[市区町村郡]|丁目|番地|[0-9]+-[0-9]+/;

/** A cell under an address field: counted when it looks like (part of) an address. */
export function findAddressCell(text: string, out: Found[]): void {
  const value = text.trim();
  if (value === '' || value.length > 200) return;
  const start = text.indexOf(value);
  const pref = PREFECTURES.find((p) => value.startsWith(p) || value === p.slice(0, -1));
  if (pref === undefined && !MUNICIPALITY.test(value) && !/^[0-9]{3}-?[0-9]{4}$/.test(value)) return;
  out.push({ type: 'postal_address', start, end: start + value.length, canonical: value.replace(/\s+/g, ''), masked: pref !== undefined ? maskAddress(pref) : '***', rule: 'header' });
}

/** A table cell of exactly 7 digits: a postal code without its hyphen if its column is a postal-code column (rule 'column'). */
export function findPostalDigitsCell(text: string, out: Found[]): void {
  const value = text.trim();
  if (!/^[0-9]{7}$/.test(value)) return;
  const start = text.indexOf(value);
  out.push({ type: 'postal_address', start, end: start + 7, canonical: value, masked: MASKED_POSTAL_CODE, rule: 'column', weak: true });
}
