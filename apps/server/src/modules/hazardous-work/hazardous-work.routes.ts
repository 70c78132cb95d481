import type { FastifyInstance } from 'fastify';

/** Hot-work permits, welding-equipment checks, special-operation certificates, warning education. */
export async function hazardousWorkRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 6 are registered here.
}
