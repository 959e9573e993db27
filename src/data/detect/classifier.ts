// The Classifier: Segments in (push), a FileProfile out (finish). Incremental and memory-bounded: between
// pushes it keeps counts, capped sets of salted hashes, at most `maxExamples` masked examples per detector
// and confidence, keyword positions and pending candidates (masked + hashed) of the last 300 characters,
// per-column counters, and the rows of the warm-up (masked + hashed hits of the first 50 rows). It never
// keeps a raw value or raw text after push returns (what it keeps of values: salted hashes, masked forms, 32-bit
// fingerprints of at most 256 values per column, and the years of the open row's dates until that row ends). See
// docs/personal-data-detectors.md for every rule.
//
// Confidence (Found.rule in found.ts): checksum and distinctive shapes are low without context, high with
// it; generic shapes are reported only with context; header-based detections are high. In tabular data a
// column counts as context for the checksum/shape types when, among its non-empty cells, at least 3, at least
// half in the full form and at least 80% with weak forms hold a valid value of that type (a column of 12-digit
// numbers that all pass the My Number check digit is a My Number column even without a header: random 12-digit
// ids pass one time in ten). Rows are held until the first 50 rows are complete, so the first rows of a file
// profit from that too. Licence, passport, residence-card and pension numbers and birth dates (SECONDARY) are
// raised by their column only in rows with a person identifier, when the column's values are distinct, and for
// dates when they come 15 years before every other date column of the rows.
//
// Speed (docs/benchmarks.md, throughput): one pass over a segment's characters (shapeOf) measures what the
// detectors need — digit runs, separators, the characters some patterns cannot do without, the prefilter of the
// keyword vocabularies — so that each detector runs only on text it can match; values are hashed only when the
// hash can still serve a person key; person keys are kept as 64-bit numbers. None of this changes a result
// (bench/classify-profiles.ts and the profiles test compare every detection with a recording).
import { note } from '../decode/note-messages.js';
import type { AppiClass, Confidence, Detection, DetectorId, FileProfile, Segment } from '../types.js';
import { classesOf, DETECTOR_ORDER } from './appi-classes.js';
import { findBankAccounts } from './bank-account.js';
import { dateLabelTarget, dateSuffixTarget, findBirthDates, GROWN_UP_YEARS } from './birth-date.js';
import { ContextWindow, contextKindOf, findKeywords, inlineLabel, keywordPrefixTail, kindBit, kindIndex, labelTarget, type ContextKind, type KeywordHit, type LabelTarget } from './context.js';
import { findCorporateNumbers } from './corporate-number.js';
import { findCreditCards } from './credit-card.js';
import { findDriversLicenses } from './drivers-license.js';
import { findEmails } from './email.js';
import type { Found, Rule } from './found.js';
import { idDocumentsOf, isImagePath, extensionOf } from './id-document.js';
import { newSalt, saltedHash, saltedHashHex, saltHexOf } from './mask.js';
import { findMyNumbers } from './my-number.js';
import { normalizeText } from './normalize.js';
import { DetectorGate, G_BANK, G_BIRTH_DATE, G_CARD, G_CORPORATE, G_EMAIL, G_LABELLED_NAMES, G_LICENCE, G_MY_NUMBER, G_NAME_SHAPED, G_PASSPORT, G_PENSION, G_PHONE, G_POSTAL, G_POSTAL_DIGITS, G_RESIDENCE, G_SENSITIVE_WORDS, gateOf, shapeOf, TextShape } from './detector-gate.js';
import { findPassports } from './passport.js';
import { findPensionNumbers } from './pension-insurance.js';
import { CappedSet, DEFAULT_HASH_CAP, FREE_TEXT_IDENTIFIERS, HashBudget, KEY_PREFIX, hashBits, keyBits, KeySet, PersonLedger, rowPersonKey } from './persons.js';
import { findLabelledNames, findNameCell, findNameShaped, nameField, type NameField } from './person-name.js';
import { findPhones } from './phone.js';
import { findAddressCell, findPostalAddresses, findPostalDigitsCell } from './postal-address.js';
import { findResidenceCards } from './residence-card.js';
import { BLOCK_HASHED, PersonBlocks } from './person-blocks.js';
import { CODE_LINES, codeLines, isSourcePath, onAssignmentLine } from './source-code.js';
import { findSensitiveCell, findSensitiveWords, sensitiveField, type SensitiveType } from './sensitive.js';

export { profileResource, estimatePersons, type ResourceContext } from './resource-profile.js';
export { PersonLedger } from './persons.js';
export { classesOf } from './appi-classes.js';

/**
 * Types a consistent column can raise: checksum types and distinctive shapes on their own (postal codes too, whose
 * NNN-NNNN shape is distinctive when a whole column has it); the shape-only identifiers and dates of SECONDARY
 * only in a row that holds a person identifier of PERSON_ROW, and under their own conditions (qualifiesColumn).
 */
const COLUMN_TYPES: ReadonlySet<DetectorId> = new Set(['my_number', 'credit_card', 'email', 'phone', 'postal_address', 'person_name', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'birth_date']);
/**
 * Shape-only identifiers (no checksum: a column of them could be product codes, order numbers …) and birth dates:
 * their column raises them only in rows with a person identifier, when the column's values are distinct (dates:
 * when the column's dates come at least 15 years before every other date column of the same rows).
 */
const SECONDARY: ReadonlySet<DetectorId> = new Set(['drivers_license', 'passport', 'residence_card', 'pension_insurance', 'birth_date']);
/** Identifiers that make a row a person's for the SECONDARY rule (a name, a My Number, an e-mail address, a phone number). */
const PERSON_ROW: ReadonlySet<DetectorId> = new Set(['my_number', 'email', 'phone', 'person_name']);
/** Share of distinct values among a SECONDARY identifier column's values (at most DISTINCT_SAMPLE of them looked at). */
const DISTINCT_SHARE = 0.8;
const DISTINCT_SAMPLE = 256;
/** Share of rows in which a birth-date column comes GROWN_UP_YEARS before another date column of the same row. */
const BEFORE_SHARE = 0.8;
const MAX_DATE_COLUMNS = 32;
/** Identifiers whose span swallows a shorter value inside it. */
const CONTAINERS: ReadonlySet<DetectorId> = new Set(['my_number', 'corporate_number', 'credit_card', 'phone', 'email', 'bank_account', 'pension_insurance', 'birth_date', 'residence_card', 'passport', 'drivers_license', 'postal_address']);
/** Longest container span looked back over (addresses are the longest, at most about 80 characters). */
const MAX_CONTAINER = 128;
/** Types whose salted hash is needed later (person keys, distinct identifiers); others are not hashed. */
const HASHED: ReadonlySet<DetectorId> = new Set(['my_number', 'email', 'phone', 'person_name', 'birth_date', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'credit_card', 'bank_account']);
/** Identifiers whose position gives 'person' context to sensitive keywords. */
const PERSON_CONTEXT: ReadonlySet<DetectorId> = new Set(['my_number', 'email', 'phone', 'person_name', 'passport', 'residence_card', 'birth_date']);

