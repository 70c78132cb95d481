import type { CampaignProgress } from '../campaign/campaign-progress.js';
import type { Sector } from '../common/sector.js';
import type { ScorecardView } from '../duties/scorecard.js';
import type { HazardLevel } from '../hazard/hazard.js';
import type { HazardStatus } from '../hazard/hazard-workflow.js';
import type { Role } from '../identity/role.js';
import type { ReportFigures } from '../report/dispatch.js';
import { type FigureKey, percentShare } from '../report/figures.js';

// The home dashboards per role (issue 10 item 1). Every number that is also a report figure is
// taken from the report figures (report/figures.ts definitions, computed by the same code on
// the server), never recomputed with a second formula; the rest are plain counts of the
// hazard ledger that the ledger page filters reproduce exactly.

/** What a staff dashboard shows; which parts depend on the role. */
export type DashboardSections = {
  /** Enforcement figures (inspections, penalty cases, fines, measures). */
  enforcement: boolean;
  /** Tips received, verified, substantiated. */
  tips: boolean;
  /** Self-inspection coverage (enterprises that submitted ÷ enterprises registered). */
  selfInspection: boolean;
};

/**
 * The sections of a staff role's dashboard: the bureau, the city and the offices see all of
 * them (offices for their sectors); an inspector the hazards and enforcement they work on.
 * Roles without report access get no staff dashboard (null).
 */
export function dashboardSectionsFor(role: Role): DashboardSections | null {
  switch (role) {
    case 'bureau_admin':
    case 'city':
    case 'office':
      return { enforcement: true, tips: true, selfInspection: true };
    case 'inspector':
      return { enforcement: true, tips: false, selfInspection: false };
    case 'publicity':
    case 'informant':
    case 'ent_leader':
    case 'ent_safety':
      return null;
  }
}

/** Enforcement figures on the dashboard, as counts per sector (fines are shown apart, in 万元). */
export const DASHBOARD_ENFORCEMENT_FIGURES = [
  'enterprise_inspections',
  'enterprises_inspected',
  'penalty_cases',
  'penalty_cases_dual',
  'enterprises_suspended',
  'closures_proposed',
  'judicial_referrals',
  'joint_punishments',
  'dishonesty_list_entries',
] as const satisfies readonly FigureKey[];

/** Tip figures on the dashboard. */
export const DASHBOARD_TIP_FIGURES = [
  'tips_received',
  'tips_verified',
  'tips_substantiated',
] as const satisfies readonly FigureKey[];

/** 自查覆盖率: the share of registered enterprises that submitted a self-inspection, from the two report figures. */
export function selfInspectionCoverage(figures: ReportFigures): {
  registered: number | null;
  selfInspected: number | null;
  share: number | null;
} {
  const registered = figures.enterprises_registered.cumulative;
  const selfInspected = figures.enterprises_self_inspected.cumulative;
  return {
    registered,
    selfInspected,
    share:
      registered === null || selfInspected === null
        ? null
        : percentShare(Math.min(selfInspected, registered), registered),
  };
}

/** One report week of the rectification series (values of that week's report). */
export type RectificationWeek = {
  weekFrom: string;
  weekTo: string;
  found: { week: number; cumulative: number };
  rectified: { week: number; cumulative: number };
  /** 整改率 of that week's report, percent with 1 decimal; null when nothing was found. */
  rate: number | null;
};

/** The campaign the dashboard reports on and the report week it stands in. */
export type DashboardCampaign = {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  progress: CampaignProgress;
  /** The report week of the figures: today's week, or the campaign's last week once over. */
  weekFrom: string;
  weekTo: string;
};

/** The bureau's, city's, office's and inspector's dashboard. */
export type StaffDashboardView = {
  kind: 'staff';
  asOf: string;
  sections: DashboardSections;
  /** The districts of the caller's territory (drill-down targets the reports of one district). */
  districts: { id: number; name: string }[];
  /** The org unit a city's roll-up is for (null for a single district). */
  rollupOrgUnitId: number | null;
  /** The sectors in scope, in the usual order. */
  sectors: Sector[];
  /** Null when no campaign covers the caller (the figures need a campaign period). */
  campaign: DashboardCampaign | null;
  /** Report figures of the whole scope for the campaign's current week. */
  figures: ReportFigures | null;
  /** The same figures per sector (each equal to that sector's dispatch report). */
  figuresBySector: { sector: Sector; figures: ReportFigures }[];
  rectification: RectificationWeek[];
  /** The hazard ledger of the scope counted by sector and status (all levels). */
  hazardsBySector: { sector: Sector; status: HazardStatus; count: number }[];
  /** Hazards of the scope past their deadline and not verified today, and under supervision. */
  hazardAlerts: { overdue: number; overdueMajor: number; supervised: number };
};

/** An enterprise user's dashboard: their own open hazards, nearest deadlines and duty scorecard. */
export type EnterpriseDashboardView = {
  kind: 'enterprise';
  asOf: string;
  enterpriseId: number;
  enterpriseName: string;
  /** Open (not verified) hazards by status and level. */
  openHazards: { status: HazardStatus; level: HazardLevel; count: number }[];
  overdue: number;
  /** The open hazards with the nearest deadlines, overdue first. */
  deadlines: {
    id: number;
    number: string;
    title: string;
    level: HazardLevel;
    status: HazardStatus;
    deadline: string;
    daysLeft: number;
  }[];
  scorecard: ScorecardView;
};

export type DashboardView = StaffDashboardView | EnterpriseDashboardView | { kind: 'none' };

/** How many of the nearest deadlines an enterprise dashboard lists. */
export const DASHBOARD_DEADLINES_SHOWN = 8;
