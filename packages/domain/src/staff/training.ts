import { z } from 'zod';
import { dateSchema, idNumberSchema } from '../enterprise/enterprise.js';
import { phoneSchema } from '../identity/user.js';
import { OPERATION_CATEGORIES } from '../duties/hazardous-work-records.js';

// Training (issue 10 item 3): the brigade's topic training of its enforcement staff (seed
// §二(二)2, 监管执法人员专题培训) with each person's hours per year, and the bureau's
// special-operation training and certification service for enterprises (seed §二(二)4,
// 特种作业人员培训和考核发证服务): a session is announced, enterprises enrol their own people
// before the deadline and within the capacity, the bureau records the assessment and a pass
// puts the certificate in the enterprise's special-operation certificate list.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/** Hours with at most one decimal (kept as tenths in the database). */
const hoursSchema = z
  .number({ message: '学时应为0.5-200之间的数，最多1位小数' })
  .min(0.5, { message: '学时应为0.5-200之间的数，最多1位小数' })
  .max(200, { message: '学时应为0.5-200之间的数，最多1位小数' })
  .refine((h) => Math.abs(Math.round(h * 10) - h * 10) < 1e-9, {
    message: '学时应为0.5-200之间的数，最多1位小数',
  });

/** Hours ↔ tenths of an hour (integer storage, like money in fen). */
export function hoursToTenths(hours: number): number {
  return Math.round(hours * 10);
}
export function tenthsToHours(tenths: number): number {
  return tenths / 10;
}

// ---------------------------------------------------------------- staff training

const staffTrainingFields = z.strictObject({
  topic: z.string().trim().min(2, { message: '请填写培训主题' }).max(200),
  heldOn: dateSchema,
  hours: hoursSchema,
  trainer: z.string().trim().min(2, { message: '请填写授课人' }).max(100),
  place: optionalText(200),
  content: optionalText(2000),
  /** Staff record ids of the people who attended. */
  attendeeIds: z.array(z.number().int().positive()).max(500).default([]),
});

export const staffTrainingInputSchema = staffTrainingFields;
export type StaffTrainingInput = z.infer<typeof staffTrainingInputSchema>;
export const updateStaffTrainingSchema = staffTrainingFields.extend({
  version: z.number().int().min(1),
});
export type UpdateStaffTrainingInput = z.infer<typeof updateStaffTrainingSchema>;

export const voidTrainingSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写原因' }).max(500),
  version: z.number().int().min(1),
});

export const trainingAttendeeSchema = z.object({
  staffId: z.number(),
  name: z.string(),
  orgUnitName: z.string(),
});

export const staffTrainingViewSchema = z.object({
  id: z.number(),
  districtId: z.number(),
  topic: z.string(),
  heldOn: z.string(),
  hours: z.number(),
  trainer: z.string(),
  place: z.string().nullable(),
  content: z.string().nullable(),
  attendees: z.array(trainingAttendeeSchema),
  createdByName: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: z.number(),
});
export type StaffTrainingView = z.infer<typeof staffTrainingViewSchema>;

/** One person's training record: hours per year and the sessions attended. */
export const staffTrainingRecordSchema = z.object({
  years: z.array(z.object({ year: z.number(), hours: z.number(), sessions: z.number() })),
  sessions: z.array(
    z.object({
      trainingId: z.number(),
      topic: z.string(),
      heldOn: z.string(),
      hours: z.number(),
      trainer: z.string(),
    }),
  ),
});
export type StaffTrainingRecord = z.infer<typeof staffTrainingRecordSchema>;

/** Sums attended sessions per calendar year (China dates), newest year first. */
export function trainingHoursByYear(
  sessions: readonly { heldOn: string; hours: number }[],
): { year: number; hours: number; sessions: number }[] {
  const byYear = new Map<number, { tenths: number; sessions: number }>();
  for (const s of sessions) {
    const year = Number(s.heldOn.slice(0, 4));
    const entry = byYear.get(year) ?? { tenths: 0, sessions: 0 };
    // Sum in tenths so 0.1 + 0.2 stays exact.
    entry.tenths += hoursToTenths(s.hours);
    entry.sessions += 1;
    byYear.set(year, entry);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, e]) => ({ year, hours: tenthsToHours(e.tenths), sessions: e.sessions }));
}

// ---------------------------------------------------------------- special-operation training

const operationTrainingFields = z.strictObject({
  title: z.string().trim().min(2, { message: '请填写培训班名称' }).max(200),
  category: z.enum(OPERATION_CATEGORIES, { message: '请选择作业类别' }),
  operationItem: optionalText(100),
  startsOn: dateSchema,
  place: z.string().trim().min(2, { message: '请填写培训地点' }).max(200),
  capacity: z
    .number({ message: '名额应为1-500的整数' })
    .int({ message: '名额应为1-500的整数' })
    .min(1, { message: '名额应为1-500的整数' })
    .max(500, { message: '名额应为1-500的整数' }),
  enrolDeadline: dateSchema,
  note: optionalText(2000),
});

