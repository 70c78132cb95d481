import {
  canAccessRecord,
  type CreateEnterpriseInput,
  type EnterpriseSelfFieldsInput,
  type EnterpriseStatus,
  type EnterpriseTag,
  isEnterpriseRole,
  type Licence,
  maskPhone,
  type PageQuery,
  Permission,
  roleHas,
  SECTOR_OFFICE,
  SECTOR_SCOPED_ROLES,
  type Sector,
  type UpdateEnterpriseInput,
  isInSubtree,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { type ChangeVersion, changeVersionOnce, MemoPerApp } from '../../lib/expiring-memo.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { findOrgUnit } from '../org/org.repository.js';
import { sharedDistrictIdsUnder } from '../org/shared-territory.js';
import * as repo from './enterprises.repository.js';

/** The enterprises a caller may see: their own, or those of their territory and sectors. */
export async function enterpriseScopeOf(
  deps: ServiceDeps,
  ctx: RequestContext,
  version?: ChangeVersion,
): Promise<repo.EnterpriseScope> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role))
    return { kind: 'enterprise', enterpriseId: actor.enterpriseId ?? -1 };
  return {
    kind: 'territory',
    districtIds: await sharedDistrictIdsUnder(deps, actor.territoryPath, version),
    sectors: SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null,
  };
}

/** Whether the actor may see this enterprise row. */
export function canSeeEnterprise(
  actor: SessionActor,
  row: { id: number; org_path: string; sector: string },
): boolean {
  return canAccessRecord(actor, {
    orgPath: row.org_path,
    sector: row.sector as Sector,
    enterpriseId: row.id,
  });
}

/** Loads an enterprise the caller may see; anything else reads as 404. */
export async function getAccessibleEnterprise(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findEnterprise(deps.db.kysely, id);
  if (!row || !canSeeEnterprise(actor, row)) throw notFound();
  return row;
}

/** What the caller may do with one enterprise (drives the page's buttons). */
export function enterpriseAbilities(actor: SessionActor, row: { id: number }) {
  const own = actor.enterpriseId === row.id;
  const staff = !isEnterpriseRole(actor.role);
  return {
    edit: staff && roleHas(actor.role, Permission.EnterpriseManage),
    editPeople: roleHas(actor.role, Permission.EnterprisePeopleEdit) && (staff || own),
    revealPersonal: roleHas(actor.role, Permission.EnterprisePersonalData),
    manageAccounts: staff && roleHas(actor.role, Permission.EnterpriseAccounts),
  };
}

const parseJsonArray = <T>(text: string | null): T[] => {
  if (!text) return [];
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? (v as T[]) : [];
};

