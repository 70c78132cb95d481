import type { FastifyInstance } from 'fastify';

/** Safety informants (安全生产信息员) and reward cases (举报奖励). */
export async function informantsRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 8 are registered here.
}
