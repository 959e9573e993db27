// person_name: header-based (PERSONAL-DATA.md). A name is found only where something says it is a name:
// - a column header / JSON key naming a person's name (氏名, 名前, フリガナ, 姓, 名, name, full_name,
//   last_name, 契約者名, 社員名 …) over a name-like value;
// - in free text, an inline label (氏名：, お名前:, Name:, 受診者, 従業員名, 被保険者氏名 …) followed by a name on the
//   same line (after spaces only, a value shaped like a name);
// - in a table column without a name header, cells shaped like names (findNameShaped): the column rule decides.
// Names in running text without a label are not detected (no language model): 山田様 in a letter is missed.
// Not a person's name: 会社名, 銀行名, 支店名, 商品名, ファイル名, user_name, company_name, file_name …
import type { Found } from './found.js';
import { maskName } from './mask.js';
import { commonSurnameAt } from './surnames.js';

export type NameField = 'name' | 'kana';

/** Japanese field words that name something other than a person although they end in 名. */
const JA_NOT_PERSON = /(会社|法人|企業|団体|組織|店舗|店|銀行|金融機関|支店|商品|品|製品|ファイル|ユーザー|ユーザ|アカウント|部署|部門|課|件|学校|病院|施設|病|傷病|診断|疾患|障害|薬|サービス|プラン|地|駅|市区町村|都道府県|建物|物件|科目|項目|題|署|表示|ニックネーム|ハンドル|屋号|ブランド|機種|国|職|役職|氏名コード)名/;
/** English tokens that turn "name" into something else than a person's name. */
const EN_NOT_PERSON = new Set(['company', 'corp', 'corporate', 'corporation', 'org', 'organization', 'organisation', 'bank', 'branch', 'product', 'item', 'file', 'user', 'username', 'host', 'hostname', 'domain', 'shop', 'store', 'dept', 'department', 'category', 'brand', 'service', 'app', 'application', 'project', 'job', 'title', 'display', 'nick', 'nickname', 'screen', 'tag', 'key', 'table', 'column', 'field', 'bucket', 'object', 'device', 'model', 'plan', 'course', 'event', 'city', 'town', 'street', 'station', 'building', 'school', 'hospital', 'drug', 'disease', 'class', 'type', 'group', 'role', 'team', 'site', 'server', 'db', 'database', 'schema', 'queue', 'topic', 'stage', 'env', 'region', 'zone', 'country', 'vendor', 'supplier', 'merchant', 'account', 'login', 'sheet', 'folder', 'path', 'image', 'attachment']);
const EN_NAME_TOKENS = new Set(['name', 'fullname', 'firstname', 'lastname', 'givenname', 'familyname', 'surname', 'forename', 'furigana', 'kana', 'namekana', 'shimei', 'seimei', 'sei', 'mei']);

/** Tokens of a field: NFKC'd, lower-cased, split at non-alphanumerics and camelCase. */
export function fieldTokens(field: string): string[] {
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** Does this header / key name a person's name? 'kana' for readings (フリガナ, name_kana). */
export function nameField(field: string): NameField | null {
  const f = field.trim();
  if (f === '') return null;
  const kana = /フリガナ|ふりがな|カナ|かな|よみ|ヨミ|読み/.test(f) || /(^|_)(kana|furigana|yomi)($|_)/.test(fieldTokens(f).join('_'));
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(f)) {
    if (JA_NOT_PERSON.test(f)) return null;
    if (/氏名|名前|姓名|フリガナ|ふりがな|名義|^姓$|^名$|^氏$|^セイ$|^メイ$|^せい$|^めい$|(者|人|員|客|主|様|親|子|族|母|父|生|師|長)名/.test(f)) {
      if (/法人名|本人確認/.test(f)) return null;
      return kana ? 'kana' : 'name';
    }
    if (/^(姓|名|氏)[(（]?(カナ|かな|フリガナ|漢字)?[)）]?$/.test(f)) return kana ? 'kana' : 'name';
  }
  const tokens = fieldTokens(f);
  if (tokens.length === 0) return null;
  const joined = tokens.join('');
  const hasName = tokens.some((t) => EN_NAME_TOKENS.has(t)) || /^(full|first|last|given|family|middle)?name(kana|kanji|furigana)?$/.test(joined);
  if (!hasName) return null;
  if (tokens.some((t) => EN_NOT_PERSON.has(t))) return null;
  return kana ? 'kana' : 'name';
}

const NOT_A_NAME = new Set(['なし', '無し', '不明', '未定', '未入力', '未記入', '該当なし', '匿名', '名無し', 'テスト', 'test', 'null', 'none', 'n/a', 'na', 'nil', 'undefined', 'unknown', '-', '―', '---', '※', '同上']);
const JA_NAME = /^[\u3005\u3006\u30f6\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff・ ]+$/;
const LATIN_NAME = /^[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,3}$/;

