import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { HAZARD_LEVELS, type HazardLevel } from '../hazard/hazard.js';
import { HAZARD_STATUSES, HazardStatus } from '../hazard/hazard-workflow.js';

// Production safety accidents (生产安全事故) and the responsibility trace-back (责任倒查, seed
// §二(二)5: 谁检查、谁签名、谁负责). An accident is recorded at an enterprise with its facts; its
// level follows the national rule on casualties and direct economic loss (《生产安全事故报告和
// 调查处理条例》第三条) unless a reason is given; its page gathers the evidence for the review:
// the inspections of the two years before, who signed them, what they found and where each of
// those hazards stood at the moment of the accident.

const requiredText = (min: number, max: number, message: string) =>
  z.string().trim().min(min, { message }).max(max);

// ---- Types and levels ----

/** Accident types (事故类别, after GB 6441 and the mining ones the campaign names). */
export const AccidentType = {
  Fire: 'fire',
  Explosion: 'explosion',
  Poisoning: 'poisoning',
  Collapse: 'collapse',
  RoofFall: 'roof_fall',
  Flooding: 'flooding',
  FallFromHeight: 'fall_from_height',
  Machinery: 'machinery',
  Electrocution: 'electrocution',
  StruckByObject: 'struck_by_object',
  Vehicle: 'vehicle',
  Lifting: 'lifting',
  Scald: 'scald',
  Drowning: 'drowning',
  Blasting: 'blasting',
  Other: 'other',
} as const;
export type AccidentType = (typeof AccidentType)[keyof typeof AccidentType];
export const ACCIDENT_TYPES = Object.values(AccidentType) as readonly AccidentType[];
export const ACCIDENT_TYPE_LABELS: Record<AccidentType, { zh: string; en: string }> = {
  fire: { zh: '火灾', en: 'Fire' },
  explosion: { zh: '爆炸', en: 'Explosion' },
  poisoning: { zh: '中毒和窒息', en: 'Poisoning and asphyxiation' },
  collapse: { zh: '坍塌', en: 'Collapse' },
  roof_fall: { zh: '冒顶片帮', en: 'Roof or rib fall' },
  flooding: { zh: '透水', en: 'Water inrush' },
  fall_from_height: { zh: '高处坠落', en: 'Fall from height' },
  machinery: { zh: '机械伤害', en: 'Machinery injury' },
  electrocution: { zh: '触电', en: 'Electrocution' },
  struck_by_object: { zh: '物体打击', en: 'Struck by object' },
  vehicle: { zh: '车辆伤害', en: 'Vehicle injury' },
  lifting: { zh: '起重伤害', en: 'Lifting injury' },
  scald: { zh: '灼烫', en: 'Burns and scalds' },
  drowning: { zh: '淹溺', en: 'Drowning' },
  blasting: { zh: '放炮', en: 'Blasting' },
  other: { zh: '其他伤害', en: 'Other' },
};

/** Accident levels, lowest first (条例第三条). */
export const AccidentLevel = {
  General: 'general',
  Larger: 'larger',
  Major: 'major',
  Extraordinary: 'extraordinary',
} as const;
export type AccidentLevel = (typeof AccidentLevel)[keyof typeof AccidentLevel];
export const ACCIDENT_LEVELS = Object.values(AccidentLevel) as readonly AccidentLevel[];
export const ACCIDENT_LEVEL_LABELS: Record<AccidentLevel, { zh: string; en: string }> = {
  general: { zh: '一般事故', en: 'General' },
  larger: { zh: '较大事故', en: 'Larger' },
  major: { zh: '重大事故', en: 'Major' },
  extraordinary: { zh: '特别重大事故', en: 'Extraordinarily major' },
};

/** 1 元 = 100 分; money is kept in integer fen. */
const YUAN = 100;
const WAN_YUAN = 10_000 * YUAN;

/**
 * The thresholds of each level above 一般, highest first. "以上" includes the number and "以下"
 * excludes it (条例第三条第二款), so each threshold is a lower bound that already belongs to
 * its level: 3 deaths is 较大, 10 重大, 30 特别重大.
 */
const LEVEL_THRESHOLDS: readonly {
  level: AccidentLevel;
  deaths: number;
  seriousInjuries: number;
  directLossFen: number;
}[] = [
  { level: 'extraordinary', deaths: 30, seriousInjuries: 100, directLossFen: 10_000 * WAN_YUAN },
  { level: 'major', deaths: 10, seriousInjuries: 50, directLossFen: 5_000 * WAN_YUAN },
  { level: 'larger', deaths: 3, seriousInjuries: 10, directLossFen: 1_000 * WAN_YUAN },
];

export type AccidentConsequences = {
  deaths: number;
  /** 重伤 (including acute industrial poisoning, 急性工业中毒). */
  seriousInjuries: number;
  directLossFen: number;
};

