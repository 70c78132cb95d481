import {
  addDays,
  canReadSubmittedReport,
  canSeeReportDraft,
  changedEnforcementFigures,
  completeness,
  type CompletenessWeek,
  type Completeness,
  type DispatchReportView,
  type DrillDownView,
  enforcementFigures,
  ErrorCode,
  FIGURE_KEYS,
  FIGURES,
  type FigureKey,
  type FigurePeriod,
  type HazardListLayout,
  type HazardListRow,
  isOnTime,
  milestoneDueAt,
  Permission,
  type ProgressTableLayout,
  type ReportCampaignOption,
  type ReportFigures,
  type ReportKind,
  type ReportOptionsView,
  type ReportRef,
  reportWeekOf,
  type ReportStatus,
  roleHas,
  type RollupView,
  SECTORS,
  type Sector,
  type SubmitReportInput,
  sumReportFigures,
  weeklyDueAt,
} from '@hazard-ledger/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DispatchReportRow } from '../../db/schema-dispatch-reports.js';
import { AppError, conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { MemoPerApp } from '../../lib/expiring-memo.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { ancestorPaths } from '../campaigns/audience.js';
import * as repo from './dispatch.repository.js';
import { drillDownRows } from './drilldown.repository.js';
import { computeFigures, type FigureValues } from './figures.repository.js';
import { openMajorHazards } from './hazard-list.repository.js';
import { layoutsInForce } from './layouts.service.js';

// Weekly and milestone dispatch reports (issue 9 items 3–5): which report a request names,
// the live draft, the brigade's confirmation, the office's submission and corrections (each a
// frozen version), drill-down into the records behind a number, and the city roll-up with
// reporting completeness. The figures come from figures.repository.ts and nowhere else.

type Db = Kysely<Database>;

/** A campaign as the reports need it. */
type ReportCampaign = {
  id: number;
  name: string;
  orgUnitName: string;
  orgPath: string;
  startDate: string;
  endDate: string;
  sectors: Sector[];
  weekly: { weekday: number; hour: number };
  milestones: { key: string; name: string; due: string }[];
};

function campaignOf(row: repo.CampaignRow): ReportCampaign {
  return {
    id: Number(row.id),
    name: row.name,
    orgUnitName: row.org_unit_name,
    orgPath: row.org_path,
    startDate: row.start_date,
    endDate: row.end_date,
    sectors: JSON.parse(row.sectors) as Sector[],
    weekly: { weekday: row.weekly_weekday, hour: row.weekly_hour },
    milestones: JSON.parse(row.milestones) as { key: string; name: string; due: string }[],
  };
}

/** The report a request names, resolved against the org tree and the campaigns. */
type ResolvedReport = {
  district: { id: number; name: string; path: string };
  cityName: string | null;
  campaign: ReportCampaign;
  sector: Sector;
  kind: ReportKind;
  milestone: { key: string; name: string; due: string } | null;
  periodFrom: string;
  periodTo: string;
  currentFrom: string;
  dueAt: string;
};

type PeriodChoice = { kind: ReportKind; week?: string; milestone?: string; campaignId?: number };

/**
 * The campaign and period of a report for a unit: the campaign given, or the most local one
 * covering the unit and sector that runs in the week (weekly) or has the milestone.
 */
async function resolvePeriod(
  db: Db,
  unitPath: string,
  sector: Sector,
  choice: PeriodChoice,
): Promise<Omit<ResolvedReport, 'district' | 'cityName' | 'sector'>> {
  const rows = (await repo.campaignsFor(db, ancestorPaths(unitPath), null))
    .map(campaignOf)
    .filter((c) => c.sectors.includes(sector))
    .filter((c) => choice.campaignId === undefined || c.id === choice.campaignId)
    // The most local campaign first, then the latest started.
    .sort((a, b) => b.orgPath.length - a.orgPath.length || b.startDate.localeCompare(a.startDate));
  if (choice.kind === 'weekly') {
    const week = reportWeekOf(choice.week!);
    const campaign = rows.find((c) => c.startDate <= week.to && c.endDate >= week.from);
    if (!campaign) throw fieldError('week', '所选周没有覆盖该行业的专项行动');
    const periodFrom = week.from < campaign.startDate ? campaign.startDate : week.from;
    return {
      campaign,
      kind: 'weekly',
      milestone: null,
      periodFrom,
      periodTo: week.to,
      currentFrom: periodFrom,
      dueAt: weeklyDueAt(week.to, campaign.weekly),
    };
  }
  const campaign = rows.find((c) => c.milestones.some((m) => m.key === choice.milestone));
  if (!campaign) throw fieldError('milestone', '没有找到该阶段性报送节点');
  const milestones = [...campaign.milestones].sort((a, b) => a.due.localeCompare(b.due));
  const index = milestones.findIndex((m) => m.key === choice.milestone);
  const milestone = milestones[index]!;
  const previous = milestones[index - 1];
  const currentFrom =
    previous && addDays(previous.due, 1) > campaign.startDate
      ? addDays(previous.due, 1)
      : campaign.startDate;
  if (milestone.due < campaign.startDate)
    throw fieldError('milestone', '该节点早于专项行动开始日期');
  return {
    campaign,
    kind: 'milestone',
    milestone,
    periodFrom: campaign.startDate,
    periodTo: milestone.due,
    currentFrom,
    dueAt: milestoneDueAt(milestone.due),
  };
}

/** What the caller may see of a district's report: drafts and workflow, or submitted only. */
type Access = { draft: boolean; submitted: boolean };

async function resolve(
  db: Db,
  actor: SessionActor,
  ref: ReportRef,
): Promise<{ report: ResolvedReport; access: Access }> {
  const unit = await repo.findOrgUnit(db, ref.districtId);
  if (!unit || unit.kind !== 'district') throw notFound();
  const place = { districtPath: unit.path, sector: ref.sector };
  const access = {
    draft: canSeeReportDraft(actor, place),
    submitted: canReadSubmittedReport(actor, place),
  };
  if (!access.submitted) throw notFound();
  const period = await resolvePeriod(db, unit.path, ref.sector, ref);
  const city = unit.parent_id === null ? null : await repo.findOrgUnit(db, Number(unit.parent_id));
  return {
    report: {
      ...period,
      district: { id: Number(unit.id), name: unit.name, path: unit.path },
      cityName: city?.name ?? null,
      sector: ref.sector,
    },
    access,
  };
}

function identityOf(r: ResolvedReport): repo.ReportIdentity {
  return {
    districtId: r.district.id,
    campaignId: r.campaign.id,
    sector: r.sector,
    kind: r.kind,
    periodTo: r.periodTo,
  };
}

type LiveReport = Awaited<ReturnType<typeof computeLive>>;

/** Per app: the live drafts computed for a district, sector and period. */
const liveMemos = new MemoPerApp<LiveReport>();

/**
 * The live draft as shown, shared by everyone opening the same report until the next committed
 * change (by any process) or REPORT_DRAFT_TTL_SECONDS: one district table reads the sector's
 * hazards, inspections and penalties of the campaign (several milliseconds), and a district's
 * staff open the same four tables again and again in the days before submitting. Confirming
 * and submitting compute their figures afresh inside their own transaction.
 */
function sharedLive(deps: ServiceDeps, r: ResolvedReport): Promise<LiveReport> {
  const key = JSON.stringify([
    r.district.id,
    r.sector,
    r.campaign.startDate,
    r.currentFrom,
    r.periodTo,
  ]);
  const ttlMs = deps.config.reportDraftTtlSeconds * 1000;
  return liveMemos.untilNextChange(deps, ttlMs, key, () => computeLive(deps.db.kysely, r));
}

/** The live figures of a report, with the record ids behind them. */
async function computeLive(db: Db, r: ResolvedReport) {
  const [values, list] = await Promise.all([
    computeFigures(db, {
      districtIds: [r.district.id],
      sector: r.sector,
      campaignStart: r.campaign.startDate,
      weekFrom: r.currentFrom,
      weekTo: r.periodTo,
    }),
    openMajorHazards(db, { districtIds: [r.district.id], sector: r.sector, periodTo: r.periodTo }),
  ]);
  return { values, list, computedAt: nowIso() };
}

/** The report's numbers (week, cumulative) of computed figures, as a version stores them. */
export function numbersOf(values: FigureValues): ReportFigures {
  const out = {} as ReportFigures;
  for (const key of FIGURE_KEYS)
    out[key] = { week: values[key].week, cumulative: values[key].cumulative };
  return out;
}

/** The records behind each computed figure, as a version stores them for drill-down. */
export function idsOf(
  values: FigureValues,
): Record<FigureKey, { week: number[]; cumulative: number[] }> {
  const out = {} as Record<FigureKey, { week: number[]; cumulative: number[] }>;
  for (const key of FIGURE_KEYS) out[key] = values[key].ids;
  return out;
}

function baseView(r: ResolvedReport) {
  return {
    districtId: r.district.id,
    districtName: r.district.name,
    cityName: r.cityName,
    campaignId: r.campaign.id,
    campaignName: r.campaign.name,
    sector: r.sector,
    kind: r.kind,
    milestone: r.milestone,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    currentFrom: r.currentFrom,
    campaignStart: r.campaign.startDate,
    dueAt: r.dueAt,
  };
}

async function versionsOf(db: Db, reportId: number) {
  return (await repo.listVersions(db, reportId)).map((v) => ({
    id: Number(v.id),
    version: v.version,
    submittedAt: v.submitted_at,
    submittedByName: v.submitted_by_name,
    preparedBy: v.prepared_by,
    contactPhone: v.contact_phone,
    reason: v.reason,
    onTime: v.on_time === 1,
  }));
}

function permissionsFor(
  actor: SessionActor,
  access: Access,
  status: ReportStatus,
  stale: boolean,
): DispatchReportView['can'] {
  const inDistrict = access.draft;
  return {
    confirm: inDistrict && roleHas(actor.role, Permission.ReportConfirm) && status !== 'submitted',
    submit:
      inDistrict &&
      roleHas(actor.role, Permission.ReportSubmit) &&
      status === 'confirmed' &&
      !stale,
    correct: inDistrict && roleHas(actor.role, Permission.ReportSubmit) && status === 'submitted',
  };
}

/** A frozen version as a view. */
async function frozenView(
  db: Db,
  actor: SessionActor,
  access: Access,
  r: ResolvedReport,
  row: DispatchReportRow,
  versionId: number,
): Promise<DispatchReportView> {
  const v = await repo.findVersion(db, Number(row.id), versionId);
  if (!v) throw notFound();
  const layouts = JSON.parse(v.layouts) as {
    progress: ProgressTableLayout;
    hazardList: HazardListLayout;
  };
  const list = JSON.parse(v.hazard_list) as { rows: HazardListRow[]; total: number };
  return {
    ...baseView(r),
    status: 'submitted',
    reportId: Number(row.id),
    versionId: Number(v.id),
    version: v.version,
    frozen: true,
    onTime: row.on_time === null ? null : row.on_time === 1,
    confirmation: row.confirmed_at
      ? { byName: row.confirmed_by_name ?? '', at: row.confirmed_at, stale: false, changed: [] }
      : null,
    versions: await versionsOf(db, Number(row.id)),
    preparedBy: v.prepared_by,
    contactPhone: v.contact_phone,
    reviewerName: v.submitted_by_name,
    summary: v.summary,
    figures: JSON.parse(v.figures) as ReportFigures,
    hazardList: list.rows,
    hazardListTotal: list.total,
    progressLayout: layouts.progress,
    hazardListLayout: layouts.hazardList,
    computedAt: v.computed_at,
    can: permissionsFor(actor, access, 'submitted', false),
  };
}

/**
 * A report as the caller may see it: a submitted report's current (or asked-for) version; else
 * the live draft with the confirmation state — for district staff only (others get 404).
 */
export async function getReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: ReportRef & { versionId?: number },
): Promise<DispatchReportView> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  const { report: r, access } = await resolve(db, actor, query);
  const row = await repo.findReport(db, identityOf(r));
  if (query.versionId !== undefined) {
    if (!row) throw notFound();
    return frozenView(db, actor, access, r, row, query.versionId);
  }
  if (row?.status === 'submitted' && row.current_version_id !== null)
    return frozenView(db, actor, access, r, row, Number(row.current_version_id));
  // Only the district's own staff see what has not been submitted.
  if (!access.draft) throw new AppError(404, ErrorCode.NotFound, [], {}, '该报表尚未报送');
  const live = await sharedLive(deps, r);
  const layouts = await layoutsInForce(db, r.sector);
  const figures = numbersOf(live.values);
  const status: ReportStatus = row?.status === 'confirmed' ? 'confirmed' : 'draft';
  const changed =
    row?.confirmed_figures != null
      ? changedEnforcementFigures(
          JSON.parse(row.confirmed_figures) as Partial<ReportFigures>,
          figures,
        )
      : [];
  return {
    ...baseView(r),
    status,
    reportId: row ? Number(row.id) : null,
    versionId: null,
    version: null,
    frozen: false,
    onTime: null,
    confirmation:
      row?.confirmed_at != null
        ? {
            byName: row.confirmed_by_name ?? '',
            at: row.confirmed_at,
            stale: changed.length > 0,
            changed,
          }
        : null,
    versions: row ? await versionsOf(db, Number(row.id)) : [],
    preparedBy: null,
    contactPhone: null,
    reviewerName: null,
    summary: null,
    figures,
    hazardList: live.list.rows,
    hazardListTotal: live.list.total,
    progressLayout: layouts.progress,
    hazardListLayout: layouts.hazardList,
    computedAt: live.computedAt,
    can: permissionsFor(actor, access, status, changed.length > 0),
  };
}

