// The Classifier: Segments in (push), a FileProfile out (finish). Incremental and memory-bounded: between
// pushes it keeps counts, capped sets of salted hashes, at most `maxExamples` masked examples per detector
// and confidence, keyword positions and pending candidates (masked + hashed) of the last 300 characters,
// per-column counters, and the rows of the warm-up (masked + hashed hits of the first 50 rows). It never
// keeps a raw value or raw text after push returns. See docs/personal-data-detectors.md for every rule.
//
// Confidence (Found.rule in found.ts): checksum and distinctive shapes are low without context, high with
// it; generic shapes are reported only with context; header-based detections are high. In tabular data a
// column counts as context for the checksum/shape types when, among its non-empty cells, at least 3, at least
// half in the full form and at least 80% with weak forms hold a valid value of that type (a column of 12-digit
// numbers that all pass the My Number check digit is a My Number column even without a header: random 12-digit
// ids pass one time in ten). Rows are held until the first 50 rows are complete, so the first rows of a file
// profit from that too.
import type { Confidence, Detection, DetectorId, FileProfile, Segment } from '../types.js';
import { classesOf, DETECTOR_ORDER } from './appi-classes.js';
import { findBankAccounts } from './bank-account.js';
import { dateSuffixTarget, findBirthDates } from './birth-date.js';
import { ContextWindow, contextKindOf, findKeywords, inlineLabel, keywordPrefixTail, kindBit, labelTarget, type ContextKind, type LabelTarget } from './context.js';
import { findCorporateNumbers } from './corporate-number.js';
import { findCreditCards } from './credit-card.js';
import { findDriversLicenses } from './drivers-license.js';
import { findEmails } from './email.js';
import type { Found, Rule } from './found.js';
import { idDocumentOf, isImagePath, extensionOf } from './id-document.js';
import { newSalt, saltedHash } from './mask.js';
import { findMyNumbers } from './my-number.js';
import { normalizeText } from './normalize.js';
import { findPassports } from './passport.js';
import { findPensionNumbers } from './pension-insurance.js';
import { CappedSet, DEFAULT_HASH_CAP, FREE_TEXT_IDENTIFIERS, HashBudget, KEY_PREFIX, PersonLedger, rowPersonKey } from './persons.js';
import { findLabelledNames, findNameCell, findNameShaped, nameField, type NameField } from './person-name.js';
import { findPhones } from './phone.js';
import { findAddressCell, findPostalAddresses, findPostalDigitsCell } from './postal-address.js';
import { findResidenceCards } from './residence-card.js';
import { findSensitiveCell, findSensitiveWords, sensitiveField, type SensitiveType } from './sensitive.js';

export { profileResource, estimatePersons, type ResourceContext } from './resource-profile.js';
export { PersonLedger } from './persons.js';
export { classesOf } from './appi-classes.js';

/**
 * Types a consistent column can raise (checksum or distinctive shapes only; never dates or bare digit runs other
 * than postal codes, whose NNN-NNNN shape is distinctive when a whole column has it).
 */
const COLUMN_TYPES: ReadonlySet<DetectorId> = new Set(['my_number', 'credit_card', 'email', 'phone', 'postal_address', 'person_name']);
/** Identifiers whose span swallows a shorter value inside it. */
const CONTAINERS: ReadonlySet<DetectorId> = new Set(['my_number', 'corporate_number', 'credit_card', 'phone', 'email', 'bank_account', 'pension_insurance', 'birth_date', 'residence_card', 'passport', 'drivers_license', 'postal_address']);
/** Longest container span looked back over (addresses are the longest, at most about 80 characters). */
const MAX_CONTAINER = 128;
/** Types whose salted hash is needed later (person keys, distinct identifiers); others are not hashed. */
const HASHED: ReadonlySet<DetectorId> = new Set(['my_number', 'email', 'phone', 'person_name', 'birth_date', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'credit_card', 'bank_account']);
/** Identifiers whose position gives 'person' context to sensitive keywords. */
const PERSON_CONTEXT: ReadonlySet<DetectorId> = new Set(['my_number', 'email', 'phone', 'person_name', 'passport', 'residence_card', 'birth_date']);

export const WARMUP_ROWS = 50;
const PERSON_BIT = kindBit('person');
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
  target: LabelTarget | null;
  name: NameField | null;
  sensitive: { type: SensitiveType; word: string } | null;
}

interface Alt {
  type: DetectorId;
  rule: Rule;
  masked: string;
  hash: string;
  kana: boolean;
  named: boolean;
  blocked: boolean;
  want: number;
  weak: boolean;
}

