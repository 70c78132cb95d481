import {
  canAccessRecord,
  type CreateHazardInput,
  fenToYuan,
  type HazardDetail,
  type HazardFacts,
  type HazardLevel,
  type HazardListItem,
  type HazardOrigin,
  type HazardStatus,
  availableActions,
  isEnterpriseRole,
  isOverdue,
  missingPlanItems,
  type PageQuery,
  type RectificationPlan,
  SECTOR_SCOPED_ROLES,
  SELF_FOUND_ORIGINS,
  type Sector,
  type SupervisionLevel,
  type UpdateHazardInput,
  yuanToFen,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import type { HazardEventRow, HazardFileRow } from '../../db/schema-hazards.js';
import { conflict, fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { type ChangeVersion, changeVersionOnce, MemoPerApp } from '../../lib/expiring-memo.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { sharedDistrictIdsUnder } from '../org/shared-territory.js';
import * as repo from './hazards.repository.js';
import { type CitedItem, resolveCatalogItem } from './hazard-catalog.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The hazards a caller may see. */
export async function hazardScopeOf(
  deps: ServiceDeps,
  ctx: RequestContext,
  version?: ChangeVersion,
): Promise<repo.HazardScope> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role))
    return { kind: 'enterprise', enterpriseId: actor.enterpriseId ?? -1 };
  return {
    kind: 'territory',
    districtIds: await sharedDistrictIdsUnder(deps, actor.territoryPath, version),
    sectors: SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null,
  };
}

/** Loads a hazard the caller may see; anything else reads as 404. */
export async function getAccessibleHazard(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findHazard(deps.db.kysely, id);
  if (!row) throw notFound();
  const visible = canAccessRecord(actor, {
    orgPath: row.district_path,
    sector: row.sector as Sector,
    enterpriseId: row.enterprise_id,
  });
  if (!visible) throw notFound();
  return row;
}

/** The facts the workflow rules need, from a stored row. */
export function factsOf(row: repo.HazardWithContext): HazardFacts {
  const plan = planOf(row);
  return {
    status: row.status as HazardStatus,
    level: row.level as HazardLevel,
    treatment: row.treatment as HazardFacts['treatment'],
    planComplete: missingPlanItems(plan).length === 0,
    reportedToBureau: row.reported_to_bureau_at !== null,
    leaderAccepted: row.leader_accepted_at !== null,
    fixedByUserId: row.fixed_by_user_id,
    supervised: row.supervision_level !== null,
    extensionRequested: row.extension_deadline !== null,
  };
}

function planOf(row: repo.HazardWithContext) {
  return {
    responsiblePerson: row.plan_responsible,
    measures: row.plan_measures,
    fundsYuan: row.plan_funds_fen === null ? null : fenToYuan(row.plan_funds_fen),
    fundsSource: row.plan_funds_source,
    deadline: row.deadline,
    emergencyMeasures: row.plan_emergency,
  };
}

/** A list row for the API. */
function toListItem(
  row: Awaited<ReturnType<typeof repo.listHazardPage>>[number],
  today: string,
): HazardListItem {
  return {
    id: row.id,
    number: row.number,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    sector: row.sector as Sector,
    level: row.level as HazardLevel,
    title: row.title,
    origin: row.origin as HazardOrigin,
    foundAt: row.found_at,
    status: row.status as HazardStatus,
    deadline: row.deadline,
    overdue: isOverdue({ status: row.status as HazardStatus, deadline: row.deadline }, today),
    supervisionLevel: row.supervision_level as SupervisionLevel | null,
    catalogItemCode: row.catalog_item_code,
    version: row.version,
  };
}

