// Version 3 of the history schema: runs.scope, the scope a run speaks for (trend.ts scopeKey: cloud, accounts,
// shard, bucket filter), and runs.new_findings / runs.resolved_findings, the run's new and resolved findings counted
// when it is stored (trend-counts.ts), so `history trend` reads one row per run instead of every finding id of every
// run. Runs stored before it get their scope from their own columns and their counts from one SQL statement. The
// same statements run on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';
import { scopeKey } from '../trend.js';
import { recountTrend } from '../trend-counts.js';
import type { HistoryTables } from '../tables.js';

interface Row {
  id: string;
  provider: string;
  accounts: string;
  shard_index: number | null;
  shard_count: number | null;
  bucket_filter: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('scope', 'text').execute();
  await db.schema.alterTable('runs').addColumn('new_findings', 'integer').execute();
  await db.schema.alterTable('runs').addColumn('resolved_findings', 'integer').execute();
  const { rows } = await sql<Row>`SELECT id, provider, accounts, shard_index, shard_count, bucket_filter FROM runs`.execute(db);
  for (const r of rows) {
    const shard = r.shard_index !== null && r.shard_count !== null ? { index: r.shard_index, count: r.shard_count } : null;
    const scope = scopeKey({ provider: r.provider, accounts: JSON.parse(r.accounts) as string[], shard, bucketFilter: JSON.parse(r.bucket_filter) as string[] });
    await sql`UPDATE runs SET scope = ${scope} WHERE id = ${r.id}`.execute(db);
  }
  await db.schema.createIndex('runs_scope').on('runs').columns(['scope', 'scanned_at']).execute();
  await recountTrend(db as unknown as Kysely<HistoryTables>, null);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('runs_scope').execute();
  await db.schema.alterTable('runs').dropColumn('resolved_findings').execute();
  await db.schema.alterTable('runs').dropColumn('new_findings').execute();
  await db.schema.alterTable('runs').dropColumn('scope').execute();
}
