import {
  availablePlanActions,
  type CancelPlanInput,
  type CompletePlanInput,
  completionNeedsNote,
  type CreatePlanInput,
  isEnterpriseRole,
  isInSubtree,
  nextPlanStatus,
  type PageQuery,
  type PlanAction,
  planActionRefusal,
  type PlanDetail,
  type PlanKind,
  type PlanListItem,
  type PlanStatus,
  type PlanTarget,
  type PlanTargetStatus,
  Permission,
  roleHas,
  type Sector,
  type UpcomingInspection,
  type UpdatePlanInput,
  ErrorCode,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { AppError, fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import {
  ancestorPaths,
  staffSectors,
  staffSees,
  standpointOf,
  unitIdOfPath,
} from '../campaigns/audience.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './inspection-plans.repository.js';

// Inspection plans (检查计划): make, edit, list, read, start, complete, cancel; who sees which
// plan. The draw and the hand-picked targets are in inspection-plan-draw.service.ts.
//
// Visibility: staff see the plans made in their territory or above it that share a sector with
// them (sector-scoped roles), and any plan they were drawn or assigned to (a cross-area
// inspector comes from another district). Enterprise users see an ANNOUNCED plan once its
// targets are fixed and only if it visits their enterprise — and then only their own target,
// without the inspectors' names. An unannounced plan (四不两直) never reaches them: list, page,
// upcoming list and re-run of the draw all read as 404 / leave it out.

const parseSectors = (text: string) => JSON.parse(text) as Sector[];

/** Who is asking, as far as plans are concerned. */
type Viewer =
  | { kind: 'enterprise'; actor: SessionActor; enterpriseId: number }
  | { kind: 'staff'; actor: SessionActor };

/** The caller as a plan viewer; an enterprise user without an enterprise sees nothing. */
function viewerOf(ctx: RequestContext): Viewer {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) {
    if (actor.enterpriseId === null) throw notFound();
    return { kind: 'enterprise', actor, enterpriseId: actor.enterpriseId };
  }
  return { kind: 'staff', actor };
}

/** Whether a staff member may change a plan: planner permission, plan in territory and sectors. */
export function canManagePlan(actor: SessionActor, plan: repo.PlanRow): boolean {
  if (isEnterpriseRole(actor.role) || !roleHas(actor.role, Permission.EnforcementPlan))
    return false;
  if (!isInSubtree(plan.org_path, actor.territoryPath)) return false;
  const mine = staffSectors(actor);
  return mine === null || parseSectors(plan.sectors).every((s) => mine.includes(s));
}

/** Loads a plan the caller may see; anything else (incl. unannounced for enterprises) is 404. */
export async function getVisiblePlan(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const viewer = viewerOf(ctx);
  const plan = await repo.findPlan(deps.db.kysely, id);
  if (!plan) throw notFound();
  if (viewer.kind === 'enterprise') {
    const visible =
      plan.unannounced === 0 &&
      (repo.ENTERPRISE_VISIBLE_STATUSES as readonly string[]).includes(plan.status) &&
      (await repo.listTargets(deps.db.kysely, id)).some(
        (t) => t.enterprise_id === viewer.enterpriseId,
      );
    if (!visible) throw notFound();
    return { plan, viewer };
  }
  const point = { path: viewer.actor.territoryPath, sectors: staffSectors(viewer.actor) };
  if (
    !staffSees(point, plan.org_path, parseSectors(plan.sectors)) &&
    !(await repo.isAssignedInspector(deps.db.kysely, id, viewer.actor.userId))
  ) {
    throw notFound();
  }
  return { plan, viewer };
}

/** Loads a plan the caller may change (403 when they only see it). */
export async function getManageablePlan(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const { plan, viewer } = await getVisiblePlan(deps, ctx, id);
  if (!canManagePlan(viewer.actor, plan)) throw forbidden();
  return plan;
}

/** Refuses an action the plan's status or kind does not allow: 409 with the allowed ones. */
export function assertPlanAction(plan: repo.PlanRow, action: PlanAction): void {
  const facts = { status: plan.status as PlanStatus, kind: plan.kind as PlanKind };
  const why = planActionRefusal(facts, action);
  if (why) {
    throw new AppError(409, ErrorCode.Conflict, [{ path: 'action', message: why }], {
      status: plan.status,
      allowedActions: availablePlanActions(facts),
    });
  }
}

/** Checks that a staff member plans only for sectors they are responsible for. */
function checkSectors(actor: SessionActor, sectors: readonly Sector[]): void {
  const mine = staffSectors(actor);
  if (mine !== null && sectors.some((s) => !mine.includes(s))) {
    throw fieldError('sectors', '只能为本人负责的行业领域制定检查计划');
  }
}

/** The API view of a plan row. */
export function toListItem(p: repo.PlanRow): PlanListItem {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as PlanKind,
    status: p.status as PlanStatus,
    startDate: p.start_date,
    endDate: p.end_date,
    sectors: parseSectors(p.sectors),
    orgUnitId: p.org_unit_id,
    orgUnitName: p.org_unit_name,
    unannounced: p.unannounced === 1,
    crossArea: p.cross_area === 1,
    enterpriseCount: p.enterprise_count,
    targetCount: Number(p.target_count ?? 0),
    inspectedCount: Number(p.inspected_count ?? 0),
    createdByName: p.created_by_name,
    createdAt: p.created_at,
    version: p.version,
  };
}

