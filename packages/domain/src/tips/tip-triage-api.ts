import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  type HazardLevel,
  TREATMENTS,
} from '../hazard/hazard.js';
import { HAZARD_STATUSES, type HazardStatus } from '../hazard/hazard-workflow.js';
import {
  STAFF_ENTRY_CHANNELS,
  TIP_ACTIONS,
  TIP_CHANNELS,
  TIP_MESSAGE_KINDS,
  TIP_REJECT_REASONS,
  TIP_STATUSES,
  TIP_VERIFICATION_RESULTS,
  type TipAction,
  type TipChannel,
  type TipStatus,
} from './tip-workflow.js';

// Request and response schemas of the staff side of tips (举报受理): validate the server's routes
// and the web forms alike. The reporter's identity appears only in `tipIdentityViewSchema`, which
// only the identity route returns.

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const statusEnum = z.enum(TIP_STATUSES as [TipStatus, ...TipStatus[]]);
const channelEnum = z.enum(TIP_CHANNELS as [TipChannel, ...TipChannel[]]);
const actionEnum = z.enum(TIP_ACTIONS as [TipAction, ...TipAction[]]);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** A reporter's identity as staff type it in (sealed at rest; never listed or exported). */
export const staffTipIdentitySchema = z.strictObject({
  name: z.string().trim().min(1, { message: '请填写举报人姓名' }).max(50),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9-]{5,20}$/, { message: '电话号码格式不正确' })
    .nullable()
    .default(null),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{17}[0-9Xx]$/, { message: '身份证号格式不正确' })
    .nullable()
    .default(null),
  contact: optionalText(200),
});
export type StaffTipIdentity = z.infer<typeof staffTipIdentitySchema>;

/** A tip that came by hotline, phone, letter or visit, entered by staff. */
export const staffTipEntrySchema = z
  .strictObject({
    channel: z.enum(STAFF_ENTRY_CHANNELS, { message: '请选择举报渠道' }),
    receivedAt: z.iso.datetime({ offset: true, message: '请填写收到举报的时间' }),
    enterpriseId: z.number().int().positive().nullable().default(null),
    enterpriseText: optionalText(100),
    districtId: z.number().int().positive().nullable().default(null),
    sector: sectorEnum.nullable().default(null),
    place: optionalText(200),
    subject: z.string().trim().min(2, { message: '请填写举报事项' }).max(100),
    description: z.string().trim().min(5, { message: '请填写举报内容（至少5个字）' }).max(4000),
    catalogItemCode: optionalText(40),
    anonymous: z.boolean(),
    insider: z.boolean().default(false),
    identity: staffTipIdentitySchema.nullable().default(null),
    /** Give the caller a receipt code to follow the tip online. */
    issueReceiptCode: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (!v.anonymous && !v.identity)
      ctx.addIssue({ code: 'custom', path: ['identity', 'name'], message: '请填写举报人姓名' });
    if (v.anonymous && v.identity)
      ctx.addIssue({ code: 'custom', path: ['identity'], message: '匿名举报不登记举报人身份' });
    if (!v.enterpriseId && !v.districtId)
      ctx.addIssue({
        code: 'custom',
        path: ['districtId'],
        message: '未从企业库选择企业时，请选择所属区县',
      });
  });
export type StaffTipEntryInput = z.infer<typeof staffTipEntrySchema>;

/** A row of the staff list: never an identity field. */
export const tipListItemSchema = z.object({
  id: z.number(),
  number: z.string(),
  channel: channelEnum,
  status: statusEnum,
  subject: z.string(),
  districtId: z.number(),
  districtName: z.string(),
  enterpriseId: z.number().nullable(),
  /** The registry name, or what the reporter typed. */
  enterpriseName: z.string().nullable(),
  sector: sectorEnum.nullable(),
  anonymous: z.boolean(),
  insider: z.boolean(),
  receivedAt: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  assignedUnitName: z.string().nullable(),
  assignedUserName: z.string().nullable(),
  verificationResult: z.enum(TIP_VERIFICATION_RESULTS).nullable(),
  hazardId: z.number().nullable(),
  version: z.number(),
});
export type TipListItem = z.infer<typeof tipListItemSchema>;

export const tipFileSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  fromReporter: z.boolean(),
  messageId: z.number().nullable(),
  createdAt: z.string(),
});
export type TipFile = z.infer<typeof tipFileSchema>;

export const tipMessageSchema = z.object({
  id: z.number(),
  kind: z.enum(TIP_MESSAGE_KINDS),
  body: z.string(),
  /** Staff author; null for the reporter's own messages. */
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type TipMessage = z.infer<typeof tipMessageSchema>;

export const tipEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum,
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});
export type TipEvent = z.infer<typeof tipEventSchema>;

