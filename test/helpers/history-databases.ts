// The two history engines for e2e tests: a temporary folder (SQLite files) and a real PostgreSQL (postgres.ts),
// started before the file's tests and removed after; `engines` gives each test a fresh, empty history on either.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '../../src/history/store.js';
import { createDatabase, startPostgres, type RunningPostgres } from './postgres.js';

export interface HistoryEngine {
  name: 'SQLite' | 'PostgreSQL';
  /** A fresh, empty history for one test (a file path or a postgres:// URL). */
  fresh(label: string): Promise<string>;
}

export interface HistoryDatabases {
  /** The folder and the server, once started (await it in a `before` hook of the test file). */
  ready: Promise<{ dir: string; pg: RunningPostgres }>;
  engines: HistoryEngine[];
}

/** Registers the hooks that start and remove the folder and the server (call at the top of a test file). */
export function useHistoryDatabases(prefix: string): HistoryDatabases {
  const state = {} as { dir: string; pg: RunningPostgres };
  let started!: (value: typeof state) => void;
  let failed!: (err: unknown) => void;
  const ready = new Promise<typeof state>((resolve, reject) => {
    started = resolve;
    failed = reject;
  });
  // Never an unhandled rejection: the hook below fails the file when the server cannot start.
  ready.catch(() => undefined);
  before(async () => {
    try {
      state.dir = mkdtempSync(join(tmpdir(), prefix));
      state.pg = await startPostgres();
      started(state);
    } catch (err) {
      failed(err);
      throw err;
    }
  });
  after(() => {
    state.pg?.stop();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    ready,
    engines: [
      { name: 'SQLite', fresh: async (label) => join(state.dir, `${label}.db`) },
      { name: 'PostgreSQL', fresh: async (label) => createDatabase(state.pg, label.replace(/[^a-z0-9]/gi, '_').toLowerCase()) },
    ],
  };
}

/** A stored run as `history runs` lists it, for the pure history tests: one complete AWS run, no finding by default. */
export function runSummary(id: string, scannedAt: string, opts: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    provider: 'aws',
    accounts: ['111122223333'],
    scannedAt,
    storedAt: '2026-12-01T00:00:00.000Z',
    version: '0.1.0',
    shard: null,
    bucketFilter: [],
    source: 'snapshot',
    complete: true,
    errors: 0,
    resources: 1,
    exposed: 0,
    findings: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    ...opts,
  };
}
