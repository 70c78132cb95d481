import { z } from 'zod';
import { dateSchema } from '../enterprise/enterprise.js';

/** Hazard level: 一般隐患 / 重大事故隐患. */
export const HazardLevel = { General: 'general', Major: 'major' } as const;
export type HazardLevel = (typeof HazardLevel)[keyof typeof HazardLevel];
export const HAZARD_LEVELS = Object.values(HazardLevel) as readonly HazardLevel[];
export const HAZARD_LEVEL_LABELS: Record<HazardLevel, { zh: string; en: string }> = {
  general: { zh: '一般隐患', en: 'General' },
  major: { zh: '重大事故隐患', en: 'Major' },
};

/** How a hazard was found (DESIGN.md §4). */
export const HAZARD_ORIGINS = [
  'self_check',
  'leader_check',
  'enforcement',
  'spot_check',
  'tip',
  'informant',
  'accident_lesson',
  'data_analysis',
] as const;
export type HazardOrigin = (typeof HAZARD_ORIGINS)[number];
export const HAZARD_ORIGIN_LABELS: Record<HazardOrigin, { zh: string; en: string }> = {
  self_check: { zh: '企业自查', en: 'Self-inspection' },
  leader_check: { zh: '主要负责人带队检查', en: "Leader's inspection" },
  enforcement: { zh: '执法检查', en: 'Enforcement inspection' },
  spot_check: { zh: '抽查检查', en: 'Spot check' },
  tip: { zh: '举报', en: 'Tip' },
  informant: { zh: '信息员报告', en: 'Informant' },
  accident_lesson: { zh: '事故警示排查', en: 'Accident lesson' },
  data_analysis: { zh: '大数据排查', en: 'Data analysis' },
};
/** Origins that count as "found by the enterprise itself" (企业自查发现). */
export const SELF_FOUND_ORIGINS: readonly HazardOrigin[] = [
  'self_check',
  'leader_check',
  'accident_lesson',
];

/** Category of cause (人的不安全行为 / 物的不安全状态 / 管理缺陷). */
export const HAZARD_CATEGORIES = ['unsafe_act', 'unsafe_condition', 'management'] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];
export const HAZARD_CATEGORY_LABELS: Record<HazardCategory, { zh: string; en: string }> = {
  unsafe_act: { zh: '人的不安全行为', en: 'Unsafe act' },
  unsafe_condition: { zh: '物的不安全状态', en: 'Unsafe condition' },
  management: { zh: '管理缺陷', en: 'Management defect' },
};

/** Treatment: 即查即改 or 限期整改. */
export const TREATMENTS = ['immediate', 'deadline'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const TREATMENT_LABELS: Record<Treatment, { zh: string; en: string }> = {
  immediate: { zh: '即查即改', en: 'Fix at once' },
  deadline: { zh: '限期整改', en: 'Fix by a deadline' },
};

/** Supervision level of a 挂牌督办 hazard. */
export const SUPERVISION_LEVELS = ['district', 'city', 'province'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
export const SUPERVISION_LABELS: Record<SupervisionLevel, { zh: string; en: string }> = {
  district: { zh: '区级挂牌督办', en: 'District supervision' },
  city: { zh: '市级挂牌督办', en: 'City supervision' },
  province: { zh: '省级挂牌督办', en: 'Province supervision' },
};

/** Money in yuan as typed (up to 2 decimals), converted to integer fen for storage. */
export const yuanSchema = z
  .string()
  .trim()
  .regex(/^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$/, {
    message: '金额格式不正确（元，最多两位小数）',
  });

/** Converts a yuan string such as "1234.5" into integer fen (123450) without floats. */
export function yuanToFen(yuan: string): number {
  const [whole, frac = ''] = yuan.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

/** Formats integer fen as a yuan string with two decimals. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The five items of a rectification plan (五落实): person, measures, funds, deadline, emergency plan. */
export const rectificationPlanSchema = z.strictObject({
  responsiblePerson: z.string().trim().min(1, { message: '请填写整改责任人' }).max(50),
  measures: z.string().trim().min(4, { message: '请填写整改措施' }).max(2000),
  fundsYuan: yuanSchema,
  fundsSource: z.string().trim().min(1, { message: '请填写资金来源（如安全生产费用）' }).max(100),
  deadline: dateSchema,
  emergencyMeasures: z
    .string()
    .trim()
    .min(4, { message: '请填写应急预案或临时管控措施' })
    .max(2000),
});
export type RectificationPlan = z.infer<typeof rectificationPlanSchema>;

/** Which of the five plan items are missing from a (partial) plan. */
export function missingPlanItems(
  plan: Partial<Record<keyof RectificationPlan, unknown>> | null,
): (keyof RectificationPlan)[] {
  const keys: (keyof RectificationPlan)[] = [
    'responsiblePerson',
    'measures',
    'fundsYuan',
    'fundsSource',
    'deadline',
    'emergencyMeasures',
  ];
  if (!plan) return keys;
  return keys.filter((k) => plan[k] === undefined || plan[k] === null || plan[k] === '');
}

/** Input for recording a hazard. */
export const createHazardSchema = z
  .strictObject({
    enterpriseId: z.number().int().positive(),
    level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]),
    title: z.string().trim().min(2, { message: '请填写隐患名称' }).max(100),
    description: z.string().trim().min(2, { message: '请填写隐患描述' }).max(4000),
    place: z.string().trim().max(200).nullable().default(null),
    causeAnalysis: z.string().trim().max(2000).nullable().default(null),
    category: z.enum(HAZARD_CATEGORIES).nullable().default(null),
    origin: z.enum(HAZARD_ORIGINS),
    foundAt: dateSchema,
    foundBy: z.string().trim().min(1, { message: '请填写发现人' }).max(50),
    catalogItemCode: z.string().trim().max(40).nullable().default(null),
    noCatalogReason: z.string().trim().max(200).nullable().default(null),
    treatment: z.enum(TREATMENTS),
  })
  .superRefine((v, ctx) => {
    if (!v.catalogItemCode && !v.noCatalogReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['noCatalogReason'],
        message: '未引用判定标准条款时须说明理由',
      });
    }
  });
export type CreateHazardInput = z.infer<typeof createHazardSchema>;