const linkRef = (label: z.ZodString) => z.object({ id: z.number(), label }).nullable();

/** The staff page of one tip: everything but the reporter's identity. */
export const tipDetailSchema = tipListItemSchema.extend({
  enterpriseText: z.string().nullable(),
  enterpriseRegistryName: z.string().nullable(),
  place: z.string().nullable(),
  description: z.string(),
  catalogItemCode: z.string().nullable(),
  /** Whether an identity is on record (its content needs the identity permission). */
  identityOnRecord: z.boolean(),
  reporterReachable: z.boolean(),
  hasReceiptCode: z.boolean(),
  informantId: z.number().nullable(),
  rejectReason: z.enum(TIP_REJECT_REASONS).nullable(),
  duplicateOf: z.object({ id: z.number(), number: z.string() }).nullable(),
  assignedUnitId: z.number().nullable(),
  assignedUserId: z.number().nullable(),
  verificationSummary: z.string().nullable(),
  hazard: z
    .object({
      id: z.number(),
      number: z.string(),
      status: z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]),
    })
    .nullable(),
  inspectionRecord: linkRef(z.string()),
  penaltyCase: linkRef(z.string()),
  /** The China date the tip was (last) accepted: the verification deadline runs from it. */
  acceptedOn: z.string().nullable(),
  /** The latest due date an assignment may set now (the legal limit, or the extended one). */
  dueDateLimit: z.string().nullable(),
  /** The latest due date an extension may set (null once extended). */
  extensionLimit: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  files: z.array(tipFileSchema),
  messages: z.array(tipMessageSchema),
  history: z.array(tipEventSchema),
  availableActions: z.array(actionEnum),
  canViewIdentity: z.boolean(),
});
export type TipDetail = z.infer<typeof tipDetailSchema>;

/** What staff entry returns: the tip, and the receipt code shown once to give to the caller. */
export const staffTipEntryResultSchema = z.object({
  tip: tipDetailSchema,
  receiptCode: z.string().nullable(),
});

/** The unsealed identity, returned by the audited identity route only. */
export const tipIdentityViewSchema = z.object({
  anonymous: z.boolean(),
  insider: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  contact: z.string().nullable(),
  /** Any further fields the reporter gave (label → value). */
  other: z.record(z.string(), z.string()),
  viewedAt: z.string(),
});
export type TipIdentityView = z.infer<typeof tipIdentityViewSchema>;

/** Possible duplicates of a tip: open ledger hazards and other open tips of the same enterprise. */
export const tipDuplicatesSchema = z.object({
  hazards: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      title: z.string(),
      level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]),
      status: z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]),
      catalogItemCode: z.string().nullable(),
      foundAt: z.string(),
      sameCatalogItem: z.boolean(),
    }),
  ),
  tips: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      subject: z.string(),
      status: statusEnum,
      receivedAt: z.string(),
      catalogItemCode: z.string().nullable(),
      sameCatalogItem: z.boolean(),
    }),
  ),
});
export type TipDuplicates = z.infer<typeof tipDuplicatesSchema>;

/** Who a tip may be given to: the units of its district and the inspectors of its sector. */
export const tipAssigneesSchema = z.object({
  units: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
  inspectors: z.array(
    z.object({ id: z.number(), name: z.string(), unitId: z.number(), unitName: z.string() }),
  ),
  defaultDueDate: z.string(),
  dueDateLimit: z.string(),
});
export type TipAssignees = z.infer<typeof tipAssigneesSchema>;

/** Records of the tip's enterprise that a verification may link to. */
export const tipLinkCandidatesSchema = z.object({
  hazards: z.array(z.object({ id: z.number(), label: z.string() })),
  inspectionRecords: z.array(z.object({ id: z.number(), label: z.string() })),
  penaltyCases: z.array(z.object({ id: z.number(), label: z.string() })),
});
export type TipLinkCandidates = z.infer<typeof tipLinkCandidatesSchema>;

const reason = z.string().trim().min(2, { message: '请填写理由' }).max(1000);
const comment = optionalText(1000);

/** A hazard recorded in the ledger from a tip (the enterprise and origin come from the tip). */
export const tipHazardInputSchema = z
  .strictObject({
    level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]], {
      message: '请选择隐患等级',
    }),
    title: z.string().trim().min(2, { message: '请填写隐患名称' }).max(100),
    description: z.string().trim().min(2, { message: '请填写隐患描述' }).max(4000),
    place: optionalText(200),
    category: z.enum(HAZARD_CATEGORIES).nullable().default(null),
    catalogItemCode: optionalText(40),
    noCatalogReason: optionalText(200),
    treatment: z.enum(TREATMENTS).default('deadline'),
  })
  .superRefine((v, ctx) => {
    if (!v.catalogItemCode && !v.noCatalogReason)
      ctx.addIssue({
        code: 'custom',
        path: ['noCatalogReason'],
        message: '未引用判定标准条款时须说明理由',
      });
  });
