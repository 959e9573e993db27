// my_number (個人番号): 12 digits, optionally in groups of 4 with one kind of separator (space, '-', '.'),
// valid check digit. Not a My Number: a 12-digit run inside a longer run of digits or of an alphanumeric id
// (isolated), groups of 4 that continue (a card written 4-4-4-4), a run that is part of a corporate number
// (dropped by the Classifier when they overlap), and a run that begins with a calendar date (yyyymmdd…:
// timestamps and date-prefixed order ids) unless a field or label names it a My Number.
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { daysInMonth } from './birth-date.js';
import { isolated, spacedRunContinues } from './normalize.js';

const RE = /(?<![0-9])([0-9]{4})([ .-]?)([0-9]{4})\2([0-9]{4})(?![0-9])/g;

/** yyyymmdd with a year 1900–2099 and a real month/day at the start of the run. */
export function startsWithDate(digits: string): boolean {
  const at = (i: number): number => digits.charCodeAt(i) - 48;
  if (digits.length < 8) return false;
  for (let i = 0; i < 8; i++) if (at(i) < 0 || at(i) > 9) return false;
  const y = at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3);
  const m = at(4) * 10 + at(5);
  const d = at(6) * 10 + at(7);
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** isValidMyNumber for 12 ASCII digits (what the pattern matched). */
function validDigits(d: string): boolean {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (d.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d.charCodeAt(11) - 48;
}

export function findMyNumbers(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const sep = m[2] ?? '';
    if (!isolated(text, start, end)) continue;
    if (sep === ' ' && spacedRunContinues(text, start, end)) continue;
    const digits = sep === '' ? m[0] : `${m[1] ?? ''}${m[3] ?? ''}${m[4] ?? ''}`;
    if (!validDigits(digits)) continue;
    out.push({
      type: 'my_number',
      start,
      end,
      canonical: digits,
      masked: maskChars(digits, [4, 4, 4]),
      rule: startsWithDate(digits) ? 'named' : 'checksum',
    });
  }
}