export const WARMUP_ROWS = 50;
const PERSON: ContextKind = 'person';
const PERSON_BIT = kindBit(PERSON);
const PERSON_INDEX = kindIndex(PERSON);
const COLUMN_MIN_HITS = 3;
const COLUMN_MIN_SHARE = 0.8;
const MAX_COLUMNS = 4096;
const MAX_FIELDS_CACHED = 4096;
const MAX_HITS_PER_ROW = 512;

/** A detection as it is decided, for measurement (bench/classify-accuracy.ts): positions only, no value. */
export interface DetectionEvent {
  type: DetectorId;
  confidence: Confidence;
  /** 0-based index of the pushed segment. */
  segment: number;
  /** Offsets in normalizeText(segment.text). */
  start: number;
  end: number;
}

export interface ClassifierOptions {
  path: string;
  encoding: string;
  format: string;
  /** Salt of the salted hashes (per run). Defaults to the ledger's salt, else a random one. */
  salt?: Buffer;
  /** Masked examples kept per detector and confidence (default 3). */
  maxExamples?: number;
  /** Resource-wide person keys (cross-object de-duplication in profileResource). */
  ledger?: PersonLedger;
  /** Cap of salted hashes kept by this Classifier (default 200,000). */
  hashCap?: number;
  /** "Today" for birth-date plausibility (tests). */
  now?: Date;
  onDetection?: (e: DetectionEvent) => void;
}

interface FieldInfo {
  /** Column key of cells under this field. */
  col: string;
  /** Its column's counters (once looked up; null when there were too many columns). */
  stats?: ColumnStats | null;
  target: LabelTarget | null;
  name: NameField | null;
  sensitive: { type: SensitiveType; word: string } | null;
}

/** Every detector id, for tables indexed by type. */
const TYPES: readonly DetectorId[] = ['my_number', 'corporate_number', 'credit_card', 'bank_account', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'phone', 'email', 'postal_address', 'birth_date', 'person_name', 'sensitive_health', 'sensitive_crime', 'id_document_image'];
const TYPE_INDEX = new Map<DetectorId, number>(TYPES.map((t, i) => [t, i]));

function typeIndex(t: DetectorId): number {
  switch (t) {
    case 'my_number':
      return 0;
    case 'corporate_number':
      return 1;
    case 'credit_card':
      return 2;
    case 'bank_account':
      return 3;
    case 'drivers_license':
      return 4;
    case 'passport':
      return 5;
    case 'residence_card':
      return 6;
    case 'pension_insurance':
      return 7;
    case 'phone':
      return 8;
    case 'email':
      return 9;
    case 'postal_address':
      return 10;
    case 'birth_date':
      return 11;
    case 'person_name':
      return 12;
    default:
      return TYPE_INDEX.get(t) ?? 0;
  }
}

const table = (set: ReadonlySet<DetectorId>): boolean[] => TYPES.map((t) => set.has(t));
const IS_COLUMN_TYPE = table(COLUMN_TYPES);
const IS_SECONDARY = table(SECONDARY);
const IS_PERSON_ROW = table(PERSON_ROW);
const BIRTH_DATE = typeIndex('birth_date');
/** How a value counts toward its column (Found.column): a full hit, a weak form, not at all. */
const COL_HIT = 0;
const COL_WEAK = 1;
const COL_NONE = 2;
const IS_CONTAINER = table(CONTAINERS);
const IS_HASHED = table(HASHED);
const IS_PERSON_CONTEXT = table(PERSON_CONTEXT);
const IS_FREE_TEXT_ID = table(new Set(FREE_TEXT_IDENTIFIERS));
const IS_BLOCK_HASHED = table(new Set(BLOCK_HASHED));
/** The window kinds a value of each type wants (bits). */
const WANT = TYPES.map((t) => {
  const kind = contextKindOf(t);
  return kind !== null ? kindBit(kind) : 0;
});
const MY_NUMBER = typeIndex('my_number');
const EMAIL = typeIndex('email');

/**
 * A candidate value (one alternative of a span) and, once decided, the hit it becomes. Holds the masked form and
 * the salted hash only, never the value.
 */
class Cand {
  confidence: Confidence = 'low';
  /** Reported only if its column raises it (rules 'context' without context, 'column'). */
  latent = false;
  /** Kept by decide (a confidence was reached). */
  keep = false;
  segment = 0;
  start = 0;
  end = 0;
  /** Column that may still raise a low hit (tabular only). */
  col: string | undefined = undefined;
  /** The cell's column (tabular only), for column dominance. */
  cell: string | undefined = undefined;
  constructor(
    readonly type: DetectorId,
    readonly ti: number,
    readonly rule: Rule,
    readonly masked: string,
    readonly hash: string,
    readonly kana: boolean,
    /** Raised by a field or label naming its type (column dominance never lowers it). */
    readonly named: boolean,
    readonly blocked: boolean,
    readonly want: number,
    /** COL_HIT, COL_WEAK or COL_NONE (Found.column). */
    readonly colMode: number,
    /** For SECONDARY identifiers in a table: a fingerprint of the value (are a column's values distinct?), else 0. */
    readonly print: number,
  ) {}
}

/** What makes a row's person key certain before the row ends (hashes of later values are not needed). */
const KEY_OPEN = 0;
const KEY_EMAIL = 1;
const KEY_MY_NUMBER = 2;

interface RowState {
  id: number;
  open: boolean;
  waiting: number;
  hits: Cand[];
  /** Candidates added to the row so far. */
  cands: number;
  /** KEY_*: a named My Number (or e-mail) in the row decides its person key whatever comes after it. */
  keyed: number;
}

class Group {
  readonly alts: Cand[] = [];
  /** A person identifier (gives 'person' context to sensitive keywords). */
  person = false;
  /** Free text read as source code (source-code.ts): the window raises nothing, only a label or field does. */
  code = false;
  /** Free text (no field, no row): its identifiers may belong to the person block of a labelled name. */
  free = false;
  constructor(
    readonly segment: number,
    readonly start: number,
    readonly end: number,
    /** What the inline label before the span names (computed once per span). */
    readonly label: LabelTarget | null,
    readonly row: RowState | null,
    readonly col: string | undefined,
  ) {}
}

