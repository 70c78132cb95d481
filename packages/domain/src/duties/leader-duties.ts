import { z } from 'zod';
import { addDays, dayNumber } from '../campaign/campaign-progress.js';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { HAZARD_LEVELS, type HazardLevel, TREATMENTS, yuanSchema } from '../hazard/hazard.js';

// The main leader's own duties of §二(一)1: at least one inspection led by the main leader each
// month of the campaign (每月至少带队检查1次，检查记录要存档备查), being on duty at key periods
// (安全生产关键时间节点要在岗在位), and the safety production fund of §四(三) (安全生产费用).

// ---------------------------------------------------------------------------------------------
// Months of a campaign and the monthly inspection rule
// ---------------------------------------------------------------------------------------------

/** The month ('YYYY-MM') of an ISO date. */
export function calendarMonthOf(date: string): string {
  return date.slice(0, 7);
}

/** The last day (YYYY-MM-DD) of a month ('YYYY-MM'). */
export function lastDayOfCalendarMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Every month that overlaps the period from `start` to `end` (both inclusive), in order. */
export function calendarMonthsSpanned(start: string, end: string): string[] {
  const out: string[] = [];
  if (end < start) return out;
  let [y, m] = calendarMonthOf(start).split('-').map(Number) as [number, number];
  const last = calendarMonthOf(end);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The campaign window the rule is computed on (both dates inclusive). */
export type DateWindow = { startDate: string; endDate: string };

/**
 * The last day of the campaign's part of a month: the month's last day, or the campaign's end
 * when the campaign ends within that month.
 */
export function campaignMonthCloses(campaign: DateWindow, month: string): string {
  const last = lastDayOfCalendarMonth(month);
  return campaign.endDate < last ? campaign.endDate : last;
}

/** One month of a campaign as the monthly-inspection rule sees it on a date. */
export type LeaderMonthCheck = {
  month: string;
  /** The campaign's part of the month has ended, so an inspection is required for it. */
  due: boolean;
  /** A signed leader inspection is dated in this month (within the campaign). */
  signed: boolean;
  /** An unsigned (draft) record exists in this month: it does not count until signed. */
  unsigned: boolean;
  /** Due and not signed: the month is flagged. */
  missing: boolean;
};

/**
 * The campaign's months on `date` against the months that have a signed leader inspection.
 *
 * The rule, precisely:
 * - every calendar month that overlaps the campaign counts, partial first and last months too;
 * - a month is due once the campaign's part of it has ended, i.e. from the day after the month's
 *   last day (or after the campaign's end date when the campaign ends within that month). The
 *   current month is therefore never flagged while it is still running, and neither are months
 *   after `date`;
 * - a due month without a signed inspection is missing. An unsigned draft does not count;
 * - which inspections count for a month is the caller's input (`signedMonths`); see
 *   `signedInspectionMonths` for the campaign's own rule (signed, dated within the campaign).
 */
export function leaderInspectionMonths(
  campaign: DateWindow,
  date: string,
  signedMonths: Iterable<string>,
  unsignedMonths: Iterable<string> = [],
): LeaderMonthCheck[] {
  const signed = new Set(signedMonths);
  const unsigned = new Set(unsignedMonths);
  return calendarMonthsSpanned(campaign.startDate, campaign.endDate).map((month) => {
    const due = date > campaignMonthCloses(campaign, month);
    const isSigned = signed.has(month);
    return {
      month,
      due,
      signed: isSigned,
      unsigned: !isSigned && unsigned.has(month),
      missing: due && !isSigned,
    };
  });
}

/** The finished months of the campaign ('YYYY-MM') on `date` without a signed leader inspection. */
export function missingLeaderInspectionMonths(
  campaign: DateWindow,
  date: string,
  signedMonths: Iterable<string>,
): string[] {
  return leaderInspectionMonths(campaign, date, signedMonths)
    .filter((m) => m.missing)
    .map((m) => m.month);
}

/**
 * The months that have a signed leader inspection counting for the campaign: signed, and dated
 * within the campaign's dates (an inspection before the campaign started does not count for its
 * first month).
 */
export function signedInspectionMonths(
  campaign: DateWindow,
  inspections: Iterable<{ inspectedOn: string; signed: boolean }>,
): Set<string> {
  const out = new Set<string>();
  for (const i of inspections) {
    if (i.signed && i.inspectedOn >= campaign.startDate && i.inspectedOn <= campaign.endDate) {
      out.add(calendarMonthOf(i.inspectedOn));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Leader inspection records
// ---------------------------------------------------------------------------------------------

/** A leader inspection is recorded as a draft, then signed by the main leader (then read-only). */
export const LEADER_INSPECTION_STATUSES = ['draft', 'signed'] as const;
export type LeaderInspectionStatus = (typeof LEADER_INSPECTION_STATUSES)[number];
export const LEADER_INSPECTION_STATUS_LABELS: Record<
  LeaderInspectionStatus,
  { zh: string; en: string }
> = {
  draft: { zh: '待主要负责人签字', en: 'Awaiting signature' },
  signed: { zh: '已签字存档', en: 'Signed and archived' },
};

const hazardLevelEnum = z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]], {
  message: '隐患等级不正确',
});

/**
 * One finding of an inspection. With a hazard level it enters the hazard ledger (origin
 * leader_check) when the leader signs; without one it stays a note of the record.
 */
export const leaderFindingInputSchema = z
  .strictObject({
    title: z.string().trim().min(2, { message: '请填写问题名称' }).max(100),
    description: z.string().trim().min(2, { message: '请填写问题描述' }).max(2000),
    place: z.string().trim().max(200).nullable().default(null),
    hazardLevel: hazardLevelEnum.nullable().default(null),
    catalogItemCode: z.string().trim().max(40).nullable().default(null),
    noCatalogReason: z.string().trim().max(200).nullable().default(null),
    treatment: z.enum(TREATMENTS).default('deadline'),
  })
  .superRefine((v, ctx) => {
    if (v.hazardLevel && !v.catalogItemCode && !v.noCatalogReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['noCatalogReason'],
        message: '登记为隐患且未引用判定标准条款时须说明理由',
      });
    }
  });
