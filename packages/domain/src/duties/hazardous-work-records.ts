import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { addDays, dayNumber } from '../campaign/campaign-progress.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { CERTIFICATE_WARNING_DAYS } from './scorecard.js';

// The records of duty 3 besides hot-work permits (seed §二(一)3): the welding-equipment check
// (电气焊设备全面安全检查), special-operation certificates (特种作业操作证, "谁招请无证人员，谁负责任"),
// the all-staff warning education (全员安全警示教育) and the one-off check of hazardous-operation
// staff (危险作业人员全面排查). Re-exported by hazardous-work.ts.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));
const count = (message: string, min = 0) =>
  z.number({ message }).int({ message }).min(min, { message }).max(100_000, { message });

/** Voiding a record entered by mistake (records are never deleted). */
export const hazardousWorkVoidSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(500),
});

// ---------------------------------------------------------------- welding-equipment checks

/** One check of the electric / gas welding equipment. */
export const weldingCheckInputSchema = z
  .strictObject({
    checkedOn: dateSchema,
    equipmentCount: count('检查设备台数应为1以上的整数', 1),
    /** What was checked (types, numbers). */
    equipmentList: optionalText(2000),
    problems: optionalText(2000),
    actionsTaken: optionalText(2000),
    /** Equipment taken out of use (淘汰、报废). */
    retiredCount: count('淘汰设备台数应为0以上的整数').default(0),
    checkedBy: z.string().trim().min(2, { message: '请填写检查人员' }).max(100),
  })
  .superRefine((v, ctx) => {
    if (v.retiredCount > v.equipmentCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['retiredCount'],
        message: '淘汰设备台数不能多于检查台数',
      });
    }
    if ((v.problems || v.retiredCount > 0) && !v.actionsTaken) {
      ctx.addIssue({
        code: 'custom',
        path: ['actionsTaken'],
        message: '发现问题或淘汰设备的，须填写处理措施',
      });
    }
  });
export type WeldingCheckInput = z.infer<typeof weldingCheckInputSchema>;

export const weldingCheckViewSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  checkedOn: z.string(),
  equipmentCount: z.number(),
  equipmentList: z.string().nullable(),
  problems: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  retiredCount: z.number(),
  checkedBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type WeldingCheckView = z.infer<typeof weldingCheckViewSchema>;

// ---------------------------------------------------------------- special-operation certificates

/** Categories of special operations (特种作业目录, 安监总局令第30号). */
export const OPERATION_CATEGORIES = [
  'electrical',
  'welding',
  'height',
  'refrigeration',
  'coal_mine',
  'metal_mine',
  'oil_gas',
  'metallurgy',
  'hazchem',
  'fireworks',
  'other',
] as const;
export type OperationCategory = (typeof OPERATION_CATEGORIES)[number];
export const OPERATION_CATEGORY_LABELS: Record<OperationCategory, { zh: string; en: string }> = {
  electrical: { zh: '电工作业', en: 'Electrical work' },
  welding: { zh: '焊接与热切割作业', en: 'Welding and thermal cutting' },
  height: { zh: '高处作业', en: 'Work at height' },
  refrigeration: { zh: '制冷与空调作业', en: 'Refrigeration and air conditioning' },
  coal_mine: { zh: '煤矿安全作业', en: 'Coal mine safety work' },
  metal_mine: { zh: '金属非金属矿山安全作业', en: 'Metal and non-metal mine work' },
  oil_gas: { zh: '石油天然气安全作业', en: 'Oil and gas work' },
  metallurgy: { zh: '冶金（有色）生产安全作业', en: 'Metallurgy (non-ferrous) work' },
  hazchem: { zh: '危险化学品安全作业', en: 'Hazardous chemicals work' },
  fireworks: { zh: '烟花爆竹安全作业', en: 'Fireworks work' },
  other: { zh: '应急管理部门认定的其他作业', en: 'Other designated work' },
};

