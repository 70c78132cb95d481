import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: criteria catalogs, campaigns, notices and accident-lesson alerts (issue 4).
// Imports nothing from the app.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  // --- Criteria catalogs: versions and their items ------------------------------------------
  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', idType, id)
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: the standard's descriptor (name, document number, sectors, sections, notes).
    .addColumn('descriptor', 'text', (c) => c.notNull())
    .addColumn('based_on_version', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_file_name', 'text')
    .addColumn('note', 'text')
    .addColumn('diff_summary', 'text')
    .addColumn('diff', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('published_by_name', 'text')
    .addColumn('discarded_at', 'text')
    .addColumn('discard_reason', 'text')
    .addUniqueConstraint('catalog_versions_catalog_version', ['catalog_id', 'version'])
    .execute();
  await db.schema
    .createIndex('catalog_versions_status')
    .on('catalog_versions')
    .columns(['catalog_id', 'status', 'version'])
    .execute();
  // At most one open draft per catalog (both databases support partial indexes).
  await sql`CREATE UNIQUE INDEX catalog_versions_one_draft ON catalog_versions (catalog_id)
    WHERE status = 'draft'`.execute(db);

  await db.schema
    .createTable('catalog_items')
    .addColumn('id', idType, id)
    .addColumn('catalog_version_id', 'bigint', (c) => c.notNull().references('catalog_versions.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text')
    .addColumn('completeness', 'text', (c) => c.notNull())
    .addColumn('gap_note', 'text')
    .addColumn('source_status', 'text')
    // JSON: { sectors, subTypes, tags } as in the domain's CatalogItem.
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('local', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('catalog_items_version_code', ['catalog_version_id', 'code'])
    .execute();
  await db.schema
    .createIndex('catalog_items_version_ordinal')
    .on('catalog_items')
    .columns(['catalog_version_id', 'ordinal'])
    .execute();

  // A published version is immutable: the database refuses to change it or its items.
  if (pg) {
    await sql`
      CREATE OR REPLACE FUNCTION catalog_published_immutable() RETURNS trigger AS $$
      DECLARE st text;
      BEGIN
        IF TG_TABLE_NAME = 'catalog_versions' THEN
          IF OLD.status = 'published' THEN
            RAISE EXCEPTION 'published catalog versions are immutable';
          END IF;
        ELSE
          IF TG_OP = 'INSERT' THEN
            SELECT status INTO st FROM catalog_versions WHERE id = NEW.catalog_version_id;
          ELSE
            SELECT status INTO st FROM catalog_versions WHERE id = OLD.catalog_version_id;
          END IF;
          IF st = 'published' THEN
            RAISE EXCEPTION 'published catalog versions are immutable';
          END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER catalog_versions_immutable BEFORE UPDATE OR DELETE ON catalog_versions
      FOR EACH ROW EXECUTE FUNCTION catalog_published_immutable()`.execute(db);
    await sql`CREATE TRIGGER catalog_items_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalog_items
      FOR EACH ROW EXECUTE FUNCTION catalog_published_immutable()`.execute(db);
  } else {
    const raise = sql.raw(
      `BEGIN SELECT RAISE(ABORT, 'published catalog versions are immutable'); END`,
    );
    await sql`CREATE TRIGGER catalog_versions_no_update BEFORE UPDATE ON catalog_versions
      WHEN OLD.status = 'published' ${raise}`.execute(db);
    await sql`CREATE TRIGGER catalog_versions_no_delete BEFORE DELETE ON catalog_versions
      WHEN OLD.status = 'published' ${raise}`.execute(db);
    await sql`CREATE TRIGGER catalog_items_no_insert BEFORE INSERT ON catalog_items
      WHEN (SELECT status FROM catalog_versions WHERE id = NEW.catalog_version_id) = 'published'
      ${raise}`.execute(db);
    await sql`CREATE TRIGGER catalog_items_no_update BEFORE UPDATE ON catalog_items
      WHEN (SELECT status FROM catalog_versions WHERE id = OLD.catalog_version_id) = 'published'
      ${raise}`.execute(db);
    await sql`CREATE TRIGGER catalog_items_no_delete BEFORE DELETE ON catalog_items
      WHEN (SELECT status FROM catalog_versions WHERE id = OLD.catalog_version_id) = 'published'
      ${raise}`.execute(db);
  }

  // --- Campaigns ---------------------------------------------------------------------------
  await db.schema
    .createTable('campaigns')
    .addColumn('id', idType, id)
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('phases', 'text', (c) => c.notNull())
    .addColumn('weekly_weekday', 'integer', (c) => c.notNull())
    .addColumn('weekly_hour', 'integer', (c) => c.notNull())
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('campaigns_org_year')
    .on('campaigns')
    .columns(['org_unit_id', 'year'])
    .execute();

  // --- Uploaded files (notice attachments now; other owners later) --------------------------
  await db.schema
    .createTable('attachments')
    .addColumn('id', idType, id)
    // What the file belongs to (e.g. 'notice'); null until attached.
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'bigint')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_owner')
    .on('attachments')
    .columns(['owner_type', 'owner_id'])
    .execute();

  // --- Notices and read receipts -------------------------------------------------------------
  await db.schema
    .createTable('notices')
    .addColumn('id', idType, id)
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('campaign_id', 'bigint', (c) => c.references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('publisher_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notices_org_published')
    .on('notices')
    .columns(['org_unit_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('notice_receipts')
    .addColumn('id', idType, id)
    .addColumn('notice_id', 'bigint', (c) => c.notNull().references('notices.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('read_by_name', 'text')
    .addColumn('remind_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addUniqueConstraint('notice_receipts_notice_enterprise', ['notice_id', 'enterprise_id'])
    .execute();
  await db.schema
    .createIndex('notice_receipts_enterprise')
    .on('notice_receipts')
    .columns(['enterprise_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('notice_reminders')
    .addColumn('id', idType, id)
    .addColumn('notice_id', 'bigint', (c) => c.notNull().references('notices.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('reminded_at', 'text', (c) => c.notNull())
    .addColumn('reminded_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('reminded_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notice_reminders_notice')
    .on('notice_reminders')
    .columns(['notice_id', 'enterprise_id'])
    .execute();

  // --- Accident-lesson alerts and responses --------------------------------------------------
  await db.schema
    .createTable('accident_alerts')
    .addColumn('id', idType, id)
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('accident_date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('lesson', 'text', (c) => c.notNull())
    // JSON: [{ catalogId, catalogVersion, code, title, clause }] as cited at publication.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('publisher_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accident_alerts_org_published')
    .on('accident_alerts')
    .columns(['org_unit_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('alert_responses')
    .addColumn('id', idType, id)
    .addColumn('alert_id', 'bigint', (c) => c.notNull().references('accident_alerts.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('note', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('answered_by_name', 'text')
    .addColumn('hazard_id', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('alert_responses_alert_enterprise', ['alert_id', 'enterprise_id'])
    .execute();
  await db.schema
    .createIndex('alert_responses_enterprise')
    .on('alert_responses')
    .columns(['enterprise_id', 'answer'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
