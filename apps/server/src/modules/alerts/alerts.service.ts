import {
  type AlertAnswer,
  type AlertDetail,
  type AlertListItem,
  type AlertResponseFilter,
  type AlertResponseInput,
  type AlertResponseView,
  type CreateAlertInput,
  isEnterpriseRole,
  type PageQuery,
  Permission,
  roleHas,
  type Sector,
} from '@hazard-ledger/domain';
import { createHazardSchema } from '@hazard-ledger/domain';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { type CitedItem, resolveCatalogItem } from '../hazards/hazard-catalog.js';
import { recordHazard } from '../hazards/hazards.service.js';
import { likeOperator } from '../../db/dialect.js';
import { conflict, fieldError, forbidden, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { ancestorPaths, staffSees, standpointOf, unitIdOfPath } from '../campaigns/audience.js';
import { findCurrentItem } from '../catalogs/catalogs.service.js';
import { insertTargets } from '../notices/notices.repository.js';
import { checkPublishSectors, nameOf, reachOf } from '../notices/notices.service.js';
import * as repo from './alerts.repository.js';

// Accident-lesson alerts (典型事故警示): publish, answer found / not found, track non-responders.

type ItemRef = AlertDetail['items'][number];

/**
 * Resolves the cited item codes in the current published catalog versions; each must exist there
 * and apply to one of the alert's sectors. The version is recorded with the code.
 */
async function resolveItems(
  deps: ServiceDeps,
  codes: string[],
  sectors: readonly Sector[],
): Promise<ItemRef[]> {
  const refs: ItemRef[] = [];
  for (const code of codes) {
    const found = await findCurrentItem(deps, code);
    if (!found) throw fieldError('itemCodes', `条目${code}不在现行判定标准中`);
    if (!found.item.appliesTo.sectors.some((s) => sectors.includes(s))) {
      throw fieldError('itemCodes', `条目${code}不适用于所选行业领域`);
    }
    refs.push({
      catalogId: found.catalogId,
      catalogVersion: found.version,
      code: found.item.code,
      title: found.item.title,
      clause: found.item.clause,
    });
  }
  return refs;
}

/** Publishes an alert to every enterprise (not closed) of its sectors in the territory. */
export async function publishAlert(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateAlertInput,
): Promise<AlertDetail> {
  const actor = requireActor(ctx);
  checkPublishSectors(actor, input.sectors);
  const today = todayInChina();
  if (input.accidentDate > today) throw fieldError('accidentDate', '事故日期不能晚于今天');
  if (input.dueDate < today) throw fieldError('dueDate', '反馈期限不能早于今天');
  const items = await resolveItems(deps, input.itemCodes, input.sectors);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const alertId = await repo.insertAlert(trx, {
      org_unit_id: unitIdOfPath(actor.territoryPath),
      title: input.title,
      accident_date: input.accidentDate,
      place: input.place,
      summary: input.summary,
      lesson: input.lesson,
      items: JSON.stringify(items),
      sectors: JSON.stringify(input.sectors),
      due_date: input.dueDate,
      published_at: at,
      published_by: actor.userId,
      publisher_name: nameOf(actor),
    });
    const targets = await insertTargets(
      trx,
      { table: 'alert_responses', ownerId: alertId },
      { territoryPath: actor.territoryPath, sectors: input.sectors },
      at,
    );
    if (targets === 0) throw fieldError('sectors', '本辖区内所选行业领域没有企业');
    await repo.setAlertTargetCount(trx, alertId, targets);
    await deps.audit.append(trx, ctx, {
      action: 'alert.published',
      entityType: 'alert',
      entityId: alertId,
      changes: {
        title: [null, input.title],
        sectors: [null, input.sectors],
        dueDate: [null, input.dueDate],
        items: [null, items.map((i) => `${i.catalogId}@${i.catalogVersion}/${i.code}`)],
        targetCount: [null, targets],
      },
    });
    return alertId;
  });
  return getAlert(deps, ctx, id);
}

