// Sampling: which objects are read (spread over prefixes, newest first, no archives), within which bounds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ObjectInfo, ObjectReader } from '../../src/data/object-reader.js';
import { planSample } from '../../src/data/sample-plan.js';
import { ByteBudget, sampleResource, type Classifiers } from '../../src/data/sample.js';
import type { DataProfile, FileProfile } from '../../src/data/types.js';

const obj = (key: string, day: number, extra: Partial<ObjectInfo> = {}): ObjectInfo => ({ key, size: 100, lastModified: `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`, ...extra });

describe('planSample', () => {
  test('round-robin across top-level prefixes, newest first in each', () => {
    const listing = [
      ...Array.from({ length: 30 }, (_, i) => obj(`exports/e${String(i).padStart(2, '0')}.csv`, 1 + (i % 28))),
      obj('id-cards/a.jpg', 3),
      obj('id-cards/b.pdf', 9),
      obj('readme.txt', 1),
    ];
    const plan = planSample(listing, 5);
    assert.deepEqual(plan.objects.map((o) => o.key), ['readme.txt', 'exports/e27.csv', 'id-cards/b.pdf', 'exports/e26.csv', 'id-cards/a.jpg']);
    assert.deepEqual(plan.objects.map((o) => o.how), ['read', 'read', 'read', 'read', 'name']);
  });
  test('archive classes are skipped with the reason; folders and empty objects are ignored', () => {
    const plan = planSample([obj('a/old.csv', 1, { storageClass: 'DEEP_ARCHIVE' }), obj('a/', 2), obj('a/empty.csv', 3, { size: 0 }), obj('a/x.csv', 4, { storageClass: 'STANDARD' }), obj('b/y.csv', 5, { storageClass: 'Archive' })], 10);
    assert.deepEqual(plan.objects.map((o) => o.key), ['a/x.csv']);
    assert.deepEqual(plan.skipped, [
      { key: 'a/old.csv', reason: 'archive storage class DEEP_ARCHIVE' },
      { key: 'b/y.csv', reason: 'archive storage class Archive' },
    ]);
  });
  test('never more than asked', () => {
    assert.equal(planSample(Array.from({ length: 100 }, (_, i) => obj(`p${i}/f.csv`, 1)), 7).objects.length, 7);
  });
});

function fakeReader(objects: ObjectInfo[], pageSize = 2): ObjectReader & { reads: { key: string; maxBytes: number }[] } {
  const reads: { key: string; maxBytes: number }[] = [];
  return {
    reads,
    list: async ({ next, max }) => {
      const start = next ? Number(next) : 0;
      const end = Math.min(objects.length, start + Math.min(pageSize, max));
      return { objects: objects.slice(start, end), prefixes: [], ...(end < objects.length ? { next: String(end) } : {}) };
    },
    read: async (key, { maxBytes }) => {
      reads.push({ key, maxBytes });
      if (key.includes('denied')) throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
      return new Uint8Array(Math.min(maxBytes, 100));
    },
    close: () => undefined,
  };
}

const profileOf = (path: string): FileProfile => ({ path, encoding: 'utf-8', format: 'csv', bytesRead: 0, truncated: false, notes: [], detections: [], persons: { distinct: 0, basis: 'none' }, classes: [] });

const classifiers: Classifiers = {
  classifyBytes: async (bytes, meta) => ({ ...profileOf(meta.key), bytesRead: bytes.length, truncated: meta.truncated }),
  classifyName: (key) => ({ ...profileOf(key), format: 'image' }),
  profile: (files, ctx): DataProfile => ({
    sampled: { objects: files.length, bytes: files.reduce((n, f) => n + f.bytesRead, 0), skipped: ctx.skipped },
    objectsListed: ctx.objectsListed,
    listingComplete: ctx.listingComplete,
    personalData: false,
    classes: [],
    detections: [],
    persons: { sampled: 0, estimate: { low: 0, high: 0, basis: 'test' }, over1000: false, ...(ctx.declared !== undefined ? { declared: ctx.declared } : {}) },
    examples: [],
  }),
};

describe('sampleResource', () => {
  const limits = { objectsPerResource: 3, bytesPerObject: 60, bytesPerScan: 1000, msPerObject: 1000, listLimit: 5 };

  test('lists page by page up to the list limit, reads at most bytesPerObject of each planned object', async () => {
    const reader = fakeReader([obj('a/1.csv', 1), obj('b/2.csv', 2), obj('c/3.csv', 3), obj('d/4.csv', 4), obj('e/5.csv', 5), obj('f/6.csv', 6)]);
    const out = await sampleResource(reader, limits, new ByteBudget(1000), classifiers, 1500);
    assert.equal(out.profile?.objectsListed, 5);
    assert.equal(out.profile?.listingComplete, false);
    assert.equal(out.profile?.sampled.objects, 3);
    assert.deepEqual(reader.reads.map((r) => r.maxBytes), [60, 60, 60]);
    assert.equal(out.profile?.persons.declared, 1500);
  });

  test('the scan byte budget is shared and stops reads when spent; a denied read is skipped with its reason', async () => {
    const budget = new ByteBudget(100);
    const reader = fakeReader([obj('a/denied.csv', 3), obj('b/ok.csv', 2), obj('c/late.csv', 1)]);
    const out = await sampleResource(reader, limits, budget, classifiers);
    assert.deepEqual(out.profile?.sampled.skipped, [
      { key: 'a/denied.csv', reason: 'read failed (AccessDenied: Access Denied)' },
      { key: 'c/late.csv', reason: 'scan byte budget spent' },
    ]);
    assert.equal(budget.left, 0);
  });

  test('a listing that fails gives no profile and the reason', async () => {
    const reader: ObjectReader = { list: async () => Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDenied' })), read: async () => new Uint8Array(0), close: () => undefined };
    assert.deepEqual(await sampleResource(reader, limits, new ByteBudget(10), classifiers), { profile: null, error: 'listing failed (AccessDenied: denied)' });
  });
});
