import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: inspection plans (检查计划, issue 7) — the plan, its targets (the enterprises
// to visit, in draw order) with their inspectors, and the plan's history. A drawn plan keeps the
// seed, the algorithm name and the complete draw input (JSON) so that anyone with access can
// re-run the draw. A target points at the inspection record made for it by plain id: that table
// is created by a later migration and belongs to another module.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('inspection_plans')
    .addColumn('id', idType, id)
    /** The planner's territory (district or city): the plan's enterprises lie in it. */
    .addColumn('org_unit_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** random | self_check_spot | key_enterprise | assistance | complaint | joint */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    /** JSON array of sectors. */
    .addColumn('sectors', 'text', (c) => c.notNull())
    /** JSON array of the other departments of a joint inspection. */
    .addColumn('departments', 'text', (c) => c.notNull())
    /** 0/1: 四不两直, never shown to the enterprises. */
    .addColumn('unannounced', 'integer', (c) => c.notNull())
    /** 0/1: 异地执法/交叉互检. */
    .addColumn('cross_area', 'integer', (c) => c.notNull())
    .addColumn('enterprise_count', 'integer')
    .addColumn('inspectors_per_target', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    /** draft → assigned → in_progress → completed; cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('completion_note', 'text')
    /** For a spot check of self-inspections: the campaign whose submissions were drawn from. */
    .addColumn('campaign_id', 'bigint')
    .addColumn('draw_seed', 'text')
    .addColumn('draw_algorithm', 'text')
    /** The complete DrawInput (seed, count, enterprises, inspectors, options), JSON. */
    .addColumn('draw_input', 'text')
    .addColumn('drawn_at', 'text')
    .addColumn('drawn_by', 'bigint')
    .addColumn('drawn_by_name', 'text')
    .addColumn('created_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('inspection_plans_org_status')
    .on('inspection_plans')
    .columns(['org_unit_id', 'status', 'start_date'])
    .execute();

  await db.schema
    .createTable('inspection_plan_targets')
    .addColumn('id', idType, id)
    .addColumn('plan_id', 'bigint', (c) => c.notNull().references('inspection_plans.id'))
    /** Draw order (1, 2, …) or the order entered by hand. */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'bigint', (c) => c.notNull().references('enterprises.id'))
    /** pending | inspected */
    .addColumn('status', 'text', (c) => c.notNull())
    /** The inspection record made for this target (inspections module). */
    .addColumn('record_id', 'bigint')
    .addColumn('inspected_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_plan_targets_enterprise', ['plan_id', 'enterprise_id'])
    .addUniqueConstraint('inspection_plan_targets_seq', ['plan_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('inspection_plan_targets_ent')
    .on('inspection_plan_targets')
    .columns(['enterprise_id', 'status'])
    .execute();

  await db.schema
    .createTable('inspection_plan_target_inspectors')
    .addColumn('id', idType, id)
    .addColumn('target_id', 'bigint', (c) => c.notNull().references('inspection_plan_targets.id'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    /** Position in the pair (the order the draw picked them). */
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('inspection_plan_target_inspectors_once', ['target_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('inspection_plan_target_inspectors_user')
    .on('inspection_plan_target_inspectors')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('inspection_plan_events')
    .addColumn('id', idType, id)
    .addColumn('plan_id', 'bigint', (c) => c.notNull().references('inspection_plans.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('inspection_plan_events_plan')
    .on('inspection_plan_events')
    .columns(['plan_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'inspection_plan_events',
    'inspection_plan_target_inspectors',
    'inspection_plan_targets',
    'inspection_plans',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
