import {
  DASHBOARD_DEADLINES_SHOWN,
  type DashboardCampaign,
  dashboardSectionsFor,
  type DashboardView,
  dayNumber,
  type EnterpriseDashboardView,
  FIGURE_KEYS,
  type HazardLevel,
  type HazardStatus,
  isEnterpriseRole,
  type ReportFigures,
  reportWeekOf,
  SECTORS,
  type Sector,
  type StaffDashboardView,
} from '@hazard-ledger/domain';
import { notFound } from '../../lib/app-error.js';
import { MemoPerApp } from '../../lib/expiring-memo.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import { staffSectors, unitIdOfPath } from '../campaigns/audience.js';
import { currentCampaign } from '../campaigns/campaigns.service.js';
import * as enterprises from '../enterprises/enterprises.repository.js';
import { districtIdsUnder } from '../org/org.repository.js';
import {
  computeFiguresBySector,
  type FigureScopeQuery,
  type FigureValues,
} from '../reports/figures.repository.js';
import { scorecardOf } from '../scorecard/scorecard.service.js';
import * as repo from './dashboard.repository.js';

// The home dashboards per role (issue 10 item 1). The report figures come from
// reports/figures.repository.ts (computeFiguresBySector: the campaign's current report week for
// the scope and each sector, and the weekly rectification series, equal to computeScopeFigures
// and majorHazardSeries), so the dashboard and the dispatch reports can never disagree; the
// ledger counts match the ledger page's filters.

function numbersOf(values: FigureValues): ReportFigures {
  const out = {} as ReportFigures;
  for (const key of FIGURE_KEYS)
    out[key] = { week: values[key].week, cumulative: values[key].cumulative };
  return out;
}

/**
 * The campaign period the figures cover: the report week of `today` (Monday–Sunday, starting
 * no earlier than the campaign), or the campaign's last week once it is over; null before the
 * campaign starts.
 */
function reportPeriodOf(startDate: string, endDate: string, today: string) {
  if (today < startDate) return null;
  const week = reportWeekOf(today > endDate ? endDate : today);
  return { weekFrom: week.from < startDate ? startDate : week.from, weekTo: week.to };
}

type CampaignFigures = Pick<StaffDashboardView, 'figures' | 'figuresBySector' | 'rectification'> & {
  figures: ReportFigures;
};

/** Per app (one audit writer each): the campaign figures computed for a scope and week. */
const figureMemos = new MemoPerApp<CampaignFigures>();

/**
 * The scope's and each sector's figures for the report week, from the same rows (one read per
 * table; tips without a sector count only in the whole scope, as in the reports). A city's or
 * province's take a few hundred milliseconds, so the answer is shared by everyone asking for the
 * same territory and week until a change is committed (or DASHBOARD_FIGURES_TTL_SECONDS pass).
 */
async function campaignFigures(
  deps: ServiceDeps,
  query: FigureScopeQuery,
  sectors: Sector[],
): Promise<CampaignFigures> {
  const key = JSON.stringify([[...query.districtIds].sort((a, b) => a - b), query, sectors]);
  const ttlMs = deps.config.dashboardFiguresTtlSeconds * 1000;
  return figureMemos.untilNextChange(deps, ttlMs, key, async () => {
    const computed = await computeFiguresBySector(deps.db.kysely, query, sectors);
    return {
      figures: numbersOf(computed.all),
      figuresBySector: computed.bySector.map((s) => ({
        sector: s.sector,
        figures: numbersOf(s.values),
      })),
      rectification: computed.majorHazardSeries,
    };
  });
}

/** Per app: a territory's overdue and supervised hazard counts for a day. */
const alertMemos = new MemoPerApp<Awaited<ReturnType<typeof repo.hazardAlerts>>>();

/**
 * The overdue and supervised counts of a territory (a city's overdue hazards: tens of
 * milliseconds through its open hazards), shared like the campaign figures until the next
 * committed change. Keyed by the day: a hazard becomes overdue at midnight without a change.
 */
async function sharedHazardAlerts(
  deps: ServiceDeps,
  scope: Parameters<typeof repo.hazardAlerts>[1],
  today: string,
) {
  const key = JSON.stringify([[...scope.districtIds].sort((a, b) => a - b), scope.sectors, today]);
  const ttlMs = deps.config.dashboardFiguresTtlSeconds * 1000;
  return alertMemos.untilNextChange(deps, ttlMs, key, () =>
    repo.hazardAlerts(deps.db.kysely, scope, today),
  );
}

