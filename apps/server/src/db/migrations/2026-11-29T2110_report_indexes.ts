import { type Kysely, sql } from 'kysely';

// Frozen migration: indexes for the dispatch-report figures (issue 9). Each figure query reads
// one table over the campaign period by district; before these, self-inspections were scanned
// whole, and the hazard, inspection, penalty and supervision queries looked up most rows of the
// district in the table to test the level, sector, supervision or decision date. Measured on
// bench/dispatch-report.ts (2,000,000 hazards, 500,000 inspections, 108 districts): one
// district's four tables 633 → ~30 ms (p50), the province's 18.8 s → ~0.9 s; see
// bench/results/2026-11-29-dispatch-report.txt and bench/plans/.
// The partial indexes are matched through the queries' bound parameters (level = 'major',
// action = 'supervise'): SQLite plans with the bound values and node-pg's unnamed statements
// are planned with them too; an IN list or an expression there would lose the index.
// `ifNotExists` so that a benchmark database given the indexes by hand still migrates.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Self-inspections had no district index at all: every report scanned the whole table.
  await db.schema
    .createIndex('self_inspections_report')
    .ifNotExists()
    .on('self_inspections')
    .columns(['district_id', 'status', 'submitted_on', 'sector', 'enterprise_id'])
    .execute();
  // Major hazards found in the period, rectified, overdue, and the open list (附件5): only the
  // major ones (under a tenth of the ledger), in date order per district, answered from the index.
  await db.schema
    .createIndex('hazards_report_major')
    .ifNotExists()
    .on('hazards')
    .columns(['district_id', 'found_at', 'sector', 'origin', 'status', 'verified_at', 'deadline'])
    .where(sql.ref('level'), '=', 'major')
    .execute();
  // Supervised hazards: the query narrows to hazards ever supervised before probing their
  // events; this partial index holds just those (a few in a thousand).
  await db.schema
    .createIndex('hazards_report_supervised')
    .ifNotExists()
    .on('hazards')
    .columns(['district_id', 'sector', 'supervision_level'])
    .where(sql.ref('supervised_at'), 'is not', null)
    .execute();
  // …and their supervision events, probed per hazard: two partial indexes holding only those
  // events (the ledger keeps several events per hazard; these are a few in ten thousand).
  for (const [name, action] of [
    ['hazard_events_supervise', 'supervise'],
    ['hazard_events_lift_supervision', 'lift_supervision'],
  ] as const) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('hazard_events')
      .columns(['hazard_id', 'at'])
      .where(sql.ref('action'), '=', action)
      .execute();
  }
  // Signed inspections in the period with the columns the figures need, without reading the
  // wide record rows.
  await db.schema
    .createIndex('inspection_records_report')
    .ifNotExists()
    .on('inspection_records')
    .columns(['district_id', 'status', 'started_at', 'sector', 'enterprise_id', 'plan_id'])
    .execute();
  // Registered enterprises (a stock figure, over every enterprise of the territory): the status
  // and its date from the index rather than 100,000 table rows for a province.
  await db.schema
    .createIndex('enterprises_report')
    .ifNotExists()
    .on('enterprises')
    .columns(['org_unit_id', 'sector', 'status', 'status_date'])
    .execute();
  // Decided penalty cases by decision date (the existing index orders by filing date).
  await db.schema
    .createIndex('penalty_cases_report')
    .ifNotExists()
    .on('penalty_cases')
    .columns(['district_id', 'status', 'decision_date', 'sector'])
    .execute();
  // Tips received in the period, and the verified ones of a district, without a table scan.
  await db.schema
    .createIndex('tips_report')
    .ifNotExists()
    .on('tips')
    .columns(['district_id', 'received_at', 'sector', 'verification_result'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'tips_report',
    'penalty_cases_report',
    'enterprises_report',
    'inspection_records_report',
    'hazard_events_lift_supervision',
    'hazard_events_supervise',
    'hazards_report_supervised',
    'hazards_report_major',
    'self_inspections_report',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