interface ColumnStats {
  cells: number;
  /** SECONDARY identifiers: fingerprints of the first DISTINCT_SAMPLE values counted, by type index, and how many were. */
  prints: (Set<number> | undefined)[];
  printed: Int32Array;
  /** Cells holding the type in its full form (by type index). */
  hits: Int32Array;
  /** Cells holding only a weak form (a postal code without hyphen): they count toward the share, not the minimum. */
  weak: Int32Array;
}

interface Aggregate {
  count: number;
  masked: Set<string>;
  /** Lowest OCR confidence of the segments it was found in (OCR'd text only). */
  ocr?: number;
}

/** OCR'd segments remembered (their confidence, by segment index) for the detections found in them. */
const MAX_OCR_SEGMENTS = 65_536;

const COLUMN_KEYS: string[] = [];
const ORDINAL_KEYS: string[] = [];

/** 'c:3' for column 3, 'o:3' for the 4th cell of a row when the column is unknown (cached strings). */
function columnKey(column: number, ordinal: number): string {
  if (column >= 0) {
    if (column < 256) return (COLUMN_KEYS[column] ??= `c:${column}`);
    return `c:${column}`;
  }
  if (ordinal < 256) return (ORDINAL_KEYS[ordinal] ??= `o:${ordinal}`);
  return `o:${ordinal}`;
}

const NO_KEYWORDS: readonly KeywordHit[] = [];

/** Longest value span considered when looking for keywords inside values (longer cells are rare and short-circuit). */
const MAX_SPAN_SCAN = 4096;

/**
 * What the label before a value names; for a date, when no vocabulary word does, what the label says of dates
 * (dateLabelTarget: 提出日, 作成年月日 …), else the words after it (dateSuffixTarget).
 */
function altLabel(f: Found, groupLabel: LabelTarget | null, dateLabel: LabelTarget | null, text: string): LabelTarget | null {
  return f.type === 'birth_date' && groupLabel === null ? (dateLabel ?? dateSuffixTarget(text, f.end)) : groupLabel;
}

/** Does the span of found[i] (the same start and end) have an alternative of `type`? */
function spanHas(found: readonly Found[], i: number, type: DetectorId): boolean {
  const first = found[i] as Found;
  for (let j = i; j < found.length; j++) {
    const x = found[j] as Found;
    if (x.start !== first.start || x.end !== first.end) break;
    if (x.type === type) return true;
  }
  return false;
}

/** A field or a label names the value's type (then the value is that type, high, and nothing else). */
function isNamed(f: Found, label: LabelTarget | null, fieldTarget: LabelTarget | null): boolean {
  return label === f.type || (fieldTarget === f.type && (label === null || label === f.type));
}

/** A stable sort by start, then end (insertion for the few values of a cell, the library sort for long text). */
function sortByPosition(a: Found[]): void {
  if (a.length > 16) {
    a.sort((x, y) => x.start - y.start || x.end - y.end);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i] as Found;
    let j = i - 1;
    while (j >= 0 && ((a[j] as Found).start > x.start || ((a[j] as Found).start === x.start && (a[j] as Found).end > x.end))) {
      a[j + 1] = a[j] as Found;
      j--;
    }
    a[j + 1] = x;
  }
}

export class Classifier {
  private readonly opts: ClassifierOptions;
  private readonly salt: Buffer;
  private readonly maxExamples: number;
  private readonly window = new ContextWindow<Group>();
  private readonly budget: HashBudget;
  private readonly persons: KeySet;
  private readonly personBasis = new Map<string, number>();
  private readonly freeText = new Map<DetectorId, CappedSet>();
  /** Aggregates by type index, high and low. */
  private readonly aggHigh: (Aggregate | null)[] = TYPES.map(() => null);
  private readonly aggLow: (Aggregate | null)[] = TYPES.map(() => null);
  private readonly cols = new Map<string, ColumnStats>();
  private readonly fields = new Map<string, FieldInfo>();
  private readonly now: Date;
  private segments = 0;
  private pos = 0;
  private chars = 0;
  private row: RowState | null = null;
  private ordinal = 0;
  private warming = true;
  private warm: RowState[] = [];
  private rowsDone = 0;
  private carry = '';
  private carryAt = 0;
  private done = false;
  private profile: FileProfile | null = null;
  /** Keyword events of the segment being pushed (absolute start, end, kind), reused. */
  private readonly kwStart: number[] = [];
  private readonly kwEnd: number[] = [];
  private readonly kwKind: ContextKind[] = [];
  private readonly groups: Group[] = [];
  private readonly shape = new TextShape();
  private readonly gate = new DetectorGate();
  private readonly decideFn = (g: Group, got: number): void => this.decide(g, got);
  private readonly saltHex: string;
  private readonly bits = new Int32Array(2);
  /** Date columns compared in rows (compareDates): column → other column → rows with both, rows where it comes first. */
  private readonly datePairs = new Map<string, Map<string, { both: number; before: number }>>();
  private readonly printSeed: number;
  /**
   * The first date of each cell of the open row: its column and its year only (never the date), compared when the
   * row closes (birth dates come before the other dates of a person's row), then overwritten by the next row's.
   */
  private readonly dateCols: string[] = [];
  private readonly dateYears: number[] = [];
  private dates = 0;
  /** The file's name says it is program source (source-code.ts). */
  private readonly sourceFile: boolean;
  /** Lines shaped like code seen in free text so far (counted up to CODE_LINES). */
  private codeLineCount = 0;
  /** A labelled name was found in free text: its block's identifiers are hashed (BLOCK_HASHED). */
  private freeNames = false;
  /** Persons of free text: a labelled name and the identifiers after it (person-blocks.ts). */
  private readonly blocks: PersonBlocks;
  /** OCR confidence of OCR'd segments by index, and the document kind OCR recognized (Segment.ocr). */
  private readonly ocrConfidence = new Map<number, number>();
  private ocrDocument: { label: string; appi: AppiClass } | null = null;
  private readonly lastFields: ({ field: string; info: FieldInfo } | undefined)[] = new Array<{ field: string; info: FieldInfo } | undefined>(16).fill(undefined);

  constructor(opts: ClassifierOptions) {
    this.opts = opts;
    this.salt = opts.salt ?? opts.ledger?.salt ?? newSalt();
    this.saltHex = saltHexOf(this.salt);
    this.printSeed = this.salt.readInt32LE(0) ^ 0x811c9dc5;
    this.maxExamples = opts.maxExamples ?? 3;
    this.budget = new HashBudget(opts.hashCap ?? DEFAULT_HASH_CAP);
    this.persons = new KeySet(this.budget);
    this.blocks = new PersonBlocks(this.salt, this.budget);
    this.now = opts.now ?? new Date();
    this.sourceFile = isSourcePath(opts.path);
  }

