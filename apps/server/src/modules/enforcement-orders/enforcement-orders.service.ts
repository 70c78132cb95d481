import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  canAccessRecord,
  canonicalOrderText,
  enforcementDocumentNo,
  ErrorCode,
  hazardDeadlineUnderOrder,
  isEnterpriseRole,
  isOrderOverdue,
  type HazardLevel,
  type HazardStatus,
  type InspectorOption,
  type IssuableRecord,
  type IssueOrder,
  type OfficerView,
  type OrderAction,
  orderActionsOf,
  type OrderDetail,
  orderDeadlineRefusal,
  orderHazardRefusal,
  type OrderListFilter,
  type OrderListItem,
  type OrderPage,
  orderRefusal,
  type OrderStatus,
  type PageQuery,
  Permission,
  recordInspectorSchema,
  refusal,
  type ReinspectionOutcome,
  type ReinspectionResult,
  type ReinspectionView,
  ROLES,
  roleHas,
  type Sector,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { enterpriseScopeOf, getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { applyHazardAction } from '../hazards/hazard-actions.service.js';
import { findHazard } from '../hazards/hazards.repository.js';
import { factsOf as hazardFactsOf } from '../hazards/hazards.service.js';
import * as repo from './enforcement-orders.repository.js';

// Rectification orders (责令限期整改指令书): issued from a signed inspection record for some of
// the hazards its findings point at, acknowledged by the enterprise, closed by the re-inspection
// (reinspections.service.ts).

/** SHA-256 of a text, hex: the verification code printed on a document. */
export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

const officersSchema = z.array(recordInspectorSchema);

/** The officers stored on an order or re-inspection (JSON). */
export function parseOfficers(text: string): OfficerView[] {
  return officersSchema.parse(JSON.parse(text));
}

/**
 * The inspectors of a record: as filled in (its content), or — when the content does not carry
 * them in the expected shape — those who signed it.
 */
export async function recordInspectors(
  deps: ServiceDeps,
  record: { id: number; content: string },
): Promise<OfficerView[]> {
  try {
    const content = JSON.parse(record.content) as { inspectors?: unknown };
    const parsed = officersSchema.safeParse(content.inspectors);
    if (parsed.success && parsed.data.length > 0) return parsed.data;
  } catch {
    // Not JSON: fall back to the signatures.
  }
  const signers = await repo.listSigners(deps.db.kysely, [record.id]);
  return signers.map((s) => ({
    userId: Number(s.user_id),
    name: s.signer_name,
    certificateNo: s.certificate_no,
  }));
}

/** Whether the caller may see a record of this enterprise/district/sector. */
function canSee(
  actor: SessionActor,
  row: { path: string; sector: string; enterpriseId: number },
): boolean {
  return canAccessRecord(actor, {
    orgPath: row.path,
    sector: row.sector as Sector,
    enterpriseId: row.enterpriseId,
  });
}

/** Loads an order the caller may see; anything else reads as 404. */
export async function getAccessibleOrder(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findOrder(deps.db.kysely, id);
  if (
    !row ||
    !canSee(actor, { path: row.district_path, sector: row.sector, enterpriseId: row.enterprise_id })
  )
    throw notFound();
  return row;
}

/** A 409 naming why the order refuses an action, with what it allows. */
export function orderConflict(status: OrderStatus, action: OrderAction, message: string): AppError {
  return new AppError(409, ErrorCode.Conflict, [{ path: 'action', message }], {
    status,
    allowedActions: orderActionsOf(status),
  });
}

/** The actions this caller may take on an order now. */
function actionsFor(actor: SessionActor, row: repo.OrderRow): OrderAction[] {
  return orderActionsOf(row.status as OrderStatus).filter((a) => {
    if (a === 'acknowledge')
      return (
        roleHas(actor.role, Permission.EnforcementAcknowledge) &&
        actor.enterpriseId === row.enterprise_id
      );
    return roleHas(actor.role, Permission.EnforcementInspect) && !isEnterpriseRole(actor.role);
  });
}

type ListRow = Awaited<ReturnType<typeof repo.listOrders>>['items'][number];

function listItem(
  row: repo.OrderRow & Partial<Pick<ListRow, 'hazard_count' | 'persisting_count'>>,
  today: string,
  counts?: { hazards: number; persisting: number | null },
): OrderListItem {
  const status = row.status as OrderStatus;
  return {
    id: row.id,
    orderNo: row.order_no,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    sector: row.sector as Sector,
    districtName: row.district_name,
    inspectionRecordId: row.inspection_record_id,
    recordNo: row.record_no,
    issuedOn: row.issued_on,
    deadline: row.deadline,
    status,
    overdue: isOrderOverdue({ status, deadline: row.deadline }, today),
    hazardCount: counts?.hazards ?? Number(row.hazard_count ?? 0),
    acknowledgedAt: row.acknowledged_at,
    reinspectedOn: row.reinspected_on,
    persistingCount:
      counts?.persisting ??
      (row.reinspected_on === null ? null : Number(row.persisting_count ?? 0)),
  };
}

export type OrderListQuery = PageQuery & {
  status?: OrderListFilter;
  enterpriseId?: number;
  q?: string;
};

/** The orders a caller may see, with the count behind each status filter. */
export async function listOrders(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: OrderListQuery,
): Promise<OrderPage> {
  const scope = await enterpriseScopeOf(deps, ctx);
  const today = todayInChina();
  const filter: repo.OrderFilter = {
    status: query.status,
    enterpriseId: query.enterpriseId,
    q: query.q,
    like: likeOperator(deps.db.dialect),
    today,
  };
  const [{ items, total }, counts] = await Promise.all([
    repo.listOrders(deps.db.kysely, scope, filter, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
    repo.countOrders(deps.db.kysely, scope, filter),
  ]);
  return {
    items: items.map((r) => listItem(r, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts,
  };
}

/** The re-inspection of an order as its page shows it. */
async function reinspectionView(
  deps: ServiceDeps,
  orderId: number,
): Promise<ReinspectionView | null> {
  const r = await repo.findReinspection(deps.db.kysely, orderId);
  if (!r) return null;
  const items = await repo.listReinspectionItems(deps.db.kysely, r.id, orderId);
  return {
    id: r.id,
    opinionNo: r.opinion_no,
    reinspectedOn: r.reinspected_on,
    inspectors: parseOfficers(r.inspectors),
    opinion: r.opinion,
    earlyReason: r.early_reason,
    items: items.map((i) => ({
      hazardId: i.hazard_id,
      hazardNumber: i.hazard_number,
      title: i.title,
      result: i.result as ReinspectionResult,
      outcome: i.outcome as ReinspectionOutcome,
      note: i.note,
      explanation: i.explanation,
      hazardStatus: i.hazard_status as HazardStatus,
    })),
    verificationCode: r.verification_code,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** One order with its hazards (as they stand now), its re-inspection and the caller's actions. */
export async function getOrder(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<OrderDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleOrder(deps, ctx, id);
  const [items, reinspection] = await Promise.all([
    repo.listOrderItems(deps.db.kysely, id),
    reinspectionView(deps, id),
  ]);
  const persisting = reinspection
    ? reinspection.items.filter((i) => i.result === 'persisting').length
    : null;
  return {
    ...listItem(row, todayInChina(), { hazards: items.length, persisting }),
    basis: row.basis,
    note: row.note,
    inspectors: parseOfficers(row.inspectors),
    items: items.map((i) => ({
      id: i.id,
      seq: i.seq,
      hazardId: i.hazard_id,
      hazardNumber: i.hazard_number,
      title: i.title,
      description: i.description,
      level: i.level as HazardLevel,
      requirement: i.requirement,
      findingSeq: i.finding_seq,
      hazardStatus: i.hazard_status as HazardStatus,
      hazardDeadline: i.hazard_deadline,
    })),
    issuedByName: row.issued_by_name,
    issuedAt: row.issued_at,
    acknowledgedByName: row.acknowledged_by_name,
    verificationCode: row.verification_code,
    reinspection,
    availableActions: actionsFor(actor, row),
    version: row.version,
  };
}

/** Loads a record the caller may see; anything else reads as 404. */
export async function getAccessibleRecord(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const record = await repo.findRecord(deps.db.kysely, id);
  if (
    !record ||
    !canSee(actor, {
      path: record.org_path,
      sector: record.sector,
      enterpriseId: record.enterprise_id,
    })
  )
    throw notFound();
  return record;
}

/**
 * Issues an order from a signed record for some of the hazards its findings point at. Only the
 * record's inspectors issue it; the number runs per district and year; the verification code is
 * the SHA-256 of the order's canonical text. Afterwards, each hazard still being registered takes
 * the order's deadline through the hazard module's plan edit (hazardDeadlineUnderOrder).
 */
export async function issueOrder(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: IssueOrder,
): Promise<OrderDetail> {
  const actor = requireActor(ctx);
  const record = await getAccessibleRecord(deps, ctx, input.inspectionRecordId);
  if (record.status === 'superseded') {
    throw conflict('inspectionRecordId', '该检查记录已被更正，请依据更正后的记录签发整改指令');
  }
  if (record.status !== 'signed') {
    throw conflict('inspectionRecordId', '只能依据全部执法人员已签名的现场检查记录签发整改指令');
  }
  const inspectors = await recordInspectors(deps, record);
  if (!inspectors.some((i) => i.userId === actor.userId)) {
    throw new AppError(403, ErrorCode.Forbidden, [
      { path: 'inspectionRecordId', message: '只有该检查记录上的执法人员可以签发整改指令' },
    ]);
  }
  const today = todayInChina();
  const deadlineWhy = orderDeadlineRefusal(today, input.deadline);
  if (deadlineWhy) throw fieldError('deadline', deadlineWhy);

  const findings = await repo.listFindingHazards(deps.db.kysely, [record.id]);
  const byHazard = new Map(findings.map((f) => [Number(f.hazard_id), f]));
  const open = await repo.openOrderNos(
    deps.db.kysely,
    input.items.map((i) => i.hazardId),
  );
  const chosen = input.items.map((item, i) => {
    const f = byHazard.get(item.hazardId);
    if (!f) throw fieldError(`items.${i}.hazardId`, '该隐患不是本检查记录发现的问题');
    const why = orderHazardRefusal({
      number: f.number,
      status: f.status as HazardStatus,
      openOrderNo: open.get(item.hazardId) ?? null,
    });
    if (why) throw conflict(`items.${i}.hazardId`, why);
    return { finding: f, requirement: item.requirement, seq: i + 1 };
  });

  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const year = Number(today.slice(0, 4));
    const n = await repo.nextDocumentNumber(trx, record.org_unit_id, year, 'order');
    const orderNo = enforcementDocumentNo(record.district_name, 'order', year, n);
    const items = chosen.map((c) => ({
      seq: c.seq,
      hazardId: Number(c.finding.hazard_id),
      hazardNumber: c.finding.number,
      title: c.finding.title,
      description: c.finding.description,
      requirement: c.requirement,
    }));
    const canonical = canonicalOrderText({
      orderNo,
      enterprise: { id: record.enterprise_id, name: record.enterprise_name },
      inspectionRecord: { id: record.id, recordNo: record.record_no },
      issuedOn: today,
      deadline: input.deadline,
      basis: input.basis,
      inspectors,
      items,
    });
    const orderId = await repo.insertOrder(trx, {
      order_no: orderNo,
      district_id: record.org_unit_id,
      enterprise_id: record.enterprise_id,
      sector: record.sector,
      inspection_record_id: record.id,
      issued_on: today,
      deadline: input.deadline,
      basis: input.basis,
      note: input.note,
      inspectors: JSON.stringify(inspectors),
      status: 'issued',
      canonical_text: canonical,
      verification_code: sha256Hex(canonical),
      issued_by: actor.userId,
      issued_by_name: actor.displayName,
      issued_at: at,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledged_by_name: null,
      created_at: at,
      updated_at: at,
    });
    await repo.insertOrderItems(
      trx,
      chosen.map((c, i) => ({
        order_id: orderId,
        seq: c.seq,
        hazard_id: items[i]!.hazardId,
        finding_seq: c.finding.seq,
        hazard_number: c.finding.number,
        title: c.finding.title,
        description: c.finding.description,
        level: c.finding.level,
        requirement: c.requirement,
      })),
    );
    await repo.insertEvent(trx, {
      entity_type: 'order',
      entity_id: orderId,
      action: 'issued',
      from_status: null,
      to_status: 'issued',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_order.issued',
      entityType: 'enforcement_order',
      entityId: orderId,
      changes: {
        orderNo: [null, orderNo],
        enterpriseId: [null, record.enterprise_id],
        inspectionRecordId: [null, record.id],
        deadline: [null, input.deadline],
        hazardIds: [null, items.map((i) => i.hazardId)],
      },
    });
    // The hazards' deadlines follow the order, through the hazard workflow, in this transaction.
    await applyDeadlines(
      trx,
      deps,
      ctx,
      orderNo,
      items.map((i) => i.hazardId),
      input.deadline,
    );
    return orderId;
  });
  return getOrder(deps, ctx, id);
}

/**
 * Makes the hazards' deadlines follow the order (责令限期整改) through the hazard workflow's
 * `order_deadline` action: a hazard without a deadline, or with a later one, gets the order's.
 * A hazard the workflow does not allow it for (already fixed, awaiting verification) keeps its
 * own, and the order page shows both dates.
 */
async function applyDeadlines(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  orderNo: string,
  hazardIds: number[],
  deadline: string,
): Promise<void> {
  const actor = requireActor(ctx);
  for (const hazardId of hazardIds) {
    const row = await findHazard(trx, hazardId);
    if (!row) continue;
    const next = hazardDeadlineUnderOrder(row.deadline, deadline);
    if (next === null) continue;
    if (refusal(hazardFactsOf(row), 'order_deadline', { role: actor.role, userId: actor.userId }))
      continue;
    await applyHazardAction(
      trx,
      deps,
      ctx,
      hazardId,
      'order_deadline',
      {
        version: row.version,
        payload: { newDeadline: next, reason: `责令限期整改（${orderNo}）` },
      },
      null,
    );
  }
}

/** The enterprise acknowledges receipt of an order (签收). */
export async function acknowledgeOrder(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number },
): Promise<OrderDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleOrder(deps, ctx, id);
  // The route admits only enterprise roles; scoping has already hidden other enterprises' orders.
  const status = row.status as OrderStatus;
  const why = orderRefusal(status, 'acknowledge');
  if (why) throw orderConflict(status, 'acknowledge', why);
  if (row.version !== input.version) throw staleVersion();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateOrderIfVersion(trx, id, input.version, {
      status: 'acknowledged',
      acknowledged_at: at,
      acknowledged_by: actor.userId,
      acknowledged_by_name: actor.displayName,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await repo.insertEvent(trx, {
      entity_type: 'order',
      entity_id: id,
      action: 'acknowledge',
      from_status: status,
      to_status: 'acknowledged',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_order.acknowledged',
      entityType: 'enforcement_order',
      entityId: id,
      changes: { status: [status, 'acknowledged'], acknowledgedBy: [null, actor.displayName] },
    });
  });
  return getOrder(deps, ctx, id);
}

/**
 * An enterprise's signed records with the hazards their findings point at, for the "issue an
 * order" drawer: which hazards are verified or already on an open order, and whether the caller
 * is one of the record's inspectors.
 */
export async function listIssuableRecords(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<IssuableRecord[]> {
  const actor = requireActor(ctx);
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const records = await repo.listSignedRecords(deps.db.kysely, enterpriseId, 50);
  const ids = records.map((r) => r.id);
  const findings = await repo.listFindingHazards(deps.db.kysely, ids);
  const open = await repo.openOrderNos(
    deps.db.kysely,
    findings.map((f) => Number(f.hazard_id)),
  );
  const out: IssuableRecord[] = [];
  for (const r of records) {
    const inspectors = await recordInspectors(deps, r);
    out.push({
      id: r.id,
      recordNo: r.record_no,
      startedAt: r.started_at,
      place: r.place,
      inspectors,
      mine: inspectors.some((i) => i.userId === actor.userId),
      findings: findings
        .filter((f) => f.record_id === r.id)
        .map((f) => ({
          seq: f.seq,
          hazardId: Number(f.hazard_id),
          hazardNumber: f.number,
          title: f.title,
          level: f.level as HazardLevel,
          status: f.status as HazardStatus,
          deadline: f.deadline,
          openOrderNo: open.get(Number(f.hazard_id)) ?? null,
        })),
    });
  }
  return out;
}

/** Roles that inspect (and so may re-inspect): those holding EnforcementInspect on the staff side. */
export const INSPECTING_ROLES = ROLES.filter(
  (r) => roleHas(r, Permission.EnforcementInspect) && !isEnterpriseRole(r),
);

/** Certified enforcement officers of the caller's territory, for the re-inspection form. */
export async function listInspectorOptions(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<InspectorOption[]> {
  const actor = requireActor(ctx);
  const rows = await repo.listCertifiedStaff(deps.db.kysely, actor.territoryPath, [
    ...INSPECTING_ROLES,
  ]);
  return rows.map((r) => ({
    userId: r.id,
    name: r.display_name,
    certificateNo: r.certificate_no ?? '',
    orgUnitName: r.org_unit_name,
  }));
}
