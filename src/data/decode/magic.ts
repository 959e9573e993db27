// What a byte stream is, from its first bytes (magic numbers): containers we decode (gzip, zip, PDF), images
// and other binaries we do not. Text is decided later by the encoding detector.

export type Magic =
  | { kind: 'gzip' }
  | { kind: 'zip' }
  | { kind: 'pdf' }
  | { kind: 'image'; type: ImageType }
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

export type ImageType = 'jpeg' | 'png' | 'gif' | 'heic' | 'tiff' | 'bmp' | 'webp';

export function isGzip(head: Uint8Array): boolean {
  return startsWith(head, [0x1f, 0x8b, 0x08]);
}

export function isZip(head: Uint8Array): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
}

export function isPdf(head: Uint8Array): boolean {
  // %PDF- may follow a little garbage (allowed in the first 1024 bytes).
  const pdfAt = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1024)).indexOf('%PDF-');
  return pdfAt === 0 || (pdfAt > 0 && pdfAt < 1024 && ascii(head, 0, pdfAt).trim() === '');
}

/** OLE2 compound file (legacy .xls, .doc, .ppt, .msg). */
export function isOle(head: Uint8Array): boolean {
  return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** The picture format of the first bytes, or null. */
export function imageType(head: Uint8Array): ImageType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(head, 8, 4))) return 'heic';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // BMP: "BM", file size, two reserved zero words.
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14 && head[6] === 0 && head[7] === 0 && head[8] === 0 && head[9] === 0) return 'bmp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  return null;
}

/** Other binary formats kumoscan does not decode (archives it cannot open, databases, media, executables), or null. */
export function binaryType(head: Uint8Array): string | null {
  if (ascii(head, 4, 4) === 'ftyp') return 'iso-media';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (ascii(head, 0, 4) === 'Rar!') return 'rar';
  if (startsWith(head, [0x42, 0x5a, 0x68])) return 'bzip2';
  if (startsWith(head, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (ascii(head, 0, 2) === 'MZ' && head.length >= 64) return 'exe';
  if (ascii(head, 0, 4) === 'PAR1') return 'parquet';
  if (ascii(head, 0, 16) === 'SQLite format 3\u0000') return 'sqlite';
  return null;
}

/** Recognizes a container or a binary format; null for anything that may be text. */
export function sniffMagic(head: Uint8Array): Magic | null {
  if (isGzip(head)) return { kind: 'gzip' };
  if (isZip(head)) return { kind: 'zip' };
  if (isPdf(head)) return { kind: 'pdf' };
  const image = imageType(head);
  if (image !== null) return { kind: 'image', type: image };
  if (isOle(head)) return { kind: 'binary', type: 'ole2' };
  const binary = binaryType(head);
  return binary !== null ? { kind: 'binary', type: binary } : null;
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
