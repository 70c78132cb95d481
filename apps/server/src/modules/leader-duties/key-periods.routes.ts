import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dutyCheckInInputSchema,
  dutyRosterInputSchema,
  keyPeriodEnterpriseRowSchema,
  keyPeriodInputSchema,
  keyPeriodUpdateSchema,
  keyPeriodViewSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  voidKeyPeriodSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as periods from './key-periods.service.js';

const yearSchema = z.coerce
  .number()
  .int()
  .min(2000, { message: '年度不正确' })
  .max(2100, { message: '年度不正确' });

const listQuerySchema = pageQuerySchema
  .pick({ page: true, pageSize: true })
  .extend({ year: yearSchema.optional() })
  .strict();

const enterprisesQuerySchema = pageQuerySchema
  .pick({ page: true, pageSize: true })
  .extend({
    missedOnly: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

const enterprisePeriodParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  periodId: z.coerce.number().int().positive(),
});

/** Key periods (关键时间节点): declared by the bureau, the enterprises' roster and check-ins. */
export async function keyPeriodsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['key-periods'];

  app.get(
    '/key-periods',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '关键时间节点列表（企业：本企业的值班与签到；部门：未签到统计）',
        querystring: listQuerySchema,
        response: { 200: pageOf(keyPeriodViewSchema), ...commonErrors },
      },
    },
    async (request) => periods.listKeyPeriods(deps, request.ctx, request.query),
  );

  app.post(
    '/key-periods',
    {
      config: { access: Permission.KeyPeriodManage },
      schema: {
        tags,
        summary: '发布关键时间节点（本辖区所选行业领域企业须安排负责人在岗并每日签到）',
        body: keyPeriodInputSchema,
        response: { 201: keyPeriodViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await periods.declareKeyPeriod(deps, request.ctx, request.body)),
  );

  app.get(
    '/key-periods/:id',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '关键时间节点详情',
        params: idParamsSchema,
        response: { 200: keyPeriodViewSchema, ...commonErrors },
      },
    },
    async (request) => periods.getKeyPeriod(deps, request.ctx, request.params.id),
  );

  app.put(
    '/key-periods/:id',
    {
      config: { access: Permission.KeyPeriodManage },
      schema: {
        tags,
        summary: '修改未开始的关键时间节点',
        params: idParamsSchema,
        body: keyPeriodUpdateSchema,
        response: { 200: keyPeriodViewSchema, ...commonErrors },
      },
    },
    async (request) => periods.updateKeyPeriod(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/key-periods/:id/void',
    {
      config: { access: Permission.KeyPeriodManage },
      schema: {
        tags,
        summary: '作废关键时间节点',
        params: idParamsSchema,
        body: voidKeyPeriodSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await periods.voidKeyPeriod(deps, request.ctx, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/key-periods/:id/enterprises',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '各企业值班签到情况（可只看有未签到日的企业）',
        params: idParamsSchema,
        querystring: enterprisesQuerySchema,
        response: { 200: pageOf(keyPeriodEnterpriseRowSchema), ...commonErrors },
      },
    },
    async (request) =>
      periods.listPeriodEnterprises(deps, request.ctx, request.params.id, request.query),
  );

  app.get(
    '/enterprises/:id/key-periods',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '企业某年度的关键时间节点值班与签到情况',
        params: idParamsSchema,
        querystring: z.strictObject({ year: yearSchema.optional() }),
        response: {
          200: z.object({
            enterpriseId: z.number().int(),
            year: z.number().int(),
            items: z.array(keyPeriodViewSchema),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      periods.enterpriseKeyPeriods(deps, request.ctx, request.params.id, request.query.year),
  );

  app.put(
    '/enterprises/:id/key-periods/:periodId/roster',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '安排关键时间节点每日在岗负责人',
        params: enterprisePeriodParams,
        body: dutyRosterInputSchema,
        response: { 200: keyPeriodViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      periods.saveRoster(
        deps,
        request.ctx,
        request.params.id,
        request.params.periodId,
        request.body,
      ),
  );

  app.post(
    '/enterprises/:id/key-periods/:periodId/check-ins',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '在岗签到（仅限当天）',
        params: enterprisePeriodParams,
        body: dutyCheckInInputSchema,
        response: { 201: keyPeriodViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await periods.checkIn(
            deps,
            request.ctx,
            request.params.id,
            request.params.periodId,
            request.body,
          ),
        ),
  );
}
