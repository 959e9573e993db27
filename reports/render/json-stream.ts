// JSON text in pieces, byte for byte what `JSON.stringify(value, null, 2)` gives: the report of 100,000 buckets is
// larger than the longest string V8 can hold, so it is written piece by piece. The outer levels (the report, its
// arrays, the assessment's arrays) are walked here; each element below them is stringified whole. The characters
// JSON.stringify leaves raw (C1 and bidi controls, U+2028/9) are written as \u escapes, as renderJson does.
import { escapeJsonControls } from '../../src/text/sanitize.js';
import { PIECE, joinedPieces } from './pieces.js';

/** An array written element by element through `map` (reports/render/report-document.ts): no mapped copy is held. */
class LazyJsonArray<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}

  /** For JSON.stringify (a whole value at once): the mapped array. */
  toJSON(): unknown[] {
    return this.items.map(this.map);
  }
}

/** `items` written as the JSON array of `map(item)`, mapped one element at a time as the text is written. */
export function lazyJsonArray<T>(items: readonly T[], map: (item: T) => unknown): unknown {
  return new LazyJsonArray(items, map);
}

/**
 * Objects down to this depth (the report, its assessment) are walked key by key; deeper values are stringified
 * whole, and so are the items of any array below the top (a finding, a resource), many at a time (arrayPieces).
 */
const WALKED_DEPTH = 3;

function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (value instanceof LazyJsonArray) {
    yield* arrayPieces(value.items, value.map, indent, depth);
    return;
  }
  let v = value;
  if (isWalkable(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
  if (!isWalkable(v) || depth >= WALKED_DEPTH) {
    yield indented(JSON.stringify(v, null, 2), indent);
    return;
  }
  if (Array.isArray(v)) {
    yield* arrayPieces(v, (item) => item, indent, depth);
    return;
  }
  const keys = Object.keys(v).filter((k) => !omitted((v as Record<string, unknown>)[k]));
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  const inner = `${indent}  `;
  yield '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(k)}: `;
    yield* pieces((v as Record<string, unknown>)[k], inner, depth + 1);
  }
  yield `\n${indent}}`;
}

/** JSON.stringify's text of a value (undefined for a function or symbol) with every line after the first indented. */
function indented(text: string | undefined, indent: string): string {
  if (text === undefined) return 'null';
  return indent.length > 0 && text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** Characters of JSON one batch of array items aims at (half a piece). */
const BATCH_CHARS = 1 << 14;

/**
 * An array's items, mapped one at a time. Below the top they are stringified in batches of about BATCH_CHARS
 * characters: one JSON.stringify of a batch nested as deep as the array, so that its items come out already
 * indented, sliced out of the wrapping brackets (no per-line replace, no piece per key).
 */
function* arrayPieces<T>(items: readonly T[], map: (item: T) => unknown, indent: string, depth: number): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  yield '[';
  if (depth === 0) {
    for (let i = 0; i < items.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      const item = map(items[i] as T);
      if (omitted(item)) yield 'null';
      else yield* pieces(item, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const frame = bracketFrame(indent);
  let chars = 0;
  let count = 1;
  for (let at = 0; at < items.length; ) {
    const end = Math.min(items.length, at + count);
    const batch: unknown[] = [];
    for (let i = at; i < end; i++) batch.push(map(items[i] as T));
    const text = JSON.stringify(frame.wrap(batch), null, 2);
    yield `${at === 0 ? '\n' : ',\n'}${inner}${text.slice(frame.before, text.length - frame.after)}`;
    chars += text.length;
    at = end;
    count = Math.max(1, Math.floor((BATCH_CHARS * at) / Math.max(1, chars)));
  }
  yield `\n${indent}]`;
}

interface BracketFrame {
  /** The batch nested in as many one-item arrays as `indent` has levels: its items indented as the array's. */
  wrap: (batch: unknown[]) => unknown[];
  /** Characters before the first item's text, and after the last item's, in the wrapped batch's JSON. */
  before: number;
  after: number;
}

const frames = new Map<string, BracketFrame>();

function bracketFrame(indent: string): BracketFrame {
  let frame = frames.get(indent);
  if (!frame) {
    const levels = indent.length / 2;
    const wrap = (batch: unknown[]): unknown[] => {
      let out: unknown[] = batch;
      for (let i = 0; i < levels; i++) out = [out];
      return out;
    };
    const probe = JSON.stringify(wrap([0]), null, 2);
    const before = probe.indexOf('0');
    frame = { wrap, before, after: probe.length - before - 1 };
    frames.set(indent, frame);
  }
  return frame;
}

/** `JSON.stringify(value, null, 2) + '\n'` (controls escaped) as pieces of about `size` characters. */
export function* jsonChunks(value: unknown, size = PIECE): Generator<string> {
  for (const piece of joinedPieces(pieces(value, '', 0), size)) yield escapeJsonControls(piece);
  yield '\n';
}
