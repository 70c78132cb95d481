import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgeInspectionSchema,
  inspectionDraftSchema,
  inspectionFormContextSchema,
  inspectionListQuerySchema,
  inspectionRecordDetailSchema,
  inspectionRecordListItemSchema,
  inspectionVersionSchema,
  pageOf,
  Permission,
  publicVerificationSchema,
  recordVerificationSchema,
  reopenInspectionSchema,
  RouteAccess,
  signInspectionSchema,
  updateInspectionDraftSchema,
  verificationCodeSchema,
} from '@hazard-ledger/domain';
import { commonErrors, errorBodySchema, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName } from '../../lib/xlsx.js';
import * as drafts from './inspection-drafts.service.js';
import { inspectionRecordPdf } from './inspection-pdf.js';
import * as signing from './inspection-signing.service.js';
import * as inspections from './inspections.service.js';
import { useSigningSecret } from './signing-keys.js';

const formContextQuerySchema = z
  .object({
    enterpriseId: z.coerce.number().int().positive().optional(),
    planId: z.coerce.number().int().positive().optional(),
    targetId: z.coerce.number().int().positive().optional(),
  })
  .strict()
  .refine((q) => q.enterpriseId !== undefined || q.targetId !== undefined, {
    path: ['enterpriseId'],
    message: '请选择被检查单位',
  });

/** On-site inspection records, Ed25519 signatures, acknowledgement and verification. */
export async function inspectionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['inspections'];
  // The configuration requires SIGNING_KEY_SECRET in production and supplies one otherwise.
  useSigningSecret(deps.config.signingKeySecret);

  app.get(
    '/inspections',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '现场检查记录列表（企业：本企业已签名的记录）',
        querystring: inspectionListQuerySchema,
        response: { 200: pageOf(inspectionRecordListItemSchema), ...commonErrors },
      },
    },
    async (request) => inspections.listRecords(deps, request.ctx, request.query),
  );

  app.get(
    '/inspections/form-context',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '填写检查记录所需：适用检查项、企业未销号隐患、可选执法人员',
        querystring: formContextQuerySchema,
        response: { 200: inspectionFormContextSchema, ...commonErrors },
      },
    },
    async (request) => inspections.formContext(deps, request.ctx, request.query),
  );

  app.post(
    '/inspections',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '填写现场检查记录（草稿）',
        body: inspectionDraftSchema,
        response: { 201: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await drafts.createRecord(deps, request.ctx, request.body)),
  );

  app.get(
    '/inspections/:id',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '现场检查记录详情',
        params: idParamsSchema,
        response: { 200: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request) => inspections.getRecord(deps, request.ctx, request.params.id),
  );

  app.put(
    '/inspections/:id',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '保存检查记录草稿（带版本号）',
        params: idParamsSchema,
        body: updateInspectionDraftSchema,
        response: { 200: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request) => drafts.updateRecord(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspections/:id/submit',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '提交签名：固定记录内容、企业五项重点任务落实情况和签名原文',
        params: idParamsSchema,
        body: inspectionVersionSchema,
        response: { 200: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      signing.submitForSigning(deps, request.ctx, request.params.id, request.body.version),
  );

  app.post(
    '/inspections/:id/reopen',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '退回修改（已有签名作废）',
        params: idParamsSchema,
        body: reopenInspectionSchema,
        response: { 200: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request) => signing.reopenRecord(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspections/:id/sign',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '执法人员签名（个人Ed25519密钥，签名覆盖记录原文）',
        params: idParamsSchema,
        body: signInspectionSchema,
        response: { 200: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      signing.signRecord(deps, request.ctx, request.params.id, request.body.contentHash),
  );

  app.post(
    '/inspections/:id/acknowledge',
    {
      config: { access: Permission.EnforcementAcknowledge },
      schema: {
        tags,
        summary: '企业签收现场检查记录',
        params: idParamsSchema,
        body: acknowledgeInspectionSchema,
        response: { 200: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      signing.acknowledgeRecord(deps, request.ctx, request.params.id, request.body.note),
  );

  app.post(
    '/inspections/:id/correct',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '更正：以原记录内容新建更正记录，全部签名后原记录标记为已更正',
        params: idParamsSchema,
        response: { 201: inspectionRecordDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await drafts.correctRecord(deps, request.ctx, request.params.id)),
  );

  app.get(
    '/inspections/:id/verify',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '验证签名：由存储内容重新计算原文和验证码，逐一核验签名',
        params: idParamsSchema,
        response: { 200: recordVerificationSchema, ...commonErrors },
      },
    },
    async (request) => inspections.verifyRecord(deps, request.ctx, request.params.id),
  );

  app.get(
    '/inspections/:id/pdf',
    {
      config: { access: Permission.EnforcementRead },
      schema: { tags, summary: '下载现场检查记录（PDF）', params: idParamsSchema },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const { buffer, fileName } = await inspectionRecordPdf(
        deps,
        request.ctx,
        request.params.id,
        origin,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.get(
    '/verify/:code',
    {
      config: {
        access: RouteAccess.Public,
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: '公开核验执法文书验证码（仅显示编号、单位、日期、签名人和核验结果）',
        params: z.strictObject({ code: verificationCodeSchema }),
        response: { 200: publicVerificationSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => inspections.verifyByCode(deps, request.params.code),
  );
}
