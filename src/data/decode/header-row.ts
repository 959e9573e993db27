// Is the first row of a table a header? Header words (ja/en), cell shapes (numbers, dates, e-mail addresses
// are values, not column names) and the contrast with the rows below decide.

/** Header words (ja/en) that name a column rather than hold a value. */
const HEADER_WORD = /(氏名|名前|姓名|フリガナ|ふりがな|カナ|住所|所在地|電話|携帯|ＴＥＬ|メール|生年月日|誕生日|番号|性別|年齢|郵便|〒|部署|所属|社員|従業員|会員|顧客|口座|銀行|支店|カード|有効期限|備考|日付|登録日|更新日|区分|種別|コード|病歴|既往歴|診断結果|検査結果|^ID$|^No\.?$|name|mail|phone|tel|fax|address|zip|postal|birth|dob|date|number|code|account|card|gender|sex|age|company|dept|department|title|status|type|created|updated|id$|_id|_no$|^no$)/i;

/** A short cell that names a column (氏名, メール, phone, customer_id …). */
export function isHeaderWord(cell: string): boolean {
  const t = cell.trim();
  return t !== '' && t.length <= 64 && cellKind(t) === 'text' && HEADER_WORD.test(t);
}

type CellKind = 'empty' | 'number' | 'email' | 'text';

function cellKind(cell: string): CellKind {
  const t = cell.trim();
  if (t === '') return 'empty';
  if (t.includes('@')) return 'email';
  if (/^[\d０-９\s\-‐－ー+().,/:年月日〒]+$/.test(t) && /[\d０-９]/.test(t)) return 'number';
  return 'text';
}

/** Decides whether the first record is a header, looking at up to the next records. */
export function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  const kinds = first.map(cellKind);
  const nonEmpty = kinds.filter((k) => k !== 'empty').length;
  if (nonEmpty === 0) return false;
  if (kinds.some((k) => k === 'number' || k === 'email')) return false;
  if (first.some((c) => c.length > 64)) return false;
  const nonEmptyCells = first.map((c) => c.trim()).filter((c) => c !== '');
  if (new Set(nonEmptyCells).size < nonEmptyCells.length) return false;
  // A column whose first cell is a word while most values below are numbers, dates or addresses.
  if (rest.length > 0) {
    for (let j = 0; j < first.length; j++) {
      if (kinds[j] !== 'text') continue;
      const below = rest.map((r) => cellKind(r[j] ?? '')).filter((k) => k !== 'empty');
      if (below.length > 0 && below.filter((k) => k === 'number' || k === 'email').length / below.length >= 0.5) return true;
    }
  }
  const wordy = nonEmptyCells.filter((c) => HEADER_WORD.test(c) || /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(c) || /^[a-z]+[A-Z][A-Za-z0-9]*$/.test(c) || /^[A-Z][A-Z0-9_]{1,30}$/.test(c)).length;
  return wordy / nonEmptyCells.length >= 0.5;
}
