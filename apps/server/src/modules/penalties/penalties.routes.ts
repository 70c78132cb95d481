import type { FastifyInstance } from 'fastify';

/** Penalty cases (一案双罚), enforcement measures and repeat offenders. */
export async function penaltiesRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 7 are registered here.
}
