import { z } from 'zod';
import { Permission } from '../authz/permissions.js';
import { roleHas } from '../authz/role-permissions.js';
import { SECTORS, type Sector } from '../common/sector.js';
import type { Role } from '../identity/role.js';
import { redactionBoxSchema, redactionResultSchema } from './redaction.js';

// Public disclosure (公开曝光 / 典型执法案例, issue 10 item 2; plan §二(二)3, §三(三)): the
// publicity office prepares a case from a penalty case or a major hazard, a second person
// approves it, and it is public only inside its publication window; an appealed or withdrawn
// case is unpublished with a reason. One typed table from status to the actions it allows.

/** A typical enforcement case or an exposure of a major hazard. */
export const DisclosureKind = { TypicalCase: 'typical_case', Exposure: 'exposure' } as const;
export type DisclosureKind = (typeof DisclosureKind)[keyof typeof DisclosureKind];
export const DISCLOSURE_KINDS = Object.values(DisclosureKind) as readonly DisclosureKind[];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, { zh: string; en: string }> = {
  typical_case: { zh: '典型执法案例', en: 'Typical enforcement case' },
  exposure: { zh: '曝光', en: 'Exposure' },
};

/** The record a disclosure is prepared from. */
export const DisclosureSourceType = { PenaltyCase: 'penalty_case', Hazard: 'hazard' } as const;
export type DisclosureSourceType = (typeof DisclosureSourceType)[keyof typeof DisclosureSourceType];
export const DISCLOSURE_SOURCE_TYPES = Object.values(
  DisclosureSourceType,
) as readonly DisclosureSourceType[];
export const DISCLOSURE_SOURCE_LABELS: Record<DisclosureSourceType, { zh: string; en: string }> = {
  penalty_case: { zh: '行政处罚案件', en: 'Penalty case' },
  hazard: { zh: '重大事故隐患', en: 'Major hazard' },
};

/** Stored states. Whether an approved case is public depends on the date (see publicationState). */
export const DisclosureStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  Approved: 'approved',
  Unpublished: 'unpublished',
} as const;
export type DisclosureStatus = (typeof DisclosureStatus)[keyof typeof DisclosureStatus];
export const DISCLOSURE_STATUSES = Object.values(DisclosureStatus) as readonly DisclosureStatus[];

/** What the staff see: an approved case is scheduled, published or expired by its window. */
export type DisclosureState =
  'draft' | 'submitted' | 'scheduled' | 'published' | 'expired' | 'unpublished';
export const DISCLOSURE_STATES: readonly DisclosureState[] = [
  'draft',
  'submitted',
  'scheduled',
  'published',
  'expired',
  'unpublished',
];
export const DISCLOSURE_STATE_LABELS: Record<DisclosureState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审批', en: 'Awaiting approval' },
  scheduled: { zh: '已批准，待发布', en: 'Approved, scheduled' },
  published: { zh: '公开中', en: 'Published' },
  expired: { zh: '已到期', en: 'Expired' },
  unpublished: { zh: '已撤下', en: 'Unpublished' },
};

/** The publication window: public on the days from `from` to `until`, both included. */
export type PublicationWindow = { from: string | null; until: string | null };

/** Where a disclosure stands on `today` (a China date, YYYY-MM-DD). */
export function publicationState(
  status: DisclosureStatus,
  window: PublicationWindow,
  today: string,
): DisclosureState {
  if (status !== 'approved') return status;
  if (window.from !== null && today < window.from) return 'scheduled';
  if (window.until !== null && today > window.until) return 'expired';
  return 'published';
}

/** Whether the public may see the disclosure on `today`. */
export function isPubliclyVisible(
  status: DisclosureStatus,
  window: PublicationWindow,
  today: string,
): boolean {
  return publicationState(status, window, today) === 'published';
}

/** Problems with a publication window, as field errors (empty when it is fine). */
export function checkPublicationWindow(
  window: PublicationWindow,
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (!window.from) out.push({ path: 'publishFrom', message: '请填写公开开始日期' });
  if (!window.until) out.push({ path: 'publishUntil', message: '请填写公开结束日期' });
  if (window.from && window.until && window.until < window.from) {
    out.push({ path: 'publishUntil', message: '公开结束日期不能早于开始日期' });
  }
  return out;
}

