import {
  appliesTo,
  canAccessRecord,
  ErrorCode,
  INSPECTION_RECORD_WORKFLOW,
  type InspectionRecordAction,
  type InspectionRecordFacts,
  type InspectionRecordOrigin,
  inspectionRecordRefusal,
  type InspectionRecordStatus,
  isEnterpriseRole,
  PLAN_KIND_HAZARD_ORIGIN,
  type PlanKind,
  Permission,
  ROLES,
  roleHas,
  SECTOR_SCOPED_ROLES,
  type Sector,
} from '@hazard-ledger/domain';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { getChecklist } from '../catalogs/catalogs.service.js';
import { descriptorOf, toCatalogItem } from '../catalogs/catalog-views.js';
import * as catalogs from '../catalogs/catalogs.repository.js';
import { type EnterpriseRow, findEnterprise } from '../enterprises/enterprises.repository.js';
import { canSeeEnterprise } from '../enterprises/enterprises.service.js';
import { findTarget } from '../inspection-plans/inspection-plans.repository.js';
import { districtIdsUnder } from '../org/org.repository.js';
import { ENTERPRISE_VISIBLE } from './finding-rules.js';
import * as repo from './inspections.repository.js';
import { parseStoredContent } from './record-verification.js';

// Who may see and act on an inspection record, and the context a new record is filed in (the
// enterprise, the plan target, the applicable checklist).

/** Staff roles that fill in and sign records (EnforcementInspect). */
export const INSPECTOR_ROLES = ROLES.filter(
  (r) => !isEnterpriseRole(r) && roleHas(r, Permission.EnforcementInspect),
);

/** The records a caller may list. */
export async function recordScopeOf(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<repo.RecordScope> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role))
    return { kind: 'enterprise', enterpriseId: actor.enterpriseId ?? -1 };
  return {
    kind: 'territory',
    districtIds: await districtIdsUnder(deps.db.kysely, actor.territoryPath),
    sectors: SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null,
    userId: actor.userId,
  };
}

/** The user ids named as inspectors: from the content, else from the inspector rows. */
export async function namedInspectorIds(
  deps: ServiceDeps,
  row: { id: number; content: string },
): Promise<number[]> {
  const parsed = parseStoredContent(row.content);
  if (parsed.ok) return parsed.record.inspectors.map((i) => i.userId);
  return (await repo.listInspectorRows(deps.db.kysely, row.id)).map((r) => r.user_id);
}

/** A record the caller may see, with the inspectors named on it; anything else reads as 404. */
export async function loadRecord(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findRecord(deps.db.kysely, id);
  if (!row) throw notFound();
  const inspectorIds = await namedInspectorIds(deps, row);
  if (isEnterpriseRole(actor.role)) {
    const visible =
      actor.enterpriseId === row.enterprise_id &&
      ENTERPRISE_VISIBLE.includes(row.status as InspectionRecordStatus);
    if (!visible) throw notFound();
    return { row, inspectorIds };
  }
  // Inspectors named on a record (or who filed it) see it even from another district (异地执法).
  const visible =
    canAccessRecord(actor, {
      orgPath: row.district_path,
      sector: row.sector as Sector,
      enterpriseId: row.enterprise_id,
    }) ||
    row.created_by === actor.userId ||
    inspectorIds.includes(actor.userId);
  if (!visible) throw notFound();
  return { row, inspectorIds };
}

/** The facts the record workflow decides on. */
export async function factsOf(
  deps: ServiceDeps,
  row: { id: number; status: string; acknowledged_at: string | null },
  inspectorIds: number[],
): Promise<InspectionRecordFacts> {
  const signatures = await repo.listSignatures(deps.db.kysely, row.id);
  return {
    status: row.status as InspectionRecordStatus,
    inspectorUserIds: inspectorIds,
    signedUserIds: signatures.map((s) => s.user_id),
    acknowledged: row.acknowledged_at !== null,
  };
}

/** Whether the caller's role and relation to the record allow an action (the workflow aside). */
function roleAllows(
  actor: SessionActor,
  row: { enterprise_id: number; created_by: number },
  inspectorIds: readonly number[],
  action: InspectionRecordAction,
  pendingCorrection: boolean,
): boolean {
  const inspector =
    !isEnterpriseRole(actor.role) && roleHas(actor.role, Permission.EnforcementInspect);
  const involved = inspectorIds.includes(actor.userId) || row.created_by === actor.userId;
  switch (action) {
    case 'edit':
    case 'submit_for_signing':
    case 'reopen':
      return inspector && involved;
    case 'sign':
      return inspector;
    case 'acknowledge':
      return (
        roleHas(actor.role, Permission.EnforcementAcknowledge) &&
        actor.enterpriseId === row.enterprise_id
      );
    case 'correct':
      return inspector && !pendingCorrection;
    case 'supersede':
      // Only the server marks a record superseded, when its correction is fully signed.
      return false;
  }
}

/** The actions the caller may take on the record now (the page shows only these). */
export function actionsFor(
  actor: SessionActor,
  row: { enterprise_id: number; created_by: number },
  facts: InspectionRecordFacts,
  pendingCorrection: boolean,
): InspectionRecordAction[] {
  return INSPECTION_RECORD_WORKFLOW[facts.status].filter(
    (a) =>
      inspectionRecordRefusal(facts, a, actor.userId) === null &&
      roleAllows(actor, row, facts.inspectorUserIds, a, pendingCorrection),
  );
}

