import type { FastifyInstance } from 'fastify';

/** Leader's monthly inspections, key-period duty and the safety production fund. */
export async function leaderDutiesRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 6 are registered here.
}
