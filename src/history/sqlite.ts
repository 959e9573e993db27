// The SQLite history store: one file, embedded (better-sqlite3). Loaded only when --history names a file.
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyHistoryStore, migrate } from './kysely-store.js';
import type { HistoryTables } from './tables.js';

/** How long a statement waits for another writer's lock before it fails (SQLite busy_timeout). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export async function openSqliteStore(path: string, label: string): Promise<KyselyHistoryStore> {
  const { default: Database } = await import('better-sqlite3');
  const database = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    const db = new Kysely<HistoryTables>({ dialect: new SqliteDialect({ database }) });
    // kysely takes no migration lock on SQLite: two processes opening a new file at once would both create the
    // tables. The write lock (waiting up to the busy time-out) makes the second see the first's migrations.
    database.exec('BEGIN IMMEDIATE');
    try {
      await migrate(db);
      database.exec('COMMIT');
    } finally {
      if (database.inTransaction) database.exec('ROLLBACK');
    }
    return new KyselyHistoryStore(db, label);
  } catch (err) {
    database.close();
    throw err;
  }
}
