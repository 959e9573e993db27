// Width and height of a TIFF from its first IFD (image-size 1.x reads TIFF only from files, not from bytes). Pure;
// null when the bytes are not a TIFF header with both tags.
export function tiffSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 8) return null;
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const tag = buf.toString('latin1', 0, 4);
  const le = tag === 'II*\u0000';
  if (!le && tag !== 'MM\u0000*') return null;
  const u16 = (at: number): number => (le ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const u32 = (at: number): number => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > buf.length) return null;
  const n = u16(ifd);
  let width = 0;
  let height = 0;
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > buf.length) break;
    const id = u16(e);
    if (id !== 256 && id !== 257) continue;
    const type = u16(e + 2);
    const value = type === 3 ? u16(e + 8) : type === 4 ? u32(e + 8) : 0;
    if (id === 256) width = value;
    else height = value;
  }
  return width > 0 && height > 0 ? { width, height } : null;
}
