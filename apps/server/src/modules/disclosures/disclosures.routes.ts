import type { FastifyInstance } from 'fastify';

/** Public disclosure of typical cases and exposures (issue 10 item 2). Placeholder: being built. */
export async function disclosuresRoutes(_fastify: FastifyInstance): Promise<void> {}