/** A value that can be a person's name: letters of names only, 1–4 words, no digits, not a placeholder. */
export function isNameLike(value: string): boolean {
  const fast = japaneseNameLike(value);
  if (fast !== null) return fast;
  const v = value.trim().replace(/\s+/g, ' ');
  if (v === '' || v.length > 40) return false;
  if (NOT_A_NAME.has(v.toLowerCase())) return false;
  if (JA_NAME.test(v)) return v.replace(/ /g, '').length <= 20 && v.split(' ').length <= 3 && !/^[ー・]+$/.test(v);
  return LATIN_NAME.test(v);
}

/** Characters of JA_NAME. */
function jaNameChar(c: number): boolean {
  return c === 0x3005 || c === 0x3006 || c === 0x30f6 || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0x30fb || c === 32;
}

/**
 * isNameLike for the common case, in one pass: a value of JA_NAME characters with single spaces between words and
 * none around them (then trimming and collapsing change nothing). null for any other value (the general path).
 */
function japaneseNameLike(value: string): boolean | null {
  const n = value.length;
  if (n === 0 || n > 40) return null;
  let spaces = 0;
  let marksOnly = true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (!jaNameChar(c)) return null;
    if (c === 32) {
      if (i === 0 || i === n - 1 || value.charCodeAt(i - 1) === 32) return null;
      spaces++;
      marksOnly = false;
    } else if (c !== 0x30fc && c !== 0x30fb) marksOnly = false;
  }
  if (NOT_A_NAME.has(value)) return false;
  return n - spaces <= 20 && spaces + 1 <= 3 && !marksOnly;
}

/** A cell under a name field. */
export function findNameCell(text: string, kind: NameField, out: Found[]): void {
  const value = text.trim();
  if (!isNameLike(value)) return;
  const start = value.length === text.length ? 0 : text.indexOf(value);
  const canonical = /\s/.test(value) ? value.replace(/\s+/g, '') : value;
  out.push({ type: 'person_name', start, end: start + value.length, canonical, masked: maskName(value), rule: 'header', ...(kind === 'kana' ? { kana: true } : {}) });
}

/** Person words that, followed by 名 or 氏名, label a name (従業員名, 被保険者氏名, 受診者氏名 …). */
const PERSON_ROLE = '従業員|社員|職員|被保険者|被扶養者|扶養者|契約者|申込者|申請者|届出人|申告者|患者|受給者|加入者|利用者|受診者|本人|代表者|保護者|世帯主';
const LABELLED = new RegExp(
  `(氏名|お名前|名前|姓名|フリガナ|ふりがな|受診者|(?:${PERSON_ROLE})(?:氏名|名)|(?<![A-Za-z])(?:[Ff]ull ?[Nn]ame|[Nn]ame|NAME))(?: ?\\((?:カナ|かな|漢字|フリガナ)\\))?( ?[:=] ?|[ \\t\\u3000]+)([^\\n\\r\\t,、。;|:()<>"]{1,40})`,
  'g',
);
/** Where a labelled value stops: the next label on the same line, an honorific, two spaces. */
const VALUE_END = /  |様|さん|殿|君|生年月日|誕生日|住所|所在地|電話|TEL|Tel|携帯|メール|Mail|mail|E-mail|性別|年齢|歳|フリガナ|ふりがな|カナ|社員|所属|部署|個人番号|マイナンバー|〒|[0-9@]/;

/**
 * Names after an inline label in free text: `氏名：山田 太郎`, `お名前: …`, `受診者: …`, `従業員名 …`, `被保険者氏名 …`.
 * After a colon or '=' any name-like value; after spaces only (a table printed as text, 氏名　山田太郎), a value
 * shaped like a name (姓 名 with a space, a katakana reading after フリガナ, or 2–6 characters starting with a common
 * family name), so that running text (氏名 及び 住所を …) is not read as a name.
 */
export function findLabelledNames(text: string, out: Found[]): void {
  if (!/[氏名前姓フふNn者員人主]/.test(text)) return;
  LABELLED.lastIndex = 0;
  for (let m = LABELLED.exec(text); m !== null; m = LABELLED.exec(text)) {
    const label = m[1] ?? '';
    const raw = m[3] ?? '';
    let value = raw;
    const stop = value.search(VALUE_END);
    if (stop >= 0) value = value.slice(0, stop);
    const trimmed = value.trim();
    const kana = /フリガナ|ふりがな/.test(label) || /\((カナ|かな|フリガナ)\)/.test(m[0]);
    const spaced = !/[:=]/.test(m[2] ?? '');
    if (spaced ? !nameShapedValue(trimmed, kana) : !isNameLike(trimmed)) {
      // the label word may itself be followed by another label (氏名 フリガナ …): look again right after it
      LABELLED.lastIndex = m.index + label.length;
      continue;
    }
    const start = m.index + m[0].length - raw.length + value.indexOf(trimmed);
    out.push({ type: 'person_name', start, end: start + trimmed.length, canonical: trimmed.replace(/\s+/g, ''), masked: maskName(trimmed), rule: 'header', ...(kana ? { kana: true } : {}) });
    LABELLED.lastIndex = start + trimmed.length;
  }
}

