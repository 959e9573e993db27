// birth_date: valid calendar dates that can be a living person's birth date (from 120 years ago to today).
// - 西暦: 1985/04/01, 1985-04-01, 1985.4.1, 1985年4月1日; 19850401 (8 digits) only with context;
// - 和暦: 大正/昭和/平成/令和 N年M月D日 (元年 = year 1), and the abbreviations T/S/H/R 60.4.1 (also with '/', '-');
//   the date must fall inside the era (昭和64年1月8日 and 平成31年5月1日 do not exist).
// Dates are everywhere (orders, logs), so every form is low without context (生年月日, 誕生日, DOB …) and
// high with it; a field naming another date (入社日, created_at …) blocks the window.
import type { Found } from './found.js';
import { MASKED_DATE, maskEraDate } from './mask.js';
import { isolated } from './normalize.js';

interface Era {
  name: string;
  letter: string;
  /** First day (UTC y, m, d) and the Gregorian year of the era's year 1. */
  start: [number, number, number];
  end: [number, number, number] | null;
}

export const ERAS: readonly Era[] = [
  { name: '大正', letter: 'T', start: [1912, 7, 30], end: [1926, 12, 24] },
  { name: '昭和', letter: 'S', start: [1926, 12, 25], end: [1989, 1, 7] },
  { name: '平成', letter: 'H', start: [1989, 1, 8], end: [2019, 4, 30] },
  { name: '令和', letter: 'R', start: [2019, 5, 1], end: null },
];

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month m (1–12) of year y, as Date.UTC counts them (proleptic Gregorian; years 0–99 are 1900–1999). */
export function daysInMonth(y: number, m: number): number {
  if (m !== 2) return MONTH_DAYS[m - 1] ?? 0;
  const year = y >= 0 && y <= 99 ? y + 1900 : y;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** A real date from 120 years ago up to today (UTC). */
export function isPlausibleBirthDate(y: number, m: number, d: number, now: Date = new Date()): boolean {
  if (!isCalendarDate(y, m, d)) return false;
  if (now !== todayOf.now || now.getTime() !== todayOf.time) {
    todayOf.now = now;
    todayOf.time = now.getTime();
    todayOf.day = dayNumber(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
    todayOf.year = now.getUTCFullYear();
  }
  const day = dayNumber(y, m, d);
  return day <= todayOf.day && y >= todayOf.year - 120;
}

/** The last "now" seen and its day (most calls pass the same Date). */
const todayOf = { now: null as Date | null, time: Number.NaN, day: 0, year: 0 };

/**
 * At least 15 years before `now`: the birth date of someone of working age (a column of such dates in person rows
 * can be a birth-date column; order dates, update dates and most hire dates are more recent). Compared by
 * calendar date, UTC.
 */
export const GROWN_UP_YEARS = 15;

export function grownUp(y: number, m: number, d: number, now: Date): boolean {
  return y * 10000 + m * 100 + d <= (now.getUTCFullYear() - GROWN_UP_YEARS) * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
}

/** Gregorian date of an era date, or null when the era did not have that day. */
export function eraToGregorian(era: Era, year: number, m: number, d: number): [number, number, number] | null {
  if (year < 1) return null;
  const y = era.start[0] + year - 1;
  if (!isCalendarDate(y, m, d)) return null;
  const day = dayNumber(y, m, d);
  if (day < dayNumber(...era.start)) return null;
  if (era.end !== null && day > dayNumber(...era.end)) return null;
  return [y, m, d];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const AFTER_BIRTH = /^\s?(生まれ|生)/;
const AFTER_OTHER = /^\s?(に|の)?\s?(実施|受診|入社|退社|退職|入学|卒業|発行|交付|登録|作成|更新|注文|受付|締切|締め|開催|付け|付|から|まで|以降|以前|現在|時点|頃|予定|有効|期限|支払|振込|納品|発送|提出|記入|申請|届出|契約)/;

/** A label that names a birth date (checked first: 生年月日 ends in 日 too). */
const BIRTH_LABEL = /生年月日|誕生日|生まれ|birth|(?<![a-z])dob(?![a-z])/i;
/**
 * A label naming a date of an event that is not a birth (提出日, 作成年月日, 記入日, 入社日, 発行日, 交付日, 受診日,
 * 有効期限, 届出年月日 …): an event word followed by 日 / 年月日 / 日付, or a word of validity and deadlines.
 */
const OTHER_DATE_LABEL = /(提出|作成|記入|記載|入社|退社|退職|入職|離職|入学|卒業|発行|交付|受診|健診|検診|受付|申請|申込|届出|契約|更新|登録|変更|異動|採用|雇入|取得|喪失|支給|支払|振込|締切|締め|納品|発送|出荷|注文|実施|検査|診察|処理|承認|決裁|開始|終了|満了|完了|予約|来院|来店|利用|購入|請求|出力|印刷|転入|転出|入居|退去|着任|就任|認定|交付年|発効|施行|調査|測定|回答|記録|面談|面接|撮影|確認|受領|返却|貸出|搬入)(?:年月日|日付|日)|有効期限|有効期間|使用期限|期限|期日|締切日|(?<![a-z])(?:issued?|expir(?:y|es|ation)|valid|created|updated|submitted|modified|hired?|joined)(?![a-z])/i;

/**
 * What a date's label says when no vocabulary word of context.ts does (labelTarget returned null): 'birth_date'
 * for 生年月日 …, 'other' for a label naming another dated event (提出日 2024年4月1日), null otherwise. Decides
 * like labelTarget: 'other' blocks the window for that date, so a 生年月日 elsewhere on the form does not raise it.
 */
export function dateLabelTarget(label: string): 'birth_date' | 'other' | null {
  if (label === '') return null;
  if (BIRTH_LABEL.test(label)) return 'birth_date';
  return OTHER_DATE_LABEL.test(label) ? 'other' : null;
}

/**
 * What the words right after a date say about it: 生まれ → a birth date; 実施, 入社, 現在, 付, まで … → another date
 * (2023年8月4日実施の健康診断, 2024年4月1日現在). Decides like a label right before the value.
 */
export function dateSuffixTarget(text: string, end: number): 'birth_date' | 'other' | null {
  if (end >= text.length) return null;
  const after = text.slice(end, end + 8);
  if (AFTER_BIRTH.test(after)) return 'birth_date';
  if (AFTER_OTHER.test(after)) return 'other';
  return null;
}

const WESTERN_SEP = /(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})([/.-])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])/g;
const WESTERN_KANJI = /(?<![0-9])(1[89][0-9]{2}|20[0-9]{2}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日/g;
const WESTERN_COMPACT = /(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})([0-9]{2})([0-9]{2})(?![0-9])/g;
const ERA_KANJI = /(大正|昭和|平成|令和) ?(元|[0-9]{1,2}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日/g;
const ERA_LETTER = /(?<![A-Za-z0-9])([TSHR])\.? ?([0-9]{1,2})([./-])([0-9]{1,2})\3([0-9]{1,2})(?![0-9])/g;

/** Forms findBirthDates looks for (a caller that knows the text's digit runs may skip some). */
export const DATE_SEPARATED = 1;
export const DATE_KANJI = 2;
export const DATE_ERA_LETTER = 4;
export const DATE_COMPACT = 8;
export const DATE_ALL = 15;

export function findBirthDates(text: string, out: Found[], now: Date = new Date(), forms = DATE_ALL): void {
  WESTERN_SEP.lastIndex = 0;
  for (let m = forms & DATE_SEPARATED ? WESTERN_SEP.exec(text) : null; m !== null; m = WESTERN_SEP.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    const y = Number(m[1]);
    const mo = Number(m[3]);
    const d = Number(m[4]);
    if (!isPlausibleBirthDate(y, mo, d, now)) continue;
    out.push({ type: 'birth_date', start, end, canonical: iso(y, mo, d), masked: MASKED_DATE, rule: 'shape', column: grownUp(y, mo, d, now) ? 'hit' : 'none' });
  }
  if (forms & DATE_KANJI && text.includes('年')) {
    WESTERN_KANJI.lastIndex = 0;
    for (let m = WESTERN_KANJI.exec(text); m !== null; m = WESTERN_KANJI.exec(text)) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (!isPlausibleBirthDate(y, mo, d, now)) continue;
      out.push({ type: 'birth_date', start: m.index, end: m.index + m[0].length, canonical: iso(y, mo, d), masked: MASKED_DATE, rule: 'shape', column: grownUp(y, mo, d, now) ? 'hit' : 'none' });
    }
    ERA_KANJI.lastIndex = 0;
    for (let m = ERA_KANJI.exec(text); m !== null; m = ERA_KANJI.exec(text)) {
      const era = ERAS.find((e) => e.name === m?.[1]);
      if (era === undefined) continue;
      const year = m[2] === '元' ? 1 : Number(m[2]);
      const g = eraToGregorian(era, year, Number(m[3]), Number(m[4]));
      if (g === null || !isPlausibleBirthDate(...g, now)) continue;
      out.push({ type: 'birth_date', start: m.index, end: m.index + m[0].length, canonical: iso(...g), masked: maskEraDate(era.name), rule: 'shape', column: grownUp(...g, now) ? 'hit' : 'none' });
    }
  }
  ERA_LETTER.lastIndex = 0;
  for (let m = forms & DATE_ERA_LETTER ? ERA_LETTER.exec(text) : null; m !== null; m = ERA_LETTER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    const era = ERAS.find((e) => e.letter === m?.[1]);
    if (era === undefined) continue;
    const g = eraToGregorian(era, Number(m[2]), Number(m[4]), Number(m[5]));
    if (g === null || !isPlausibleBirthDate(...g, now)) continue;
    out.push({ type: 'birth_date', start, end, canonical: iso(...g), masked: `${era.letter}**.**.**`, rule: 'shape', column: grownUp(...g, now) ? 'hit' : 'none' });
  }
  WESTERN_COMPACT.lastIndex = 0;
  for (let m = forms & DATE_COMPACT ? WESTERN_COMPACT.exec(text) : null; m !== null; m = WESTERN_COMPACT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isPlausibleBirthDate(y, mo, d, now)) continue;
    out.push({ type: 'birth_date', start, end, canonical: iso(y, mo, d), masked: MASKED_DATE, rule: 'context', column: grownUp(y, mo, d, now) ? 'weak' : 'none' });
  }
}