/** Actions on a disclosure. */
export const DisclosureAction = {
  Submit: 'submit',
  Return: 'return',
  Approve: 'approve',
  Unpublish: 'unpublish',
} as const;
export type DisclosureAction = (typeof DisclosureAction)[keyof typeof DisclosureAction];
export const DISCLOSURE_ACTIONS = Object.values(DisclosureAction) as readonly DisclosureAction[];
export const DISCLOSURE_ACTION_LABELS: Record<DisclosureAction, { zh: string; en: string }> = {
  submit: { zh: '提交审批', en: 'Submit for approval' },
  return: { zh: '退回修改', en: 'Return for changes' },
  approve: { zh: '批准发布', en: 'Approve and publish' },
  unpublish: { zh: '撤下', en: 'Unpublish' },
};

/** From each status, the actions it allows, the status they lead to and the permission needed. */
export const DISCLOSURE_TRANSITIONS: Record<
  DisclosureStatus,
  Partial<Record<DisclosureAction, { to: DisclosureStatus; permission: Permission }>>
> = {
  draft: { submit: { to: 'submitted', permission: Permission.DisclosureManage } },
  submitted: {
    return: { to: 'draft', permission: Permission.DisclosureApprove },
    approve: { to: 'approved', permission: Permission.DisclosureApprove },
  },
  approved: { unpublish: { to: 'unpublished', permission: Permission.DisclosureApprove } },
  unpublished: {},
};

/** The facts the workflow decides on. */
export type DisclosureFacts = {
  status: DisclosureStatus;
  preparedBy: number;
  submittedBy: number | null;
};

/** Why an actor may not take an action (null when allowed). */
export function disclosureActionRefusal(
  facts: DisclosureFacts,
  action: DisclosureAction,
  actor: { userId: number; role: Role },
): string | null {
  const step = DISCLOSURE_TRANSITIONS[facts.status][action];
  if (!step) return `当前状态不能${DISCLOSURE_ACTION_LABELS[action].zh}`;
  if (!roleHas(actor.role, step.permission)) return '无权执行此操作';
  // The four-eyes rule: whoever prepared or submitted the text may not approve it.
  if (
    action === 'approve' &&
    (actor.userId === facts.preparedBy || actor.userId === facts.submittedBy)
  ) {
    return '审批人不能是案例的编写人或提交人，须由另一人审批';
  }
  return null;
}

/** The actions an actor may take now. */
export function availableDisclosureActions(
  facts: DisclosureFacts,
  actor: { userId: number; role: Role },
): DisclosureAction[] {
  return DISCLOSURE_ACTIONS.filter((a) => disclosureActionRefusal(facts, a, actor) === null);
}

/** Whether the text and photos may still be edited. */
export function isDisclosureEditable(status: DisclosureStatus): boolean {
  return status === 'draft';
}

// ---- API shapes -------------------------------------------------------------------------------

const kindSchema = z.enum(DISCLOSURE_KINDS as [DisclosureKind, ...DisclosureKind[]]);
const sectorSchema = z.enum(SECTORS as [Sector, ...Sector[]]);
const dateSchema = z.iso.date({ message: '日期格式应为YYYY-MM-DD' });

export const createDisclosureSchema = z.strictObject({
  kind: kindSchema,
  sourceType: z.enum(DISCLOSURE_SOURCE_TYPES as [DisclosureSourceType, ...DisclosureSourceType[]]),
  /** The penalty case number (案号) or hazard number as shown on its page. */
  sourceNumber: z.string().trim().min(1, { message: '请填写案件或隐患编号' }).max(60),
});
export type CreateDisclosureInput = z.infer<typeof createDisclosureSchema>;

export const updateDisclosureSchema = z.strictObject({
  version: z.number().int().positive(),
  kind: kindSchema.optional(),
  title: z.string().trim().min(1, { message: '请填写标题' }).max(200).optional(),
  text: z.string().trim().min(1, { message: '请填写正文' }).max(20_000).optional(),
  manualRedactions: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
  publishFrom: dateSchema.nullable().optional(),
  publishUntil: dateSchema.nullable().optional(),
});
export type UpdateDisclosureInput = z.infer<typeof updateDisclosureSchema>;

