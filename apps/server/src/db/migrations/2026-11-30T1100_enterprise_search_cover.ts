import type { Kysely } from 'kysely';

// Frozen migration: the enterprise list's name search (issue 11). `name like '%…%'` cannot use an
// index to seek, so a city's search read every one of its ~8,000 enterprise rows (wide rows:
// address, licences) to test the name and again to sort (~20 ms a page on the province
// dataset). With the searched, filtered and sorted columns in one index after the district, the
// search, the count and the page's ids come from index entries alone (~1 ms).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('enterprises_search_cover')
    .ifNotExists()
    .on('enterprises')
    .columns(['org_unit_id', 'sector', 'name', 'credit_code', 'status', 'updated_at', 'employees'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enterprises_search_cover').ifExists().execute();
}
