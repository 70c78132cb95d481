import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: enforcement staff records and training (issue 10 item 3). A staff record
// may be linked to a user account (inspectors) and keeps the facts the §四(三) qualification
// rule needs (education, major, years of safety work). Staff training sessions list their
// attendees (an attendance removed from the list is marked, never deleted). Special-operation
// training sessions are announced to enterprises, which enrol their own people; the bureau's
// assessment and, on a pass, the certificate recorded in operation_certificates are kept on
// the enrolment. Hours are kept in tenths (integer), like money in fen.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('enforcement_staff')
    .addColumn('id', idType, id)
    /** The district (territory) the unit belongs to, for scope and the share per district. */
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text')
    .addColumn('certificate_valid_until', 'text')
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('major', 'text')
    .addColumn('major_safety_related', 'integer', (c) => c.notNull())
    .addColumn('safety_years', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_staff_district')
    .on('enforcement_staff')
    .columns(['district_id', 'org_unit_id'])
    .execute();
  await db.schema
    .createIndex('enforcement_staff_user')
    .on('enforcement_staff')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('staff_trainings')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('hours_tenths', 'integer', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('content', 'text')
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_trainings_district')
    .on('staff_trainings')
    .columns(['district_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('staff_training_attendances')
    .addColumn('id', idType, id)
    .addColumn('training_id', 'bigint', (c) => c.notNull().references('staff_trainings.id'))
    .addColumn('staff_id', 'bigint', (c) => c.notNull().references('enforcement_staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('staff_training_attendances_pair')
    .on('staff_training_attendances')
    .columns(['training_id', 'staff_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('staff_training_attendances_staff')
    .on('staff_training_attendances')
    .column('staff_id')
    .execute();

  await db.schema
    .createTable('operation_trainings')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('operation_item', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('enrol_deadline', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_trainings_district')
    .on('operation_trainings')
    .columns(['district_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('operation_training_enrolments')
    .addColumn('id', idType, id)
    .addColumn('training_id', 'bigint', (c) => c.notNull().references('operation_trainings.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    /** Personal data like enterprise_people.id_number: masked in every view and audit entry. */
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('post', 'text')
    .addColumn('enrolled_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('enrolled_by_name', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    /** pass / fail, null until assessed. */
    .addColumn('result', 'text')
    .addColumn('score', 'integer')
    .addColumn('assessed_at', 'text')
    .addColumn('assessed_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('certificate_id', 'bigint', (c) => c.references('operation_certificates.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('operation_training_enrolments_training')
    .on('operation_training_enrolments')
    .columns(['training_id', 'enterprise_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'operation_training_enrolments',
    'operation_trainings',
    'staff_training_attendances',
    'staff_trainings',
    'enforcement_staff',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
