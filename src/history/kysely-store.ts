// The history store on a kysely connection: the one code path both engines run (sqlite.ts and postgres.ts only
// make the connection). Migrates on open; writes a run in one transaction; reads runs and one resource's rows.
import { Migrator, PostgresAdapter, sql, type Kysely } from 'kysely';
import type { AppiClass } from '../data/types.js';
import { SEVERITIES, type Provider, type Severity, type Tri } from '../model.js';
import { migrationProvider } from './migrations/index.js';
import type { FindingRecord, HistoryStore, Observation, PruneResult, ResourceHistory, ResourceRecord, RunRecord, RunSummary, StoreResult, TrendCounts, TrendInput } from './store.js';
import { scopeKey } from './trend.js';
import { countStoredRun, countTrend, recountTrend } from './trend-counts.js';
import type { HistoryTables, ResourceStatesTable, RunsTable } from './tables.js';

/** Rows per INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH_ROWS = 500;

const tri = (v: Tri): number | null => (v === null ? null : v ? 1 : 0);
const fromTri = (v: number | null): Tri => (v === null ? null : v !== 0);

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) out.push(rows.slice(i, i + BATCH_ROWS));
  return out;
}

/** Runs the migrations not yet applied (kysely's own table records them; its lock serializes concurrent openers). */
export async function migrate(db: Kysely<HistoryTables>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (!error) return;
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  // No migration ran: the connection itself failed, and its error says why.
  if (failed === undefined) throw error;
  throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
}

const isExposed = (r: ResourceRecord): boolean => r.read === true || r.list === true || r.write === true || r.aclWrite === true;

export function exposedCount(resources: readonly ResourceRecord[]): number {
  return resources.filter(isExposed).length;
}

/** Exposed resources on which a sample found personal data (runs.exposed_personal). */
export function exposedPersonalCount(resources: readonly ResourceRecord[]): number {
  return resources.filter((r) => isExposed(r) && r.personalData === true).length;
}

function runRow(run: RunRecord, storedAt: string): RunsTable {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, run.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    id: run.id,
    provider: run.provider,
    accounts: JSON.stringify(run.accounts),
    scanned_at: run.scannedAt,
    stored_at: storedAt,
    version: run.version,
    shard_index: run.shard?.index ?? null,
    shard_count: run.shard?.count ?? null,
    bucket_filter: JSON.stringify(run.bucketFilter),
    source: run.source,
    complete: run.complete ? 1 : 0,
    errors: run.errors,
    resources: run.resources.length,
    exposed: exposedCount(run.resources),
    exposed_personal: exposedPersonalCount(run.resources),
    scope: scopeKey(run),
    // Counted once the run's findings are written (trend-counts.ts countStoredRun).
    new_findings: null,
    resolved_findings: null,
    ...bySeverity,
  };
}

function resourceRow(runId: string, r: ResourceRecord): ResourceStatesTable {
  return {
    run_id: runId,
    resource_id: r.resourceId,
    name: r.name,
    account: r.account,
    read: tri(r.read),
    list: tri(r.list),
    write: tri(r.write),
    acl_write: tri(r.aclWrite),
    evidence: JSON.stringify(r.evidence),
    errors: r.errors,
    personal_data: r.personalData === null ? null : r.personalData ? 1 : 0,
    classes: JSON.stringify(r.classes),
    persons_low: r.personsLow,
    persons_high: r.personsHigh,
    persons_declared: r.personsDeclared,
  };
}

function findingRow(runId: string, f: FindingRecord) {
  return { run_id: runId, finding_id: f.findingId, check_id: f.checkId, resource_id: f.resourceId, severity: f.severity };
}

function summaryOf(row: RunsTable): RunSummary {
  return {
    id: row.id,
    provider: row.provider as Provider,
    accounts: JSON.parse(row.accounts) as string[],
    scannedAt: row.scanned_at,
    storedAt: row.stored_at,
    version: row.version,
    shard: row.shard_index !== null && row.shard_count !== null ? { index: row.shard_index, count: row.shard_count } : null,
    bucketFilter: JSON.parse(row.bucket_filter) as string[],
    source: row.source === 'live' ? 'live' : 'snapshot',
    complete: row.complete !== 0,
    errors: row.errors,
    resources: row.resources,
    exposed: row.exposed,
    findings: { critical: row.critical, high: row.high, medium: row.medium, low: row.low, info: row.info },
  };
}

