// What `kumoscan classify` keeps of the files it has read, whatever their number: the totals (added up file by
// file) and the N riskiest files. Every other per-file result leaves memory as soon as it is written (JSON Lines)
// or counted, so memory does not grow with the number of files.
import type { PersonLedger } from './data/detect/persons.js';
import type { AppiClass, Confidence, DetectorId, FileProfile } from './data/types.js';

export type ClassifiedFile = FileProfile & { personalData: boolean };

export interface ClassifyTotal {
  files: number;
  bytesRead: number;
  /** Files with at least one APPI class other than not_personal. */
  personalDataFiles: number;
  truncatedFiles: number;
  unreadableFiles: number;
  detections: { type: DetectorId; confidence: Confidence; count: number; files: number }[];
  persons: { distinct: number; basis: string };
  classes: AppiClass[];
}

/** Strongest type first (as in the file profiles). */
const TYPE_ORDER: readonly DetectorId[] = [
  'my_number', 'credit_card', 'sensitive_health', 'sensitive_crime', 'id_document_image', 'drivers_license', 'passport', 'residence_card', 'pension_insurance',
  'bank_account', 'person_name', 'birth_date', 'postal_address', 'phone', 'email', 'corporate_number',
];

/** Strongest class first. */
const CLASS_ORDER: readonly AppiClass[] = ['specific_personal_information', 'sensitive', 'financial', 'personal', 'not_personal'];

export function isPersonal(p: FileProfile): boolean {
  return p.classes.some((c) => c !== 'not_personal');
}

/** The totals of a run, added up one file at a time. */
export class TotalAccumulator {
  private files = 0;
  private bytesRead = 0;
  private personalDataFiles = 0;
  private truncatedFiles = 0;
  private unreadableFiles = 0;
  private fileSum = 0;
  private readonly det = new Map<string, { type: DetectorId; confidence: Confidence; count: number; files: number }>();
  private readonly classes = new Set<AppiClass>();

  /**
   * `read`: false for a file not read at all (it is not "partly read"); `unreadable`: it counts as unreadable
   * (devices, FIFOs and sockets skipped on purpose do not).
   */
  add(f: FileProfile, read: boolean, unreadable: boolean): void {
    this.files++;
    this.bytesRead += f.bytesRead;
    if (isPersonal(f)) this.personalDataFiles++;
    // Read in part: a limit, a container too deep, content not decoded (files not read at all are not counted here).
    if (f.truncated && read) this.truncatedFiles++;
    if (unreadable) this.unreadableFiles++;
    this.fileSum += f.persons.distinct;
    for (const d of f.detections) {
      const key = `${d.type}|${d.confidence}`;
      const t = this.det.get(key) ?? { type: d.type, confidence: d.confidence, count: 0, files: 0 };
      t.count += d.count;
      t.files++;
      this.det.set(key, t);
    }
    for (const c of f.classes) this.classes.add(c);
  }

  total(ledger: PersonLedger): ClassifyTotal {
    const classes = new Set(this.classes);
    if ([...classes].some((c) => c !== 'not_personal')) classes.delete('not_personal');
    const distinct = Math.max(ledger.size, 0);
    return {
      files: this.files,
      bytesRead: this.bytesRead,
      personalDataFiles: this.personalDataFiles,
      truncatedFiles: this.truncatedFiles,
      unreadableFiles: this.unreadableFiles,
      // Strongest type first; within a type high before low.
      detections: [...this.det.values()].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1)),
      persons: {
        distinct,
        basis:
          distinct === 0 && this.fileSum === 0
            ? 'no person identifier found'
            : `de-duplicated across files by a salted hash of the strongest identifier${ledger.overflow ? '; hash cap reached: lower bound' : ''} (per-file sum: ${this.fileSum})`,
      },
      classes: CLASS_ORDER.filter((c) => classes.has(c)),
    };
  }
}

/**
 * A file's risk, compared field by field (higher first): its strongest APPI class, the persons in it, its
 * high-confidence and then low-confidence values, and whether part of it is unknown (partly read or not read).
 */
export function riskOf(f: FileProfile): number[] {
  const strongest = CLASS_ORDER.findIndex((c) => f.classes.includes(c));
  let high = 0;
  let low = 0;
  for (const d of f.detections) {
    if (d.confidence === 'high') high += d.count;
    else low += d.count;
  }
  return [strongest < 0 ? 0 : CLASS_ORDER.length - strongest, f.persons.distinct, high, low, f.truncated ? 1 : 0];
}

function compareRisk(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] ?? 0) - (a[i] ?? 0);
  return 0;
}

/** The `limit` riskiest files seen (ties: the one read first), in a bounded buffer. */
export class TopFiles {
  private kept: { file: ClassifiedFile; risk: number[]; seq: number }[] = [];
  private seq = 0;
  constructor(private readonly limit: number) {}

  offer(file: ClassifiedFile): void {
    const seq = this.seq++;
    if (this.limit <= 0) return;
    this.kept.push({ file, risk: riskOf(file), seq });
    // Sorted and cut when twice the limit: O(log limit) per file on average, at most 2 × limit files held.
    if (this.kept.length >= 2 * this.limit) this.cut();
  }

  /** Riskiest first. */
  files(): ClassifiedFile[] {
    this.cut();
    return this.kept.map((k) => k.file);
  }

  private cut(): void {
    this.kept.sort((a, b) => compareRisk(a.risk, b.risk) || a.seq - b.seq);
    if (this.kept.length > this.limit) this.kept.length = this.limit;
  }
}
