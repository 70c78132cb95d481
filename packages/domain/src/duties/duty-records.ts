import { z } from 'zod';
import { addDays } from '../campaign/campaign-progress.js';
import { SAFETY_AGENCY_KINDS, type SafetyAgencyKind } from '../enterprise/enterprise.js';
import { phoneSchema } from '../identity/user.js';
import { DRILLS_PER_YEAR } from './scorecard.js';

// Duties 2, 4 and 5 of the main leader (seed §二(一)2, 4, 5): the all-staff responsibility
// system, outsourcing / leasing contracts and emergency drills. The input schemas validate both
// the server routes and the web forms; the rules below decide what is flagged.

const date = z.iso.date({ message: '日期格式应为YYYY-MM-DD' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过${max}个字` });
const required = (message: string, max: number) => text(max).min(1, { message });
/** Optional text: blank becomes null. */
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null));
const optionalDate = date.nullable().default(null);
const versionField = { version: z.number().int().min(1) };

// --- Responsibility (§二(一)2) -------------------------------------------------------------------

/** Kinds of position, from the main leader to front-line staff (劳务派遣人员、实习生 included). */
export const DUTY_POSITION_CATEGORIES = [
  'main_leader',
  'deputy_leader',
  'management',
  'technical',
  'frontline',
  'dispatched',
  'intern',
] as const;
export type DutyPositionCategory = (typeof DUTY_POSITION_CATEGORIES)[number];
export const DUTY_POSITION_CATEGORY_LABELS: Record<
  DutyPositionCategory,
  { zh: string; en: string }
> = {
  main_leader: { zh: '主要负责人', en: 'Main leader' },
  deputy_leader: { zh: '分管负责人', en: 'Deputy leader' },
  management: { zh: '安全管理人员', en: 'Safety management' },
  technical: { zh: '专业技术人员', en: 'Technical staff' },
  frontline: { zh: '一线从业人员', en: 'Front-line staff' },
  dispatched: { zh: '劳务派遣人员', en: 'Dispatched workers' },
  intern: { zh: '实习生', en: 'Interns' },
};
/** Categories that count as front-line for the system's coverage. */
export const FRONTLINE_POSITION_CATEGORIES: readonly DutyPositionCategory[] = [
  'frontline',
  'dispatched',
  'intern',
];

export const dutyPositionInputSchema = z.strictObject({
  name: required('请填写岗位名称', 50),
  category: z.enum(DUTY_POSITION_CATEGORIES, { message: '请选择岗位类别' }),
  duties: required('请填写该岗位的安全生产责任', 4000),
});
export type DutyPositionInput = z.infer<typeof dutyPositionInputSchema>;
export const updateDutyPositionSchema = dutyPositionInputSchema.extend(versionField);

/** A deputy leader's safety duty list (分管负责人安全生产职责清单); the list may be a document. */
export const deputyDutyListInputSchema = z.strictObject({
  name: required('请填写分管负责人姓名', 50),
  title: optionalText(50),
  area: required('请填写分管领域', 200),
  duties: optionalText(4000),
});
export type DeputyDutyListInput = z.infer<typeof deputyDutyListInputSchema>;
export const updateDeputyDutyListSchema = deputyDutyListInputSchema.extend(versionField);

/** The campaign work list (本次专项行动工作清单); the content may be a document. */
export const campaignWorkListInputSchema = z.strictObject({
  title: required('请填写清单名称', 100),
  content: optionalText(8000),
});
export type CampaignWorkListInput = z.infer<typeof campaignWorkListInputSchema>;
export const updateCampaignWorkListSchema = campaignWorkListInputSchema.extend(versionField);

const checkPeriod = (
  v: { engagedFrom: string; engagedTo: string | null },
  ctx: z.RefinementCtx,
) => {
  if (v.engagedTo && v.engagedTo < v.engagedFrom) {
    ctx.addIssue({ code: 'custom', path: ['engagedTo'], message: '聘期结束不能早于开始' });
  }
};
const expertFields = z.strictObject({
  name: required('请填写专家姓名', 50),
  specialty: required('请填写专业领域', 100),
  organisation: optionalText(100),
  phone: phoneSchema.nullable().default(null),
  engagedFrom: date,
  engagedTo: optionalDate,
  scope: optionalText(500),
});
/** An expert engaged for technical guidance (聘请行业领域安全生产专家). */
export const engagedExpertInputSchema = expertFields.superRefine(checkPeriod);
export type EngagedExpertInput = z.infer<typeof engagedExpertInputSchema>;
export const updateEngagedExpertSchema = expertFields.extend(versionField).superRefine(checkPeriod);

/** Whether the registry's safety staffing meets §二(一)2 (an agency, or full- / part-time staff). */
export function hasSafetyAgencyOrStaff(
  agency: SafetyAgencyKind | null,
  staffCount: number | null,
): boolean {
  if (agency === 'none') return false;
  if (agency !== null) return true;
  return (staffCount ?? 0) > 0;
}

/**
 * Whether positions with duties form a responsibility system: it must reach from the main leader
 * to the front line (主要负责人到一线从业人员). Returns the ends still missing.
 */
export function responsibilityCoverageGaps(
  positions: readonly { category: DutyPositionCategory }[],
): ('main_leader' | 'frontline')[] {
  const gaps: ('main_leader' | 'frontline')[] = [];
  if (!positions.some((p) => p.category === 'main_leader')) gaps.push('main_leader');
  if (!positions.some((p) => FRONTLINE_POSITION_CATEGORIES.includes(p.category)))
    gaps.push('frontline');
  return gaps;
}

/** The system is in place when a document is uploaded or the positions cover both ends. */
export function hasResponsibilitySystem(
  positions: readonly { category: DutyPositionCategory }[],
  documents: number,
): boolean {
  return (
    documents > 0 || (positions.length > 0 && responsibilityCoverageGaps(positions).length === 0)
  );
}

/** The 包保 roles of a major hazard source (registry) whose person is not named. */
export const GUARANTOR_ROLES = ['leader', 'technical', 'operations'] as const;
export type GuarantorRole = (typeof GUARANTOR_ROLES)[number];
export const GUARANTOR_ROLE_LABELS: Record<GuarantorRole, { zh: string; en: string }> = {
  leader: { zh: '主要负责人', en: 'Main leader' },
  technical: { zh: '技术负责人', en: 'Technical lead' },
  operations: { zh: '操作负责人', en: 'Operations lead' },
};
/** The roles of a hazard source without a named 包保 person. */
export function missingGuarantors(source: Record<GuarantorRole, string | null>): GuarantorRole[] {
  return GUARANTOR_ROLES.filter((r) => !source[r]?.trim());
}

/** Whether an expert is engaged on `date` (inclusive period; open-ended when no end). */
export function isExpertEngaged(
  e: { engagedFrom: string; engagedTo: string | null },
  on: string,
): boolean {
  return e.engagedFrom <= on && (e.engagedTo === null || on <= e.engagedTo);
}

// --- Outsourcing and leasing (§二(一)4) ----------------------------------------------------------

export const OUTSOURCING_KINDS = ['outsource', 'lease', 'entrust', 'cooperate'] as const;
export type OutsourcingKind = (typeof OUTSOURCING_KINDS)[number];
export const OUTSOURCING_KIND_LABELS: Record<OutsourcingKind, { zh: string; en: string }> = {
  outsource: { zh: '外包', en: 'Outsourcing' },
  lease: { zh: '外租', en: 'Leasing' },
  entrust: { zh: '委托', en: 'Entrustment' },
  cooperate: { zh: '合作', en: 'Cooperation' },
};
export const OUTSOURCING_SCOPE_KINDS = ['project', 'premises'] as const;
export type OutsourcingScopeKind = (typeof OUTSOURCING_SCOPE_KINDS)[number];
export const OUTSOURCING_SCOPE_LABELS: Record<OutsourcingScopeKind, { zh: string; en: string }> = {
  project: { zh: '生产经营项目', en: 'Project' },
  premises: { zh: '场所', en: 'Premises' },
};

const contractFields = z.strictObject({
  kind: z.enum(OUTSOURCING_KINDS, { message: '请选择方式（外包/外租/委托/合作）' }),
  counterparty: required('请填写承包或承租单位', 100),
  scopeKind: z.enum(OUTSOURCING_SCOPE_KINDS, { message: '请选择项目或场所' }),
  scope: required('请填写外包外租的项目或场所', 500),
  startDate: optionalDate,
  endDate: optionalDate,
  qualificationName: optionalText(100),
  qualificationNumber: optionalText(100),
  qualificationExpiry: optionalDate,
  agreementSignedOn: optionalDate,
  dutiesDefined: z.boolean({ message: '请选择是否明确安全生产管理职责' }),
  dutiesText: optionalText(4000),
});
type ContractFields = z.infer<typeof contractFields>;
const checkContract = (v: ContractFields, ctx: z.RefinementCtx) => {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '合同结束日期不能早于开始日期' });
  }
  if (v.dutiesDefined && !v.dutiesText) {
    ctx.addIssue({
      code: 'custom',
      path: ['dutiesText'],
      message: '已明确安全生产管理职责的，请填写职责约定内容',
    });
  }
  if ((v.qualificationNumber || v.qualificationExpiry) && !v.qualificationName) {
    ctx.addIssue({ code: 'custom', path: ['qualificationName'], message: '请填写资质名称' });
  }
};
/** An outsourcing / leasing contract (外包 / 外租 / 委托 / 合作). */
export const outsourcingContractInputSchema = contractFields.superRefine(checkContract);
export type OutsourcingContractInput = z.infer<typeof outsourcingContractInputSchema>;
export const updateOutsourcingContractSchema = contractFields
  .extend(versionField)
  .superRefine(checkContract);

/** Ending a contract: it stays on record but is no longer active. */
export const endOutsourcingContractSchema = z.strictObject({
  endedOn: date,
  reason: optionalText(200),
  ...versionField,
});

/** A periodic safety check of an outsourced project or leased premises (定期进行安全检查). */
export const outsourcingCheckInputSchema = z.strictObject({
  checkDate: date,
  checkedBy: required('请填写检查人员', 100),
  findings: required('请填写检查发现的问题（无问题请填写“未发现问题”）', 2000),
  rectification: optionalText(2000),
});
export type OutsourcingCheckInput = z.infer<typeof outsourcingCheckInputSchema>;

/** The comprehensive check of all outsourcing / leasing (至少组织开展1次全面排查). */
export const outsourcingReviewInputSchema = z.strictObject({
  checkDate: date,
  scope: required('请填写排查范围', 500),
  contractIds: z
    .array(z.number().int().positive())
    .max(500)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: '合同重复' }),
  findings: required('请填写排查发现的问题（无问题请填写“未发现问题”）', 4000),
  actions: optionalText(4000),
});
export type OutsourcingReviewInput = z.infer<typeof outsourcingReviewInputSchema>;
export const updateOutsourcingReviewSchema = outsourcingReviewInputSchema.extend(versionField);

/** Months after which an active contract without a periodic check is flagged (a warning). */
export const OUTSOURCING_CHECK_MONTHS = 3;
/** Days before a qualification expires that it is flagged (a warning). */
export const QUALIFICATION_WARNING_DAYS = 30;

/** Problems make a contract non-compliant (counted on the scorecard). */
export const CONTRACT_PROBLEMS = [
  'qualification_missing',
  'qualification_expired',
  'no_safety_agreement',
  'agreement_not_uploaded',
  'duties_not_defined',
] as const;
/** Warnings are shown on the contract but do not count on the scorecard. */
export const CONTRACT_WARNINGS = [
  'qualification_expiring',
  'no_recent_check',
  'term_ended',
] as const;
export type ContractProblem = (typeof CONTRACT_PROBLEMS)[number];
export type ContractWarning = (typeof CONTRACT_WARNINGS)[number];

export const CONTRACT_FLAG_LABELS: Record<
  ContractProblem | ContractWarning,
  { zh: string; en: string }
> = {
  qualification_missing: { zh: '未取得相应资质', en: 'No qualification on record' },
  qualification_expired: { zh: '资质已于 {date} 过期', en: 'Qualification expired on {date}' },
  no_safety_agreement: { zh: '未签订安全生产协议', en: 'No safety agreement signed' },
  agreement_not_uploaded: {
    zh: '安全生产协议未上传',
    en: 'The signed safety agreement is not uploaded',
  },
  duties_not_defined: { zh: '安全生产管理职责不清', en: 'Safety duties not defined' },
  qualification_expiring: {
    zh: '资质将于 {date} 到期',
    en: 'Qualification expires on {date}',
  },
  no_recent_check: {
    zh: '近 {months} 个月未进行安全检查',
    en: 'No safety check in the last {months} months',
  },
  term_ended: {
    zh: '合同期限已于 {date} 届满，如已终止请标记终止',
    en: 'The term ended on {date}; mark the contract ended if it is',
  },
};

export type ContractFlag<C extends string> = { code: C; detail?: Record<string, string | number> };

/** What the contract rules read. */
export type ContractFacts = {
  qualificationName: string | null;
  qualificationNumber: string | null;
  qualificationExpiry: string | null;
  agreementSignedOn: string | null;
  agreementDocuments: number;
  dutiesDefined: boolean;
  dutiesText: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Day the contract was recorded (YYYY-MM-DD), when it has no start date. */
  recordedOn: string;
  /** The latest periodic check (YYYY-MM-DD) on or before the evaluation day. */
  lastCheckDate: string | null;
};

/** The same day `months` earlier (clamped to the month's end: 05-31 − 3 months = 02-28/29). */
function monthsEarlier(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * The problems and warnings of an active contract on `on` (YYYY-MM-DD). A qualification must be
 * named with its number and not have expired; a safety agreement must be signed (date) and its
 * signed copy uploaded; duties must be defined. A contract with no periodic check for
 * OUTSOURCING_CHECK_MONTHS (counted from its start, or from when it was recorded) is warned about,
 * as is a qualification expiring within QUALIFICATION_WARNING_DAYS and a term already passed.
 */
export function outsourcingContractFlags(
  c: ContractFacts,
  on: string,
): { problems: ContractFlag<ContractProblem>[]; warnings: ContractFlag<ContractWarning>[] } {
  const problems: ContractFlag<ContractProblem>[] = [];
  const warnings: ContractFlag<ContractWarning>[] = [];
  if (!c.qualificationName || !c.qualificationNumber) {
    problems.push({ code: 'qualification_missing' });
  } else if (c.qualificationExpiry && c.qualificationExpiry < on) {
    problems.push({ code: 'qualification_expired', detail: { date: c.qualificationExpiry } });
  } else if (
    c.qualificationExpiry &&
    c.qualificationExpiry <= addDays(on, QUALIFICATION_WARNING_DAYS)
  ) {
    warnings.push({ code: 'qualification_expiring', detail: { date: c.qualificationExpiry } });
  }
  if (!c.agreementSignedOn) problems.push({ code: 'no_safety_agreement' });
  else if (c.agreementDocuments === 0) problems.push({ code: 'agreement_not_uploaded' });
  if (!c.dutiesDefined || !c.dutiesText) problems.push({ code: 'duties_not_defined' });
  const since = c.lastCheckDate ?? c.startDate ?? c.recordedOn;
  if (since < monthsEarlier(on, OUTSOURCING_CHECK_MONTHS)) {
    warnings.push({ code: 'no_recent_check', detail: { months: OUTSOURCING_CHECK_MONTHS } });
  }
  if (c.endDate && c.endDate < on)
    warnings.push({ code: 'term_ended', detail: { date: c.endDate } });
  return { problems, warnings };
}

/** Whether a contract is active on `on`: not ended by then. */
export function isContractActive(c: { endedOn: string | null }, on: string): boolean {
  return c.endedOn === null || c.endedOn > on;
}

// --- Emergency drills (§二(一)5) -----------------------------------------------------------------

export const DRILL_TYPES = ['comprehensive', 'special', 'onsite'] as const;
export type DrillType = (typeof DRILL_TYPES)[number];
export const DRILL_TYPE_LABELS: Record<DrillType, { zh: string; en: string }> = {
  comprehensive: { zh: '综合应急预案演练', en: 'Comprehensive plan drill' },
  special: { zh: '专项应急预案演练', en: 'Special plan drill' },
  onsite: { zh: '现场处置方案演练', en: 'On-site procedure drill' },
};

/** An emergency rescue drill (事故应急救援预案演练). */
export const emergencyDrillInputSchema = z.strictObject({
  scenario: required('请填写演练情景（事故类型、地点）', 200),
  drillType: z.enum(DRILL_TYPES, { message: '演练类型不正确' }).nullable().default(null),
  drillDate: date,
  participants: z
    .number({ message: '请填写参演人数' })
    .int({ message: '参演人数应为整数' })
    .min(1, { message: '参演人数至少为1人' })
    .max(100_000, { message: '参演人数过大' }),
  equipmentUsed: optionalText(1000),
  equipmentAdded: optionalText(1000),
  evaluation: optionalText(4000),
  improvements: optionalText(4000),
});
export type EmergencyDrillInput = z.infer<typeof emergencyDrillInputSchema>;
export const updateEmergencyDrillSchema = emergencyDrillInputSchema.extend(versionField);

/**
 * Drills held in the calendar year of `asOf` up to that day. A drill counts for the year of its
 * own date: one on 12-31 belongs to that year, one on 01-01 to the next.
 */
export function drillsInYear(drillDates: readonly string[], asOf: string): number {
  const year = asOf.slice(0, 4);
  return drillDates.filter((d) => d.slice(0, 4) === year && d <= asOf).length;
}

/** The year's drill figure: how many, how many are required, whether it is short. */
export function drillYearStatus(count: number): {
  count: number;
  required: number;
  short: boolean;
} {
  return { count, required: DRILLS_PER_YEAR, short: count < DRILLS_PER_YEAR };
}

// --- Files ------------------------------------------------------------------------------------

/** What a file of these records belongs to; some hang on a record, the rest on the enterprise. */
export const DUTY_FILE_OWNERS = [
  'responsibility_system',
  'deputy_duty_list',
  'work_list',
  'contract_agreement',
  'contract_qualification',
  'outsourcing_review',
  'drill',
  'emergency_plan',
] as const;
export type DutyFileOwner = (typeof DUTY_FILE_OWNERS)[number];
/** Owners that are the enterprise itself (no record id). */
export const ENTERPRISE_FILE_OWNERS: readonly DutyFileOwner[] = [
  'responsibility_system',
  'emergency_plan',
];
/** Owners that also take photos (JPEG/PNG/WebP); the rest take PDF/Word/Excel documents only. */
export const PHOTO_FILE_OWNERS: readonly DutyFileOwner[] = ['drill', 'outsourcing_review'];
/** Most files on one owner. */
export const MAX_DUTY_FILES = 20;

/** Voiding a file uploaded by mistake or replaced (files have no version: they never change). */
export const voidDutyFileSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(200),
});

export const dutyFileSchema = z.object({
  id: z.number(),
  owner: z.enum(DUTY_FILE_OWNERS),
  ownerId: z.number().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type DutyFile = z.infer<typeof dutyFileSchema>;

// --- API views --------------------------------------------------------------------------------

const recordBase = { id: z.number(), version: z.number(), updatedAt: z.string() };
const flagSchema = <C extends readonly [string, ...string[]]>(codes: C) =>
  z.object({
    code: z.enum(codes),
    detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  });

export const responsibilityFactsSchema = z.object({
  responsibilitySystem: z.boolean(),
  deputyDutyLists: z.number(),
  campaignWorkList: z.boolean(),
  majorSourcesWithoutGuarantor: z.number(),
  safetyAgencyOrStaff: z.boolean(),
  experts: z.number(),
});

export const responsibilityViewSchema = z.object({
  canEdit: z.boolean(),
  asOf: z.string(),
  positions: z.array(
    z.object({
      ...recordBase,
      name: z.string(),
      category: z.enum(DUTY_POSITION_CATEGORIES),
      duties: z.string(),
    }),
  ),
  coverageGaps: z.array(z.enum(['main_leader', 'frontline'])),
  systemDocuments: z.array(dutyFileSchema),
  deputies: z.array(
    z.object({
      ...recordBase,
      name: z.string(),
      title: z.string().nullable(),
      area: z.string(),
      duties: z.string().nullable(),
      files: z.array(dutyFileSchema),
      listed: z.boolean(),
    }),
  ),
  workLists: z.array(
    z.object({
      ...recordBase,
      year: z.number(),
      campaignId: z.number().nullable(),
      campaignName: z.string().nullable(),
      title: z.string(),
      content: z.string().nullable(),
      files: z.array(dutyFileSchema),
    }),
  ),
  experts: z.array(
    z.object({
      ...recordBase,
      name: z.string(),
      specialty: z.string(),
      organisation: z.string().nullable(),
      phone: z.string().nullable(),
      engagedFrom: z.string(),
      engagedTo: z.string().nullable(),
      scope: z.string().nullable(),
      engagedNow: z.boolean(),
    }),
  ),
  majorSources: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      level: z.number(),
      leader: z.string(),
      technical: z.string(),
      operations: z.string(),
      missing: z.array(z.enum(GUARANTOR_ROLES)),
    }),
  ),
  safety: z.object({
    agency: z.enum(SAFETY_AGENCY_KINDS).nullable(),
    staffCount: z.number().nullable(),
    met: z.boolean(),
  }),
  facts: responsibilityFactsSchema,
});
export type ResponsibilityView = z.infer<typeof responsibilityViewSchema>;

export const outsourcingCheckViewSchema = z.object({
  ...recordBase,
  contractId: z.number(),
  checkDate: z.string(),
  checkedBy: z.string(),
  findings: z.string(),
  rectification: z.string().nullable(),
});

export const outsourcingContractViewSchema = z.object({
  ...recordBase,
  kind: z.enum(OUTSOURCING_KINDS),
  counterparty: z.string(),
  scopeKind: z.enum(OUTSOURCING_SCOPE_KINDS),
  scope: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  qualificationName: z.string().nullable(),
  qualificationNumber: z.string().nullable(),
  qualificationExpiry: z.string().nullable(),
  agreementSignedOn: z.string().nullable(),
  dutiesDefined: z.boolean(),
  dutiesText: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  active: z.boolean(),
  problems: z.array(flagSchema(CONTRACT_PROBLEMS)),
  warnings: z.array(flagSchema(CONTRACT_WARNINGS)),
  checks: z.array(outsourcingCheckViewSchema),
  files: z.array(dutyFileSchema),
});
export type OutsourcingContractView = z.infer<typeof outsourcingContractViewSchema>;

export const outsourcingViewSchema = z.object({
  canEdit: z.boolean(),
  asOf: z.string(),
  contracts: z.array(outsourcingContractViewSchema),
  reviews: z.array(
    z.object({
      ...recordBase,
      checkDate: z.string(),
      scope: z.string(),
      contractIds: z.array(z.number()),
      findings: z.string(),
      actions: z.string().nullable(),
      files: z.array(dutyFileSchema),
    }),
  ),
  facts: z.object({
    contracts: z.number(),
    contractsWithProblems: z.number(),
    comprehensiveCheckDone: z.boolean(),
  }),
});
export type OutsourcingView = z.infer<typeof outsourcingViewSchema>;

export const emergencyDrillViewSchema = z.object({
  ...recordBase,
  scenario: z.string(),
  drillType: z.enum(DRILL_TYPES).nullable(),
  drillDate: z.string(),
  participants: z.number(),
  equipmentUsed: z.string().nullable(),
  equipmentAdded: z.string().nullable(),
  evaluation: z.string().nullable(),
  improvements: z.string().nullable(),
  files: z.array(dutyFileSchema),
});
export type EmergencyDrillView = z.infer<typeof emergencyDrillViewSchema>;

export const drillsViewSchema = z.object({
  canEdit: z.boolean(),
  asOf: z.string(),
  /** The year listed. */
  year: z.number(),
  drills: z.array(emergencyDrillViewSchema),
  /** Drills per year, newest year first (for the year picker). */
  years: z.array(z.object({ year: z.number(), count: z.number() })),
  /** The listed year's count against the requirement. */
  status: z.object({ count: z.number(), required: z.number(), short: z.boolean() }),
  plans: z.array(dutyFileSchema),
  facts: z.object({ drillsThisYear: z.number(), emergencyPlanAttached: z.boolean() }),
});
export type DrillsView = z.infer<typeof drillsViewSchema>;