const OBSERVATION_COLUMNS = ['run_id', 'resource_id', 'name', 'account', 'read', 'list', 'write', 'acl_write', 'errors', 'personal_data', 'classes', 'persons_low', 'persons_high', 'persons_declared'] as const;

type ObservationColumns = Pick<ResourceStatesTable, (typeof OBSERVATION_COLUMNS)[number]>;

/** A run row with, when the run holds the resource, its row's columns prefixed `rs_` (resourceHistory's LEFT JOIN). */
type RunWithState = RunsTable & { [K in keyof ObservationColumns as `rs_${K}`]: ObservationColumns[K] | null };

function observationOf(row: ObservationColumns): Observation {
  return {
    runId: row.run_id,
    resourceId: row.resource_id,
    name: row.name,
    account: row.account,
    read: fromTri(row.read),
    list: fromTri(row.list),
    write: fromTri(row.write),
    aclWrite: fromTri(row.acl_write),
    errors: row.errors,
    personalData: row.personal_data === null ? null : row.personal_data !== 0,
    classes: JSON.parse(row.classes) as AppiClass[],
    personsLow: row.persons_low,
    personsHigh: row.persons_high,
    personsDeclared: row.persons_declared,
  };
}

export class KyselyHistoryStore implements HistoryStore {
  constructor(
    private readonly db: Kysely<HistoryTables>,
    readonly label: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeRun(run: RunRecord): Promise<StoreResult> {
    const storedAt = this.now().toISOString();
    const row = runRow(run, storedAt);
    const scope = row.scope ?? scopeKey(run);
    return this.db.transaction().execute(async (tx) => {
      // Two writers of one scope at once (PostgreSQL) count in turn: each sees the other's run (SQLite: one writer).
      if (this.db.getExecutor().adapter instanceof PostgresAdapter) await sql`SELECT pg_advisory_xact_lock(hashtext(${scope}))`.execute(tx);
      // ON CONFLICT DO NOTHING: a second writer of the same run (a retry, a rebuild) writes nothing.
      const inserted = await tx.insertInto('runs').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { runId: run.id, stored: false };
      for (const batch of chunks(run.resources)) await tx.insertInto('resource_states').values(batch.map((r) => resourceRow(run.id, r))).execute();
      for (const batch of chunks(run.findings)) await tx.insertInto('findings').values(batch.map((f) => findingRow(run.id, f))).execute();
      await countStoredRun(tx, { id: run.id, scannedAt: run.scannedAt, complete: run.complete, scope, findingIds: run.findings.map((f) => f.findingId) });
      return { runId: run.id, stored: true };
    });
  }

  async listRuns(): Promise<RunSummary[]> {
    const rows = await this.db.selectFrom('runs').selectAll().orderBy('scanned_at').orderBy('id').execute();
    return rows.map(summaryOf);
  }

  async observations(resource: string): Promise<Observation[]> {
    const query = (column: 'resource_id' | 'name') =>
      this.db
        .selectFrom('resource_states')
        .innerJoin('runs', 'runs.id', 'resource_states.run_id')
        .selectAll('resource_states')
        .where(`resource_states.${column}`, '=', resource)
        .orderBy('runs.scanned_at')
        .orderBy('runs.id')
        .execute();
    const byId = await query('resource_id');
    return (byId.length > 0 ? byId : await query('name')).map(observationOf);
  }

  async resourceHistory(resource: string): Promise<ResourceHistory> {
    // One statement: every run, each with the rows (by id or by name) it holds; the id match wins over the name.
    const stateColumns = sql.join(OBSERVATION_COLUMNS.map((c) => sql`rs.${sql.ref(c)} AS ${sql.ref(`rs_${c}`)}`));
    const { rows } = await sql<RunWithState>`WITH rs AS MATERIALIZED (SELECT * FROM resource_states WHERE resource_id = ${resource} OR name = ${resource})
      SELECT runs.*, ${stateColumns} FROM runs LEFT JOIN rs ON rs.run_id = runs.id ORDER BY runs.scanned_at, runs.id`.execute(this.db);
    const runs = new Map<string, RunSummary>();
    const states: ObservationColumns[] = [];
    for (const row of rows) {
      if (!runs.has(row.id)) runs.set(row.id, summaryOf(row));
      if (row.rs_run_id === null || row.rs_resource_id === null || row.rs_name === null || row.rs_account === null || row.rs_errors === null || row.rs_classes === null) continue;
      states.push({
        run_id: row.rs_run_id, resource_id: row.rs_resource_id, name: row.rs_name, account: row.rs_account, read: row.rs_read, list: row.rs_list, write: row.rs_write,
        acl_write: row.rs_acl_write, errors: row.rs_errors, personal_data: row.rs_personal_data, classes: row.rs_classes,
        persons_low: row.rs_persons_low, persons_high: row.rs_persons_high, persons_declared: row.rs_persons_declared,
      });
    }
    const byId = states.filter((s) => s.resource_id === resource);
    return { runs: [...runs.values()], observations: (byId.length > 0 ? byId : states).map(observationOf) };
  }

  async observationsByResource(resourceIds: readonly string[]): Promise<Map<string, Observation[]>> {
    const out = new Map<string, Observation[]>(resourceIds.map((id) => [id, []]));
    for (const batch of chunks([...new Set(resourceIds)])) {
      const rows = await this.db
        .selectFrom('resource_states')
        .innerJoin('runs', 'runs.id', 'resource_states.run_id')
        .selectAll('resource_states')
        .where('resource_states.resource_id', 'in', batch)
        .orderBy('runs.scanned_at')
        .orderBy('runs.id')
        .execute();
      for (const row of rows) out.get(row.resource_id)?.push(observationOf(row));
    }
    return out;
  }

  async trendCounts(): Promise<TrendCounts[]> {
    // One row per run: the counts were stored with the run (trend-counts.ts).
    const rows = await this.db.selectFrom('runs').selectAll().orderBy('scanned_at').orderBy('id').execute();
    const uncounted = rows.some((r) => r.new_findings === null) ? await countTrend(this.db) : undefined;
    return rows.map((r) => {
      const counted = uncounted?.get(r.id);
      return {
        run: summaryOf(r),
        newFindings: counted?.newFindings ?? r.new_findings ?? 0,
        resolvedFindings: counted ? counted.resolvedFindings : r.resolved_findings,
        exposedPersonal: r.exposed_personal ?? 0,
      };
    });
  }

  async trendInputs(): Promise<TrendInput[]> {
    const runs = await this.db.selectFrom('runs').selectAll().orderBy('scanned_at').orderBy('id').execute();
    const findings = await this.db.selectFrom('findings').select(['run_id', 'finding_id']).execute();
    const idsByRun = new Map<string, string[]>(runs.map((r) => [r.id, []]));
    // A run stored between the two reads has findings but no row above: it is left for the next trend.
    for (const f of findings) idsByRun.get(f.run_id)?.push(f.finding_id);
    return runs.map((r) => ({ run: summaryOf(r), findingIds: idsByRun.get(r.id) ?? [], exposedPersonal: r.exposed_personal ?? 0 }));
  }

  async pruneRuns(before: string): Promise<PruneResult> {
    return this.db.transaction().execute(async (tx) => {
      const old = tx.selectFrom('runs').select('id').where('scanned_at', '<', before);
      // Explicit deletes (not only ON DELETE CASCADE) so the counts say what went, on both engines alike.
      const findings = await tx.deleteFrom('findings').where('run_id', 'in', old).executeTakeFirst();
      const states = await tx.deleteFrom('resource_states').where('run_id', 'in', old).executeTakeFirst();
      const runs = await tx.deleteFrom('runs').where('scanned_at', '<', before).returningAll().execute();
      // The first runs left in a scope are now compared with fewer runs.
      if (runs.length > 0) await recountTrend(tx, null);
      const ordered = runs.map(summaryOf).sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : a.id < b.id ? -1 : 1));
      return { runs: ordered, resourceRows: Number(states.numDeletedRows), findingRows: Number(findings.numDeletedRows) };
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
