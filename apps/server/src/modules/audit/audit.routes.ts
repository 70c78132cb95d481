import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuerySchema, Permission } from '@hazard-ledger/domain';
import { commonErrors } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { listAuditRows, verifyChain } from './audit.service.js';

const auditRowSchema = z.object({
  id: z.number(),
  seq: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});

const isoInstant = z.iso.datetime({ offset: true, message: '时间格式应为ISO 8601' });

/** The audit log: filtered list and chain verification. */
export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  app.get(
    '/audit',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: pageQuerySchema
          .extend({
            actorId: z.coerce.number().int().positive().optional(),
            action: z.string().max(64).optional(),
            entityType: z.string().max(64).optional(),
            entityId: z.string().max(64).optional(),
            from: isoInstant.optional(),
            to: isoInstant.optional(),
          })
          .strict(),
        response: { 200: pageOf(auditRowSchema), ...commonErrors },
      },
    },
    async (request) => listAuditRows(deps, request.ctx, request.query),
  );
  app.get(
    '/audit/verify',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags: ['audit'],
        summary: '校验审计链',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBrokenId: z.number().nullable(),
            reason: z.string().nullable(),
          }),
          ...commonErrors,
        },
      },
    },
    async () => verifyChain(deps),
  );
}