/** Throws 404 unless the caller works in the report's district (and sector). */
function requireDistrictAccess(access: Access): void {
  if (!access.draft) throw notFound();
}

/** The brigade confirms the enforcement figures as they are now (again, after a change). */
export async function confirmReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  ref: ReportRef,
): Promise<DispatchReportView> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  const { report: r, access } = await resolve(db, actor, ref);
  requireDistrictAccess(access);
  await inTransaction(deps, async (trx) => {
    const live = await computeFigures(trx, {
      districtIds: [r.district.id],
      sector: r.sector,
      campaignStart: r.campaign.startDate,
      weekFrom: r.currentFrom,
      weekTo: r.periodTo,
    });
    const confirmed = JSON.stringify(enforcementFigures(numbersOf(live)));
    const at = nowIso();
    const row = await repo.findReport(trx, identityOf(r));
    if (row?.status === 'submitted')
      throw conflict('status', '该报表已报送，不能再确认；如数据有误请由业务科室更正');
    const changes = {
      status: 'confirmed',
      confirmed_by: actor.userId,
      confirmed_by_name: actor.displayName,
      confirmed_at: at,
      confirmed_figures: confirmed,
      updated_at: at,
    };
    let reportId: number;
    if (row) {
      if (!(await repo.updateReport(trx, Number(row.id), row.version, changes)))
        throw staleVersion();
      reportId = Number(row.id);
    } else {
      reportId = await repo.insertReport(trx, {
        district_id: r.district.id,
        campaign_id: r.campaign.id,
        sector: r.sector,
        kind: r.kind,
        period_from: r.periodFrom,
        period_to: r.periodTo,
        milestone_key: r.milestone?.key ?? null,
        due_at: r.dueAt,
        current_version_id: null,
        first_submitted_at: null,
        on_time: null,
        created_at: at,
        version: 1,
        ...changes,
      });
    }
    await deps.audit.append(trx, ctx, {
      action: 'dispatch_report.confirmed',
      entityType: 'dispatch_report',
      entityId: reportId,
      changes: {
        status: [row?.status ?? 'draft', 'confirmed'],
        confirmed_figures: [
          row?.confirmed_figures ? JSON.parse(row.confirmed_figures) : null,
          JSON.parse(confirmed),
        ],
      },
    });
  });
  return getReport(deps, ctx, ref);
}

