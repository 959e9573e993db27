// The context rule (PERSONAL-DATA.md): a keyword within 300 characters before or after a value, or a
// column header / JSON key naming the type, raises a detector from low to high. What this module decides:
//
// - Distance: the number of characters strictly between the keyword and the value, in normalised text,
//   counts when ≤ 300 (a keyword ending 300 characters before the value counts, 301 does not).
// - The text stream: Segments are laid end to end, each boundary counting as one character (the delimiter,
//   line break or cell separator the decoder took away). The window slides across boundaries: keywords seen
//   in earlier segments reach later values, and a value waits (pending) until the stream has moved 300
//   characters past it, so that a keyword after it can still raise it. Only keyword positions and pending
//   masked/hashed candidates are kept between pushes, never text; a keyword cut in two by a segment boundary
//   of free text is still found (the carried tail is a prefix of a keyword, not a value).
// - Labels: a field (header / key) or an inline label right before the value in the same segment (up to 24
//   characters back to a delimiter: 電話：, 注文番号 , 〒) that names the type counts as context; one that
//   names another type (注文番号, 会員ID, 入社日, 電話 before a 12-digit value …) blocks the 300-character
//   window for that value: the header is the better witness. Generic fields (番号, value, col3) block nothing.
import type { DetectorId } from '../types.js';
import { LABEL_BITS, mayMatch, registerVocabulary, WINDOW_BITS, type VocabBits } from './prefilter.js';

export const WINDOW = 300;
const NONE: never[] = [];

/** Kinds of context a keyword can give; 'person' is given by person identifiers (for sensitive keywords). */
export type ContextKind = Exclude<DetectorId, 'person_name' | 'sensitive_health' | 'sensitive_crime' | 'id_document_image'> | 'person';

/** Every context kind, in the order of their bits (kindBit); the type above keeps this list complete. */
const KINDS = [
  'my_number', 'corporate_number', 'credit_card', 'bank_account', 'drivers_license', 'passport', 'residence_card',
  'pension_insurance', 'phone', 'email', 'postal_address', 'birth_date', 'person',
] as const satisfies readonly ContextKind[];
type MissingKind = Exclude<ContextKind, (typeof KINDS)[number]>;
const KINDS_COMPLETE: MissingKind extends never ? true : MissingKind = true;
void KINDS_COMPLETE;

const KIND_INDEX = new Map<ContextKind, number>(KINDS.map((k, i) => [k, i]));

export function kindIndex(kind: ContextKind): number {
  return KIND_INDEX.get(kind) ?? 0;
}

export function kindBit(kind: ContextKind): number {
  return 1 << (KIND_INDEX.get(kind) ?? 0);
}

export function contextKindOf(type: DetectorId): ContextKind | null {
  return (KINDS as readonly string[]).includes(type) ? (type as ContextKind) : type === 'sensitive_health' || type === 'sensitive_crime' ? 'person' : null;
}

export type LabelTarget = DetectorId | 'other';

/** w: keyword for the 300-character window; l: a label / field word naming the type; wl: both. */
type Use = 'w' | 'l' | 'wl';

