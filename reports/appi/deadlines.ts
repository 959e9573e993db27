// Deadlines of the PPC report (規則第8条) and of the notice to the persons (法第26条第2項), counted from the day the
// business knew (知った日). Pure: the day is --discovered-at, or the scan date in Asia/Tokyo taken from scannedAt;
// nothing here reads the clock.
//
// Counting (decided): the day of knowing is day 1 and weekends and holidays count, the reading the PPC gives for
// 確報; the result is never later than counting from the next day (民法第140条). So:
//   速報 (preliminary): "promptly", about 3–5 days  -> from day 3 (D+2) to day 5 (D+4);
//   確報 (final):       30 days -> day 30 (D+29); 60 days -> day 60 (D+59) when category 3 applies or cannot be ruled out.
// A deadline that falls on a day the PPC is closed is not moved: the earlier date is the safe one to plan for.
import { TOKYO_OFFSET_MS } from '../../src/text/local-time.js';
import type { I18n } from '../../src/model.js';
import type { Deadlines, Reportability } from './types.js';
import { concatI18n } from './labels.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, or null (2026-02-30, 2026-2-3, 20260203 are null). */
export function parseIsoDate(value: string): string | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** YYYY-MM-DD plus whole days (calendar arithmetic in UTC: no time zone or DST can shift it). */
export function addDays(date: string, days: number): string {
  const parsed = parseIsoDate(date);
  if (parsed === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = parsed.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}


/** The calendar date in Asia/Tokyo of an ISO timestamp (2026-11-22T15:30:00Z -> 2026-11-23). */
export function tokyoDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO timestamp: ${iso}`);
  return new Date(t + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days of the final report: 60 when category 3 applies or cannot be ruled out, else 30. */
export function finalDays(rep: Pick<Reportability, 'categories'>): 30 | 60 {
  const c3 = rep.categories.find((c) => c.category === 3);
  return c3 !== undefined && c3.applies !== false ? 60 : 30;
}

const PRELIMINARY_NOTE: I18n = {
  ja: '速報（規則第8条第1項）: 事態を知った後、速やかに報告します。個人情報保護委員会のガイドラインでは概ね3～5日以内とされています（知った日を1日目として3日目～5日目）。報告時点で把握している事項を報告し、不明な事項は確報で補います。',
  en: '速報 (preliminary report, Rules Art. 8(1)): promptly after knowing — the PPC guidelines read this as about 3–5 days (days 3 to 5, counting the day of knowing as day 1). Report what is known at that time; the final report completes the rest.',
};

const NOTIFY_PERSONS: I18n = {
  ja: '本人への通知（法第26条第2項）: 当該事態の状況に応じて速やかに通知します。本人への通知が困難な場合は、本人の権利利益を保護するために必要な代替措置（事案の公表、問合せ窓口の設置等）を講じます。',
  en: '本人への通知 (notice to the persons, APPI Art. 26(2)): promptly, as the situation allows. Where notifying the persons is difficult, take an alternative measure that protects their rights and interests (publishing the incident, setting up an inquiry desk …).',
};

function finalNote(days: 30 | 60, myNumberAct: boolean): I18n {
  const base: I18n =
    days === 60
      ? {
          ja: '確報（規則第8条第2項）: 知った日から60日以内（知った日を1日目とし、土日・祝日を含めて数えます）。規則第7条第3号（不正の目的をもって行われたおそれ）に該当し、又は該当を否定できないため60日です。ログの確認で該当しないと判断できた場合は30日以内です。',
          en: '確報 (final report, Rules Art. 8(2)): within 60 days of knowing (the day of knowing is day 1; weekends and holidays count). 60 days because category 3 (不正の目的, wrongful purpose; Rules Art. 7(iii)) applies or cannot be ruled out; if the logs rule it out, the limit is 30 days.',
        }
      : {
          ja: '確報（規則第8条第2項）: 知った日から30日以内（知った日を1日目とし、土日・祝日を含めて数えます）。',
          en: '確報 (final report, Rules Art. 8(2)): within 30 days of knowing (the day of knowing is day 1; weekends and holidays count).',
        };
  const mna: I18n = myNumberAct
    ? {
        ja: '特定個人情報（個人番号）については、番号法第29条の4に基づく報告も同じ期限を目安に行います。',
        en: 'For the My Numbers (特定個人情報), report under My Number Act Art. 29-4 too, on the same timeline.',
      }
    : { ja: '', en: '' };
  return concatI18n(base, mna);
}

/** Deadlines for one reportable resource. */
export function deadlinesFor(discoveredAt: string, rep: Pick<Reportability, 'categories' | 'myNumberAct'>): Deadlines {
  const days = finalDays(rep);
  return {
    discoveredAt,
    preliminary: { from: addDays(discoveredAt, 2), to: addDays(discoveredAt, 4), note: PRELIMINARY_NOTE },
    final: { due: addDays(discoveredAt, days - 1), days, note: finalNote(days, rep.myNumberAct.applies) },
    notifyPersons: NOTIFY_PERSONS,
  };
}

/** The earliest deadlines across resources (the earliest final report; the first of equals); null when none. */
export function earliestDeadlines(all: readonly (Deadlines | null)[]): Deadlines | null {
  let best: Deadlines | null = null;
  for (const d of all) {
    if (d === null) continue;
    if (best === null || d.final.due < best.final.due || (d.final.due === best.final.due && d.preliminary.to < best.preliminary.to)) best = d;
  }
  return best;
}
