import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageOf,
  pageQuerySchema,
  Permission,
  scorecardSchema,
  SECTORS,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import { exportScorecards } from './scorecard-export.js';
import * as scorecard from './scorecard.service.js';

const filterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  sector: z.enum(SECTORS).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
});

const scorecardListItemSchema = scorecardSchema.extend({
  sector: z.enum(SECTORS),
  districtName: z.string(),
});

/** The five-duty scorecard of an enterprise and the overview across enterprises. */
export async function scorecardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['duties'];

  app.get(
    '/enterprises/:id/scorecard',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '企业主要负责人五项重点任务落实情况（按记录计算）',
        params: idParamsSchema,
        querystring: z
          .object({ date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional() })
          .strict(),
        response: { 200: scorecardSchema, ...commonErrors },
      },
    },
    async (request) =>
      scorecard.getScorecard(deps, request.ctx, request.params.id, request.query.date),
  );

  app.get(
    '/scorecards',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '辖区企业五项重点任务落实情况一览',
        querystring: pageQuerySchema.extend(filterSchema.shape).strict(),
        response: { 200: pageOf(scorecardListItemSchema), ...commonErrors },
      },
    },
    async (request) =>
      scorecard.listScorecards(deps, request.ctx, request.query as scorecard.ScorecardListQuery),
  );

  app.get(
    '/scorecards/export',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '导出五项重点任务落实情况（xlsx）',
        querystring: filterSchema.strict(),
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentName(`五项重点任务落实情况-${new Date().toISOString().slice(0, 10)}.xlsx`),
        )
        .send(await exportScorecards(deps, request.ctx, request.query)),
  );
}
