// The demo's PDF: a My Number register (個人番号管理台帳) of 30 employees of the demo's export, as an office suite
// exports a spreadsheet to PDF — every cell its own text run at an absolute position, the 12-digit number in three
// runs of four digits, the name in two, and the runs written column by column (all 社員番号, then all 氏名 …), so
// only their positions give the lines and the columns. Generated at demo time from the same deterministic
// employees as the CSV, so the persons it shows are persons already counted.
import { demoEmployeeRecords, type DemoEmployee } from './employees.js';
import { A4, runWidth, writeOfficePdf, type TextRun } from './office-pdf.js';

/** The employees in the register: indices FIRST … FIRST + ROWS − 1 of the export (the card's employee among them). */
export const DEMO_REGISTER_FIRST = 720;
export const DEMO_REGISTER_ROWS = 30;

/** Where the demo uploads it (a neutral name: nothing in it says My Number, so only its content can). */
export const DEMO_REGISTER_BLOB = 'exports/register-2024-11.pdf';

const SIZE = 9;
const COLUMNS = { id: 50, name: 120, birth: 230, number: 320 } as const;
const HEADER = { id: '社員番号', name: '氏名', birth: '生年月日', number: '個人番号' } as const;
const TOP = 760;
const PITCH = 18;

/** The employees the register lists. */
export function demoRegisterEmployees(): DemoEmployee[] {
  return demoEmployeeRecords(DEMO_REGISTER_FIRST + DEMO_REGISTER_ROWS).slice(DEMO_REGISTER_FIRST);
}

/** Runs side by side from `x`, separated by one space of the font (as a suite places the words of one cell). */
function words(parts: readonly string[], x: number, y: number): TextRun[] {
  const runs: TextRun[] = [];
  let at = x;
  for (const text of parts) {
    runs.push({ x: at, y, text, size: SIZE });
    at += runWidth(text, SIZE) + runWidth(' ', SIZE) * 1.5;
  }
  return runs;
}

/** The page's runs, column by column, then the title, the header and the footer. */
export function registerRuns(employees: readonly DemoEmployee[]): TextRun[] {
  const y = (row: number): number => TOP - (row + 1) * PITCH;
  const columns: TextRun[][] = [[], [], [], []];
  employees.forEach((e, row) => {
    columns[0]?.push({ x: COLUMNS.id, y: y(row), text: e.id, size: SIZE });
    columns[1]?.push(...words(e.name.split(' '), COLUMNS.name, y(row)));
    columns[2]?.push({ x: COLUMNS.birth, y: y(row), text: e.birth, size: SIZE });
    columns[3]?.push(...words(e.myNumber.match(/\d{4}/g) ?? [], COLUMNS.number, y(row)));
  });
  const header = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).map((k) => ({ x: COLUMNS[k], y: TOP, text: HEADER[k], size: SIZE }));
  return [
    ...columns.flat(),
    { x: 50, y: 800, text: '個人番号管理台帳', size: 14 },
    { x: 50, y: 784, text: '人事部', size: SIZE },
    ...header,
    { x: A4.width / 2 - 10, y: 40, text: '1 / 1', size: SIZE },
  ];
}

/** The PDF the demo uploads. */
export function demoRegisterPdf(): Buffer {
  return writeOfficePdf([registerRuns(demoRegisterEmployees())], '個人番号管理台帳');
}
