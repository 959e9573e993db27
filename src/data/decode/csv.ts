// CSV/TSV: delimiter sniffing, header-row detection and an incremental RFC 4180 parser (quoted fields with
// embedded delimiters, doubled quotes and newlines; CRLF or LF). Each non-empty cell becomes a Segment
// { text, field: its column header, row: 0-based data row }. Header cells are also emitted, as plain text
// (no field, no row), so a misjudged header row is still classified and header words give keyword context.
import { note } from './note-messages.js';
import type { Segment } from '../types.js';
import { MAX_PENDING_CHARS, type NoteFn, type Segmenter } from './segmenter.js';
import { HeaderedRows } from './table-rows.js';

const CANDIDATES = [',', '\t', ';', '|'] as const;

export interface DelimiterGuess {
  delimiter: string;
  /** Records looked at and how many had the modal number of delimiters. */
  records: number;
  consistent: number;
  /** Delimiters per record (the mode). */
  perRecord: number;
}

/**
 * Finds the delimiter from the head of the text: the candidate whose count per record (outside quotes) is the
 * same, and at least 1, on most records. Null when nothing is consistent (free text).
 */
export function sniffDelimiter(text: string, maxRecords = 50): DelimiterGuess | null {
  const counts: number[][] = CANDIDATES.map(() => []);
  // counts of the record being read, by candidate (',' '\t' ';' '|'): character codes compared, no string per character
  let comma = 0;
  let tab = 0;
  let semi = 0;
  let bar = 0;
  const current = [0, 0, 0, 0];
  let inQuote = false;
  let records = 0;
  let sawContent = false;
  const n = text.length;
  for (let i = 0; i < n && records < maxRecords; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuote = !inQuote;
      sawContent = true;
    } else if (inQuote) {
      continue;
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (sawContent) {
        (counts[0] as number[]).push(comma);
        (counts[1] as number[]).push(tab);
        (counts[2] as number[]).push(semi);
        (counts[3] as number[]).push(bar);
        records++;
      }
      comma = tab = semi = bar = 0;
      sawContent = false;
    } else {
      if (c === 44) comma++;
      else if (c === 9) tab++;
      else if (c === 59) semi++;
      else if (c === 124) bar++;
      sawContent = true;
    }
  }
  current[0] = comma;
  current[1] = tab;
  current[2] = semi;
  current[3] = bar;
  // A last record without a newline counts only when the text is short (it is probably complete).
  if (sawContent && records < 2) {
    CANDIDATES.forEach((_, k) => (counts[k] as number[]).push(current[k] as number));
    records++;
  }
  let best: DelimiterGuess | null = null;
  let bestScore = 0;
  CANDIDATES.forEach((delimiter, k) => {
    const list = counts[k] as number[];
    if (list.length === 0) return;
    const freq = new Map<number, number>();
    for (const v of list) freq.set(v, (freq.get(v) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [v, f] of freq) if (v > 0 && (f > modeCount || (f === modeCount && v > mode))) [mode, modeCount] = [v, f];
    if (mode === 0) return;
    const consistency = modeCount / list.length;
    if (consistency < 0.8) return;
    const score = consistency * Math.min(mode, 20) + (delimiter === ',' || delimiter === '\t' ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = { delimiter, records: list.length, consistent: modeCount, perRecord: mode };
    }
  });
  return best;
}

export class CsvSegmenter implements Segmenter {
  private readonly delim: string;
  private readonly note: NoteFn;
  private pending = '';
  private readonly rows = new HeaderedRows();
  /** Position of the next quote in `pending` (or -1): avoids rescanning a chunk that has none. */
  private nextQuote = -2;

  constructor(delimiter: string, note: NoteFn = () => undefined) {
    this.delim = delimiter;
    this.note = note;
  }

  write(text: string, out: Segment[]): void {
    this.pending = this.pending.length === 0 ? text : this.pending + text;
    this.nextQuote = -2;
    this.parse(false, out);
    if (this.pending.length > MAX_PENDING_CHARS) {
      // A record that never ends (an unbalanced quote): cut it here rather than buffering the file.
      this.note(note('csv-record-long'));
      this.nextQuote = -2;
      this.parse(true, out);
    }
  }

  end(partial: boolean, out: Segment[]): void {
    if (!partial) {
      this.nextQuote = -2;
      this.parse(true, out);
    }
    this.pending = '';
    this.rows.end(out);
  }

  /** Parses complete records from `pending`; with `final`, the remainder is the last record. */
  private parse(final: boolean, out: Segment[]): void {
    const s = this.pending;
    const n = s.length;
    const d = this.delim;
    let pos = 0;
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      if (this.nextQuote !== -1 && this.nextQuote < pos) this.nextQuote = s.indexOf('"', pos);
      if (this.nextQuote === -1 || this.nextQuote > nl) {
        const end = nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        this.record(s.slice(pos, end).split(d), out);
        pos = nl + 1;
        continue;
      }
      const next = this.parseQuoted(s, pos, final, out);
      if (next < 0) break;
      pos = next;
    }
    this.pending = pos >= n ? '' : s.slice(pos);
    this.nextQuote = -2;
  }

  /** The slow path for a record holding quotes. Returns the position after the record, or -1 when incomplete. */
  private parseQuoted(s: string, start: number, final: boolean, out: Segment[]): number {
    const n = s.length;
    const d = this.delim;
    const cells: string[] = [];
    let cell = '';
    let i = start;
    let inQuote = false;
    while (i < n) {
      if (inQuote) {
        const q = s.indexOf('"', i);
        if (q === -1) {
          if (!final) return -1;
          cell += s.slice(i);
          i = n;
          break;
        }
        cell += s.slice(i, q);
        if (q + 1 >= n && !final) return -1; // "" may be split between chunks
        if (s[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          inQuote = false;
          i = q + 1;
        }
        continue;
      }
      const c = s[i];
      if (c === '"') {
        inQuote = true;
        i++;
      } else if (c === d) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (c === '\n') {
        cells.push(cell);
        this.record(cells, out);
        return i + 1;
      } else if (c === '\r' && s[i + 1] === '\n') {
        i++;
      } else {
        // Copy a run of plain characters at once.
        let j = i + 1;
        while (j < n) {
          const cj = s[j];
          if (cj === '"' || cj === d || cj === '\n' || cj === '\r') break;
          j++;
        }
        cell += s.slice(i, j);
        i = j;
      }
    }
    if (!final) return -1;
    cells.push(cell);
    this.record(cells, out);
    return n;
  }

  private record(cells: string[], out: Segment[]): void {
    this.rows.push(cells, out);
  }
}
