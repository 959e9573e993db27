// What a byte stream is, from its first bytes (magic numbers): containers we decode (gzip, zip, PDF), images
// and other binaries we do not. Text is decided later by the encoding detector.

export type Magic =
  | { kind: 'gzip' }
  | { kind: 'zip' }
  | { kind: 'pdf' }
  | { kind: 'image'; type: 'jpeg' | 'png' | 'gif' | 'heic' | 'tiff' | 'bmp' | 'webp' }
  | { kind: 'binary'; type: string };

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[at + i] !== bytes[i]) return false;
  return true;
}

function ascii(head: Uint8Array, at: number, len: number): string {
  let s = '';
  for (let i = at; i < Math.min(head.length, at + len); i++) s += String.fromCharCode(head[i] ?? 0);
  return s;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif']);

/** Recognizes a container or a binary format; null for anything that may be text. */
export function sniffMagic(head: Uint8Array): Magic | null {
  if (startsWith(head, [0x1f, 0x8b, 0x08])) return { kind: 'gzip' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  // %PDF- may follow a little garbage (allowed in the first 1024 bytes).
  const pdfAt = Buffer.from(head.subarray(0, 1024)).indexOf('%PDF-');
  if (pdfAt === 0 || (pdfAt > 0 && pdfAt < 1024 && ascii(head, 0, pdfAt).trim() === '')) return { kind: 'pdf' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', type: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', type: 'png' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { kind: 'image', type: 'gif' };
  if (ascii(head, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(head, 8, 4))) return { kind: 'image', type: 'heic' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return { kind: 'image', type: 'tiff' };
  // BMP: "BM", file size, two reserved zero words.
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14 && head[6] === 0 && head[7] === 0 && head[8] === 0 && head[9] === 0) return { kind: 'image', type: 'bmp' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return { kind: 'image', type: 'webp' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'binary', type: 'ole2' };
  if (ascii(head, 4, 4) === 'ftyp') return { kind: 'binary', type: 'iso-media' };
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return { kind: 'binary', type: '7z' };
  if (ascii(head, 0, 4) === 'Rar!') return { kind: 'binary', type: 'rar' };
  if (startsWith(head, [0x42, 0x5a, 0x68])) return { kind: 'binary', type: 'bzip2' };
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { kind: 'binary', type: 'xz' };
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return { kind: 'binary', type: 'zstd' };
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { kind: 'binary', type: 'elf' };
  if (ascii(head, 0, 2) === 'MZ' && head.length >= 64) return { kind: 'binary', type: 'exe' };
  if (ascii(head, 0, 4) === 'PAR1') return { kind: 'binary', type: 'parquet' };
  if (ascii(head, 0, 16) === 'SQLite format 3\u0000') return { kind: 'binary', type: 'sqlite' };
  return null;
}

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'png', 'gif', 'heic', 'heif', 'tif', 'tiff', 'bmp', 'webp', 'avif']);

/** The lower-case extension of a path or object key (`a/b.CSV.gz` → `gz`). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The name without its last extension (`a.csv.gz` → `a.csv`). */
export function stripExtension(name: string): string {
  const ext = extensionOf(name);
  return ext ? name.slice(0, name.length - ext.length - 1) : name;
}

export function isImageName(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}