/** Whether a China calendar date is after the due date. */
const after = (iso: string, due: string) => todayInChina(new Date(iso)) > due;

function responseView(r: repo.ResponseRow, dueDate: string, today: string): AlertResponseView {
  return {
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    sector: r.enterprise_sector as Sector,
    districtName: r.district_name,
    answer: r.answer as AlertAnswer | null,
    note: r.note,
    answeredAt: r.answered_at,
    answeredByName: r.answered_by_name,
    hazardId: r.hazard_id,
    overdue: r.answer === null && today > dueDate,
    late: r.answered_at !== null && after(r.answered_at, dueDate),
  };
}

function listItem(
  a: repo.AlertRow,
  today: string,
  response: AlertResponseView | null,
  stats: { target: number; answered: number; found: number } | null,
): AlertListItem {
  return {
    id: a.id,
    title: a.title,
    accidentDate: a.accident_date,
    place: a.place,
    sectors: JSON.parse(a.sectors) as Sector[],
    dueDate: a.due_date,
    pastDue: today > a.due_date,
    orgUnitId: a.org_unit_id,
    orgUnitName: a.org_unit_name,
    publishedAt: a.published_at,
    publisherName: a.publisher_name,
    response,
    stats: stats
      ? {
          targetCount: stats.target,
          answeredCount: stats.answered,
          foundCount: stats.found,
          pendingCount: stats.target - stats.answered,
        }
      : null,
  };
}

/** Loads an alert the caller may see: enterprise users only theirs, staff by place and sector. */
async function loadAlert(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const point = await standpointOf(deps, ctx);
  const alert = await repo.findAlert(deps.db.kysely, id);
  if (!alert) throw notFound();
  if (point.kind === 'enterprise') {
    const response = await repo.findResponse(deps.db.kysely, id, point.enterpriseId);
    if (!response) throw notFound();
    return { alert, point, response };
  }
  if (!staffSees(point, alert.org_path, JSON.parse(alert.sectors) as Sector[])) throw notFound();
  return { alert, point, response: undefined };
}

export type AlertListQuery = PageQuery & { q?: string; pending?: 'true' | 'false' };

