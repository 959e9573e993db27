// Version 2 of the history schema: runs.exposed_personal, the run's resources open to anyone (any capability) on
// which a sample found personal data, so `history trend` reads one row per run instead of every resource state.
// Runs stored before it are counted from their resource_states. The same statements run on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('runs').addColumn('exposed_personal', 'integer').execute();
  await sql`UPDATE runs SET exposed_personal = (SELECT count(*) FROM resource_states s WHERE s.run_id = runs.id AND s.personal_data = 1 AND (s."read" = 1 OR s."list" = 1 OR s."write" = 1 OR s.acl_write = 1))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('runs').dropColumn('exposed_personal').execute();
}
