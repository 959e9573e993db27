// pdf.js (pdfjs-dist, Mozilla), loaded on the first PDF only: commands that read no PDF never pay its start-up.
// The legacy Node build runs in-process: its worker module is imported here and handed to pdf.js as the
// "fake worker" (nothing is fetched, no thread is started). CMaps (Japanese CID fonts without ToUnicode), the
// standard fonts' metrics and the wasm decoders are read from node_modules/pdfjs-dist through file paths, never
// from a URL; no font face is created, no code is generated from the PDF (isEvalSupported false).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocumentParams = Parameters<PdfJs['getDocument']>[0];

let loading: Promise<PdfJs> | null = null;

async function load(): Promise<PdfJs> {
  // A variable specifier: the worker module ships no type declarations and none are needed.
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  const worker = (await import(workerModule)) as { WorkerMessageHandler: unknown };
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** The pdf.js module (loaded once; a failed load is retried next time). */
export function pdfjs(): Promise<PdfJs> {
  if (loading === null) {
    loading = load();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

let root: string | null = null;

/** node_modules/pdfjs-dist/ (with a trailing slash). */
function packageRoot(): string {
  if (root === null) root = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;
  return root;
}

/** getDocument parameters: data in memory, local CMaps and fonts, nothing evaluated, no font faces, no network. */
export function documentParams(data: Uint8Array, maxImagePixels: number): PdfDocumentParams {
  const base = packageRoot();
  return {
    data,
    cMapUrl: join(base, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(base, 'standard_fonts/'),
    wasmUrl: join(base, 'wasm/'),
    iccUrl: join(base, 'iccs/'),
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: maxImagePixels,
    verbosity: 0,
  };
}
