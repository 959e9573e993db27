// Reading zip containers (XLSX, DOCX, PPTX) with node:zlib, no dependency. Two ways in:
//  - the central directory at the end (a whole file or object): entries are read in the order the caller
//    wants (XLSX shared strings before the sheets that refer to them);
//  - the local headers from the start (a prefix from a range GET, or a file whose end is missing): entries in
//    file order, including entries whose sizes only follow the data (bit 3; the deflate stream's own end
//    tells where they stop).
// Limits: entries per archive, bytes read, decompressed bytes and ratio per entry, encrypted entries skipped.
// Notes name an entry only when it is not decoded (masked as object keys are: member names are the user's data).
import { note } from './note-messages.js';
import { formatBytes, type DecodeContext } from './limits.js';
import { CHUNK, type RandomAccess } from './byte-source.js';
import { memberLabel } from './formats/common.js';
import { inflateChunks } from './inflate.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header. */
  localOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;

function u64(b: Buffer, at: number): number {
  return Number(b.readBigUInt64LE(at));
}

/** Sizes and offset from a zip64 extra field, for the members that are 0xFFFFFFFF. */
function zip64(extra: Buffer, sizes: { usize: number; csize: number; offset: number }): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const end = p + 4 + len;
      if (sizes.usize === 0xffffffff && q + 8 <= end) (sizes.usize = u64(extra, q)), (q += 8);
      if (sizes.csize === 0xffffffff && q + 8 <= end) (sizes.csize = u64(extra, q)), (q += 8);
      if (sizes.offset === 0xffffffff && q + 8 <= end) sizes.offset = u64(extra, q);
      return;
    }
    p += 4 + len;
  }
}

/**
 * The central directory, or null when the end of the archive is not there (a prefix, a cut file).
 * At most maxZipEntries entries are returned (a note says when there were more).
 */
