import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { RouteAccess } from '@hazard-ledger/domain';

/** Marks every route registered in this plugin's scope as public infrastructure. */
export function markScopePublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config ??= {};
    (route.config as { access?: string }).access = RouteAccess.Public;
  });
}

/** The OpenAPI document (built from the zod schemas) and its docs page. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: '重大事故隐患排查整治系统 API',
        description: 'Hazard Ledger API. Errors: { error: { code, message, fields } }.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hl_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (scope) => {
    markScopePublic(scope);
    await scope.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      // The plugin's own policy lets same-origin pages frame the docs; like every other page
      // they may not be framed at all (clickjacking).
      transformStaticCSP: (header) =>
        header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
    });
    scope.get('/api/v1/openapi.json', async () => app.swagger());
  });
}
