// Decoded pixels (a PDF page image: RawImage) as a BMP file, a format the engine's Leptonica reads: a
// 54-byte header, then the rows bottom-up in BGR, each padded to 4 bytes. Gray pictures are written as 24-bit too
// (one format to test). Pure.
import type { RawImage } from '../decode/image-text.js';

/** Bytes of the BMP file `encodeBmp` would write (without writing it), for the pixel and memory limits. */
export function bmpSize(width: number, height: number): number {
  return 54 + ((width * 3 + 3) & ~3) * height;
}

/** A 24-bit BMP of the pixels (RGBA: alpha dropped, over nothing). Throws on inconsistent dimensions. */
export function encodeBmp(img: RawImage): Buffer {
  const { width, height, channels, data } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error('bad image dimensions');
  if (data.length < width * height * channels) throw new Error('pixel data shorter than width × height × channels');
  const stride = (width * 3 + 3) & ~3;
  const size = 54 + stride * height;
  const out = Buffer.alloc(size);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(size, 2);
  out.writeUInt32LE(54, 10); // pixel data offset
  out.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22); // positive: bottom-up rows
  out.writeUInt16LE(1, 26); // planes
  out.writeUInt16LE(24, 28); // bits per pixel
  out.writeUInt32LE(0, 30); // BI_RGB
  out.writeUInt32LE(stride * height, 34);
  out.writeInt32LE(11811, 38); // 300 dpi in pixels per metre
  out.writeInt32LE(11811, 42);
  for (let y = 0; y < height; y++) {
    let o = 54 + (height - 1 - y) * stride;
    let i = y * width * channels;
    for (let x = 0; x < width; x++, i += channels) {
      if (channels === 1) {
        const g = data[i] ?? 0;
        out[o++] = g;
        out[o++] = g;
        out[o++] = g;
      } else {
        out[o++] = data[i + 2] ?? 0;
        out[o++] = data[i + 1] ?? 0;
        out[o++] = data[i] ?? 0;
      }
    }
  }
  return out;
}
