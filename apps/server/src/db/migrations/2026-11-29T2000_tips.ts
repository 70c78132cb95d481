import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: tips (举报, issue 8) from the public page, other channels and informants.
// The reporter's identity is sealed (AES-256-GCM, key from the server configuration) in
// `identity_sealed`; the receipt code is never stored, only its SHA-256, so a copy of the
// database cannot be used to read reporters' follow-ups. No IP address is stored anywhere.
// Messages hold both the replies the reporter sees and the internal notes they never see.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('tips')
    .addColumn('id', idType, id)
    /** Staff-facing number, e.g. 东胜举〔2026〕0012号 (per district and year). */
    .addColumn('number', 'text', (c) => c.notNull().unique())
    /** SHA-256 (hex) of the 16-digit receipt code; null for tips without a code (staff-entered named tips may still get one). */
    .addColumn('receipt_hash', 'text', (c) => c.unique())
    /** web / hotline_12350 / phone / letter / visit / informant */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** The district the tip concerns (from the enterprise, or chosen). */
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.references('enterprises.id'))
    /** The enterprise as the reporter typed it, when not picked from the registry. */
    .addColumn('enterprise_text', 'text')
    .addColumn('sector', 'text')
    .addColumn('place', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('catalog_item_code', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    /** The reporter works at the enterprise (内部吹哨人). */
    .addColumn('insider', 'integer', (c) => c.notNull().defaultTo(0))
    /** Sealed JSON {name, phone, idNumber?, contact?}; null when anonymous. */
    .addColumn('identity_sealed', 'text')
    .addColumn('informant_id', 'bigint')
    /** received → accepted / rejected → verifying → verified → closed (domain table). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('duplicate_of_tip_id', 'bigint')
    .addColumn('assigned_unit_id', 'bigint', (c) => c.references('org_units.id'))
    .addColumn('assigned_user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    /** true / partly_true / not_true */
    .addColumn('verification_result', 'text')
    .addColumn('verification_summary', 'text')
    .addColumn('hazard_id', 'bigint', (c) => c.references('hazards.id'))
    .addColumn('inspection_record_id', 'bigint')
    .addColumn('penalty_case_id', 'bigint')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('tips_district_status')
    .on('tips')
    .columns(['district_id', 'status', 'received_at'])
    .execute();
  await db.schema
    .createIndex('tips_enterprise')
    .on('tips')
    .columns(['enterprise_id', 'status'])
    .execute();

  await db.schema
    .createTable('tip_messages')
    .addColumn('id', idType, id)
    .addColumn('tip_id', 'bigint', (c) => c.notNull().references('tips.id'))
    /** reply (seen by the reporter) / question (to the reporter) / note (internal only) /
     *  reporter_info (added by the reporter) / reporter_answer */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'bigint', (c) => c.references('users.id'))
    .addColumn('author_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tip_messages_tip')
    .on('tip_messages')
    .columns(['tip_id', 'id'])
    .execute();

  await db.schema
    .createTable('tip_files')
    .addColumn('id', idType, id)
    .addColumn('tip_id', 'bigint', (c) => c.notNull().references('tips.id'))
    .addColumn('message_id', 'bigint', (c) => c.references('tip_messages.id'))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    /** Uploaded by the reporter (1) or by staff (0). */
    .addColumn('from_reporter', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tip_files_tip').on('tip_files').column('tip_id').execute();

  await db.schema
    .createTable('tip_events')
    .addColumn('id', idType, id)
    .addColumn('tip_id', 'bigint', (c) => c.notNull().references('tips.id'))
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
    .createIndex('tip_events_tip')
    .on('tip_events')
    .columns(['tip_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['tip_events', 'tip_files', 'tip_messages', 'tips']) {
    await db.schema.dropTable(t).execute();
  }
}
