// The contract of one file format in the decoding registry (./index.ts): how it is recognized (magic bytes on the
// first 64 KiB, the name's extension), how it nests (a leaf, a wrapper of one inner stream, a container of
// members) and how it is opened. A new format is one file exporting a FormatSpec, listed once in FORMATS.
import type { Segment } from '../../types.js';
import type { Peeked, RandomAccess } from '../byte-source.js';
import type { ImageTextReader } from '../image-text.js';
import type { DecodeContext } from '../limits.js';

/** A decoded object (or member) as the registry hands it back. */
export interface Inner {
  /** Settled encoding (may change after the head: a pure-ASCII start). */
  encoding(): string;
  format(): string;
  /** False: no segments (images without OCR, binaries, containers too deep); classified by name. */
  decoded: boolean;
  batches: AsyncGenerator<Segment[]>;
  close(): Promise<void>;
}

/** Where one stream sits and what it may use while it is decoded. */
export interface Env {
  ctx: DecodeContext;
  /** Evaluated at the end: was the input cut? */
  partial: () => boolean;
  /** 0 for the object itself, +1 per container or wrapper around it. */
  depth: number;
  /** Random access to the same bytes (zip central directory), only for the object itself. */
  random?: () => Promise<RandomAccess>;
  /** Reads the text of pictures (OCR); absent: images are classified by name. */
  imageText?: ImageTextReader;
  /** Path of this stream inside the object (`a.zip/scan.jpg`); '' for the object itself. */
  member: string;
  /** Decodes a nested stream (a member, the inside of a wrapper) through the registry. */
  decode(source: AsyncIterable<Buffer>, name: string, env: Env): Promise<Inner>;
}

/** What the registry looks at to recognize a format. */
export interface Sniff {
  /** The first bytes (up to 64 KiB; fewer when the stream is shorter). */
  head: Buffer;
  /** The stream ended within the head. */
  ended: boolean;
  /** File name, object key or member name. */
  name: string;
  /** Its lower-case extension (`csv`, `gz`, '' when none). */
  ext: string;
}

export interface FormatSpec {
  /** Stable id (docs, tests): `gzip`, `zip`, `tar`, `eml` … */
  id: string;
  /** One line for docs/decoding.md. */
  title: string;
  /** Extensions that usually name it (lower case, no dot). Informative unless `byExtension`. */
  extensions: readonly string[];
  /**
   * A name with one of `extensions` selects this format without its magic (text formats such as .eml): always
   * (`true`), or when this looser check of the first bytes passes.
   */
  byExtension?: boolean | ((head: Buffer) => boolean);
  /** Recognizes the format from its first bytes (magic numbers, a header's checksum, a header block). */
  magic?(head: Buffer): boolean;
  /** leaf: no nested objects; wrapper: one inner stream (gzip); container: members (zip, tar, e-mail attachments). */
  nesting: 'leaf' | 'wrapper' | 'container';
  /** Not opened at or below MAX_DEPTH (containers, and formats that were never read that deep). */
  depthLimited: boolean;
  /** Decodes the stream (`input.stream` replays the head first). */
  open(input: Peeked, sniff: Sniff, env: Env): Promise<Inner>;
}
