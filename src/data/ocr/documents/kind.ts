// What a document kind declares (one file per kind in this folder, listed in index.ts): how it is recognized from
// the printed labels of its OCR text, which fields are read from it, and what it means for APPI.
import type { AppiClass } from '../../types.js';
import type { FieldId } from './fields.js';

export interface Signal {
  /** Matched against the compacted, label-corrected text (normalize.ts). */
  re: RegExp;
  weight: number;
}

export interface DocumentKind {
  /** my_number_card_front, drivers_license … (ImageText.documentKind). */
  id: string;
  /** The name reported for the id_document_image detection (Japanese, as on the document). */
  label: string;
  en: string;
  /** The APPI class the document itself gives (an image of a My Number card is specific personal information). */
  appi: AppiClass;
  signals: readonly Signal[];
  /** Score needed (the sum of the weights of the signals found). */
  threshold: number;
  /** Fields the kind must have for the kind to be claimed (the back of a My Number card has the number). */
  requires?: readonly FieldId[];
  /** Fields read from the text as labelled values. */
  fields: readonly FieldId[];
}