/** The level the national rule gives: the highest level any of the three figures reaches. */
export function suggestedAccidentLevel(c: AccidentConsequences): AccidentLevel {
  const hit = LEVEL_THRESHOLDS.find(
    (t) =>
      c.deaths >= t.deaths ||
      c.seriousInjuries >= t.seriousInjuries ||
      c.directLossFen >= t.directLossFen,
  );
  return hit?.level ?? 'general';
}

// ---- Input ----

const count = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(100_000);

/** The facts of an accident, as recorded or edited. */
const accidentFactsSchema = z.strictObject({
  occurredAt: z.iso.datetime({ offset: true, message: '时间格式应为ISO 8601（含时区）' }),
  type: z.enum(ACCIDENT_TYPES as [AccidentType, ...AccidentType[]], {
    message: '请选择事故类别',
  }),
  place: z.string().trim().max(200).nullable().default(null),
  deaths: count('死亡人数'),
  seriousInjuries: count('重伤人数'),
  minorInjuries: count('轻伤人数'),
  /** 直接经济损失, integer fen. */
  directLossFen: z
    .number({ message: '请填写直接经济损失' })
    .int({ message: '直接经济损失以分计，应为整数' })
    .min(0, { message: '直接经济损失不能为负数' })
    .max(Number.MAX_SAFE_INTEGER),
  level: z.enum(ACCIDENT_LEVELS as [AccidentLevel, ...AccidentLevel[]], {
    message: '请选择事故等级',
  }),
  /** Why the level differs from the one the rule gives (required then, ignored otherwise). */
  levelReason: z.string().trim().max(1000).nullable().default(null),
  report: requiredText(5, 5000, '请填写事故简要情况（至少5个字）'),
});

/** The level must follow the rule, or say why it does not. */
function checkLevel(v: z.infer<typeof accidentFactsSchema>, ctx: z.RefinementCtx): void {
  if (Date.parse(v.occurredAt) > Date.now() + 5 * 60_000) {
    ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: '事故时间不能晚于当前时间' });
  }
  const suggested = suggestedAccidentLevel(v);
  if (v.level !== suggested && (v.levelReason ?? '').length < 4) {
    ctx.addIssue({
      code: 'custom',
      path: ['levelReason'],
      message: `按伤亡和损失应定为${ACCIDENT_LEVEL_LABELS[suggested].zh}，改定等级须说明理由`,
    });
  }
}

export const createAccidentSchema = accidentFactsSchema
  .extend({ enterpriseId: z.number().int().positive({ message: '请选择企业' }) })
  .superRefine(checkLevel);
export type CreateAccidentInput = z.input<typeof createAccidentSchema>;
export type CreateAccident = z.output<typeof createAccidentSchema>;

export const updateAccidentSchema = accidentFactsSchema
  .extend({ version: z.number().int().positive() })
  .superRefine(checkLevel);
export type UpdateAccidentInput = z.input<typeof updateAccidentSchema>;
export type UpdateAccident = z.output<typeof updateAccidentSchema>;

export const voidAccidentSchema = z.strictObject({
  reason: requiredText(4, 500, '请填写作废理由（至少4个字）'),
  version: z.number().int().positive(),
});
export type VoidAccidentInput = z.infer<typeof voidAccidentSchema>;

// ---- Views ----

export const AccidentStatus = { Recorded: 'recorded', Voided: 'voided' } as const;
export type AccidentStatus = (typeof AccidentStatus)[keyof typeof AccidentStatus];
export const ACCIDENT_STATUSES = Object.values(AccidentStatus) as readonly AccidentStatus[];
export const ACCIDENT_STATUS_LABELS: Record<AccidentStatus, { zh: string; en: string }> = {
  recorded: { zh: '已登记', en: 'Recorded' },
  voided: { zh: '已作废', en: 'Voided' },
};

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const levelEnum = z.enum(ACCIDENT_LEVELS as [AccidentLevel, ...AccidentLevel[]]);
const typeEnum = z.enum(ACCIDENT_TYPES as [AccidentType, ...AccidentType[]]);
const hazardStatusEnum = z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]);
const hazardLevelEnum = z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]);

export const accidentListItemSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  districtName: z.string(),
  sector: sectorEnum,
  occurredAt: z.string(),
  type: typeEnum,
  deaths: z.number().int(),
  seriousInjuries: z.number().int(),
  minorInjuries: z.number().int(),
  directLossFen: z.number().int(),
  level: levelEnum,
  suggestedLevel: levelEnum,
  status: z.enum(ACCIDENT_STATUSES as [AccidentStatus, ...AccidentStatus[]]),
});
export type AccidentListItem = z.infer<typeof accidentListItemSchema>;

