import {
  type AccidentDetail,
  type AccidentLevel,
  type AccidentListItem,
  type AccidentListQuery,
  type AccidentPage,
  type AccidentStatus,
  type AccidentType,
  addDays,
  canAccessRecord,
  catalogItemKey,
  chinaDayOf,
  type CreateAccident,
  type HazardLevel,
  type HazardStatus,
  hazardStatusAt,
  isHazardOpenStatus,
  Permission,
  roleHas,
  type Sector,
  suggestedAccidentLevel,
  type TraceBack,
  traceBackWindowStart,
  type TraceHazard,
  type TraceInspection,
  type UpdateAccident,
  type VoidAccidentInput,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { enterpriseScopeOf } from '../enterprises/enterprises.service.js';
import * as repo from './accidents.repository.js';

// Accidents (生产安全事故) and the responsibility trace-back (责任倒查): record, edit and void an
// accident; gather the evidence of the two years before it for the review.

const ENTITY = 'accident';

function canSee(actor: SessionActor, row: repo.AccidentViewRow): boolean {
  return canAccessRecord(actor, {
    orgPath: row.district_path,
    sector: row.sector as Sector,
    enterpriseId: row.enterprise_id,
  });
}

/** Loads an accident the caller may see; anything else reads as 404. */
async function getAccessibleAccident(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findAccident(deps.db.kysely, id);
  if (!row || !canSee(actor, row)) throw notFound();
  return { actor, row };
}

function listItem(row: repo.AccidentViewRow): AccidentListItem {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    districtName: row.district_name,
    sector: row.sector as Sector,
    occurredAt: row.occurred_at,
    type: row.accident_type as AccidentType,
    deaths: row.deaths,
    seriousInjuries: row.serious_injuries,
    minorInjuries: row.minor_injuries,
    directLossFen: Number(row.direct_loss_fen),
    level: row.level as AccidentLevel,
    suggestedLevel: row.suggested_level as AccidentLevel,
    status: row.status as AccidentStatus,
  };
}

function detailOf(actor: SessionActor, row: repo.AccidentViewRow): AccidentDetail {
  return {
    ...listItem(row),
    place: row.place,
    levelReason: row.level_reason,
    report: row.report,
    voidReason: row.void_reason,
    voidedAt: row.voided_at,
    voidedByName: row.voided_by_name,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    version: row.version,
    canManage: roleHas(actor.role, Permission.AccidentManage) && row.status === 'recorded',
  };
}

/** The start of a China day as a UTC instant. */
function chinaDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The accidents a caller may see, newest first. */
export async function listAccidents(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: AccidentListQuery,
): Promise<AccidentPage> {
  const scope = await enterpriseScopeOf(deps, ctx);
  const { items, total } = await repo.listAccidents(
    deps.db.kysely,
    scope,
    {
      level: query.level,
      type: query.type,
      sector: query.sector,
      status: query.status,
      fromInstant: query.from ? chinaDayStart(query.from) : undefined,
      toInstantExclusive: query.to ? chinaDayStart(addDays(query.to, 1)) : undefined,
      q: query.q,
      like: likeOperator(deps.db.dialect),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: items.map(listItem), total, page: query.page, pageSize: query.pageSize };
}

export async function getAccident(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<AccidentDetail> {
  const { actor, row } = await getAccessibleAccident(deps, ctx, id);
  return detailOf(actor, row);
}

/** The stored columns of the facts (what an edit may change). */
function factColumns(input: Omit<CreateAccident, 'enterpriseId'>) {
  const suggested = suggestedAccidentLevel(input);
  return {
    occurred_at: new Date(input.occurredAt).toISOString(),
    accident_type: input.type,
    place: input.place || null,
    deaths: input.deaths,
    serious_injuries: input.seriousInjuries,
    minor_injuries: input.minorInjuries,
    direct_loss_fen: input.directLossFen,
    level: input.level,
    suggested_level: suggested,
    // The reason only means something when the level departs from the rule.
    level_reason: input.level === suggested ? null : input.levelReason,
    report: input.report,
  };
}

/** Records an accident at an enterprise the caller may see. */
export async function createAccident(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateAccident,
): Promise<AccidentDetail> {
  const actor = requireActor(ctx);
  const enterprise = await repo.findEnterprise(deps.db.kysely, input.enterpriseId);
  if (
    !enterprise ||
    !canAccessRecord(actor, {
      orgPath: enterprise.org_path,
      sector: enterprise.sector as Sector,
      enterpriseId: enterprise.id,
    })
  )
    throw fieldError('enterpriseId', '企业不存在或不在您的管辖范围内');
  const at = nowIso();
  const facts = factColumns(input);
  const id = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertAccident(trx, {
      district_id: enterprise.org_unit_id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      ...facts,
      status: 'recorded',
      void_reason: null,
      voided_at: null,
      voided_by: null,
      voided_by_name: null,
      created_at: at,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      updated_at: at,
      version: 1,
    });
    await deps.audit.append(trx, ctx, {
      action: 'accident.create',
      entityType: ENTITY,
      entityId: newId,
      changes: diffRecords(null, { enterprise_id: enterprise.id, ...facts }),
    });
    return newId;
  });
  return getAccident(deps, ctx, id);
}