/** Whether the holder is the enterprise's employee or someone brought in (contractor, 外来人员). */
export const HOLDER_TYPES = ['employee', 'contractor'] as const;
export type HolderType = (typeof HOLDER_TYPES)[number];
export const HOLDER_TYPE_LABELS: Record<HolderType, { zh: string; en: string }> = {
  employee: { zh: '本单位职工', en: 'Employee' },
  contractor: { zh: '外包/外来人员', en: 'Contractor' },
};

const certificateFields = z.strictObject({
  holderName: z.string().trim().min(2, { message: '请填写持证人姓名' }).max(50),
  category: z.enum(OPERATION_CATEGORIES, { message: '请选择作业类别' }),
  /** Operation item within the category (操作项目), e.g. 熔化焊接与热切割作业. */
  operationItem: optionalText(100),
  certificateNo: z
    .string()
    .trim()
    .max(40, { message: '证号应为4-40位字母、数字或“-”', abort: true })
    .transform((v) => v.toUpperCase())
    .pipe(
      z.string().regex(/^[A-Z0-9][A-Z0-9-]{3,39}$/, { message: '证号应为4-40位字母、数字或“-”' }),
    ),
  issuedOn: dateSchema.nullable().default(null),
  validUntil: dateSchema,
  holderType: z.enum(HOLDER_TYPES, { message: '请选择人员类型' }),
  /** The contractor's company, for people brought in. */
  employer: optionalText(100),
  /** Who engaged the person (谁招请谁负责): a person and/or department. */
  engagedBy: z.string().trim().min(2, { message: '请填写招请人或招请部门' }).max(100),
});

function checkCertificate(
  v: {
    issuedOn: string | null;
    validUntil: string;
    holderType: HolderType;
    employer: string | null;
  },
  ctx: z.RefinementCtx,
): void {
  if (v.issuedOn && v.issuedOn > v.validUntil) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期不能早于发证日期' });
  }
  if (v.holderType === 'contractor' && !v.employer) {
    ctx.addIssue({ code: 'custom', path: ['employer'], message: '外包/外来人员须填写所属单位' });
  }
}

/** A special-operation certificate on record. */
export const operationCertificateInputSchema = certificateFields.superRefine(checkCertificate);
export type OperationCertificateInput = z.infer<typeof operationCertificateInputSchema>;

/** An edit carries the version it was made against. */
export const updateOperationCertificateSchema = certificateFields
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkCertificate);
export type UpdateOperationCertificateInput = z.infer<typeof updateOperationCertificateSchema>;

/** Marking a certificate as no longer in use (the person left, the work ended). */
export const withdrawCertificateSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写停用原因' }).max(500),
  version: z.number().int().min(1),
});

/** Where a certificate stands on a day. */
export const CERTIFICATE_STATES = ['valid', 'expiring', 'expired', 'withdrawn'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];
export const CERTIFICATE_STATE_LABELS: Record<CertificateState, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
  withdrawn: { zh: '已停用', en: 'Withdrawn' },
};

/**
 * A certificate's state on `today` (YYYY-MM-DD): valid through its last day; `expiring` when
 * that day is at most CERTIFICATE_WARNING_DAYS away (today included); `expired` after it.
 * `daysLeft` counts days from today to the last valid day (0 = expires today, −1 = yesterday).
 */
export function certificateStateOf(
  cert: { validUntil: string; withdrawn: boolean },
  today: string,
): { state: CertificateState; daysLeft: number } {
  const daysLeft = dayNumber(cert.validUntil) - dayNumber(today);
  if (cert.withdrawn) return { state: 'withdrawn', daysLeft };
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  if (daysLeft <= CERTIFICATE_WARNING_DAYS) return { state: 'expiring', daysLeft };
  return { state: 'valid', daysLeft };
}

/**
 * The valid-until bounds of each state on `today`, for queries: expired before `expiredBefore`,
 * expiring from `expiredBefore` through `expiringThrough`, valid after.
 */
export function certificateStateBounds(today: string): {
  expiredBefore: string;
  expiringThrough: string;
} {
  return { expiredBefore: today, expiringThrough: addDays(today, CERTIFICATE_WARNING_DAYS) };
}

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);

