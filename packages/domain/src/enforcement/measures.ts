import { z } from 'zod';
import { dateSchema } from '../enterprise/enterprise.js';

// Measures against an enterprise beyond fines (issue 7 §6), and the on-site measures of
// 安全生产法第六十五条第一款第（三）项 (issue 7 §4). Each measure is a record with a date, a legal
// basis, a document number and the uploaded documents.
//
// Periods follow the civil-law counting (民法典第二百零一条、第二百零二条): the starting day is not
// counted, and a period in years ends on the corresponding date of the last year — or, when that
// month has no such day (29 February), on the last day of the month. So the leader's 5-year
// industry ban decided on 2026-03-10 runs through 2031-03-10 inclusive.

/** The date `years` after `date` on the corresponding day; 29 Feb → 28 Feb in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  const dd = String(Math.min(d, lastDay)).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${mm}-${dd}`;
}

/** Years of the main leader's industry ban after a closure (安全生产法第一百一十三条). */
export const LEADER_BAN_YEARS = 5;

/** The last day of the leader's 5-year ban: the decision date plus five years (inclusive). */
export function leaderBanEnd(decisionDate: string): string {
  return addYears(decisionDate, LEADER_BAN_YEARS);
}

/** Whether a ban decided on `decisionDate` is in force on `date` (both ends inclusive). */
export function isLeaderBanned(decisionDate: string, date: string): boolean {
  const d = date.slice(0, 10);
  return decisionDate.slice(0, 10) <= d && d <= leaderBanEnd(decisionDate);
}

// ---- Measures against the enterprise ----

/** Kinds of measure. */
export const EnforcementMeasureKind = {
  Notification: 'notification',
  Interview: 'interview',
  JointPunishment: 'joint_punishment',
  Suspension: 'suspension',
  ClosureProposal: 'closure_proposal',
  JudicialReferral: 'judicial_referral',
  DishonestyList: 'dishonesty_list',
} as const;
export type EnforcementMeasureKind =
  (typeof EnforcementMeasureKind)[keyof typeof EnforcementMeasureKind];
export const ENFORCEMENT_MEASURE_KINDS = Object.values(
  EnforcementMeasureKind,
) as readonly EnforcementMeasureKind[];
export const ENFORCEMENT_MEASURE_LABELS: Record<
  EnforcementMeasureKind,
  { zh: string; en: string }
> = {
  notification: { zh: '通报', en: 'Public notification' },
  interview: { zh: '约谈', en: 'Interview' },
  joint_punishment: { zh: '联合惩戒', en: 'Joint punishment' },
  suspension: { zh: '停产整顿', en: 'Suspension for rectification' },
  closure_proposal: { zh: '提请关闭', en: 'Closure proposal' },
  judicial_referral: { zh: '移送司法机关', en: 'Judicial referral' },
  dishonesty_list: { zh: '列入严重失信主体名单', en: 'Serious dishonesty list' },
};

/** The usual legal basis of each kind (pre-filled, editable; empty where local rules differ). */
export const ENFORCEMENT_MEASURE_DEFAULT_BASIS: Record<EnforcementMeasureKind, string> = {
  notification: '《安全生产法》第七十八条',
  interview: '',
  joint_punishment: '《安全生产法》第七十八条',
  suspension: '《安全生产法》第一百零二条',
  closure_proposal: '《安全生产法》第一百一十三条',
  judicial_referral: '《行政执法机关移送涉嫌犯罪案件的规定》',
  dishonesty_list: '《安全生产严重失信主体名单管理办法》（应急管理部令第11号）',
};

/** 联合惩戒 measures named by 安全生产法第七十八条. */
export const JOINT_PUNISHMENT_MEASURES = [
  'more_inspections',
  'project_approval_suspended',
  'insurance_rate_raised',
  'industry_ban',
  'other',
] as const;
export type JointPunishmentMeasure = (typeof JOINT_PUNISHMENT_MEASURES)[number];
export const JOINT_PUNISHMENT_MEASURE_LABELS: Record<
  JointPunishmentMeasure,
  { zh: string; en: string }