function parseDetails(text: string | null): Record<string, unknown> | null {
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** The full hazard page for one caller. */
export function toDetail(
  actor: SessionActor,
  row: repo.HazardWithContext,
  events: HazardEventRow[],
  files: HazardFileRow[],
): HazardDetail {
  const today = todayInChina();
  const plan = planOf(row);
  const facts = factsOf(row);
  return {
    ...toListItem({ ...row, enterprise_name: row.enterprise_name }, today),
    districtName: row.district_name,
    enterpriseCreditCode: row.enterprise_credit_code,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    noCatalogReason: row.no_catalog_reason,
    description: row.description,
    place: row.place,
    causeAnalysis: row.cause_analysis,
    category: row.category as HazardDetail['category'],
    foundBy: row.found_by,
    treatment: row.treatment as HazardDetail['treatment'],
    plan: { ...plan, approvedAt: row.plan_approved_at, missing: missingPlanItems(plan) },
    reportedToBureauAt: row.reported_to_bureau_at,
    selfFoundAndReported:
      SELF_FOUND_ORIGINS.includes(row.origin as HazardOrigin) && row.reported_to_bureau_at !== null,
    fixDescription: row.fix_description,
    fixedAt: row.fixed_at,
    leaderAcceptedAt: row.leader_accepted_at,
    verifiedAt: row.verified_at,
    supervisedAt: row.supervised_at,
    extensionRequest:
      row.extension_deadline && row.extension_reason
        ? { deadline: row.extension_deadline, reason: row.extension_reason }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    files: files.map((f) => ({
      id: f.id,
      kind: f.kind as 'before' | 'after' | 'document',
      fileName: f.file_name,
      mimeType: f.mime_type,
      sizeBytes: f.size_bytes,
      uploadedAt: f.uploaded_at,
    })),
    history: events.map((e) => ({
      id: e.id,
      action: e.action as HazardDetail['history'][number]['action'],
      fromStatus: e.from_status as HazardStatus | null,
      toStatus: e.to_status as HazardStatus,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      at: e.at,
      reason: e.reason,
      details: parseDetails(e.details),
    })),
    availableActions: availableActions(facts, { role: actor.role, userId: actor.userId }),
    canEdit: canEditRecord(actor, row),
  };
}

/** Whether the caller may edit the description and plan: while the hazard is being registered. */
function canEditRecord(actor: SessionActor, row: repo.HazardWithContext): boolean {
  if (row.status !== 'reported') return false;
  if (isEnterpriseRole(actor.role)) return actor.enterpriseId === row.enterprise_id;
  return ['bureau_admin', 'office', 'inspector'].includes(actor.role);
}

/** One hazard as its page shows it. */
export async function getHazard(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<HazardDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleHazard(deps, ctx, id);
  const [events, files] = await Promise.all([
    repo.listEvents(deps.db.kysely, id),
    repo.listFiles(deps.db.kysely, id),
  ]);
  return toDetail(actor, row, events, files);
}

export type HazardListQuery = PageQuery &
  Omit<repo.HazardFilter, 'today' | 'like'> & { sort?: repo.HazardSortKey };

/** The filter of a list query. */
export function hazardFilterOf(
  deps: ServiceDeps,
  query: Omit<HazardListQuery, keyof PageQuery>,
): repo.HazardFilter {
  return { ...query, today: todayInChina(), like: likeOperator(deps.db.dialect) };
}

/** Per app: the ledger's per-status counts for a scope and filter. */
const countMemos = new MemoPerApp<Record<string, number>>();

/**
 * The per-status counts of a territory's ledger list, shared by every request for the same scope
 * and filter until the next committed change, so paging, re-sorting or switching the status tab
 * does not count again. Those that go through the matching hazards (a city's overdue or
 * date-range filter) take tens of milliseconds; even those the kept counts table answers sum a
 * few hundred of its rows for a city (about a millisecond). The key holds the day too: "overdue"
 * moves on at midnight without a change.
 */
async function ledgerCounts(
  deps: ServiceDeps,
  scope: repo.HazardScope,
  filter: repo.HazardFilter,
  version: ChangeVersion,
): Promise<Record<string, number>> {
  if (scope.kind !== 'territory') return repo.countByStatus(deps.db.kysely, scope, filter);
  return countMemos.untilNextChange(
    deps,
    deps.config.ledgerCountsTtlSeconds * 1000,
    repo.countByStatusKey(scope, filter),
    () => repo.countByStatus(deps.db.kysely, scope, filter),
    version,
  );
}

/** The ledger list with counts per status. */
export async function listHazards(deps: ServiceDeps, ctx: RequestContext, query: HazardListQuery) {
  // One read of the newest change for both memos of the request.
  const version = changeVersionOnce(deps);
  const scope = await hazardScopeOf(deps, ctx, version);
  const filter = hazardFilterOf(deps, query);
  const sort = query.sort && query.sort in repo.HAZARD_SORT_COLUMNS ? query.sort : 'foundAt';
  const [items, counts] = await Promise.all([
    repo.listHazardPage(deps.db.kysely, scope, filter, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      sort,
      order: query.sort ? query.order : 'desc',
    }),
    ledgerCounts(deps, scope, filter, version),
  ]);
  // The total is read off the per-status counts (same filters): one pass over the index
  // instead of two for a city-wide list.
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    items: items.map((r) => toListItem(r, filter.today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    countsByStatus: counts,
  };
}

/** Records a new hazard against an enterprise the caller may see. */
export async function createHazard(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateHazardInput,
) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, input.enterpriseId);
  const enterpriseSide = isEnterpriseRole(actor.role);
  if (enterpriseSide && !SELF_FOUND_ORIGINS.includes(input.origin)) {
    throw fieldError('origin', '企业只能登记自查、主要负责人检查或事故警示排查发现的隐患');
  }
  if (!enterpriseSide && !['bureau_admin', 'office', 'inspector'].includes(actor.role))
    throw forbidden();
  if (input.foundAt > todayInChina()) throw fieldError('foundAt', '发现时间不能晚于今天');
  const catalog = input.catalogItemCode
    ? await resolveCatalogItem(deps, input.catalogItemCode, enterprise)
    : null;
  const id = await inTransaction(deps, (trx) =>
    recordHazard(trx, deps, ctx, enterprise, input, catalog),
  );
  return getHazard(deps, ctx, id);
}