export const disclosureActionRequestSchema = z.strictObject({
  action: z.enum(DISCLOSURE_ACTIONS as [DisclosureAction, ...DisclosureAction[]]),
  version: z.number().int().positive(),
  reason: z.string().trim().max(500).optional(),
});
export type DisclosureActionRequest = z.infer<typeof disclosureActionRequestSchema>;

export const addDisclosurePhotoSchema = z.strictObject({
  /** A photo file of the source hazard (or of a hazard of the source penalty case). */
  sourceFileId: z.number().int().positive(),
});

export const disclosurePhotoBoxesSchema = z.strictObject({
  boxes: z.array(redactionBoxSchema).max(50, { message: '遮挡框不能超过50个' }),
});

export const disclosurePhotoSchema = z.object({
  id: z.number(),
  sourceFileId: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  boxes: z.array(redactionBoxSchema),
  redactedReady: z.boolean(),
});
export type DisclosurePhoto = z.infer<typeof disclosurePhotoSchema>;

export const disclosureSourcePhotoSchema = z.object({
  fileId: z.number(),
  hazardId: z.number(),
  hazardNumber: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
});
export type DisclosureSourcePhoto = z.infer<typeof disclosureSourcePhotoSchema>;

export const disclosureListItemSchema = z.object({
  id: z.number(),
  kind: kindSchema,
  title: z.string(),
  sector: sectorSchema,
  districtName: z.string(),
  sourceType: z.enum(DISCLOSURE_SOURCE_TYPES as [DisclosureSourceType, ...DisclosureSourceType[]]),
  sourceLabel: z.string(),
  status: z.enum(DISCLOSURE_STATUSES as [DisclosureStatus, ...DisclosureStatus[]]),
  state: z.enum(DISCLOSURE_STATES as [DisclosureState, ...DisclosureState[]]),
  publishFrom: z.string().nullable(),
  publishUntil: z.string().nullable(),
  preparedByName: z.string(),
  updatedAt: z.string(),
});
export type DisclosureListItem = z.infer<typeof disclosureListItemSchema>;

export const disclosureDetailSchema = disclosureListItemSchema.extend({
  sourceId: z.number(),
  text: z.string(),
  manualRedactions: z.array(z.string()),
  /** Names of persons found in the source records (removed automatically). */
  personNames: z.array(z.string()),
  preview: z.object({ title: redactionResultSchema, text: redactionResultSchema }),
  photos: z.array(disclosurePhotoSchema),
  sourcePhotos: z.array(disclosureSourcePhotoSchema),
  preparedBy: z.number(),
  submittedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  unpublishedAt: z.string().nullable(),
  unpublishReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  actions: z.array(z.enum(DISCLOSURE_ACTIONS as [DisclosureAction, ...DisclosureAction[]])),
  version: z.number(),
});
export type DisclosureDetail = z.infer<typeof disclosureDetailSchema>;

// ---- Public shapes: only what was approved for publication, never the originals --------------

export const publicCaseListItemSchema = z.object({
  id: z.number(),
  kind: kindSchema,
  title: z.string(),
  sector: sectorSchema,
  districtName: z.string(),
  publishedOn: z.string(),
  excerpt: z.string(),
});
export type PublicCaseListItem = z.infer<typeof publicCaseListItemSchema>;

export const publicCaseSchema = publicCaseListItemSchema.omit({ excerpt: true }).extend({
  text: z.string(),
  photoIds: z.array(z.number()),
});
export type PublicCase = z.infer<typeof publicCaseSchema>;

export const publicCaseQuerySchema = z.strictObject({
  q: z.string().trim().max(50, { message: '查询内容过长' }).optional(),
  sector: sectorSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicCaseQuery = z.infer<typeof publicCaseQuerySchema>;

/** An excerpt of a published text for the list (whole characters, no cut surrogate pairs). */
export function excerptOf(text: string, length = 80): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length).join('')}…`;
}