export const operationCertificateViewSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  holderName: z.string(),
  category: z.enum(OPERATION_CATEGORIES),
  operationItem: z.string().nullable(),
  certificateNo: z.string(),
  issuedOn: z.string().nullable(),
  validUntil: z.string(),
  holderType: z.enum(HOLDER_TYPES),
  employer: z.string().nullable(),
  engagedBy: z.string(),
  state: z.enum(CERTIFICATE_STATES),
  daysLeft: z.number(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type OperationCertificateView = z.infer<typeof operationCertificateViewSchema>;

/** Filters of the certificate list; with no state, every certificate still in use. */
export const CERTIFICATE_LIST_STATES = ['expiring', 'expired', 'valid', 'withdrawn'] as const;
export type CertificateListState = (typeof CERTIFICATE_LIST_STATES)[number];

// ---------------------------------------------------------------- warning education

/** The all-staff warning education activity (专门组织开展1次全员安全警示教育活动). */
export const warningEducationInputSchema = z.strictObject({
  heldOn: dateSchema,
  participants: count('参加人数应为1以上的整数', 1),
  content: z.string().trim().min(2, { message: '请填写教育内容' }).max(2000),
  organizer: optionalText(100),
});
export type WarningEducationInput = z.infer<typeof warningEducationInputSchema>;

export const dutyPhotoSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export type DutyPhoto = z.infer<typeof dutyPhotoSchema>;

/** Photos an activity may hold. */
export const WARNING_EDUCATION_MAX_PHOTOS = 20;

export const warningEducationViewSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  heldOn: z.string(),
  participants: z.number(),
  content: z.string(),
  organizer: z.string().nullable(),
  photos: z.array(dutyPhotoSchema),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type WarningEducationView = z.infer<typeof warningEducationViewSchema>;

// ---------------------------------------------------------------- hazardous-operation staff check

/** The one-off check of hazardous-operation staff and other key posts (举一反三全面排查). */
export const hazardousStaffCheckInputSchema = z
  .strictObject({
    checkedOn: dateSchema,
    scope: z.string().trim().min(2, { message: '请填写排查范围' }).max(500),
    peopleChecked: count('排查人数应为1以上的整数', 1),
    /** People found working a special-operation post without a valid certificate. */
    unlicensedFound: count('无证人数应为0以上的整数').default(0),
    problems: optionalText(2000),
    actionsTaken: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.unlicensedFound > v.peopleChecked) {
      ctx.addIssue({
        code: 'custom',
        path: ['unlicensedFound'],
        message: '无证人数不能多于排查人数',
      });
    }
    if ((v.problems || v.unlicensedFound > 0) && !v.actionsTaken) {
      ctx.addIssue({
        code: 'custom',
        path: ['actionsTaken'],
        message: '发现问题或无证人员的，须填写整改措施',
      });
    }
  });
export type HazardousStaffCheckInput = z.infer<typeof hazardousStaffCheckInputSchema>;

export const hazardousStaffCheckViewSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  checkedOn: z.string(),
  scope: z.string(),
  peopleChecked: z.number(),
  unlicensedFound: z.number(),
  problems: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type HazardousStaffCheckView = z.infer<typeof hazardousStaffCheckViewSchema>;

// ---------------------------------------------------------------- summary

/** The duty-3 facts of one enterprise as its tab shows them (HazardousWorkFacts + context). */
export const hazardousWorkSummarySchema = z.object({
  enterpriseId: z.number(),
  asOf: z.string(),
  year: z.number(),
  facts: z.object({
    warningEducationHeld: z.boolean(),
    weldingEquipmentChecked: z.boolean(),
    hazardousStaffChecked: z.boolean(),
    expiredCertificates: z.number(),
    expiringCertificates: z.number(),
  }),
  openPermits: z.number(),
  /** Whether the caller records duties for this enterprise (shows the record buttons). */
  canRecord: z.boolean(),
});
export type HazardousWorkSummary = z.infer<typeof hazardousWorkSummarySchema>;
