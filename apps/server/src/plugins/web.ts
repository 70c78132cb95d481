import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ErrorCode } from '@hazard-ledger/domain';
import { sendError } from './errors.js';
import { markScopePublic } from './openapi.js';

/**
 * Serves the built web app. Unknown non-API GETs that accept HTML get index.html so client-side
 * routes survive a reload; everything else gets the API's 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string | null): Promise<void> {
  const index = distDir ? path.join(distDir, 'index.html') : null;
  const hasWeb = index !== null && fs.existsSync(index);
  if (hasWeb) {
    await app.register(async (scope) => {
      markScopePublic(scope);
      await scope.register(fastifyStatic, {
        root: distDir!,
        wildcard: false,
        index: ['index.html'],
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (
      hasWeb &&
      request.method === 'GET' &&
      !isApi &&
      (request.headers.accept ?? '').includes('text/html')
    ) {
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(index));
    }
    return sendError(reply, request, 404, ErrorCode.NotFound);
  });
}
