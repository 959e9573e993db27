// The OCR engine: tesseract.js workers (worker threads) reading Japanese with the trained data of the
// `@tesseract.js-data/jpn` package from node_modules. Never a download, never a cache file: `langPath` is the
// package's folder, `cacheMethod: 'none'`, images are passed as bytes (never as a path or URL). tesseract.js is
// imported lazily, on the first image, so commands without images never load it. A small pool (one worker a core,
// at most 2 by default), created on demand; a worker that overruns an image's time is terminated and replaced.
// An image is bounded in CPU time of its worker thread (./thread-cpu.ts; Linux), so a busy machine does not stop a
// page the engine reads in time, and by a wall time well above it as a safety net; where the thread's CPU time
// cannot be read, by wall time at the CPU limit.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findThread, ocrThreadName, threadCpuClock, type CpuClock } from './thread-cpu.js';

/** One recognized line: its text as the engine gave it (not normalized) and its confidence 0–100. */
export interface OcrLine {
  text: string;
  confidence: number;
}

export interface OcrResult {
  lines: OcrLine[];
  /** Mean confidence 0–100 of the page. */
  confidence: number;
  /** CPU milliseconds the worker thread spent on the image; null where it cannot be measured. */
  cpuMs: number | null;
}

/** How long one recognition may run: CPU time of its worker thread, and wall time (the safety net). */
export interface OcrTimeLimit {
  cpuMs: number;
  wallMs: number;
}

/**
 * How the engine turns the picture into black and white before reading it: `global` (Otsu over the whole picture,
 * Tesseract's default) or `adaptive` (Sauvola: a threshold per neighbourhood, which keeps large digits whole on a
 * noisy card where the global threshold breaks them into kana: `4505` read as `オ505`).
 */
export type Thresholding = 'global' | 'adaptive';

/** Tesseract's `thresholding_method` for each. */
const THRESHOLDING_METHOD: Readonly<Record<Thresholding, string>> = { global: '0', adaptive: '2' };

/** What the reader needs of an engine (tests use stand-ins). */
export interface OcrEngine {
  /**
   * Recognizes one image (bytes of a format Leptonica decodes); rejects with OcrTimeout once it has used
   * `limit.cpuMs` of CPU or `limit.wallMs` of wall time. `thresholding`: default `global`.
   */
  recognize(image: Uint8Array, limit: OcrTimeLimit, thresholding?: Thresholding): Promise<OcrResult>;
  /** Terminates every worker (the process can exit). */
  close(): Promise<void>;
}

/** Which limit an image overran: its CPU time, or the wall time. */
export type OcrClock = 'cpu' | 'wall';

export class OcrTimeout extends Error {
  constructor(
    readonly ms: number,
    readonly clock: OcrClock = 'wall',
  ) {
    super(`OCR took longer than ${ms} ms of ${clock === 'cpu' ? 'CPU' : 'wall'} time`);
    this.name = 'OcrTimeout';
  }
}

/** How often a running recognition's CPU time is read (ms). */
const CPU_POLL_MS = 200;

/**
 * The trained-data variant: `4.0.0_best_int` (tessdata_best converted to integers, 2 MB) reads the card fixtures
 * better and faster than `4.0.0` (16 MB, which returns digits as circled numbers and misses labels): see
 * docs/benchmarks.md, "OCR".
 */
export const JPN_DATA_VARIANT = '4.0.0_best_int';

/** The folder of the trained data inside the installed `@tesseract.js-data/jpn` package. */
export function trainedDataPath(variant: string = JPN_DATA_VARIANT): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/jpn/package.json')), variant);
}

export interface EngineOptions {
  /** Workers at most (default: one per core, at most 2). */
  workers?: number;
  /** Trained-data variant folder of @tesseract.js-data/jpn (default JPN_DATA_VARIANT). */
  variant?: string;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** The worker thread's script: ./worker-thread.ts, which names its thread and runs tesseract.js's own. */
export const WORKER_SCRIPT = fileURLToPath(new URL('./worker-thread.js', import.meta.url));

/** The options given to tesseract.js: local trained data, no cache, no logger (exported for the no-network test). */
export function workerOptions(variant: string = JPN_DATA_VARIANT): { langPath: string; cacheMethod: 'none'; gzip: true; workerPath: string } {
  return { langPath: trainedDataPath(variant), cacheMethod: 'none', gzip: true, workerPath: WORKER_SCRIPT };
}

type TesseractModule = typeof import('tesseract.js');
type TWorker = Awaited<ReturnType<TesseractModule['createWorker']>>;

interface Slot {
  worker: TWorker;
  /** CPU time of its thread; null where it cannot be read (the image is then bounded by wall time). */
  cpu: CpuClock | null;
  busy: boolean;
  /** The thresholding its parameters are set to. */
  thresholding: Thresholding;
}

/** A pool of tesseract.js workers, created lazily. */
export class TesseractEngine implements OcrEngine {
  private readonly max: number;
  private readonly variant: string;
  private readonly slots: Slot[] = [];
  private starting = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;
  private module: Promise<TesseractModule> | null = null;