> = {
  more_inspections: { zh: '加大执法检查频次', en: 'More frequent inspections' },
  project_approval_suspended: { zh: '暂停项目审批', en: 'Project approvals suspended' },
  insurance_rate_raised: { zh: '上调有关保险费率', en: 'Insurance rates raised' },
  industry_ban: { zh: '行业或者职业禁入', en: 'Industry or occupational ban' },
  other: { zh: '其他惩戒措施', en: 'Other' },
};

/** Offences a case is referred to the judiciary for. */
export const REFERRAL_OFFENCES = [
  'dangerous_operation',
  'major_liability_accident',
  'forced_risky_operation',
  'other',
] as const;
export type ReferralOffence = (typeof REFERRAL_OFFENCES)[number];
export const REFERRAL_OFFENCE_LABELS: Record<
  ReferralOffence,
  { zh: string; en: string; article: string }
> = {
  dangerous_operation: {
    zh: '危险作业罪',
    en: 'Dangerous operation',
    article: '《刑法》第一百三十四条之一',
  },
  major_liability_accident: {
    zh: '重大责任事故罪',
    en: 'Major liability accident',
    article: '《刑法》第一百三十四条第一款',
  },
  forced_risky_operation: {
    zh: '强令、组织他人违章冒险作业罪',
    en: 'Forcing or organising risky operation',
    article: '《刑法》第一百三十四条第二款',
  },
  other: { zh: '其他犯罪', en: 'Other offence', article: '' },
};

/** The three cases of 危险作业罪 (刑法第一百三十四条之一). */
export const DANGEROUS_OPERATION_CLAUSES = ['1', '2', '3'] as const;
export type DangerousOperationClause = (typeof DANGEROUS_OPERATION_CLAUSES)[number];
export const DANGEROUS_OPERATION_CLAUSE_LABELS: Record<
  DangerousOperationClause,
  { zh: string; en: string }
> = {
  '1': {
    zh: '（一）关闭、破坏监控、报警、防护、救生设备、设施，或者篡改、隐瞒、销毁其相关数据、信息',
    en: '(1) Disabled monitoring, alarm or rescue equipment, or tampered with its data',
  },
  '2': {
    zh: '（二）因存在重大事故隐患被依法责令停产停业、停止施工、停止使用有关设备、设施、场所或者立即采取排除危险的整改措施，而拒不执行',
    en: '(2) Refused an order to stop or to eliminate a major hazard',
  },
  '3': {
    zh: '（三）未经依法批准或者许可，擅自从事高度危险的生产作业活动',
    en: '(3) Highly dangerous activities without approval or licence',
  },
};

/** Receiving organs of a referral. */
export const REFERRAL_ORGANS = [
  'public_security',
  'procuratorate',
  'supervision_commission',
] as const;
export type ReferralOrgan = (typeof REFERRAL_ORGANS)[number];
export const REFERRAL_ORGAN_LABELS: Record<ReferralOrgan, { zh: string; en: string }> = {
  public_security: { zh: '公安机关', en: 'Public security' },
  procuratorate: { zh: '人民检察院', en: 'Procuratorate' },
  supervision_commission: { zh: '监察机关', en: 'Supervision commission' },
};

/** Default management period of the dishonesty list (山西省制度口径 3 年; the national rule is unverified). */
export const DISHONESTY_LIST_DEFAULT_YEARS = 3;

const requiredText = (max: number, message: string) =>
  z.string().trim().min(1, { message }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** Fields every measure has. */
const measureBase = {
  enterpriseId: z.number().int().positive(),
  /** Decision or action date. */
  date: dateSchema,
  basis: requiredText(300, '请填写依据'),
  documentNo: optionalText(60),
  /** Uploaded documents (file ids). */
  documentIds: z.array(z.number().int().positive()).default([]),
  /** The penalty case or inspection record the measure follows from, if any. */
  penaltyCaseId: z.number().int().positive().nullable().default(null),
  note: optionalText(2000),
};

const notificationSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('notification'),
  /** 通报范围 (e.g. 全区安全生产系统、行业主管部门). */
  scope: requiredText(200, '请填写通报范围'),
});

const interviewSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('interview'),
  intervieweeName: requiredText(50, '请填写被约谈人'),
  intervieweePosition: optionalText(50),
  /** Who conducted the interview. */
  conductedBy: requiredText(100, '请填写约谈人'),
});

const jointPunishmentSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('joint_punishment'),
  measures: z
    .array(z.enum(JOINT_PUNISHMENT_MEASURES))
    .min(1, { message: '请选择至少一项惩戒措施' }),
  /** Departments notified to apply the measures. */
  departments: requiredText(300, '请填写联合惩戒的部门'),
});

const suspensionSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('suspension'),
  startDate: dateSchema,
  /** When resumption was approved after review; null while suspended. */
  liftedOn: dateSchema.nullable().default(null),
});

const closureProposalSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('closure_proposal'),
  /** The local government the closure is proposed to. */
  proposedTo: requiredText(100, '请填写提请的人民政府'),
  leaderName: requiredText(50, '请填写主要负责人姓名'),
  /** Decision date of the closure, from which the leader's 5-year ban runs; null until decided. */
  closureDecidedOn: dateSchema.nullable().default(null),
});

const judicialReferralSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('judicial_referral'),
  offence: z.enum(REFERRAL_OFFENCES),
  /** For 危险作业罪: which of its three cases. */
  dangerousOperationClause: z.enum(DANGEROUS_OPERATION_CLAUSES).nullable().default(null),
  organ: z.enum(REFERRAL_ORGANS),
  /** The receiving organ's case number once accepted. */
  receivingCaseNo: optionalText(60),
});

const dishonestyListSchema = z.strictObject({
  ...measureBase,
  kind: z.literal('dishonesty_list'),
  /** Date of entry on the list (usually the decision date). */
  entryDate: dateSchema,
  periodYears: z.number().int().min(1).max(10).default(DISHONESTY_LIST_DEFAULT_YEARS),
  /** Early or regular removal (移出); null while listed. */
  removalDate: dateSchema.nullable().default(null),
});

/** A measure against an enterprise: one discriminated union on `kind`. */
export const enforcementMeasureSchema = z
  .discriminatedUnion('kind', [
    notificationSchema,
    interviewSchema,
    jointPunishmentSchema,
    suspensionSchema,
    closureProposalSchema,
    judicialReferralSchema,
    dishonestyListSchema,
  ])
  .superRefine((m, ctx) => {
    switch (m.kind) {
      case 'suspension':
        if (m.liftedOn !== null && m.liftedOn < m.startDate) {
          ctx.addIssue({ code: 'custom', path: ['liftedOn'], message: '解除日期不能早于开始日期' });
        }
        return;
      case 'closure_proposal':
        if (m.closureDecidedOn !== null && m.closureDecidedOn < m.date) {
          ctx.addIssue({
            code: 'custom',
            path: ['closureDecidedOn'],
            message: '关闭决定日期不能早于提请日期',
          });
        }
        return;
      case 'judicial_referral':
        if (m.offence === 'dangerous_operation' && m.dangerousOperationClause === null) {
          ctx.addIssue({
            code: 'custom',
            path: ['dangerousOperationClause'],
            message: '危险作业罪须选择刑法第一百三十四条之一的具体情形',
          });
        }
        if (m.offence !== 'dangerous_operation' && m.dangerousOperationClause !== null) {
          ctx.addIssue({
            code: 'custom',
            path: ['dangerousOperationClause'],
            message: '只有危险作业罪需要选择情形',
          });
        }
        return;
      case 'dishonesty_list':
        if (m.removalDate !== null && m.removalDate < m.entryDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['removalDate'],
            message: '移出日期不能早于列入日期',
          });
        }
        return;
      case 'notification':
      case 'interview':
      case 'joint_punishment':
        return;
    }
  });
export type EnforcementMeasureInput = z.input<typeof enforcementMeasureSchema>;
export type EnforcementMeasure = z.output<typeof enforcementMeasureSchema>;

