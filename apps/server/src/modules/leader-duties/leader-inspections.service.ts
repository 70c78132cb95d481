import {
  calendarMonthOf,
  createHazardSchema,
  type EnterpriseLeaderInspections,
  type HazardLevel,
  isEnterpriseRole,
  type LeaderFindingInput,
  type LeaderInspectionInput,
  type LeaderInspectionUpdate,
  type LeaderInspectionView,
  type LeaderItemRef,
  leaderInspectionMonths,
  missingLeaderInspectionMonths,
  Permission,
  roleHas,
  signedInspectionMonths,
  type Treatment,
} from '@hazard-ledger/domain';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { campaignForEnterprise } from '../campaigns/enterprise-campaign.js';
import { getChecklist } from '../catalogs/catalogs.service.js';
import { canSeeEnterprise, getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { type CitedItem, resolveCatalogItem } from '../hazards/hazard-catalog.js';
import { recordHazard } from '../hazards/hazards.service.js';
import { nameOf } from '../notices/notices.service.js';
import * as repo from './leader-inspections.repository.js';

// The main leader's monthly inspection (主要负责人每月至少带队检查1次): an enterprise user records
// it as a draft, the main leader signs it; signed records are read-only and archived, and their
// findings marked as hazards enter the ledger (origin leader_check) with the signature.

function viewOf(
  actor: SessionActor,
  row: repo.InspectionRow,
  findings: repo.FindingRow[],
): LeaderInspectionView {
  const own = isEnterpriseRole(actor.role) && actor.enterpriseId === row.enterprise_id;
  const draft = row.status === 'draft';
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    inspectedOn: row.inspected_on,
    month: calendarMonthOf(row.inspected_on),
    participants: row.participants,
    places: row.places,
    content: row.content,
    items: JSON.parse(row.items) as LeaderItemRef[],
    findings: findings.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      place: f.place,
      hazardLevel: f.hazard_level as HazardLevel | null,
      catalogItemCode: f.catalog_item_code,
      noCatalogReason: f.no_catalog_reason,
      treatment: f.treatment as Treatment,
      hazardId: f.hazard_id === null ? null : Number(f.hazard_id),
      hazardNumber: f.hazard_number ?? null,
    })),
    status: row.status as LeaderInspectionView['status'],
    recordedByName: row.recorded_by_name,
    recordedAt: row.recorded_at,
    signedAt: row.signed_at,
    signedByName: row.signed_by_name,
    updatedAt: row.updated_at,
    version: row.version,
    can: {
      edit: own && draft && roleHas(actor.role, Permission.DutyRecord),
      sign: own && draft && roleHas(actor.role, Permission.DutySign),
      void: own && draft && roleHas(actor.role, Permission.DutyRecord),
    },
  };
}

/** Loads a live inspection the caller may see; anything else reads as 404. */
async function loadInspection(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findInspection(deps.db.kysely, id);
  if (!row || row.voided_at !== null) throw notFound();
  const visible = canSeeEnterprise(actor, {
    id: row.enterprise_id,
    org_path: row.enterprise_org_path,
    sector: row.enterprise_sector,
  });
  if (!visible) throw notFound();
  return row;
}

/** Loads an inspection of the caller's own enterprise that is still a draft (else 409). */
async function loadOwnDraft(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await loadInspection(deps, ctx, id);
  if (actor.enterpriseId !== row.enterprise_id) throw notFound();
  if (row.status !== 'draft') throw conflict('status', '检查记录已由主要负责人签字存档，不能修改');
  return row;
}