export const accidentPageSchema = z.object({
  items: z.array(accidentListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccidentPage = z.infer<typeof accidentPageSchema>;

export const accidentDetailSchema = accidentListItemSchema.extend({
  place: z.string().nullable(),
  levelReason: z.string().nullable(),
  report: z.string(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedByName: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  canManage: z.boolean(),
});
export type AccidentDetail = z.infer<typeof accidentDetailSchema>;

// ---- Trace-back ----

/** How far back the trace-back looks (seed §二(二)5: the inspections before the accident). */
export const TRACE_BACK_YEARS = 2;

/**
 * The start of the trace-back window: the same wall-clock instant two years earlier (29 February
 * falls back to 28 February, so the window never exceeds two years).
 */
export function traceBackWindowStart(occurredAt: string): string {
  const at = new Date(occurredAt);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a date-time: ${occurredAt}`);
  const start = new Date(at.getTime());
  start.setUTCFullYear(at.getUTCFullYear() - TRACE_BACK_YEARS);
  if (start.getUTCMonth() !== at.getUTCMonth()) start.setUTCDate(0);
  return start.toISOString();
}

/** One status change of a hazard, as its event log records it. */
export type HazardStatusEvent = { at: string; toStatus: string; id: number };

/**
 * Where a hazard stood at an instant: the status its last event at or before that instant moved
 * it to; a hazard with no event by then stood as it was reported.
 */
export function hazardStatusAt(events: readonly HazardStatusEvent[], at: string): HazardStatus {
  const limit = Date.parse(at);
  let last: HazardStatusEvent | null = null;
  for (const e of events) {
    if (Date.parse(e.at) > limit) continue;
    if (
      !last ||
      Date.parse(e.at) > Date.parse(last.at) ||
      (Date.parse(e.at) === Date.parse(last.at) && e.id > last.id)
    )
      last = e;
  }
  const status = last?.toStatus;
  return (HAZARD_STATUSES as readonly string[]).includes(status ?? '')
    ? (status as HazardStatus)
    : HazardStatus.Reported;
}

/** Whether a hazard in this status was still open (not 销号). */
export function isHazardOpenStatus(status: HazardStatus): boolean {
  return status !== HazardStatus.Verified;
}

/** A hazard as the trace-back shows it: now and at the moment of the accident. */
export const traceHazardSchema = z.object({
  hazardId: z.number().int(),
  number: z.string(),
  title: z.string(),
  level: hazardLevelEnum,
  catalogId: z.string().nullable(),
  catalogItemCode: z.string().nullable(),
  foundAt: z.string(),
  deadline: z.string().nullable(),
  statusAtAccident: hazardStatusEnum,
  openAtAccident: z.boolean(),
  currentStatus: hazardStatusEnum,
});
export type TraceHazard = z.infer<typeof traceHazardSchema>;

export const tracePersonSchema = z.object({
  name: z.string(),
  certificateNo: z.string(),
  signedAt: z.string().nullable(),
});

export const traceInspectionSchema = z.object({
  id: z.number().int(),
  recordNo: z.string(),
  status: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  place: z.string(),
  inspectors: z.array(tracePersonSchema),
  signers: z.array(tracePersonSchema),
  findings: z.array(
    z.object({
      seq: z.number().int(),
      catalogItemCode: z.string().nullable(),
      level: z.string(),
      /** null: a finding without a ledger hazard. */
      hazard: traceHazardSchema.nullable(),
    }),
  ),
});
export type TraceInspection = z.infer<typeof traceInspectionSchema>;

export const traceBackSchema = z.object({
  accidentId: z.number().int(),
  windowFrom: z.string(),
  windowTo: z.string(),
  inspections: z.array(traceInspectionSchema),
  /**
   * The enterprise's hazards open at the moment of the accident whose catalog item is one the
   * window's inspections found hazards on (the same catalog and item code).
   */
  sameItemOpenHazards: z.array(traceHazardSchema.extend({ foundByInspection: z.boolean() })),
  penaltyCases: z.array(
    z.object({
      id: z.number().int(),
      caseNo: z.string(),
      filedOn: z.string(),
      matter: z.string(),
      status: z.string(),
    }),
  ),
  orders: z.array(
    z.object({
      id: z.number().int(),
      orderNo: z.string(),
      issuedOn: z.string(),
      deadline: z.string(),
      status: z.string(),
    }),
  ),
});
export type TraceBack = z.infer<typeof traceBackSchema>;

/** The catalog item key the same-item comparison uses (null when the hazard has none). */
export function catalogItemKey(h: {
  catalogId: string | null;
  catalogItemCode: string | null;
}): string | null {
  return h.catalogId && h.catalogItemCode ? `${h.catalogId}\u0000${h.catalogItemCode}` : null;
}

export const accidentListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    level: levelEnum.optional(),
    type: typeEnum.optional(),
    sector: sectorEnum.optional(),
    status: z.enum(ACCIDENT_STATUSES as [AccidentStatus, ...AccidentStatus[]]).optional(),
    /** China dates, inclusive. */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();
export type AccidentListQuery = z.infer<typeof accidentListQuerySchema>;
