// The document kinds OCR recognizes (one file each), and recognition: the kind whose signals score highest (at
// least its threshold, with its required fields found); ties go to the earlier kind of this list. Pure.
import { cashCard } from './cash-card.js';
import { driversLicense } from './drivers-license.js';
import { readFields, type FieldValue } from './fields.js';
import { healthCheck } from './health-check.js';
import { healthInsuranceCard } from './health-insurance-card.js';
import type { DocumentKind } from './kind.js';
import { myNumberCardBack } from './my-number-card-back.js';
import { myNumberCardFront } from './my-number-card-front.js';
import { notificationCard } from './notification-card.js';
import { residenceCard } from './residence-card.js';

export type { DocumentKind } from './kind.js';
export { DATE, FIELD_LABEL, identifies, readFields, type FieldId, type FieldValue } from './fields.js';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [notificationCard, myNumberCardFront, myNumberCardBack, driversLicense, residenceCard, healthInsuranceCard, healthCheck, cashCard];

export function documentKind(id: string): DocumentKind | undefined {
  return DOCUMENT_KINDS.find((k) => k.id === id);
}

export interface Recognized {
  kind: DocumentKind | null;
  /** The labelled values of the kind (or, with no kind, the numbers that identify by themselves). */
  fields: FieldValue[];
}

/** The kind of a document from its folded lines (normalize.ts foldOcrText), and its fields. */
export function recognizeDocument(folded: readonly string[]): Recognized {
  const text = folded.join('\n').replace(/ /g, '');
  let best: { kind: DocumentKind; score: number; fields: FieldValue[] } | null = null;
  for (const kind of DOCUMENT_KINDS) {
    let score = 0;
    for (const s of kind.signals) if (s.re.test(text)) score += s.weight;
    if (score < kind.threshold || (best !== null && score <= best.score)) continue;
    const fields = readFields(folded, kind.fields);
    if (kind.requires && !kind.requires.every((r) => fields.some((f) => f.id === r))) continue;
    best = { kind, score, fields };
  }
  if (best !== null) return { kind: best.kind, fields: best.fields };
  return { kind: null, fields: [] };
}
