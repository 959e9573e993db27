// What a detector returns for one value inside one normalised segment. `canonical` is the raw value in a
// canonical form (digits only, lower-cased e-mail …); it exists only while a Segment is being pushed and is
// hashed (salted) before push returns. Nothing keeps a Found.
import type { DetectorId } from '../types.js';

/**
 * How confidence is decided (context = a keyword within 300 characters, or a field / inline label naming the type):
 * - checksum: the check digit / Luhn+brand is valid; high with context, low without.
 * - shape: a distinctive shape without checksum; high with context, low without.
 * - context: a generic shape (7 or 12 bare digits …); reported only with context, then high.
 * - named: only when the field or the inline label names the type (a weak form, e.g. a date-prefixed 12-digit run); then high.
 * - header: the value sits under a field that names the type (person names, structured 要配慮 columns); high.
 * - person: a sensitive keyword in text; high when a person identifier is within 300 characters, low otherwise.
 * - column: a shape that means something only when a whole column has it (a headerless column of "山田 太郎"
 *   values); high when its column is consistent (see classifier.ts), never reported otherwise.
 */
export type Rule = 'checksum' | 'shape' | 'context' | 'named' | 'header' | 'person' | 'column';

export interface Found {
  type: DetectorId;
  start: number;
  end: number;
  /** Canonical raw value, for the salted hash only. */
  canonical: string;
  masked: string;
  rule: Rule;
  /** person_name from a furigana field / label (kana reading), used to prefer the kanji name as the person key. */
  kana?: boolean;
  /** A weaker form of a column type (a postal code without its hyphen): raised by a consistent column, never counted to make one. */
  weak?: boolean;
  /**
   * How the value counts toward making its column consistent (classifier.ts), when not simply a full hit (or, with
   * `weak`, a weak one): 'weak' as above, 'none' not at all (a 12-digit run without a licence's structure, a date
   * less than 15 years ago): such a value can still be raised by a column the others make.
   */
  column?: 'hit' | 'weak' | 'none';
}

/** Detectors append to `out`; they never throw on odd input. */
export type Detector = (text: string, out: Found[]) => void;
