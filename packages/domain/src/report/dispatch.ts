import { z } from 'zod';
import { addDays, isoWeekday } from '../campaign/campaign-progress.js';
import { SECTORS, type Sector } from '../common/sector.js';
import { isInSubtree } from '../org/org-unit.js';
import type { Actor } from '../authz/policies.js';
import { FIGURE_KEYS, FIGURES, type FigureKey, percentShare } from './figures.js';

// The weekly dispatch report (调度表) as a workflow (issue 9 item 3, DESIGN.md §6): a report is
// one district's figures for one sector and one period. It is computed live as a draft at any
// time; the enforcement brigade (执法大队) confirms the enforcement figures; the sector's office
// (危化室 / 基础室) reviews and submits; a submitted report is frozen as a snapshot and visible
// to the city bureau; a later correction is a new version with a reason. Timeliness is judged
// on the first submission against the campaign's weekly deadline (or the milestone's due date).

/** A weekly report or a milestone report (阶段性总结, e.g. 8-13 and 12-13). */
export const ReportKind = { Weekly: 'weekly', Milestone: 'milestone' } as const;
export type ReportKind = (typeof ReportKind)[keyof typeof ReportKind];
export const REPORT_KINDS = Object.values(ReportKind) as readonly ReportKind[];

/** Where a report stands. `draft` is never stored: it is the live computation. */
export const ReportStatus = {
  Draft: 'draft',
  Confirmed: 'confirmed',
  Submitted: 'submitted',
} as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];
export const REPORT_STATUS_LABELS: Record<ReportStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿（实时生成）', en: 'Draft (live)' },
  confirmed: { zh: '执法数据已确认', en: 'Enforcement figures confirmed' },
  submitted: { zh: '已报送', en: 'Submitted' },
};

/**
 * The figures the enforcement brigade answers for and confirms before the office submits:
 * its inspections, the hazards it found, and its penalties and measures.
 */
export const ENFORCEMENT_FIGURE_KEYS: readonly FigureKey[] = [
  'enterprise_inspections',
  'enterprises_inspected',
  'assistance_visits',
  'major_hazards_bureau_found',
  'major_hazards_bureau_found_rectified',
  'penalty_cases',
  'penalty_fines',
  'penalty_cases_dual',
  'enterprises_suspended',
  'closures_proposed',
  'judicial_referrals',
  'joint_punishments',
  'dishonesty_list_entries',
];

/** The values of a figure in a report (no record ids: those are kept beside, for drill-down). */
export const figureNumbersSchema = z.object({
  week: z.number().nullable(),
  cumulative: z.number().nullable(),
});
export type FigureNumbers = z.infer<typeof figureNumbersSchema>;
export type ReportFigures = Record<FigureKey, FigureNumbers>;

/** The enforcement figures' values, to compare a confirmation with the live data. */
export function enforcementFigures(figures: ReportFigures): Partial<ReportFigures> {
  const out: Partial<ReportFigures> = {};
  for (const key of ENFORCEMENT_FIGURE_KEYS) out[key] = figures[key];
  return out;
}

/** The enforcement figures that differ between a confirmation and the live figures. */
export function changedEnforcementFigures(
  confirmed: Partial<ReportFigures>,
  live: ReportFigures,
): FigureKey[] {
  return ENFORCEMENT_FIGURE_KEYS.filter((key) => {
    const a = confirmed[key];
    const b = live[key];
    return !a || a.week !== b.week || a.cumulative !== b.cumulative;
  });
}

/** A China wall-clock moment (date and hour) as a UTC ISO instant. */
function chinaInstant(date: string, hour: number): string {
  const base = new Date(`${date}T00:00:00+08:00`).getTime();
  return new Date(base + hour * 3_600_000).toISOString();
}

/**
 * When the weekly report for the week ending `weekTo` (a Sunday) is due: the first day after
 * the week falling on the campaign's weekday, at its hour, China time. E.g. Monday 12:00.
 */
export function weeklyDueAt(weekTo: string, weekly: { weekday: number; hour: number }): string {
  const dayAfter = addDays(weekTo, 1);
  const due = addDays(dayAfter, (weekly.weekday - isoWeekday(dayAfter) + 7) % 7);
  return chinaInstant(due, weekly.hour);
}

/** When a milestone report is due: the end (24:00 China time) of its due date. */
export function milestoneDueAt(due: string): string {
  return chinaInstant(addDays(due, 1), 0);
}

/** Whether a submission at `submittedAt` met a deadline `dueAt` (both ISO instants). */
export function isOnTime(submittedAt: string, dueAt: string): boolean {
  return new Date(submittedAt).getTime() <= new Date(dueAt).getTime();
}

