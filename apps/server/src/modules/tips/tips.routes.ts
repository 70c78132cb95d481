import type { FastifyInstance } from 'fastify';

/** Staff side of tips: channels, triage workflow, replies and notes, links to results, identity view. */
export async function tipsRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 8 are registered here.
}
