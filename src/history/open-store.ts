// Opens the history store a --history value names: a path or sqlite:PATH → SQLite, postgres:// → PostgreSQL.
// The engine's driver is imported here, on first use, never at start-up. Every failure is a HistoryError whose
// message names the store with its password masked.
import type { Lang } from '../../reports/render/table.js';
import type { HistoryStore } from './store.js';
import { scrub, secretsOf, type HistoryTarget } from './target.js';

export type HistoryStage = 'open' | 'store' | 'read' | 'prune' | 'close';

const STAGE: Record<Lang, Record<HistoryStage, string>> = {
  en: { open: 'cannot open', store: 'cannot store the run', read: 'cannot read', prune: 'cannot prune', close: 'cannot close' },
  ja: { open: '開けません', store: '実行を保存できません', read: '読み取れません', prune: '古い実行を削除できません', close: '閉じられません' },
};

/** The history store could not be opened, read or written (exit 3 after a scan; the report is still written). */
export class HistoryError extends Error {
  override name = 'HistoryError';
  constructor(
    readonly label: string,
    readonly stage: HistoryStage,
    /** The driver's reason, secrets masked (technical text, as the driver gives it). */
    readonly reason: string,
  ) {
    super(`history ${label}: ${STAGE.en[stage]}: ${reason}`);
  }

  /** The message in `lang`: the stage translated, the driver's reason as it is. */
  text(lang: Lang): string {
    return lang === 'ja' ? `履歴 ${this.label}: ${STAGE.ja[this.stage]}: ${this.reason}` : this.message;
  }
}

/** Runs `body`, turning any failure into a HistoryError naming `target` with every secret masked. */
export async function guarded<T>(target: HistoryTarget, stage: HistoryStage, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof HistoryError) throw err;
    const e = err as { message?: unknown; code?: unknown; errors?: unknown };
    // pg reports a refused connection to every address as an AggregateError with an empty message.
    const inner = Array.isArray(e.errors) && e.errors.length > 0 ? (e.errors[0] as { message?: unknown }).message : undefined;
    const reason = [typeof e.message === 'string' && e.message !== '' ? e.message : inner, typeof e.code === 'string' ? `(${e.code})` : undefined].filter((s) => typeof s === 'string' && s !== '').join(' ') || String(err);
    throw new HistoryError(target.label, stage, scrub(reason.split('\n')[0] ?? '', secretsOf(target)));
  }
}

/** Wraps a store so every later call fails as a HistoryError too. */
function guardedStore(target: HistoryTarget, store: HistoryStore): HistoryStore {
  return {
    label: store.label,
    storeRun: (run) => guarded(target, 'store', () => store.storeRun(run)),
    listRuns: () => guarded(target, 'read', () => store.listRuns()),
    observations: (resource) => guarded(target, 'read', () => store.observations(resource)),
    resourceHistory: (resource) => guarded(target, 'read', () => store.resourceHistory(resource)),
    observationsByResource: (ids) => guarded(target, 'read', () => store.observationsByResource(ids)),
    trendInputs: () => guarded(target, 'read', () => store.trendInputs()),
    trendCounts: () => guarded(target, 'read', () => store.trendCounts()),
    pruneRuns: (before) => guarded(target, 'prune', () => store.pruneRuns(before)),
    close: () => guarded(target, 'close', () => store.close()),
  };
}

/** Opens (and migrates) the store of a parsed --history value (target.ts parseHistoryTarget). */
export async function openHistoryStore(target: HistoryTarget): Promise<HistoryStore> {
  const store = await guarded(target, 'open', async () => {
    if (target.engine === 'sqlite') return (await import('./sqlite.js')).openSqliteStore(target.path, target.label);
    return (await import('./postgres.js')).openPostgresStore(target.url, target.label);
  });
  return guardedStore(target, store);
}
