import { type Kysely, sql } from 'kysely';

// Frozen migration: indexes for the dispatch-report figures that a province dashboard (issue 11)
// reads over the whole territory. Measured on the province dataset (100,000 enterprises, 200,000
// leader inspections, 150,000 drills, 102,000 users, 9.2 M hazard events; see
// bench/plans/dashboard-province.txt), under load from other processes: signed leader inspections
// of the campaign 122 → ~45 ms (the table was scanned), drills 132 → ~50 ms (each row read for
// voided_at), the territory's inspectors 73 → 2.5 ms (every user of each unit read for its role),
// verified tips 49 → 5 ms, supervision events 35 → ~20 ms; a district's stay under 1 ms. The
// enterprise-keyed ones serve a district or city from its own enterprises' entries. The benchmark
// generator runs ANALYZE after its load, which SQLite's planner needs to choose them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('leader_inspections_report')
    .ifNotExists()
    .on('leader_inspections')
    .columns(['enterprise_id', 'status', 'inspected_on', 'voided_at'])
    .execute();
  await db.schema
    .createIndex('emergency_drills_report')
    .ifNotExists()
    .on('emergency_drills')
    .columns(['enterprise_id', 'drill_date', 'voided_at'])
    .execute();
  await db.schema
    .createIndex('users_role_status')
    .ifNotExists()
    .on('users')
    .columns(['role', 'status', 'org_unit_id', 'certificate_no'])
    .execute();
  // Supervision and tip verification events of the period: the existing partial indexes are
  // keyed by hazard (a district probes its few supervised hazards); a province reads the
  // period's events by time instead of all 30,000 ever recorded. Verified tips had no index:
  // every tip of the territory was read and its events probed.
  for (const [name, action] of [
    ['hazard_events_supervise_at', 'supervise'],
    ['hazard_events_lift_supervision_at', 'lift_supervision'],
  ] as const) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('hazard_events')
      .columns(['at', 'hazard_id'])
      .where(sql.ref('action'), '=', action)
      .execute();
  }
  await db.schema
    .createIndex('tip_events_verify')
    .ifNotExists()
    .on('tip_events')
    .columns(['tip_id', 'at'])
    .where(sql.ref('action'), '=', 'verify')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'tip_events_verify',
    'hazard_events_lift_supervision_at',
    'hazard_events_supervise_at',
    'users_role_status',
    'emergency_drills_report',
    'leader_inspections_report',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
}
