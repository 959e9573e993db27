// JSON text in pieces, byte for byte what `JSON.stringify(value, null, 2)` gives: the report of 100,000 buckets is
// larger than the longest string V8 can hold, so it is written piece by piece. The outer levels (the report, its
// arrays, the assessment's arrays) are walked here; each element below them is stringified whole.

/** Levels walked piece by piece; deeper values (one finding, one resource) are stringified whole. */
const WALKED_DEPTH = 3;

function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
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

/** `JSON.stringify(value, null, 2) + '\n'` as pieces of about `size` characters. */
export function* jsonChunks(value: unknown, size = 1 << 20): Generator<string> {
  let buffer = '';
  for (const piece of pieces(value, '', 0)) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}
