import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: administrative penalty cases (行政处罚, issue 7 §5) with their parties
// (一案双罚: the enterprise, its main leader, other responsible persons), the hazards they concern,
// their history; and the measures against an enterprise (通报, 约谈, 联合惩戒, 停产整顿, 提请关闭,
// 移送司法, 严重失信名单, issue 7 §6). A measure's kind-specific fields are kept as the JSON the
// shared schema produced; its documents live in `attachments` (owner_type 'enforcement_measure').
// Amounts are integer fen; booleans 0/1.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('penalty_case_numbers')
    .addColumn('district_id', 'bigint', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('penalty_case_numbers_pk', ['district_id', 'year'])
    .execute();

  await db.schema
    .createTable('penalty_cases')
    .addColumn('id', idType, id)
    /** e.g. 东胜应急罚立〔2026〕0003号: per district and year. */
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    /** 案由. */
    .addColumn('matter', 'text', (c) => c.notNull())
    /** 违法事实. */
    .addColumn('facts', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('inspection_record_id', 'bigint', (c) => c.references('inspection_records.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('leader_waiver_reason', 'text')
    .addColumn('no_penalty_override_reason', 'text')
    .addColumn('notified_on', 'text')
    .addColumn('notice_document_no', 'text')
    .addColumn('decision_date', 'text')
    /** At the decision: whether a hazard of the case was major, and whether one persisted. */
    .addColumn('decision_major_hazard', 'integer')
    .addColumn('decision_hazard_persisted', 'integer')
    .addColumn('no_penalty_decided_on', 'text')
    .addColumn('no_penalty_reason', 'text')
    .addColumn('no_penalty_decision_no', 'text')
    .addColumn('published_on', 'text')
    .addColumn('publication_note', 'text')
    /** 按日连续处罚: the day of the order to correct and the day corrected. */
    .addColumn('daily_ordered_on', 'text')
    .addColumn('daily_corrected_on', 'text')
    .addColumn('executed_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('penalty_cases_district')
    .on('penalty_cases')
    .columns(['district_id', 'status', 'filed_on'])
    .execute();
  await db.schema
    .createIndex('penalty_cases_enterprise')
    .on('penalty_cases')
    .columns(['enterprise_id', 'decision_date'])
    .execute();

  await db.schema
    .createTable('penalty_case_hazards')
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('penalty_cases.id'))
    .addColumn('hazard_id', 'bigint', (c) => c.notNull().references('hazards.id'))
    .addPrimaryKeyConstraint('penalty_case_hazards_pk', ['case_id', 'hazard_id'])
    .execute();
  await db.schema
    .createIndex('penalty_case_hazards_hazard')
    .on('penalty_case_hazards')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('penalty_case_parties')
    .addColumn('id', idType, id)
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('penalty_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    /** A key of PENALTY_ARTICLES. */
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('circumstance', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    /** Frozen at the decision: the canonical decision text and its SHA-256 (verification code). */
    .addColumn('decision_text', 'text')
    .addColumn('decision_hash', 'text')
    .execute();
  await db.schema
    .createIndex('penalty_case_parties_case')
    .on('penalty_case_parties')
    .columns(['case_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('penalty_case_parties_hash')
    .on('penalty_case_parties')
    .column('decision_hash')
    .execute();

  await db.schema
    .createTable('penalty_case_events')
    .addColumn('id', idType, id)
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('penalty_cases.id'))
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
    .createIndex('penalty_case_events_case')
    .on('penalty_case_events')
    .columns(['case_id', 'id'])
    .execute();
  await db.schema
    .createIndex('penalty_case_events_idempotency')
    .on('penalty_case_events')
    .columns(['case_id', 'idempotency_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('enforcement_measures')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    /** The measure as recorded (enforcementMeasureSchema output), JSON. */
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('penalty_case_id', 'bigint', (c) => c.references('penalty_cases.id'))
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('voided_by', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('enforcement_measures_enterprise')
    .on('enforcement_measures')
    .columns(['enterprise_id', 'date'])
    .execute();
  await db.schema
    .createIndex('enforcement_measures_district')
    .on('enforcement_measures')
    .columns(['district_id', 'kind', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'enforcement_measures',
    'penalty_case_events',
    'penalty_case_parties',
    'penalty_case_hazards',
    'penalty_cases',
    'penalty_case_numbers',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