/** The API view of an enterprise row. */
export function toEnterpriseView(row: repo.EnterpriseRow) {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    sector: row.sector as Sector,
    subType: row.sub_type,
    tags: parseJsonArray<EnterpriseTag>(row.tags),
    orgUnitId: row.org_unit_id,
    districtName: row.district_name,
    office: SECTOR_OFFICE[row.sector as Sector],
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    status: row.status as EnterpriseStatus,
    statusDate: row.status_date,
    statusReason: row.status_reason,
    employees: row.employees,
    safetyAgency: row.safety_agency as 'agency' | 'full_time' | 'part_time' | 'none' | null,
    safetyStaffCount: row.safety_staff_count,
    licences: parseJsonArray<Licence>(row.licences),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export type EnterpriseListQuery = PageQuery & {
  q?: string;
  sector?: Sector;
  subType?: string;
  tag?: string;
  orgUnitId?: number;
  status?: EnterpriseStatus;
};

/** The filter part of a list query. */
export function enterpriseFilterOf(
  deps: ServiceDeps,
  query: Omit<EnterpriseListQuery, keyof PageQuery>,
): repo.EnterpriseFilter {
  return {
    q: query.q,
    sector: query.sector,
    subType: query.subType,
    tag: query.tag,
    orgUnitId: query.orgUnitId,
    status: query.status,
    like: likeOperator(deps.db.dialect),
  };
}

/** Per app: how many enterprises match a scope and filter. */
const countMemos = new MemoPerApp<number>();

/**
 * How many enterprises match, shared by every request for the same scope and filter until the
 * next committed change (LEDGER_COUNTS_TTL_SECONDS at most): a name search counts through the
 * scope's enterprises (a city: twenty thousand names), and paging or re-sorting a result does
 * not change its total.
 */
function enterpriseCount(
  deps: ServiceDeps,
  scope: repo.EnterpriseScope,
  filter: repo.EnterpriseFilter,
  version: ChangeVersion,
): Promise<number> {
  return countMemos.untilNextChange(
    deps,
    deps.config.ledgerCountsTtlSeconds * 1000,
    JSON.stringify([scope, filter]),
    () => repo.countEnterprises(deps.db.kysely, scope, filter),
    version,
  );
}

/** Lists the enterprises the caller may see; phone numbers masked. */
export async function listEnterprises(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: EnterpriseListQuery,
) {
  const sort = (
    query.sort && query.sort in repo.ENTERPRISE_SORT_COLUMNS ? query.sort : 'name'
  ) as repo.EnterpriseSortKey;
  // One read of the newest change for both memos of the request.
  const version = changeVersionOnce(deps);
  const scope = await enterpriseScopeOf(deps, ctx, version);
  const filter = enterpriseFilterOf(deps, query);
  const [items, total] = await Promise.all([
    repo.listEnterprisePage(deps.db.kysely, scope, filter, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      sort,
      order: query.order,
    }),
    enterpriseCount(deps, scope, filter, version),
  ]);
  return {
    items: items.map((r) => ({
      ...toEnterpriseView(r),
      leaderName: r.leader_name ?? null,
      leaderPhone: maskPhone(r.leader_phone ?? null),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One enterprise with what the caller may do with it. */
export async function getEnterprise(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await getAccessibleEnterprise(deps, ctx, id);
  return { ...toEnterpriseView(row), can: enterpriseAbilities(actor, row) };
}

/** Checks district and sector of registry input against the caller's scope. */
async function checkPlacement(
  deps: ServiceDeps,
  actor: SessionActor,
  input: CreateEnterpriseInput,
): Promise<void> {
  const unit = await findOrgUnit(deps.db.kysely, input.orgUnitId);
  if (!unit || unit.kind !== 'district' || !isInSubtree(unit.path, actor.territoryPath)) {
    throw fieldError('orgUnitId', '所属区县不存在或不在本辖区');
  }
  if (
    SECTOR_SCOPED_ROLES.includes(actor.role) &&
    actor.sectors &&
    !actor.sectors.includes(input.sector)
  ) {
    throw fieldError('sector', '无权登记该行业领域的企业');
  }
}

/** Registers a new enterprise. */
export async function createEnterprise(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateEnterpriseInput,
) {
  const actor = requireActor(ctx);
  await checkPlacement(deps, actor, input);
  if (await repo.creditCodeTaken(deps.db.kysely, input.creditCode)) {
    throw fieldError('creditCode', '该统一社会信用代码已登记');
  }
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const row = { ...repo.enterpriseColumns(input), created_at: at, updated_at: at, version: 1 };
    const newId = await repo.insertEnterprise(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.created',
      entityType: 'enterprise',
      entityId: newId,
      changes: diffRecords(null, row),
    });
    return newId;
  });
  return getEnterprise(deps, ctx, id);
}

/** Edits an enterprise's registry data; stale versions get 409. */
export async function updateEnterprise(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateEnterpriseInput,
) {
  const actor = requireActor(ctx);
  const current = await getAccessibleEnterprise(deps, ctx, id);
  if (!enterpriseAbilities(actor, current).edit) throw forbidden();
  await checkPlacement(deps, actor, input);
  if (await repo.creditCodeTaken(deps.db.kysely, input.creditCode, id)) {
    throw fieldError('creditCode', '该统一社会信用代码已登记');
  }
  await inTransaction(deps, async (trx) => {
    const before = await repo.findEnterprise(trx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw staleVersion();
    const set = { ...repo.enterpriseColumns(input), updated_at: nowIso() };
    if (!(await repo.updateEnterpriseIfVersion(trx, id, input.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.updated',
      entityType: 'enterprise',
      entityId: id,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  return getEnterprise(deps, ctx, id);
}

/** Edits the fields an enterprise keeps itself: staffing of safety management. */
export async function updateEnterpriseSelfFields(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: EnterpriseSelfFieldsInput,
) {
  const actor = requireActor(ctx);
  const current = await getAccessibleEnterprise(deps, ctx, id);
  if (!enterpriseAbilities(actor, current).editPeople) throw forbidden();
  await inTransaction(deps, async (trx) => {
    const before = await repo.findEnterprise(trx, id);
    if (!before) throw notFound();
    const set = {
      employees: input.employees,
      safety_agency: input.safetyAgency,
      safety_staff_count: input.safetyStaffCount,
      updated_at: nowIso(),
    };
    if (!(await repo.updateEnterpriseIfVersion(trx, id, input.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.self_fields_updated',
      entityType: 'enterprise',
      entityId: id,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  return getEnterprise(deps, ctx, id);
}
