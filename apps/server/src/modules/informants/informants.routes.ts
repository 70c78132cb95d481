import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createInformantAccountSchema,
  createInformantSchema,
  informantIdentitySchema,
  informantReportSchema,
  informantStatusSchema,
  informantViewSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  SECTORS,
  type Sector,
  updateInformantSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { submitReportOnBehalf } from './informant-reports.service.js';
import * as informants from './informants.service.js';
import { myReportsRoutes } from './my-reports.routes.js';
import { rewardsRoutes } from './rewards.routes.js';

const listQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(50).optional(),
    districtId: z.coerce.number().int().positive().optional(),
    sector: z.enum(SECTORS as [Sector, ...Sector[]]).optional(),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

/** Safety informants (安全生产信息员) and reward cases (举报奖励). */
export async function informantsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['informants'];
  const access = Permission.InformantManage;

  app.get(
    '/informants',
    {
      config: { access },
      schema: {
        tags,
        summary: '信息员名册（姓名、电话脱敏）',
        querystring: listQuerySchema,
        response: { 200: pageOf(informantViewSchema), ...commonErrors },
      },
    },
    async (request) =>
      informants.listInformants(deps, request.ctx, request.query as informants.InformantListQuery),
  );

  app.post(
    '/informants',
    {
      config: { access },
      schema: {
        tags,
        summary: '登记信息员（姓名、电话加密保存）',
        body: createInformantSchema,
        response: { 201: informantViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await informants.createInformant(deps, request.ctx, request.body)),
  );

  app.get(
    '/informants/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: '信息员详情',
        params: idParamsSchema,
        response: { 200: informantViewSchema, ...commonErrors },
      },
    },
    async (request) => informants.getInformant(deps, request.ctx, request.params.id),
  );

  app.patch(
    '/informants/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: '修改信息员登记（登录账号随之调整区县和行业）',
        params: idParamsSchema,
        body: updateInformantSchema,
        response: { 200: informantViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      informants.updateInformant(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/informants/:id/status',
    {
      config: { access },
      schema: {
        tags,
        summary: '信息员在岗/停用（停用同时停用其登录账号）',
        params: idParamsSchema,
        body: informantStatusSchema,
        response: { 200: informantViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      informants.setInformantStatus(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/informants/:id/account',
    {
      config: { access },
      schema: {
        tags,
        summary: '为信息员开通登录账号（用户名和初始密码）',
        params: idParamsSchema,
        body: createInformantAccountSchema,
        response: { 201: informantViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await informants.createInformantAccount(
            deps,
            request.ctx,
            request.params.id,
            request.body,
          ),
        ),
  );

  app.post(
    '/informants/:id/identity',
    {
      config: { access },
      schema: {
        tags,
        summary: '查看信息员姓名和电话（每次查看均记入审计日志）',
        params: idParamsSchema,
        response: { 200: informantIdentitySchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await informants.readInformantIdentity(deps, request.ctx, request.params.id)),
  );

  app.post(
    '/informants/:id/reports',
    {
      config: { access },
      schema: {
        tags,
        summary: '代信息员录入报告（记为信息员报告渠道）',
        params: idParamsSchema,
        body: informantReportSchema,
        response: {
          201: z.object({ tipId: z.number(), number: z.string() }),
          ...commonErrors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await submitReportOnBehalf(deps, request.ctx, request.params.id, request.body)),
  );

  await myReportsRoutes(fastify);
  await rewardsRoutes(fastify);
}