  push(segment: Segment): void {
    if (this.done) throw new Error('Classifier.push after finish');
    const index = this.segments++;
    if (segment.ocr !== undefined) this.noteOcr(index, segment.ocr);
    // (segments come from several decoders in several shapes: each property is read once)
    const raw = segment.text;
    const fieldName = segment.field;
    const rowId = segment.row;
    const base = index === 0 ? 0 : this.pos + 1;
    this.chars += raw.length;
    // Text already in normal form (most cells) is measured once; other text is normalised and measured again.
    let text = raw;
    const shape = shapeOf(raw, this.shape);
    if (shape.unstable || shape.longVowel) {
      text = normalizeText(raw);
      if (text !== raw) shapeOf(text, shape);
    }
    const field = fieldName !== undefined ? this.fieldInfo(fieldName) : null;
    // Rows: a new row id (or a segment outside any row) closes the current row.
    let row: RowState | null = null;
    let col: string | undefined;
    let stats: ColumnStats | null = null;
    if (rowId === undefined) {
      this.closeRow();
    } else {
      if (this.row === null || this.row.id !== rowId) {
        this.closeRow();
        this.row = { id: rowId, open: true, waiting: 0, hits: [], cands: 0, keyed: KEY_OPEN };
        this.ordinal = 0;
      }
      row = this.row;
      if (field !== null) {
        col = field.col;
        if (field.stats === undefined) field.stats = this.columnStats(col);
        stats = field.stats;
      } else {
        const column = segment.column ?? -1;
        col = columnKey(column, this.ordinal);
        stats = this.columnStats(col);
      }
      this.ordinal++;
      if (stats !== null && !shape.empty) stats.cells++;
    }
    const freeText = rowId === undefined && fieldName === undefined;
    if (freeText && !this.sourceFile && this.codeLineCount < CODE_LINES && shape.letters >= 4) this.codeLineCount += codeLines(text, CODE_LINES - this.codeLineCount);

    const found = this.detect(text, field, row !== null, shape);
    if (freeText && !this.freeNames) for (const f of found) if (f.type === 'person_name') this.freeNames = true;
    if (found.length > 1) sortByPosition(found);

    // Keywords, with the tail of the previous free-text segment when it may begin a keyword. A keyword inside
    // a detected value (mail in an e-mail address) is part of the value, not context.
    const carried = freeText && this.carry !== '';
    const scan = carried ? this.carry + text : text;
    const shift = scan.length - text.length;
    const keywords = carried ? (shape.nonAscii || shape.letters >= 2 || shift > 0 ? findKeywords(scan) : NO_KEYWORDS) : (shape.nonAscii || shape.letters >= 2) && shape.keyword ? findKeywords(text, true) : NO_KEYWORDS;
    let kws = 0;
    if (keywords.length > 0) {
      let v = 0;
      for (const k of keywords) {
        if (k.end <= shift) continue; // wholly in the carried tail: seen before
        const relStart = k.start - shift;
        const relEnd = k.end - shift;
        while (v < found.length && (found[v] as Found).start < relStart - MAX_SPAN_SCAN) v++;
        let inside = false;
        for (let i = v; i < found.length; i++) {
          const f = found[i] as Found;
          if (f.rule === 'person') continue;
          if (f.start >= relEnd) break;
          if (relStart < f.end && relEnd > f.start) {
            inside = true;
            break;
          }
        }
        if (inside) continue;
        this.kwStart[kws] = k.start < shift ? this.carryAt + k.start : base + relStart;
        this.kwEnd[kws] = base + relEnd;
        this.kwKind[kws] = k.kind;
        kws++;
      }
    }
    if (freeText) {
      this.carry = keywordPrefixTail(text);
      this.carryAt = base + text.length - this.carry.length;
    } else {
      this.carry = '';
    }

    // Candidates grouped by span (one span may be a My Number or a licence number …); found is sorted, so a
    // span's alternatives are adjacent and the previous value's end (where an inline label starts) is known.
    let ngroups = 0;
    let columnHits = 0;
    let columnWeak = 0;
    if (found.length > 0) {
      let floor = 0;
      let g: Group | null = null;
      const fieldTarget = field?.target ?? null;
      let siblingNamed = false;
      let dateLabel: LabelTarget | null = null;
      let dated = false;
      for (let i = 0; i < found.length; i++) {
        const f = found[i] as Found;
        if (g === null || g.start !== f.start || g.end !== f.end) {
          if (g !== null && row !== null) this.noteKey(row, g);
          let label: LabelTarget | null = null;
          dateLabel = null;
          if (f.rule !== 'header' && f.rule !== 'person') {
            const labelText = inlineLabel(text, f.start, floor);
            label = labelTarget(labelText);
            if (label === null && labelText !== '' && spanHas(found, i, 'birth_date')) dateLabel = dateLabelTarget(labelText);
          }
          g = new Group(index, f.start, f.end, label, row, col);
          if (freeText) {
            g.free = true;
            if (this.sourceFile || onAssignmentLine(text, f.start)) g.code = true;
          }
          this.groups[ngroups++] = g;
          // A span that a field or label names is that type only (decide): its other alternatives need no hash.
          siblingNamed = false;
          for (let j = i; j < found.length; j++) {
            const x = found[j] as Found;
            if (x.start !== f.start || x.end !== f.end) break;
            if (x.rule === 'header' || (x.rule !== 'person' && isNamed(x, altLabel(x, label, dateLabel, text), fieldTarget))) siblingNamed = true;
          }
        }
        if (f.rule !== 'person' && f.end > floor) floor = f.end;
        const a = this.alt(f, fieldTarget, text, g.label, dateLabel, row, siblingNamed, g.code);
        g.alts.push(a);
        if (IS_PERSON_CONTEXT[a.ti] === true && a.rule !== 'context' && a.rule !== 'named') g.person = true;
        if (IS_COLUMN_TYPE[a.ti] === true && !a.blocked && a.rule !== 'header' && a.rule !== 'person' && a.rule !== 'named') {
          if (a.colMode === COL_WEAK) columnWeak |= 1 << a.ti;
          else if (a.colMode === COL_HIT) {
            if ((columnHits & (1 << a.ti)) === 0 && a.print !== 0 && stats !== null) this.notePrint(stats, a);
            columnHits |= 1 << a.ti;
          }
        }
        if (a.ti === BIRTH_DATE && row !== null && col !== undefined && !dated) {
          dated = true;
          this.noteDate(col, f.canonical);
        }
      }
      if (g !== null && row !== null) this.noteKey(row, g);
    }
    if (stats !== null) {
      for (let b = columnHits; b !== 0; b &= b - 1) {
        const t = 31 - Math.clz32(b & -b);
        stats.hits[t] = (stats.hits[t] ?? 0) + 1;
      }
      for (let b = columnWeak & ~columnHits; b !== 0; b &= b - 1) {
        const t = 31 - Math.clz32(b & -b);
        stats.weak[t] = (stats.weak[t] ?? 0) + 1;
      }
    }

    // Keywords and spans in stream order (a keyword first when both start at the same place).
    let ki = 0;
    let gi = 0;
    while (ki < kws || gi < ngroups) {
      const kwNext = ki < kws && (gi >= ngroups || (this.kwStart[ki] ?? 0) <= base + (this.groups[gi] as Group).start);
      const at = kwNext ? (this.kwStart[ki] ?? 0) : base + (this.groups[gi] as Group).start;
      if (this.window.size > 64) this.settle(at);
      if (kwNext) {
        this.window.hitKind(this.kwStart[ki] ?? 0, this.kwEnd[ki] ?? 0, kindIndex(this.kwKind[ki] as ContextKind));
        ki++;
        continue;
      }
      const grp = this.groups[gi++] as Group;
      let want = 0;
      for (const a of grp.alts) want |= a.want;
      this.window.add(grp, base + grp.start, base + grp.end, want);
      if (grp.row) grp.row.waiting++;
      if (grp.person) this.window.hitKind(base + grp.start, base + grp.end, PERSON_INDEX);
    }

    this.pos = base + text.length;
    this.settle(this.pos + 1);
  }

