import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgUnitSchema, Permission } from '@hazard-ledger/domain';
import { commonErrors } from '../../lib/http-schemas.js';
import { requireActor } from '../../lib/request-context.js';
import { listOrgUnitsUnder } from './org.repository.js';

/** The org tree of the caller's territory. */
export async function orgRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/org-units',
    {
      config: { access: Permission.OrgRead },
      schema: {
        tags: ['org'],
        summary: '组织机构',
        response: { 200: z.object({ items: z.array(orgUnitSchema) }), ...commonErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request.ctx);
      const rows = await listOrgUnitsUnder(fastify.db.kysely, actor.territoryPath);
      return {
        items: rows.map((r) => ({
          id: r.id,
          parentId: r.parent_id,
          kind: r.kind as z.infer<typeof orgUnitSchema>['kind'],
          name: r.name,
          code: r.code,
          path: r.path,
        })),
      };
    },
  );
}