/** A plan's targets with their inspectors, in order. */
export async function loadTargets(deps: ServiceDeps, planId: number): Promise<PlanTarget[]> {
  const db = deps.db.kysely;
  const targets = await repo.listTargets(db, planId);
  const inspectors = await repo.listTargetInspectors(
    db,
    targets.map((t) => t.id),
  );
  return targets.map((t) => ({
    id: t.id,
    seq: t.seq,
    enterpriseId: t.enterprise_id,
    enterpriseName: t.enterprise_name,
    sector: t.sector as Sector,
    districtName: t.district_name,
    status: t.status as PlanTargetStatus,
    recordId: t.record_id,
    inspectedAt: t.inspected_at,
    inspectors: inspectors
      .filter((i) => i.target_id === t.id)
      .map((i) => ({
        userId: i.user_id,
        name: i.display_name,
        certificateNo: i.certificate_no,
        orgUnitName: i.org_unit_name,
      })),
  }));
}

/** The draw's facts shown on the page (never the full input: it names every eligible party). */
function drawInfo(p: repo.PlanRow): PlanDetail['draw'] {
  if (!p.draw_input || !p.draw_seed || !p.draw_algorithm || !p.drawn_at) return null;
  const input = JSON.parse(p.draw_input) as {
    enterprises: unknown[];
    inspectors: { certificateNo: string | null }[];
  };
  const certified = input.inspectors.filter((i) => (i.certificateNo ?? '').trim() !== '').length;
  return {
    seed: p.draw_seed,
    algorithm: p.draw_algorithm,
    drawnAt: p.drawn_at,
    drawnByName: p.drawn_by_name ?? '',
    eligibleEnterprises: input.enterprises.length,
    eligibleInspectors: certified,
    ineligibleInspectors: input.inspectors.length - certified,
    campaignId: p.campaign_id,
  };
}

/** A plan's page for one caller. */
export async function getPlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<PlanDetail> {
  const { plan, viewer } = await getVisiblePlan(deps, ctx, id);
  const all = await loadTargets(deps, id);
  const item = toListItem(plan);
  if (viewer.kind === 'enterprise') {
    // Their own target only, and not who will come.
    const own = all
      .filter((t) => t.enterpriseId === viewer.enterpriseId)
      .map((t) => ({ ...t, inspectors: [] }));
    return {
      ...item,
      enterpriseCount: null,
      targetCount: own.length,
      inspectedCount: own.filter((t) => t.status === 'inspected').length,
      departments: JSON.parse(plan.departments) as string[],
      inspectorsPerTarget: plan.inspectors_per_target,
      note: null,
      cancelReason: null,
      completionNote: null,
      // Who drew is staff detail: it might be one of the inspectors who will come.
      draw: (() => {
        const info = drawInfo(plan);
        return info && { ...info, drawnByName: '' };
      })(),
      targets: own,
      history: [],
      availableActions: [],
      can: { manage: false, verify: plan.draw_input !== null, export: false },
    };
  }
  const manage = canManagePlan(viewer.actor, plan);
  const events = await repo.listEvents(deps.db.kysely, id);
  return {
    ...item,
    departments: JSON.parse(plan.departments) as string[],
    inspectorsPerTarget: plan.inspectors_per_target,
    note: plan.note,
    cancelReason: plan.cancel_reason,
    completionNote: plan.completion_note,
    draw: drawInfo(plan),
    targets: all,
    history: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status as PlanStatus | null,
      toStatus: e.to_status as PlanStatus,
      actorName: e.actor_name,
      at: e.at,
      note: e.note,
    })),
    availableActions: manage
      ? availablePlanActions({ status: plan.status as PlanStatus, kind: plan.kind as PlanKind })
      : [],
    can: { manage, verify: plan.draw_input !== null, export: all.length > 0 },
  };
}