  private settle(next: number): void {
    this.window.settleEach(next, this.decideFn);
  }

  /**
   * After a span's candidates are made: a named My Number (or e-mail) is high whatever happens later, so it will be
   * the row's person key (rowPersonKey); later values of the row need no salted hash (a later My Number still
   * does after an e-mail). Only while the row has room for its hits (MAX_HITS_PER_ROW).
   */
  private noteKey(row: RowState, g: Group): void {
    row.cands += g.alts.length;
    if (row.keyed === KEY_MY_NUMBER || row.cands >= MAX_HITS_PER_ROW) return;
    for (const a of g.alts) {
      if (!a.named) continue;
      if (a.ti === MY_NUMBER) row.keyed = KEY_MY_NUMBER;
      else if (a.ti === EMAIL && row.keyed === KEY_OPEN) row.keyed = KEY_EMAIL;
    }
  }

  /** `documents`: paths of the files inside this one (archive members, attachments); the file-name rule applies to them. */
  finish(extra?: { bytesRead: number; truncated: boolean; notes: string[]; documents?: readonly string[] }): FileProfile {
    if (this.profile !== null) return this.profile;
    {
      this.done = true;
      this.window.drainEach(this.decideFn);
      this.closeRow();
      this.endWarmup();
    }
    // The document kinds: by the file's (and its members') names, else as OCR recognized it from the printed labels.
    const named = idDocumentsOf([this.opts.path, ...(extra?.documents ?? [])]);
    const docs = named.length > 0 ? named : this.ocrDocument ? [this.ocrDocument] : [];
    const doc = docs[0] ?? null;
    for (const d of docs) {
      const h = new Cand('id_document_image', typeIndex('id_document_image'), 'header', d.label, '', false, true, false, 0, COL_NONE, 0);
      h.confidence = 'high';
      h.segment = -1;
      this.emit(h, false);
    }
    const detections = this.detections();
    const classes = classesOf(detections, doc?.appi);
    // A file name proves that a document is there, not whose: an ID image read by name only is no person by
    // itself (what its content identifies, through the detectors, is).
    const persons = this.personsCount();
    this.profile = {
      path: this.opts.path,
      encoding: this.opts.encoding,
      format: this.opts.format,
      bytesRead: extra?.bytesRead ?? this.chars,
      truncated: extra?.truncated ?? false,
      notes: [...(extra?.notes ?? []), ...(this.budget.overflow ? [note('persons-lower-bound', { cap: this.opts.hashCap ?? DEFAULT_HASH_CAP })] : [])],
      detections,
      persons,
      classes,
    };
    return this.profile;
  }

  // ---------------------------------------------------------------------------------------------------

  private fieldInfo(field: string): FieldInfo {
    // the same header strings come back row after row: a small cache by string before the map
    const slot = field.length & 15;
    const last = this.lastFields[slot];
    if (last !== undefined && last.field === field) return last.info;
    const info = this.fieldInfoOf(field);
    this.lastFields[slot] = { field, info };
    return info;
  }

  private fieldInfoOf(field: string): FieldInfo {
    const cached = this.fields.get(field);
    if (cached) return cached;
    const f = normalizeText(field);
    const name = nameField(f);
    const sensitive = sensitiveField(f);
    // camelCase keys (phoneNumber, myNumber) read as words; a field naming another dated event (提出日, 記入日 …)
    // names no type of its own but is not a birth date's (dateLabelTarget)
    const words = f.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
    let target = labelTarget(words) ?? (dateLabelTarget(words) === 'other' ? 'other' : null);
    // 'name' in bank_name, company_name, file_name …: nameField said it is not a person's name
    if (target === 'person_name' && name === null) target = null;
    const info: FieldInfo = { col: `f:${field}`, name, sensitive, target: name !== null ? 'person_name' : target ?? (sensitive !== null ? 'other' : null) };
    if (this.fields.size < MAX_FIELDS_CACHED) this.fields.set(field, info);
    return info;
  }

  private columnStats(col: string): ColumnStats | null {
    let s = this.cols.get(col);
    if (s === undefined) {
      if (this.cols.size >= MAX_COLUMNS) return null;
      s = { cells: 0, hits: new Int32Array(TYPES.length), weak: new Int32Array(TYPES.length), prints: [], printed: new Int32Array(TYPES.length) };
      this.cols.set(col, s);
    }
    return s;
  }