/** A value shaped like a written name (after a label and spaces only). */
function nameShapedValue(value: string, kana: boolean): boolean {
  if (value.length < 2 || value.length > 21 || NOT_A_NAME.has(value)) return false;
  if (kana) return KANA_NAME.test(value);
  if (KANJI_NAME.test(value)) return !notFamily(value);
  return value.length <= MAX_UNSPACED && UNSPACED_NAME.test(value) && !NOT_UNSPACED.test(value) && commonSurnameAt(value) > 0;
}

const KANA_NAME = /^[\u30a1-\u30fa\u30fc]{1,10}[ \u3000][\u30a1-\u30fa\u30fc]{1,10}$/;
const KANJI_NAME = /^[\u3005\u30f6\u4e00-\u9fff]{1,4}[ \u3000][\u3005\u30f6\u4e00-\u9fff\u3041-\u3096]{1,4}$/;
/** First words that make a two-word value an organisation or a place rather than a name. */
const NOT_FAMILY = /(株式会社|有限会社|合同会社|法人|[部課室店社局院校科県都府])$/;
/** A name written without a space: 2–6 kanji (々, ヶ), the given name possibly in hiragana (山田はな). */
const UNSPACED_NAME = /^[\u3005\u30f6\u4e00-\u9fff]{1,3}[\u3005\u30f6\u4e00-\u9fff\u3041-\u3096]{1,4}$/;
/** Last characters that make an unspaced value a place, an organisation or a thing rather than a name (千葉県, 森林). */
const NOT_UNSPACED = /(株式会社|有限会社|合同会社|法人|銀行|金庫|組合|信金|農協|協会|大学|高校|[都道府県市区町村郡部課室店社局院校科会所館園駅線係班組寺港橋川山島谷沢田野原林森丁目号棟階口側前後内外中上下東西南北料品物業類費税額金式性病症剤類])$/;
const MAX_UNSPACED = 6;

/** The first word of a spaced value names an organisation or a place (営業部 山田), unless it is a family name (阿部 充). */
function notFamily(value: string): boolean {
  const family = value.split(/[ \u3000]/)[0] ?? '';
  return NOT_FAMILY.test(family) && commonSurnameAt(value) !== family.length;
}
const ALL_KANJI = /^[\u3005\u30f6\u4e00-\u9fff]+$/;

/**
 * A table cell shaped like a Japanese name. Alone it proves nothing; a column where most cells have this shape is
 * a name column even without a header (rule 'column', see classifier.ts):
 * - written with a space between family and given name (山田 太郎, 佐藤　花子, ヤマダ タロウ): a full hit;
 * - written without one (鈴木一郎, 2–6 characters): a full hit when it starts with a common family name
 *   (surnames.ts) and goes on with a given name, a weak form otherwise (勅使河原武: it counts toward a column the
 *   others make, never makes one).
 */
export function findNameShaped(text: string, out: Found[]): void {
  const value = text.trim();
  if (value.length < 2 || value.length > 21) return;
  if (value.length <= MAX_UNSPACED && UNSPACED_NAME.test(value)) {
    if (NOT_UNSPACED.test(value)) return;
    const family = commonSurnameAt(value);
    // a one-character family name with a one-character rest (東口, 森林) is too often a word
    const hit = family >= 2 || (family === 1 && value.length >= 3);
    // the weak form only for names as most are written: 3–5 kanji
    if (!hit && !(value.length >= 3 && value.length <= 5 && ALL_KANJI.test(value))) return;
    const start = text.indexOf(value);
    out.push({ type: 'person_name', start, end: start + value.length, canonical: value, masked: maskName(value), rule: 'column', ...(hit ? {} : { column: 'weak' as const }) });
    return;
  }
  if (value.length < 3) return;
  const kana = KANA_NAME.test(value);
  if (!kana && !KANJI_NAME.test(value)) return;
  if (!kana && notFamily(value)) return;
  const start = text.indexOf(value);
  out.push({ type: 'person_name', start, end: start + value.length, canonical: value.replace(/\s+/g, ''), masked: maskName(value), rule: 'column', ...(kana ? { kana: true } : {}) });
}
