import crypto from 'node:crypto';
import {
  type AssignTargetsInput,
  crossAreaAllows,
  DRAW_ALGORITHM,
  type DrawAssignment,
  type DrawEnterprise,
  type DrawInput,
  type DrawInspector,
  drawInputSchema,
  drawInspection,
  type DrawPlanInput,
  type DrawVerification,
  ErrorCode,
  isDrawableInspector,
  nextPlanStatus,
  Permission,
  type PlanCandidates,
  type PlanDetail,
  type PlanKind,
  type PlanStatus,
  roleHas,
  type Sector,
  STAFF_ROLES,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { AppError, conflict, fieldError, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { ancestorPaths } from '../campaigns/audience.js';
import { currentCampaign } from '../campaigns/campaigns.service.js';
import { districtIdsUnder } from '../org/org.repository.js';
import * as repo from './inspection-plans.repository.js';
import {
  assertPlanAction,
  getManageablePlan,
  getPlan,
  getVisiblePlan,
  loadTargets,
} from './inspection-plans.service.js';

// The 双随机 draw and the hand-picked targets of a plan.
//
// Eligible enterprises: in the plan's territory (its org unit's districts), of its sectors, in
// operation (status `operating`; suspended and closed ones are never drawn). A spot check of
// self-inspections draws only among those that submitted a self-inspection in the campaign
// running on the plan's start date.
//
// Eligible inspectors: active staff of the roles that may fill in inspection records
// (EnforcementInspect: inspectors and office staff, who also hold 执法证), whose sector scope
// covers every sector of the plan (else they could not open the enterprise's record), placed in
// the plan's territory — or, for a cross-area plan, anywhere in the city around it, the draw then
// keeping each enterprise's own district out (`crossAreaAllows`). Staff without a certificate
// number are put in the input too and left out by the draw itself, which lists them.

/** Staff roles that may inspect (and so be drawn): derived from the permission table. */
export const INSPECTING_ROLES = STAFF_ROLES.filter((r) =>
  roleHas(r, Permission.EnforcementInspect),
);

/** Where the inspectors of a plan come from: its territory, or the city around it (cross-area). */
async function poolRootOf(deps: ServiceDeps, plan: repo.PlanRow): Promise<string> {
  if (plan.cross_area !== 1 || plan.org_kind !== 'district') return plan.org_path;
  const ancestors = await repo.listUnitsAt(deps.db.kysely, ancestorPaths(plan.org_path));
  const city = ancestors
    .filter((u) => u.kind === 'city')
    .sort((a, b) => b.path.length - a.path.length)[0];
  // A district directly under a region (no city): its parent is the nearest wider area.
  const parent = ancestors
    .filter((u) => u.path !== plan.org_path)
    .sort((a, b) => b.path.length - a.path.length)[0];
  return city?.path ?? parent?.path ?? plan.org_path;
}

type PoolInspector = DrawInspector & { name: string; orgUnitName: string };

/** The staff of a plan's inspector pool (certificate or not), with district and office ids. */
async function inspectorPool(deps: ServiceDeps, plan: repo.PlanRow): Promise<PoolInspector[]> {
  const db = deps.db.kysely;
  const root = await poolRootOf(deps, plan);
  const [staff, units] = await Promise.all([
    repo.listPoolStaff(db, { rootPath: root, roles: INSPECTING_ROLES }),
    repo.listUnitsUnder(db, root),
  ]);
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const sectors = JSON.parse(plan.sectors) as Sector[];
  return staff
    .filter((u) => {
      const mine = u.sectors ? (JSON.parse(u.sectors) as Sector[]) : null;
      return mine === null || sectors.every((s) => mine.includes(s));
    })
    .map((u) => {
      const ids = u.org_path.split('/').filter(Boolean).map(Number);
      const district = [...ids].reverse().find((id) => kindOf.get(id) === 'district') ?? null;
      return {
        id: u.id,
        districtId: district,
        officeId: u.org_kind === 'office' || u.org_kind === 'brigade' ? u.org_unit_id : null,
        certificateNo: u.certificate_no,
        name: u.display_name,
        orgUnitName: u.org_unit_name,
      };
    });
}

/** The campaign whose self-inspection submissions a spot check draws from. */
async function spotCheckCampaign(
  deps: ServiceDeps,
  ctx: RequestContext,
  plan: repo.PlanRow,
): Promise<number | null> {
  if ((plan.kind as PlanKind) !== 'self_check_spot') return null;
  const { campaign } = await currentCampaign(deps, ctx, plan.start_date);
  if (!campaign) {
    throw conflict('kind', '计划开始日没有进行中的专项行动，无法按企业自查情况确定检查对象');
  }
  return campaign.id;
}

/** Runs the 双随机 draw of a draft plan and fixes its targets (once; never re-drawn). */
export async function drawPlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: DrawPlanInput,
): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  const plan = await getManageablePlan(deps, ctx, id);
  assertPlanAction(plan, 'draw');
  if (plan.version !== input.version) throw staleVersion();
  if (plan.enterprise_count === null) throw fieldError('enterpriseCount', '请先填写抽取企业数');
  const campaignId = await spotCheckCampaign(deps, ctx, plan);
  const db = deps.db.kysely;
  const [enterprises, inspectors] = await Promise.all([
    repo.listPoolEnterprises(db, {
      districtIds: await districtIdsUnder(db, plan.org_path),
      sectors: JSON.parse(plan.sectors) as string[],
      statuses: ['operating'],
      campaignId,
    }),
    inspectorPool(deps, plan),
  ]);
  const drawInput: DrawInput = drawInputSchema.parse({
    seed: input.seed ?? crypto.randomBytes(16).toString('hex'),
    enterpriseCount: plan.enterprise_count,
    enterprises: enterprises.map((e): DrawEnterprise => ({
      id: e.id,
      districtId: e.org_unit_id,
      sector: e.sector as Sector,
    })),
    inspectors: inspectors.map((i): DrawInspector => ({
      id: i.id,
      districtId: i.districtId,
      officeId: i.officeId,
      certificateNo: i.certificateNo,
    })),
    crossArea: plan.cross_area === 1,
    inspectorsPerEnterprise: plan.inspectors_per_target,
  });
  const result = drawInspection(drawInput);
  if (!result.ok) {
    const path = result.error.code === 'not_enough_enterprises' ? 'enterpriseCount' : 'inspectors';
    throw new AppError(
      409,
      ErrorCode.Conflict,
      [{ path, message: result.error.message[ctx.locale] }],
      { drawError: result.error.code },
    );
  }
  const draw = result.draw;
  const at = nowIso();
  const from = plan.status as PlanStatus;
  const to = nextPlanStatus(from, 'draw');
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updatePlanIfVersion(trx, id, input.version, {
      status: to,
      campaign_id: campaignId,
      draw_seed: draw.seed,
      draw_algorithm: draw.algorithm,
      draw_input: JSON.stringify(drawInput),
      drawn_at: at,
      drawn_by: actor.userId,
      drawn_by_name: actor.displayName,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await repo.insertTargets(
      trx,
      id,
      draw.assignments.map((a) => ({
        seq: a.order,
        enterpriseId: a.enterpriseId,
        inspectorIds: a.inspectorIds,
      })),
      at,
    );
    const note = `种子 ${draw.seed}；从${drawInput.enterprises.length}家企业中抽取${draw.assignments.length}家`;
    await repo.insertEvent(trx, {
      planId: id,
      action: 'drawn',
      from,
      to,
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      note,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_plan.drawn',
      entityType: 'inspection_plan',
      entityId: id,
      changes: {
        status: [from, to],
        seed: [null, draw.seed],
        algorithm: [null, draw.algorithm],
        eligibleEnterprises: [null, drawInput.enterprises.length],
        eligibleInspectors: [
          null,
          drawInput.inspectors.length - draw.ineligibleInspectorIds.length,
        ],
        targets: [null, draw.assignments],
      },
    });
  });
  return getPlan(deps, ctx, id);
}

