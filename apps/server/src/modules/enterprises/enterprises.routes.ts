import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuerySchema, Permission } from '@hazard-ledger/domain';
import { commonErrors } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { listEnterprises } from './enterprises.service.js';

const enterpriseListItem = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string(),
  sector: z.string(),
  status: z.string(),
  district: z.string(),
});

/** Enterprise registry routes (the full registry arrives with its own issue). */
export async function enterprisesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  app.get(
    '/enterprises',
    {
      config: { access: Permission.EnterpriseRead },
      schema: {
        tags: ['enterprises'],
        summary: '企业列表',
        querystring: pageQuerySchema.extend({ q: z.string().trim().max(50).optional() }).strict(),
        response: { 200: pageOf(enterpriseListItem), ...commonErrors },
      },
    },
    async (request) => listEnterprises(deps, request.ctx, request.query),
  );
}
