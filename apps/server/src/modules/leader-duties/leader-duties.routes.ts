import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  enterpriseLeaderInspectionsSchema,
  enterpriseSafetyFundsSchema,
  leaderInspectionInputSchema,
  leaderInspectionUpdateSchema,
  leaderInspectionViewSchema,
  leaderOverviewSchema,
  pageQuerySchema,
  Permission,
  safetyFundInputSchema,
  SECTORS,
  type Sector,
  signLeaderInspectionSchema,
  voidLeaderInspectionSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import { keyPeriodsRoutes } from './key-periods.routes.js';
import * as inspections from './leader-inspections.service.js';
import { exportLeaderOverview, leaderOverview } from './leader-overview.service.js';
import * as funds from './safety-funds.service.js';

const yearSchema = z.coerce
  .number()
  .int()
  .min(2000, { message: '年度不正确' })
  .max(2100, { message: '年度不正确' });

const overviewFilterSchema = z.object({
  campaignId: z.coerce.number().int().positive().optional(),
  sector: z.enum(SECTORS as [Sector, ...Sector[]]).optional(),
  onlyMissing: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(50).optional(),
});

const overviewQuerySchema = pageQuerySchema
  .pick({ page: true, pageSize: true })
  .extend(overviewFilterSchema.shape)
  .strict();

/** Leader's monthly inspections, key-period duty and the safety production fund. */
export async function leaderDutiesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['leader-duties'];

  app.get(
    '/enterprises/:id/leader-inspections',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '企业主要负责人带队检查：专项行动各月情况（缺月标记）与年度检查记录',
        params: idParamsSchema,
        querystring: z.strictObject({ year: yearSchema.optional() }),
        response: { 200: enterpriseLeaderInspectionsSchema, ...commonErrors },
      },
    },
    async (request) =>
      inspections.enterpriseInspections(deps, request.ctx, request.params.id, request.query.year),
  );

  app.post(
    '/enterprises/:id/leader-inspections',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记主要负责人带队检查记录（待主要负责人签字）',
        params: idParamsSchema,
        body: leaderInspectionInputSchema,
        response: { 201: leaderInspectionViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inspections.recordInspection(deps, request.ctx, request.params.id, request.body),
        ),
  );

  app.get(
    '/leader-inspections',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '各企业主要负责人每月带队检查情况（按专项行动，缺月标记）',
        querystring: overviewQuerySchema,
        response: { 200: leaderOverviewSchema, ...commonErrors },
      },
    },
    async (request) => leaderOverview(deps, request.ctx, request.query),
  );

  app.get(
    '/leader-inspections/export',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '导出各企业主要负责人每月带队检查情况（xlsx）',
        querystring: overviewFilterSchema.strict(),
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await exportLeaderOverview(deps, request.ctx, request.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.get(
    '/leader-inspections/:id',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '带队检查记录详情',
        params: idParamsSchema,
        response: { 200: leaderInspectionViewSchema, ...commonErrors },
      },
    },
    async (request) => inspections.getInspection(deps, request.ctx, request.params.id),
  );

  app.put(
    '/leader-inspections/:id',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '修改未签字的带队检查记录（已签字的只读）',
        params: idParamsSchema,
        body: leaderInspectionUpdateSchema,
        response: { 200: leaderInspectionViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      inspections.updateInspection(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/leader-inspections/:id/sign',
    {
      config: { access: Permission.DutySign },
      schema: {
        tags,
        summary: '主要负责人签字存档（标为隐患的问题同时登记入台账）',
        params: idParamsSchema,
        body: signLeaderInspectionSchema,
        response: { 200: leaderInspectionViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      inspections.signInspection(deps, request.ctx, request.params.id, request.body.version),
  );

  app.post(
    '/leader-inspections/:id/void',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废误登记的未签字记录',
        params: idParamsSchema,
        body: voidLeaderInspectionSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await inspections.voidInspection(deps, request.ctx, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/enterprises/:id/safety-funds',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '安全生产费用（按年度提取、使用，对照隐患整改资金）',
        params: idParamsSchema,
        response: { 200: enterpriseSafetyFundsSchema, ...commonErrors },
      },
    },
    async (request) => funds.listSafetyFunds(deps, request.ctx, request.params.id),
  );

  app.put(
    '/enterprises/:id/safety-funds/:year',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记或更正某年度安全生产费用',
        params: z.strictObject({ id: z.coerce.number().int().positive(), year: yearSchema }),
        body: safetyFundInputSchema,
        response: { 200: enterpriseSafetyFundsSchema, ...commonErrors },
      },
    },
    async (request) =>
      funds.saveSafetyFund(deps, request.ctx, request.params.id, request.params.year, request.body),
  );

  await app.register(keyPeriodsRoutes);
}
