import type { FastifyInstance } from 'fastify';

/** The public tip page's API: submit with a receipt code, follow up with the code (no login). */
export async function tipsPublicRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 8 are registered here.
}
