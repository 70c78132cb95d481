import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Gives indexes created since the last ANALYZE their SQLite planner statistics, where the
 * database has statistics at all. The planner compares indexes by sqlite_stat1; a new index
 * without a row there is judged by default guesses against measured ones, and on the province
 * dataset that made it pick a wide covering index for a city's unfiltered list (4× slower).
 * Databases never analysed are left alone (every index is guessed alike there). PostgreSQL's
 * autovacuum analyses new indexes by itself. Returns the indexes analysed.
 */
export async function analyzeUnmeasuredIndexes(db: Db): Promise<string[]> {
  if (db.dialect !== 'sqlite') return [];
  const stats = await sql<{ n: number }>`
    select count(*) as n from sqlite_schema where type = 'table' and name = 'sqlite_stat1'
  `.execute(db.kysely);
  if (Number(stats.rows[0]?.n ?? 0) === 0) return [];
  const unmeasured = await sql<{ name: string }>`
    select i.name from sqlite_schema as i
    where i.type = 'index' and i.sql is not null
      and not exists (select 1 from sqlite_stat1 as s where s.idx = i.name)
    order by i.name
  `.execute(db.kysely);
  const names = unmeasured.rows.map((r) => r.name);
  if (names.length === 0) return [];
  // Whole indexes, not a sample (analysis_limit): sampled, a district's 18,500 hazards were
  // estimated at 2,000 and the planner took the new index over the weekly report's partial one.
  // About half a second per million entries, once per new index.
  await sql`pragma analysis_limit = 0`.execute(db.kysely);
  for (const name of names) await sql`analyze ${sql.id(name)}`.execute(db.kysely);
  return names;
}
