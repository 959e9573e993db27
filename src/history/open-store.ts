// Opens the history store a --history value names: a path or sqlite:PATH → SQLite, postgres:// → PostgreSQL.
// The engine's driver is imported here, on first use, never at start-up. Every failure is a HistoryError whose
// message names the store with its password masked.
import type { HistoryStore } from './store.js';
import { scrub, secretsOf, type HistoryTarget } from './target.js';

/** The history store could not be opened, read or written (exit 3 after a scan; the report is still written). */
export class HistoryError extends Error {
  override name = 'HistoryError';
}

/** Runs `body`, turning any failure into a HistoryError naming `target` with every secret masked. */
export async function guarded<T>(target: HistoryTarget, what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof HistoryError) throw err;
    const e = err as { message?: unknown; code?: unknown; errors?: unknown };
    // pg reports a refused connection to every address as an AggregateError with an empty message.
    const inner = Array.isArray(e.errors) && e.errors.length > 0 ? (e.errors[0] as { message?: unknown }).message : undefined;
    const reason = [typeof e.message === 'string' && e.message !== '' ? e.message : inner, typeof e.code === 'string' ? `(${e.code})` : undefined].filter((s) => typeof s === 'string' && s !== '').join(' ') || String(err);
    throw new HistoryError(scrub(`history ${target.label}: ${what}: ${reason.split('\n')[0] ?? ''}`, secretsOf(target)));
  }
}

/** Wraps a store so every later call fails as a HistoryError too. */
function guardedStore(target: HistoryTarget, store: HistoryStore): HistoryStore {
  return {
    label: store.label,
    storeRun: (run) => guarded(target, 'cannot store the run', () => store.storeRun(run)),
    listRuns: () => guarded(target, 'cannot read the runs', () => store.listRuns()),
    observations: (resource) => guarded(target, 'cannot read the resource', () => store.observations(resource)),
    close: () => guarded(target, 'cannot close', () => store.close()),
  };
}

/** Opens (and migrates) the store of a parsed --history value (target.ts parseHistoryTarget). */
export async function openHistoryStore(target: HistoryTarget): Promise<HistoryStore> {
  const store = await guarded(target, 'cannot open', async () => {
    if (target.engine === 'sqlite') return (await import('./sqlite.js')).openSqliteStore(target.path, target.label);
    return (await import('./postgres.js')).openPostgresStore(target.url, target.label);
  });
  return guardedStore(target, store);
}
