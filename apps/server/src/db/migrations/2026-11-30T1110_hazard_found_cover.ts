import type { Kysely } from 'kysely';

// Frozen migration: the ledger filtered by a found-date range (issue 11). The covering list
// indexes start with district then status or sector, so a city's "found in the first half-year,
// general" list read all ~170,000 index entries of its 9 districts to keep ~16,000, for the page
// and again for the per-status counts (~14 ms each). Starting with the found date after the
// district, the range is a seek; every filtered and sorted column is in the entry, so a sort by
// deadline or last change needs no row either (~2 ms each). An earlier try without the sort
// columns made the planner pick it for sorts it could not cover (250 ms).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('hazards_found_cover')
    .ifNotExists()
    .on('hazards')
    .columns([
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
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazards_found_cover').ifExists().execute();
}