  constructor(opts: EngineOptions = {}) {
    this.max = Math.max(1, opts.workers ?? defaultWorkers());
    this.variant = opts.variant ?? JPN_DATA_VARIANT;
  }

  /** Workers alive now (tests: 0 before the first image and after close). */
  get size(): number {
    return this.slots.length;
  }

  private async load(): Promise<TesseractModule> {
    this.module ??= import('tesseract.js').then((m) => ((m as { default?: TesseractModule }).default ?? m) as TesseractModule);
    return this.module;
  }

  private async spawn(): Promise<Slot> {
    const t = await this.load();
    const worker = await t.createWorker('jpn', t.OEM.LSTM_ONLY, workerOptions(this.variant));
    // A resolution guess is printed on stderr without it (photos carry no dpi).
    await worker.setParameters({ user_defined_dpi: '300' });
    return { worker, cpu: cpuClockOf(worker), busy: true, thresholding: 'global' };
  }

  /** A free worker (a new one while the pool has room), or wait for one. */
  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new Error('OCR engine closed');
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      if (this.slots.length + this.starting < this.max) {
        this.starting++;
        try {
          const slot = await this.spawn();
          if (this.closed) {
            await slot.worker.terminate().catch(() => undefined);
            throw new Error('OCR engine closed');
          }
          this.slots.push(slot);
          return slot;
        } finally {
          this.starting--;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  private async drop(slot: Slot): Promise<void> {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    await slot.worker.terminate().catch(() => undefined);
    this.waiting.shift()?.();
  }

  async recognize(image: Uint8Array, limit: OcrTimeLimit, thresholding: Thresholding = 'global'): Promise<OcrResult> {
    const slot = await this.acquire();
    const cpu = slot.cpu;
    const startCpu = cpu?.() ?? null;
    const used = (): number | null => {
      const now = startCpu === null ? null : (cpu?.() ?? null);
      return now === null || startCpu === null ? null : now - startCpu;
    };
    // Without a CPU clock the CPU limit is applied to wall time.
    const wallMs = startCpu === null ? Math.min(limit.cpuMs, limit.wallMs) : limit.wallMs;
    let wallTimer: NodeJS.Timeout | undefined;
    let cpuTimer: NodeJS.Timeout | undefined;
    const overrun = new Promise<never>((_, reject) => {
      wallTimer = setTimeout(() => reject(new OcrTimeout(wallMs, 'wall')), Math.max(1, wallMs));
      if (startCpu !== null) {
        cpuTimer = setInterval(() => {
          const ms = used();
          if (ms !== null && ms >= limit.cpuMs) reject(new OcrTimeout(limit.cpuMs, 'cpu'));
        }, CPU_POLL_MS);
      }
    });
    try {
      const buf = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      // A worker keeps the method of its previous image: set only when it changes.
      const method = slot.thresholding === thresholding ? Promise.resolve() : slot.worker.setParameters({ thresholding_method: THRESHOLDING_METHOD[thresholding] } as Parameters<TWorker['setParameters']>[0]);
      slot.thresholding = thresholding;
      const run = method.then(() => slot.worker.recognize(buf, {}, { text: true, blocks: true }));
      const r = await Promise.race([run, overrun]);
      const cpuMs = used();
      this.release(slot);
      return resultOf(r.data, cpuMs);
    } catch (err) {
      // A timed-out or failed worker may be in any state: replaced by a fresh one on the next image.
      await this.drop(slot);
      throw err instanceof Error ? err : new Error(String(err));
    } finally {
      clearTimeout(wallTimer);
      clearInterval(cpuTimer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const w of this.waiting.splice(0)) w();
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}

interface PageLike {
  confidence: number;
  text: string;
  blocks: { paragraphs: { lines: { text: string; confidence: number }[] }[] }[] | null;
}

/** The CPU clock of a tesseract.js worker's thread, found by the name its script gave it; null if not found. */
function cpuClockOf(worker: TWorker): CpuClock | null {
  const threadId = (worker as { worker?: { threadId?: unknown } }).worker?.threadId;
  if (typeof threadId !== 'number') return null;
  const tid = findThread(ocrThreadName(threadId));
  return tid === null ? null : threadCpuClock(tid);
}

function resultOf(page: PageLike, cpuMs: number | null): OcrResult {
  const lines: OcrLine[] = [];
  if (page.blocks) {
    for (const b of page.blocks) for (const p of b.paragraphs) for (const l of p.lines) if (l.text.trim() !== '') lines.push({ text: l.text.replace(/\n+$/, ''), confidence: l.confidence });
  } else {
    for (const t of page.text.split('\n')) if (t.trim() !== '') lines.push({ text: t, confidence: page.confidence });
  }
  return { lines, confidence: page.confidence, cpuMs };
}