/** Alerts: an enterprise's own (unanswered first), or those staff see (with figures). */
export async function listAlerts(deps: ServiceDeps, ctx: RequestContext, query: AlertListQuery) {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const point = await standpointOf(deps, ctx);
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const like = likeOperator(deps.db.dialect);
  const today = todayInChina();
  if (point.kind === 'enterprise') {
    const { items, total } = await repo.listEnterpriseAlerts(
      db,
      point.enterpriseId,
      { q: query.q, pending: query.pending === 'true', like },
      page,
    );
    return {
      items: items.map((a) => listItem(a, today, responseView(a, a.due_date, today), null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  const { items, total } = await repo.listStaffAlerts(
    db,
    { subtreeOf: point.path, atPaths: ancestorPaths(point.path), sectors: point.sectors },
    { q: query.q, like },
    page,
  );
  const stats = await repo.responseStats(
    db,
    items.map((a) => a.id),
    reachOf(actor),
  );
  return {
    items: items.map((a) =>
      listItem(a, today, null, stats.get(a.id) ?? { target: 0, answered: 0, found: 0 }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One alert with the items it cites; the caller's own response, or staff figures. */
export async function getAlert(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<AlertDetail> {
  const actor = requireActor(ctx);
  const { alert, response } = await loadAlert(deps, ctx, id);
  const today = todayInChina();
  const stats = response
    ? null
    : ((await repo.responseStats(deps.db.kysely, [id], reachOf(actor))).get(id) ?? {
        target: 0,
        answered: 0,
        found: 0,
      });
  const staff = !isEnterpriseRole(actor.role);
  return {
    ...listItem(
      alert,
      today,
      response ? responseView(response, alert.due_date, today) : null,
      stats,
    ),
    summary: alert.summary,
    lesson: alert.lesson,
    items: JSON.parse(alert.items) as ItemRef[],
    can: {
      respond: !staff && roleHas(actor.role, Permission.AlertRespond) && response?.answer === null,
      manage: staff && roleHas(actor.role, Permission.AlertManage),
    },
  };
}

/**
 * An enterprise answers an alert for itself, once: found (with a description) or not found.
 * A late answer is accepted and shown as late.
 */
export async function respondToAlert(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: AlertResponseInput,
): Promise<AlertDetail> {
  const actor = requireActor(ctx);
  const { alert, response } = await loadAlert(deps, ctx, id);
  if (!response) throw forbidden();
  if (response.answer !== null) throw conflict('answer', '已反馈自查结果，不能重复提交');
  const at = nowIso();
  // A "found" answer records the hazard in the ledger (source accident_lesson), citing the
  // first of the alert's catalog items that applies to this enterprise's sector.
  const hazardPlan =
    input.answer === 'found'
      ? await hazardForFoundAnswer(deps, ctx, alert, response.enterprise_id, input.note)
      : null;
  await inTransaction(deps, async (trx) => {
    const hazardId = hazardPlan
      ? await recordHazard(
          trx,
          deps,
          ctx,
          hazardPlan.enterprise,
          hazardPlan.input,
          hazardPlan.catalog,
        )
      : null;
    const ok = await repo.answerOnce(trx, response.response_id, {
      answer: input.answer,
      note: input.note,
      answered_at: at,
      answered_by: actor.userId,
      answered_by_name: nameOf(actor),
      hazard_id: hazardId,
    });
    if (!ok) throw conflict('answer', '已反馈自查结果，不能重复提交');
    await deps.audit.append(trx, ctx, {
      action: 'alert.responded',
      entityType: 'alert',
      entityId: id,
      changes: {
        enterpriseId: [null, response.enterprise_id],
        answer: [null, input.answer],
        note: [null, input.note],
      },
    });
  });
  return getAlert(deps, ctx, id);
}

export type ResponseListQuery = PageQuery & { status?: AlertResponseFilter; q?: string };

/**
 * The per-enterprise responses of an alert for the enterprises the caller answers for:
 * `pending` lists non-responders, `overdue` those still silent after the due date.
 */
export async function listResponses(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  query: ResponseListQuery,
) {
  const actor = requireActor(ctx);
  const { alert, point } = await loadAlert(deps, ctx, id);
  if (point.kind === 'enterprise') throw forbidden();
  const today = todayInChina();
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (query.status === 'overdue' && today <= alert.due_date) return empty;
  const filter = {
    answered:
      query.status === 'pending' || query.status === 'overdue'
        ? false
        : query.status === 'answered'
          ? true
          : undefined,
    answer: query.status === 'found' || query.status === 'not_found' ? query.status : undefined,
    q: query.q,
    like: likeOperator(deps.db.dialect),
  };
  const { items, total } = await repo.listResponses(deps.db.kysely, id, reachOf(actor), filter, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: items.map((r) => responseView(r, alert.due_date, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The hazard a "found" answer records: level major (the criteria are major-hazard items). */
async function hazardForFoundAnswer(
  deps: ServiceDeps,
  ctx: RequestContext,
  alert: { title: string; items: string },
  enterpriseId: number,
  note: string | null,
) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  let catalog: CitedItem | null = null;
  for (const item of JSON.parse(alert.items) as ItemRef[]) {
    try {
      catalog = await resolveCatalogItem(deps, item.code, enterprise);
      break;
    } catch {
      // Not an item of this enterprise's sector: try the next one.
    }
  }
  const input = createHazardSchema.parse({
    enterpriseId,
    level: 'major',
    title: `事故警示排查：${alert.title}`.slice(0, 100),
    description: note ?? '对照典型事故警示自查发现同类隐患',
    origin: 'accident_lesson',
    foundAt: todayInChina(),
    foundBy: actor.displayName,
    catalogItemCode: catalog?.code ?? null,
    noCatalogReason: catalog ? null : '警示所列条款不适用于本企业行业领域',
    treatment: 'deadline',
  });
  return { enterprise, input, catalog };
}
