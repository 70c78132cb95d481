import {
  campaignProgress,
  type CampaignMilestone,
  type CampaignPhase,
  type CampaignView,
  type CreateCampaignInput,
  isInSubtree,
  type PageQuery,
  Permission,
  roleHas,
  type Sector,
  TERRITORY_KINDS,
  type OrgKind,
  type UpdateCampaignInput,
  withCampaignDefaults,
} from '@hazard-ledger/domain';
import { fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { findOrgUnit } from '../org/org.repository.js';
import {
  ancestorPaths,
  staffSees,
  type Standpoint,
  standpointOf,
  unitIdOfPath,
} from './audience.js';
import * as repo from './campaigns.repository.js';

// Campaigns (专项行动): their settings, and where they stand on a given day.

/** Whether a campaign is visible from a standpoint. */
function sees(point: Standpoint, row: repo.CampaignRow): boolean {
  const sectors = JSON.parse(row.sectors) as Sector[];
  if (point.kind === 'enterprise') {
    return isInSubtree(point.path, row.org_path) && sectors.includes(point.sector);
  }
  return staffSees(point, row.org_path, sectors);
}

/** Whether the actor may edit a campaign: the permission, and it lies in their territory. */
function canEdit(actor: SessionActor, row: { org_path: string }): boolean {
  return (
    roleHas(actor.role, Permission.CampaignManage) && isInSubtree(row.org_path, actor.territoryPath)
  );
}

/** The API view of a campaign with its progress on `date`. */
export function toCampaignView(
  actor: SessionActor,
  row: repo.CampaignRow,
  date: string,
): CampaignView {
  const phases = JSON.parse(row.phases) as CampaignPhase[];
  const milestones = JSON.parse(row.milestones) as CampaignMilestone[];
  const weekly = { weekday: row.weekly_weekday, hour: row.weekly_hour };
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    sectors: JSON.parse(row.sectors) as Sector[],
    phases,
    weekly,
    milestones,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    version: row.version,
    progress: campaignProgress({ phases, weekly, milestones }, date),
    can: { edit: canEdit(actor, row) },
  };
}

/** Loads a campaign the caller may see; anything else reads as 404. */
async function loadCampaign(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const row = await repo.findCampaign(deps.db.kysely, id);
  if (!row || row.voided_at !== null) throw notFound();
  if (!sees(await standpointOf(deps, ctx), row)) throw notFound();
  return row;
}

/** The places a standpoint sees campaigns at. */
function placesOf(point: Standpoint, year?: number): repo.CampaignPlaces {
  if (point.kind === 'enterprise') {
    return { subtreeOf: null, atPaths: ancestorPaths(point.path), sectors: [point.sector], year };
  }
  return {
    subtreeOf: point.path,
    atPaths: ancestorPaths(point.path),
    sectors: point.sectors,
    year,
  };
}

export type CampaignListQuery = PageQuery & { year?: number; date?: string };

/** The campaigns the caller may see, newest first. */
export async function listCampaigns(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CampaignListQuery,
) {
  const actor = requireActor(ctx);
  const point = await standpointOf(deps, ctx);
  const { items, total } = await repo.listCampaigns(deps.db.kysely, placesOf(point, query.year), {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const date = query.date ?? todayInChina();
  return {
    items: items.map((r) => toCampaignView(actor, r, date)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One campaign with its progress on `date` (default today). */
export async function getCampaign(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  date?: string,
) {
  const row = await loadCampaign(deps, ctx, id);
  return toCampaignView(requireActor(ctx), row, date ?? todayInChina());
}

/**
 * The campaign of the caller's district on `date`: one running then, the most local first
 * (a district's own before its city's); otherwise the next one to start; null when none.
 */
export async function currentCampaign(deps: ServiceDeps, ctx: RequestContext, date?: string) {
  const actor = requireActor(ctx);
  const point = await standpointOf(deps, ctx);
  const day = date ?? todayInChina();
  const places = {
    ...placesOf(point),
    subtreeOf: null,
    atPaths: ancestorPaths(point.path),
  };
  const open = await repo.listOpenCampaignsAt(deps.db.kysely, places, day);
  const running = open
    .filter((c) => c.start_date <= day)
    .sort(
      (a, b) =>
        b.org_path.length - a.org_path.length ||
        b.start_date.localeCompare(a.start_date) ||
        b.id - a.id,
    );
  const chosen = running[0] ?? open[0];
  return { campaign: chosen ? toCampaignView(actor, chosen, day) : null };
}

/** Checks the org unit a campaign is for: a region, city or district in the caller's territory. */
async function checkOrgUnit(deps: ServiceDeps, actor: SessionActor, orgUnitId: number) {
  const unit = await findOrgUnit(deps.db.kysely, orgUnitId);
  if (
    !unit ||
    !TERRITORY_KINDS.includes(unit.kind as OrgKind) ||
    !isInSubtree(unit.path, actor.territoryPath)
  ) {
    throw fieldError('orgUnitId', '所属单位不存在或不在本辖区');
  }
  return unit;
}

/** Creates a campaign; left-out settings take the seed's defaults for its year. */
export async function createCampaign(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateCampaignInput,
) {
  const actor = requireActor(ctx);
  const full = withCampaignDefaults(input);
  const unit = await checkOrgUnit(
    deps,
    actor,
    input.orgUnitId ?? unitIdOfPath(actor.territoryPath),
  );
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const row = {
      ...repo.campaignColumns(full),
      org_unit_id: unit.id,
      created_at: at,
      created_by: actor.userId,
      created_by_name: `${actor.displayName}(${actor.username})`,
    };
    const newId = await repo.insertCampaign(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: newId,
      changes: diffRecords(null, row),
    });
    return newId;
  });
  return getCampaign(deps, ctx, id);
}

/** Edits a campaign's settings; stale versions get 409. */
export async function updateCampaign(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateCampaignInput,
) {
  const actor = requireActor(ctx);
  const before = await loadCampaign(deps, ctx, id);
  if (!canEdit(actor, before)) throw forbidden();
  if (before.version !== input.version) throw staleVersion();
  const set = { ...repo.campaignColumns(input), updated_at: nowIso() };
  await inTransaction(deps, async (trx) => {
    if (!(await repo.updateCampaignIfVersion(trx, id, input.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'campaign.updated',
      entityType: 'campaign',
      entityId: id,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  return getCampaign(deps, ctx, id);
}

/** Voids a campaign created by mistake (kept with its reason, never deleted). */
export async function voidCampaign(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
): Promise<void> {
  const actor = requireActor(ctx);
  const before = await loadCampaign(deps, ctx, id);
  if (!canEdit(actor, before)) throw forbidden();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { voided_at: at, void_reason: input.reason, updated_at: at };
    if (!(await repo.updateCampaignIfVersion(trx, id, input.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'campaign.voided',
      entityType: 'campaign',
      entityId: id,
      changes: { voided_at: [null, at], void_reason: [null, input.reason] },
    });
  });
}
