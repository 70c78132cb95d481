import type { FastifyInstance } from 'fastify';

/** Self-inspections against the applicable checklist (对标自查自改) and their coverage. */
export async function selfInspectionsRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 6 are registered here.
}