interface RowState {
  id: number;
  open: boolean;
  waiting: number;
  hits: Hit[];
}

interface Group {
  segment: number;
  start: number;
  end: number;
  /** What the inline label before the span names (computed once per span). */
  label: LabelTarget | null;
  alts: Alt[];
  row: RowState | null;
  col: string | undefined;
  /** A person identifier (gives 'person' context to sensitive keywords). */
  person: boolean;
}

interface Hit {
  type: DetectorId;
  confidence: Confidence;
  masked: string;
  hash: string;
  kana: boolean;
  segment: number;
  start: number;
  end: number;
  /** Column that may still raise a low hit (tabular only). */
  col?: string;
  /** The cell's column (tabular only), for column dominance. */
  cell?: string;
  /** Raised by a field or label naming its type (column dominance never lowers it). */
  named: boolean;
  rule: Rule;
  /** Reported only if its column raises it (rules 'context' without context, 'column'). */
  latent?: boolean;
}

interface ColumnStats {
  cells: number;
  /** Cells holding the type in its full form. */
  hits: Map<DetectorId, number>;
  /** Cells holding only a weak form (a postal code without hyphen): they count toward the share, not the minimum. */
  weak: Map<DetectorId, number>;
}

interface Aggregate {
  count: number;
  masked: Set<string>;
}

/** What kinds of characters a text holds (one pass), to skip detectors that cannot match. */
interface TextShape {
  blank: boolean;
  digits: number;
  letters: number;
  upper: number;
  nonAscii: boolean;
  at: boolean;
}

function shapeOf(text: string): TextShape {
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let nonAscii = false;
  let at = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c === 64) at = true;
    else if (c > 127) nonAscii = true;
    if (blank && c > 32 && c !== 0x3000) blank = false;
  }
  return { blank, digits, letters, upper, nonAscii, at };
}

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

const NO_KEYWORDS: readonly { start: number; end: number; kind: ContextKind }[] = [];

type Event = { at: number; kw: { start: number; end: number; kind: ContextKind } } | { at: number; group: Group };

/** Longest value span considered when looking for keywords inside values (longer cells are rare and short-circuit). */
const MAX_SPAN_SCAN = 4096;

export class Classifier {
  private readonly opts: ClassifierOptions;
  private readonly salt: Buffer;
  private readonly maxExamples: number;
  private readonly window = new ContextWindow<Group>();
  private readonly budget: HashBudget;
  private readonly persons: CappedSet;
  private readonly personBasis = new Map<string, number>();
  private readonly freeText = new Map<DetectorId, CappedSet>();
  private readonly agg = new Map<DetectorId, { high: Aggregate | null; low: Aggregate | null }>();
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

  constructor(opts: ClassifierOptions) {
    this.opts = opts;
    this.salt = opts.salt ?? opts.ledger?.salt ?? newSalt();
    this.maxExamples = opts.maxExamples ?? 3;
    this.budget = new HashBudget(opts.hashCap ?? DEFAULT_HASH_CAP);
    this.persons = new CappedSet(this.budget);
    this.now = opts.now ?? new Date();
  }

