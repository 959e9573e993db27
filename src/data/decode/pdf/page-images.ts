// The pictures of a PDF page as decoded pixels, for OCR of pages without a text layer (scans): the page's
// operator list names the images it paints (paintImageXObject, inline images), pdf.js decodes them (JPEG, Flate,
// JPX …) into page.objs / commonObjs, and they come out as gray, RGB or RGBA rows. The largest images only
// (a scan is one picture per page; logos and stamps are small); images above the pixel bound are never decoded
// (pdf.js maxImageSize).
import type { RawImage } from '../image-text.js';
import type { PdfJs } from './pdfjs.js';

/** Smallest picture worth reading (a scanned page is far larger; icons and rules are not text). */
const MIN_PIXELS = 64 * 64;
/** Images of a page handed on: the largest, and others at least half its size. */
const MAX_PER_PAGE = 2;

/** What pdf.js keeps for a decoded image. */
interface PdfjsImage {
  width: number;
  height: number;
  /** ImageKind: 1 = 1 bit gray (packed, 1 = white), 2 = RGB, 3 = RGBA. */
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

function objectOf(page: PdfPage, id: string, waitMs: number): Promise<PdfjsImage | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs);
    store.get(id, (v: unknown) => {
      clearTimeout(timer);
      resolve((v as PdfjsImage | null) ?? null);
    });
  });
}

/** pdf.js pixels → 1, 3 or 4 bytes per pixel; null for kinds it does not describe. */
export function toRawImage(img: PdfjsImage): RawImage | null {
  const { width, height, data, kind } = img;
  if (!data || width <= 0 || height <= 0) return null;
  if (kind === 2 && data.length >= width * height * 3) return { kind: 'raw', width, height, channels: 3, data: new Uint8Array(data.buffer, data.byteOffset, width * height * 3) };
  if (kind === 3 && data.length >= width * height * 4) return { kind: 'raw', width, height, channels: 4, data: new Uint8Array(data.buffer, data.byteOffset, width * height * 4) };
  if (kind === 1) {
    const stride = (width + 7) >> 3;
    if (data.length < stride * height) return null;
    const gray = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) gray[y * width + x] = ((data[y * stride + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { kind: 'raw', width, height, channels: 1, data: gray };
  }
  return null;
}

/** The page's largest painted images (decoded), largest first. */
export async function pageImages(lib: PdfJs, page: PdfPage, waitMs: number): Promise<RawImage[]> {
  const ops = await page.getOperatorList();
  const { OPS } = lib;
  const found: PdfjsImage[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.paintImageXObject || fn === OPS.paintImageXObjectRepeat) {
      const id = args?.[0];
      if (typeof id === 'string') ids.add(id);
    } else if (fn === OPS.paintInlineImageXObject && args?.[0] && typeof args[0] === 'object') {
      found.push(args[0] as PdfjsImage);
    }
  }
  for (const id of ids) {
    const img = await objectOf(page, id, waitMs);
    if (img) found.push(img);
  }
  const sized = found.filter((f) => f.width * f.height >= MIN_PIXELS).sort((a, b) => b.width * b.height - a.width * a.height);
  const largest = sized[0];
  if (!largest) return [];
  const out: RawImage[] = [];
  for (const img of sized) {
    if (out.length >= MAX_PER_PAGE || img.width * img.height < (largest.width * largest.height) / 2) break;
    const raw = toRawImage(img);
    if (raw) out.push(raw);
  }
  return out;
}

export type { PdfPage };