export async function readCentralDirectory(ra: RandomAccess, ctx: DecodeContext): Promise<ZipEntry[] | null> {
  if (ra.size < 22) return null;
  const tailLen = Math.min(ra.size, 65535 + 22);
  const tail = await ra.read(ra.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const eocdPos = ra.size - tailLen + eocd;
  let total = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === SIG_EOCD64_LOCATOR) {
    const at = u64(tail, eocd - 20 + 8);
    const rec = await ra.read(at, 56);
    if (rec.length === 56 && rec.readUInt32LE(0) === SIG_EOCD64) {
      total = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
  }
  if (cdOffset + cdSize > eocdPos || cdSize > MAX_CENTRAL_DIRECTORY) return null;
  const cd = await ra.read(cdOffset, cdSize);
  if (cd.length < 4 || cd.readUInt32LE(0) !== SIG_CENTRAL) return null;
  const max = ctx.limits.maxZipEntries;
  if (total > max) ctx.cut(note('zip-entries', { total, max }));
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === SIG_CENTRAL && entries.length < max) {
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const sizes = { csize: cd.readUInt32LE(p + 20), usize: cd.readUInt32LE(p + 24), offset: cd.readUInt32LE(p + 42) };
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    zip64(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), sizes);
    entries.push({ name, method, flags, compressedSize: sizes.csize, uncompressedSize: sizes.usize, localOffset: sizes.offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Names of the local headers that lie wholly inside `head` (to tell XLSX from DOCX on a prefix). */
export function localNamesInHead(head: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= head.length && head.readUInt32LE(p) === SIG_LOCAL && names.length < 1000) {
    const flags = head.readUInt16LE(p + 6);
    const csize = head.readUInt32LE(p + 18);
    const nameLen = head.readUInt16LE(p + 26);
    const extraLen = head.readUInt16LE(p + 28);
    if (p + 30 + nameLen > head.length) break;
    names.push(head.toString('utf8', p + 30, p + 30 + nameLen));
    if ((flags & 8) !== 0 && csize === 0) break;
    p += 30 + nameLen + extraLen + csize;
  }
  return names;
}

/** `length` bytes from `start`, in chunks; stops at the read limit, the time budget or a stop. */
async function* rangeChunks(ra: RandomAccess, start: number, length: number, ctx: DecodeContext): AsyncGenerator<Buffer> {
  const end = Math.min(ra.size, start + length);
  const max = ctx.limits.maxBytes;
  for (let pos = start; pos < end; ) {
    if (ctx.stopped || ctx.timeUp()) return;
    if (max > 0 && ctx.bytesRead >= max) {
      ctx.stop(note('read-limit', { limit: formatBytes(max) }));
      return;
    }
    const buf = await ra.read(pos, Math.min(CHUNK, end - pos));
    if (buf.length === 0) return;
    pos += buf.length;
    yield buf;
  }
}

export interface ZipEntryData {
  name: string;
  /** Decompressed content; read it to the end (or return()) before asking for the next entry. */
  data: AsyncGenerator<Buffer>;
}

/** Selects and orders the entries to read. */
export interface ZipPlan {
  /** Central-directory mode: the names to read, in order. */
  order(names: readonly string[]): string[];
  /** Local-header mode (file order): read this entry? */
  wants(name: string): boolean;
}

/** An entry that cannot be read (encrypted, an unknown method): named in a note, the object is partly read. */
function unsupported(entry: { name: string; method: number; flags: number }, ctx: DecodeContext): boolean {
  if ((entry.flags & 1) !== 0) {
    ctx.notDecoded(memberLabel(entry.name), note('zip-encrypted'), true);
    return true;
  }
  if (entry.method !== 0 && entry.method !== 8) {
    ctx.notDecoded(memberLabel(entry.name), note('zip-method', { method: entry.method }), true);
    return true;
  }
  return false;
}

async function* storedOrInflated(ra: RandomAccess, start: number, length: number, method: number, name: string, ctx: DecodeContext): AsyncGenerator<Buffer> {
  const raw = rangeChunks(ra, start, length, ctx);
  if (method === 0) {
    for await (const chunk of raw) {
      const room = ctx.decompressedRoom();
      if (chunk.length > room) {
        if (room > 0) yield chunk.subarray(0, room);
        ctx.addDecompressed(chunk.length, 'a zip entry');
        return;
      }
      ctx.addDecompressed(chunk.length, 'a zip entry');
      yield chunk;
    }
    return;
  }
  const { chunks, info } = inflateChunks(raw, 'raw', ctx, 'a zip entry');
  yield* chunks;
  if (info.error !== undefined && !ctx.stopped) ctx.cut(note('zip-entry-corrupt', { error: info.error }));
}

/** Entries through the central directory, in the plan's order. */
export async function* entriesByDirectory(ra: RandomAccess, entries: readonly ZipEntry[], plan: ZipPlan, ctx: DecodeContext): AsyncGenerator<ZipEntryData> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const name of plan.order(entries.map((e) => e.name))) {
    if (ctx.stopped) return;
    const e = byName.get(name);
    if (!e || unsupported(e, ctx)) continue;
    const lh = await ra.read(e.localOffset, 30);
    if (lh.length < 30 || lh.readUInt32LE(0) !== SIG_LOCAL) {
      ctx.notDecoded(memberLabel(name), note('zip-no-local-header'), true);
      continue;
    }
    const dataStart = e.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    yield { name, data: storedOrInflated(ra, dataStart, e.compressedSize, e.method, name, ctx) };
  }
}

/**
 * The data size of an entry whose size follows its data, by finding the data descriptor (signature, CRC,
 * compressed size equal to the distance travelled). Null when not found.
 */
