import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: the list indexes cover their queries on PostgreSQL too (issue 11). They were
// built for SQLite, whose index entries end in the rowid, so `select h.id … order by …` is
// answered from the entry alone. A PostgreSQL entry holds only its listed columns: every page of
// ids fetched its rows from the table instead (a city's sector and status by deadline: 1.6 s of
// bitmap heap scan over 75,000 pages), and the planner preferred walking the unique number index
// across the whole province to sorting a district's matches (10 s for a district's 已验收 by
// number). With the id included the same pages come from index-only scans (177 ms and 3.5 ms).
// SQLite is left as it is: its entries carry the rowid already.

const COVERS: { name: string; table: string; columns: string[] }[] = [
  {
    name: 'hazards_list_cover',
    table: 'hazards',
    columns: [
      'district_id',
      'status',
      'sector',
      'level',
      'origin',
      'found_at',
      'deadline',
      'supervision_level',
      'updated_at',
      'number',
    ],
  },
  {
    name: 'hazards_sector_cover',
    table: 'hazards',
    columns: [
      'district_id',
      'sector',
      'status',
      'level',
      'origin',
      'found_at',
      'deadline',
      'supervision_level',
      'updated_at',
      'number',
    ],
  },
  {
    name: 'hazards_found_cover',
    table: 'hazards',
    columns: [
      'district_id',
      'found_at',
      'level',
      'status',
      'sector',
      'origin',
      'deadline',
      'supervision_level',
      'updated_at',
      'number',
    ],
  },
  { name: 'hazards_found_order', table: 'hazards', columns: ['found_at', 'district_id'] },
  {
    name: 'enterprises_search_cover',
    table: 'enterprises',
    columns: ['org_unit_id', 'sector', 'name', 'credit_code', 'status', 'updated_at', 'employees'],
  },
];

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function rebuild(db: Kysely<unknown>, withId: boolean): Promise<void> {
  for (const cover of COVERS) {
    await db.schema.dropIndex(cover.name).ifExists().execute();
    const columns = sql.join(cover.columns.map((c) => sql.ref(c)));
    const include = withId ? sql` include ("id")` : sql``;
    await sql`create index ${sql.ref(cover.name)} on ${sql.table(cover.table)} (${columns})${include}`.execute(
      db,
    );
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await rebuild(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await rebuild(db, false);
}
