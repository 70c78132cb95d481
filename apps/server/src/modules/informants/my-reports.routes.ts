import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  informantReportSchema,
  myInformantProfileSchema,
  myReportDetailSchema,
  myReportListItemSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  reportEnterpriseSchema,
  reportFileSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName } from '../../lib/xlsx.js';
import * as reports from './informant-reports.service.js';

/** An informant's own reports (/my-reports): submit, follow, add photos. */
export async function myReportsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['informants'];
  const access = Permission.TipReport;

  app.get(
    '/my-reports/profile',
    {
      config: { access },
      schema: {
        tags,
        summary: '本信息员的登记信息（编号、区县、行业）',
        response: { 200: myInformantProfileSchema, ...commonErrors },
      },
    },
    async (request) => reports.myProfile(deps, request.ctx),
  );

  app.get(
    '/my-reports/enterprises',
    {
      config: { access },
      schema: {
        tags,
        summary: '可报告的企业（本区县、本人负责的行业领域）',
        querystring: z.strictObject({ q: z.string().trim().max(50).optional() }),
        response: { 200: z.object({ items: z.array(reportEnterpriseSchema) }), ...commonErrors },
      },
    },
    async (request) => reports.reportEnterprises(deps, request.ctx, request.query.q),
  );

  app.get(
    '/my-reports',
    {
      config: { access },
      schema: {
        tags,
        summary: '我的报告（仅本人提交或代本人录入的）',
        querystring: pageQuerySchema.strict(),
        response: { 200: pageOf(myReportListItemSchema), ...commonErrors },
      },
    },
    async (request) => reports.listMyReports(deps, request.ctx, request.query),
  );

  app.post(
    '/my-reports',
    {
      config: { access },
      schema: {
        tags,
        summary: '提交信息员报告（记为举报，渠道为信息员报告）',
        body: informantReportSchema,
        response: { 201: myReportDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reports.submitMyReport(deps, request.ctx, request.body)),
  );

  app.get(
    '/my-reports/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: '我的报告详情（办理状态、答复）',
        params: idParamsSchema,
        response: { 200: myReportDetailSchema, ...commonErrors },
      },
    },
    async (request) => reports.getMyReport(deps, request.ctx, request.params.id),
  );

  app.post(
    '/my-reports/:id/files',
    {
      config: { access },
      schema: {
        tags,
        summary: '为报告上传照片（去除位置信息）或PDF',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: reportFileSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      return reply
        .code(201)
        .send(await reports.addMyReportFile(deps, request.ctx, request.params.id, file));
    },
  );

  app.get(
    '/my-reports/:id/files/:fileId',
    {
      config: { access },
      schema: {
        tags,
        summary: '查看报告照片或文件',
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          fileId: z.coerce.number().int().positive(),
        }),
      },
    },
    async (request, reply) => {
      const file = await reports.readMyReportFile(
        deps,
        request.ctx,
        request.params.id,
        request.params.fileId,
      );
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
        .header('cache-control', 'private, max-age=300')
        .send(file.stream);
    },
  );
}
