// Long reports are written as pieces, never as one string (src/io/atomic-write.ts writes them through one reused
// buffer): the JSON of 100,000 buckets is longer than the longest string V8 can hold, and the HTML page of 100,000
// buckets held as one string (beside its rows, before it was encoded) cost hundreds of MiB at the peak.

/**
 * The default piece: 32,768 characters (at most 64 KiB even in two-byte Japanese text), small enough for V8's young
 * generation. Pieces of a megabyte went to the large-object space, freed only by a full collection: writing the
 * JSON of 100,000 buckets then held hundreds of MiB of written pieces.
 */
export const PIECE = 1 << 15;

/** Small strings joined into pieces of at least `size` characters (the last one may be shorter); never an empty one. */
export function* joinedPieces(parts: Iterable<string>, size = PIECE): Generator<string> {
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length > 0) yield buffer;
}
