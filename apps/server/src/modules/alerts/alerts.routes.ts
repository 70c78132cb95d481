import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ALERT_RESPONSE_FILTERS,
  alertDetailSchema,
  alertListItemSchema,
  alertResponseInputSchema,
  alertResponseViewSchema,
  createAlertSchema,
  pageOf,
  pageQuerySchema,
  Permission,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as alerts from './alerts.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(50).optional(),
    pending: z.enum(['true', 'false']).optional(),
  })
  .strict();

const responsesQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(ALERT_RESPONSE_FILTERS).optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

/** Accident-lesson alerts (典型事故警示): publish, list, answer, track responses. */
export async function alertsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['alerts'];

  app.post(
    '/alerts',
    {
      config: { access: Permission.AlertManage },
      schema: {
        tags,
        summary: '发布典型事故警示（要求所选行业企业自查并按期反馈）',
        body: createAlertSchema,
        response: { 201: alertDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await alerts.publishAlert(deps, request.ctx, request.body)),
  );

  app.get(
    '/alerts',
    {
      config: { access: Permission.AlertRead },
      schema: {
        tags,
        summary: '事故警示列表（企业：本企业收到的，未反馈在前）',
        querystring: listQuerySchema,
        response: { 200: pageOf(alertListItemSchema), ...commonErrors },
      },
    },
    async (request) => alerts.listAlerts(deps, request.ctx, request.query as alerts.AlertListQuery),
  );

  app.get(
    '/alerts/:id',
    {
      config: { access: Permission.AlertRead },
      schema: {
        tags,
        summary: '事故警示详情',
        params: idParamsSchema,
        response: { 200: alertDetailSchema, ...commonErrors },
      },
    },
    async (request) => alerts.getAlert(deps, request.ctx, request.params.id),
  );

  app.post(
    '/alerts/:id/response',
    {
      config: { access: Permission.AlertRespond },
      schema: {
        tags,
        summary: '企业反馈自查结果（发现/未发现同类隐患）',
        params: idParamsSchema,
        body: alertResponseInputSchema,
        response: { 200: alertDetailSchema, ...commonErrors },
      },
    },
    async (request) => alerts.respondToAlert(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/alerts/:id/responses',
    {
      config: { access: Permission.AlertManage },
      schema: {
        tags,
        summary: '各企业反馈情况（可筛选未反馈、逾期）',
        params: idParamsSchema,
        querystring: responsesQuerySchema,
        response: { 200: pageOf(alertResponseViewSchema), ...commonErrors },
      },
    },
    async (request) =>
      alerts.listResponses(
        deps,
        request.ctx,
        request.params.id,
        request.query as alerts.ResponseListQuery,
      ),
  );
}