/** Freezes the live report as a new version: the first submission or a correction. */
async function freeze(
  deps: ServiceDeps,
  ctx: RequestContext,
  ref: ReportRef,
  input: SubmitReportInput,
  mode: 'submit' | 'correct',
): Promise<DispatchReportView> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  const { report: r, access } = await resolve(db, actor, ref);
  requireDistrictAccess(access);
  const summary = input.summary?.trim() || null;
  const reason = input.reason?.trim() || null;
  if (r.kind === 'milestone' && !summary) throw fieldError('summary', '阶段性报告须填写工作总结');
  if (mode === 'correct' && !reason) throw fieldError('reason', '请填写更正原因');
  await inTransaction(deps, async (trx) => {
    const row = await repo.findReport(trx, identityOf(r));
    if (mode === 'submit') {
      if (!row || row.status === 'draft')
        throw conflict('status', '执法大队尚未确认执法数据，不能报送');
      if (row.status === 'submitted') throw conflict('status', '该报表已报送；如需修改请更正');
    } else if (!row || row.status !== 'submitted') {
      throw conflict('status', '报表尚未报送，不能更正');
    }
    const values = await computeFigures(trx, {
      districtIds: [r.district.id],
      sector: r.sector,
      campaignStart: r.campaign.startDate,
      weekFrom: r.currentFrom,
      weekTo: r.periodTo,
    });
    const figures = numbersOf(values);
    if (mode === 'submit' && row.confirmed_figures) {
      const changed = changedEnforcementFigures(
        JSON.parse(row.confirmed_figures) as Partial<ReportFigures>,
        figures,
      );
      if (changed.length > 0)
        throw conflict(
          'confirmation',
          `执法数据在确认后发生了变化（${changed.map((k) => FIGURES[k].zh).join('、')}），请执法大队重新确认`,
        );
    }
    const list = await openMajorHazards(trx, {
      districtIds: [r.district.id],
      sector: r.sector,
      periodTo: r.periodTo,
    });
    const layouts = await layoutsInForce(trx, r.sector);
    const at = nowIso();
    const onTime = isOnTime(at, r.dueAt);
    const previous =
      mode === 'correct' && row.current_version_id !== null
        ? await repo.findVersion(trx, Number(row.id), Number(row.current_version_id))
        : undefined;
    const versions = await repo.listVersions(trx, Number(row.id));
    const version = versions.length + 1;
    // Claim the report first: a concurrent submission or correction fails here, not later.
    const claimed = await repo.updateReport(trx, Number(row.id), row.version, {
      status: 'submitted',
      updated_at: at,
    });
    if (!claimed) throw staleVersion();
    const versionId = await repo.insertVersion(trx, {
      report_id: Number(row.id),
      version,
      submitted_at: at,
      submitted_by: actor.userId,
      submitted_by_name: actor.displayName,
      prepared_by: input.preparedBy,
      contact_phone: input.contactPhone?.trim() || null,
      summary,
      reason: mode === 'correct' ? reason : null,
      on_time: onTime ? 1 : 0,
      figures: JSON.stringify(figures),
      figure_ids: JSON.stringify(idsOf(values)),
      hazard_list: JSON.stringify(list),
      layouts: JSON.stringify(layouts),
      computed_at: at,
    });
    await trx
      .updateTable('dispatch_reports')
      .set({
        current_version_id: versionId,
        ...(mode === 'submit' ? { first_submitted_at: at, on_time: onTime ? 1 : 0 } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    const before = previous ? (JSON.parse(previous.figures) as ReportFigures) : null;
    const figureChanges: Record<string, [unknown, unknown]> = {};
    for (const key of FIGURE_KEYS) {
      const a = before?.[key];
      const b = figures[key];
      if (!a || a.week !== b.week || a.cumulative !== b.cumulative)
        figureChanges[`figures.${key}`] = [a ?? null, b];
    }
    await deps.audit.append(trx, ctx, {
      action: mode === 'submit' ? 'dispatch_report.submitted' : 'dispatch_report.corrected',
      entityType: 'dispatch_report',
      entityId: Number(row.id),
      changes: {
        status: [row.status, 'submitted'],
        version: [versions.length || null, version],
        on_time: [null, onTime],
        ...(reason ? { reason: [null, reason] } : {}),
        ...(mode === 'correct' ? figureChanges : {}),
      },
    });
  });
  return getReport(deps, ctx, ref);
}

export function submitReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  body: ReportRef & SubmitReportInput,
): Promise<DispatchReportView> {
  return freeze(deps, ctx, body, body, 'submit');
}

export function correctReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  body: ReportRef & SubmitReportInput,
): Promise<DispatchReportView> {
  return freeze(deps, ctx, body, body, 'correct');
}

