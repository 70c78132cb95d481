import type { FastifyInstance } from 'fastify';

/** Rectification orders, re-inspections and on-site measures, with their documents. */
export async function enforcementOrdersRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 7 are registered here.
}
