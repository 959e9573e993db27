// Rows of a table (CSV/TSV, an XLSX sheet, a DOCX table) to Segments: the first rows are held back until
// the header is decided (looksLikeHeader), then every non-empty cell goes out as { text, field, row, column }.
// Header cells go out as plain text (no field, no row): a misjudged header is still classified.
import type { Segment } from '../types.js';
import { looksLikeHeader } from './header-row.js';
import { MAX_SEGMENT_CHARS } from './segmenter.js';

const LOOKAHEAD_ROWS = 20;

/** Shared data-row counter (rows stay unique across the sheets of one workbook). */
export interface RowCounter {
  next: number;
}

export class HeaderedRows {
  private early: string[][] | null = [];
  private header: string[] | null = null;
  private readonly counter: RowCounter;

  constructor(counter: RowCounter = { next: 0 }) {
    this.counter = counter;
  }

  push(cells: string[], out: Segment[]): void {
    if (!cells.some((c) => c.trim() !== '')) return;
    if (this.early !== null) {
      this.early.push(cells);
      if (this.early.length >= LOOKAHEAD_ROWS) this.decide(out);
      return;
    }
    this.emit(cells, out);
  }

  end(out: Segment[]): void {
    this.decide(out);
  }

  private decide(out: Segment[]): void {
    const early = this.early;
    if (early === null) return;
    this.early = null;
    const first = early[0];
    if (first === undefined) return;
    if (looksLikeHeader(first, early.slice(1))) {
      this.header = first.map((c) => c.trim());
      for (const c of first) if (c.trim() !== '') out.push({ text: c });
      for (const r of early.slice(1)) this.emit(r, out);
    } else {
      for (const r of early) this.emit(r, out);
    }
  }

  private emit(cells: readonly string[], out: Segment[]): void {
    const row = this.counter.next++;
    const header = this.header;
    for (let j = 0; j < cells.length; j++) {
      let text = cells[j] as string;
      if (text.length === 0 || text.trim() === '') continue;
      const field = header?.[j] || undefined;
      while (text.length > MAX_SEGMENT_CHARS) {
        const piece = text.slice(0, MAX_SEGMENT_CHARS);
        out.push(field !== undefined ? { text: piece, field, row, column: j } : { text: piece, row, column: j });
        text = text.slice(MAX_SEGMENT_CHARS);
      }
      out.push(field !== undefined ? { text, field, row, column: j } : { text, row, column: j });
    }
  }
}
