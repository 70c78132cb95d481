import type { FastifyInstance } from 'fastify';

/** Dashboards per role (issue 10 item 1). Placeholder: being built. */
export async function dashboardRoutes(_fastify: FastifyInstance): Promise<void> {}
