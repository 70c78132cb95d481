import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CERTIFICATE_LIST_STATES,
  operationCertificateInputSchema,
  operationCertificateViewSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  SECTORS,
  type Sector,
  updateOperationCertificateSchema,
  withdrawCertificateSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import { todayInChina } from '../../lib/time.js';
import * as certificates from './operation-certificates.service.js';

const filterSchema = z.object({
  enterpriseId: z.coerce.number().int().positive().optional(),
  sector: z.enum(SECTORS as [Sector, ...Sector[]]).optional(),
  q: z.string().trim().max(50).optional(),
  state: z.enum(CERTIFICATE_LIST_STATES).optional(),
});

const listResponseSchema = pageOf(operationCertificateViewSchema).extend({
  asOf: z.string(),
  countsByState: z.record(z.string(), z.number()),
});

/** Special-operation certificates (特种作业操作证): list with expiry, export, record, withdraw. */
export async function operationCertificateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['hazardous-work'];

  app.get(
    '/operation-certificates',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '特种作业操作证（可按即将到期、已过期、行业、企业筛选）',
        querystring: pageQuerySchema.extend(filterSchema.shape).strict(),
        response: { 200: listResponseSchema, ...commonErrors },
      },
    },
    async (request) =>
      certificates.listCertificates(
        deps,
        request.ctx,
        request.query as certificates.CertificateListQuery,
      ),
  );

  app.get(
    '/operation-certificates/export',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '导出特种作业操作证（xlsx）',
        querystring: filterSchema.strict(),
      },
    },
    async (request, reply) => {
      const stream = await certificates.exportCertificates(deps, request.ctx, request.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(`特种作业操作证-${todayInChina()}.xlsx`))
        .send(stream);
    },
  );

  app.post(
    '/enterprises/:id/operation-certificates',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记特种作业操作证',
        params: idParamsSchema,
        body: operationCertificateInputSchema,
        response: { 201: operationCertificateViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await certificates.recordCertificate(deps, request.ctx, request.params.id, request.body),
        ),
  );

  app.put(
    '/operation-certificates/:id',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '修改特种作业操作证（如换证）',
        params: idParamsSchema,
        body: updateOperationCertificateSchema,
        response: { 200: operationCertificateViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      certificates.updateCertificate(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/operation-certificates/:id/withdraw',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '停用特种作业操作证（人员离岗、作业结束）',
        params: idParamsSchema,
        body: withdrawCertificateSchema,
        response: { 200: operationCertificateViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      certificates.withdrawCertificate(deps, request.ctx, request.params.id, request.body),
  );
}
