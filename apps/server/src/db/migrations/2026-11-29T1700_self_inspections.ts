import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: self-inspections against the checklist (对标自查自改, issue 6) — the runs,
// their items (the checklist snapshot with the answers), photos, and the history of actions.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');

  await db.schema
    .createTable('self_inspections')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'bigint', (c) => c.references('campaigns.id'))
    .addColumn('campaign_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('inspection_date', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text')
    .addColumn('photo_required', 'integer', (c) => c.notNull())
    // JSON array of the catalogs (id, version, name, document number) the snapshot came from.
    .addColumn('catalogs', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('started_by_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_user_id', 'bigint')
    .addColumn('signer_name', 'text')
    .addColumn('submitted_at', 'text')
    // The China calendar day of submission, for the coverage view's phase filter.
    .addColumn('submitted_on', 'text')
    .addColumn('submit_key', 'text')
    .addColumn('discarded_at', 'text')
    .addColumn('discard_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('self_inspections_enterprise')
    .on('self_inspections')
    .columns(['enterprise_id', 'status', 'started_at'])
    .execute();
  await db.schema
    .createIndex('self_inspections_campaign')
    .on('self_inspections')
    .columns(['campaign_id', 'status', 'enterprise_id'])
    .execute();
  // One run in progress per enterprise at a time.
  await db.schema
    .createIndex('self_inspections_one_draft')
    .on('self_inspections')
    .column('enterprise_id')
    .unique()
    .where(sql.ref('status'), '=', 'draft')
    .execute();

  await db.schema
    .createTable('self_inspection_items')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('run_id', 'bigint', (c) => c.notNull().references('self_inspections.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text')
    .addColumn('answer', 'text')
    .addColumn('note', 'text')
    .addColumn('description', 'text')
    .addColumn('na_reason', 'text')
    .addColumn('answered_by_user_id', 'bigint')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('hazard_id', 'bigint', (c) => c.references('hazards.id'))
    .execute();
  await db.schema
    .createIndex('self_inspection_items_run_code')
    .on('self_inspection_items')
    .columns(['run_id', 'item_code'])
    .unique()
    .execute();

  await db.schema
    .createTable('self_inspection_photos')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('run_id', 'bigint', (c) => c.notNull().references('self_inspections.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
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
    .createIndex('self_inspection_photos_run')
    .on('self_inspection_photos')
    .columns(['run_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('self_inspection_events')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('run_id', 'bigint', (c) => c.notNull().references('self_inspections.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .execute();
  await db.schema
    .createIndex('self_inspection_events_run')
    .on('self_inspection_events')
    .columns(['run_id', 'id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
