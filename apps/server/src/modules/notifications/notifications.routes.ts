import type { FastifyInstance } from 'fastify';

/** Notification centre and reminder jobs (issue 10 item 4). Placeholder: being built. */
export async function notificationsRoutes(_fastify: FastifyInstance): Promise<void> {}