/** One inspection with its findings. */
export async function getInspection(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<LeaderInspectionView> {
  const row = await loadInspection(deps, ctx, id);
  const findings = await repo.listFindings(deps.db.kysely, [id]);
  return viewOf(requireActor(ctx), row, findings);
}

/**
 * The checked items as the record keeps them: each code must be an item of the enterprise's
 * checklist (the catalogs module decides which items apply), cited with its exact version.
 */
async function resolveCheckedItems(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: { itemCodes: string[]; findings: LeaderFindingInput[] },
): Promise<LeaderItemRef[]> {
  if (input.itemCodes.length === 0 && input.findings.every((f) => !f.catalogItemCode)) return [];
  const checklist = await getChecklist(deps, ctx, enterpriseId);
  const byCode = new Map(checklist.items.map((i) => [i.code, i]));
  const refs = input.itemCodes.map((raw, i) => {
    const item = byCode.get(raw.toUpperCase());
    if (!item) throw fieldError(`itemCodes.${i}`, `条目${raw}不在本企业的检查清单中`);
    return {
      catalogId: item.catalogId,
      catalogVersion: item.catalogVersion,
      code: item.code,
      title: item.title,
    };
  });
  input.findings.forEach((f, i) => {
    if (f.catalogItemCode && !byCode.has(f.catalogItemCode.toUpperCase())) {
      throw fieldError(
        `findings.${i}.catalogItemCode`,
        `条目${f.catalogItemCode}不在本企业的检查清单中`,
      );
    }
  });
  return refs;
}

function checkDate(inspectedOn: string): void {
  if (inspectedOn > todayInChina()) throw fieldError('inspectedOn', '检查日期不能晚于今天');
}

function columnsOf(input: LeaderInspectionInput, items: LeaderItemRef[]): repo.InspectionColumns {
  return {
    inspected_on: input.inspectedOn,
    participants: input.participants,
    places: input.places,
    content: input.content,
    items: JSON.stringify(items),
  };
}

function findingColumns(findings: LeaderFindingInput[]): repo.FindingColumns[] {
  return findings.map((f) => ({
    title: f.title,
    description: f.description,
    place: f.place,
    hazard_level: f.hazardLevel,
    catalog_item_code: f.catalogItemCode ? f.catalogItemCode.toUpperCase() : null,
    no_catalog_reason: f.catalogItemCode ? null : f.noCatalogReason,
    treatment: f.treatment,
  }));
}

/** Records a leader inspection of the caller's own enterprise, as a draft awaiting signature. */
export async function recordInspection(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: LeaderInspectionInput,
): Promise<LeaderInspectionView> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (actor.enterpriseId !== enterprise.id) throw notFound();
  checkDate(input.inspectedOn);
  const items = await resolveCheckedItems(deps, ctx, enterprise.id, input);
  const id = await inTransaction(deps, async (trx) => {
    const columns = columnsOf(input, items);
    const findings = findingColumns(input.findings);
    const newId = await repo.insertInspection(trx, {
      ...columns,
      enterprise_id: enterprise.id,
      recorded_by: actor.userId,
      recorded_by_name: nameOf(actor),
      recorded_at: nowIso(),
    });
    await repo.replaceFindings(trx, newId, findings);
    await deps.audit.append(trx, ctx, {
      action: 'leader_inspection.recorded',
      entityType: 'leader_inspection',
      entityId: newId,
      changes: { enterpriseId: [null, enterprise.id], ...diffRecords(null, columns), findings },
    });
    return newId;
  });
  return getInspection(deps, ctx, id);
}

/** Edits a draft; a signed record is read-only (409). */
export async function updateInspection(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: LeaderInspectionUpdate,
): Promise<LeaderInspectionView> {
  const before = await loadOwnDraft(deps, ctx, id);
  checkDate(input.inspectedOn);
  const items = await resolveCheckedItems(deps, ctx, before.enterprise_id, input);
  await inTransaction(deps, async (trx) => {
    const columns = columnsOf(input, items);
    const findings = findingColumns(input.findings);
    const ok = await repo.updateDraftIfVersion(trx, id, input.version, {
      ...columns,
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion();
    await repo.replaceFindings(trx, id, findings);
    await deps.audit.append(trx, ctx, {
      action: 'leader_inspection.updated',
      entityType: 'leader_inspection',
      entityId: id,
      changes: { ...diffRecords(before, { ...before, ...columns }), findings },
    });
  });
  return getInspection(deps, ctx, id);
}

/**
 * The main leader signs a draft: it becomes read-only, and each finding marked as a hazard is
 * recorded in the ledger (origin leader_check, found on the inspection day) in the same
 * transaction, under the ledger's own rules for its level.
 */
export async function signInspection(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  version: number,
): Promise<LeaderInspectionView> {
  const actor = requireActor(ctx);
  const row = await loadOwnDraft(deps, ctx, id);
  if (row.version !== version) throw staleVersion();
  const enterprise = await getAccessibleEnterprise(deps, ctx, row.enterprise_id);
  const findings = await repo.listFindings(deps.db.kysely, [id]);
  // Catalog citations are resolved before the transaction (reads only); an item withdrawn from
  // the current catalog since the draft was saved is reported on its finding.
  const plans: { finding: repo.FindingRow; catalog: CitedItem | null }[] = [];
  for (const f of findings) {
    if (!f.hazard_level) continue;
    let catalog: CitedItem | null = null;
    if (f.catalog_item_code) {
      try {
        catalog = await resolveCatalogItem(deps, f.catalog_item_code, enterprise);
      } catch {
        throw fieldError(
          `findings.${f.ordinal - 1}.catalogItemCode`,
          `条目${f.catalog_item_code}已不在现行判定标准中，请修改后再签字`,
        );
      }
    }
    plans.push({ finding: f, catalog });
  }
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateDraftIfVersion(trx, id, version, {
      status: 'signed',
      signed_at: at,
      signed_by: actor.userId,
      signed_by_name: nameOf(actor),
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    const hazardIds: number[] = [];
    for (const { finding, catalog } of plans) {
      const input = createHazardSchema.parse({
        enterpriseId: enterprise.id,
        level: finding.hazard_level,
        title: finding.title,
        description: finding.description,
        place: finding.place,
        origin: 'leader_check',
        foundAt: row.inspected_on,
        foundBy: actor.displayName,
        catalogItemCode: catalog?.code ?? null,
        noCatalogReason: catalog ? null : finding.no_catalog_reason,
        treatment: finding.treatment,
      });
      const hazardId = await recordHazard(trx, deps, ctx, enterprise, input, catalog);
      await repo.setFindingHazard(trx, finding.id, hazardId);
      hazardIds.push(hazardId);
    }
    await deps.audit.append(trx, ctx, {
      action: 'leader_inspection.signed',
      entityType: 'leader_inspection',
      entityId: id,
      changes: { status: ['draft', 'signed'], signedAt: [null, at], hazardIds: [null, hazardIds] },
    });
  });
  return getInspection(deps, ctx, id);
}

/** Voids a draft recorded by mistake (records are never deleted); signed records cannot be. */
export async function voidInspection(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
): Promise<void> {
  await loadOwnDraft(deps, ctx, id);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateDraftIfVersion(trx, id, input.version, {
      voided_at: at,
      void_reason: input.reason,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'leader_inspection.voided',
      entityType: 'leader_inspection',
      entityId: id,
      changes: { voidedAt: [null, at], reason: [null, input.reason] },
    });
  });
}

