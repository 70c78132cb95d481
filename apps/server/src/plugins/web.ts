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
        cacheControl: false,
        // Vite names every built asset by its content hash, so a browser may keep one for good;
        // index.html (which names the current ones) is always revalidated.
        setHeaders: (res, filePath) => {
          res.setHeader(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
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
