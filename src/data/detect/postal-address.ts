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
const ADDRESS = new RegExp(`(${PREFECTURES.join('|')})([^\\s0-9,、。;:|()「」"']{1,15}?(?:市|区|町|村|郡))`, 'g');
/** What may follow the municipality in an address: town names, block numbers, building names. */
const TAIL = /^[^\s,、。;:|()「」"'<>]{0,60}/;
const HOUSE_NUMBER = /[0-9]|丁目|番地/;
/** Labels that end an address written without a space before them. */
const NEXT_LABEL = /電話|TEL|Tel|tel|携帯|メール|生年月日|氏名|〒|FAX|Fax/;

export function findPostalAddresses(text: string, out: Found[]): void {
  if (text.includes('〒')) {
    POSTAL_MARKED.lastIndex = 0;
    for (let m = POSTAL_MARKED.exec(text); m !== null; m = POSTAL_MARKED.exec(text)) {
      out.push({ type: 'postal_address', start: m.index, end: m.index + m[0].length, canonical: `${m[1] ?? ''}${m[2] ?? ''}`, masked: MASKED_POSTAL_CODE, rule: 'shape' });
    }
  }
  POSTAL_BARE.lastIndex = 0;
  for (let m = POSTAL_BARE.exec(text); m !== null; m = POSTAL_BARE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && text[start - 1] === '〒') continue;
    if (start > 1 && text[start - 1] === ' ' && text[start - 2] === '〒') continue;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'postal_address', start, end, canonical: m[0].replace('-', ''), masked: MASKED_POSTAL_CODE, rule: 'context' });
  }
  if (!/[都道府県]/.test(text)) return;
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m !== null; m = ADDRESS.exec(text)) {
    const start = m.index;
    const afterMunicipality = start + m[0].length;
    let tail = TAIL.exec(text.slice(afterMunicipality))?.[0] ?? '';
    const cut = tail.search(NEXT_LABEL);
    if (cut >= 0) tail = tail.slice(0, cut);
    const house = tail.slice(0, 25).search(HOUSE_NUMBER);
    if (house < 0) continue;
    const end = afterMunicipality + tail.length;
    ADDRESS.lastIndex = end;
    const pref = m[1] ?? '';
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