export type PlanListQuery = PageQuery & {
  q?: string;
  status?: PlanStatus;
  kind?: PlanKind;
  sector?: Sector;
};

/** One page of the plans the caller sees (enterprise users: announced ones that visit them). */
export async function listPlans(deps: ServiceDeps, ctx: RequestContext, query: PlanListQuery) {
  const viewer = viewerOf(ctx);
  const scope: repo.PlanScope =
    viewer.kind === 'enterprise'
      ? { kind: 'enterprise', enterpriseId: viewer.enterpriseId }
      : {
          kind: 'staff',
          subtreeOf: viewer.actor.territoryPath,
          atPaths: ancestorPaths(viewer.actor.territoryPath),
          sectors: staffSectors(viewer.actor),
          userId: viewer.actor.userId,
        };
  const { items, total } = await repo.listPlans(
    deps.db.kysely,
    scope,
    {
      q: query.q,
      status: query.status,
      kind: query.kind,
      sector: query.sector,
      like: likeOperator(deps.db.dialect),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const own =
    viewer.kind === 'enterprise'
      ? await repo.targetStatusesOf(
          deps.db.kysely,
          items.map((p) => p.id),
          viewer.enterpriseId,
        )
      : null;
  return {
    items: items.map((p) => {
      const item = toListItem(p);
      if (!own) return item;
      // An enterprise learns neither how many others are visited nor how many were drawn:
      // the figures are about its own target.
      return {
        ...item,
        enterpriseCount: null,
        targetCount: 1,
        inspectedCount: own.get(p.id) === 'inspected' ? 1 : 0,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The stored columns of the editable fields. */
function planColumns(input: CreatePlanInput) {
  return {
    name: input.name,
    kind: input.kind,
    start_date: input.startDate,
    end_date: input.endDate,
    sectors: JSON.stringify(input.sectors),
    departments: JSON.stringify(input.departments),
    unannounced: input.unannounced ? 1 : 0,
    cross_area: input.crossArea ? 1 : 0,
    enterprise_count: input.enterpriseCount,
    inspectors_per_target: input.inspectorsPerTarget,
    note: input.note,
  };
}

/** Makes a draft plan for the planner's territory (district or city). */
export async function createPlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreatePlanInput,
): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  checkSectors(actor, input.sectors);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const row = {
      ...planColumns(input),
      org_unit_id: unitIdOfPath(actor.territoryPath),
      status: 'draft',
      cancel_reason: null,
      completion_note: null,
      campaign_id: null,
      draw_seed: null,
      draw_algorithm: null,
      draw_input: null,
      drawn_at: null,
      drawn_by: null,
      drawn_by_name: null,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    const planId = await repo.insertPlan(trx, row);
    await repo.insertEvent(trx, {
      planId,
      action: 'created',
      from: null,
      to: 'draft',
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      note: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_plan.created',
      entityType: 'inspection_plan',
      entityId: planId,
      changes: diffRecords(null, row),
    });
    return planId;
  });
  return getPlan(deps, ctx, id);
}

/** Edits a draft plan. */
export async function updatePlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdatePlanInput,
): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  const plan = await getManageablePlan(deps, ctx, id);
  assertPlanAction(plan, 'edit');
  if (plan.version !== input.version) throw staleVersion();
  checkSectors(actor, input.sectors);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { ...planColumns(input), updated_at: at };
    if (!(await repo.updatePlanIfVersion(trx, id, input.version, set))) throw staleVersion();
    const changes = diffRecords(plan, { ...plan, ...set });
    await repo.insertEvent(trx, {
      planId: id,
      action: 'edited',
      from: plan.status,
      to: plan.status,
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      note: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_plan.updated',
      entityType: 'inspection_plan',
      entityId: id,
      changes,
    });
  });
  return getPlan(deps, ctx, id);
}

