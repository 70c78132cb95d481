import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: the main leader's monthly inspections, key periods with the on-duty roster
// and daily check-ins, and the safety production fund (issue 6). Imports nothing from the app.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  // --- Leader inspections (主要负责人带队检查) ----------------------------------------------
  await db.schema
    .createTable('leader_inspections')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    // JSON: the checklist items checked, each with its catalog and exact version.
    .addColumn('items', 'text', (c) => c.notNull())
    // draft | signed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('signed_by_name', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('leader_inspections_enterprise')
    .on('leader_inspections')
    .columns(['enterprise_id', 'inspected_on'])
    .execute();

  await db.schema
    .createTable('leader_inspection_findings')
    .addColumn('id', idType, id)
    .addColumn('inspection_id', 'bigint', (c) => c.notNull().references('leader_inspections.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    // general | major | null (a note only, not entered in the ledger)
    .addColumn('hazard_level', 'text')
    .addColumn('catalog_item_code', 'text')
    .addColumn('no_catalog_reason', 'text')
    .addColumn('treatment', 'text', (c) => c.notNull())
    .addColumn('hazard_id', 'bigint', (c) => c.references('hazards.id'))
    .execute();
  await db.schema
    .createIndex('leader_inspection_findings_inspection')
    .on('leader_inspection_findings')
    .columns(['inspection_id', 'ordinal'])
    .execute();

  // --- Key periods (关键时间节点) -----------------------------------------------------------
  await db.schema
    .createTable('key_periods')
    .addColumn('id', idType, id)
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // JSON array of sectors.
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('key_periods_dates')
    .on('key_periods')
    .columns(['start_date', 'end_date'])
    .execute();

  // The leader on duty and the check-in belong to an enterprise's day: overlapping periods
  // share them, so a day is named and checked in once.
  await db.schema
    .createTable('key_period_roster')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('leader_phone', 'text')
    .addColumn('updated_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('key_period_roster_day', ['enterprise_id', 'duty_date'])
    .execute();

  await db.schema
    .createTable('key_period_check_ins')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('key_period_id', 'bigint', (c) => c.notNull().references('key_periods.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('checked_in_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('key_period_check_ins_day', ['enterprise_id', 'duty_date'])
    .execute();

  // --- Safety production fund (安全生产费用) -------------------------------------------------
  await db.schema
    .createTable('safety_funds')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('extracted_fen', 'bigint', (c) => c.notNull())
    .addColumn('spent_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('safety_funds_enterprise_year', ['enterprise_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
