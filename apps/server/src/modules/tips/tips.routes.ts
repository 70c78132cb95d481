import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  Permission,
  SECTORS,
  staffTipEntryResultSchema,
  staffTipEntrySchema,
  staffTipMessageSchema,
  TIP_CHANNELS,
  TIP_RECORD_ACTIONS,
  TIP_STATUSES,
  tipActionRequestSchema,
  tipAssigneesSchema,
  tipDetailSchema,
  tipDuplicatesSchema,
  tipFileSchema,
  tipIdentityViewSchema,
  tipLinkCandidatesSchema,
  tipListItemSchema,
  type TipRecordAction,
} from '@hazard-ledger/domain';
import { fieldError } from '../../lib/app-error.js';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import { actOnTip, addTipMessage } from './tip-actions.service.js';
import { exportTips } from './tip-export.js';
import { addTipFile, readTipFile } from './tip-files.service.js';
import * as tips from './tips.service.js';

const dateParam = z.iso.date({ message: '日期格式应为YYYY-MM-DD' });
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

const filterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(TIP_STATUSES as [string, ...string[]]).optional(),
  channel: z.enum(TIP_CHANNELS as [string, ...string[]]).optional(),
  sector: z.enum(SECTORS as [string, ...string[]]).optional(),
  districtId: z.coerce.number().int().positive().optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  overdue: boolParam.optional(),
  mine: boolParam.optional(),
  receivedFrom: dateParam.optional(),
  receivedTo: dateParam.optional(),
});

const listQuerySchema = pageQuerySchema
  .extend({
    ...filterSchema.shape,
    sort: z.enum(['receivedAt', 'dueDate', 'number', 'status', 'updatedAt']).optional(),
  })
  .strict();

const fileParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});

/** Staff side of tips: channels, triage workflow, replies and notes, links to results, identity view. */
export async function tipsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['tips'];

  app.get(
    '/tips',
    {
      config: { access: Permission.TipRead },
      schema: {
        tags,
        summary: '举报列表（不含举报人身份）',
        querystring: listQuerySchema,
        response: {
          200: z.object({
            items: z.array(tipListItemSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            countsByStatus: z.record(z.string(), z.number()),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => tips.listTips(deps, request.ctx, request.query as tips.TipListQuery),
  );

  app.get(
    '/tips/export',
    {
      config: { access: Permission.TipRead },
      schema: {
        tags,
        summary: '导出举报受理登记表（xlsx，不含举报人身份）',
        querystring: filterSchema.strict(),
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentName(`举报受理登记表-${new Date().toISOString().slice(0, 10)}.xlsx`),
        )
        .send(await exportTips(deps, request.ctx, request.query as tips.TipListQuery)),
  );

  app.post(
    '/tips',
    {
      config: { access: Permission.TipManage },
      schema: {
        tags,
        summary: '登记热线、电话、来信、来访举报',
        body: staffTipEntrySchema,
        response: { 201: staffTipEntryResultSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tips.createStaffTip(deps, request.ctx, request.body)),
  );

  app.get(
    '/tips/:id',
    {
      config: { access: Permission.TipRead },
      schema: {
        tags,
        summary: '举报详情（不含举报人身份）',
        params: idParamsSchema,
        response: { 200: tipDetailSchema, ...commonErrors },
      },
    },
    async (request) => tips.getTip(deps, request.ctx, request.params.id),
  );

  app.post(
    '/tips/:id/identity',
    {
      config: { access: Permission.TipIdentity },
      schema: {
        tags,
        summary: '查看举报人身份（每次查看均记入审计日志）',
        params: idParamsSchema,
        response: { 200: tipIdentityViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await tips.viewTipIdentity(deps, request.ctx, request.params.id)),
  );

  app.get(
    '/tips/:id/duplicates',
    {
      config: { access: Permission.TipRead },
      schema: {
        tags,
        summary: '疑似重复：同一企业的未销号隐患和未办结举报',
        params: idParamsSchema,
        response: { 200: tipDuplicatesSchema, ...commonErrors },
      },
    },
    async (request) => tips.tipDuplicates(deps, request.ctx, request.params.id),
  );

  app.get(
    '/tips/:id/assignees',
    {
      config: { access: Permission.TipManage },
      schema: {
        tags,
        summary: '可交办的科室和执法人员',
        params: idParamsSchema,
        response: { 200: tipAssigneesSchema, ...commonErrors },
      },
    },
    async (request) => tips.tipAssignees(deps, request.ctx, request.params.id),
  );

  app.get(
    '/tips/:id/link-candidates',
    {
      config: { access: Permission.TipManage },
      schema: {
        tags,
        summary: '可关联的隐患、检查记录和处罚案件',
        params: idParamsSchema,
        response: { 200: tipLinkCandidatesSchema, ...commonErrors },
      },
    },
    async (request) => tips.tipLinkCandidates(deps, request.ctx, request.params.id),
  );

  app.post(
    '/tips/:id/actions/:action',
    {
      config: { access: Permission.TipManage },
      schema: {
        tags,
        summary: '办理举报流程操作（可带 Idempotency-Key 头）',
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          action: z.enum(TIP_RECORD_ACTIONS as [TipRecordAction, ...TipRecordAction[]], {
            message: '未知的操作',
          }),
        }),
        body: tipActionRequestSchema,
        response: { 200: tipDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key))) {
        throw fieldError('Idempotency-Key', '幂等键格式不正确');
      }
      return actOnTip(
        deps,
        request.ctx,
        request.params.id,
        request.params.action,
        request.body,
        key ?? null,
      );
    },
  );

  app.post(
    '/tips/:id/messages',
    {
      config: { access: Permission.TipManage },
      schema: {
        tags,
        summary: '内部备注、答复举报人或向举报人提问',
        params: idParamsSchema,
        body: staffTipMessageSchema,
        response: { 201: tipDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addTipMessage(deps, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/tips/:id/files',
    {
      config: { access: Permission.TipManage },
      schema: {
        tags,
        summary: '上传举报附件（来信扫描件、核查照片）',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: tipFileSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      return reply.code(201).send(await addTipFile(deps, request.ctx, request.params.id, file));
    },
  );

  app.get(
    '/tips/:id/files/:fileId',
    {
      config: { access: Permission.TipRead },
      schema: { tags, summary: '下载举报附件', params: fileParamsSchema },
    },
    async (request, reply) => {
      const file = await readTipFile(deps, request.ctx, request.params.id, request.params.fileId);
      const inline = file.mimeType.startsWith('image/') || file.mimeType === 'application/pdf';
      return reply
        .type(file.mimeType)
        .header(
          'content-disposition',
          inline
            ? `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
            : attachmentName(file.fileName),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
}
