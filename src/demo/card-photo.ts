// The demo's card photo: the back of a My Number card (個人番号, 氏名, 生年月日) of one employee of the demo's export,
// photographed slightly tilted, noisy and JPEG-compressed, uploaded the way an upload service stores it — under an
// opaque name that says nothing. The picture is pre-rendered (scripts/demo/make-card-photo.py, Pillow with Debian's
// IPA Gothic font) from demoCardFields() and committed under examples/demo/, so the demo needs no Python and no
// font at run time; a test reads it with OCR and checks it shows this employee's My Number.
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-info.js';
import { demoEmployeeRecords, type DemoEmployee } from './employees.js';

/** Index (0-based) of the employee on the card among the demo's employees (社員番号 E100736). */
export const DEMO_CARD_EMPLOYEE = 736;

/** The picture in the package (shipped with examples/). */
export const DEMO_CARD_ASSET = 'examples/demo/my-number-card-back.jpg';

/** Where the demo uploads it: an upload service's opaque key. */
export const DEMO_CARD_BLOB = 'uploads/7f3c9e2a41b8/a81c5d07.jpg';

/** The employee on the card. */
export function demoCardEmployee(): DemoEmployee {
  const e = demoEmployeeRecords(DEMO_CARD_EMPLOYEE + 1)[DEMO_CARD_EMPLOYEE];
  if (e === undefined) throw new Error('the demo card employee is missing');
  return e;
}

interface Era {
  name: string;
  /** First day, YYYY-MM-DD. */
  from: string;
}

const ERAS: readonly Era[] = [
  { name: '令和', from: '2019-05-01' },
  { name: '平成', from: '1989-01-08' },
  { name: '昭和', from: '1926-12-25' },
];

/** `1985-04-01` → `昭和60年 4月 1日生`, as the card prints a birth date (year 1 is 元年). */
export function japaneseBirthDate(iso: string): string {
  const era = ERAS.find((e) => iso >= e.from);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (era === undefined || !(y > 0 && m > 0 && d > 0)) throw new Error(`not a date of the eras known here: ${iso}`);
  const year = y - Number(era.from.slice(0, 4)) + 1;
  const pad = (n: number): string => String(n).padStart(2, ' ');
  return `${era.name}${year === 1 ? '元' : pad(year)}年${pad(m)}月${pad(d)}日生`;
}

/** What the card shows: the number in groups of four, the name, the birth date. */
export function demoCardFields(): { myNumber: string; name: string; birth: string } {
  const e = demoCardEmployee();
  return { myNumber: e.myNumber.replace(/(\d{4})(?=\d)/g, '$1 '), name: e.name, birth: japaneseBirthDate(e.birth) };
}

/** The committed picture's bytes. */
export function demoCardPhoto(): Buffer {
  return readFileSync(packagePath(DEMO_CARD_ASSET));
}
