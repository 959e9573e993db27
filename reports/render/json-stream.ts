// JSON text in pieces, byte for byte what `JSON.stringify(value, null, 2)` gives: the report of 100,000 buckets is
// larger than the longest string V8 can hold, so it is written piece by piece. The outer levels (the report, its
// arrays, the assessment's arrays) are walked here; each element below them is stringified whole. The characters
// JSON.stringify leaves raw (C1 and bidi controls, U+2028/9) are written as \u escapes, as renderJson does.
import { escapeJsonControls } from '../../src/text/sanitize.js';

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

/** Levels walked piece by piece; deeper values (one finding, one resource) are stringified whole. */
const WALKED_DEPTH = 3;

function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (value instanceof LazyJsonArray) {
    yield* lazyPieces(value as LazyJsonArray<unknown>, indent, depth);
    return;
  }
  let v = value;
  if (isWalkable(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: () => unknown }).toJSON();
  if (!isWalkable(v) || depth >= WALKED_DEPTH) {
    const text = JSON.stringify(v, null, 2);
    yield text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      const item: unknown = v[i];
      if (omitted(item)) yield 'null';
      else yield* pieces(item, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const keys = Object.keys(v).filter((k) => !omitted((v as Record<string, unknown>)[k]));
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(k)}: `;
    yield* pieces((v as Record<string, unknown>)[k], inner, depth + 1);
  }
  yield `\n${indent}}`;
}

function* lazyPieces(array: LazyJsonArray<unknown>, indent: string, depth: number): Generator<string> {
  if (array.items.length === 0) {
    yield '[]';
    return;
  }
  const inner = `${indent}  `;
  yield '[';
  for (let i = 0; i < array.items.length; i++) {
    yield `${i === 0 ? '' : ','}\n${inner}`;
    const item = array.map(array.items[i]);
    if (omitted(item)) yield 'null';
    else yield* pieces(item, inner, depth + 1);
  }
  yield `\n${indent}]`;
}

/**
 * The default piece: 32,768 characters (at most 64 KiB even in two-byte Japanese text), small enough for V8's young
 * generation. Pieces of a megabyte went to the large-object space, freed only by a full collection: writing the
 * JSON of 100,000 buckets then held hundreds of MiB of written pieces.
 */
const PIECE = 1 << 15;

/** `JSON.stringify(value, null, 2) + '\n'` (controls escaped) as pieces of about `size` characters. */
export function* jsonChunks(value: unknown, size = PIECE): Generator<string> {
  let buffer = '';
  for (const piece of pieces(value, '', 0)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield escapeJsonControls(buffer);
      buffer = '';
    }
  }
  yield `${escapeJsonControls(buffer)}\n`;
}
