import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: production safety accidents (issue 10 item 5). An accident belongs to an
// enterprise (its district and sector copied for scoping); the level may differ from the one the
// national rule gives only with a reason; a record is voided with a reason, never deleted.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('accidents')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    /** ISO instant (UTC). */
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('accident_type', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('deaths', 'integer', (c) => c.notNull())
    .addColumn('serious_injuries', 'integer', (c) => c.notNull())
    .addColumn('minor_injuries', 'integer', (c) => c.notNull())
    /** 直接经济损失 in integer fen. */
    .addColumn('direct_loss_fen', 'bigint', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    /** The level the rule gave when last saved (kept to show the departure). */
    .addColumn('suggested_level', 'text', (c) => c.notNull())
    .addColumn('level_reason', 'text')
    .addColumn('report', 'text', (c) => c.notNull())
    /** recorded / voided */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('void_reason', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('voided_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accidents_district_occurred')
    .on('accidents')
    .columns(['district_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('accidents_enterprise')
    .on('accidents')
    .columns(['enterprise_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accidents').execute();
}