/** Corrects the facts of a recorded accident (optimistic version). */
export async function updateAccident(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateAccident,
): Promise<AccidentDetail> {
  const { row } = await getAccessibleAccident(deps, ctx, id);
  if (row.status !== 'recorded') throw fieldError('status', '已作废的事故记录不能修改');
  const facts = factColumns(input);
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateAccident(trx, id, input.version, {
      ...facts,
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion();
    const before = {
      occurred_at: row.occurred_at,
      accident_type: row.accident_type,
      place: row.place,
      deaths: row.deaths,
      serious_injuries: row.serious_injuries,
      minor_injuries: row.minor_injuries,
      direct_loss_fen: Number(row.direct_loss_fen),
      level: row.level,
      suggested_level: row.suggested_level,
      level_reason: row.level_reason,
      report: row.report,
    };
    await deps.audit.append(trx, ctx, {
      action: 'accident.update',
      entityType: ENTITY,
      entityId: id,
      changes: diffRecords(before, facts),
    });
  });
  return getAccident(deps, ctx, id);
}

/** Voids a recorded accident with a reason (records are never deleted). */
export async function voidAccident(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: VoidAccidentInput,
): Promise<AccidentDetail> {
  const { actor, row } = await getAccessibleAccident(deps, ctx, id);
  if (row.status !== 'recorded') throw fieldError('status', '该事故记录已作废');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateAccident(trx, id, input.version, {
      status: 'voided',
      void_reason: input.reason,
      voided_at: at,
      voided_by: actor.userId,
      voided_by_name: actor.displayName,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'accident.void',
      entityType: ENTITY,
      entityId: id,
      changes: { status: ['recorded', 'voided'], reason: input.reason },
    });
  });
  return getAccident(deps, ctx, id);
}

// ---- Trace-back ----

function traceHazardOf(
  h: repo.TraceHazardRow,
  eventsByHazard: Map<number, { id: number; at: string; toStatus: string }[]>,
  at: string,
): TraceHazard {
  const statusAtAccident = hazardStatusAt(eventsByHazard.get(h.id) ?? [], at);
  return {
    hazardId: h.id,
    number: h.number,
    title: h.title,
    level: h.level as HazardLevel,
    catalogId: h.catalog_id,
    catalogItemCode: h.catalog_item_code,
    foundAt: h.found_at,
    deadline: h.extension_deadline ?? h.deadline,
    statusAtAccident,
    openAtAccident: isHazardOpenStatus(statusAtAccident),
    currentStatus: h.status as HazardStatus,
  };
}

/**
 * The evidence for the responsibility review: every inspection record of the enterprise started
 * in the two years up to the accident, with who inspected and signed it, the hazards it found and
 * where each stood at the moment of the accident; the enterprise's hazards open at that moment on
 * the same catalog items; its penalty cases and rectification orders of the window.
 */