/**
 * Inserts a hazard with its number, first history event and audit row inside the caller's
 * transaction; also used by modules that create hazards as a consequence (accident alerts).
 */
export async function recordHazard(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  enterprise: { id: number; org_unit_id: number; sector: string; district_name: string },
  input: CreateHazardInput,
  catalog: CitedItem | null,
): Promise<number> {
  const actor = requireActor(ctx);
  const at = nowIso();
  const year = Number(input.foundAt.slice(0, 4));
  const seq = await repo.nextHazardNumber(trx, enterprise.org_unit_id, year);
  const prefix = enterprise.district_name.replace(/应急管理局$/, '').replace(/[区县旗市]$/, '');
  const row = {
    number: `${prefix}-${year}-${String(seq).padStart(6, '0')}`,
    district_id: enterprise.org_unit_id,
    enterprise_id: enterprise.id,
    sector: enterprise.sector,
    catalog_id: catalog?.catalogId ?? null,
    catalog_version: catalog?.version ?? null,
    catalog_item_code: catalog?.code ?? null,
    no_catalog_reason: catalog ? null : input.noCatalogReason,
    level: input.level,
    title: input.title,
    description: input.description,
    place: input.place,
    cause_analysis: input.causeAnalysis,
    category: input.category,
    origin: input.origin,
    found_at: input.foundAt,
    found_by: input.foundBy,
    treatment: input.treatment,
    status: 'reported',
    plan_responsible: null,
    plan_measures: null,
    plan_funds_fen: null,
    plan_funds_source: null,
    deadline: null,
    plan_emergency: null,
    plan_approved_at: null,
    reported_to_bureau_at: null,
    fix_description: null,
    fixed_by_user_id: null,
    fixed_at: null,
    leader_accepted_at: null,
    verified_at: null,
    verified_by_user_id: null,
    supervision_level: null,
    supervised_at: null,
    extension_deadline: null,
    extension_reason: null,
    created_by_user_id: actor.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  const hazardId = await repo.insertHazard(trx, row);
  await trx
    .insertInto('hazard_events')
    .values({
      hazard_id: hazardId,
      action: 'created',
      from_status: null,
      to_status: 'reported',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      reason: null,
      details: null,
      idempotency_key: null,
    })
    .execute();
  await deps.audit.append(trx, ctx, {
    action: 'hazard.created',
    entityType: 'hazard',
    entityId: hazardId,
    changes: diffRecords(null, row),
  });
  return hazardId;
}

/** Loads a hazard the caller may edit (description, plan), or refuses. */
async function getEditableHazard(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await getAccessibleHazard(deps, ctx, id);
  if (!canEditRecord(actor, row)) {
    throw row.status === 'reported'
      ? forbidden()
      : conflict('status', '隐患已进入整改流程，不能再修改登记信息');
  }
  return row;
}

/** Appends a recording event to the history (edits, plan saves). */
async function appendEvent(
  trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  actor: SessionActor,
  row: { id: number; status: string },
  action: string,
  details: Record<string, unknown>,
  at: string,
) {
  await trx
    .insertInto('hazard_events')
    .values({
      hazard_id: row.id,
      action,
      from_status: row.status,
      to_status: row.status,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      reason: null,
      details: JSON.stringify(details),
      idempotency_key: null,
    })
    .execute();
}

/** Edits the description of a hazard that is still being registered. */
export async function updateHazard(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateHazardInput,
) {
  const actor = requireActor(ctx);
  const before = await getEditableHazard(deps, ctx, id);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = {
      title: input.title,
      description: input.description,
      place: input.place,
      cause_analysis: input.causeAnalysis,
      category: input.category,
      updated_at: at,
    };
    if (!(await repo.updateHazardIfVersion(trx, id, input.version, set))) throw staleVersion();
    const changes = diffRecords(before, { ...before, ...set });
    await appendEvent(trx, actor, before, 'edited', changes, at);
    await deps.audit.append(trx, ctx, {
      action: 'hazard.updated',
      entityType: 'hazard',
      entityId: id,
      changes,
    });
  });
  return getHazard(deps, ctx, id);
}

