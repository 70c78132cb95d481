import type { Sector } from '../common/sector.js';
import type { FigureKey, FigureRecordType } from './figures.js';
import type { Completeness, ReportFigures, ReportKind, ReportStatus } from './dispatch.js';
import type {
  FigurePeriod,
  HazardListField,
  HazardListLayout,
  ProgressTableLayout,
  ReportTableKey,
  TableLayout,
} from './layouts.js';

// What the reports API returns (shared by the server, the web app and the exports).

/** One row of 附件5 (the open major hazards list), already formatted for display. */
export type HazardListRow = { hazardId: number; enterpriseId: number } & Record<
  Exclude<HazardListField, 'seq'>,
  string
>;

/** A stored version of a report (its first version, then corrections). */
export type ReportVersionView = {
  id: number;
  version: number;
  submittedAt: string;
  submittedByName: string;
  preparedBy: string;
  contactPhone: string | null;
  /** The correction's reason (null for the first version). */
  reason: string | null;
  onTime: boolean;
};

/** A dispatch report: one district, one sector, one period; a live draft or a frozen version. */
export type DispatchReportView = {
  districtId: number;
  districtName: string;
  /** The city the district belongs to (for titles and the roll-up link). */
  cityName: string | null;
  campaignId: number;
  campaignName: string;
  sector: Sector;
  kind: ReportKind;
  /** For milestone reports: the milestone's key and name. */
  milestone: { key: string; name: string; due: string } | null;
  /** The period, China dates, inclusive: the week (Mon–Sun), or campaign start → milestone due. */
  periodFrom: string;
  periodTo: string;
  /** Start of the "本周/本期" column: the week's Monday, or the day after the previous milestone. */
  currentFrom: string;
  campaignStart: string;
  /** When the report is due (UTC ISO instant). */
  dueAt: string;
  status: ReportStatus;
  /** The stored report id (null while only a live draft exists). */
  reportId: number | null;
  /** The version shown (null for a live draft). */
  versionId: number | null;
  version: number | null;
  /** True when the figures come from a frozen snapshot. */
  frozen: boolean;
  /** Whether the first submission met the deadline (null until submitted). */
  onTime: boolean | null;
  /** The brigade's confirmation of the enforcement figures. */
  confirmation: {
    byName: string;
    at: string;
    /** The live enforcement figures no longer match what was confirmed. */
    stale: boolean;
    changed: FigureKey[];
  } | null;
  versions: ReportVersionView[];
  /** 填报人 / 联系电话 / 审核人 (the office user who submitted), for the printed tables. */
  preparedBy: string | null;
  contactPhone: string | null;
  reviewerName: string | null;
  summary: string | null;
  figures: ReportFigures;
  hazardList: HazardListRow[];
  /** How many open major hazards there are (the list stops at a limit; the rest are counted). */
  hazardListTotal: number;
  /** The layouts the tables are drawn with (a frozen version keeps the ones it was submitted with). */
  progressLayout: ProgressTableLayout;
  hazardListLayout: HazardListLayout;
  /** When the figures were computed (draft: now; frozen: at submission). */
  computedAt: string;
  /** What the viewer may do now. */
  can: { confirm: boolean; submit: boolean; correct: boolean };
};

/** One district's line in a city roll-up. */
export type RollupRow = {
  districtId: number;
  districtName: string;
  /** The district's latest submitted version, or null when it has not submitted. */
  report: {
    reportId: number;
    versionId: number;
    version: number;
    submittedAt: string;
    onTime: boolean;
  } | null;
  figures: ReportFigures | null;
};

/** A city's view of one sector and period: every district, the total, and completeness. */
export type RollupView = {
  orgUnitId: number;
  orgUnitName: string;
  campaignId: number;
  campaignName: string;
  sector: Sector;
  kind: ReportKind;
  milestone: { key: string; name: string; due: string } | null;
  periodFrom: string;
  periodTo: string;
  dueAt: string;
  rows: RollupRow[];
  /** The sum of the submitted districts' figures (ratios recomputed). */
  total: ReportFigures;
  completeness: Completeness;
  progressLayout: ProgressTableLayout;
};

/** Completeness of every week of a campaign up to now, for one sector or all. */
export type CompletenessWeek = {
  periodFrom: string;
  periodTo: string;
  dueAt: string;
  completeness: Completeness;
};

/** One record behind a figure, for the drill-down list. */
export type DrillDownRow = {
  id: number;
  /** What the record is, e.g. the hazard description or the case number. */
  title: string;
  enterpriseId: number | null;
  enterpriseName: string | null;
  /** The date that put the record in the period. */
  date: string | null;
  status: string | null;
  /** The web route of the record's page, when it has one. */
  href: string | null;
};

export type DrillDownView = {
  figure: FigureKey;
  period: FigurePeriod;
  recordType: FigureRecordType;
  total: number;
  page: number;
  pageSize: number;
  items: DrillDownRow[];
};

/** A campaign's reporting calendar, as the report pages offer it. */
export type ReportCampaignOption = {
  id: number;
  name: string;
  orgUnitName: string;
  startDate: string;
  endDate: string;
  sectors: Sector[];
  weekly: { weekday: number; hour: number };
  milestones: { key: string; name: string; due: string; dueAt: string }[];
  /** The report weeks from the campaign's start to today (newest first), with due times. */
  weeks: { from: string; to: string; dueAt: string }[];
};

/** What the caller may pick on the report pages. */
export type ReportOptionsView = {
  /** Districts whose reports the caller may open (drafts for their own district). */
  districts: { id: number; name: string }[];
  /** Units whose roll-up the caller may open (the city, or the region and its cities). */
  rollupUnits: { id: number; name: string; kind: string }[];
  /** The caller's sectors (all four when not sector-scoped). */
  sectors: Sector[];
  /** Whether the caller sees live drafts (district staff) or only submitted reports. */
  seesDrafts: boolean;
  campaigns: ReportCampaignOption[];
  /** The week a report is normally made for today: the last complete week. */
  defaultWeek: string | null;
};

/** One table's layout in force, and whether the bureau replaced the default. */
export type ReportLayoutView = {
  table: ReportTableKey;
  layout: TableLayout;
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
  note: string | null;
};
