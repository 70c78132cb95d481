import type {
  CompletenessWeek,
  Completeness,
  DispatchReportView,
  DrillDownView,
  FigureKey,
  FigurePeriod,
  ReportKind,
  ReportLayoutView,
  ReportOptionsView,
  ReportTableKey,
  RollupView,
  Sector,
} from '@hazard-ledger/domain';
import { API_BASE, apiDelete, apiGet, apiPost, apiPut, toQueryString } from './client';

export type { DispatchReportView, DrillDownView, ReportLayoutView, ReportOptionsView, RollupView };

/** A report's period: a week (by any of its days) or a milestone. */
export type ReportPeriodQuery = {
  kind: ReportKind;
  /** Weekly reports: any day of the week (the pages use its Monday). */
  week?: string;
  /** Milestone reports: the campaign milestone's key. */
  milestone?: string;
};

/** Which report, as the API's query string and bodies name it. */
export type ReportRefQuery = ReportPeriodQuery & {
  districtId: number;
  sector: Sector;
  /** The campaign (default: the one running in the week, or the latest with the milestone). */
  campaignId?: number;
};

/** A report, optionally one stored version of it (a frozen snapshot). */
export type DispatchReportQuery = ReportRefQuery & { versionId?: number };

/** The records behind one number of a report. */
export type DrillDownQuery = DispatchReportQuery & {
  figure: FigureKey;
  period: FigurePeriod;
  page: number;
  pageSize: number;
};

/** A city's (or region's) roll-up of one sector and period. */
export type RollupQuery = ReportPeriodQuery & { orgUnitId?: number; sector: Sector };

/** 填报人, phone and summary of a submission; a correction adds its reason. */
export type SubmitReportBody = {
  preparedBy: string;
  contactPhone?: string;
  summary?: string;
  reason?: string;
};

/** GET /reports/completeness: every week of the campaign (newest first), per sector and total. */
export type CompletenessReport = {
  sectors: Sector[];
  weeks: (CompletenessWeek & { bySector: Partial<Record<Sector, Completeness>> })[];
};

/** React Query keys of the reports (kept here, like the tips' keys). */
export const reportKeys = {
  all: ['reports'] as const,
  options: ['reports', 'options'] as const,
  dispatchAll: ['reports', 'dispatch'] as const,
  dispatch: (q: DispatchReportQuery) => ['reports', 'dispatch', q] as const,
  drillDown: (q: DrillDownQuery) => ['reports', 'drilldown', q] as const,
  rollup: (q: RollupQuery) => ['reports', 'rollup', q] as const,
  completeness: (orgUnitId: number | undefined) =>
    ['reports', 'completeness', orgUnitId ?? null] as const,
  layouts: ['reports', 'layouts'] as const,
};

/** The query string of a report: only the period field its kind uses. */
function refParams(q: ReportPeriodQuery): { kind: ReportKind; week?: string; milestone?: string } {
  return q.kind === 'milestone'
    ? { kind: q.kind, milestone: q.milestone }
    : { kind: q.kind, week: q.week };
}

/** The query string of a dispatch report (also the body of confirm, submit and correct). */
export function dispatchParams(
  q: DispatchReportQuery,
): Record<string, string | number | undefined> {
  return {
    districtId: q.districtId,
    sector: q.sector,
    campaignId: q.campaignId,
    ...refParams(q),
    versionId: q.versionId,
  };
}

function rollupParams(q: RollupQuery): Record<string, string | number | undefined> {
  return { orgUnitId: q.orgUnitId, sector: q.sector, ...refParams(q) };
}

/** What the caller may pick: districts, roll-up units, sectors, campaigns with weeks. */
export function getReportOptions(signal?: AbortSignal): Promise<ReportOptionsView> {
  return apiGet<ReportOptionsView>('/reports/options', undefined, signal);
}

/** A report: the live draft, the latest submitted version, or the version asked for. */
export function getDispatchReport(
  q: DispatchReportQuery,
  signal?: AbortSignal,
): Promise<DispatchReportView> {
  return apiGet<DispatchReportView>('/reports/dispatch', dispatchParams(q), signal);
}

function refBody(q: ReportRefQuery): Record<string, string | number | undefined> {
  const { versionId: _versionId, ...ref } = dispatchParams(q);
  return ref;
}

/** The brigade confirms the enforcement figures of the draft. */
export function confirmDispatchReport(q: ReportRefQuery): Promise<DispatchReportView> {
  return apiPost<DispatchReportView>('/reports/dispatch/confirm', refBody(q));
}

/** The office reviews and submits; the report is frozen as version 1. */
export function submitDispatchReport(
  q: ReportRefQuery,
  body: SubmitReportBody,
): Promise<DispatchReportView> {
  return apiPost<DispatchReportView>('/reports/dispatch/submit', { ...refBody(q), ...body });
}

/** A correction of a submitted report: a new version, with its reason. */
export function correctDispatchReport(
  q: ReportRefQuery,
  body: SubmitReportBody,
): Promise<DispatchReportView> {
  return apiPost<DispatchReportView>('/reports/dispatch/correct', { ...refBody(q), ...body });
}

/** One page of the records behind a number (from the snapshot when a version is given). */
export function getDrillDown(q: DrillDownQuery, signal?: AbortSignal): Promise<DrillDownView> {
  return apiGet<DrillDownView>(
    '/reports/dispatch/drilldown',
    {
      ...dispatchParams(q),
      figure: q.figure,
      period: q.period,
      page: q.page,
      pageSize: q.pageSize,
    },
    signal,
  );
}

/** The URL of a report's printable export (.xlsx or PDF), with 附件5. */
export function dispatchExportUrl(q: DispatchReportQuery, format: 'xlsx' | 'pdf'): string {
  return `${API_BASE}/reports/dispatch/export.${format}${toQueryString(dispatchParams(q))}`;
}

/** Every district's submitted report of a sector and period, the total and completeness. */
export function getRollup(q: RollupQuery, signal?: AbortSignal): Promise<RollupView> {
  return apiGet<RollupView>('/reports/rollup', rollupParams(q), signal);
}

/** The URL of the roll-up's .xlsx. */
export function rollupExportUrl(q: RollupQuery): string {
  return `${API_BASE}/reports/rollup/export.xlsx${toQueryString(rollupParams(q))}`;
}

/** Expected, submitted and on-time reports of every week of the campaign (newest first). */
export function getCompleteness(
  orgUnitId: number | undefined,
  signal?: AbortSignal,
): Promise<CompletenessReport> {
  return apiGet<CompletenessReport>('/reports/completeness', { orgUnitId }, signal);
}

/** The layouts in force of the five tables. */
export function listReportLayouts(signal?: AbortSignal): Promise<ReportLayoutView[]> {
  return apiGet<ReportLayoutView[]>('/reports/layouts', undefined, signal);
}

/** Replaces a table's layout (400 with field paths like "layout.groups.0.columns.1.figure"). */
export function replaceReportLayout(
  table: ReportTableKey,
  body: { layout: unknown; note?: string },
): Promise<unknown> {
  return apiPut<unknown>(`/reports/layouts/${table}`, body);
}

/** Puts a table back to its default layout. */
export function resetReportLayout(table: ReportTableKey): Promise<unknown> {
  return apiDelete<unknown>(`/reports/layouts/${table}`);
}
