// Decoded pixels (a PDF page image: RawImage) as a file the engine's Leptonica reads. PNM (binary PGM for gray,
// PPM for colour: a text header, then the rows as they are) is what the reader hands over: tesseract.js converts any
// BMP it is given through a JavaScript copy that enumerates every byte as an object property (14 s of CPU and
// gigabytes for one 200 dpi A4 page; above about 8 million bytes it fails with "Too many properties to enumerate"),
// while other formats go to Leptonica as they are. Pure.
import type { RawImage } from '../decode/image-text.js';

/** A binary PGM (1 channel) or PPM (3 or 4 channels: alpha dropped) of the pixels. Throws on inconsistent dimensions. */
export function encodePnm(img: RawImage): Buffer {
  const { width, height, channels, data } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error('bad image dimensions');
  if (data.length < width * height * channels) throw new Error('pixel data shorter than width × height × channels');
  const header = Buffer.from(`${channels === 1 ? 'P5' : 'P6'}\n${width} ${height}\n255\n`, 'latin1');
  if (channels === 1) return Buffer.concat([header, data.subarray(0, width * height)]);
  const out = Buffer.alloc(header.length + width * height * 3);
  header.copy(out);
  for (let i = 0, o = header.length; o < out.length; i += channels) {
    out[o++] = data[i] ?? 0;
    out[o++] = data[i + 1] ?? 0;
    out[o++] = data[i + 2] ?? 0;
  }
  return out;
}