export type TipHazardInput = z.infer<typeof tipHazardInputSchema>;

/** What a link points to. */
export const TIP_LINK_TARGETS = ['hazard', 'inspection_record', 'penalty_case'] as const;
export type TipLinkTarget = (typeof TIP_LINK_TARGETS)[number];

/** The actions taken through the action route; messages (note, reply, ask) have their own. */
export const TIP_RECORD_ACTIONS = TIP_ACTIONS.filter(
  (a): a is Exclude<TipAction, 'note' | 'reply' | 'ask'> =>
    a !== 'note' && a !== 'reply' && a !== 'ask',
);
export type TipRecordAction = Exclude<TipAction, 'note' | 'reply' | 'ask'>;

/** The payload each workflow action takes; the server validates against exactly one of these. */
export const TIP_ACTION_PAYLOADS = {
  accept: z.strictObject({ comment }),
  reject: z
    .strictObject({
      reason: z.enum(TIP_REJECT_REASONS, { message: '请选择不予受理的理由' }),
      duplicateOfTipId: z.number().int().positive().nullable().default(null),
      comment,
    })
    .superRefine((v, ctx) => {
      if (v.reason === 'duplicate' && !v.duplicateOfTipId)
        ctx.addIssue({
          code: 'custom',
          path: ['duplicateOfTipId'],
          message: '请选择与之重复的举报',
        });
      if (v.reason !== 'duplicate' && (!v.comment || v.comment.length < 2))
        ctx.addIssue({ code: 'custom', path: ['comment'], message: '请说明不予受理的理由' });
    }),
  reopen: z.strictObject({ reason }),
  assign: z
    .strictObject({
      unitId: z.number().int().positive().nullable().default(null),
      userId: z.number().int().positive().nullable().default(null),
      dueDate: dateSchema,
      comment,
    })
    .superRefine((v, ctx) => {
      if ((v.unitId === null) === (v.userId === null))
        ctx.addIssue({
          code: 'custom',
          path: ['unitId'],
          message: '请选择承办科室或执法人员（二选一）',
        });
    }),
  extend: z.strictObject({ dueDate: dateSchema, reason }),
  verify: z.strictObject({
    result: z.enum(TIP_VERIFICATION_RESULTS, { message: '请选择核查结果' }),
    summary: z.string().trim().min(5, { message: '请填写核查情况（至少5个字）' }).max(4000),
    /** Record a new ledger hazard, or link an existing one, in the same step. */
    createHazard: tipHazardInputSchema.nullable().default(null),
    linkHazardId: z.number().int().positive().nullable().default(null),
  }),
  close: z.strictObject({ comment }),
  classify: z.strictObject({
    enterpriseId: z.number().int().positive().nullable().default(null),
    districtId: z.number().int().positive().nullable().default(null),
    sector: sectorEnum.nullable().default(null),
    catalogItemCode: optionalText(40),
  }),
  link: z.strictObject({
    target: z.enum(TIP_LINK_TARGETS, { message: '请选择关联类型' }),
    id: z.number({ message: '请选择要关联的记录' }).int().positive(),
  }),
  create_hazard: tipHazardInputSchema,
} as const satisfies Record<TipRecordAction, z.ZodType>;

export type TipActionPayload<A extends TipRecordAction> = z.infer<(typeof TIP_ACTION_PAYLOADS)[A]>;

/** The envelope of every action request: the record version it was made against, and the payload. */
export const tipActionRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});

/** Staff messages: an internal note, a reply to the reporter, or a question to the reporter. */
export const STAFF_MESSAGE_KINDS = ['note', 'reply', 'question'] as const;
export type StaffMessageKind = (typeof STAFF_MESSAGE_KINDS)[number];
/** The workflow action that writes each staff message kind. */
export const MESSAGE_KIND_ACTION: Record<StaffMessageKind, TipAction> = {
  note: 'note',
  reply: 'reply',
  question: 'ask',
};
export const staffTipMessageSchema = z.strictObject({
  kind: z.enum(STAFF_MESSAGE_KINDS),
  body: z.string().trim().min(1, { message: '请填写内容' }).max(4000),
});
export type StaffTipMessageInput = z.infer<typeof staffTipMessageSchema>;
