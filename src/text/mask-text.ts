// Masking of free text that is not sampled content but still leaves kumoscan: bucket tags, GCS labels, Azure tags
// and metadata, and the file paths `classify` prints. The same masking as object keys (src/data/detect/mask.ts
// maskKey: e-mail addresses, runs of 10 or more digits) plus the detectors' own finds where they do not need a
// context keyword (a My Number with its check digit, a card number, a phone number, an address, a labelled name
// 氏名:山田太郎 …), each replaced by the detector's masked form. Pure; idempotent on its own output.
import { maskKey } from '../data/detect/mask.js';
import { normalizeText } from '../data/detect/normalize.js';
import type { Found } from '../data/detect/found.js';
import { findEmails } from '../data/detect/email.js';
import { findMyNumbers } from '../data/detect/my-number.js';
import { findCreditCards } from '../data/detect/credit-card.js';
import { findPhones } from '../data/detect/phone.js';
import { findPensionNumbers } from '../data/detect/pension-insurance.js';
import { findDriversLicenses } from '../data/detect/drivers-license.js';
import { findPassports } from '../data/detect/passport.js';
import { findResidenceCards } from '../data/detect/residence-card.js';
import { findPostalAddresses } from '../data/detect/postal-address.js';
import { findBirthDates } from '../data/detect/birth-date.js';
import { findLabelledNames } from '../data/detect/person-name.js';

type Finder = (text: string, out: Found[]) => void;

/** The detectors run on a value (bank accounts and bare 7-digit forms need a context keyword: left to maskKey's digit rule). */
const FINDERS: readonly Finder[] = [
  findEmails,
  findMyNumbers,
  findCreditCards,
  (t, o) => findPhones(t, o),
  (t, o) => findPensionNumbers(t, o),
  findDriversLicenses,
  findPassports,
  findResidenceCards,
  (t, o) => findPostalAddresses(t, o),
  (t, o) => findBirthDates(t, o),
  findLabelledNames,
];

/** Finds that stand without a context keyword or a column (a value alone in a tag has neither). */
function standsAlone(f: Found): boolean {
  return f.end > f.start && f.column !== 'none' && (f.rule === 'checksum' || f.rule === 'shape' || f.rule === 'named' || f.rule === 'header');
}

/** Masks personal values in one short free text (a tag value, a label, a file path). */
export function maskText(value: string): string {
  if (value === '') return value;
  const text = normalizeText(value);
  const found: Found[] = [];
  for (const find of FINDERS) {
    try {
      find(text, found);
    } catch {
      // A detector never throws on odd input; should one do so, maskKey below still applies.
    }
  }
  const spans = found.filter(standsAlone).sort((a, b) => a.start - b.start || b.end - a.end);
  if (spans.length === 0) return maskKey(value);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return maskKey(out + text.slice(at));
}

/** A tag / label / metadata map with every key and value masked (a key can hold a value too: `090-1234-5678: owner`). */
export function maskTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) out[maskText(key)] = typeof value === 'string' ? maskText(value) : value;
  return out;
}
