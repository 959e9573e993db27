// The adaptive concurrency limit: never more tasks at once than the limit, halved on throttling (once per
// cool-down), raised by one per `limit` finished tasks, and no task lost.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { adaptiveLimiter } from '../../src/adaptive-concurrency.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('adaptiveLimiter', () => {
  test('runs at most `limit` tasks at once and every task, in order', async () => {
    const limiter = adaptiveLimiter(3);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          order.push(i);
          peak = Math.max(peak, ++active);
          await tick();
          active--;
          return i * 2;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(order, Array.from({ length: 20 }, (_, i) => i));
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i * 2));
  });

  test('throttling halves the limit once per cool-down, down to the minimum, and finished tasks raise it back', async () => {
    let now = 0;
    const limiter = adaptiveLimiter(16, { coolDownMs: 1000, now: () => now });
    limiter.throttled();
    limiter.throttled(); // same burst: no second cut
    assert.equal(limiter.limit, 8);
    now = 1000;
    limiter.throttled();
    assert.equal(limiter.limit, 4);
    for (let i = 0; i < 5; i++) {
      now += 1000;
      limiter.throttled();
    }
    assert.deepEqual([limiter.limit, limiter.lowest, limiter.cuts], [1, 1, 7]);
    // additive increase: after 1 task the limit is 2, after 2 more 3, after 3 more 4 …
    const limits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await limiter.run(async () => undefined);
      limits.push(limiter.limit);
    }
    assert.deepEqual(limits, [2, 2, 3, 3, 3, 4, 4, 4, 4, 5]);
  });

  test('a cut while tasks run holds new tasks back until fewer than the new limit run', async () => {
    const limiter = adaptiveLimiter(4);
    const releases: (() => void)[] = [];
    let started = 0;
    const tasks = Array.from({ length: 6 }, () =>
      limiter.run(
        () =>
          new Promise<void>((resolve) => {
            started++;
            releases.push(resolve);
          }),
      ),
    );
    await tick();
    assert.equal(started, 4);
    limiter.throttled(); // limit 2: 4 running, none may start until only 1 runs
    releases.shift()?.();
    releases.shift()?.();
    await tick();
    await tick();
    assert.equal(started, 4);
    releases.shift()?.();
    await tick();
    await tick();
    assert.equal(started, 5);
    while (releases.length > 0 || started < 6) {
      releases.shift()?.();
      await tick();
    }
    await Promise.all(tasks);
    assert.equal(started, 6);
  });

  test('a failing task frees its slot and rejects', async () => {
    const limiter = adaptiveLimiter(1);
    await assert.rejects(limiter.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });
});