const VOCABULARY: readonly (readonly [string, LabelTarget, Use])[] = [
  ['マイナンバー', 'my_number', 'wl'], ['個人番号', 'my_number', 'wl'], ['通知カード', 'my_number', 'wl'], ['個人番号カード', 'my_number', 'wl'], ['my number', 'my_number', 'wl'],
  ['法人番号', 'corporate_number', 'wl'], ['corporate number', 'corporate_number', 'wl'], ['登録番号', 'corporate_number', 'l'], ['適格請求書', 'corporate_number', 'w'],
  ['カード番号', 'credit_card', 'wl'], ['クレジットカード', 'credit_card', 'wl'], ['クレカ', 'credit_card', 'wl'], ['有効期限', 'credit_card', 'wl'], ['セキュリティコード', 'credit_card', 'wl'],
  ['card', 'credit_card', 'wl'], ['credit card', 'credit_card', 'wl'], ['card number', 'credit_card', 'wl'], ['card no', 'credit_card', 'l'], ['exp', 'credit_card', 'wl'], ['expiry', 'credit_card', 'wl'], ['expiration', 'credit_card', 'wl'],
  ['exp date', 'credit_card', 'l'], ['expiry date', 'credit_card', 'l'], ['expiration date', 'credit_card', 'l'], ['cvv', 'credit_card', 'wl'], ['cvc', 'credit_card', 'wl'], ['security code', 'credit_card', 'wl'],
  ['口座番号', 'bank_account', 'wl'], ['口座', 'bank_account', 'wl'], ['普通', 'bank_account', 'w'], ['当座', 'bank_account', 'w'], ['支店', 'bank_account', 'w'], ['銀行', 'bank_account', 'wl'], ['預金', 'bank_account', 'wl'], ['振込先', 'bank_account', 'wl'],
  ['bank', 'bank_account', 'wl'], ['bank account', 'bank_account', 'wl'], ['account number', 'bank_account', 'l'], ['account no', 'bank_account', 'l'], ['支店番号', 'bank_account', 'l'],
  ['運転免許証', 'drivers_license', 'wl'], ['免許証番号', 'drivers_license', 'wl'], ['免許証', 'drivers_license', 'wl'], ['運転免許', 'drivers_license', 'wl'], ['免許番号', 'drivers_license', 'wl'],
  ['driver license', 'drivers_license', 'wl'], ['drivers license', 'drivers_license', 'wl'], ["driver's license", 'drivers_license', 'wl'], ['driving licence', 'drivers_license', 'wl'], ['license number', 'drivers_license', 'l'], ['license no', 'drivers_license', 'l'],
  ['パスポート', 'passport', 'wl'], ['旅券番号', 'passport', 'wl'], ['旅券', 'passport', 'wl'], ['passport', 'passport', 'wl'],
  ['在留カード', 'residence_card', 'wl'], ['在留番号', 'residence_card', 'wl'], ['residence card', 'residence_card', 'wl'],
  ['基礎年金番号', 'pension_insurance', 'wl'], ['年金番号', 'pension_insurance', 'wl'], ['被保険者番号', 'pension_insurance', 'wl'], ['被保険者', 'pension_insurance', 'w'], ['雇用保険', 'pension_insurance', 'wl'], ['年金手帳', 'pension_insurance', 'wl'],
  ['保険者番号', 'pension_insurance', 'wl'], ['保険証', 'pension_insurance', 'l'], ['pension', 'pension_insurance', 'wl'],
  ['employment insurance', 'pension_insurance', 'wl'], ['insurance number', 'pension_insurance', 'l'], ['insurance no', 'pension_insurance', 'l'], ['insured', 'pension_insurance', 'l'],
  ['電話', 'phone', 'wl'], ['電話番号', 'phone', 'wl'], ['tel', 'phone', 'wl'], ['携帯', 'phone', 'wl'], ['ケータイ', 'phone', 'wl'], ['phone', 'phone', 'wl'], ['telephone', 'phone', 'wl'], ['mobile', 'phone', 'wl'], ['fax', 'phone', 'wl'], ['連絡先', 'phone', 'wl'],
  ['メール', 'email', 'wl'], ['メールアドレス', 'email', 'wl'], ['eメール', 'email', 'wl'], ['メアド', 'email', 'wl'], ['email', 'email', 'wl'], ['e-mail', 'email', 'wl'], ['mail', 'email', 'wl'], ['email address', 'email', 'wl'], ['mail address', 'email', 'wl'],
  ['住所', 'postal_address', 'wl'], ['所在地', 'postal_address', 'wl'], ['郵便番号', 'postal_address', 'wl'], ['現住所', 'postal_address', 'wl'], ['居所', 'postal_address', 'wl'], ['本籍', 'postal_address', 'wl'], ['〒', 'postal_address', 'l'],
  ['都道府県', 'postal_address', 'l'], ['市区町村', 'postal_address', 'l'], ['番地', 'postal_address', 'l'], ['address', 'postal_address', 'wl'], ['zip', 'postal_address', 'wl'], ['zip code', 'postal_address', 'wl'], ['postal', 'postal_address', 'wl'], ['postcode', 'postal_address', 'wl'], ['postal code', 'postal_address', 'wl'],
  ['生年月日', 'birth_date', 'wl'], ['誕生日', 'birth_date', 'wl'], ['生まれ', 'birth_date', 'w'], ['dob', 'birth_date', 'wl'], ['birth', 'birth_date', 'wl'], ['birthday', 'birth_date', 'wl'], ['birthdate', 'birth_date', 'wl'], ['date of birth', 'birth_date', 'wl'], ['birth date', 'birth_date', 'wl'],
  ['氏名', 'person_name', 'l'], ['名前', 'person_name', 'l'], ['お名前', 'person_name', 'l'], ['姓名', 'person_name', 'l'], ['フリガナ', 'person_name', 'l'], ['ふりがな', 'person_name', 'l'], ['name', 'person_name', 'l'],
  ['注文番号', 'other', 'l'], ['注文', 'other', 'l'], ['受注', 'other', 'l'], ['発注', 'other', 'l'], ['order', 'other', 'l'], ['伝票', 'other', 'l'], ['請求書番号', 'other', 'l'], ['invoice', 'other', 'l'],
  ['商品', 'other', 'l'], ['品番', 'other', 'l'], ['jan', 'other', 'l'], ['janコード', 'other', 'l'], ['sku', 'other', 'l'], ['型番', 'other', 'l'], ['製品', 'other', 'l'], ['シリアル', 'other', 'l'], ['serial', 'other', 'l'],
  ['追跡番号', 'other', 'l'], ['お問い合わせ番号', 'other', 'l'], ['問い合わせ', 'other', 'l'], ['問合せ', 'other', 'l'], ['tracking', 'other', 'l'], ['予約番号', 'other', 'l'], ['予約', 'other', 'l'],
  ['会員番号', 'other', 'l'], ['会員id', 'other', 'l'], ['member', 'other', 'l'], ['社員番号', 'other', 'l'], ['社員コード', 'other', 'l'], ['従業員番号', 'other', 'l'], ['職員番号', 'other', 'l'], ['学籍番号', 'other', 'l'], ['顧客番号', 'other', 'l'], ['顧客id', 'other', 'l'], ['顧客コード', 'other', 'l'],
  ['customer id', 'other', 'l'], ['user id', 'other', 'l'], ['id', 'other', 'l'], ['uuid', 'other', 'l'], ['取引', 'other', 'l'], ['transaction', 'other', 'l'], ['管理番号', 'other', 'l'], ['受付番号', 'other', 'l'], ['整理番号', 'other', 'l'], ['ロット', 'other', 'l'], ['lot', 'other', 'l'],
  ['日付', 'other', 'l'], ['date', 'other', 'l'], ['登録日', 'other', 'l'], ['作成日', 'other', 'l'], ['更新日', 'other', 'l'], ['入社日', 'other', 'l'], ['退職日', 'other', 'l'], ['注文日', 'other', 'l'], ['受付日', 'other', 'l'], ['発行日', 'other', 'l'], ['交付日', 'other', 'l'], ['受診日', 'other', 'l'], ['実施日', 'other', 'l'],
  ['created', 'other', 'l'], ['updated', 'other', 'l'], ['timestamp', 'other', 'l'], ['金額', 'other', 'l'], ['価格', 'other', 'l'], ['amount', 'other', 'l'], ['price', 'other', 'l'], ['数量', 'other', 'l'], ['ip address', 'other', 'l'], ['mac address', 'other', 'l'], ['コード', 'other', 'l'],
  ['参照番号', 'other', 'l'], ['ポイントカード', 'other', 'l'], ['会員カード', 'other', 'l'], ['診察券', 'other', 'l'], ['ギフトカード', 'other', 'l'], ['プリペイドカード', 'other', 'l'], ['社員証', 'other', 'l'], ['point card', 'other', 'l'], ['member card', 'other', 'l'], ['gift card', 'other', 'l'], ['loyalty', 'other', 'l'],
  ['アドレス', 'email', 'l'], ['ipアドレス', 'other', 'l'], ['macアドレス', 'other', 'l'], ['受付', 'other', 'l'], ['保管', 'other', 'l'], ['reference', 'other', 'l'], ['ref', 'other', 'l'], ['チケット', 'other', 'l'], ['ticket', 'other', 'l'],
];

