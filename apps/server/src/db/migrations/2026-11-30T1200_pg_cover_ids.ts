import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: the list indexes cover their queries on PostgreSQL too (issue 11). They were
// built for SQLite, whose index entries end in the rowid, so `select h.id … order by …` is
// answered from the entry alone. A PostgreSQL entry holds only its listed columns: every page of
// ids fetched its rows from the table instead (a city's sector and status by deadline: 1.6 s of
// bitmap heap scan over 75,000 pages), and the planner preferred walking the unique number index
// across the whole province to sorting a district's matches (10 s for a district's 已验收 by
// number). With the id included the same pages come from index-only scans (177 ms and 3.5 ms).
// The indexes of the report and dashboard figures are the same case (see below).
// SQLite is left as it is: its entries carry the rowid already.

const COVERS: { name: string; table: string; columns: string[]; where?: string }[] = [
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
  // The report and dashboard figures' indexes (2026-11-29T2110 and after): their queries read
  // the id beside the indexed columns (a city's signed inspections of a campaign: 2.5 s of heap
  // reads over 26,000 pages).
  {
    name: 'enterprises_report',
    table: 'enterprises',
    columns: ['org_unit_id', 'sector', 'status', 'status_date'],
  },
  {
    name: 'hazards_report_major',
    table: 'hazards',
    columns: ['district_id', 'found_at', 'sector', 'origin', 'status', 'verified_at', 'deadline'],
    where: `"level" = 'major'`,
  },
  {
    name: 'hazards_report_supervised',
    table: 'hazards',
    columns: ['district_id', 'sector', 'supervision_level'],
    where: `"supervised_at" is not null`,
  },
  {
    name: 'inspection_records_report',
    table: 'inspection_records',
    columns: ['district_id', 'status', 'started_at', 'sector', 'enterprise_id', 'plan_id'],
  },
  {
    name: 'self_inspections_report',
    table: 'self_inspections',
    columns: ['district_id', 'status', 'submitted_on', 'sector', 'enterprise_id'],
  },
  {
    name: 'penalty_cases_report',
    table: 'penalty_cases',
    columns: ['district_id', 'status', 'decision_date', 'sector'],
  },
  {
    name: 'tips_report',
    table: 'tips',
    columns: ['district_id', 'received_at', 'sector', 'verification_result'],
  },
  {
    name: 'leader_inspections_report',
    table: 'leader_inspections',
    columns: ['enterprise_id', 'status', 'inspected_on', 'voided_at'],
  },
  {
    name: 'emergency_drills_report',
    table: 'emergency_drills',
    columns: ['enterprise_id', 'drill_date', 'voided_at'],
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
    const where = cover.where ? sql` where ${sql.raw(cover.where)}` : sql``;
    await sql`create index ${sql.ref(cover.name)} on ${sql.table(cover.table)} (${columns})${include}${where}`.execute(
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
