import type { FastifyInstance } from 'fastify';

/** Accidents and responsibility trace-back (issue 10 item 5). Placeholder: being built. */
export async function accidentsRoutes(_fastify: FastifyInstance): Promise<void> {}