const isAscii = (s: string): boolean => /^[\x00-\x7f]+$/.test(s);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ASCII words match whole words, case-insensitively, with ' ', '_' or '-' (or nothing) between words. */
function asciiPattern(word: string): string {
  return word.split(/[ _-]/).map(escape).join('[ _\\-]?');
}

/** Key for looking a match up: lower-case, without separators. */
function keyOf(s: string): string {
  return s.toLowerCase().replace(/[ _\-']/g, '');
}

interface Vocab {
  re: RegExp;
  /** The first characters of the words, as a class with the same case folding as `re`: no match without one of them. */
  first: RegExp;
  /** Its bits in the prefilter tables (first characters of the words: no match without one of them). */
  bits: VocabBits;
  targets: Map<string, LabelTarget>;
  /** Proper prefixes of the words (free-text segments carry such a tail to the next one). */
  prefixes: Set<string>;
  /** Every character of every word (lower-case). */
  chars: Set<string>;
  longest: number;
}

function buildVocab(use: 'w' | 'l'): Vocab {
  const entries = VOCABULARY.filter(([, , u]) => u.includes(use));
  const targets = new Map<string, LabelTarget>();
  const prefixes = new Set<string>();
  for (const [w, t] of entries) {
    targets.set(keyOf(w), t);
    for (let i = 1; i < w.length; i++) prefixes.add(w.slice(0, i).toLowerCase());
  }
  const ja = entries.filter(([w]) => !isAscii(w)).map(([w]) => w);
  const en = entries.filter(([w]) => isAscii(w)).map(([w]) => w);
  const byLength = (a: string, b: string): number => b.length - a.length;
  const jaAlt = ja.sort(byLength).map(escape).join('|');
  const enAlt = en.sort(byLength).map(asciiPattern).join('|');
  const re = new RegExp(`${jaAlt}${jaAlt && enAlt ? '|' : ''}${enAlt ? `(?<![A-Za-z])(?:${enAlt})(?![A-Za-z])` : ''}`, 'gi');
  const chars = new Set<string>();
  for (const [w] of entries) for (const c of w.toLowerCase()) chars.add(c);
  const first = firstCharClass(entries.map(([w]) => w));
  const bits = use === 'w' ? WINDOW_BITS : LABEL_BITS;
  registerVocabulary(entries.map(([w]) => w), isAscii, bits);
  return { re, first, bits, targets, prefixes, chars, longest: Math.max(...entries.map(([w]) => w.length)) };
}

/**
 * A character class of the first characters of `words`, case-insensitive like the vocabulary patterns: a text
 * without any of them cannot hold a word (a cheap test before the long alternations).
 */
export function firstCharClass(words: readonly string[]): RegExp {
  const set = new Set(words.map((w) => w[0] ?? '').filter((c) => c !== ''));
  return new RegExp(`[${[...set].map((c) => c.replace(/[\\\]\[^-]/g, '\\$&')).join('')}]`, 'i');
}

const WINDOW_VOCAB = buildVocab('w');
const LABEL_VOCAB = buildVocab('l');

export interface KeywordHit {
  start: number;
  end: number;
  kind: ContextKind;
}

/** Window keywords in a normalised text (offsets relative to `text`); `prechecked`: the caller knows the prefilter says maybe. */
export function findKeywords(text: string, prechecked = false): KeywordHit[] {
  const out: KeywordHit[] = [];
  if (!prechecked && (!WINDOW_VOCAB.first.test(text) || !mayMatch(text, WINDOW_VOCAB.bits))) return out;
  const re = WINDOW_VOCAB.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const t = WINDOW_VOCAB.targets.get(keyOf(m[0]));
    if (t !== undefined && t !== 'other' && t !== 'person_name') {
      const kind = contextKindOf(t);
      if (kind !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
  return out;
}

/** Longest suffix of `text` that is a proper prefix of a window keyword ('' when none). */
export function keywordPrefixTail(text: string): string {
  const last = text[text.length - 1];
  if (last === undefined || !WINDOW_VOCAB.chars.has(last.toLowerCase())) return '';
  const max = Math.min(WINDOW_VOCAB.longest - 1, text.length);
  for (let n = max; n >= 1; n--) {
    const tail = text.slice(text.length - n);
    if (WINDOW_VOCAB.prefixes.has(tail.toLowerCase())) return tail;
  }
  return '';
}

/**
 * What a label (a field, or the text right before a value) names: the longest vocabulary word in it wins,
 * the later one on a tie (電話・メール → email). null when it names nothing known.
 */
export function labelTarget(label: string, prechecked = false): LabelTarget | null {
  if (label === '' || (!prechecked && (!LABEL_VOCAB.first.test(label) || !mayMatch(label, LABEL_VOCAB.bits)))) return null;
  const re = LABEL_VOCAB.re;
  re.lastIndex = 0;
  let best: { len: number; target: LabelTarget } | null = null;
  for (let m = re.exec(label); m !== null; m = re.exec(label)) {
    const t = LABEL_VOCAB.targets.get(keyOf(m[0]));
    if (t === undefined) continue;
    if (best === null || m[0].length >= best.len) best = { len: m[0].length, target: t };
  }
  return best?.target ?? null;
}

export const LABEL_REACH = 24;

/** Characters that end an inline label: line breaks, tabs, commas, 、。;| */
function isDelimiter(c: number): boolean {
  return c === 10 || c === 13 || c === 9 || c === 44 || c === 59 || c === 124 || c === 0x3001 || c === 0x3002;
}

/** The inline label before `start`: back to a delimiter, at most 24 characters, never before `floor`. */
export function inlineLabel(text: string, start: number, floor: number): string {
  const from = Math.max(floor, start - LABEL_REACH, 0);
  let i = start - 1;
  while (i >= from && !isDelimiter(text.charCodeAt(i))) i--;
  return i + 1 >= start ? '' : text.slice(i + 1, start);
}

/**
 * The 300-character window over the stream: remembers, per kind, where the last keyword ended, and holds
 * pending items until no later keyword can reach them. Pending items sit in a queue (oldest first) with, per kind,
 * the number of them that want it, so that a keyword nobody pending wants costs nothing.
 */
export class ContextWindow<T> {
  private readonly lastEnd: number[] = KINDS.map(() => Number.NEGATIVE_INFINITY);
  private items: (T | undefined)[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  private wants: number[] = [];
  private gots: number[] = [];
  private head = 0;
  private readonly wanting: number[] = KINDS.map(() => 0);
  /** Longest span among pending items (bounds the backward scan in hit). */
  private maxSpan = 0;

  /** A keyword (or a person identifier, kind 'person') at absolute [start, end). */
  hit(start: number, end: number, kind: ContextKind): void {
    this.hitKind(start, end, KIND_INDEX.get(kind) ?? 0);
  }

  /** hit with the kind's index in KINDS. */
  hitKind(start: number, end: number, k: number): void {
    const bit = 1 << k;
    if (end > (this.lastEnd[k] ?? Number.NEGATIVE_INFINITY)) this.lastEnd[k] = end;
    if (this.wanting[k] === 0) return;
    // Pending items are in order of start: scan back until no item can end within reach.
    const reach = start - WINDOW - this.maxSpan;
    for (let i = this.items.length - 1; i >= this.head; i--) {
      if ((this.starts[i] ?? 0) < reach) break;
      if (((this.wants[i] ?? 0) & bit) !== 0 && start - (this.ends[i] ?? 0) <= WINDOW) this.gots[i] = (this.gots[i] ?? 0) | bit;
    }
  }

  /** A value at absolute [start, end) that wants the kinds in `want` (bits). */
  add(item: T, start: number, end: number, want: number): void {
    let got = 0;
    for (let b = want; b !== 0; b &= b - 1) {
      const bit = b & -b;
      const k = 31 - Math.clz32(bit);
      this.wanting[k] = (this.wanting[k] ?? 0) + 1;
      if (start - (this.lastEnd[k] ?? Number.NEGATIVE_INFINITY) <= WINDOW) got |= bit;
    }
    this.items.push(item);
    this.starts.push(start);
    this.ends.push(end);
    this.wants.push(want);
    this.gots.push(got);
    if (end - start > this.maxSpan) this.maxSpan = end - start;
  }

  /**
   * Items no later keyword can reach once the stream's next character is at `next`, in stream order, to `decide`.
   * Items are added in order of their start, so their ends are nearly sorted: settling stops at the first item that
   * is still reachable (an item behind it waits at most until that one settles; the decision is the same).
   */
  settleEach(next: number, decide: (item: T, got: number) => void): void {
    while (this.head < this.items.length && next - (this.ends[this.head] ?? 0) > WINDOW) this.take(decide);
    this.compact();
  }

  /** settleEach, as a list. */
  settle(next: number): { item: T; got: number }[] {
    const out: { item: T; got: number }[] = [];
    this.settleEach(next, (item, got) => out.push({ item, got }));
    return out.length === 0 ? NONE : out;
  }

  /** Everything still pending (end of input), to `decide`. */
  drainEach(decide: (item: T, got: number) => void): void {
    while (this.head < this.items.length) this.take(decide);
    this.compact();
  }

  /** drainEach, as a list. */
  drain(): { item: T; got: number }[] {
    const out: { item: T; got: number }[] = [];
    this.drainEach((item, got) => out.push({ item, got }));
    return out;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  private take(decide: (item: T, got: number) => void): void {
    const h = this.head++;
    const item = this.items[h] as T;
    const want = this.wants[h] ?? 0;
    for (let b = want; b !== 0; b &= b - 1) {
      const k = 31 - Math.clz32(b & -b);
      this.wanting[k] = (this.wanting[k] ?? 0) - 1;
    }
    this.items[h] = undefined;
    decide(item, this.gots[h] ?? 0);
  }

  /** Drops the settled head of the queue (now and then, not at every item). */
  private compact(): void {
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.starts.length = 0;
      this.ends.length = 0;
      this.wants.length = 0;
      this.gots.length = 0;
      this.head = 0;
      this.maxSpan = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items.splice(0, this.head);
      this.starts.splice(0, this.head);
      this.ends.splice(0, this.head);
      this.wants.splice(0, this.head);
      this.gots.splice(0, this.head);
      this.head = 0;
    }
  }
}
