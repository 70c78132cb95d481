import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: the hazard ledger (issue 5) — hazards, their history, numbering and files.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');

  await db.schema
    .createTable('hazards')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('catalog_id', 'text')
    .addColumn('catalog_version', 'integer')
    .addColumn('catalog_item_code', 'text')
    .addColumn('no_catalog_reason', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('cause_analysis', 'text')
    .addColumn('category', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('found_by', 'text', (c) => c.notNull())
    .addColumn('treatment', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('plan_responsible', 'text')
    .addColumn('plan_measures', 'text')
    .addColumn('plan_funds_fen', 'bigint')
    .addColumn('plan_funds_source', 'text')
    .addColumn('deadline', 'text')
    .addColumn('plan_emergency', 'text')
    .addColumn('plan_approved_at', 'text')
    .addColumn('reported_to_bureau_at', 'text')
    .addColumn('fix_description', 'text')
    .addColumn('fixed_by_user_id', 'bigint')
    .addColumn('fixed_at', 'text')
    .addColumn('leader_accepted_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by_user_id', 'bigint')
    .addColumn('supervision_level', 'text')
    .addColumn('supervised_at', 'text')
    .addColumn('extension_deadline', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('created_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The ledger list filters by district/sector/status/level and sorts by time: cover those.
  await db.schema
    .createIndex('hazards_district_status')
    .on('hazards')
    .columns(['district_id', 'status', 'found_at'])
    .execute();
  await db.schema
    .createIndex('hazards_district_sector')
    .on('hazards')
    .columns(['district_id', 'sector', 'found_at'])
    .execute();
  await db.schema
    .createIndex('hazards_enterprise')
    .on('hazards')
    .columns(['enterprise_id', 'status'])
    .execute();
  await db.schema
    .createIndex('hazards_deadline')
    .on('hazards')
    .columns(['status', 'deadline'])
    .execute();
  await db.schema
    .createIndex('hazards_catalog_item')
    .on('hazards')
    .columns(['catalog_item_code', 'enterprise_id'])
    .execute();

  await db.schema
    .createTable('hazard_events')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('hazard_id', 'bigint', (c) => c.notNull().references('hazards.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('details', 'text')
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema
    .createIndex('hazard_events_hazard')
    .on('hazard_events')
    .columns(['hazard_id', 'id'])
    .execute();
  await db.schema
    .createIndex('hazard_events_idempotency')
    .on('hazard_events')
    .columns(['hazard_id', 'idempotency_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('hazard_numbers')
    .addColumn('district_id', 'bigint', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hazard_numbers_pk', ['district_id', 'year'])
    .execute();

  await db.schema
    .createTable('hazard_files')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('hazard_id', 'bigint', (c) => c.notNull().references('hazards.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .execute();
  await db.schema
    .createIndex('hazard_files_hazard')
    .on('hazard_files')
    .column('hazard_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
