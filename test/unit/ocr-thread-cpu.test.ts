// The CPU clock of an OCR worker thread (src/data/ocr/thread-cpu.ts): the /proc stat line parsed, and on Linux a
// worker thread that names itself is found and its CPU time grows while it computes (not while it sleeps).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { cpuMsOfStat, findThread, ocrThreadName, threadCpuClock } from '../../src/data/ocr/thread-cpu.js';

const LINUX = existsSync('/proc/thread-self/comm');

describe('thread CPU clock', () => {
  test('user + system ticks of a stat line, in milliseconds; comm with spaces and parentheses; junk is null', () => {
    const rest = 'R 1234 1234 28982 0 -1 4194368 2352 0 0 0 412 37 0 0 20 0 12 0 2107826';
    assert.equal(cpuMsOfStat(`1248 (kocr-1) ${rest}`), 4490);
    assert.equal(cpuMsOfStat(`1248 (a b) (c)) ${rest}`), 4490);
    assert.equal(cpuMsOfStat('not a stat line'), null);
    assert.equal(cpuMsOfStat('1 (x) R 1 2'), null);
  });

  test('thread names fit the kernel limit of 15 characters', () => {
    assert.equal(ocrThreadName(3), 'kocr-3');
    assert.ok(ocrThreadName(Number.MAX_SAFE_INTEGER).length <= 15);
  });

  test('a worker that names itself is found; its CPU time grows while it computes, not while it sleeps', async () => {
    const source = `
      const { threadId, parentPort } = require('node:worker_threads');
      try { require('node:fs').writeFileSync('/proc/thread-self/comm', 'kocr-' + threadId); } catch {}
      parentPort.on('message', (m) => {
        if (m === 'spin') { const end = Date.now() + 400; let x = 0; while (Date.now() < end) x++; }
        if (m === 'sleep') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); }
        parentPort.postMessage('done');
      });
      parentPort.postMessage('ready');`;
    const worker = new Worker(source, { eval: true });
    const next = (): Promise<unknown> => new Promise((resolve) => worker.once('message', resolve));
    try {
      await next();
      const tid = findThread(ocrThreadName(worker.threadId));
      assert.equal(findThread('kocr-none'), null);
      if (!LINUX) {
        assert.equal(tid, null);
        return;
      }
      assert.ok(tid !== null, 'the named thread is found');
      const clock = threadCpuClock(tid);
      const t0 = clock() ?? NaN;
      worker.postMessage('sleep');
      await next();
      const t1 = clock() ?? NaN;
      worker.postMessage('spin');
      await next();
      const t2 = clock() ?? NaN;
      assert.ok(t1 - t0 <= 60, `sleeping used ${t1 - t0} ms of CPU`);
      // 400 ms of wall time spinning: at least some CPU even on a loaded machine, and never more than the wall time.
      assert.ok(t2 - t1 >= 10 && t2 - t1 <= 520, `spinning used ${t2 - t1} ms of CPU`);
    } finally {
      await worker.terminate();
    }
    if (LINUX) assert.equal(threadCpuClock(999_999_999)(), null);
  });
});
