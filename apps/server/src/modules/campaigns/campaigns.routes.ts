import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  campaignViewSchema,
  createCampaignSchema,
  dateSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  updateCampaignSchema,
  voidSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as campaigns from './campaigns.service.js';

/** The day progress is computed for; default today in the bureau's time zone. */
const asOfSchema = z.strictObject({ date: dateSchema.optional() });

const listQuerySchema = pageQuerySchema
  .extend({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    date: dateSchema.optional(),
  })
  .strict();

/** Campaigns (专项行动): list, current, detail, create, edit, void. */
export async function campaignsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['campaigns'];

  app.get(
    '/campaigns',
    {
      config: { access: Permission.CampaignRead },
      schema: {
        tags,
        summary: '专项行动列表',
        querystring: listQuerySchema,
        response: { 200: pageOf(campaignViewSchema), ...commonErrors },
      },
    },
    async (request) =>
      campaigns.listCampaigns(deps, request.ctx, request.query as campaigns.CampaignListQuery),
  );

  app.get(
    '/campaigns/current',
    {
      config: { access: Permission.CampaignRead },
      schema: {
        tags,
        summary: '本辖区当前专项行动及所处阶段',
        querystring: asOfSchema,
        response: {
          200: z.object({ campaign: campaignViewSchema.nullable() }),
          ...commonErrors,
        },
      },
    },
    async (request) => campaigns.currentCampaign(deps, request.ctx, request.query.date),
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: Permission.CampaignRead },
      schema: {
        tags,
        summary: '专项行动详情与进度',
        params: idParamsSchema,
        querystring: asOfSchema,
        response: { 200: campaignViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      campaigns.getCampaign(deps, request.ctx, request.params.id, request.query.date),
  );

  app.post(
    '/campaigns',
    {
      config: { access: Permission.CampaignManage },
      schema: {
        tags,
        summary: '新建专项行动（阶段、报送安排可用默认值）',
        body: createCampaignSchema,
        response: { 201: campaignViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await campaigns.createCampaign(deps, request.ctx, request.body)),
  );

  app.put(
    '/campaigns/:id',
    {
      config: { access: Permission.CampaignManage },
      schema: {
        tags,
        summary: '修改专项行动',
        params: idParamsSchema,
        body: updateCampaignSchema,
        response: { 200: campaignViewSchema, ...commonErrors },
      },
    },
    async (request) => campaigns.updateCampaign(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/campaigns/:id/void',
    {
      config: { access: Permission.CampaignManage },
      schema: {
        tags,
        summary: '作废专项行动',
        params: idParamsSchema,
        body: voidSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await campaigns.voidCampaign(deps, request.ctx, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
}
