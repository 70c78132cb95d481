import type { RouteGuard } from '@hazard-ledger/domain';
import type { AppConfig } from './config.js';
import type { Db } from './db/database.js';
import type { RequestContext } from './lib/request-context.js';
import type { AuditWriter } from './modules/audit/audit.writer.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route requires, or `public` / `authenticated`. */
    access?: RouteGuard;
  }
  interface FastifyInstance {
    db: Db;
    appConfig: AppConfig;
    audit: AuditWriter;
    /** Every registered route with its declared guard (undefined = missing). */
    routeGuards: { method: string; url: string; access: RouteGuard | undefined }[];
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
