import type { Kysely } from 'kysely';

// Frozen migration: the ledger's default order (found date, newest first) for a territory of
// many districts (issue 11). The covering list indexes start with the district, so a province
// user's first page sorted all 2,000,000 hazards (USE TEMP B-TREE FOR ORDER BY, ~120 ms); walking
// this index in found-date order and filtering the district from it stops after one page
// (< 1 ms). A district user keeps using the district-first indexes.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('hazards_found_order')
    .ifNotExists()
    .on('hazards')
    .columns(['found_at', 'district_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazards_found_order').ifExists().execute();
}
