import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';

// Campaigns (专项行动, DESIGN.md §3 item 4): a year's special action of an org unit for some
// sectors, run in phases with deadlines and a reporting schedule (seed §三, §四(五)).

/** One phase of a campaign; both dates inclusive. */
export const campaignPhaseSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, { message: '阶段代码只能用小写字母、数字和下划线' }),
  name: z.string().trim().min(1, { message: '请填写阶段名称' }).max(30),
  start: dateSchema,
  end: dateSchema,
});
export type CampaignPhase = z.infer<typeof campaignPhaseSchema>;

/** A report due on a date (e.g. the 8-13 and 12-13 reports on how the plan is carried out). */
export const campaignMilestoneSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, { message: '报送代码只能用小写字母、数字和下划线' }),
  name: z.string().trim().min(1, { message: '请填写报送事项' }).max(40),
  due: dateSchema,
});
export type CampaignMilestone = z.infer<typeof campaignMilestoneSchema>;

/** When the weekly dispatch report is due: ISO weekday (1 = Monday … 7 = Sunday) and hour. */
export const weeklyReportingSchema = z.strictObject({
  weekday: z.number().int().min(1, { message: '星期应为1-7' }).max(7, { message: '星期应为1-7' }),
  hour: z
    .number()
    .int()
    .min(0, { message: '时间应为0-23时' })
    .max(23, { message: '时间应为0-23时' }),
});
export type WeeklyReporting = z.infer<typeof weeklyReportingSchema>;

/** The seed's four phases (§三): keys, names and the month-day of each deadline. */
export const DEFAULT_PHASES = [
  { key: 'mobilize', name: '动员部署', end: '05-25' },
  { key: 'self_check', name: '企业自查自改和部门帮扶', end: '07-31' },
  { key: 'enforcement', name: '部门精准执法', end: '10-31' },
  { key: 'summary', name: '总结提高', end: '12-31' },
] as const;

/** The day the first default phase starts (the seed's plan was issued in mid-May). */
export const DEFAULT_START_MONTH_DAY = '05-01';

/** The seed's milestone reports (§四(五)): due 8-13 and 12-13. */
export const DEFAULT_MILESTONES = [
  { key: 'interim', name: '贯彻落实情况报送（8月）', due: '08-13' },
  { key: 'final', name: '贯彻落实情况报送（12月）', due: '12-13' },
] as const;

/** Weekly reports: Monday 12:00 unless the bureau sets otherwise. */
export const DEFAULT_WEEKLY: WeeklyReporting = { weekday: 1, hour: 12 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The day after an ISO date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The default phases of a year: contiguous, the first starting on 05-01. */
export function defaultPhases(year: number): CampaignPhase[] {
  let start = `${year}-${DEFAULT_START_MONTH_DAY}`;
  return DEFAULT_PHASES.map((p) => {
    const phase = { key: p.key, name: p.name, start, end: `${year}-${p.end}` };
    start = nextDay(phase.end);
    return phase;
  });
}

/** The default milestone reports of a year. */
export function defaultMilestones(year: number): CampaignMilestone[] {
  return DEFAULT_MILESTONES.map((m) => ({ key: m.key, name: m.name, due: `${year}-${m.due}` }));
}

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]], { message: '行业领域不正确' });

/** Phases in order, each within its dates, none overlapping; keys unique. */
function checkSchedule(
  v: { phases?: CampaignPhase[]; milestones?: CampaignMilestone[]; sectors: Sector[] },
  ctx: z.RefinementCtx,
): void {
  if (new Set(v.sectors).size !== v.sectors.length) {
    ctx.addIssue({ code: 'custom', path: ['sectors'], message: '行业领域重复' });
  }
  const phases = v.phases ?? [];
  const keys = new Set<string>();
  phases.forEach((p, i) => {
    if (p.start > p.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases', i, 'end'],
        message: '阶段截止日期不能早于开始日期',
      });
    }
    const prev = phases[i - 1];
    if (prev && p.start <= prev.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases', i, 'start'],
        message: '阶段须按时间顺序排列且不能重叠',
      });
    }
    if (keys.has(p.key)) {
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'key'], message: '阶段代码重复' });
    }
    keys.add(p.key);
  });
  const mkeys = new Set<string>();
  (v.milestones ?? []).forEach((m, i) => {
    if (mkeys.has(m.key)) {
      ctx.addIssue({ code: 'custom', path: ['milestones', i, 'key'], message: '报送代码重复' });
    }
    mkeys.add(m.key);
  });
}

const campaignBase = z.strictObject({
  name: z.string().trim().min(2, { message: '请填写专项行动名称' }).max(100),
  year: z.number().int().min(2000, { message: '年度不正确' }).max(2100, { message: '年度不正确' }),
  sectors: z.array(sectorEnum).min(1, { message: '请选择行业领域' }).max(SECTORS.length),
});

/**
 * Creating a campaign. Left out, the org unit is the caller's own district (territory), the
 * phases and milestones are the seed's for the year, and weekly reports are due Monday 12:00.
 */
export const createCampaignSchema = campaignBase
  .extend({
    orgUnitId: z.number().int().positive().nullable().default(null),
    phases: z.array(campaignPhaseSchema).min(1, { message: '至少一个阶段' }).max(8).optional(),
    weekly: weeklyReportingSchema.optional(),
    milestones: z.array(campaignMilestoneSchema).max(12).optional(),
  })
  .superRefine(checkSchedule);
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

/** Editing a campaign: every field, with the version read. The org unit does not move. */
export const updateCampaignSchema = campaignBase
  .extend({
    phases: z.array(campaignPhaseSchema).min(1, { message: '至少一个阶段' }).max(8),
    weekly: weeklyReportingSchema,
    milestones: z.array(campaignMilestoneSchema).max(12),
    version: z.number().int().min(1),
  })
  .superRefine(checkSchedule);
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

/** The schedule part of a campaign that progress is computed from. */
export type CampaignSchedule = {
  phases: readonly CampaignPhase[];
  weekly: WeeklyReporting;
  milestones: readonly CampaignMilestone[];
};

/** Fills the defaults of a new campaign from its year. */
export function withCampaignDefaults(
  input: CreateCampaignInput,
): CreateCampaignInput &
  CampaignSchedule & { phases: CampaignPhase[]; milestones: CampaignMilestone[] } {
  return {
    ...input,
    phases: input.phases ?? defaultPhases(input.year),
    weekly: input.weekly ?? DEFAULT_WEEKLY,
    milestones: input.milestones ?? defaultMilestones(input.year),
  };
}
