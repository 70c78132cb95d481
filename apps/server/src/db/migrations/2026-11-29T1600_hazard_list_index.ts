import type { Kysely } from 'kysely';

// Frozen migration: a covering index for the ledger list. Counts per status and the id page of
// a filtered, sorted list are then answered from the index alone, without reading wide rows
// scattered over the table (measured: ~80 ms → a few ms for a city of 17,000 hazards).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('hazards_list_cover')
    .on('hazards')
    .columns([
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
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazards_list_cover').execute();
}
