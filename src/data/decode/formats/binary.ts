// Other binary formats recognized by their magic numbers and not decoded. Archives kumoscan cannot open (7z, rar,
// bzip2, xz, zstd) and data files (SQLite, Parquet) may hold anything: the object counts as partly read. Media and
// executables are classified by name only.
import { note } from '../note-messages.js';
import { binaryType } from '../magic.js';
import { notDecoded, unread } from './common.js';
import type { FormatSpec } from './types.js';

/** Formats whose content may be personal data that was not read. */
const MAY_HOLD_DATA = new Set(['7z', 'rar', 'bzip2', 'xz', 'zstd', 'sqlite', 'parquet']);

export const binaryFormat: FormatSpec = {
  id: 'binary',
  title: 'other binaries (7z, rar, bzip2, xz, zstd, SQLite, Parquet: partly read; media, executables: by name)',
  extensions: ['7z', 'rar', 'bz2', 'xz', 'zst', 'sqlite', 'db', 'parquet', 'mp4', 'mov', 'exe', 'dll', 'so'],
  magic: (head) => binaryType(head) !== null,
  nesting: 'leaf',
  depthLimited: true,
  async open(input, _sniff, env) {
    const type = binaryType(input.head) ?? 'unknown';
    unread(env, note('binary-type', { type }), MAY_HOLD_DATA.has(type));
    await input.close();
    return notDecoded('binary', 'binary');
  },
};