async function findDescriptor(ra: RandomAccess, dataStart: number, ctx: DecodeContext): Promise<number | null> {
  const sig = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
  for (let pos = dataStart; pos < ra.size && !ctx.stopped; pos += CHUNK) {
    const buf = await ra.read(pos, CHUNK + 16);
    for (let at = buf.indexOf(sig); at >= 0 && at + 12 <= buf.length; at = buf.indexOf(sig, at + 1)) {
      if (buf.readUInt32LE(at + 8) === pos + at - dataStart) return pos + at - dataStart;
    }
    if (ctx.timeUp()) return null;
  }
  return null;
}

/** Entries by walking the local headers from the start (no central directory available). */
export async function* entriesByLocalHeaders(ra: RandomAccess, plan: ZipPlan, ctx: DecodeContext): AsyncGenerator<ZipEntryData> {
  let off = 0;
  let count = 0;
  while (off + 30 <= ra.size && !ctx.stopped) {
    const h = await ra.read(off, 30);
    if (h.length < 30) break;
    const sig = h.readUInt32LE(0);
    if (sig !== SIG_LOCAL) break; // central directory (or garbage): done
    if (++count > ctx.limits.maxZipEntries) {
      ctx.cut(note('entries-over', { archive: 'zip', max: ctx.limits.maxZipEntries }));
      return;
    }
    const flags = h.readUInt16LE(6);
    const method = h.readUInt16LE(8);
    const sizes = { csize: h.readUInt32LE(18), usize: h.readUInt32LE(22), offset: 0 };
    const nameLen = h.readUInt16LE(26);
    const extraLen = h.readUInt16LE(28);
    const meta = await ra.read(off + 30, nameLen + extraLen);
    if (meta.length < nameLen + extraLen) break;
    const name = meta.toString('utf8', 0, nameLen);
    zip64(meta.subarray(nameLen), sizes);
    const dataStart = off + 30 + nameLen + extraLen;
    const sizeLater = (flags & 8) !== 0 && sizes.csize === 0;
    if (!sizeLater) {
      if (plan.wants(name) && !unsupported({ name, method, flags }, ctx)) {
        const data = storedOrInflated(ra, dataStart, sizes.csize, method, name, ctx);
        try {
          yield { name, data };
        } finally {
          await data.return(undefined);
        }
      }
      off = dataStart + sizes.csize;
      if (off > ra.size) ctx.cut(note('zip-cut'));
      continue;
    }
    // Size after the data: a deflate stream says where it ends; stored data ends at its data descriptor.
    if (method !== 8 || (flags & 1) !== 0) {
      const size = await findDescriptor(ra, dataStart, ctx);
      if (size === null) {
        ctx.note(note('zip-no-descriptor'));
        return;
      }
      if (plan.wants(name) && !unsupported({ name, method, flags }, ctx)) {
        const data = storedOrInflated(ra, dataStart, size, method, name, ctx);
        try {
          yield { name, data };
        } finally {
          await data.return(undefined);
        }
      }
      off = dataStart + size + 16;
      continue;
    }
    const raw = rangeChunks(ra, dataStart, ra.size - dataStart, ctx);
    const { chunks, info } = inflateChunks(raw, 'raw', ctx, 'a zip entry');
    if (plan.wants(name)) {
      let done = false;
      try {
        yield { name, data: chunks };
        done = true;
      } finally {
        if (!done) await chunks.return(undefined);
      }
    }
    // Inflate what the reader did not take (or the whole entry when skipped) to find where the entry ends.
    for await (const _ of chunks) void _;
    if (!info.complete) {
      if (!ctx.stopped) ctx.cut(note('zip-cut'));
      return;
    }
    off = dataStart + info.consumed;
    const d = await ra.read(off, 4);
    off += d.length === 4 && d.readUInt32LE(0) === SIG_DESCRIPTOR ? 16 : 12;
    // A zip64 descriptor is 8 bytes longer; look for the next header close by.
    const near = await ra.read(off, 16);
    const at = near.indexOf(Buffer.from([0x50, 0x4b]));
    if (at > 0 && at <= 8) off += at;
  }
}