/**
 * An enterprise's leader inspections: the months of its campaign on today's date (flagged when
 * missing) and its records of a year, grouped by the client per month.
 */
export async function enterpriseInspections(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  year?: number,
): Promise<EnterpriseLeaderInspections> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const today = todayInChina();
  const shownYear = year ?? Number(today.slice(0, 4));
  const db = deps.db.kysely;
  const campaign = await campaignForEnterprise(db, enterprise.id, today);
  const [rows, days] = await Promise.all([
    repo.listInspections(db, enterprise.id, `${shownYear}-01-01`, `${shownYear}-12-31`),
    campaign
      ? repo.inspectionDays(db, [enterprise.id], campaign.startDate, campaign.endDate)
      : Promise.resolve([]),
  ]);
  const findings = await repo.listFindings(
    db,
    rows.map((r) => r.id),
  );
  const months = campaign ? monthChecks(campaign, today, days) : [];
  return {
    enterpriseId: enterprise.id,
    asOf: today,
    campaign: campaign
      ? {
          id: campaign.id,
          name: campaign.name,
          startDate: campaign.startDate,
          endDate: campaign.endDate,
        }
      : null,
    months,
    missingMonths: months.filter((m) => m.missing).map((m) => m.month),
    year: shownYear,
    inspections: rows.map((r) =>
      viewOf(
        actor,
        r,
        findings.filter((f) => Number(f.inspection_id) === r.id),
      ),
    ),
    can: {
      record: actor.enterpriseId === enterprise.id && roleHas(actor.role, Permission.DutyRecord),
    },
  };
}

/** The campaign months on `date` given the inspection days of one enterprise. */
export function monthChecks(
  campaign: { startDate: string; endDate: string },
  date: string,
  days: { inspected_on: string; status: string }[],
) {
  const signed = signedInspectionMonths(
    campaign,
    days.map((d) => ({ inspectedOn: d.inspected_on, signed: d.status === 'signed' })),
  );
  const unsigned = days
    .filter((d) => d.status === 'draft')
    .map((d) => calendarMonthOf(d.inspected_on));
  return leaderInspectionMonths(campaign, date, signed, unsigned);
}

/**
 * Finished months ('YYYY-MM') of the enterprise's campaign on `date` without a signed leader
 * inspection; [] when no campaign runs.
 */
export async function missingInspectionMonths(
  db: ServiceDeps['db']['kysely'],
  enterpriseId: number,
  date: string,
): Promise<string[]> {
  const campaign = await campaignForEnterprise(db, enterpriseId, date);
  if (!campaign) return [];
  const days = await repo.inspectionDays(db, [enterpriseId], campaign.startDate, campaign.endDate);
  const signed = signedInspectionMonths(
    campaign,
    days.map((d) => ({ inspectedOn: d.inspected_on, signed: d.status === 'signed' })),
  );
  return missingLeaderInspectionMonths(campaign, date, signed);
}
