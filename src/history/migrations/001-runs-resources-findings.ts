// Version 1 of the history schema: runs, each resource's state per run, findings per run. Portable types only
// (text, integer, double precision; a tri-state verdict is 1 / 0 / NULL; person counts are doubles, exact to 2^53,
// since an extrapolated estimate can pass PostgreSQL's 32-bit integer) so the same migration runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('accounts', 'text', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('shard_index', 'integer')
    .addColumn('shard_count', 'integer')
    .addColumn('bucket_filter', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('resources', 'integer', (c) => c.notNull())
    .addColumn('exposed', 'integer', (c) => c.notNull())
    .addColumn('critical', 'integer', (c) => c.notNull())
    .addColumn('high', 'integer', (c) => c.notNull())
    .addColumn('medium', 'integer', (c) => c.notNull())
    .addColumn('low', 'integer', (c) => c.notNull())
    .addColumn('info', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('runs_scanned_at').on('runs').column('scanned_at').execute();
  await db.schema
    .createTable('resource_states')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('read', 'integer')
    .addColumn('list', 'integer')
    .addColumn('write', 'integer')
    .addColumn('acl_write', 'integer')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('personal_data', 'integer')
    .addColumn('classes', 'text', (c) => c.notNull())
    .addColumn('persons_low', 'double precision')
    .addColumn('persons_high', 'double precision')
    .addColumn('persons_declared', 'double precision')
    .addPrimaryKeyConstraint('resource_states_pk', ['run_id', 'resource_id'])
    .execute();
  await db.schema.createIndex('resource_states_resource').on('resource_states').columns(['resource_id', 'run_id']).execute();
  await db.schema.createIndex('resource_states_name').on('resource_states').column('name').execute();
  await db.schema
    .createTable('findings')
    .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('findings_pk', ['run_id', 'finding_id'])
    .execute();
  await db.schema.createIndex('findings_finding').on('findings').column('finding_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('findings').execute();
  await db.schema.dropTable('resource_states').execute();
  await db.schema.dropTable('runs').execute();
}