/** The records behind one number: from the frozen version shown, or the live draft. */
export async function drillDown(
  deps: ServiceDeps,
  ctx: RequestContext,
  q: ReportRef & {
    versionId?: number;
    figure: FigureKey;
    period: FigurePeriod;
    page: number;
    pageSize: number;
  },
): Promise<DrillDownView> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  const def = FIGURES[q.figure];
  if (!def.recordType) throw fieldError('figure', '比率指标没有明细记录，请查看其分子和分母指标');
  if (!def.supported) throw fieldError('figure', '该指标暂不支持统计');
  const { report: r, access } = await resolve(db, actor, q);
  const row = await repo.findReport(db, identityOf(r));
  let versionId = q.versionId;
  if (versionId === undefined && row?.status === 'submitted' && row.current_version_id !== null)
    versionId = Number(row.current_version_id);
  let ids: number[];
  if (versionId !== undefined) {
    const v = row ? await repo.findVersionIds(db, versionId) : undefined;
    if (!v || !row || Number(v.report_id) !== Number(row.id)) throw notFound();
    const all = JSON.parse(v.figure_ids) as Record<
      FigureKey,
      { week: number[]; cumulative: number[] }
    >;
    ids = all[q.figure]?.[q.period] ?? [];
  } else {
    if (!access.draft) throw notFound();
    const values = await computeFigures(db, {
      districtIds: [r.district.id],
      sector: r.sector,
      campaignStart: r.campaign.startDate,
      weekFrom: r.currentFrom,
      weekTo: r.periodTo,
    });
    ids = values[q.figure].ids[q.period];
  }
  return {
    figure: q.figure,
    period: q.period,
    recordType: def.recordType,
    total: ids.length,
    page: q.page,
    pageSize: q.pageSize,
    items: await drillDownRows(db, def.recordType, ids, q.page, q.pageSize),
  };
}

