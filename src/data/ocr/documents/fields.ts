// Labelled values read from the OCR text of a document: the fields become Segments with `field` set to the label,
// so the detectors (src/data/detect) find them with the label as context. Values are found in folded text (with
// the spaces, for names) and compacted text (dates, numbers). Pure.
import { isValidMyNumber } from '../../detect/check-digits.js';
import { compactText } from '../normalize.js';

export type FieldId = 'my_number' | 'name' | 'birth_date' | 'address' | 'drivers_license' | 'residence_card' | 'bank_account';

/** The label each field is reported under (Segment.field): a word the detectors' vocabulary knows. */
export const FIELD_LABEL: Readonly<Record<FieldId, string>> = {
  my_number: '個人番号',
  name: '氏名',
  birth_date: '生年月日',
  address: '住所',
  drivers_license: '免許証番号',
  residence_card: '在留カード番号',
  bank_account: '口座番号',
};

/** Fields that identify the person of a card by themselves (with name + birth date, see identifies). */
const IDENTIFYING: ReadonlySet<FieldId> = new Set(['my_number', 'drivers_license', 'residence_card']);

export interface FieldValue {
  id: FieldId;
  value: string;
  /** The line it was read from, and the characters of that (compacted) line it took. */
  line: number;
  start: number;
  end: number;
}

/** A person is identified by a number of its own, or by a name with a birth date. */
export function identifies(fields: readonly FieldValue[]): boolean {
  const has = (id: FieldId): boolean => fields.some((f) => f.id === id);
  return fields.some((f) => IDENTIFYING.has(f.id)) || (has('name') && has('birth_date'));
}

const MY_NUMBER = /(?<![0-9])([0-9]{4}) ?([0-9]{4}) ?([0-9]{4})(?![0-9])/g;
/** A printed date: 和暦 (昭和60年4月1日), 西暦 with 年月日, or 1985/04/01 (compacted text). */
export const DATE = '(?:(?:大正|昭和|平成|令和)(?:元|[0-9]{1,2})年[0-9]{1,2}月[0-9]{1,2}日|(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日|(?:19|20)[0-9]{2}[./-][0-9]{1,2}[./-][0-9]{1,2})';
const BIRTH_LABELLED = new RegExp(`生年月日[:：]?(${DATE})`);
const BIRTH_SUFFIXED = new RegExp(`(${DATE})生`);
const LICENCE_PRINTED = /第([0-9]{12})号/;
const LICENCE_LABELLED = /免許証番号[:：]?(?:第)?([0-9]{12})(?![0-9])/;
const RESIDENCE = /(?<![A-Z0-9])([A-Z]{2}[0-9]{8}[A-Z]{2})(?![A-Z0-9])/;
const ACCOUNT = /口座番号[:：]?([0-9]{7})(?![0-9])/;
const ADDRESS = /住所[:：]?(.{6,60})$/;
/** A name token: kanji or kana (surname, given name). */
const NAME_TOKEN = /^[\u3040-\u30ff\u3400-\u9fff々ヶ]{1,6}$/u;
/** Words that end a name (what follows it on a card: the birth date, labels). */
const NOT_NAME = /^(?:大正|昭和|平成|令和|生年月日|住所|性別|男|女|本籍|国籍)/;

function find(re: RegExp, lines: readonly string[], id: FieldId, out: FieldValue[]): void {
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i] as string);
    if (m === null || m[1] === undefined) continue;
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ id, value: m[1], line: i, start, end: start + m[1].length });
    return;
  }
}

function findMyNumber(lines: readonly string[], out: FieldValue[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    MY_NUMBER.lastIndex = 0;
    for (let m = MY_NUMBER.exec(line); m !== null; m = MY_NUMBER.exec(line)) {
      const digits = `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}`;
      if (!isValidMyNumber(digits)) continue;
      // a licence number printed 第…号 is not a My Number even when its check digit happens to fit
      if (line.charAt(m.index - 1) === '第') continue;
      out.push({ id: 'my_number', value: digits, line: i, start: m.index, end: m.index + m[0].length });
      return;
    }
  }
}

/** The name after 氏名: one or two kanji/kana tokens (surname, given name), in folded text with its spaces. */
function findName(folded: readonly string[], compact: readonly string[], out: FieldValue[]): void {
  for (let i = 0; i < folded.length; i++) {
    const line = folded[i] as string;
    const at = line.indexOf('氏名');
    if (at < 0) continue;
    const tokens = line.slice(at + 2).split(' ').filter((t) => t !== '' && !/^[-_:：.,|'"`~=]+$/.test(t));
    const name: string[] = [];
    for (const t of tokens) {
      if (name.length === 2 || NOT_NAME.test(t) || !NAME_TOKEN.test(t)) break;
      name.push(t);
    }
    const value = name.join(' ');
    if (name.length === 0 || value.replace(' ', '').length < 2) continue;
    const c = compact[i] as string;
    const start = c.indexOf(name.join(''));
    out.push({ id: 'name', value, line: i, start: Math.max(0, start), end: start < 0 ? 0 : start + name.join('').length });
    return;
  }
}

/** Every field of `ids` found in the lines (folded: spaces kept; the compacted form is computed here). */
export function readFields(folded: readonly string[], ids: readonly FieldId[]): FieldValue[] {
  const compact = folded.map(compactText);
  const out: FieldValue[] = [];
  for (const id of ids) {
    switch (id) {
      case 'my_number':
        findMyNumber(compact, out);
        break;
      case 'name':
        findName(folded, compact, out);
        break;
      case 'birth_date': {
        const before = out.length;
        find(BIRTH_LABELLED, compact, id, out);
        if (out.length === before) find(BIRTH_SUFFIXED, compact, id, out);
        break;
      }
      case 'address':
        find(ADDRESS, compact, id, out);
        break;
      case 'drivers_license': {
        const before = out.length;
        find(LICENCE_LABELLED, compact, id, out);
        if (out.length === before) find(LICENCE_PRINTED, compact, id, out);
        break;
      }
      case 'residence_card':
        find(RESIDENCE, compact, id, out);
        break;
      case 'bank_account':
        find(ACCOUNT, compact, id, out);
        break;
    }
  }
  return out;
}
