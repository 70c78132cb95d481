import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentViewSchema,
  createNoticeSchema,
  noticeDetailSchema,
  noticeListItemSchema,
  noticeReceiptSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  remindNoticeSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName } from '../../lib/xlsx.js';
import { uploadAttachment } from './attachments.service.js';
import * as receipts from './notice-receipts.service.js';
import * as notices from './notices.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(50).optional(),
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();

const receiptsQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(['read', 'unread']).optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

const attachmentParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});

/** Notices (通知): attachments, publish, lists, read receipts, reminders, downloads. */
export async function noticesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['notices'];

  app.post(
    '/notices/attachments',
    {
      config: { access: Permission.NoticeManage },
      schema: {
        tags,
        summary: '上传通知附件（PDF/.docx/.xlsx，10MB以内）',
        consumes: ['multipart/form-data'],
        response: { 201: attachmentViewSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      return reply.code(201).send(await uploadAttachment(deps, request.ctx, file));
    },
  );

  app.post(
    '/notices',
    {
      config: { access: Permission.NoticeManage },
      schema: {
        tags,
        summary: '发布通知（送达所选行业领域的全部企业）',
        body: createNoticeSchema,
        response: { 201: noticeDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await notices.publishNotice(deps, request.ctx, request.body)),
  );

  app.get(
    '/notices',
    {
      config: { access: Permission.NoticeRead },
      schema: {
        tags,
        summary: '通知列表（企业：本企业收到的，未读在前）',
        querystring: listQuerySchema,
        response: { 200: pageOf(noticeListItemSchema), ...commonErrors },
      },
    },
    async (request) =>
      notices.listNotices(deps, request.ctx, request.query as notices.NoticeListQuery),
  );

  app.get(
    '/notices/:id',
    {
      config: { access: Permission.NoticeRead },
      schema: {
        tags,
        summary: '通知详情（企业用户打开即记录已读回执）',
        params: idParamsSchema,
        response: { 200: noticeDetailSchema, ...commonErrors },
      },
    },
    async (request) => notices.getNotice(deps, request.ctx, request.params.id),
  );

  app.get(
    '/notices/:id/receipts',
    {
      config: { access: Permission.NoticeManage },
      schema: {
        tags,
        summary: '各企业阅读回执',
        params: idParamsSchema,
        querystring: receiptsQuerySchema,
        response: { 200: pageOf(noticeReceiptSchema), ...commonErrors },
      },
    },
    async (request) =>
      receipts.listReceipts(
        deps,
        request.ctx,
        request.params.id,
        request.query as receipts.ReceiptListQuery,
      ),
  );

  app.post(
    '/notices/:id/remind',
    {
      config: { access: Permission.NoticeManage },
      schema: {
        tags,
        summary: '催办未读企业',
        params: idParamsSchema,
        // A request without a body reminds every unread enterprise.
        body: z.preprocess((v) => v ?? {}, remindNoticeSchema),
        response: {
          200: z.object({ reminded: z.number(), enterpriseIds: z.array(z.number()) }),
          ...commonErrors,
        },
      },
    },
    async (request) => receipts.remindUnread(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/notices/:id/attachments/:attachmentId',
    {
      config: { access: Permission.NoticeRead },
      schema: { tags, summary: '下载通知附件', params: attachmentParams },
    },
    async (request, reply) => {
      const { row, stream } = await notices.downloadNoticeAttachment(
        deps,
        request.ctx,
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(row.mime_type)
        .header('content-disposition', attachmentName(row.file_name))
        .header('content-length', String(row.size))
        .send(stream);
    },
  );
}
