import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: on-site inspection records (现场检查记录, issue 7) and their signatures.
// A record's content (inspectors, checklist results, findings) is kept as the JSON the
// inspectors filled in; when it goes to signing, its canonical text (the exact bytes every
// signature covers) and the enterprise's five-duty scorecard are frozen with it. Each finding
// becomes a row that points at the ledger hazard it created or confirmed. Signing keys are
// Ed25519 pairs kept for each inspector; the private key is stored encrypted.
// Plans, orders and penalty cases refer to records by id (their own migrations).

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('signing_keys')
    .addColumn('id', idType, id)
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    /** Raw 32-byte Ed25519 public key, base64. */
    .addColumn('public_key', 'text', (c) => c.notNull())
    /** PKCS#8 private key encrypted with AES-256-GCM under the server's key secret, base64. */
    .addColumn('private_key_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('signing_keys_user')
    .on('signing_keys')
    .columns(['user_id', 'revoked_at'])
    .execute();

  await db.schema
    .createTable('inspection_records')
    .addColumn('id', idType, id)
    /** e.g. 东胜应急检〔2026〕0007号: per district and year. */
    .addColumn('record_no', 'text', (c) => c.notNull().unique())
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'bigint')
    .addColumn('plan_target_id', 'bigint')
    /** Hazard origin its findings get: `enforcement` or `spot_check`. */
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    /** The enterprise's name as signed (frozen when the record goes to signing). */
    .addColumn('enterprise_name', 'text')
    /** The record as filled in (inspectionRecordSchema output), JSON. */
    .addColumn('content', 'text', (c) => c.notNull())
    /** The five-duty scorecard when the record went to signing, JSON. */
    .addColumn('scorecard', 'text')
    /** draft → signing → signed → superseded */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The exact text the signatures cover (set when the record goes to signing). */
    .addColumn('canonical_text', 'text')
    /** SHA-256 of the canonical text, hex: the verification code printed on the documents. */
    .addColumn('content_hash', 'text')
    .addColumn('supersedes_record_id', 'bigint')
    .addColumn('superseded_by_record_id', 'bigint')
    .addColumn('signed_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by_user_id', 'bigint')
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('inspection_records_enterprise')
    .on('inspection_records')
    .columns(['enterprise_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('inspection_records_district')
    .on('inspection_records')
    .columns(['district_id', 'status', 'started_at'])
    .execute();
  await db.schema
    .createIndex('inspection_records_hash')
    .on('inspection_records')
    .column('content_hash')
    .execute();

  // The next record number of a district and year (东胜应急检〔2026〕0007号).
  await db.schema
    .createTable('inspection_record_numbers')
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_record_numbers_pk', ['district_id', 'year'])
    .execute();

  // The inspectors named on a record (mirrors the content, for lists and access by person).
  await db.schema
    .createTable('inspection_record_inspectors')
    .addColumn('id', idType, id)
    .addColumn('record_id', 'bigint', (c) => c.notNull().references('inspection_records.id'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_record_inspectors_once', ['record_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('inspection_record_inspectors_user')
    .on('inspection_record_inspectors')
    .columns(['user_id', 'record_id'])
    .execute();

  await db.schema
    .createTable('inspection_record_signatures')
    .addColumn('id', idType, id)
    .addColumn('record_id', 'bigint', (c) => c.notNull().references('inspection_records.id'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addColumn('key_id', 'bigint', (c) => c.notNull().references('signing_keys.id'))
    /** Ed25519 signature over the record's canonical text, base64. */
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_record_signatures_once', ['record_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('inspection_record_findings')
    .addColumn('id', idType, id)
    .addColumn('record_id', 'bigint', (c) => c.notNull().references('inspection_records.id'))
    /** Position of the finding in the record (1-based), as printed. */
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** The ledger hazard it created, or the open one it confirmed (`linked` = 1). */
    .addColumn('hazard_id', 'bigint', (c) => c.references('hazards.id'))
    .addColumn('linked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('catalog_item_code', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    /** The no-penalty rule's evaluation for a linked self-found hazard, JSON {applies, reasons}. */
    .addColumn('no_penalty', 'text')
    .addColumn('penalty_decision', 'text')
    .addColumn('penalty_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_record_findings_record')
    .on('inspection_record_findings')
    .columns(['record_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('inspection_record_findings_hazard')
    .on('inspection_record_findings')
    .column('hazard_id')
    .execute();

  await db.schema
    .createTable('inspection_record_events')
    .addColumn('id', idType, id)
    .addColumn('record_id', 'bigint', (c) => c.notNull().references('inspection_records.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema
    .createIndex('inspection_record_events_record')
    .on('inspection_record_events')
    .columns(['record_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'inspection_record_events',
    'inspection_record_findings',
    'inspection_record_signatures',
    'inspection_record_inspectors',
    'inspection_record_numbers',
    'inspection_records',
    'signing_keys',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