export async function traceBack(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<TraceBack> {
  const { row } = await getAccessibleAccident(deps, ctx, id);
  const db = deps.db.kysely;
  const at = row.occurred_at;
  const from = traceBackWindowStart(at);
  const enterpriseId = row.enterprise_id;

  const records = await repo.inspectionsInWindow(db, enterpriseId, from, at);
  const recordIds = records.map((r) => r.id);
  const [inspectors, signatures, findings] = await Promise.all([
    repo.inspectorsOf(db, recordIds),
    repo.signaturesOf(db, recordIds),
    repo.findingsOf(db, recordIds),
  ]);
  const foundIds = [...new Set(findings.flatMap((f) => (f.hazard_id ? [f.hazard_id] : [])))];
  const foundHazards = await repo.hazardsByIds(db, foundIds);

  // The catalog items the inspections found hazards on, then every hazard of the enterprise on
  // those items found by the day of the accident.
  const items = new Map<string, { catalogId: string; code: string }>();
  for (const h of foundHazards) {
    const key = catalogItemKey({ catalogId: h.catalog_id, catalogItemCode: h.catalog_item_code });
    if (key) items.set(key, { catalogId: h.catalog_id!, code: h.catalog_item_code! });
  }
  const sameItem = await repo.hazardsOnItems(db, enterpriseId, [...items.values()], chinaDayOf(at));

  const allHazardIds = [...new Set([...foundIds, ...sameItem.map((h) => h.id)])];
  const events = await repo.hazardEventsUpTo(db, allHazardIds, at);
  const eventsByHazard = new Map<number, { id: number; at: string; toStatus: string }[]>();
  for (const e of events) {
    const list = eventsByHazard.get(e.hazard_id) ?? [];
    list.push({ id: e.id, at: e.at, toStatus: e.to_status });
    eventsByHazard.set(e.hazard_id, list);
  }
  const hazardById = new Map(foundHazards.map((h) => [h.id, h]));
  const foundSet = new Set(foundIds);

  const inspections: TraceInspection[] = records.map((r) => ({
    id: r.id,
    recordNo: r.record_no,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    place: r.place,
    inspectors: inspectors
      .filter((i) => i.record_id === r.id)
      .map((i) => ({ name: i.name, certificateNo: i.certificate_no, signedAt: null })),
    signers: signatures
      .filter((s) => s.record_id === r.id)
      .map((s) => ({
        name: s.signer_name,
        certificateNo: s.certificate_no,
        signedAt: s.signed_at,
      })),
    findings: findings
      .filter((f) => f.record_id === r.id)
      .map((f) => {
        const hazard = f.hazard_id ? hazardById.get(f.hazard_id) : undefined;
        return {
          seq: f.seq,
          catalogItemCode: f.catalog_item_code,
          level: f.level,
          hazard: hazard ? traceHazardOf(hazard, eventsByHazard, at) : null,
        };
      }),
  }));

  const sameItemOpenHazards = sameItem
    .map((h) => ({
      ...traceHazardOf(h, eventsByHazard, at),
      foundByInspection: foundSet.has(h.id),
    }))
    .filter((h) => h.openAtAccident);

  const fromDay = chinaDayOf(from);
  const toDay = chinaDayOf(at);
  const [cases, orders] = await Promise.all([
    repo.penaltyCasesInWindow(db, enterpriseId, fromDay, toDay),
    repo.ordersInWindow(db, enterpriseId, fromDay, toDay),
  ]);

  return {
    accidentId: row.id,
    windowFrom: from,
    windowTo: at,
    inspections,
    sameItemOpenHazards,
    penaltyCases: cases.map((c) => ({
      id: c.id,
      caseNo: c.case_no,
      filedOn: c.filed_on,
      matter: c.matter,
      status: c.status,
    })),
    orders: orders.map((o) => ({
      id: o.id,
      orderNo: o.order_no,
      issuedOn: o.issued_on,
      deadline: o.deadline,
      status: o.status,
    })),
  };
}