  private detect(text: string, field: FieldInfo | null, tabular: boolean, shape: TextShape): Found[] {
    const out: Found[] = [];
    if (shape.blank) return out;
    // Each detector runs only when the gate says it can find something (detector-gate.ts); its patterns decide.
    const g = gateOf(shape, text, this.gate);
    const run = g.run;
    if (run & G_EMAIL) findEmails(text, out);
    if (run & G_MY_NUMBER) findMyNumbers(text, out);
    if (run & G_CORPORATE) findCorporateNumbers(text, out);
    if (run & G_LICENCE) findDriversLicenses(text, out);
    if (run & G_CARD) findCreditCards(text, out, g.cardContiguous, g.cardGrouped);
    if (run & G_PENSION) findPensionNumbers(text, out, g.pensionHyphenated, g.pensionContiguous);
    if (run & G_PHONE) findPhones(text, out, g.phonePatterns);
    if (run & G_BANK) findBankAccounts(text, out);
    if (run & G_PASSPORT) findPassports(text, out);
    if (run & G_RESIDENCE) findResidenceCards(text, out);
    if (run & G_POSTAL) findPostalAddresses(text, out, g.postalBare, g.postalMarked, g.postalAddress);
    if (run & G_BIRTH_DATE) findBirthDates(text, out, this.now, g.dateForms);
    if (field?.name) findNameCell(text, field.name, out);
    else if (run & G_LABELLED_NAMES) findLabelledNames(text, out);
    if (tabular && run & G_NAME_SHAPED && !field?.name && !out.some((f) => f.type === 'person_name')) findNameShaped(text, out);
    if (field?.sensitive) findSensitiveCell(text, field.sensitive, out);
    if (field?.target === 'postal_address' && !out.some((f) => f.type === 'postal_address')) findAddressCell(text, out);
    if (tabular && run & G_POSTAL_DIGITS && !out.some((f) => f.type === 'postal_address')) findPostalDigitsCell(text, out);
    if (run & G_SENSITIVE_WORDS) findSensitiveWords(text, out, field?.sensitive?.type, true);
    if (out.length <= 1) return out;

    // Values inside an e-mail address are part of it; digits of a valid corporate number are not a My Number;
    // a shorter value inside a longer identifier (901-9063 inside (075)901-9063) is part of it: one that ends
    // within a container of another type starting at most MAX_CONTAINER characters before it.
    let emails = false;
    let corporate = false;
    for (const f of out) {
      if (f.type === 'email') emails = true;
      else if (f.type === 'corporate_number') corporate = true;
    }
    if (out.length > 16) return this.filterMany(out, emails, corporate);
    // a few values (a cell): which go, decided against the whole list, then the list is compacted in place
    const n = out.length;
    let mask = 0;
    for (let i = 0; i < n; i++) {
      const f = out[i] as Found;
      if (f.rule === 'person') continue;
      for (let j = 0; j < n; j++) {
        const c = out[j] as Found;
        if (
          (emails && c.type === 'email' && f.type !== 'email' && f.start < c.end && f.end > c.start) ||
          (corporate && c.type === 'corporate_number' && f.type === 'my_number' && f.start < c.end && f.end > c.start) ||
          (IS_CONTAINER[typeIndex(c.type)] === true && c.rule !== 'header' && c.rule !== 'person' && c.start <= f.start && c.start >= f.start - MAX_CONTAINER && c.end >= f.end && c.end - c.start > f.end - f.start && c.type !== f.type)
        ) {
          mask |= 1 << i;
          break;
        }
      }
    }
    if (mask === 0) return out;
    let w = 0;
    for (let i = 0; i < n; i++) if ((mask & (1 << i)) === 0) out[w++] = out[i] as Found;
    out.length = w;
    return out;
  }

