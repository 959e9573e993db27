// Recognized lines → Segments for the Classifier (pure). The document kind (documents/) decides which labelled
// values become field segments (`field` = the label, so the detectors take it as context); a card whose person is
// identified (a number of its own, or name + birth date) puts its fields in one row, so that it counts as one
// person and shares the person keys of tabular records (src/data/detect/persons.ts); otherwise the fields carry no
// row (a name alone is not a person). The other lines are free text. Every segment carries its OCR confidence.
import type { Segment } from '../types.js';
import { DATE, FIELD_LABEL, identifies, readFields, recognizeDocument, type FieldValue } from './documents/index.js';
import type { OcrLine } from './engine.js';
import { compactText, foldOcrText } from './normalize.js';

/** Lines read with less confidence are noise (a photo's texture, a QR code) unless a field was read from them. */
export const MIN_LINE_CONFIDENCE = 30;

export interface PageText {
  segments: Segment[];
  documentKind: string | null;
}

/**
 * Dates printed next to a word saying they are not a birth date (交付 issued, 資格取得 insured since, 受診 examined,
 * 発行, …まで有効 valid until) are left out of the segments (they are not personal data by themselves), so that a
 * birth date elsewhere on the card does not lend them its context.
 */
const OTHER_DATE_WORD = /交付|取得|受診|発行|有効|まで/;
const OTHER_DATE = new RegExp(DATE, 'g');

/** The line without its dates when it says they are not birth dates. */
function withoutOtherDates(line: string): string {
  if (line.includes('生年月日') || !OTHER_DATE_WORD.test(line)) return line;
  return line.replace(OTHER_DATE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A line less the characters fields took from it, when something is left but labels and punctuation. */
function remainder(line: string, taken: readonly FieldValue[]): string {
  if (taken.length === 0) return line;
  let out = '';
  let at = 0;
  for (const f of [...taken].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += `${line.slice(at, f.start)} `;
    at = f.end;
  }
  return (out + line.slice(at)).replace(/ {2,}/g, ' ').trim();
}

/** `row`: the row id the fields of an identified card take (distinct for each image a reader reads). */
export function pageSegments(lines: readonly OcrLine[], row: number): PageText {
  const folded = lines.map((l) => foldOcrText(l.text));
  const { kind, fields } = recognizeDocument(folded);
  const conf = (i: number): number => Math.round(lines[i]?.confidence ?? 0);
  const ocr = (i: number): NonNullable<Segment['ocr']> => ({ confidence: conf(i), ...(kind ? { document: { kind: kind.id, label: kind.label, appi: kind.appi } } : {}) });
  const segments: Segment[] = [];
  const person = identifies(fields);
  for (const f of fields) segments.push({ text: f.value, field: FIELD_LABEL[f.id], ...(person ? { row } : {}), ocr: ocr(f.line) });
  for (let i = 0; i < folded.length; i++) {
    const taken = fields.filter((f) => f.line === i);
    if (taken.length === 0 && conf(i) < MIN_LINE_CONFIDENCE) continue;
    const rest = withoutOtherDates(remainder(compactText(folded[i] as string), taken));
    if (!/[0-9A-Za-z\u3040-\u30ff\u3400-\u9fff]/.test(rest)) continue;
    segments.push({ text: rest, ocr: ocr(i) });
  }
  return { segments, documentKind: kind?.id ?? null };
}

/** A line holding a My Number with a valid check digit (4-4-4 or run together). */
function holdsMyNumber(line: OcrLine): boolean {
  return readFields([foldOcrText(line.text)], ['my_number']).length > 0;
}

/** Words that say the page carries a My Number: its label, or the cards that carry one. */
const MY_NUMBER_WORDS = /個人番号|マイナンバー|通知カード|個人番号カード/;

/**
 * The page names a My Number (個人番号, マイナンバー, 通知カード, 個人番号カード) but none with a valid check digit was
 * read: worth a second reading with another threshold (reader.ts).
 */
export function myNumberUnread(lines: readonly OcrLine[]): boolean {
  const text = lines.map((l) => foldOcrText(l.text)).join('\n').replace(/ /g, '');
  return MY_NUMBER_WORDS.test(text) && !lines.some(holdsMyNumber);
}

/** The first reading's lines and the lines of a second reading that hold a valid My Number (the rest is the first's). */
export function withMyNumberLines(first: readonly OcrLine[], second: readonly OcrLine[]): OcrLine[] {
  return [...first, ...second.filter(holdsMyNumber)];
}