/**
 * Re-runs a plan's draw from its stored seed and input and compares it with the stored
 * targets. An enterprise user learns only about their own target (without inspectors).
 */
export async function verifyDraw(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<DrawVerification> {
  const { plan, viewer } = await getVisiblePlan(deps, ctx, id);
  if (!plan.draw_input || !plan.draw_seed || !plan.draw_algorithm) {
    throw conflict('draw', '该计划的检查对象不是随机抽取的，没有可复核的抽取结果');
  }
  const targets = await loadTargets(deps, id);
  const stored: DrawAssignment[] = targets.map((t) => ({
    order: t.seq,
    enterpriseId: t.enterpriseId,
    inspectorIds: t.inspectors.map((i) => i.userId),
  }));
  let recomputed: DrawAssignment[] | null = null;
  let error: string | null = null;
  if (plan.draw_algorithm !== DRAW_ALGORITHM) {
    error = `抽取算法${plan.draw_algorithm}不是本系统现行的${DRAW_ALGORITHM}，无法复核`;
  } else {
    const result = drawInspection(JSON.parse(plan.draw_input) as DrawInput);
    if (result.ok) recomputed = result.draw.assignments;
    else error = result.error.message[ctx.locale];
  }
  const same =
    recomputed !== null &&
    (JSON.parse(plan.draw_input) as { seed: string }).seed === plan.draw_seed &&
    JSON.stringify(recomputed) === JSON.stringify(stored);
  if (viewer.kind === 'enterprise') {
    const own = (list: DrawAssignment[]) =>
      list
        .filter((a) => a.enterpriseId === viewer.enterpriseId)
        .map((a) => ({ ...a, inspectorIds: [] }));
    return {
      same,
      algorithm: plan.draw_algorithm,
      seed: plan.draw_seed,
      stored: own(stored),
      recomputed: recomputed && own(recomputed),
      error,
    };
  }
  return {
    same,
    algorithm: plan.draw_algorithm,
    seed: plan.draw_seed,
    stored,
    recomputed,
    error,
  };
}

/** Who may be picked by hand for a draft plan: enterprises (searchable) and certified staff. */
export async function planCandidates(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  query: { q?: string },
): Promise<PlanCandidates> {
  const plan = await getManageablePlan(deps, ctx, id);
  const db = deps.db.kysely;
  const campaignId = await spotCheckCampaign(deps, ctx, plan);
  const [enterprises, inspectors] = await Promise.all([
    repo.listPoolEnterprises(db, {
      districtIds: await districtIdsUnder(db, plan.org_path),
      sectors: JSON.parse(plan.sectors) as string[],
      statuses: ['operating', 'suspended'],
      campaignId,
      q: query.q,
      like: likeOperator(deps.db.dialect),
      limit: 50,
    }),
    inspectorPool(deps, plan),
  ]);
  return {
    enterprises: enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      sector: e.sector as Sector,
      districtId: e.org_unit_id,
      districtName: e.district_name,
    })),
    inspectors: inspectors.filter(isDrawableInspector).map((i) => ({
      userId: i.id,
      name: i.name,
      certificateNo: (i.certificateNo ?? '').trim(),
      orgUnitName: i.orgUnitName,
      districtId: i.districtId,
      officeId: i.officeId,
    })),
  };
}

