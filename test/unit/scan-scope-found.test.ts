// scope.found is logged as soon as the provider has listed what it will read (before the resources are read), and
// the snapshot is normalized once per scan (it was normalized a second time only to count the resources for the log).
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { ScanEvent } from '../../src/log/events.js';
import { packagePath } from '../../src/package-info.js';
import type { BaseSnapshot, CommonCollectOptions, ProviderAdapter } from '../../src/provider.js';
import { ADAPTERS } from '../../src/adapters.js';
import { scan } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';

const EXAMPLE = packagePath('examples', 'aws-hr-system.snapshot.json');
const original = ADAPTERS.aws as ProviderAdapter<BaseSnapshot>;

afterEach(() => {
  ADAPTERS.aws = original;
});

/** The AWS adapter with normalize counted and, for a live scan, a collect that lists, then reads 3 buckets. */
function instrumented(): { normalizeCalls: () => number; log: string[] } {
  let calls = 0;
  const log: string[] = [];
  ADAPTERS.aws = {
    ...original,
    normalize: (snapshot) => {
      calls++;
      return original.normalize(snapshot);
    },
    collect: async (_flags, common: CommonCollectOptions) => {
      common.onListed?.({ accounts: ['111122223333'], resources: 3 });
      log.push('listed');
      const snapshot = readSnapshotFile(EXAMPLE);
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        common.onResource?.(`bucket-${i}`, i + 1, 3, 0);
      }
      log.push('collected');
      return snapshot;
    },
  };
  return { normalizeCalls: () => calls, log };
}

describe('scope.found and one normalize', () => {
  test('a live scan logs scope.found right after the listing, before any resource is read', async () => {
    const spy = instrumented();
    const events: ScanEvent[] = [];
    const outcome = await scan({ provider: 'aws', failOn: 'none', sample: { mode: 'none' }, events: (e) => {
      events.push(e);
      spy.log.push(e.event);
    } });
    assert.deepEqual(spy.log.slice(0, 7), ['collect.start', 'scope.found', 'listed', 'resource.done', 'resource.done', 'resource.done', 'collected']);
    assert.deepEqual(events.find((e) => e.event === 'scope.found'), { event: 'scope.found', provider: 'aws', accounts: ['111122223333'], resources: 3 });
    assert.equal(events.filter((e) => e.event === 'scope.found').length, 1);
    assert.equal(spy.normalizeCalls(), 1);
    assert.equal(outcome.report.summary.resources, 3);
  });

  test('an offline scan logs scope.found from the snapshot, and normalizes it once', async () => {
    const spy = instrumented();
    const events: ScanEvent[] = [];
    const outcome = await scan({ input: EXAMPLE, failOn: 'none', events: (e) => events.push(e) });
    assert.deepEqual(events[0], { event: 'scope.found', provider: 'aws', accounts: ['111122223333'], resources: 3 });
    assert.deepEqual([...new Set(events.slice(1).map((e) => e.event))], ['error']);
    assert.equal(spy.normalizeCalls(), 1);
    assert.equal(outcome.report.summary.resources, 3);
  });
});
