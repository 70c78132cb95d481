import { type Kysely, sql } from 'kysely';

// Frozen migration: the open hazards (not verified — about 1.5 % of a mature ledger) by district
// and deadline, for the overdue filter of the ledger and its counts (issue 11). Without it a
// city's "major and overdue" page read every major hazard of its nine districts from the table to
// check the status: 700 ms on PostgreSQL with a cold cache (8,000 heap blocks for 77 rows).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('hazards_open_deadline')
    .ifNotExists()
    .on('hazards')
    .columns(['district_id', 'deadline', 'level'])
    .where(sql.ref('status'), '<>', 'verified')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('hazards_open_deadline').ifExists().execute();
}
