// `history trend`'s new and resolved findings, counted once when a run is stored and kept on its row
// (runs.new_findings / runs.resolved_findings, migration 003), so the trend reads one row per run. The rule is
// trend.ts trendRows: a run is compared with the earlier runs of its scope (runs.scope); the findings open before run
// R are those of the last complete run before R and of every run after it; a partial run resolves nothing (null).
// The newest run of a scope is counted from the finding ids of those few runs; a run stored before a later one of
// its scope (a rebuild from old snapshots), a prune and the migration recount the scope with one SQL statement.
import { sql, type Kysely } from 'kysely';
import type { HistoryTables } from './tables.js';

type Db = Kysely<HistoryTables>;

interface Counted {
  id: string;
  new_findings: number | string;
  resolved_findings: number | string | null;
}

/**
 * The counts of every run (of one scope) in one statement. Runs are numbered within their scope (pos). A finding of
 * R is new unless its previous sighting in the scope (prev_pos) is at or after the last complete run before R. A
 * sighting at pos p is resolved by the first complete run after p (next_complete) unless the finding is seen again
 * by then (next_pos): each finding is counted once, at its last sighting before that run.
 */
async function countScope(db: Db, scope: string | null): Promise<Counted[]> {
  const only = scope === null ? sql`` : sql`WHERE scope = ${scope}`;
  const { rows } = await sql<Counted>`
    WITH ordered AS (
      SELECT id, scope, complete, ROW_NUMBER() OVER (PARTITION BY scope ORDER BY scanned_at, id) AS pos FROM runs ${only}
    ), bounds AS (
      SELECT id, scope, complete, pos,
        MAX(CASE WHEN complete <> 0 THEN pos END) OVER (PARTITION BY scope ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_complete,
        MIN(CASE WHEN complete <> 0 THEN pos END) OVER (PARTITION BY scope ORDER BY pos ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_complete
      FROM ordered
    ), seen AS MATERIALIZED (
      SELECT b.id, b.scope, b.last_complete, b.next_complete,
        LAG(b.pos) OVER (PARTITION BY b.scope, f.finding_id ORDER BY b.pos) AS prev_pos,
        LEAD(b.pos) OVER (PARTITION BY b.scope, f.finding_id ORDER BY b.pos) AS next_pos
      FROM findings f JOIN bounds b ON b.id = f.run_id
    ), added AS (
      SELECT id, count(*) AS n FROM seen WHERE prev_pos IS NULL OR prev_pos < last_complete GROUP BY id
    ), gone AS (
      SELECT scope, next_complete AS pos, count(*) AS n FROM seen
      WHERE next_complete IS NOT NULL AND (next_pos IS NULL OR next_pos > next_complete) GROUP BY scope, next_complete
    )
    SELECT b.id, COALESCE(added.n, 0) AS new_findings, CASE WHEN b.complete <> 0 THEN COALESCE(gone.n, 0) END AS resolved_findings
    FROM bounds b LEFT JOIN added ON added.id = b.id LEFT JOIN gone ON gone.scope = b.scope AND gone.pos = b.pos`.execute(db);
  return rows;
}

/** Every run's counts, read only (for rows a migration could not count; never expected after migration 003). */
export async function countTrend(db: Db): Promise<Map<string, { newFindings: number; resolvedFindings: number | null }>> {
  return new Map((await countScope(db, null)).map((r) => [r.id, { newFindings: Number(r.new_findings), resolvedFindings: r.resolved_findings === null ? null : Number(r.resolved_findings) }]));
}

async function save(db: Db, id: string, newFindings: number, resolvedFindings: number | null): Promise<void> {
  await db.updateTable('runs').set({ new_findings: newFindings, resolved_findings: resolvedFindings }).where('id', '=', id).execute();
}

/** Recounts every run of `scope` (null: of every scope) and stores the counts (inside the caller's transaction). */
export async function recountTrend(db: Db, scope: string | null): Promise<void> {
  for (const r of await countScope(db, scope)) await save(db, r.id, Number(r.new_findings), r.resolved_findings === null ? null : Number(r.resolved_findings));
}

/** Counts a run just stored (inside the storing transaction, its row and findings written, `runs.scope` set). */
export async function countStoredRun(db: Db, run: { id: string; scannedAt: string; complete: boolean; scope: string; findingIds: readonly string[] }): Promise<void> {
  const after = (op: '<' | '>') => sql<boolean>`(scanned_at ${sql.raw(op)} ${run.scannedAt} OR (scanned_at = ${run.scannedAt} AND id ${sql.raw(op)} ${run.id}))`;
  const later = await db.selectFrom('runs').select('id').where('scope', '=', run.scope).where(after('>')).limit(1).executeTakeFirst();
  // Stored before a later run of its scope: the later runs' counts change too.
  if (later) return recountTrend(db, run.scope);
  const before = await db.selectFrom('runs').select(['id', 'complete']).where('scope', '=', run.scope).where(after('<')).orderBy('scanned_at', 'desc').orderBy('id', 'desc').execute();
  const last = before.findIndex((r) => r.complete !== 0);
  const since = (last < 0 ? before : before.slice(0, last + 1)).map((r) => r.id);
  const open = new Set<string>();
  for (let i = 0; i < since.length; i += 500) {
    const rows = await db.selectFrom('findings').select('finding_id').where('run_id', 'in', since.slice(i, i + 500)).execute();
    for (const f of rows) open.add(f.finding_id);
  }
  const now = new Set(run.findingIds);
  const newFindings = [...now].filter((id) => !open.has(id)).length;
  await save(db, run.id, newFindings, run.complete ? [...open].filter((id) => !now.has(id)).length : null);
}
