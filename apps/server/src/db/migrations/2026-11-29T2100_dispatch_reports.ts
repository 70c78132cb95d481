import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: weekly and milestone dispatch reports (调度表, issue 9). A report is one
// district's figures for one sector and period; the brigade's confirmation is kept on the
// report, each submission (the first and every correction) is a frozen version with the figure
// values, the record ids behind them, the open-hazard list and the layouts it was drawn with.
// Table layouts replaced by the bureau are kept as versions; the newest per table is in force.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('dispatch_reports')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('campaign_id', 'bigint', (c) => c.notNull().references('campaigns.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    /** weekly / milestone */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The period, China dates inclusive; milestone reports also name their milestone. */
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('milestone_key', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    /** confirmed / submitted (a draft is never stored). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('confirmed_by_name', 'text')
    .addColumn('confirmed_at', 'text')
    /** JSON: the enforcement figures as confirmed, to detect later changes. */
    .addColumn('confirmed_figures', 'text')
    .addColumn('current_version_id', 'bigint')
    .addColumn('first_submitted_at', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dispatch_reports_identity')
    .on('dispatch_reports')
    .columns(['campaign_id', 'kind', 'period_to', 'sector', 'district_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('dispatch_report_versions')
    .addColumn('id', idType, id)
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('dispatch_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('prepared_by', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('summary', 'text')
    /** Why a correction was made (null on the first version). */
    .addColumn('reason', 'text')
    .addColumn('on_time', 'integer', (c) => c.notNull())
    /** JSON: figure values { key: { week, cumulative } } (read by the roll-up). */
    .addColumn('figures', 'text', (c) => c.notNull())
    /** JSON: record ids behind each figure { key: { week: [], cumulative: [] } } (drill-down). */
    .addColumn('figure_ids', 'text', (c) => c.notNull())
    /** JSON: the rows of the open major hazards list. */
    .addColumn('hazard_list', 'text', (c) => c.notNull())
    /** JSON: { progress, hazardList } layouts in force at submission. */
    .addColumn('layouts', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dispatch_report_versions_report')
    .on('dispatch_report_versions')
    .columns(['report_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('report_layouts')
    .addColumn('id', idType, id)
    /** annex1 … annex5 */
    .addColumn('table_key', 'text', (c) => c.notNull())
    /** JSON layout (domain tableLayoutSchema). */
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_layouts_table')
    .on('report_layouts')
    .columns(['table_key', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['report_layouts', 'dispatch_report_versions', 'dispatch_reports']) {
    await db.schema.dropTable(t).execute();
  }
}