  /** The same filter for many values (long free text): containers sorted once, a binary search per value. */
  private filterMany(out: Found[], hasEmails: boolean, hasCorporate: boolean): Found[] {
    const emails = hasEmails ? out.filter((f) => f.type === 'email') : [];
    const corporate = hasCorporate ? out.filter((f) => f.type === 'corporate_number') : [];
    const containers = out.filter((f) => CONTAINERS.has(f.type) && f.rule !== 'header' && f.rule !== 'person').sort((a, b) => a.start - b.start);
    const contained = (f: Found): boolean => {
      // the last container starting at or before f, then back while one could still reach over f
      let lo = 0;
      let hi = containers.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((containers[mid] as Found).start <= f.start) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo - 1; k >= 0; k--) {
        const c = containers[k] as Found;
        if (c.start < f.start - MAX_CONTAINER) break;
        if (c.end >= f.end && c.end - c.start > f.end - f.start && c.type !== f.type) return true;
      }
      return false;
    };
    return out.filter((f) => {
      if (f.rule === 'person') return true;
      if (emails.length > 0 && f.type !== 'email' && emails.some((e) => f.start < e.end && f.end > e.start)) return false;
      if (corporate.length > 0 && f.type === 'my_number' && corporate.some((c) => f.start < c.end && f.end > c.start)) return false;
      return !contained(f);
    });
  }

  private alt(f: Found, fieldTarget: LabelTarget | null, text: string, groupLabel: LabelTarget | null, dateLabel: LabelTarget | null, row: RowState | null, siblingNamed: boolean, code: boolean): Cand {
    const ti = typeIndex(f.type);
    let label: LabelTarget | null = null;
    let named = f.rule === 'header';
    if (f.rule !== 'header' && f.rule !== 'person') {
      label = altLabel(f, groupLabel, dateLabel, text);
      named = isNamed(f, label, fieldTarget);
    }
    // The salted hash serves person keys (rows) and distinct free-text identifiers only: not computed when it
    // cannot serve either (see noteKey), nor for an alternative its span's name rules out.
    const hashed = IS_HASHED[ti] === true && (named || !siblingNamed) && (row === null ? IS_FREE_TEXT_ID[ti] === true || (this.freeNames && IS_BLOCK_HASHED[ti] === true) : row.keyed === KEY_OPEN || (row.keyed === KEY_EMAIL && ti === MY_NUMBER));
    const hash = hashed ? saltedHashHex(this.saltHex, f.type, f.canonical) : '';
    const kana = f.kana === true;
    const weak = f.weak === true;
    const colMode = f.column === 'none' ? COL_NONE : f.column === 'weak' || (f.column === undefined && weak) ? COL_WEAK : COL_HIT;
    const print = IS_SECONDARY[ti] === true && ti !== BIRTH_DATE && row !== null && colMode === COL_HIT ? this.fingerprint(f.type, f.canonical) : 0;
    if (f.rule === 'header') return new Cand(f.type, ti, f.rule, f.masked, hash, kana, true, false, 0, colMode, print);
    if (f.rule === 'person') return new Cand(f.type, ti, f.rule, f.masked, hash, kana, false, false, PERSON_BIT, colMode, print);
    // An e-mail address is one whatever the label says; other shapes under a label naming another type are not raised
    // by the window; in source code, nothing is (only a label naming the type raises a value).
    const blocked = !named && (code || (f.type !== 'email' && ((label !== null && label !== f.type) || (fieldTarget !== null && fieldTarget !== f.type))));
    return new Cand(f.type, ti, f.rule, f.masked, hash, kana, named, blocked, WANT[ti] ?? 0, colMode, print);
  }

  /** Decides a span once no keyword can reach it any more. */
  private decide(g: Group, got: number): void {
    let anyNamed = false;
    // free text that has turned out to be source code (CODE_LINES code-shaped lines so far): the window raises nothing
    const codeText = this.codeLineCount >= CODE_LINES && g.row === null && g.col === undefined;
    for (const a of g.alts) {
      const windowed = (got & a.want) !== 0 && !(codeText && a.rule !== 'person');
      const ctx = a.named || (windowed && !a.blocked);
      let confidence: Confidence | null;
      switch (a.rule) {
        case 'checksum':
        case 'shape':
          confidence = ctx ? 'high' : 'low';
          break;
        case 'context':
        case 'column':
          // Without context: latent, kept only in a table, where a consistent column may still raise it.
          confidence = (a.rule === 'context' && ctx) || (a.rule === 'column' && a.named) ? 'high' : g.row !== null && g.col !== undefined && IS_COLUMN_TYPE[a.ti] === true && !a.blocked ? 'low' : null;
          break;
        case 'named':
          confidence = a.named ? 'high' : null;
          break;
        case 'header':
          confidence = 'high';
          break;
        case 'person':
          confidence = windowed ? 'high' : 'low';
          break;
      }
      a.keep = confidence !== null;
      if (confidence === null) continue;
      a.confidence = confidence;
      a.latent = confidence === 'low' && (a.rule === 'context' || a.rule === 'column');
      if (a.named) anyNamed = true;
    }
    // A span that a field or label names is that type only.
    for (const a of g.alts) {
      if (!a.keep || (anyNamed && !a.named)) continue;
      a.segment = g.segment;
      a.start = g.start;
      a.end = g.end;
      if (g.col !== undefined) a.cell = g.col;
      if (g.row !== null) {
        if (a.confidence === 'low' && g.col !== undefined && IS_COLUMN_TYPE[a.ti] === true && !a.blocked) a.col = g.col;
        if (g.row.hits.length < MAX_HITS_PER_ROW) g.row.hits.push(a);
        else this.emit(a, false);
      } else {
        this.emit(a, true, g.free);
      }
    }
    if (g.row !== null) {
      g.row.waiting--;
      this.maybeComplete(g.row);
    }
  }

  private closeRow(): void {
    const r = this.row;
    if (r === null) return;
    this.row = null;
    r.open = false;
    if (this.dates > 1) this.compareDates();
    this.dates = 0;
    this.maybeComplete(r);
  }

  /** The first date of a cell of the open row: its column and year (see dateCols). */
  private noteDate(col: string, iso: string): void {
    if (this.dates >= MAX_DATE_COLUMNS) return;
    this.dateCols[this.dates] = col;
    this.dateYears[this.dates] = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
    this.dates++;
  }

  /**
   * For every two date columns of the row that closes: both hold a date; the first comes GROWN_UP_YEARS (by year)
   * before the second.
   */
  private compareDates(): void {
    const cols = this.dateCols;
    const years = this.dateYears;
    const n = this.dates;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const a = cols[i] as string;
        const b = cols[j] as string;
        if (i === j || a === b) continue;
        let pairs = this.datePairs.get(a);
        if (pairs === undefined) {
          if (this.datePairs.size >= MAX_DATE_COLUMNS) continue;
          pairs = new Map();
          this.datePairs.set(a, pairs);
        }
        let p = pairs.get(b);
        if (p === undefined) {
          if (pairs.size >= MAX_DATE_COLUMNS) continue;
          p = { both: 0, before: 0 };
          pairs.set(b, p);
        }
        p.both++;
        if ((years[i] ?? 0) <= (years[j] ?? 0) - GROWN_UP_YEARS) p.before++;
      }
    }
  }

  /** A SECONDARY identifier counted in its column: its fingerprint, among the column's first DISTINCT_SAMPLE. */
  private notePrint(stats: ColumnStats, a: Cand): void {
    if ((stats.printed[a.ti] ?? 0) >= DISTINCT_SAMPLE) return;
    stats.printed[a.ti] = (stats.printed[a.ti] ?? 0) + 1;
    let set = stats.prints[a.ti];
    if (set === undefined) {
      set = new Set();
      stats.prints[a.ti] = set;
    }
    set.add(a.print);
  }

  /**
   * A 32-bit fingerprint of a value, keyed by the run's salt (never 0): only to tell whether a column repeats its
   * values, kept for at most DISTINCT_SAMPLE values per column.
   */
  private fingerprint(type: string, canonical: string): number {
    let h = this.printSeed;
    for (let i = 0; i < type.length; i++) h = Math.imul(h ^ type.charCodeAt(i), 0x01000193);
    for (let i = 0; i < canonical.length; i++) h = Math.imul(h ^ canonical.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h === 0 ? 1 : h;
  }

  private maybeComplete(r: RowState): void {
    if (r.open || r.waiting > 0) return;
    this.rowsDone++;
    if (this.warming) {
      this.warm.push(r);
      if (this.rowsDone >= WARMUP_ROWS) this.endWarmup();
    } else {
      this.resolveRow(r);
    }
  }

  private endWarmup(): void {
    if (!this.warming) return;
    this.warming = false;
    const rows = this.warm;
    this.warm = [];
    for (const r of rows) this.resolveRow(r);
  }

  private qualifies(col: string, ti: number): boolean {
    const s = this.cols.get(col);
    if (s === undefined) return false;
    const hits = s.hits[ti] ?? 0;
    const weak = s.weak[ti] ?? 0;
    return hits >= COLUMN_MIN_HITS && hits >= 0.5 * s.cells && hits + weak >= COLUMN_MIN_SHARE * s.cells;
  }

  /**
   * qualifies, and for a SECONDARY type its own conditions: an identifier column's values are distinct (at least
   * DISTINCT_SHARE of them); a birth-date column comes GROWN_UP_YEARS before each other date column it shares rows
   * with (in at least BEFORE_SHARE of at least COLUMN_MIN_HITS such rows). The row condition is resolveRow's.
   */
  private qualifiesColumn(col: string, ti: number): boolean {
    if (!this.qualifies(col, ti)) return false;
    if (IS_SECONDARY[ti] !== true) return true;
    if (ti === BIRTH_DATE) {
      const pairs = this.datePairs.get(col);
      if (pairs !== undefined) for (const p of pairs.values()) if (p.both >= COLUMN_MIN_HITS && p.before < BEFORE_SHARE * p.both) return false;
      return true;
    }
    const s = this.cols.get(col);
    const printed = s?.printed[ti] ?? 0;
    return printed > 0 && (s?.prints[ti]?.size ?? 0) >= DISTINCT_SHARE * printed;
  }

  /**
   * Does the column consistently hold a type other than the one at `ti`? (Checksum and distinctive-shape types
   * only: a column of dates or licence numbers does not lower a card the window raised in it.)
   */
  private dominant(col: string, ti: number): boolean {
    for (let t = 0; t < TYPES.length; t++) if (t !== ti && IS_COLUMN_TYPE[t] === true && IS_SECONDARY[t] !== true && this.qualifies(col, t)) return true;
    return false;
  }

  private resolveRow(r: RowState): void {
    // First every hit but the SECONDARY ones a column may raise; then those, when the row holds a person identifier.
    let person = false;
    let deferred = false;
    for (const h of r.hits) {
      h.keep = true;
      if (h.confidence === 'low' && h.col !== undefined && IS_SECONDARY[h.ti] === true) {
        deferred = true;
        continue;
      }
      if (h.confidence === 'low' && h.col !== undefined && this.qualifies(h.col, h.ti)) {
        h.confidence = 'high';
      } else {
        if (h.latent) {
          h.keep = false;
          continue;
        }
        // Column dominance: a value the window raised, in a column that is consistently another type (a 7-digit
        // postal code near 銀行 in a postal-code column), is not raised; one that needed context is dropped.
        if (h.confidence === 'high' && !h.named && h.type !== 'email' && h.cell !== undefined && h.rule !== 'header' && h.rule !== 'person') {
          const other = this.dominant(h.cell, h.ti);
          if (other) {
            if (h.rule === 'context' || h.rule === 'named') {
              h.keep = false;
              continue;
            }
            h.confidence = 'low';
          }
        }
      }
      if (h.confidence === 'high' && IS_PERSON_ROW[h.ti] === true) person = true;
    }
    if (deferred) {
      for (const h of r.hits) {
        if (!(h.confidence === 'low' && h.col !== undefined && IS_SECONDARY[h.ti] === true)) continue;
        if (person && this.qualifiesColumn(h.col, h.ti)) h.confidence = 'high';
        else if (h.latent) h.keep = false;
      }
    }
    const kept: Cand[] = [];
    for (const h of r.hits) {
      if (!h.keep) continue;
      kept.push(h);
      this.emit(h, false);
    }
    this.personKey(kept);
    r.hits = [];
  }

  private personKey(kept: Cand[]): void {
    const person = rowPersonKey(this.salt, kept);
    if (person !== null) {
      if (!hashBits(person.prefix, person.hash, 0, this.bits)) keyBits(person.prefix + person.hash, this.bits);
      const a = this.bits[0] ?? 0;
      const b = this.bits[1] ?? 0;
      if (this.persons.addBits(a, b)) this.personBasis.set(person.basis, (this.personBasis.get(person.basis) ?? 0) + 1);
      this.opts.ledger?.addBits(a, b);
    }
  }

  private noteOcr(index: number, ocr: NonNullable<Segment['ocr']>): void {
    if (this.ocrConfidence.size < MAX_OCR_SEGMENTS) this.ocrConfidence.set(index, ocr.confidence);
    if (ocr.document !== undefined && this.ocrDocument === null) this.ocrDocument = { label: ocr.document.label, appi: ocr.document.appi };
  }

  private emit(h: Cand, freeText: boolean, free = false): void {
    const aggs = h.confidence === 'high' ? this.aggHigh : this.aggLow;
    let a = aggs[h.ti] ?? null;
    if (a === null) {
      a = { count: 0, masked: new Set() };
      aggs[h.ti] = a;
    }
    a.count++;
    if (this.ocrConfidence.size > 0 && h.segment >= 0) {
      const c = this.ocrConfidence.get(h.segment);
      if (c !== undefined) a.ocr = a.ocr === undefined ? c : Math.min(a.ocr, c);
    }
    if (a.masked.size < this.maxExamples) a.masked.add(h.masked);
    if (h.segment >= 0) this.opts.onDetection?.({ type: h.type, confidence: h.confidence, segment: h.segment, start: h.start, end: h.end });
    if (free && h.confidence === 'high' && this.blocks.take(h)) return;
    if (freeText && h.confidence === 'high' && IS_FREE_TEXT_ID[h.ti] === true) {
      let s = this.freeText.get(h.type);
      if (s === undefined) {
        s = new CappedSet(this.budget);
        this.freeText.set(h.type, s);
      }
      s.add(h.hash);
    }
  }

  private detections(): Detection[] {
    const out: Detection[] = [];
    for (const type of DETECTOR_ORDER) {
      for (const confidence of ['high', 'low'] as const) {
        const a = (confidence === 'high' ? this.aggHigh : this.aggLow)[typeIndex(type)];
        if (a) out.push({ type, confidence, count: a.count, masked: [...a.masked], ...(a.ocr !== undefined ? { ocrConfidence: a.ocr } : {}) });
      }
    }
    return out;
  }

  private personsCount(): { distinct: number; basis: string } {
    const parts: string[] = [];
    let distinct = this.persons.size;
    if (distinct > 0) parts.push(`rows de-duplicated by ${[...this.personBasis.entries()].sort((a, b) => b[1] - a[1]).map(([b, n]) => `${b} (${n})`).join(', ')}`);
    let best: { type: DetectorId; set: CappedSet } | null = null;
    for (const type of FREE_TEXT_IDENTIFIERS) {
      const set = this.freeText.get(type);
      if (set !== undefined && (best === null || set.size > best.set.size)) best = { type, set };
    }
    // Free text with labelled names: the persons of its blocks, or the distinct values of the best kind outside
    // them when those are more (never both: a letterhead's phone number is no second person).
    const blocks = this.blocks.finish();
    if (blocks.size > 0 && blocks.size >= (best?.set.size ?? 0)) {
      distinct += blocks.size;
      parts.push(`free text: ${blocks.size} labelled person(s) de-duplicated by ${blocks.basisText()}`);
      for (const [a, b] of blocks.bits()) this.opts.ledger?.addBits(a, b);
      best = null;
    }
    if (best !== null && best.set.size > 0) {
      distinct += best.set.size;
      parts.push(`free text: ${best.set.size} distinct ${best.type}`);
      const prefix = KEY_PREFIX[best.type] ?? best.type;
      if (this.opts.ledger) for (const h of best.set.values()) this.opts.ledger.add(`${prefix}${h}`);
    }
    if (parts.length === 0) return { distinct: 0, basis: 'no person identifier found' };
    if (this.budget.overflow) parts.push('hash cap reached: lower bound');
    return { distinct, basis: parts.join('; ') };
  }
}

/** A FileProfile for an object read by name only (images, unknown binaries): ID documents by file name. */
export function classifyFileName(path: string, opts: { ledger?: PersonLedger; salt?: Buffer; bytesRead?: number } = {}): FileProfile {
  const ext = extensionOf(path);
  const format = isImagePath(path) ? 'image' : ext === 'pdf' ? 'pdf' : 'binary';
  const c = new Classifier({ path, encoding: 'binary', format, ...(opts.ledger ? { ledger: opts.ledger } : {}), ...(opts.salt ? { salt: opts.salt } : {}) });
  return c.finish({ bytesRead: opts.bytesRead ?? 0, truncated: false, notes: [note('content-not-read')] });
}
