import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';

// Accident-lesson alerts (典型事故警示, seed §二(一)1): the bureau describes an accident
// elsewhere and the criteria items it touches; every enterprise of the chosen sectors checks
// itself for the same hazard and answers by a date.

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]], { message: '行业领域不正确' });

/** An enterprise's answer: the same hazard found at home, or not. */
export const AlertAnswer = { Found: 'found', NotFound: 'not_found' } as const;
export type AlertAnswer = (typeof AlertAnswer)[keyof typeof AlertAnswer];
export const ALERT_ANSWERS = Object.values(AlertAnswer) as readonly AlertAnswer[];
export const ALERT_ANSWER_LABELS: Record<AlertAnswer, { zh: string; en: string }> = {
  found: { zh: '发现同类隐患', en: 'Same hazard found' },
  not_found: { zh: '未发现同类隐患', en: 'Not found' },
};

/** Publishing an alert. */
export const createAlertSchema = z
  .strictObject({
    title: z.string().trim().min(2, { message: '请填写警示标题' }).max(100),
    accidentDate: dateSchema,
    place: z.string().trim().min(1, { message: '请填写事故地点' }).max(100),
    summary: z.string().trim().min(1, { message: '请填写事故经过' }).max(2000),
    lesson: z.string().trim().min(1, { message: '请填写事故教训' }).max(2000),
    /** Codes of the catalog items the accident touches (cited in the current published version). */
    itemCodes: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
    sectors: z.array(sectorEnum).min(1, { message: '请选择行业领域' }).max(SECTORS.length),
    dueDate: dateSchema,
  })
  .superRefine((v, ctx) => {
    if (new Set(v.sectors).size !== v.sectors.length) {
      ctx.addIssue({ code: 'custom', path: ['sectors'], message: '行业领域重复' });
    }
    if (new Set(v.itemCodes).size !== v.itemCodes.length) {
      ctx.addIssue({ code: 'custom', path: ['itemCodes'], message: '条目重复' });
    }
    if (v.dueDate < v.accidentDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: '反馈期限不能早于事故日期' });
    }
  });
export type CreateAlertInput = z.infer<typeof createAlertSchema>;

/** An enterprise's answer to an alert; a found hazard must be described. */
export const alertResponseInputSchema = z
  .strictObject({
    answer: z.enum(ALERT_ANSWERS as [AlertAnswer, ...AlertAnswer[]], {
      message: '请选择自查结果',
    }),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'found' && (v.note === null || v.note.length < 2)) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '发现同类隐患须说明情况' });
    }
  });
export type AlertResponseInput = z.infer<typeof alertResponseInputSchema>;

/** Filters of the per-enterprise response list. */
export const ALERT_RESPONSE_FILTERS = [
  'pending',
  'overdue',
  'answered',
  'found',
  'not_found',
] as const;
export type AlertResponseFilter = (typeof ALERT_RESPONSE_FILTERS)[number];

export const alertItemRefSchema = z.object({
  catalogId: z.string(),
  catalogVersion: z.number(),
  code: z.string(),
  title: z.string(),
  clause: z.string(),
});

/** One enterprise's response row. */
export const alertResponseViewSchema = z.object({
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  answer: z.enum(ALERT_ANSWERS as [AlertAnswer, ...AlertAnswer[]]).nullable(),
  note: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  /** The hazard a "found" answer created; null until the hazard ledger (issue 5) lands. */
  hazardId: z.number().nullable(),
  /** No answer and the due date has passed. */
  overdue: z.boolean(),
  /** Answered after the due date. */
  late: z.boolean(),
});
export type AlertResponseView = z.infer<typeof alertResponseViewSchema>;

export const alertStatsSchema = z.object({
  targetCount: z.number(),
  answeredCount: z.number(),
  foundCount: z.number(),
  pendingCount: z.number(),
});

export const alertListItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  accidentDate: z.string(),
  place: z.string(),
  sectors: z.array(sectorEnum),
  dueDate: z.string(),
  /** The due date has passed. */
  pastDue: z.boolean(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  publishedAt: z.string(),
  publisherName: z.string(),
  /** The caller's enterprise's response (enterprise users). */
  response: alertResponseViewSchema.nullable(),
  /** Response figures (staff). */
  stats: alertStatsSchema.nullable(),
});
export type AlertListItem = z.infer<typeof alertListItemSchema>;

export const alertDetailSchema = alertListItemSchema.extend({
  summary: z.string(),
  lesson: z.string(),
  items: z.array(alertItemRefSchema),
  can: z.object({ respond: z.boolean(), manage: z.boolean() }),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;