export type LeaderFindingInput = z.infer<typeof leaderFindingInputSchema>;

const inspectionFields = {
  inspectedOn: dateSchema,
  participants: z.string().trim().min(2, { message: '请填写参加检查人员' }).max(500),
  places: z.string().trim().min(2, { message: '请填写检查地点（场所、装置）' }).max(500),
  content: z.string().trim().min(2, { message: '请填写检查内容' }).max(4000),
  /** Items of the enterprise's checklist that were checked (codes of the current catalogs). */
  itemCodes: z.array(z.string().trim().min(1).max(40)).max(200).default([]),
  findings: z.array(leaderFindingInputSchema).max(50, { message: '问题最多50条' }).default([]),
};

function uniqueCodes(v: { itemCodes: string[] }, ctx: z.RefinementCtx): void {
  if (new Set(v.itemCodes).size !== v.itemCodes.length) {
    ctx.addIssue({ code: 'custom', path: ['itemCodes'], message: '检查条目重复' });
  }
}

/** Recording a leader inspection (a draft until the leader signs it). */
export const leaderInspectionInputSchema = z
  .strictObject(inspectionFields)
  .superRefine(uniqueCodes);
export type LeaderInspectionInput = z.infer<typeof leaderInspectionInputSchema>;

/** Editing a draft, with the version read. */
export const leaderInspectionUpdateSchema = z
  .strictObject({ ...inspectionFields, version: z.number().int().min(1) })
  .superRefine(uniqueCodes);
export type LeaderInspectionUpdate = z.infer<typeof leaderInspectionUpdateSchema>;

/** Signing carries the version read. */
export const signLeaderInspectionSchema = z.strictObject({ version: z.number().int().min(1) });
export const voidLeaderInspectionSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(200),
  version: z.number().int().min(1),
});

