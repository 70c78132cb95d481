import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { InspectionPlanTable } from '../../db/schema-inspection-plans.js';
import { nowIso } from '../../lib/time.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

// Queries of inspection plans, their targets, inspectors and history. No access decisions here.

/** Which plans a caller may list. */
export type PlanScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | {
      kind: 'staff';
      /** Their territory: plans made in it … */
      subtreeOf: string;
      /** … or above it (a city's plan concerns its districts). */
      atPaths: string[];
      sectors: string[] | null;
      /** Plans this user was drawn or assigned to are always visible to them. */
      userId: number;
    };

export type PlanFilter = {
  q?: string;
  status?: string;
  kind?: string;
  sector?: string;
  like: 'like' | 'ilike';
};

/** Statuses in which an enterprise may learn of an announced plan that targets it. */
export const ENTERPRISE_VISIBLE_STATUSES = ['assigned', 'in_progress', 'completed'] as const;

const PLAN_COLUMNS = [
  'p.id',
  'p.org_unit_id',
  'o.name as org_unit_name',
  'o.path as org_path',
  'o.kind as org_kind',
  'p.name',
  'p.kind',
  'p.start_date',
  'p.end_date',
  'p.sectors',
  'p.departments',
  'p.unannounced',
  'p.cross_area',
  'p.enterprise_count',
  'p.inspectors_per_target',
  'p.note',
  'p.status',
  'p.cancel_reason',
  'p.completion_note',
  'p.campaign_id',
  'p.draw_seed',
  'p.draw_algorithm',
  'p.draw_input',
  'p.drawn_at',
  'p.drawn_by',
  'p.drawn_by_name',
  'p.created_by',
  'p.created_by_name',
  'p.created_at',
  'p.updated_at',
  'p.version',
] as const;

function planBase(db: Q) {
  return db
    .selectFrom('inspection_plans as p')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select(PLAN_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('inspection_plan_targets as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.plan_id', '=', 'p.id')
        .as('target_count'),
      eb
        .selectFrom('inspection_plan_targets as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.plan_id', '=', 'p.id')
        .where('t.status', '=', 'inspected')
        .as('inspected_count'),
    ]);
}

/** One plan with its org unit and target counts (no scope check: services do that). */
export function findPlan(db: Q, id: number) {
  return planBase(db).where('p.id', '=', id).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** Inserts a plan; returns its id. */
export async function insertPlan(db: Q, row: Insertable<InspectionPlanTable>): Promise<number> {
  const { id } = await db
    .insertInto('inspection_plans')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a plan if it still has the version read; false when someone changed it meanwhile. */
export async function updatePlanIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<InspectionPlanTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('inspection_plans')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Appends one event to a plan's history. */
export async function insertEvent(
  db: Q,
  e: {
    planId: number;
    action: string;
    from: string | null;
    to: string;
    actorId: number | null;
    actorName: string | null;
    at: string;
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto('inspection_plan_events')
    .values({
      plan_id: e.planId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_id: e.actorId,
      actor_name: e.actorName,
      at: e.at,
      note: e.note,
    })
    .execute();
}

/** A plan's history, oldest first. */
export function listEvents(db: Q, planId: number) {
  return db
    .selectFrom('inspection_plan_events')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('id')
    .execute();
}

function scoped(db: Q, scope: PlanScope, f: PlanFilter) {
  let q = planBase(db);
  if (scope.kind === 'enterprise') {
    // Only announced plans, once their targets are fixed, that visit this enterprise.
    q = q
      .where('p.unannounced', '=', 0)
      .where('p.status', 'in', [...ENTERPRISE_VISIBLE_STATUSES])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('inspection_plan_targets as t')
            .select('t.id')
            .whereRef('t.plan_id', '=', 'p.id')
            .where('t.enterprise_id', '=', scope.enterpriseId),
        ),
      );
  } else {
    q = q.where((eb) => {
      const placed = eb.or([
        eb('o.path', 'like', `${scope.subtreeOf}%`),
        eb('o.path', 'in', scope.atPaths.length ? scope.atPaths : ['-']),
      ]);
      const sectors = scope.sectors;
      const staffSees = sectors
        ? eb.and([
            placed,
            eb.or(
              (sectors.length ? sectors : ['-']).map((s) => eb('p.sectors', 'like', `%"${s}"%`)),
            ),
          ])
        : placed;
      const assigned = eb.exists(
        eb
          .selectFrom('inspection_plan_targets as t')
          .innerJoin('inspection_plan_target_inspectors as ti', 'ti.target_id', 't.id')
          .select('t.id')
          .whereRef('t.plan_id', '=', 'p.id')
          .where('ti.user_id', '=', scope.userId),
      );
      return eb.or([staffSees, assigned]);
    });
  }
  if (f.q) q = q.where('p.name', f.like, likePattern(f.q));
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.sector) q = q.where('p.sectors', 'like', `%"${f.sector}"%`);
  return q;
}

