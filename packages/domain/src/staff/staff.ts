import { z } from 'zod';
import { dateSchema } from '../enterprise/enterprise.js';
import { percentShare } from '../report/figures.js';
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  educationAtLeast,
  STAFF_QUALIFICATION_RULE,
  type StaffQualificationRule,
} from './qualification-rule.js';

export * from './qualification-rule.js';

// Enforcement staff records (执法人员, issue 10 item 3) and the qualification rule of the
// campaign plan §四(三): "确保具有安全生产相关专业学历和实践经验的执法人员不低于在职人员的75%".
// The rule's thresholds are data (STAFF_QUALIFICATION_RULE), so a different reading of the
// plan is a one-line change here, not a code change in the server or the web.

/** The facts of a person the rule looks at. */
export type StaffQualificationFacts = {
  education: EducationLevel;
  majorSafetyRelated: boolean;
  safetyYears: number;
};

/** Why a person is or is not qualified, part by part. */
export type StaffQualification = {
  qualified: boolean;
  safetyDegree: boolean;
  experienced: boolean;
};

/** Applies the rule to one person. */
export function staffQualification(
  facts: StaffQualificationFacts,
  rule: StaffQualificationRule = STAFF_QUALIFICATION_RULE,
): StaffQualification {
  const safetyDegree =
    facts.majorSafetyRelated && educationAtLeast(facts.education, rule.minEducation);
  const experienced = facts.safetyYears >= rule.minSafetyYears;
  const qualified =
    rule.combine === 'all' ? safetyDegree && experienced : safetyDegree || experienced;
  return { qualified, safetyDegree, experienced };
}

/** The qualified share of a group of in-service staff. */
export type QualifiedShare = {
  total: number;
  qualified: number;
  /** Percent, 1 decimal (half up); null with no staff. */
  percent: number | null;
  /** qualified/total ≥ floor, compared in integers so exactly 75 % meets a 75 % floor. */
  meetsFloor: boolean | null;
  floorPercent: number;
};

/** The share of qualified people among `qualified.length` staff; null values with no staff. */
export function qualifiedShare(
  counts: { total: number; qualified: number },
  floorPercent: number = STAFF_QUALIFICATION_RULE.floorPercent,
): QualifiedShare {
  const { total, qualified } = counts;
  if (qualified > total) throw new RangeError(`qualified (${qualified}) exceeds total (${total})`);
  return {
    total,
    qualified,
    percent: percentShare(qualified, total),
    // Integer comparison: 3 of 4 is exactly 75 % and meets the floor (no float rounding).
    meetsFloor: total === 0 ? null : qualified * 100 >= floorPercent * total,
    floorPercent,
  };
}

/** Counts a group of people through the rule. */
export function shareOfStaff(
  people: readonly StaffQualificationFacts[],
  rule: StaffQualificationRule = STAFF_QUALIFICATION_RULE,
): QualifiedShare {
  const qualified = people.filter((p) => staffQualification(p, rule).qualified).length;
  return qualifiedShare({ total: people.length, qualified }, rule.floorPercent);
}

// ---------------------------------------------------------------- API shapes

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/** An enforcement certificate number (执法证号): digits, letters and "-". */
const certificateNoSchema = z
  .string()
  .trim()
  .max(40, { message: '执法证号应为4-40位字母、数字或“-”', abort: true })
  .transform((v) => v.toUpperCase())
  .pipe(
    z.string().regex(/^[A-Z0-9][A-Z0-9-]{3,39}$/, { message: '执法证号应为4-40位字母、数字或“-”' }),
  );

const staffFields = z.strictObject({
  /** The unit the person works in (执法大队, an office or the district itself). */
  orgUnitId: z.number({ message: '请选择所在单位' }).int().positive({ message: '请选择所在单位' }),
  /** The user account, when the person has one (inspectors do). */
  userId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(2, { message: '请填写姓名' }).max(50),
  certificateNo: certificateNoSchema.nullable().default(null),
  certificateValidUntil: dateSchema.nullable().default(null),
  education: z.enum(EDUCATION_LEVELS, { message: '请选择学历' }),
  major: optionalText(100),
  majorSafetyRelated: z.boolean({ message: '请选择专业是否与安全生产相关' }),
  safetyYears: z
    .number({ message: '安全生产相关工作年限应为0-60的整数' })
    .int({ message: '安全生产相关工作年限应为0-60的整数' })
    .min(0, { message: '安全生产相关工作年限应为0-60的整数' })
    .max(60, { message: '安全生产相关工作年限应为0-60的整数' }),
});

function checkStaff(
  v: {
    certificateNo: string | null;
    certificateValidUntil: string | null;
    major: string | null;
    majorSafetyRelated: boolean;
  },
  ctx: z.RefinementCtx,
): void {
  if (v.majorSafetyRelated && !v.major) {
    ctx.addIssue({ code: 'custom', path: ['major'], message: '请填写所学专业' });
  }
}

export const staffInputSchema = staffFields.superRefine(checkStaff);
export type StaffInput = z.infer<typeof staffInputSchema>;
export const updateStaffSchema = staffFields
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkStaff);
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;

/** A record is voided (left the post, entered by mistake), never deleted. */
export const voidStaffSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写原因' }).max(500),
  version: z.number().int().min(1),
});

const shareSchema = z.object({
  total: z.number(),
  qualified: z.number(),
  percent: z.number().nullable(),
  meetsFloor: z.boolean().nullable(),
  floorPercent: z.number(),
});

export const staffViewSchema = z.object({
  id: z.number(),
  districtId: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  name: z.string(),
  certificateNo: z.string().nullable(),
  certificateValidUntil: z.string().nullable(),
  /** The certificate's last valid day is before today. */
  certificateExpired: z.boolean(),
  education: z.enum(EDUCATION_LEVELS),
  major: z.string().nullable(),
  majorSafetyRelated: z.boolean(),
  safetyYears: z.number(),
  qualified: z.boolean(),
  safetyDegree: z.boolean(),
  experienced: z.boolean(),
  /** Training hours in the current year (China calendar). */
  trainingHoursThisYear: z.number(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: z.number(),
});
export type StaffView = z.infer<typeof staffViewSchema>;

export const unitShareSchema = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  share: shareSchema,
});
export type UnitShare = z.infer<typeof unitShareSchema>;

export const staffListSchema = z.object({
  items: z.array(staffViewSchema),
  /** The share of the whole list (the district), then per unit. */
  share: shareSchema,
  units: z.array(unitShareSchema),
  rule: z.object({
    minEducation: z.enum(EDUCATION_LEVELS),
    minSafetyYears: z.number(),
    combine: z.enum(['all', 'any']),
    floorPercent: z.number(),
  }),
});
export type StaffList = z.infer<typeof staffListSchema>;

/** A user that can be linked to a new staff record (an inspector without one). */
export const linkableUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  certificateNo: z.string().nullable(),
});
export type LinkableUser = z.infer<typeof linkableUserSchema>;
