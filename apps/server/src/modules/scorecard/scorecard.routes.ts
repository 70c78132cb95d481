import type { FastifyInstance } from 'fastify';

/** The five-duty scorecard of an enterprise and the overview across enterprises. */
export async function scorecardRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 6 are registered here.
}
