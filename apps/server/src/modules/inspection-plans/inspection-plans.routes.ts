import type { FastifyInstance } from 'fastify';

/** Inspection plans (双随机, spot checks, 帮扶, joint) and the reproducible draw. */
export async function inspectionPlansRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 7 are registered here.
}
