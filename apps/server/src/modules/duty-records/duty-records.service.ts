import {
  addDays,
  type ContractFacts,
  type DrillFacts,
  type DrillsView,
  drillsInYear,
  drillYearStatus,
  type DutyFile,
  type DutyFileOwner,
  type DutyPositionCategory,
  type EmergencyDrillView,
  hasResponsibilitySystem,
  hasSafetyAgencyOrStaff,
  isContractActive,
  isEnterpriseRole,
  isExpertEngaged,
  missingGuarantors,
  outsourcingContractFlags,
  type OutsourcingContractView,
  type OutsourcingFacts,
  type OutsourcingView,
  Permission,
  responsibilityCoverageGaps,
  type ResponsibilityFacts,
  type ResponsibilityView,
  roleHas,
  type SafetyAgencyKind,
} from '@hazard-ledger/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  DutyFileRow,
  OutsourcingCheckRow,
  OutsourcingContractRow,
} from '../../db/schema-duty-records.js';
import { forbidden, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { findEnterprise, listHazardSources } from '../enterprises/enterprises.repository.js';
import * as repo from './duty-records.repository.js';

// Reading the responsibility, outsourcing and drill records: the three tab views and the facts
// the five-duty scorecard is rated from. Both are computed from the records as they stood at
// the end of a day, so a scorecard "as of" a past day does not see later records.

type Q = Kysely<Database> | Transaction<Database>;

/** The instant a China calendar day ends (YYYY-MM-DD → ISO UTC), the cutoff of "as of" reads. */
export function endOfChinaDay(date: string): string {
  return new Date(`${addDays(date, 1)}T00:00:00+08:00`).toISOString();
}

/** Whether the caller may record for this enterprise (its own enterprise users only). */
export function canRecordFor(actor: SessionActor, enterpriseId: number): boolean {
  return (
    isEnterpriseRole(actor.role) &&
    actor.enterpriseId === enterpriseId &&
    roleHas(actor.role, Permission.DutyRecord)
  );
}

/** Loads an enterprise the caller may record for: a foreign one reads as 404, staff get 403. */
export async function requireRecorder(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (!canRecordFor(actor, enterpriseId)) throw forbidden();
  return enterprise;
}

/** The API view of a file. */
export function toDutyFile(f: DutyFileRow): DutyFile {
  return {
    id: f.id,
    owner: f.owner as DutyFileOwner,
    ownerId: f.owner_id === null ? null : Number(f.owner_id),
    fileName: f.file_name,
    mimeType: f.mime_type,
    sizeBytes: Number(f.size_bytes),
    uploadedAt: f.uploaded_at,
    uploadedBy: f.uploaded_by_name,
  };
}

/** Files grouped by owner and record. */
function fileIndex(files: DutyFileRow[]) {
  const by = new Map<string, DutyFile[]>();
  for (const f of files) {
    const key = `${f.owner}:${f.owner_id ?? ''}`;
    by.set(key, [...(by.get(key) ?? []), toDutyFile(f)]);
  }
  return (owner: DutyFileOwner, ownerId: number | null = null) =>
    by.get(`${owner}:${ownerId ?? ''}`) ?? [];
}

const base = (r: { id: number; version: number; updated_at: string }) => ({
  id: Number(r.id),
  version: r.version,
  updatedAt: r.updated_at,
});

// --- Responsibility ---------------------------------------------------------------------------

async function loadResponsibility(db: Q, enterpriseId: number, date: string) {
  const cutoff = endOfChinaDay(date);
  const [positions, deputies, workLists, experts, files, sources, enterprise] = await Promise.all([
    repo.listRecords(db, 'duty_positions', enterpriseId, cutoff),
    repo.listRecords(db, 'duty_deputy_lists', enterpriseId, cutoff),
    repo.listRecords(db, 'duty_work_lists', enterpriseId, cutoff),
    repo.listRecords(db, 'duty_experts', enterpriseId, cutoff),
    repo.listFiles(db, enterpriseId, cutoff),
    listHazardSources(db, enterpriseId),
    findEnterprise(db, enterpriseId),
  ]);
  if (!enterprise) throw notFound();
  const fileOf = fileIndex(files);
  const year = Number(date.slice(0, 4));
  const majorSources = sources.map((s) => ({
    id: Number(s.id),
    name: s.name,
    level: s.level,
    leader: s.leader_name,
    technical: s.technical_name,
    operations: s.operations_name,
    missing: missingGuarantors({
      leader: s.leader_name,
      technical: s.technical_name,
      operations: s.operations_name,
    }),
  }));
  const agency = enterprise.safety_agency as SafetyAgencyKind | null;
  const staffCount = enterprise.safety_staff_count;
  const deputyListed = (d: (typeof deputies)[number]) =>
    !!d.duties || fileOf('deputy_duty_list', Number(d.id)).length > 0;
  const workListed = (w: (typeof workLists)[number]) =>
    !!w.content || fileOf('work_list', Number(w.id)).length > 0;
  const categories = positions.map((p) => ({ category: p.category as DutyPositionCategory }));
  const facts: ResponsibilityFacts = {
    responsibilitySystem: hasResponsibilitySystem(
      categories,
      fileOf('responsibility_system').length,
    ),
    deputyDutyLists: deputies.filter(deputyListed).length,
    campaignWorkList: workLists.some((w) => w.year === year && workListed(w)),
    majorSourcesWithoutGuarantor: majorSources.filter((s) => s.missing.length > 0).length,
    safetyAgencyOrStaff: hasSafetyAgencyOrStaff(agency, staffCount),
    experts: experts.filter((e) =>
      isExpertEngaged({ engagedFrom: e.engaged_from, engagedTo: e.engaged_to }, date),
    ).length,
  };
  return {
    facts,
    positions,
    categories,
    deputies,
    deputyListed,
    workLists,
    experts,
    fileOf,
    majorSources,
    agency,
    staffCount,
  };
}

/** The responsibility tab of an enterprise. */
export async function getResponsibility(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<ResponsibilityView> {
  const actor = requireActor(ctx);
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const today = todayInChina();
  const db = deps.db.kysely;
  const r = await loadResponsibility(db, enterpriseId, today);
  const names = await repo.campaignNames(
    db,
    r.workLists.flatMap((w) => (w.campaign_id === null ? [] : [Number(w.campaign_id)])),
  );
  const order = (c: string) => ['main_leader', 'deputy_leader'].indexOf(c) + 1 || 3;
  return {
    canEdit: canRecordFor(actor, enterpriseId),
    asOf: today,
    positions: [...r.positions]
      .sort((a, b) => order(a.category) - order(b.category) || a.id - b.id)
      .map((p) => ({
        ...base(p),
        name: p.name,
        category: p.category as DutyPositionCategory,
        duties: p.duties,
      })),
    coverageGaps: responsibilityCoverageGaps(r.categories),
    systemDocuments: r.fileOf('responsibility_system'),
    deputies: r.deputies.map((d) => ({
      ...base(d),
      name: d.name,
      title: d.title,
      area: d.area,
      duties: d.duties,
      files: r.fileOf('deputy_duty_list', Number(d.id)),
      listed: r.deputyListed(d),
    })),
    workLists: [...r.workLists]
      .sort((a, b) => b.year - a.year || b.id - a.id)
      .map((w) => ({
        ...base(w),
        year: w.year,
        campaignId: w.campaign_id === null ? null : Number(w.campaign_id),
        campaignName: w.campaign_id === null ? null : (names.get(Number(w.campaign_id)) ?? null),
        title: w.title,
        content: w.content,
        files: r.fileOf('work_list', Number(w.id)),
      })),
    experts: r.experts.map((e) => ({
      ...base(e),
      name: e.name,
      specialty: e.specialty,
      organisation: e.organisation,
      phone: e.phone,
      engagedFrom: e.engaged_from,
      engagedTo: e.engaged_to,
      scope: e.scope,
      engagedNow: isExpertEngaged({ engagedFrom: e.engaged_from, engagedTo: e.engaged_to }, today),
    })),
    majorSources: r.majorSources,
    safety: { agency: r.agency, staffCount: r.staffCount, met: r.facts.safetyAgencyOrStaff },
    facts: r.facts,
  };
}

// --- Outsourcing ------------------------------------------------------------------------------

/** The facts the contract rules read, from a contract row, its checks and files up to `date`. */
function contractFacts(
  c: OutsourcingContractRow,
  checks: OutsourcingCheckRow[],
  agreementDocuments: number,
  date: string,
): ContractFacts {
  const last = checks
    .filter((k) => Number(k.contract_id) === Number(c.id) && k.check_date <= date)
    .map((k) => k.check_date)
    .sort()
    .pop();
  return {
    qualificationName: c.qualification_name,
    qualificationNumber: c.qualification_number,
    qualificationExpiry: c.qualification_expiry,
    agreementSignedOn: c.agreement_signed_on,
    agreementDocuments,
    dutiesDefined: c.duties_defined === 1,
    dutiesText: c.duties_text,
    startDate: c.start_date,
    endDate: c.end_date,
    recordedOn: todayInChina(new Date(c.created_at)),
    lastCheckDate: last ?? null,
  };
}

async function loadOutsourcing(db: Q, enterpriseId: number, date: string) {
  const cutoff = endOfChinaDay(date);
  const [contracts, checks, reviews, files] = await Promise.all([
    repo.listRecords(db, 'outsourcing_contracts', enterpriseId, cutoff),
    repo.listRecords(db, 'outsourcing_checks', enterpriseId, cutoff),
    repo.listRecords(db, 'outsourcing_reviews', enterpriseId, cutoff),
    repo.listFiles(db, enterpriseId, cutoff),
  ]);
  const fileOf = fileIndex(files);
  const year = date.slice(0, 4);
  const evaluated = contracts.map((c) => {
    const active = isContractActive({ endedOn: c.ended_on }, date);
    const flags = active
      ? outsourcingContractFlags(
          contractFacts(c, checks, fileOf('contract_agreement', Number(c.id)).length, date),
          date,
        )
      : { problems: [], warnings: [] };
    return { row: c, active, ...flags };
  });
  const active = evaluated.filter((c) => c.active);
  const facts: OutsourcingFacts = {
    contracts: active.length,
    contractsWithProblems: active.filter((c) => c.problems.length > 0).length,
    comprehensiveCheckDone: reviews.some(
      (r) => r.check_date.slice(0, 4) === year && r.check_date <= date,
    ),
  };
  return { facts, evaluated, checks, reviews, fileOf };
}

/** The outsourcing / leasing tab of an enterprise. */
export async function getOutsourcing(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<OutsourcingView> {
  const actor = requireActor(ctx);
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const today = todayInChina();
  const o = await loadOutsourcing(deps.db.kysely, enterpriseId, today);
  const contracts: OutsourcingContractView[] = o.evaluated
    // Active contracts first, the ones with problems on top.
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        Number(b.problems.length > 0) - Number(a.problems.length > 0) ||
        b.row.id - a.row.id,
    )
    .map(({ row: c, active, problems, warnings }) => ({
      ...base(c),
      kind: c.kind as OutsourcingContractView['kind'],
      counterparty: c.counterparty,
      scopeKind: c.scope_kind as OutsourcingContractView['scopeKind'],
      scope: c.scope,
      startDate: c.start_date,
      endDate: c.end_date,
      qualificationName: c.qualification_name,
      qualificationNumber: c.qualification_number,
      qualificationExpiry: c.qualification_expiry,
      agreementSignedOn: c.agreement_signed_on,
      dutiesDefined: c.duties_defined === 1,
      dutiesText: c.duties_text,
      endedOn: c.ended_on,
      endReason: c.end_reason,
      active,
      problems,
      warnings,
      checks: o.checks
        .filter((k) => Number(k.contract_id) === Number(c.id))
        .sort((a, b) => b.check_date.localeCompare(a.check_date) || b.id - a.id)
        .map((k) => ({
          ...base(k),
          contractId: Number(k.contract_id),
          checkDate: k.check_date,
          checkedBy: k.checked_by,
          findings: k.findings,
          rectification: k.rectification,
        })),
      files: [
        ...o.fileOf('contract_agreement', Number(c.id)),
        ...o.fileOf('contract_qualification', Number(c.id)),
      ],
    }));
  return {
    canEdit: canRecordFor(actor, enterpriseId),
    asOf: today,
    contracts,
    reviews: [...o.reviews]
      .sort((a, b) => b.check_date.localeCompare(a.check_date) || b.id - a.id)
      .map((r) => ({
        ...base(r),
        checkDate: r.check_date,
        scope: r.scope,
        contractIds: JSON.parse(r.contract_ids) as number[],
        findings: r.findings,
        actions: r.actions,
        files: o.fileOf('outsourcing_review', Number(r.id)),
      })),
    facts: o.facts,
  };
}

// --- Drills -----------------------------------------------------------------------------------

async function loadDrills(db: Q, enterpriseId: number, date: string) {
  const cutoff = endOfChinaDay(date);
  const [drills, files] = await Promise.all([
    repo.listRecords(db, 'emergency_drills', enterpriseId, cutoff),
    repo.listFiles(db, enterpriseId, cutoff),
  ]);
  const fileOf = fileIndex(files);
  const facts: DrillFacts = {
    drillsThisYear: drillsInYear(
      drills.map((d) => d.drill_date),
      date,
    ),
    emergencyPlanAttached: fileOf('emergency_plan').length > 0,
  };
  return { facts, drills, fileOf };
}

/** The drills tab of an enterprise: the drills of one year (default: this year) and the plans. */
export async function getDrills(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  year?: number,
): Promise<DrillsView> {
  const actor = requireActor(ctx);
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const today = todayInChina();
  const d = await loadDrills(deps.db.kysely, enterpriseId, today);
  const thisYear = Number(today.slice(0, 4));
  const listed = year ?? thisYear;
  const counts = new Map<number, number>([[thisYear, 0]]);
  for (const r of d.drills) {
    const y = Number(r.drill_date.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const dates = d.drills.map((r) => r.drill_date);
  const drills: EmergencyDrillView[] = d.drills
    .filter((r) => Number(r.drill_date.slice(0, 4)) === listed)
    .sort((a, b) => b.drill_date.localeCompare(a.drill_date) || b.id - a.id)
    .map((r) => ({
      ...base(r),
      scenario: r.scenario,
      drillType: r.drill_type as EmergencyDrillView['drillType'],
      drillDate: r.drill_date,
      participants: r.participants,
      equipmentUsed: r.equipment_used,
      equipmentAdded: r.equipment_added,
      evaluation: r.evaluation,
      improvements: r.improvements,
      files: d.fileOf('drill', Number(r.id)),
    }));
  return {
    canEdit: canRecordFor(actor, enterpriseId),
    asOf: today,
    year: listed,
    drills,
    years: [...counts].sort((a, b) => b[0] - a[0]).map(([y, count]) => ({ year: y, count })),
    status: drillYearStatus(
      drillsInYear(dates, listed === thisYear ? today : `${String(listed).padStart(4, '0')}-12-31`),
    ),
    plans: d.fileOf('emergency_plan'),
    facts: d.facts,
  };
}

// --- Scorecard facts --------------------------------------------------------------------------

/**
 * The scorecard facts of duties 2, 4 and 5 for one enterprise as of `date` (YYYY-MM-DD, a China
 * calendar day): records as they stood at the end of that day, the year being its calendar year.
 * The 包保 persons and the safety staffing come from the enterprise registry.
 */
export async function dutyRecordFacts(
  db: Kysely<Database>,
  enterpriseId: number,
  date: string,
): Promise<{
  responsibility: ResponsibilityFacts;
  outsourcing: OutsourcingFacts;
  drills: DrillFacts;
}> {
  const [r, o, d] = await Promise.all([
    loadResponsibility(db, enterpriseId, date),
    loadOutsourcing(db, enterpriseId, date),
    loadDrills(db, enterpriseId, date),
  ]);
  return { responsibility: r.facts, outsourcing: o.facts, drills: d.facts };
}