/**
 * Fixes the targets of a hand-picked plan (key enterprise, assistance, complaint, joint, or a
 * spot check not drawn): each enterprise in the plan's territory and sectors (not closed), each
 * with at least the plan's number of certified inspectors from the pool — of another district
 * for a cross-area plan.
 */
export async function assignTargets(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: AssignTargetsInput,
): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  const plan = await getManageablePlan(deps, ctx, id);
  assertPlanAction(plan, 'assign');
  if (plan.version !== input.version) throw staleVersion();
  const db = deps.db.kysely;
  const campaignId = await spotCheckCampaign(deps, ctx, plan);
  const [enterprises, pool] = await Promise.all([
    repo.listPoolEnterprises(db, {
      districtIds: await districtIdsUnder(db, plan.org_path),
      sectors: JSON.parse(plan.sectors) as string[],
      statuses: ['operating', 'suspended'],
      campaignId,
      ids: input.targets.map((t) => t.enterpriseId),
    }),
    inspectorPool(deps, plan),
  ]);
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));
  const inspectorById = new Map(pool.filter(isDrawableInspector).map((i) => [i.id, i]));
  input.targets.forEach((t, i) => {
    const e = enterpriseById.get(t.enterpriseId);
    if (!e) {
      throw fieldError(
        `targets.${i}.enterpriseId`,
        campaignId === null
          ? '企业不在本计划的辖区和行业领域内，或已关闭'
          : '企业不在本计划的辖区和行业领域内，或未提交本次专项行动的自查',
      );
    }
    if (t.inspectorIds.length < plan.inspectors_per_target) {
      throw fieldError(
        `targets.${i}.inspectorIds`,
        `每家企业须选派${plan.inspectors_per_target}名以上执法人员`,
      );
    }
    for (const userId of t.inspectorIds) {
      const inspector = inspectorById.get(userId);
      if (!inspector) {
        throw fieldError(
          `targets.${i}.inspectorIds`,
          '所选人员没有执法证号、已停用，或不在本计划可选派的执法人员范围内',
        );
      }
      if (plan.cross_area === 1 && !crossAreaAllows({ districtId: e.org_unit_id }, inspector)) {
        throw fieldError(
          `targets.${i}.inspectorIds`,
          `异地执法：${inspector.name}属于企业所在区县，不能选派`,
        );
      }
    }
  });
  const at = nowIso();
  const from = plan.status as PlanStatus;
  const to = nextPlanStatus(from, 'assign');
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updatePlanIfVersion(trx, id, input.version, {
      status: to,
      campaign_id: campaignId,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    const targets = input.targets.map((t, i) => ({ seq: i + 1, ...t }));
    await repo.insertTargets(trx, id, targets, at);
    await repo.insertEvent(trx, {
      planId: id,
      action: 'assigned',
      from,
      to,
      actorId: actor.userId,
      actorName: actor.displayName,
      at,
      note: `确定检查对象${targets.length}家`,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_plan.assigned',
      entityType: 'inspection_plan',
      entityId: id,
      changes: { status: [from, to], targets: [null, targets] },
    });
  });
  return getPlan(deps, ctx, id);
}