export const leaderItemRefSchema = z.object({
  catalogId: z.string(),
  catalogVersion: z.number().int(),
  code: z.string(),
  title: z.string(),
});
export type LeaderItemRef = z.infer<typeof leaderItemRefSchema>;

export const leaderFindingViewSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  place: z.string().nullable(),
  hazardLevel: hazardLevelEnum.nullable(),
  catalogItemCode: z.string().nullable(),
  noCatalogReason: z.string().nullable(),
  treatment: z.enum(TREATMENTS),
  /** The ledger hazard created when the record was signed. */
  hazardId: z.number().int().nullable(),
  hazardNumber: z.string().nullable(),
});
export type LeaderFindingView = z.infer<typeof leaderFindingViewSchema>;

export const leaderInspectionViewSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  inspectedOn: z.string(),
  month: z.string(),
  participants: z.string(),
  places: z.string(),
  content: z.string(),
  items: z.array(leaderItemRefSchema),
  findings: z.array(leaderFindingViewSchema),
  status: z.enum(LEADER_INSPECTION_STATUSES),
  recordedByName: z.string(),
  recordedAt: z.string(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), sign: z.boolean(), void: z.boolean() }),
});
export type LeaderInspectionView = z.infer<typeof leaderInspectionViewSchema>;

export const leaderMonthCheckSchema = z.object({
  month: z.string(),
  due: z.boolean(),
  signed: z.boolean(),
  unsigned: z.boolean(),
  missing: z.boolean(),
});

export const leaderCampaignRefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});

/** An enterprise's leader inspections: the campaign months and the records of a year. */
export const enterpriseLeaderInspectionsSchema = z.object({
  enterpriseId: z.number().int(),
  asOf: z.string(),
  campaign: leaderCampaignRefSchema.nullable(),
  months: z.array(leaderMonthCheckSchema),
  missingMonths: z.array(z.string()),
  year: z.number().int(),
  inspections: z.array(leaderInspectionViewSchema),
  can: z.object({ record: z.boolean() }),
});
export type EnterpriseLeaderInspections = z.infer<typeof enterpriseLeaderInspectionsSchema>;

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]], { message: '行业领域不正确' });

/** One enterprise row of the office's overview: its months of the chosen campaign. */
export const leaderOverviewRowSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  months: z.array(leaderMonthCheckSchema),
  missingMonths: z.array(z.string()),
  signedCount: z.number().int(),
});
export type LeaderOverviewRow = z.infer<typeof leaderOverviewRowSchema>;

