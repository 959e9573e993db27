// Types shared by decoding, detection and sampling (../shared/PERSONAL-DATA.md). Nothing here may hold a raw
// personal value once it leaves the Classifier: only ids, counts, masked examples and salted hashes.

/** One piece of decoded text, in document order. */
export interface Segment {
  /** A CSV/TSV/XLSX cell, a JSON string/number value, or a chunk of free text (PDF/DOCX/TXT/XML …). */
  text: string;
  /** The column header (tabular) or JSON key path (e.g. `employees[].my_number` → `my_number`) the value sits under. */
  field?: string;
  /** 0-based data row (header excluded) for tabular data and JSON array records; cells of one row share it. */
  row?: number;
  /**
   * 0-based column of a tabular cell (CSV/TSV/XLSX), with or without a header. Optional: when absent the
   * Classifier counts the cells of a row, which is wrong when empty cells are skipped. Lets it compare the values
   * of one column when there is no header (a column of valid My Numbers is context).
   */
  column?: number;
  /**
   * Text read by OCR (src/data/ocr): the confidence 0–100 of the line it comes from, and the document kind the
   * page was recognized as (its label and APPI class, for the id_document_image detection).
   */
  ocr?: { confidence: number; document?: { kind: string; label: string; appi: AppiClass } };
}

export type DetectorId =
  | 'my_number'
  | 'corporate_number'
  | 'credit_card'
  | 'bank_account'
  | 'drivers_license'
  | 'passport'
  | 'residence_card'
  | 'pension_insurance'
  | 'phone'
  | 'email'
  | 'postal_address'
  | 'birth_date'
  | 'person_name'
  | 'sensitive_health'
  | 'sensitive_crime'
  | 'id_document_image';

export type Confidence = 'high' | 'low';

/** APPI classes a detection touches. */
export type AppiClass = 'specific_personal_information' | 'sensitive' | 'financial' | 'personal' | 'not_personal';

export interface Detection {
  type: DetectorId;
  confidence: Confidence;
  count: number;
  /** At most a few masked examples (`****-****-9018`, `t***@example.com`); never a raw value. */
  masked: string[];
  /** Found in text read by OCR: the lowest OCR confidence (0–100) of the lines it was found in. */
  ocrConfidence?: number;
}

export interface PersonsCount {
  /** Distinct persons found (de-duplicated by a salted hash of the strongest identifier). */
  distinct: number;
  /** Which identifier de-duplicated them: my_number, email, phone+name, row … */
  basis: string;
}

/** What classifying one file or object yields. */
export interface FileProfile {
  /** Path (classify) or object key (sampling). */
  path: string;
  /** utf-8, utf-8-bom, shift_jis, euc-jp, utf-16le, utf-16be, binary, unknown. */
  encoding: string;
  /** csv, tsv, json, jsonl, text, xml, html, xlsx, docx, pdf, gzip+<inner>, image, binary … */
  format: string;
  /** Bytes read (a sample may be a prefix of the object). */
  bytesRead: number;
  /** True when limits cut the read (range, decompressed size, time): counts are lower bounds. */
  truncated: boolean;
  /** Why the content was not (fully) read: zip-bomb ratio, decompressed size limit, time limit, unreadable … */
  notes: string[];
  detections: Detection[];
  persons: PersonsCount;
  classes: AppiClass[];
}

/** A resource's personal-data profile from a bounded sample (resources[].data in the JSON report). */
export interface DataProfile {
  sampled: { objects: number; bytes: number; skipped: { key: string; reason: string }[] };
  /** Objects in the resource, from the listing (lower bound when the listing was cut). */
  objectsListed: number;
  listingComplete: boolean;
  personalData: boolean;
  classes: AppiClass[];
  detections: (Detection & { objects: number })[];
  persons: {
    /** Distinct persons in the sample. */
    sampled: number;
    /** Extrapolated to the resource: [low, high] with how. */
    estimate: { low: number; high: number; basis: string };
    /** Declared count from configuration / --declare overrides the estimate. */
    declared?: number;
    /** Category 4 (規則第7条第4号): only when the lower bound (or the declared count) exceeds 1,000. */
    over1000: boolean;
  };
  /** Object keys with findings, at most a few per detector (keys are not values; masked when they hold one). */
  examples: { key: string; types: DetectorId[] }[];
  /**
   * The sampled objects that hold personal data, each with its distinct persons (keys masked like `examples`), so
   * access-log evidence can say whose data was read (src/evidence/reads/). Absent in profiles of older scans.
   */
  personalObjects?: { key: string; persons: number }[];
  /**
   * Report 1.3.0: categories declared in the configuration's inventory (kumoscan.yml `inventory:`), not detected.
   * They count in the APPI assessment (the reasons say "declared"); `by` names the inventory entries.
   */
  declared?: { categories: DetectorId[]; by: string[] };
}
