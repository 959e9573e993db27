// The script of an OCR worker thread (tesseract.js's `workerPath`): names its thread so the engine can read the
// thread's CPU time (./thread-cpu.ts), then runs tesseract.js's own Node worker script unchanged.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { ocrThreadName } from './thread-cpu.js';

try {
  writeFileSync('/proc/thread-self/comm', ocrThreadName(threadId));
} catch {
  // Not Linux (or /proc not mounted): the engine bounds the image by wall time instead.
}

createRequire(import.meta.url)('tesseract.js/src/worker-script/node/index.js');