async function staffDashboard(
  deps: ServiceDeps,
  ctx: RequestContext,
  actor: SessionActor,
  today: string,
): Promise<DashboardView> {
  const sections = dashboardSectionsFor(actor.role);
  if (!sections) return { kind: 'none' };
  const db = deps.db.kysely;
  const districtIds = await districtIdsUnder(db, actor.territoryPath);
  const scoped = staffSectors(actor);
  const sectors: Sector[] = SECTORS.filter((s) => scoped === null || scoped.includes(s));
  const ledgerScope = { districtIds, sectors: scoped };
  const territoryId = unitIdOfPath(actor.territoryPath);

  const [districts, hazardRows, hazardAlerts, current] = await Promise.all([
    repo.orgUnitNames(db, districtIds),
    repo.hazardsBySectorAndStatus(db, ledgerScope),
    sharedHazardAlerts(deps, ledgerScope, today),
    currentCampaign(deps, ctx, today),
  ]);

  const c = current.campaign;
  const period = c ? reportPeriodOf(c.progress.startDate, c.progress.endDate, today) : null;
  let campaign: DashboardCampaign | null = null;
  let figures: ReportFigures | null = null;
  let figuresBySector: StaffDashboardView['figuresBySector'] = [];
  let rectification: StaffDashboardView['rectification'] = [];
  if (c) {
    campaign = {
      id: c.id,
      name: c.name,
      startDate: c.progress.startDate,
      endDate: c.progress.endDate,
      progress: c.progress,
      weekFrom: period?.weekFrom ?? c.progress.startDate,
      weekTo: period?.weekTo ?? reportWeekOf(c.progress.startDate).to,
    };
  }
  if (c && period) {
    const base: Omit<FigureScopeQuery, 'sectors'> = {
      districtIds,
      campaignStart: c.progress.startDate,
      weekFrom: period.weekFrom,
      weekTo: period.weekTo,
    };
    const computed = await campaignFigures(deps, { ...base, sectors: scoped }, sectors);
    figures = computed.figures;
    figuresBySector = computed.figuresBySector;
    rectification = computed.rectification;
  }

  const view: StaffDashboardView = {
    kind: 'staff',
    asOf: today,
    sections,
    districts: districts.map((d) => ({ id: Number(d.id), name: d.name })),
    rollupOrgUnitId: districtIds.includes(territoryId) ? null : territoryId,
    sectors,
    campaign,
    figures,
    figuresBySector,
    rectification,
    hazardsBySector: hazardRows
      .filter((r) => sectors.includes(r.sector as Sector))
      .map((r) => ({
        sector: r.sector as Sector,
        status: r.status as HazardStatus,
        count: Number(r.count),
      })),
    hazardAlerts,
  };
  return view;
}

async function enterpriseDashboard(
  deps: ServiceDeps,
  actor: SessionActor,
  today: string,
): Promise<EnterpriseDashboardView> {
  const db = deps.db.kysely;
  const enterprise = actor.enterpriseId
    ? await enterprises.findEnterprise(db, actor.enterpriseId)
    : undefined;
  if (!enterprise) throw notFound();
  const id = Number(enterprise.id);
  const [open, overdue, deadlines, scorecard] = await Promise.all([
    repo.openHazardsOfEnterprise(db, id),
    repo.overdueOfEnterprise(db, id, today),
    repo.nearestDeadlines(db, id, DASHBOARD_DEADLINES_SHOWN),
    scorecardOf(db, { id, name: enterprise.name }, today),
  ]);
  return {
    kind: 'enterprise',
    asOf: today,
    enterpriseId: id,
    enterpriseName: enterprise.name,
    openHazards: open.map((r) => ({
      status: r.status as HazardStatus,
      level: r.level as HazardLevel,
      count: Number(r.count),
    })),
    overdue,
    deadlines: deadlines.map((h) => ({
      id: Number(h.id),
      number: h.number,
      title: h.title,
      level: h.level as HazardLevel,
      status: h.status as HazardStatus,
      deadline: h.deadline!,
      daysLeft: dayNumber(h.deadline!) - dayNumber(today),
    })),
    scorecard,
  };
}

/** The caller's dashboard as of `date` (default today, China time). */
export async function getDashboard(
  deps: ServiceDeps,
  ctx: RequestContext,
  date?: string,
): Promise<DashboardView> {
  const actor = requireActor(ctx);
  const today = date ?? todayInChina();
  if (isEnterpriseRole(actor.role)) return enterpriseDashboard(deps, actor, today);
  return staffDashboard(deps, ctx, actor, today);
}