/**
 * The city total of several districts' reports of one sector and period: counts and amounts
 * add up; ratios are recomputed from the summed numerator and denominator (never averaged);
 * a figure is null in the total when every report has it null (unsupported).
 */
export function sumReportFigures(reports: readonly ReportFigures[]): ReportFigures {
  const total = {} as ReportFigures;
  const add = (a: number | null, b: number | null): number | null =>
    a === null ? b : b === null ? a : a + b;
  for (const key of FIGURE_KEYS) {
    let week: number | null = null;
    let cumulative: number | null = null;
    for (const r of reports) {
      week = add(week, r[key].week);
      cumulative = add(cumulative, r[key].cumulative);
    }
    // Money is in 万元 with six decimals (one fen): round away the float error of the sum.
    const exact = (x: number | null) => (x === null ? null : Math.round(x * 1_000_000) / 1_000_000);
    total[key] = { week: exact(week), cumulative: exact(cumulative) };
  }
  for (const key of FIGURE_KEYS) {
    const def = FIGURES[key];
    if (def.kind !== 'ratio' || !def.ratio) continue;
    const n = total[def.ratio.numerator].cumulative;
    const d = total[def.ratio.denominator].cumulative;
    total[key] = {
      week: null,
      cumulative: !def.supported || n === null || d === null ? null : percentShare(n, d),
    };
  }
  return total;
}

/** Reporting completeness of one period (DHIS2's reporting rate): expected, submitted, on time. */
export type Completeness = {
  expected: number;
  submitted: number;
  onTime: number;
  /** Percentages with one decimal, null when nothing is expected. */
  submittedRate: number | null;
  onTimeRate: number | null;
};

export function completeness(expected: number, submitted: number, onTime: number): Completeness {
  return {
    expected,
    submitted,
    onTime,
    submittedRate: percentShare(submitted, expected),
    onTimeRate: percentShare(onTime, expected),
  };
}

// ---- Who may do what ----

/** The district a report belongs to, as access rules need it. */
export type ReportPlace = { districtPath: string; sector: Sector };

/**
 * Whether an actor sees a report's draft and its workflow: staff of the district itself (its
 * offices and brigade share its territory), within their sectors. A city or region user sees
 * submitted reports only (canReadSubmittedReport).
 */
export function canSeeReportDraft(actor: Actor, place: ReportPlace): boolean {
  if (actor.territoryPath !== place.districtPath) return false;
  return actor.sectors === null || actor.sectors.includes(place.sector);
}

/** Whether an actor sees a submitted report: its district's staff and every level above. */
export function canReadSubmittedReport(actor: Actor, place: ReportPlace): boolean {
  if (!isInSubtree(place.districtPath, actor.territoryPath)) return false;
  if (actor.territoryPath === place.districtPath)
    return actor.sectors === null || actor.sectors.includes(place.sector);
  return true;
}

// ---- Inputs ----

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD');

/** Which report: district, sector and period (a week by any of its days, or a milestone). */
export const reportRefSchema = z
  .object({
    districtId: z.coerce.number().int().positive({ error: '请选择区县' }),
    sector: z.enum(SECTORS as unknown as [Sector, ...Sector[]], { error: '请选择行业' }),
    kind: z.enum(REPORT_KINDS as unknown as [ReportKind, ...ReportKind[]]).default('weekly'),
    /** For weekly reports: any day of the week. */
    week: dateSchema.optional(),
    /** For milestone reports: the campaign milestone's key. */
    milestone: z.string().trim().min(1).max(40).optional(),
    /** The campaign (default: the one running in the week; for milestones, the latest started). */
    campaignId: z.coerce.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'weekly' && !v.week)
      ctx.addIssue({ code: 'custom', path: ['week'], message: '请选择报告周' });
    if (v.kind === 'milestone' && !v.milestone)
      ctx.addIssue({ code: 'custom', path: ['milestone'], message: '请选择阶段性节点' });
  });
export type ReportRef = z.infer<typeof reportRefSchema>;

export const submitReportSchema = z.object({
  /** 填报人 as printed on the table. */
  preparedBy: z.string().trim().min(1, '请填写填报人').max(40, '填报人不超过40字'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{7,20}$/, '联系电话格式不正确')
    .optional()
    .or(z.literal('')),
  /** Written summary: required for milestone reports, optional remarks for weekly ones. */
  summary: z.string().trim().max(20_000, '工作总结不超过20000字').optional(),
  /** For a correction of a submitted report: why (required then). */
  reason: z.string().trim().max(500, '更正原因不超过500字').optional(),
});
export type SubmitReportInput = z.infer<typeof submitReportSchema>;
