import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: public disclosure (公开曝光 / 典型执法案例, issue 10 item 2). A disclosure is
// prepared from a penalty case or a major hazard; its staff-edited text stays internal, and the
// redacted title and text are frozen into published_* columns at approval: the public routes
// read only those. Photos point at the source hazard file; the pixelated copy is a separate
// stored file, and only that copy is ever served publicly.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('disclosures')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    /** typical_case / exposure */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** penalty_case / hazard */
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'bigint', (c) => c.notNull())
    /** The case number or hazard number, for lists. */
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** JSON array: names of persons collected from the source records at creation. */
    .addColumn('person_names', 'text', (c) => c.notNull())
    /** JSON array: strings staff chose to remove by hand. */
    .addColumn('manual_redactions', 'text', (c) => c.notNull())
    /** draft / submitted / approved / unpublished */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_from', 'text')
    .addColumn('publish_until', 'text')
    /** Frozen at approval: the only text the public routes read. */
    .addColumn('published_title', 'text')
    .addColumn('published_text', 'text')
    .addColumn('prepared_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('prepared_by_name', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('submitted_by_name', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('approved_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('unpublished_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('unpublished_at', 'text')
    .addColumn('unpublish_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosures_public')
    .on('disclosures')
    .columns(['status', 'publish_from', 'publish_until'])
    .execute();
  await db.schema
    .createIndex('disclosures_source')
    .on('disclosures')
    .columns(['source_type', 'source_id'])
    .execute();

  await db.schema
    .createTable('disclosure_photos')
    .addColumn('id', idType, id)
    .addColumn('disclosure_id', 'bigint', (c) => c.notNull().references('disclosures.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source_file_id', 'bigint', (c) => c.notNull().references('hazard_files.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    /** JSON array of relative boxes { x, y, w, h } to pixelate. */
    .addColumn('boxes', 'text', (c) => c.notNull())
    /** The pixelated copy (re-made whenever the boxes change). */
    .addColumn('redacted_storage_key', 'text')
    .addColumn('redacted_mime_type', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_photos_disclosure')
    .on('disclosure_photos')
    .columns(['disclosure_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('disclosure_photos').execute();
  await db.schema.dropTable('disclosures').execute();
}