/** One page of the plans a scope sees, newest period first. */
export async function listPlans(
  db: Q,
  scope: PlanScope,
  f: PlanFilter,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    scoped(db, scope, f)
      .orderBy('p.start_date', 'desc')
      .orderBy('p.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    scoped(db, scope, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The status of one enterprise's targets in some plans, by plan id. */
export async function targetStatusesOf(db: Q, planIds: readonly number[], enterpriseId: number) {
  if (planIds.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('inspection_plan_targets')
    .select(['plan_id', 'status'])
    .where('plan_id', 'in', [...planIds])
    .where('enterprise_id', '=', enterpriseId)
    .execute();
  return new Map(rows.map((r) => [Number(r.plan_id), r.status]));
}

/** Whether a user was drawn or assigned to any target of a plan. */
export async function isAssignedInspector(db: Q, planId: number, userId: number) {
  const row = await db
    .selectFrom('inspection_plan_targets as t')
    .innerJoin('inspection_plan_target_inspectors as ti', 'ti.target_id', 't.id')
    .select('t.id')
    .where('t.plan_id', '=', planId)
    .where('ti.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a plan's targets with their inspectors, in order. */
export async function insertTargets(
  db: Q,
  planId: number,
  targets: readonly { seq: number; enterpriseId: number; inspectorIds: readonly number[] }[],
  at: string,
): Promise<void> {
  for (const t of targets) {
    const { id } = await db
      .insertInto('inspection_plan_targets')
      .values({
        plan_id: planId,
        seq: t.seq,
        enterprise_id: t.enterpriseId,
        status: 'pending',
        record_id: null,
        inspected_at: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (t.inspectorIds.length > 0) {
      await db
        .insertInto('inspection_plan_target_inspectors')
        .values(t.inspectorIds.map((u, i) => ({ target_id: Number(id), user_id: u, seq: i + 1 })))
        .execute();
    }
  }
}

/** A plan's targets in order, with enterprise and district names. */
export function listTargets(db: Q, planId: number) {
  return db
    .selectFrom('inspection_plan_targets as t')
    .innerJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select([
      't.id',
      't.seq',
      't.enterprise_id',
      'e.name as enterprise_name',
      'e.credit_code as enterprise_credit_code',
      'e.address as enterprise_address',
      'e.sector',
      'o.name as district_name',
      't.status',
      't.record_id',
      't.inspected_at',
    ])
    .where('t.plan_id', '=', planId)
    .orderBy('t.seq')
    .execute();
}
export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

/** The inspectors of some targets, in pair order, with their unit and certificate. */
export function listTargetInspectors(db: Q, targetIds: readonly number[]) {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_plan_target_inspectors as ti')
    .innerJoin('users as u', 'u.id', 'ti.user_id')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'ti.target_id',
      'ti.user_id',
      'ti.seq',
      'u.display_name',
      'u.certificate_no',
      'o.name as org_unit_name',
    ])
    .where('ti.target_id', 'in', [...targetIds])
    .orderBy('ti.target_id')
    .orderBy('ti.seq')
    .execute();
}

/** The plans (targets fixed, not finished) that will visit an enterprise, soonest first. */
export function listUpcomingForEnterprise(
  db: Q,
  enterpriseId: number,
  opts: { today: string; announcedOnly: boolean },
) {
  let q = db
    .selectFrom('inspection_plan_targets as t')
    .innerJoin('inspection_plans as p', 'p.id', 't.plan_id')
    .innerJoin('org_units as o', 'o.id', 'p.org_unit_id')
    .select([
      'p.id as plan_id',
      'p.name',
      'p.kind',
      'p.status',
      'p.start_date',
      'p.end_date',
      'p.sectors',
      'p.unannounced',
      'o.name as org_unit_name',
      'o.path as org_path',
      't.id as target_id',
      't.status as target_status',
    ])
    .where('t.enterprise_id', '=', enterpriseId)
    .where('t.status', '=', 'pending')
    .where('p.status', 'in', ['assigned', 'in_progress'])
    .where('p.end_date', '>=', opts.today);
  if (opts.announcedOnly) q = q.where('p.unannounced', '=', 0);
  return q.orderBy('p.start_date').orderBy('p.id').limit(50).execute();
}

/** One target with what the inspections module needs to file a record against it. */
export async function findTarget(db: Q, targetId: number) {
  const row = await db
    .selectFrom('inspection_plan_targets as t')
    .innerJoin('inspection_plans as p', 'p.id', 't.plan_id')
    .select([
      't.id',
      't.plan_id',
      't.seq',
      't.enterprise_id',
      't.status',
      't.record_id',
      'p.kind as plan_kind',
      'p.status as plan_status',
      'p.unannounced',
      'p.start_date',
      'p.end_date',
    ])
    .where('t.id', '=', targetId)
    .executeTakeFirst();
  if (!row) return undefined;
  const inspectors = await db
    .selectFrom('inspection_plan_target_inspectors')
    .select('user_id')
    .where('target_id', '=', targetId)
    .orderBy('seq')
    .execute();
  return { ...row, inspector_ids: inspectors.map((i) => Number(i.user_id)) };
}
export type TargetForRecord = NonNullable<Awaited<ReturnType<typeof findTarget>>>;

/**
 * Marks a plan target inspected with the inspection record made for it, inside the caller's
 * transaction (called by the inspections module when a record for the target is signed). A
 * correction that supersedes the record calls it again with the new record id. The first
 * inspection of an assigned plan puts the plan in progress; both changes go to the plan's
 * history. Returns false when the target does not exist or its plan is cancelled or completed.
 */
export async function markTargetInspected(
  trx: Transaction<Database>,
  targetId: number,
  recordId: number,
): Promise<boolean> {
  const target = await findTarget(trx, targetId);
  if (!target || !['assigned', 'in_progress'].includes(target.plan_status)) return false;
  const at = nowIso();
  await trx
    .updateTable('inspection_plan_targets')
    .set({
      status: 'inspected',
      record_id: recordId,
      inspected_at: target.status === 'inspected' ? undefined : at,
    })
    .where('id', '=', targetId)
    .execute();
  const note = `检查对象 #${target.seq}：检查记录 #${recordId}`;
  if (target.plan_status === 'assigned') {
    await trx
      .updateTable('inspection_plans')
      .set((eb) => ({ status: 'in_progress', updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', target.plan_id)
      .where('status', '=', 'assigned')
      .execute();
  }
  await insertEvent(trx, {
    planId: target.plan_id,
    action: 'target_inspected',
    from: target.plan_status,
    to: 'in_progress',
    actorId: null,
    actorName: null,
    at,
    note,
  });
  return true;
}

// --- The draw's pools ------------------------------------------------------------------------

/**
 * Enterprises of some districts and sectors, by id: the draw's eligible list (status filter
 * given) or the candidates of a hand-picked plan. With `campaignId`, only those that submitted
 * a self-inspection in that campaign.
 */
export function listPoolEnterprises(
  db: Q,
  f: {
    districtIds: readonly number[];
    sectors: readonly string[];
    statuses: readonly string[];
    campaignId: number | null;
    ids?: readonly number[];
    q?: string;
    like?: 'like' | 'ilike';
    limit?: number;
  },
) {
  let q = db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.name', 'e.sector', 'e.org_unit_id', 'e.status', 'o.name as district_name'])
    .where('e.org_unit_id', 'in', f.districtIds.length ? [...f.districtIds] : [-1])
    .where('e.sector', 'in', f.sectors.length ? [...f.sectors] : ['-'])
    .where('e.status', 'in', [...f.statuses]);
  if (f.campaignId !== null) {
    const campaignId = f.campaignId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('self_inspections as s')
          .select('s.id')
          .whereRef('s.enterprise_id', '=', 'e.id')
          .where('s.campaign_id', '=', campaignId)
          .where('s.status', '=', 'submitted'),
      ),
    );
  }
  if (f.ids) q = q.where('e.id', 'in', f.ids.length ? [...f.ids] : [-1]);
  if (f.q && f.like) q = q.where('e.name', f.like, likePattern(f.q));
  q = q.orderBy('e.id');
  if (f.limit) q = q.limit(f.limit);
  return q.execute();
}

/** Active staff of some roles under an org path, with their unit (the draw's inspector pool). */
export function listPoolStaff(
  db: Q,
  f: { rootPath: string; roles: readonly string[]; ids?: readonly number[] },
) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.display_name',
      'u.role',
      'u.sectors',
      'u.certificate_no',
      'u.org_unit_id',
      'o.kind as org_kind',
      'o.name as org_unit_name',
      'o.path as org_path',
    ])
    .where('u.status', '=', 'active')
    .where('u.role', 'in', [...f.roles])
    .where('o.path', 'like', `${f.rootPath}%`);
  if (f.ids) q = q.where('u.id', 'in', f.ids.length ? [...f.ids] : [-1]);
  return q.orderBy('u.id').execute();
}

/** Org units (id, kind, path) at some paths: a plan's unit and its ancestors. */
export function listUnitsAt(db: Q, paths: readonly string[]) {
  return db
    .selectFrom('org_units')
    .select(['id', 'kind', 'path', 'parent_id'])
    .where('path', 'in', paths.length ? [...paths] : ['-'])
    .execute();
}

/** Org units (id, kind, path) under a path: to place staff in their district. */
export function listUnitsUnder(db: Q, rootPath: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'kind', 'path', 'parent_id'])
    .where('path', 'like', `${rootPath}%`)
    .execute();
}