// ---- Roll-up and completeness ----

/** The unit a roll-up is for: the one asked (inside the caller's territory) or the territory. */
async function rollupUnit(db: Db, actor: SessionActor, orgUnitId: number | undefined) {
  const territory = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path'])
    .where('path', '=', actor.territoryPath)
    .executeTakeFirst();
  if (!territory) throw notFound();
  if (orgUnitId === undefined) return territory;
  const unit = await repo.findOrgUnit(db, orgUnitId);
  if (!unit || !['region', 'city', 'district'].includes(unit.kind)) throw notFound();
  if (!unit.path.startsWith(actor.territoryPath)) throw notFound();
  return unit;
}

/** The sectors of a roll-up the caller may see (sector-scoped staff: their own). */
function visibleSectors(actor: SessionActor): Sector[] {
  return actor.sectors ?? [...SECTORS];
}

export async function getRollup(
  deps: ServiceDeps,
  ctx: RequestContext,
  q: { orgUnitId?: number; sector: Sector; kind: ReportKind; week?: string; milestone?: string },
): Promise<RollupView> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  if (!visibleSectors(actor).includes(q.sector)) throw notFound();
  const unit = await rollupUnit(db, actor, q.orgUnitId);
  const period = await resolvePeriod(db, unit.path, q.sector, q);
  const districts = await repo.districtsUnder(db, unit.path);
  const submitted = await repo.submittedFigures(db, {
    districtIds: districts.map((d) => Number(d.id)),
    sector: q.sector,
    kind: period.kind,
    periodTo: period.periodTo,
    // Weekly reports match by week whatever campaign a district reported under; milestone
    // reports belong to their campaign's milestone.
    campaignId: period.kind === 'milestone' ? period.campaign.id : null,
    milestoneKey: period.milestone?.key ?? null,
  });
  const byDistrict = new Map(submitted.map((s) => [Number(s.district_id), s]));
  const rows = districts.map((d) => {
    const s = byDistrict.get(Number(d.id));
    return {
      districtId: Number(d.id),
      districtName: d.name,
      report: s
        ? {
            reportId: Number(s.report_id),
            versionId: Number(s.version_id),
            version: s.version,
            submittedAt: s.first_submitted_at ?? '',
            onTime: s.on_time === 1,
          }
        : null,
      figures: s ? (JSON.parse(s.figures) as ReportFigures) : null,
    };
  });
  const reported = rows.flatMap((row) => (row.figures ? [row.figures] : []));
  const layouts = await layoutsInForce(db, q.sector);
  return {
    orgUnitId: Number(unit.id),
    orgUnitName: unit.name,
    campaignId: period.campaign.id,
    campaignName: period.campaign.name,
    sector: q.sector,
    kind: period.kind,
    milestone: period.milestone,
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    dueAt: period.dueAt,
    rows,
    total: sumReportFigures(reported),
    completeness: completeness(
      districts.length,
      reported.length,
      rows.filter((row) => row.report?.onTime).length,
    ),
    progressLayout: layouts.progress,
  };
}

