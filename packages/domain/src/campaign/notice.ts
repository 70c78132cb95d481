import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';

// Notices (通知, seed §二(二)1 "通知到行业内所有企业单位"): published to every enterprise of the
// chosen sectors in the publisher's territory, with a read receipt per enterprise.

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]], { message: '行业领域不正确' });

/** File types a notice may carry, checked by content, not by name. */
export const ATTACHMENT_KINDS = {
  pdf: { extension: '.pdf', mime: 'application/pdf' },
  docx: {
    extension: '.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: {
    extension: '.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** Most attachments on one notice. */
export const MAX_NOTICE_ATTACHMENTS = 10;

/** Publishing a notice; attachments are uploaded first and named here by id. */
export const createNoticeSchema = z
  .strictObject({
    title: z.string().trim().min(2, { message: '请填写通知标题' }).max(100),
    body: z.string().trim().min(1, { message: '请填写通知正文' }).max(20_000),
    sectors: z.array(sectorEnum).min(1, { message: '请选择行业领域' }).max(SECTORS.length),
    attachmentIds: z.array(z.number().int().positive()).max(MAX_NOTICE_ATTACHMENTS).default([]),
    campaignId: z.number().int().positive().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.sectors).size !== v.sectors.length) {
      ctx.addIssue({ code: 'custom', path: ['sectors'], message: '行业领域重复' });
    }
    if (new Set(v.attachmentIds).size !== v.attachmentIds.length) {
      ctx.addIssue({ code: 'custom', path: ['attachmentIds'], message: '附件重复' });
    }
  });
export type CreateNoticeInput = z.infer<typeof createNoticeSchema>;

/** Reminding the enterprises that have not read a notice: all of them, or the listed ones. */
export const remindNoticeSchema = z.strictObject({
  enterpriseIds: z.array(z.number().int().positive()).min(1).max(5000).nullable().default(null),
});
export type RemindNoticeInput = z.infer<typeof remindNoticeSchema>;

export const attachmentViewSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** An enterprise's own receipt (present for enterprise users). */
export const ownReceiptSchema = z.object({
  readAt: z.string().nullable(),
  readByName: z.string().nullable(),
  /** 已催办: the bureau reminded this enterprise at least once. */
  reminded: z.boolean(),
  remindCount: z.number(),
  lastRemindedAt: z.string().nullable(),
});

/** Read figures (present for staff). */
export const noticeStatsSchema = z.object({
  targetCount: z.number(),
  readCount: z.number(),
  unreadCount: z.number(),
});

export const noticeListItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  sectors: z.array(sectorEnum),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  campaignId: z.number().nullable(),
  publishedAt: z.string(),
  publisherName: z.string(),
  attachmentCount: z.number(),
  receipt: ownReceiptSchema.nullable(),
  stats: noticeStatsSchema.nullable(),
});
export type NoticeListItem = z.infer<typeof noticeListItemSchema>;

export const noticeDetailSchema = noticeListItemSchema.extend({
  body: z.string(),
  attachments: z.array(attachmentViewSchema),
  can: z.object({ manage: z.boolean() }),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

/** One target enterprise's receipt, as staff see it. */
export const noticeReceiptSchema = z.object({
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  readAt: z.string().nullable(),
  readByName: z.string().nullable(),
  remindCount: z.number(),
  lastRemindedAt: z.string().nullable(),
});
export type NoticeReceipt = z.infer<typeof noticeReceiptSchema>;
