import {
  canAccessRecord,
  enforcementDocumentNo,
  type HazardLevel,
  type HazardStatus,
  imposeOnSiteMeasureRefusal,
  isEnterpriseRole,
  isOnSiteMeasureActive,
  type LiftOnSiteMeasureInput,
  liftOnSiteMeasureRefusal,
  type OnSiteMeasure,
  type OnSiteMeasureKind,
  type OnSiteMeasureView,
  type PageQuery,
  Permission,
  roleHas,
  type Sector,
} from '@hazard-ledger/domain';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { enterpriseScopeOf, getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { findHazard } from '../hazards/hazards.repository.js';
import * as repo from './enforcement-orders.repository.js';

// On-site measures (现场处理措施, 安全生产法第六十五条第一款第（三）项): when safety cannot be ensured
// before or while a major hazard is removed, the inspectors order personnel out of the danger
// area, a temporary stop of production, or a stop to using facilities or equipment; it is lifted
// after the hazard is removed and the bureau has reviewed and agreed (经审查同意).

function view(actor: SessionActor, row: repo.MeasureRow, today: string): OnSiteMeasureView {
  return {
    id: row.id,
    kind: row.kind as OnSiteMeasureKind,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    inspectionRecordId: row.inspection_record_id,
    recordNo: row.record_no,
    hazardId: row.hazard_id,
    hazardNumber: row.hazard_number,
    subject: row.subject,
    basis: row.basis,
    documentNo: row.document_no,
    imposedOn: row.imposed_on,
    imposedByName: row.imposed_by_name,
    liftedOn: row.lifted_on,
    liftNote: row.lift_note,
    liftedByName: row.lifted_by_name,
    liftedAt: row.lifted_at,
    active: isOnSiteMeasureActive({ imposedOn: row.imposed_on, liftedOn: row.lifted_on }, today),
    canLift:
      row.lifted_on === null &&
      !isEnterpriseRole(actor.role) &&
      roleHas(actor.role, Permission.EnforcementInspect),
    version: row.version,
  };
}

/** Loads a measure the caller may see; anything else reads as 404. */
async function getAccessibleMeasure(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findMeasure(deps.db.kysely, id);
  if (
    !row ||
    !canAccessRecord(actor, {
      orgPath: row.district_path,
      sector: row.sector as Sector,
      enterpriseId: row.enterprise_id,
    })
  )
    throw notFound();
  return row;
}

/** One measure as lists show it. */
export async function getMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<OnSiteMeasureView> {
  return view(requireActor(ctx), await getAccessibleMeasure(deps, ctx, id), todayInChina());
}

export type MeasureListQuery = PageQuery & {
  enterpriseId?: number;
  active?: boolean;
  kind?: OnSiteMeasureKind;
};

/** The measures a caller may see, those in force first. */
export async function listMeasures(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: MeasureListQuery,
) {
  const actor = requireActor(ctx);
  const scope = await enterpriseScopeOf(deps, ctx);
  const { items, total } = await repo.listMeasures(
    deps.db.kysely,
    scope,
    { enterpriseId: query.enterpriseId, active: query.active, kind: query.kind },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const today = todayInChina();
  return {
    items: items.map((r) => view(actor, r, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Imposes an on-site measure on an enterprise, linked to the inspection record of the visit and
 * the major hazard concerned where given. Without a document number one is assigned.
 */
export async function imposeMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: OnSiteMeasure,
): Promise<OnSiteMeasureView> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, input.enterpriseId);
  if (input.inspectionRecordId !== null) {
    const record = await repo.findRecord(deps.db.kysely, input.inspectionRecordId);
    if (!record || record.enterprise_id !== enterprise.id)
      throw fieldError('inspectionRecordId', '所选检查记录不属于该企业');
  }
  let hazard: { level: HazardLevel; status: HazardStatus } | null = null;
  if (input.hazardId !== null) {
    const row = await findHazard(deps.db.kysely, input.hazardId);
    if (!row || row.enterprise_id !== enterprise.id)
      throw fieldError('hazardId', '所选隐患不属于该企业');
    hazard = { level: row.level as HazardLevel, status: row.status as HazardStatus };
  }
  const today = todayInChina();
  const why = imposeOnSiteMeasureRefusal(input, hazard, today);
  if (why) throw fieldError(why.path, why.message);

  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    let documentNo = input.documentNo;
    if (documentNo === null) {
      const year = Number(input.imposedOn.slice(0, 4));
      const n = await repo.nextDocumentNumber(trx, enterprise.org_unit_id, year, 'on_site_measure');
      documentNo = enforcementDocumentNo(enterprise.district_name, 'on_site_measure', year, n);
    }
    const measureId = await repo.insertMeasure(trx, {
      document_no: documentNo,
      district_id: enterprise.org_unit_id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      kind: input.kind,
      inspection_record_id: input.inspectionRecordId,
      hazard_id: input.hazardId,
      subject: input.subject,
      basis: input.basis,
      imposed_on: input.imposedOn,
      imposed_by: actor.userId,
      imposed_by_name: actor.displayName,
      lifted_on: null,
      lift_note: null,
      lifted_by: null,
      lifted_by_name: null,
      lifted_at: null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertEvent(trx, {
      entity_type: 'on_site_measure',
      entity_id: measureId,
      action: 'imposed',
      from_status: null,
      to_status: 'active',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: input.subject,
    });
    await deps.audit.append(trx, ctx, {
      action: 'on_site_measure.imposed',
      entityType: 'on_site_measure',
      entityId: measureId,
      changes: {
        enterpriseId: [null, enterprise.id],
        kind: [null, input.kind],
        subject: [null, input.subject],
        imposedOn: [null, input.imposedOn],
        documentNo: [null, documentNo],
        inspectionRecordId: [null, input.inspectionRecordId],
        hazardId: [null, input.hazardId],
      },
    });
    return measureId;
  });
  return getMeasure(deps, ctx, id);
}

/** Lifts a measure after review (经审查同意): the date, who, and the review note. */
export async function liftMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: LiftOnSiteMeasureInput,
): Promise<OnSiteMeasureView> {
  const actor = requireActor(ctx);
  const row = await getAccessibleMeasure(deps, ctx, id);
  const why = liftOnSiteMeasureRefusal(
    { imposedOn: row.imposed_on, liftedOn: row.lifted_on },
    input,
    row.hazard_status as HazardStatus | null,
    todayInChina(),
  );
  if (why) throw why.state ? conflict(why.path, why.message) : fieldError(why.path, why.message);
  if (row.version !== input.version) throw staleVersion();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateMeasureIfVersion(trx, id, input.version, {
      lifted_on: input.liftedOn,
      lift_note: input.liftNote,
      lifted_by: actor.userId,
      lifted_by_name: actor.displayName,
      lifted_at: at,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await repo.insertEvent(trx, {
      entity_type: 'on_site_measure',
      entity_id: id,
      action: 'lifted',
      from_status: 'active',
      to_status: 'lifted',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: input.liftNote,
    });
    await deps.audit.append(trx, ctx, {
      action: 'on_site_measure.lifted',
      entityType: 'on_site_measure',
      entityId: id,
      changes: {
        liftedOn: [null, input.liftedOn],
        liftNote: [null, input.liftNote],
        liftedBy: [null, actor.displayName],
      },
    });
  });
  return getMeasure(deps, ctx, id);
}

/** The measures in force at an enterprise today (for flags on the enterprise's pages). */
export async function activeMeasuresOf(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<OnSiteMeasureView[]> {
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const page = await listMeasures(deps, ctx, {
    enterpriseId,
    active: true,
    page: 1,
    pageSize: 100,
    order: 'asc',
  });
  return page.items.filter((m) => m.active);
}