/** The weeks of a campaign from its start up to the week containing `today`, newest first. */
function campaignWeeks(c: ReportCampaign, today: string) {
  const weeks: { from: string; to: string; dueAt: string }[] = [];
  const last = today < c.endDate ? today : c.endDate;
  for (let w = reportWeekOf(c.startDate); w.from <= last; w = reportWeekOf(addDays(w.to, 1)))
    weeks.push({
      from: w.from < c.startDate ? c.startDate : w.from,
      to: w.to,
      dueAt: weeklyDueAt(w.to, c.weekly),
    });
  return weeks.reverse();
}

/**
 * Whether a campaign concerns the actor: it shares a sector with them (an office of 危化 does not
 * see a mining campaign, as in the campaigns module).
 */
function concernsActor(campaign: { sectors: Sector[] }, actor: SessionActor): boolean {
  const visible = visibleSectors(actor);
  return campaign.sectors.some((s) => visible.includes(s));
}

/** Reporting completeness of every finished week of the unit's campaign, per sector and overall. */
export async function getCompleteness(
  deps: ServiceDeps,
  ctx: RequestContext,
  orgUnitId: number | undefined,
): Promise<{
  unitName: string;
  campaignName: string | null;
  sectors: Sector[];
  weeks: (CompletenessWeek & { bySector: Partial<Record<Sector, Completeness>> })[];
}> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  const unit = await rollupUnit(db, actor, orgUnitId);
  const today = todayInChina();
  const campaign = (await repo.campaignsFor(db, ancestorPaths(unit.path), null))
    .map(campaignOf)
    .filter((c) => concernsActor(c, actor))
    .sort((a, b) => b.orgPath.length - a.orgPath.length || b.startDate.localeCompare(a.startDate))
    .find((c) => c.startDate <= today);
  if (!campaign) return { unitName: unit.name, campaignName: null, sectors: [], weeks: [] };
  const sectors = campaign.sectors.filter((s) => visibleSectors(actor).includes(s));
  const districts = await repo.districtsUnder(db, unit.path);
  const reports = await repo.submittedWeeklyReports(
    db,
    districts.map((d) => Number(d.id)),
    campaign.id,
  );
  // Only weeks that are over are expected to have a report; the running week is not counted.
  const weeks = campaignWeeks(campaign, today)
    .filter((w) => w.to < today)
    .map((w) => {
      const bySector: Partial<Record<Sector, Completeness>> = {};
      let submitted = 0;
      let onTime = 0;
      for (const s of sectors) {
        const of = reports.filter((r) => r.sector === s && r.period_to === w.to);
        const ontime = of.filter((r) => r.on_time === 1).length;
        bySector[s] = completeness(districts.length, of.length, ontime);
        submitted += of.length;
        onTime += ontime;
      }
      return {
        periodFrom: w.from,
        periodTo: w.to,
        dueAt: w.dueAt,
        bySector,
        completeness: completeness(districts.length * sectors.length, submitted, onTime),
      };
    });
  return { unitName: unit.name, campaignName: campaign.name, sectors, weeks };
}

