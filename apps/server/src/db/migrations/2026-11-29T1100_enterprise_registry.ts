import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: the enterprise registry (issue 3). Imports nothing from the app.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const realType = pg ? 'double precision' : 'real';

  const enterpriseColumns: [string, string][] = [
    ['sub_type', 'text'],
    ['tags', 'text'],
    ['address', 'text'],
    ['longitude', realType],
    ['latitude', realType],
    ['status_date', 'text'],
    ['status_reason', 'text'],
    ['employees', 'integer'],
    ['safety_agency', 'text'],
    ['safety_staff_count', 'integer'],
    ['licences', 'text'],
  ];
  for (const [name, type] of enterpriseColumns) {
    await db.schema.alterTable('enterprises').addColumn(name, sql.raw(type)).execute();
  }
  await sql`UPDATE enterprises SET sub_type = CASE sector
      WHEN 'hazchem' THEN 'production' WHEN 'fireworks' THEN 'wholesale'
      WHEN 'mining' THEN 'underground' ELSE 'metallurgy' END,
    tags = '[]', licences = '[]'`.execute(db);
  await db.schema
    .createIndex('enterprises_org_status')
    .on('enterprises')
    .columns(['org_unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('enterprises_sector_name')
    .on('enterprises')
    .columns(['sector', 'name'])
    .execute();
  await db.schema.createIndex('enterprises_name').on('enterprises').column('name').execute();

  await db.schema
    .createTable('enterprise_people')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    .addColumn('assessed', 'integer')
    .addColumn('specialty', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('enterprise_people_ent')
    .on('enterprise_people')
    .columns(['enterprise_id', 'kind'])
    .execute();

  await db.schema
    .createTable('hazard_sources')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('substances', 'text')
    .addColumn('leader_name', 'text', (c) => c.notNull())
    .addColumn('leader_phone', 'text')
    .addColumn('technical_name', 'text', (c) => c.notNull())
    .addColumn('technical_phone', 'text')
    .addColumn('operations_name', 'text', (c) => c.notNull())
    .addColumn('operations_phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('hazard_sources_ent')
    .on('hazard_sources')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('enterprise_imports')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('error_rows', 'integer', (c) => c.notNull())
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .execute();
  await db.schema
    .createIndex('enterprise_imports_org')
    .on('enterprise_imports')
    .columns(['org_unit_id', 'created_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