  push(segment: Segment): void {
    if (this.done) throw new Error('Classifier.push after finish');
    const index = this.segments++;
    const text = normalizeText(segment.text);
    const base = index === 0 ? 0 : this.pos + 1;
    this.chars += segment.text.length;

    // Rows: a new row id (or a segment outside any row) closes the current row.
    let row: RowState | null = null;
    let col: string | undefined;
    if (segment.row === undefined) {
      this.closeRow();
    } else {
      if (this.row === null || this.row.id !== segment.row) {
        this.closeRow();
        this.row = { id: segment.row, open: true, waiting: 0, hits: [] };
        this.ordinal = 0;
      }
      row = this.row;
      col = segment.field !== undefined ? this.fieldInfo(segment.field).col : columnKey(segment.column ?? -1, this.ordinal);
      this.ordinal++;
      const stats = this.columnStats(col);
      if (stats && text.trim() !== '') stats.cells++;
    }
    const field = segment.field !== undefined ? this.fieldInfo(segment.field) : null;
    const freeText = segment.row === undefined && segment.field === undefined;

    const shape = shapeOf(text);
    const found = this.detect(text, field, row !== null, shape);
    found.sort((x, y) => x.start - y.start || x.end - y.end);
    const events: Event[] = [];

    // Keywords, with the tail of the previous free-text segment when it may begin a keyword. A keyword inside
    // a detected value (mail in an e-mail address) is part of the value, not context.
    const scan = freeText && this.carry !== '' ? this.carry + text : text;
    const shift = scan.length - text.length;
    const values = found.length === 0 ? found : found.filter((f) => f.rule !== 'person');
    let v = 0;
    for (const k of shape.nonAscii || shape.letters >= 2 || shift > 0 ? findKeywords(scan) : NO_KEYWORDS) {
      if (k.end <= shift) continue; // wholly in the carried tail: seen before
      const relStart = k.start - shift;
      const relEnd = k.end - shift;
      while (v < values.length && (values[v]?.start ?? 0) < relStart - MAX_SPAN_SCAN) v++;
      let inside = false;
      for (let i = v; i < values.length; i++) {
        const f = values[i] as Found;
        if (f.start >= relEnd) break;
        if (relStart < f.end && relEnd > f.start) {
          inside = true;
          break;
        }
      }
      if (inside) continue;
      const start = k.start < shift ? this.carryAt + k.start : base + relStart;
      events.push({ at: start, kw: { start, end: base + relEnd, kind: k.kind } });
    }
    if (freeText) {
      this.carry = keywordPrefixTail(text);
      this.carryAt = base + text.length - this.carry.length;
    } else {
      this.carry = '';
    }

    // Candidates grouped by span (one span may be a My Number or a licence number …); found is sorted, so a
    // span's alternatives are adjacent and the previous value's end (where an inline label starts) is known.
    const columnHits: DetectorId[] = [];
    const columnWeak: DetectorId[] = [];
    let floor = 0;
    let g: Group | null = null;
    for (const f of found) {
      if (g === null || g.start !== f.start || g.end !== f.end) {
        let label: LabelTarget | null = null;
        if (f.rule !== 'header' && f.rule !== 'person') label = labelTarget(inlineLabel(text, f.start, floor));
        g = { segment: index, start: f.start, end: f.end, label, alts: [], row, col, person: false };
        events.push({ at: base + f.start, group: g });
      }
      if (f.rule !== 'person' && f.end > floor) floor = f.end;
      const a = this.alt(f, field, text, g.label);
      g.alts.push(a);
      if (PERSON_CONTEXT.has(a.type) && a.rule !== 'context' && a.rule !== 'named') g.person = true;
      if (COLUMN_TYPES.has(a.type) && !a.blocked && a.rule !== 'header' && a.rule !== 'person' && a.rule !== 'named') {
        const list = a.weak ? columnWeak : columnHits;
        if (!list.includes(a.type)) list.push(a.type);
      }
    }
    if (col !== undefined && columnHits.length + columnWeak.length > 0) {
      const stats = this.columnStats(col);
      if (stats) {
        for (const t of columnHits) stats.hits.set(t, (stats.hits.get(t) ?? 0) + 1);
        for (const t of columnWeak) if (!columnHits.includes(t)) stats.weak.set(t, (stats.weak.get(t) ?? 0) + 1);
      }
    }

    if (events.length > 1) events.sort((x, y) => x.at - y.at);
    for (const e of events) {
      if (this.window.size > 64) for (const s of this.window.settle(e.at)) this.decide(s.item, s.got);
      if ('kw' in e) {
        this.window.hit(e.kw.start, e.kw.end, e.kw.kind);
        continue;
      }
      const grp = e.group;
      let want = 0;
      for (const a of grp.alts) want |= a.want;
      this.window.add(grp, base + grp.start, base + grp.end, want);
      if (grp.row) grp.row.waiting++;
      if (grp.person) this.window.hit(base + grp.start, base + grp.end, 'person');
    }

    this.pos = base + text.length;
    for (const s of this.window.settle(this.pos + 1)) this.decide(s.item, s.got);
  }

  finish(extra?: { bytesRead: number; truncated: boolean; notes: string[] }): FileProfile {
    if (this.profile !== null) return this.profile;
    {
      this.done = true;
      for (const s of this.window.drain()) this.decide(s.item, s.got);
      this.closeRow();
      this.endWarmup();
    }
    const doc = idDocumentOf(this.opts.path);
    if (doc) this.emit({ type: 'id_document_image', confidence: 'high', masked: doc.label, hash: '', kana: false, segment: -1, start: 0, end: 0, named: true, rule: 'header' }, false);
    const detections = this.detections();
    const classes = classesOf(detections, doc?.appi);
    let persons = this.personsCount();
    if (doc && persons.distinct === 0) {
      persons = { distinct: 1, basis: `one identity document (${doc.label}, by file name)` };
      this.opts.ledger?.add(`F${saltedHash(this.salt, 'file', this.opts.path)}`);
    }
    this.profile = {
      path: this.opts.path,
      encoding: this.opts.encoding,
      format: this.opts.format,
      bytesRead: extra?.bytesRead ?? this.chars,
      truncated: extra?.truncated ?? false,
      notes: [...(extra?.notes ?? []), ...(this.budget.overflow ? [`more than ${this.opts.hashCap ?? DEFAULT_HASH_CAP} distinct identifiers: persons is a lower bound`] : [])],
      detections,
      persons,
      classes,
    };
    return this.profile;
  }

