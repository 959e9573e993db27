// The PostgreSQL history store (pg): credentials from the URL or the usual PG* variables (libpq's names), every
// call bounded (connect, statement and query time-outs). Loaded only when --history is a postgres:// URL.
import { Kysely, PostgresDialect } from 'kysely';
import { KyselyHistoryStore, migrate } from './kysely-store.js';
import type { HistoryTables } from './tables.js';

export const PG_CONNECT_TIMEOUT_MS = 10_000;
export const PG_STATEMENT_TIMEOUT_MS = 30_000;

export async function openPostgresStore(url: string, label: string): Promise<KyselyHistoryStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    statement_timeout: PG_STATEMENT_TIMEOUT_MS,
    query_timeout: PG_STATEMENT_TIMEOUT_MS + 1_000,
    idle_in_transaction_session_timeout: PG_STATEMENT_TIMEOUT_MS,
    application_name: 'kumoscan',
  });
  // An idle client's network error must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<HistoryTables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return new KyselyHistoryStore(db, label);
}
