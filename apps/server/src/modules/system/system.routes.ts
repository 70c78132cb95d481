import type { FastifyInstance } from 'fastify';
import { RouteAccess } from '@hazard-ledger/domain';
import { ping } from '../../db/dialect.js';

/** Liveness and readiness probes for load balancers and orchestrators. */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { config: { access: RouteAccess.Public } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: RouteAccess.Public } }, async (request, reply) => {
    try {
      await ping(app.db.kysely);
      return { status: 'ready' };
    } catch (err) {
      request.log.warn({ err }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