/** Saves (part of) the five-item plan; submitting it is a separate action. */
export async function savePlan(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: Partial<RectificationPlan> & { version: number },
) {
  const actor = requireActor(ctx);
  const before = await getEditableHazard(deps, ctx, id);
  if (input.deadline && input.deadline < before.found_at)
    throw fieldError('deadline', '整改期限不能早于发现时间');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = {
      plan_responsible: input.responsiblePerson ?? null,
      plan_measures: input.measures ?? null,
      plan_funds_fen: input.fundsYuan ? yuanToFen(input.fundsYuan) : null,
      plan_funds_source: input.fundsSource ?? null,
      deadline: input.deadline ?? null,
      plan_emergency: input.emergencyMeasures ?? null,
      updated_at: at,
    };
    if (!(await repo.updateHazardIfVersion(trx, id, input.version, set))) throw staleVersion();
    const changes = diffRecords(before, { ...before, ...set });
    await appendEvent(trx, actor, before, 'plan_saved', changes, at);
    await deps.audit.append(trx, ctx, {
      action: 'hazard.plan_saved',
      entityType: 'hazard',
      entityId: id,
      changes,
    });
  });
  return getHazard(deps, ctx, id);
}

/** The to-do groups of a role, each with a count and its first items. */
const TODO_GROUPS = {
  enterprise: [
    { key: 'plan', label: '待制定并提交整改方案', filter: { awaiting: 'plan' } },
    {
      key: 'plan_approval',
      label: '整改方案待主要负责人批准',
      filter: { awaiting: 'plan_approval' },
    },
    { key: 'fix', label: '整改中（按期完成并上传整改照片）', filter: { awaiting: 'fix' } },
    { key: 'acceptance', label: '待主要负责人验收', filter: { awaiting: 'acceptance' } },
    { key: 'overdue', label: '已逾期', filter: { overdue: true } },
  ],
  bureau: [
    { key: 'verification', label: '重大事故隐患待验收销号', filter: { awaiting: 'verification' } },
    {
      key: 'extension',
      label: '延期申请待批准',
      filter: { awaiting: 'extension', level: 'major' },
    },
    { key: 'overdue', label: '逾期未整改', filter: { overdue: true } },
    { key: 'supervised', label: '挂牌督办中', filter: { supervised: true, status: undefined } },
  ],
} as const;

/** "My to-do": what waits for the caller's side, with counts and the first items of each. */
export async function hazardTodo(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const groups = isEnterpriseRole(actor.role) ? TODO_GROUPS.enterprise : TODO_GROUPS.bureau;
  const scope = await hazardScopeOf(deps, ctx);
  const today = todayInChina();
  return {
    groups: await Promise.all(
      groups.map(async (g) => {
        const filter = { ...hazardFilterOf(deps, {}), ...g.filter } as repo.HazardFilter;
        if (g.key === 'supervised') filter.overdue = undefined;
        const [items, total] = await Promise.all([
          repo.listHazardPage(deps.db.kysely, scope, filter, {
            offset: 0,
            limit: 10,
            sort: 'deadline',
            order: 'asc',
          }),
          repo.countHazards(deps.db.kysely, scope, filter),
        ]);
        return {
          key: g.key,
          label: g.label,
          count: total,
          items: items.map((r) => toListItem(r, today)),
        };
      }),
    ),
  };
}