  // ---------------------------------------------------------------------------------------------------

  private fieldInfo(field: string): FieldInfo {
    const cached = this.fields.get(field);
    if (cached) return cached;
    const f = normalizeText(field);
    const name = nameField(f);
    const sensitive = sensitiveField(f);
    // camelCase keys (phoneNumber, myNumber) read as words
    const target = labelTarget(f.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
    const info: FieldInfo = { col: `f:${field}`, name, sensitive, target: name !== null ? 'person_name' : target ?? (sensitive !== null ? 'other' : null) };
    if (this.fields.size < MAX_FIELDS_CACHED) this.fields.set(field, info);
    return info;
  }

  private columnStats(col: string): ColumnStats | null {
    let s = this.cols.get(col);
    if (s === undefined) {
      if (this.cols.size >= MAX_COLUMNS) return null;
      s = { cells: 0, hits: new Map(), weak: new Map() };
      this.cols.set(col, s);
    }
    return s;
  }

  private detect(text: string, field: FieldInfo | null, tabular: boolean, shape: TextShape): Found[] {
    const out: Found[] = [];
    if (shape.blank) return out;
    if (shape.at) findEmails(text, out);
    // Each digit detector runs only when the text has enough digits for its shortest form.
    const d = shape.digits;
    if (d >= 4) {
      if (d >= 12) {
        findMyNumbers(text, out);
        findCorporateNumbers(text, out);
        findDriversLicenses(text, out);
      }
      if (d >= 14) findCreditCards(text, out);
      if (d >= 10) {
        findPensionNumbers(text, out);
        findPhones(text, out);
      }
      if (d >= 7) findBankAccounts(text, out);
      if (d >= 7 && shape.upper >= 2) {
        findPassports(text, out);
        findResidenceCards(text, out);
      }
    }
    // Addresses need a prefecture and a house number (a digit, or 丁目/番地 with none); 元年 dates have 2 digits.
    if (d >= 7 || shape.nonAscii) findPostalAddresses(text, out);
    if (d >= 4 || (d >= 2 && shape.nonAscii)) findBirthDates(text, out, this.now);
    if (field?.name) findNameCell(text, field.name, out);
    else if (shape.nonAscii || shape.letters > 0) findLabelledNames(text, out);
    if (tabular && shape.nonAscii && !field?.name && !out.some((f) => f.type === 'person_name')) findNameShaped(text, out);
    if (field?.sensitive) findSensitiveCell(text, field.sensitive, out);
    if (field?.target === 'postal_address' && !out.some((f) => f.type === 'postal_address')) findAddressCell(text, out);
    if (tabular && d === 7 && !out.some((f) => f.type === 'postal_address')) findPostalDigitsCell(text, out);
    if (shape.nonAscii || shape.letters >= 3) findSensitiveWords(text, out, field?.sensitive?.type);
    if (out.length <= 1) return out;

    // Values inside an e-mail address are part of it; digits of a valid corporate number are not a My Number;
    // a shorter value inside a longer identifier (901-9063 inside (075)901-9063) is part of it.
    const emails = out.filter((f) => f.type === 'email');
    const corporate = out.filter((f) => f.type === 'corporate_number');
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

  private alt(f: Found, field: FieldInfo | null, text: string, groupLabel: LabelTarget | null): Alt {
    const hash = HASHED.has(f.type) ? saltedHash(this.salt, f.type, f.canonical) : '';
    const kind = contextKindOf(f.type);
    const kana = f.kana === true;
    const weak = f.weak === true;
    if (f.rule === 'header') return { type: f.type, rule: f.rule, masked: f.masked, hash, kana, named: true, blocked: false, want: 0, weak };
    if (f.rule === 'person') return { type: f.type, rule: f.rule, masked: f.masked, hash, kana, named: false, blocked: false, want: PERSON_BIT, weak };
    let label = groupLabel;
    if (f.type === 'birth_date' && label === null) label = dateSuffixTarget(text, f.end);
    const fieldTarget = field?.target ?? null;
    const named = label === f.type || (fieldTarget === f.type && (label === null || label === f.type));
    // An e-mail address is one whatever the label says; other shapes under a label naming another type are not raised by the window.
    const blocked = !named && f.type !== 'email' && ((label !== null && label !== f.type) || (fieldTarget !== null && fieldTarget !== f.type));
    return { type: f.type, rule: f.rule, masked: f.masked, hash, kana, named, blocked, want: kind !== null ? kindBit(kind) : 0, weak };
  }

  /** Decides a span once no keyword can reach it any more. */
  private decide(g: Group, got: number): void {
    const kept: { alt: Alt; confidence: Confidence; latent: boolean }[] = [];
    for (const a of g.alts) {
      const windowed = (got & a.want) !== 0;
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
          confidence = (a.rule === 'context' && ctx) || (a.rule === 'column' && a.named) ? 'high' : g.row !== null && g.col !== undefined && COLUMN_TYPES.has(a.type) && !a.blocked ? 'low' : null;
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
      if (confidence !== null) kept.push({ alt: a, confidence, latent: confidence === 'low' && (a.rule === 'context' || a.rule === 'column') });
    }
    // A span that a field or label names is that type only.
    const named = kept.filter((k) => k.alt.named);
    for (const { alt, confidence, latent } of named.length > 0 ? named : kept) {
      const hit: Hit = { type: alt.type, confidence, masked: alt.masked, hash: alt.hash, kana: alt.kana, segment: g.segment, start: g.start, end: g.end, named: alt.named, rule: alt.rule };
      if (latent) hit.latent = true;
      if (g.col !== undefined) hit.cell = g.col;
      if (g.row !== null) {
        if (confidence === 'low' && g.col !== undefined && COLUMN_TYPES.has(alt.type) && !alt.blocked) hit.col = g.col;
        if (g.row.hits.length < MAX_HITS_PER_ROW) g.row.hits.push(hit);
        else this.emit(hit, false);
      } else {
        this.emit(hit, true);
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
    this.maybeComplete(r);
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

  private qualifies(col: string, type: DetectorId): boolean {
    const s = this.cols.get(col);
    if (s === undefined) return false;
    const hits = s.hits.get(type) ?? 0;
    const weak = s.weak.get(type) ?? 0;
    return hits >= COLUMN_MIN_HITS && hits >= 0.5 * s.cells && hits + weak >= COLUMN_MIN_SHARE * s.cells;
  }

  /** Does the column consistently hold a type other than `type`? */
  private dominant(col: string, type: DetectorId): boolean {
    for (const t of COLUMN_TYPES) if (t !== type && this.qualifies(col, t)) return true;
    return false;
  }

  private resolveRow(r: RowState): void {
    const kept: Hit[] = [];
    for (const h of r.hits) {
      if (h.confidence === 'low' && h.col !== undefined && this.qualifies(h.col, h.type)) {
        h.confidence = 'high';
      } else {
        if (h.latent === true) continue;
        // Column dominance: a value the window raised, in a column that is consistently another type (a 7-digit
        // postal code near 銀行 in a postal-code column), is not raised; one that needed context is dropped.
        if (h.confidence === 'high' && !h.named && h.type !== 'email' && h.cell !== undefined && h.rule !== 'header' && h.rule !== 'person') {
          const other = this.dominant(h.cell, h.type);
          if (other) {
            if (h.rule === 'context' || h.rule === 'named') continue;
            h.confidence = 'low';
          }
        }
      }
      kept.push(h);
      this.emit(h, false);
    }
    const person = rowPersonKey(this.salt, kept);
    if (person !== null) {
      if (this.persons.add(person.key)) this.personBasis.set(person.basis, (this.personBasis.get(person.basis) ?? 0) + 1);
      this.opts.ledger?.add(person.key);
    }
    r.hits = [];
  }

  private emit(h: Hit, freeText: boolean): void {
    let pair = this.agg.get(h.type);
    if (pair === undefined) {
      pair = { high: null, low: null };
      this.agg.set(h.type, pair);
    }
    let a = pair[h.confidence];
    if (a === null) {
      a = { count: 0, masked: new Set() };
      pair[h.confidence] = a;
    }
    a.count++;
    if (a.masked.size < this.maxExamples) a.masked.add(h.masked);
    if (h.segment >= 0) this.opts.onDetection?.({ type: h.type, confidence: h.confidence, segment: h.segment, start: h.start, end: h.end });
    if (freeText && h.confidence === 'high' && FREE_TEXT_IDENTIFIERS.includes(h.type)) {
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
        const a = this.agg.get(type)?.[confidence];
        if (a) out.push({ type, confidence, count: a.count, masked: [...a.masked] });
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
  return c.finish({ bytesRead: opts.bytesRead ?? 0, truncated: false, notes: ['content not read: classified by file name only'] });
}
