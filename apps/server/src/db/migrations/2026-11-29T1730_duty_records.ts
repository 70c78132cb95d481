import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

// Frozen migration: duties 2, 4 and 5 of issue 6 — the responsibility system (positions, deputy
// duty lists, campaign work lists, experts), outsourcing / leasing contracts with their checks and
// the comprehensive check, emergency drills, and the files of all of these.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  /** A table of records of one enterprise: editable with a version, voided never deleted. */
  const recordTable = async (
    name: string,
    columns: (t: CreateTableBuilder<string, string>) => CreateTableBuilder<string, string>,
  ) => {
    let t = db.schema
      .createTable(name)
      .addColumn('id', idType, id)
      .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'));
    t = columns(t);
    await t
      .addColumn('created_by_user_id', 'bigint')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('voided_at', 'text')
      .addColumn('void_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex(`${name}_enterprise`).on(name).column('enterprise_id').execute();
  };

  await recordTable('duty_positions', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('duties', 'text', (c) => c.notNull()),
  );
  await recordTable('duty_deputy_lists', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('area', 'text', (c) => c.notNull())
      .addColumn('duties', 'text'),
  );
  await recordTable('duty_work_lists', (t) =>
    t
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('campaign_id', 'bigint')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('content', 'text'),
  );
  await recordTable('duty_experts', (t) =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('specialty', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text')
      .addColumn('phone', 'text')
      .addColumn('engaged_from', 'text', (c) => c.notNull())
      .addColumn('engaged_to', 'text')
      .addColumn('scope', 'text'),
  );
  await recordTable('outsourcing_contracts', (t) =>
    t
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('counterparty', 'text', (c) => c.notNull())
      .addColumn('scope_kind', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('qualification_name', 'text')
      .addColumn('qualification_number', 'text')
      .addColumn('qualification_expiry', 'text')
      .addColumn('agreement_signed_on', 'text')
      .addColumn('duties_defined', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('duties_text', 'text')
      .addColumn('ended_on', 'text')
      .addColumn('end_reason', 'text'),
  );
  await recordTable('outsourcing_checks', (t) =>
    t
      .addColumn('contract_id', 'bigint', (c) => c.notNull().references('outsourcing_contracts.id'))
      .addColumn('check_date', 'text', (c) => c.notNull())
      .addColumn('checked_by', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('rectification', 'text'),
  );
  await db.schema
    .createIndex('outsourcing_checks_contract')
    .on('outsourcing_checks')
    .columns(['contract_id', 'check_date'])
    .execute();
  await recordTable('outsourcing_reviews', (t) =>
    t
      .addColumn('check_date', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      // JSON array of the contract ids reviewed.
      .addColumn('contract_ids', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('actions', 'text'),
  );
  await recordTable('emergency_drills', (t) =>
    t
      .addColumn('scenario', 'text', (c) => c.notNull())
      .addColumn('drill_type', 'text')
      .addColumn('drill_date', 'text', (c) => c.notNull())
      .addColumn('participants', 'integer', (c) => c.notNull())
      .addColumn('equipment_used', 'text')
      .addColumn('equipment_added', 'text')
      .addColumn('evaluation', 'text')
      .addColumn('improvements', 'text'),
  );
  await db.schema
    .createIndex('emergency_drills_date')
    .on('emergency_drills')
    .columns(['enterprise_id', 'drill_date'])
    .execute();

  await db.schema
    .createTable('duty_files')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'bigint')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'bigint')
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema
    .createIndex('duty_files_owner')
    .on('duty_files')
    .columns(['enterprise_id', 'owner', 'owner_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
