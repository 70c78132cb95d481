import type { FastifyInstance } from 'fastify';

/** Responsibility system, outsourcing / leasing contracts and emergency drills. */
export async function dutyRecordsRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 6 are registered here.
}
