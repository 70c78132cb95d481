import type { FastifyInstance } from 'fastify';

/** Enforcement staff records and training (issue 10 item 3). Placeholder: being built. */
export async function staffRoutes(_fastify: FastifyInstance): Promise<void> {}
