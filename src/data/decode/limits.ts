// Limits that keep decoding bounded (zip bombs, huge files, slow input) and the per-object bookkeeping of
// what was read, what tripped and why. A tripped limit never throws: it stops the read, sets `truncated`
// and leaves a note; what was decoded until then is kept.
import { note as decodeNote } from './note-messages.js';

export interface DecodeLimits {
  /** Bytes read from the file or object (compressed bytes for gzip/zip). 0 = no limit. */
  maxBytes: number;
  /** Bytes produced by decompression (gzip, zip entries, PDF streams), summed over the object. 0 = no limit. */
  maxDecompressedBytes: number;
  /** Decompressed ÷ compressed; above it the stream is treated as a bomb. Checked once `ratioMinBytes` came out. */
  maxRatio: number;
  /** Output below this size is never called a bomb (small, very repetitive files compress well). */
  ratioMinBytes: number;
  /** Entries looked at in one zip container (XLSX/DOCX). */
  maxZipEntries: number;
  /** Wall-clock time for one object, decoding and classifying. 0 = no limit. */
  timeBudgetMs: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxBytes: 64 * MiB,
  maxDecompressedBytes: 64 * MiB,
  maxRatio: 100,
  ratioMinBytes: 1 * MiB,
  maxZipEntries: 10_000,
  timeBudgetMs: 30_000,
});

export function resolveLimits(partial?: Partial<DecodeLimits>): DecodeLimits {
  const out: DecodeLimits = { ...DEFAULT_LIMITS };
  if (partial) {
    for (const key of Object.keys(out) as (keyof DecodeLimits)[]) {
      const v = partial[key];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
    }
  }
  return out;
}

/** The code of an I/O error (ENOENT, EACCES, ECONNRESET …) — never its message, which may quote content. */
export function errorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  if (e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.name : 'error';
}

/** `64 MiB`, `1.5 KiB`, `12 B`. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

/** Member paths remembered per object for the file-name rule. */
const MAX_MEMBERS = 10_000;
/** Members named in the notes of one object (the rest are counted). */
const MAX_NAMED_UNREAD = 20;

/**
 * Per-object state shared by every stage of one decode: counters, the stop flag and the notes. Notes are fixed
 * sentences with numbers and limit names, never content.
 */
export class DecodeContext {
  readonly limits: DecodeLimits;
  readonly startedAt: number;
  bytesRead = 0;
  decompressedBytes = 0;
  /** Some limit cut the read: counts are lower bounds, the last record may be incomplete. */
  truncated = false;
  /** Decoding must stop now (a limit tripped). */
  stopped = false;
  readonly notes: string[] = [];
  /**
   * Paths of the members read or skipped inside this object (archive entries, mail attachments): the file-name
   * rule for ID documents applies to them. Never printed (member names are the user's data).
   */
  readonly members: string[] = [];
  /** Members not decoded beyond those named in the notes. */
  unnamedUnread = 0;
  private namedUnread = 0;
  private readonly now: () => number;
  private readonly deadline: number;

  /** `deadline`: an absolute time (ms since the epoch, as `now`) that also ends the work, e.g. a scan's per-object timeout. */
  constructor(limits: DecodeLimits, now: () => number = Date.now, deadline = Infinity) {
    this.limits = limits;
    this.now = now;
    this.startedAt = now();
    this.deadline = deadline;
  }

  note(text: string): void {
    if (!this.notes.includes(text) && this.notes.length < 50) this.notes.push(text);
  }

  /** Remembers a member's path (at most MAX_MEMBERS). */
  addMember(path: string): void {
    if (this.members.length < MAX_MEMBERS) this.members.push(path);
  }

  /**
   * A member (or the object itself when `label` is empty) whose content was not decoded: the note names it with the
   * reason. `partly`: its content is unknown, so the object counts as partly read (truncated). Only the first
   * MAX_NAMED_UNREAD members are named (the notes stay short); the others are counted.
   */
  notDecoded(label: string, reason: string, partly: boolean): void {
    if (partly) this.truncated = true;
    if (label === '') return this.note(reason);
    if (this.namedUnread >= MAX_NAMED_UNREAD) {
      this.unnamedUnread++;
      return;
    }
    this.namedUnread++;
    this.note(`${label}: ${reason}`);
  }

  /** The end of the time allowed for this object (ms since the epoch; Infinity without a limit). */
  deadlineAt(): number {
    const budget = this.limits.timeBudgetMs;
    return Math.min(this.deadline, budget > 0 ? this.startedAt + budget : Infinity);
  }

  /** Marks the object truncated (input cut, not necessarily a stop). */
  cut(text: string): void {
    this.truncated = true;
    this.note(text);
  }

  /** A limit tripped: stop everything, keep what was decoded. */
  stop(text: string): void {
    this.truncated = true;
    this.stopped = true;
    this.note(text);
  }

  /** Checks the time budget; stops (once) when it is spent. */
  timeUp(): boolean {
    if (this.stopped) return true;
    const budget = this.limits.timeBudgetMs;
    const t = this.now();
    if (budget > 0 && t - this.startedAt > budget) {
      this.stop(decodeNote('time-limit', { seconds: budget / 1000 }));
      return true;
    }
    if (t > this.deadline) {
      this.stop(decodeNote('time-ran-out'));
      return true;
    }
    return false;
  }

  /** Milliseconds left under the time budget and the deadline (Infinity without either), by this context's clock. */
  msLeft(): number {
    const t = this.now();
    const budget = this.limits.timeBudgetMs > 0 ? this.startedAt + this.limits.timeBudgetMs - t : Infinity;
    return Math.min(budget, this.deadline - t);
  }

  /** Room left under maxDecompressedBytes (Infinity without a limit). */
  decompressedRoom(): number {
    const max = this.limits.maxDecompressedBytes;
    return max > 0 ? Math.max(0, max - this.decompressedBytes) : Infinity;
  }

  /** Accounts `produced` decompressed bytes; returns false (and stops) when the size limit trips. */
  addDecompressed(produced: number, what: string): boolean {
    this.decompressedBytes += produced;
    const max = this.limits.maxDecompressedBytes;
    if (max > 0 && this.decompressedBytes > max) {
      this.stop(decodeNote('decompressed-limit', { limit: formatBytes(max), stream: what }));
      return false;
    }
    return true;
  }

  /** Ratio check for one stream: `out` bytes produced from `input` compressed bytes. */
  ratioOk(out: number, input: number, what: string): boolean {
    const { maxRatio, ratioMinBytes } = this.limits;
    if (maxRatio > 0 && out > ratioMinBytes && out > maxRatio * Math.max(1, input)) {
      this.stop(decodeNote('zip-bomb', { stream: what, ratio: maxRatio }));
      return false;
    }
    return true;
  }
}