/** The leader's ban after a decided closure (first and last day), or null while undecided. */
export function closureLeaderBan(m: {
  closureDecidedOn: string | null;
}): { from: string; to: string } | null {
  if (m.closureDecidedOn === null) return null;
  return { from: m.closureDecidedOn, to: leaderBanEnd(m.closureDecidedOn) };
}

/** The last day of a dishonesty-list entry's management period (inclusive). */
export function dishonestyPeriodEnd(entry: { entryDate: string; periodYears: number }): string {
  return addYears(entry.entryDate, entry.periodYears);
}

/**
 * Whether an enterprise is on the serious-dishonesty list on `date`: from the entry date through
 * the end of the period, unless removed — on the removal day it is no longer listed.
 */
export function isOnDishonestyList(
  entry: { entryDate: string; periodYears: number; removalDate: string | null },
  date: string,
): boolean {
  const d = date.slice(0, 10);
  if (d < entry.entryDate) return false;
  if (entry.removalDate !== null && d >= entry.removalDate) return false;
  return d <= dishonestyPeriodEnd(entry);
}

/** Whether a 停产整顿 is in force on `date` (from its start until the day it is lifted, exclusive). */
export function isSuspensionActive(
  m: { startDate: string; liftedOn: string | null },
  date: string,
): boolean {
  const d = date.slice(0, 10);
  return m.startDate <= d && (m.liftedOn === null || d < m.liftedOn);
}

// ---- On-site measures (安全生产法第六十五条第一款第（三）项) ----

/** On-site measures when safety cannot be ensured before or while a major hazard is removed. */
export const OnSiteMeasureKind = {
  EvacuatePersonnel: 'evacuate_personnel',
  SuspendOperations: 'suspend_operations',
  StopUse: 'stop_use',
} as const;
export type OnSiteMeasureKind = (typeof OnSiteMeasureKind)[keyof typeof OnSiteMeasureKind];
export const ON_SITE_MEASURE_KINDS = Object.values(
  OnSiteMeasureKind,
) as readonly OnSiteMeasureKind[];
export const ON_SITE_MEASURE_LABELS: Record<OnSiteMeasureKind, { zh: string; en: string }> = {
  evacuate_personnel: { zh: '责令从危险区域内撤出作业人员', en: 'Evacuate personnel' },
  suspend_operations: { zh: '责令暂时停产停业', en: 'Suspend operations' },
  stop_use: { zh: '责令停止使用相关设施、设备', en: 'Stop using facilities or equipment' },
};
export const ON_SITE_MEASURE_BASIS = '《安全生产法》第六十五条第一款第（三）项';

/** An on-site measure, imposed during an inspection and lifted after review (经审查同意). */
export const onSiteMeasureSchema = z
  .strictObject({
    kind: z.enum(ON_SITE_MEASURE_KINDS as [OnSiteMeasureKind, ...OnSiteMeasureKind[]]),
    enterpriseId: z.number().int().positive(),
    inspectionRecordId: z.number().int().positive().nullable().default(null),
    hazardId: z.number().int().positive().nullable().default(null),
    /** The area, facility or equipment concerned. */
    subject: requiredText(200, '请填写涉及的区域、设施或设备'),
    basis: z.string().trim().min(1).max(300).default(ON_SITE_MEASURE_BASIS),
    documentNo: optionalText(60),
    imposedOn: dateSchema,
    liftedOn: dateSchema.nullable().default(null),
    liftNote: optionalText(1000),
  })
  .superRefine((m, ctx) => {
    if (m.liftedOn !== null && m.liftedOn < m.imposedOn) {
      ctx.addIssue({ code: 'custom', path: ['liftedOn'], message: '解除日期不能早于采取措施日期' });
    }
  });
export type OnSiteMeasureInput = z.input<typeof onSiteMeasureSchema>;
export type OnSiteMeasure = z.output<typeof onSiteMeasureSchema>;

/** Whether an on-site measure is in force on `date`: from imposition until the day it is lifted. */
export function isOnSiteMeasureActive(
  m: { imposedOn: string; liftedOn: string | null },
  date: string,
): boolean {
  const d = date.slice(0, 10);
  return m.imposedOn <= d && (m.liftedOn === null || d < m.liftedOn);
}
