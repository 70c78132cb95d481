import type { FastifyInstance } from 'fastify';

/** On-site inspection records, Ed25519 signatures, acknowledgement and verification. */
export async function inspectionsRoutes(_fastify: FastifyInstance): Promise<void> {
  // Placeholder: routes of this part of issue 7 are registered here.
}
