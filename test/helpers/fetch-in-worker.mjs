// Control for test/unit/ocr-offline.test.ts: a worker thread that tries the network (the poison must catch it).
import { isMainThread, Worker } from 'node:worker_threads';

if (isMainThread) {
  new Worker(new URL(import.meta.url));
} else {
  try {
    await fetch('http://127.0.0.1:9/');
  } catch {
    // denied
  }
}