export const leaderOverviewSchema = z.object({
  asOf: z.string(),
  campaign: leaderCampaignRefSchema
    .extend({ months: z.array(z.string()), dueMonths: z.array(z.string()) })
    .nullable(),
  items: z.array(leaderOverviewRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type LeaderOverview = z.infer<typeof leaderOverviewSchema>;

// ---------------------------------------------------------------------------------------------
// Key periods (关键时间节点) and the leader on duty
// ---------------------------------------------------------------------------------------------

/** Longest key period the bureau may declare, in days. */
export const KEY_PERIOD_MAX_DAYS = 62;

/** Every day of a period, both ends inclusive. */
export function keyPeriodDays(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  for (let d = startDate; d <= endDate; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Where a key period stands on a date. */
export type KeyPeriodState = 'upcoming' | 'ongoing' | 'ended';
export const KEY_PERIOD_STATE_LABELS: Record<KeyPeriodState, { zh: string; en: string }> = {
  upcoming: { zh: '未开始', en: 'Upcoming' },
  ongoing: { zh: '进行中', en: 'Ongoing' },
  ended: { zh: '已结束', en: 'Ended' },
};

/** The state of a period on `date`. */
export function keyPeriodState(p: DateWindow, date: string): KeyPeriodState {
  if (date < p.startDate) return 'upcoming';
  return date > p.endDate ? 'ended' : 'ongoing';
}

/** A day of a key period for one enterprise. */
export type DutyDayState = 'checked_in' | 'missed' | 'today' | 'upcoming';
export const DUTY_DAY_STATE_LABELS: Record<DutyDayState, { zh: string; en: string }> = {
  checked_in: { zh: '已签到', en: 'Checked in' },
  missed: { zh: '未签到', en: 'Missed' },
  today: { zh: '今日待签到', en: 'Check in today' },
  upcoming: { zh: '未到', en: 'Upcoming' },
};

/**
 * A day's state on `date`: checked in; missed when the day has passed without a check-in (a day
 * can only be checked in on the day itself, so a missed day stays missed); today; or upcoming.
 */
export function dutyDayState(day: string, date: string, checkedIn: boolean): DutyDayState {
  if (checkedIn) return 'checked_in';
  if (day < date) return 'missed';
  return day === date ? 'today' : 'upcoming';
}

/**
 * The missed days ('YYYY-MM-DD', sorted, each once even when periods overlap) of some key
 * periods on `date`: days before `date` without a check-in, optionally limited to one year.
 */
export function missedKeyPeriodDays(
  periods: Iterable<DateWindow>,
  checkedInDays: Iterable<string>,
  date: string,
  year?: number,
): string[] {
  const checked = new Set(checkedInDays);
  const missed = new Set<string>();
  for (const p of periods) {
    for (const day of keyPeriodDays(p.startDate, p.endDate)) {
      if (day >= date) break;
      if (year !== undefined && Number(day.slice(0, 4)) !== year) continue;
      if (!checked.has(day)) missed.add(day);
    }
  }
  return [...missed].sort();
}

/** Why a check-in for `day` is refused on `today` (field message), or null when allowed. */
export function checkInRefusal(period: DateWindow, day: string, today: string): string | null {
  if (day < period.startDate || day > period.endDate) return '该日期不在关键时间节点内';
  if (day > today) return '不能提前签到';
  if (day < today) return '只能在当天签到，已过去的日期不能补签';
  return null;
}

function checkPeriodDates(
  v: { startDate: string; endDate: string; sectors?: Sector[] },
  ctx: z.RefinementCtx,
): void {
  if (v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  } else if (dayNumber(v.endDate) - dayNumber(v.startDate) + 1 > KEY_PERIOD_MAX_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: `关键时间节点最长${KEY_PERIOD_MAX_DAYS}天`,
    });
  }
  if (v.sectors && new Set(v.sectors).size !== v.sectors.length) {
    ctx.addIssue({ code: 'custom', path: ['sectors'], message: '行业领域重复' });
  }
}

const keyPeriodFields = {
  name: z.string().trim().min(2, { message: '请填写名称（如国庆节）' }).max(50),
  startDate: dateSchema,
  endDate: dateSchema,
  sectors: z.array(sectorEnum).min(1, { message: '请选择行业领域' }).max(SECTORS.length),
  note: z.string().trim().max(500).nullable().default(null),
};

/** Declaring a key period for the enterprises of the caller's territory and some sectors. */
export const keyPeriodInputSchema = z.strictObject(keyPeriodFields).superRefine(checkPeriodDates);
export type KeyPeriodInput = z.infer<typeof keyPeriodInputSchema>;

/** Editing a key period that has not started, with the version read. */
export const keyPeriodUpdateSchema = z
  .strictObject({ ...keyPeriodFields, version: z.number().int().min(1) })
  .superRefine(checkPeriodDates);
export type KeyPeriodUpdate = z.infer<typeof keyPeriodUpdateSchema>;

export const voidKeyPeriodSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(200),
  version: z.number().int().min(1),
});

/** The enterprise's roster of a period: the leader on duty for each day. */
export const dutyRosterInputSchema = z
  .strictObject({
    entries: z
      .array(
        z.strictObject({
          date: dateSchema,
          leaderName: z.string().trim().min(1, { message: '请填写值班负责人' }).max(50),
          leaderPhone: z
            .string()
            .trim()
            .regex(/^[0-9+\- ]{5,20}$/, { message: '电话格式不正确' })
            .nullable()
            .default(null),
        }),
      )
      .max(KEY_PERIOD_MAX_DAYS),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.entries.forEach((e, i) => {
      if (seen.has(e.date)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'date'], message: '日期重复' });
      }
      seen.add(e.date);
    });
  });