/** Moves a plan to the status an action leads to, with its history row and audit row. */
async function transition(
  deps: ServiceDeps,
  ctx: RequestContext,
  plan: repo.PlanRow,
  action: 'start' | 'complete' | 'cancel',
  version: number,
  set: { cancel_reason?: string; completion_note?: string | null },
  note: string | null,
): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  const from = plan.status as PlanStatus;
  const to = nextPlanStatus(from, action);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    if (
      !(await repo.updatePlanIfVersion(trx, plan.id, version, {
        ...set,
        status: to,
        updated_at: at,
      }))
    )
      throw staleVersion();
    await repo.insertEvent(trx, {
      planId: plan.id,
      action,
      from,
      to,
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      note,
    });
    await deps.audit.append(trx, ctx, {
      action: `inspection_plan.${action}`,
      entityType: 'inspection_plan',
      entityId: plan.id,
      changes: { status: [from, to], ...(note ? { note: [null, note] } : {}) },
    });
  });
  return getPlan(deps, ctx, plan.id);
}

/** Starts carrying out an assigned plan. */
export async function startPlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number },
) {
  const plan = await getManageablePlan(deps, ctx, id);
  assertPlanAction(plan, 'start');
  if (plan.version !== input.version) throw staleVersion();
  return transition(deps, ctx, plan, 'start', input.version, {}, null);
}

/** Completes a plan; targets never inspected need a note saying why. */
export async function completePlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: CompletePlanInput,
) {
  const plan = await getManageablePlan(deps, ctx, id);
  assertPlanAction(plan, 'complete');
  if (plan.version !== input.version) throw staleVersion();
  const targets = await repo.listTargets(deps.db.kysely, id);
  if (
    completionNeedsNote(targets.map((t) => ({ status: t.status as PlanTargetStatus }))) &&
    !input.note
  ) {
    throw fieldError('note', '尚有检查对象未检查，完成计划须说明原因');
  }
  return transition(
    deps,
    ctx,
    plan,
    'complete',
    input.version,
    { completion_note: input.note },
    input.note,
  );
}

/** Cancels a plan, with the reason. */
export async function cancelPlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: CancelPlanInput,
) {
  const plan = await getManageablePlan(deps, ctx, id);
  assertPlanAction(plan, 'cancel');
  if (plan.version !== input.version) throw staleVersion();
  return transition(
    deps,
    ctx,
    plan,
    'cancel',
    input.version,
    { cancel_reason: input.reason },
    input.reason,
  );
}

/**
 * The plans that will visit an enterprise and have not yet: for its own users the announced
 * ones only, without inspectors; for staff those they may see, unannounced ones flagged, with
 * the inspectors' names.
 */
export async function upcomingInspections(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<{ items: UpcomingInspection[] }> {
  const actor = requireActor(ctx);
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const enterpriseSide = isEnterpriseRole(actor.role);
  const db = deps.db.kysely;
  const rows = await repo.listUpcomingForEnterprise(db, enterpriseId, {
    today: todayInChina(),
    announcedOnly: enterpriseSide,
  });
  if (enterpriseSide) {
    return {
      items: rows.map((r) => ({
        planId: r.plan_id,
        planName: r.name,
        kind: r.kind as PlanKind,
        status: r.status as PlanStatus,
        startDate: r.start_date,
        endDate: r.end_date,
        orgUnitName: r.org_unit_name,
        unannounced: false,
        targetId: r.target_id,
        targetStatus: r.target_status as PlanTargetStatus,
        inspectors: null,
      })),
    };
  }
  const point = await standpointOf(deps, ctx);
  const staffPoint = point.kind === 'staff' ? point : null;
  const inspectors = await repo.listTargetInspectors(
    db,
    rows.map((r) => r.target_id),
  );
  const items: UpcomingInspection[] = [];
  for (const r of rows) {
    const names = inspectors.filter((i) => i.target_id === r.target_id);
    const sees =
      (staffPoint && staffSees(staffPoint, r.org_path, parseSectors(r.sectors))) ||
      names.some((i) => i.user_id === actor.userId);
    if (!sees) continue;
    items.push({
      planId: r.plan_id,
      planName: r.name,
      kind: r.kind as PlanKind,
      status: r.status as PlanStatus,
      startDate: r.start_date,
      endDate: r.end_date,
      orgUnitName: r.org_unit_name,
      unannounced: r.unannounced === 1,
      targetId: r.target_id,
      targetStatus: r.target_status as PlanTargetStatus,
      inspectors: names.map((i) => i.display_name),
    });
  }
  return { items };
}
