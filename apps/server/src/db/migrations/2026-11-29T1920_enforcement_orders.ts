import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: rectification orders (责令限期整改指令书), their re-inspections (整改复查意见书)
// and on-site measures (现场处理措施, 安全生产法第六十五条) — issue 7 §4, §8.
// An order is issued from a signed inspection record and lists hazards of the ledger, each with
// the requirement; the order's canonical text and its SHA-256 (the verification code printed on
// the document) are stored with it. One re-inspection per order records each hazard's result.
// Document numbers run per district, kind and year. Every action appends an event.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('enforcement_document_numbers')
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    /** order | reinspection | on_site_measure */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_document_numbers_pk', ['district_id', 'year', 'kind'])
    .execute();

  await db.schema
    .createTable('enforcement_orders')
    .addColumn('id', idType, id)
    /** e.g. 东胜应急责改〔2026〕0003号 */
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('inspection_record_id', 'bigint', (c) =>
      c.notNull().references('inspection_records.id'),
    )
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    /** The record's inspectors who issue it, JSON [{userId, name, certificateNo}]. */
    .addColumn('inspectors', 'text', (c) => c.notNull())
    /** issued → acknowledged → reinspected */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('canonical_text', 'text', (c) => c.notNull())
    /** SHA-256 of the canonical text, hex. */
    .addColumn('verification_code', 'text', (c) => c.notNull().unique())
    .addColumn('issued_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('enforcement_orders_district')
    .on('enforcement_orders')
    .columns(['district_id', 'status', 'deadline'])
    .execute();
  await db.schema
    .createIndex('enforcement_orders_enterprise')
    .on('enforcement_orders')
    .columns(['enterprise_id', 'issued_on'])
    .execute();
  await db.schema
    .createIndex('enforcement_orders_record')
    .on('enforcement_orders')
    .column('inspection_record_id')
    .execute();

  await db.schema
    .createTable('enforcement_order_items')
    .addColumn('id', idType, id)
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('enforcement_orders.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hazard_id', 'bigint', (c) => c.notNull().references('hazards.id'))
    /** The record's finding number that points at the hazard. */
    .addColumn('finding_seq', 'integer')
    /** The hazard as the order printed it. */
    .addColumn('hazard_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addUniqueConstraint('enforcement_order_items_once', ['order_id', 'hazard_id'])
    .execute();
  await db.schema
    .createIndex('enforcement_order_items_hazard')
    .on('enforcement_order_items')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('enforcement_reinspections')
    .addColumn('id', idType, id)
    .addColumn('order_id', 'bigint', (c) =>
      c.notNull().unique().references('enforcement_orders.id'),
    )
    /** e.g. 东胜应急复查〔2026〕0001号 */
    .addColumn('opinion_no', 'text', (c) => c.notNull().unique())
    .addColumn('reinspected_on', 'text', (c) => c.notNull())
    /** JSON [{userId, name, certificateNo}] */
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('early_reason', 'text')
    .addColumn('canonical_text', 'text', (c) => c.notNull())
    .addColumn('verification_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('enforcement_reinspection_items')
    .addColumn('id', idType, id)
    .addColumn('reinspection_id', 'bigint', (c) =>
      c.notNull().references('enforcement_reinspections.id'),
    )
    .addColumn('hazard_id', 'bigint', (c) => c.notNull().references('hazards.id'))
    /** rectified | persisting */
    .addColumn('result', 'text', (c) => c.notNull())
    /** verified | rectified_pending | persisting */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    /** Why a rectified hazard could not be verified in the ledger. */
    .addColumn('explanation', 'text')
    .execute();
  await db.schema
    .createIndex('enforcement_reinspection_items_reinspection')
    .on('enforcement_reinspection_items')
    .column('reinspection_id')
    .execute();
  await db.schema
    .createIndex('enforcement_reinspection_items_hazard')
    .on('enforcement_reinspection_items')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('on_site_measures')
    .addColumn('id', idType, id)
    .addColumn('document_no', 'text', (c) => c.notNull())
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    /** evacuate_personnel | suspend_operations | stop_use */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('inspection_record_id', 'bigint', (c) => c.references('inspection_records.id'))
    .addColumn('hazard_id', 'bigint', (c) => c.references('hazards.id'))
    /** The area, facility or equipment concerned. */
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('imposed_on', 'text', (c) => c.notNull())
    .addColumn('imposed_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('imposed_by_name', 'text', (c) => c.notNull())
    .addColumn('lifted_on', 'text')
    /** The review (审查同意) that allowed resumption. */
    .addColumn('lift_note', 'text')
    .addColumn('lifted_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('lifted_by_name', 'text')
    .addColumn('lifted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('on_site_measures_enterprise')
    .on('on_site_measures')
    .columns(['enterprise_id', 'lifted_on'])
    .execute();
  await db.schema
    .createIndex('on_site_measures_district')
    .on('on_site_measures')
    .columns(['district_id', 'lifted_on', 'imposed_on'])
    .execute();

  await db.schema
    .createTable('enforcement_order_events')
    .addColumn('id', idType, id)
    /** order | on_site_measure */
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'bigint', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('enforcement_order_events_entity')
    .on('enforcement_order_events')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'enforcement_order_events',
    'on_site_measures',
    'enforcement_reinspection_items',
    'enforcement_reinspections',
    'enforcement_order_items',
    'enforcement_orders',
    'enforcement_document_numbers',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