function checkOperationTraining(
  v: { startsOn: string; enrolDeadline: string },
  ctx: z.RefinementCtx,
): void {
  if (v.enrolDeadline > v.startsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['enrolDeadline'],
      message: '报名截止日期不能晚于开班日期',
    });
  }
}

export const operationTrainingInputSchema =
  operationTrainingFields.superRefine(checkOperationTraining);
export type OperationTrainingInput = z.infer<typeof operationTrainingInputSchema>;
export const updateOperationTrainingSchema = operationTrainingFields
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkOperationTraining);
export type UpdateOperationTrainingInput = z.infer<typeof updateOperationTrainingSchema>;

/** An enterprise enrols one of its own people (the enterprise is the caller's). */
export const enrolmentInputSchema = z.strictObject({
  personName: z.string().trim().min(2, { message: '请填写学员姓名' }).max(50),
  idNumber: idNumberSchema,
  phone: phoneSchema.nullable().default(null),
  /** The person's post (岗位), e.g. 电焊工. */
  post: optionalText(100),
});
export type EnrolmentInput = z.infer<typeof enrolmentInputSchema>;

export const withdrawEnrolmentSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写撤回原因' }).max(500),
  version: z.number().int().min(1),
});

export const ASSESSMENT_RESULTS = ['pass', 'fail'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export const ASSESSMENT_RESULT_LABELS: Record<AssessmentResult, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

/** The bureau records the assessment; a pass carries the certificate issued. */
export const assessmentInputSchema = z
  .strictObject({
    result: z.enum(ASSESSMENT_RESULTS, { message: '请选择考核结果' }),
    score: z
      .number({ message: '成绩应为0-100的整数' })
      .int({ message: '成绩应为0-100的整数' })
      .min(0, { message: '成绩应为0-100的整数' })
      .max(100, { message: '成绩应为0-100的整数' })
      .nullable()
      .default(null),
    certificateNo: z
      .string()
      .trim()
      .max(40, { message: '证号应为4-40位字母、数字或“-”', abort: true })
      .transform((v) => v.toUpperCase())
      .pipe(
        z.string().regex(/^[A-Z0-9][A-Z0-9-]{3,39}$/, { message: '证号应为4-40位字母、数字或“-”' }),
      )
      .nullable()
      .default(null),
    issuedOn: dateSchema.nullable().default(null),
    validUntil: dateSchema.nullable().default(null),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.result !== 'pass') return;
    if (!v.certificateNo)
      ctx.addIssue({ code: 'custom', path: ['certificateNo'], message: '考核合格须填写证号' });
    if (!v.issuedOn)
      ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: '考核合格须填写发证日期' });
    if (!v.validUntil)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '考核合格须填写有效期' });
    if (v.issuedOn && v.validUntil && v.issuedOn > v.validUntil)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期不能早于发证日期' });
  });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const enrolmentViewSchema = z.object({
  id: z.number(),
  trainingId: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  personName: z.string(),
  /** Masked (first 4 and last 4 characters). */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  post: z.string().nullable(),
  enrolledByName: z.string(),
  enrolledAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  result: z.enum(ASSESSMENT_RESULTS).nullable(),
  score: z.number().nullable(),
  assessedAt: z.string().nullable(),
  certificateId: z.number().nullable(),
  certificateNo: z.string().nullable(),
  version: z.number(),
});
export type EnrolmentView = z.infer<typeof enrolmentViewSchema>;

export const operationTrainingViewSchema = z.object({
  id: z.number(),
  districtId: z.number(),
  title: z.string(),
  category: z.enum(OPERATION_CATEGORIES),
  operationItem: z.string().nullable(),
  startsOn: z.string(),
  place: z.string(),
  capacity: z.number(),
  enrolDeadline: z.string(),
  note: z.string().nullable(),
  /** Enrolments not withdrawn (all enterprises), against the capacity. */
  enrolled: z.number(),
  /** Open for enrolment today: before the deadline, not full, not cancelled. */
  open: z.boolean(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: z.number(),
});
export type OperationTrainingView = z.infer<typeof operationTrainingViewSchema>;

export const operationTrainingDetailSchema = operationTrainingViewSchema.extend({
  /** The bureau sees every enrolment; an enterprise only its own. */
  enrolments: z.array(enrolmentViewSchema),
});
export type OperationTrainingDetail = z.infer<typeof operationTrainingDetailSchema>;

/**
 * Why an enrolment is refused on `today`, or null when it may go ahead: the deadline is the
 * last day to enrol (inclusive); active enrolments of all enterprises count against capacity.
 */
export function enrolmentRefusal(
  training: { enrolDeadline: string; capacity: number; enrolled: number; cancelled: boolean },
  today: string,
): { path: string; message: string } | null {
  if (training.cancelled) return { path: 'trainingId', message: '该培训班已取消' };
  if (today > training.enrolDeadline) {
    return {
      path: 'enrolDeadline',
      message: `报名已截止（截止日期${training.enrolDeadline}）`,
    };
  }
  if (training.enrolled >= training.capacity) {
    return { path: 'capacity', message: `名额已满（共${training.capacity}人）` };
  }
  return null;
}
