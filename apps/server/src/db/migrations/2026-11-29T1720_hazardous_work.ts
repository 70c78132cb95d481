import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: hot work and special operations (issue 6, seed §二(一)3) — hot-work permits
// with their history, welding-equipment checks, special-operation certificates, the warning
// education with its photos, and the check of hazardous-operation staff.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('hot_work_permits')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('work_description', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('operators', 'text')
    .addColumn('guardian', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('gas_test_result', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('approved_by_user_id', 'bigint')
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('hot_work_permits_enterprise')
    .on('hot_work_permits')
    .columns(['enterprise_id', 'status', 'start_at'])
    .execute();

  await db.schema
    .createTable('hot_work_permit_events')
    .addColumn('id', idType, id)
    .addColumn('permit_id', 'bigint', (c) => c.notNull().references('hot_work_permits.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('details', 'text')
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema
    .createIndex('hot_work_permit_events_permit')
    .on('hot_work_permit_events')
    .columns(['permit_id', 'id'])
    .execute();
  await db.schema
    .createIndex('hot_work_permit_events_idempotency')
    .on('hot_work_permit_events')
    .columns(['permit_id', 'idempotency_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('welding_equipment_checks')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('equipment_count', 'integer', (c) => c.notNull())
    .addColumn('equipment_list', 'text')
    .addColumn('problems', 'text')
    .addColumn('actions_taken', 'text')
    .addColumn('retired_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_by', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by_user_id', 'bigint')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema
    .createIndex('welding_equipment_checks_enterprise')
    .on('welding_equipment_checks')
    .columns(['enterprise_id', 'checked_on'])
    .execute();

  await db.schema
    .createTable('operation_certificates')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('operation_item', 'text')
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text')
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('holder_type', 'text', (c) => c.notNull())
    .addColumn('employer', 'text')
    .addColumn('engaged_by', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_by_user_id', 'bigint')
    .addColumn('created_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('operation_certificates_enterprise')
    .on('operation_certificates')
    .columns(['enterprise_id', 'valid_until'])
    .execute();
  // The office's list across enterprises filters by expiry.
  await db.schema
    .createIndex('operation_certificates_valid_until')
    .on('operation_certificates')
    .columns(['valid_until', 'enterprise_id'])
    .execute();
  await db.schema
    .createIndex('operation_certificates_number')
    .on('operation_certificates')
    .columns(['enterprise_id', 'certificate_no'])
    .execute();

  await db.schema
    .createTable('warning_educations')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('organizer', 'text')
    .addColumn('created_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by_user_id', 'bigint')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema
    .createIndex('warning_educations_enterprise')
    .on('warning_educations')
    .columns(['enterprise_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('warning_education_photos')
    .addColumn('id', idType, id)
    .addColumn('education_id', 'bigint', (c) => c.notNull().references('warning_educations.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('warning_education_photos_education')
    .on('warning_education_photos')
    .column('education_id')
    .execute();

  await db.schema
    .createTable('hazardous_staff_checks')
    .addColumn('id', idType, id)
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('people_checked', 'integer', (c) => c.notNull())
    .addColumn('unlicensed_found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'text')
    .addColumn('actions_taken', 'text')
    .addColumn('created_by_user_id', 'bigint', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by_user_id', 'bigint')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema
    .createIndex('hazardous_staff_checks_enterprise')
    .on('hazardous_staff_checks')
    .columns(['enterprise_id', 'checked_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