// ---- Options ----

export async function reportOptions(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<ReportOptionsView> {
  const db = deps.db.kysely;
  const actor = requireActor(ctx);
  const units = await repo.territoryUnits(db, actor.territoryPath);
  const territory = units.find((u) => u.path === actor.territoryPath);
  const today = todayInChina();
  const campaigns = (
    await repo.campaignsFor(db, ancestorPaths(actor.territoryPath), actor.territoryPath)
  )
    .map(campaignOf)
    .filter((c) => c.startDate <= today && concernsActor(c, actor));
  const options: ReportCampaignOption[] = campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    orgUnitName: c.orgUnitName,
    startDate: c.startDate,
    endDate: c.endDate,
    sectors: c.sectors,
    weekly: c.weekly,
    milestones: c.milestones.map((m) => ({ ...m, dueAt: milestoneDueAt(m.due) })),
    weeks: campaignWeeks(c, today),
  }));
  const lastWeek = reportWeekOf(addDays(today, -7));
  return {
    districts: units
      .filter((u) => u.kind === 'district')
      .map((u) => ({ id: Number(u.id), name: u.name })),
    rollupUnits: units
      .filter((u) => u.kind !== 'district' || u.path === actor.territoryPath)
      .map((u) => ({ id: Number(u.id), name: u.name, kind: u.kind })),
    sectors: visibleSectors(actor),
    seesDrafts: territory?.kind === 'district',
    campaigns: options,
    defaultWeek: options.length ? lastWeek.from : null,
  };
}
