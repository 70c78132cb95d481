import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission } from '@hazard-ledger/domain';
import { commonErrors } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as dashboard from './dashboard.service.js';

const querySchema = z.strictObject({
  /** The day the dashboard stands on (default today, China time). */
  date: z.iso.date({ message: '日期格式应为 YYYY-MM-DD' }).optional(),
});

/** Dashboards per role (issue 10 item 1). */
export async function dashboardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);

  app.get(
    '/dashboard',
    {
      // Every role that has a dashboard reads the hazard ledger; the content follows the role
      // and the caller's territory, sectors or enterprise.
      config: { access: Permission.HazardRead },
      schema: {
        tags: ['dashboard'],
        summary: '首页看板（按角色：局/市/科室/执法人员为辖区统计，企业为本企业隐患和五项任务）',
        querystring: querySchema,
        // The view types are declared in the domain (dashboard.ts), shared with the web app.
        response: { 200: z.unknown(), ...commonErrors },
      },
    },
    async (request) => dashboard.getDashboard(deps, request.ctx, request.query.date),
  );
}