export type DutyRosterInput = z.infer<typeof dutyRosterInputSchema>;

/** The daily on-duty check-in (在岗签到), only on the day itself. */
export const dutyCheckInInputSchema = z.strictObject({
  date: dateSchema,
  personName: z.string().trim().min(1, { message: '请填写在岗负责人' }).max(50),
  note: z.string().trim().max(200).nullable().default(null),
});
export type DutyCheckInInput = z.infer<typeof dutyCheckInInputSchema>;

export const dutyDaySchema = z.object({
  date: z.string(),
  leaderName: z.string().nullable(),
  leaderPhone: z.string().nullable(),
  state: z.enum(['checked_in', 'missed', 'today', 'upcoming']),
  checkIn: z
    .object({
      personName: z.string(),
      at: z.string(),
      note: z.string().nullable(),
      byName: z.string(),
    })
    .nullable(),
});
export type DutyDay = z.infer<typeof dutyDaySchema>;

export const keyPeriodViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  sectors: z.array(sectorEnum),
  note: z.string().nullable(),
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  state: z.enum(['upcoming', 'ongoing', 'ended']),
  dayCount: z.number().int(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), void: z.boolean() }),
  /** One enterprise's duty in the period (enterprise users; staff on an enterprise page). */
  duty: z
    .object({
      enterpriseId: z.number().int(),
      days: z.array(dutyDaySchema),
      missedDays: z.number().int(),
      daysWithoutLeader: z.number().int(),
      canRecord: z.boolean(),
    })
    .nullable(),
  /** Figures over the enterprises the staff member answers for (staff lists). */
  stats: z
    .object({
      enterpriseCount: z.number().int(),
      enterprisesWithMissed: z.number().int(),
      missedDays: z.number().int(),
    })
    .nullable(),
});
export type KeyPeriodView = z.infer<typeof keyPeriodViewSchema>;

/** One enterprise's figures in a key period, for the office. */
export const keyPeriodEnterpriseRowSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  rosterDays: z.number().int(),
  checkedInDays: z.number().int(),
  missedDays: z.number().int(),
  missedDates: z.array(z.string()),
});
export type KeyPeriodEnterpriseRow = z.infer<typeof keyPeriodEnterpriseRowSchema>;

// ---------------------------------------------------------------------------------------------
// Safety production fund (安全生产费用, §四(三))
// ---------------------------------------------------------------------------------------------

/** The fund of one year: amounts extracted and spent, in yuan as typed. */
export const safetyFundInputSchema = z.strictObject({
  extractedYuan: yuanSchema,
  spentYuan: yuanSchema,
  note: z.string().trim().max(500).nullable().default(null),
  /** The version read; null when the year has no record yet. */
  version: z.number().int().min(1).nullable().default(null),
});
export type SafetyFundInput = z.infer<typeof safetyFundInputSchema>;

export const safetyFundViewSchema = z.object({
  year: z.number().int(),
  recorded: z.boolean(),
  extractedYuan: z.string().nullable(),
  spentYuan: z.string().nullable(),
  note: z.string().nullable(),
  /** Sum of the rectification funds in the plans of the ledger hazards found that year. */
  rectificationFundsYuan: z.string(),
  /** Hazards of that year whose plan states funds. */
  rectificationHazards: z.number().int(),
  /** Rectification funds exceed the amount spent (a hint, not a rule). */
  rectificationExceedsSpent: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type SafetyFundView = z.infer<typeof safetyFundViewSchema>;

export const enterpriseSafetyFundsSchema = z.object({
  enterpriseId: z.number().int(),
  items: z.array(safetyFundViewSchema),
  can: z.object({ edit: z.boolean() }),
});
export type EnterpriseSafetyFunds = z.infer<typeof enterpriseSafetyFundsSchema>;