/**
 * Refuses an action the workflow does not allow now (409 with the allowed actions) or the
 * caller's role or relation to the record does not (403).
 */
export function assertAction(
  actor: SessionActor,
  row: { enterprise_id: number; created_by: number },
  facts: InspectionRecordFacts,
  action: InspectionRecordAction,
  pendingCorrection = false,
): void {
  const why = inspectionRecordRefusal(facts, action, actor.userId);
  if (why) {
    throw new AppError(409, ErrorCode.Conflict, [{ path: 'action', message: why }], {
      status: facts.status,
      allowedActions: actionsFor(actor, row, facts, pendingCorrection),
    });
  }
  if (!roleAllows(actor, row, facts.inspectorUserIds, action, pendingCorrection)) {
    if (action === 'correct' && pendingCorrection) {
      throw conflict('action', '该记录已有正在办理的更正记录');
    }
    throw forbidden();
  }
}

/** The plan target a record carries out, with the hazard origin its findings get. */
export type PlanLink = {
  planId: number;
  targetId: number;
  origin: InspectionRecordOrigin;
  inspectorIds: number[];
  assigned: boolean;
};

/** Checks a plan target for a new record of an enterprise; 400/409 when it does not fit. */
export async function planLinkOf(
  deps: ServiceDeps,
  ctx: RequestContext,
  planId: number,
  targetId: number,
  enterpriseId: number,
): Promise<PlanLink> {
  const actor = requireActor(ctx);
  const target = await findTarget(deps.db.kysely, targetId);
  if (!target || target.plan_id !== planId)
    throw fieldError('targetId', '检查对象不属于该检查计划');
  if (target.enterprise_id !== enterpriseId) {
    throw fieldError('enterpriseId', '被检查单位与计划的检查对象不一致');
  }
  if (!['assigned', 'in_progress'].includes(target.plan_status)) {
    throw conflict('planId', '该检查计划不在执行中，不能填写检查记录');
  }
  return {
    planId,
    targetId,
    origin: PLAN_KIND_HAZARD_ORIGIN[target.plan_kind as PlanKind] ?? 'enforcement',
    inspectorIds: target.inspector_ids,
    assigned: target.inspector_ids.includes(actor.userId),
  };
}

/**
 * The enterprise of a record: one the caller may see or, when `assigned` (an inspector drawn for
 * the plan target — 异地执法/交叉互检 — or one already passed the record's own access check), the
 * record's enterprise without the territory check. Anything else reads as 404.
 */
export async function enterpriseForRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  assigned: boolean,
): Promise<EnterpriseRow> {
  const actor = requireActor(ctx);
  const row = await findEnterprise(deps.db.kysely, enterpriseId);
  if (!row) throw notFound();
  if (!canSeeEnterprise(actor, row) && !assigned) throw notFound();
  return row;
}

/** A checklist item as the form offers it. */
export type ApplicableItem = {
  code: string;
  clause: string;
  title: string;
  requirement: string | null;
  catalogId: string;
  catalogVersion: number;
};

/**
 * The catalog items applicable to the enterprise: the catalogs module's checklist when the
 * caller may see the enterprise; for a cross-area inspector drawn for it, the same computation
 * from the catalogs repository (the checklist route is scoped to the caller's territory).
 */
export async function applicableItems(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterprise: EnterpriseRow,
): Promise<ApplicableItem[]> {
  const actor = requireActor(ctx);
  if (canSeeEnterprise(actor, enterprise)) {
    const checklist = await getChecklist(deps, ctx, enterprise.id);
    return checklist.items.map((i) => ({
      code: i.code,
      clause: i.clause,
      title: i.title,
      requirement: i.requirement,
      catalogId: i.catalogId,
      catalogVersion: i.catalogVersion,
    }));
  }
  const profile = {
    sector: enterprise.sector as Sector,
    subType: enterprise.sub_type,
    tags: JSON.parse(enterprise.tags) as string[],
  };
  const versions = (await catalogs.listCurrentVersions(deps.db.kysely)).filter((v) =>
    descriptorOf(v).sectors.includes(profile.sector),
  );
  const byId = new Map(versions.map((v) => [v.id, v]));
  const rows = await catalogs.listAllItems(
    deps.db.kysely,
    versions.map((v) => v.id),
  );
  return rows
    .map((r) => ({ r, v: byId.get(r.catalog_version_id)! }))
    .filter(({ r, v }) => appliesTo(toCatalogItem(r, v.catalog_id), profile))
    .map(({ r, v }) => ({
      code: r.code,
      clause: r.clause,
      title: r.title,
      requirement: r.requirement,
      catalogId: v.catalog_id,
      catalogVersion: v.version,
    }));
}

/** The short district name a record number starts with (东胜区应急管理局 → 东胜). */
export function districtPrefix(districtName: string): string {
  return districtName.replace(/应急管理局$/, '').replace(/[区县旗市]$/, '');
}

/** A record number: 东胜应急检〔2026〕0007号. */
export function recordNumber(districtName: string, year: number, seq: number): string {
  return `${districtPrefix(districtName)}应急检〔${year}〕${String(seq).padStart(4, '0')}号`;
}
