import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './config.js';
import { type Db, openDatabase } from './db/database.js';
import { registerUnsafeTextGuard } from './lib/unsafe-text.js';
import { AuditWriter } from './modules/audit/audit.writer.js';
import { alertsRoutes } from './modules/alerts/alerts.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes.js';
import { catalogsRoutes } from './modules/catalogs/catalogs.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { noticesRoutes } from './modules/notices/notices.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { hazardsRoutes } from './modules/hazards/hazards.routes.js';
import { selfInspectionsRoutes } from './modules/self-inspections/self-inspections.routes.js';
import { leaderDutiesRoutes } from './modules/leader-duties/leader-duties.routes.js';
import { hazardousWorkRoutes } from './modules/hazardous-work/hazardous-work.routes.js';
import { dutyRecordsRoutes } from './modules/duty-records/duty-records.routes.js';
import { scorecardRoutes } from './modules/scorecard/scorecard.routes.js';
import { inspectionPlansRoutes } from './modules/inspection-plans/inspection-plans.routes.js';
import { inspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { enforcementOrdersRoutes } from './modules/enforcement-orders/enforcement-orders.routes.js';
import { penaltiesRoutes } from './modules/penalties/penalties.routes.js';
import { tipsPublicRoutes } from './modules/tips-public/tips-public.routes.js';
import { tipsRoutes } from './modules/tips/tips.routes.js';
import { informantsRoutes } from './modules/informants/informants.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { accidentsRoutes } from './modules/accidents/accidents.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { disclosuresRoutes } from './modules/disclosures/disclosures.routes.js';
import {
  assertAllRoutesGuarded,
  registerAuthentication,
  registerRouteGuardCollector,
} from './plugins/auth.js';
import { frameworkErrorHandler, registerErrorHandling } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerWebApp } from './plugins/web.js';

// Field errors in Chinese by default; routes give their own messages where it matters.
z.config(z.locales.zhCN());

export type BuildOptions = {
  /** An already-open database (tests share one per file); otherwise opened from config. */
  db?: Db;
  logger?: boolean;
};

/** Builds the Fastify app: cross-cutting plugins first, then one plugin per module. */
export async function buildApp(
  config: AppConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler,
  });
  const db = options.db ?? openDatabase(config.database);
  app.decorate('db', db);
  app.decorate('appConfig', config);
  app.decorate('audit', new AuditWriter(db.dialect, config.auditHash));
  if (!options.db) app.addHook('onClose', async () => db.kysely.destroy());

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerRouteGuardCollector(app);
  registerErrorHandling(app);
  registerUnsafeTextGuard(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.trustProxy ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 },
  });
  await registerOpenApi(app);
  registerAuthentication(app);

  await app.register(systemRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(orgRoutes);
      await api.register(usersRoutes);
      await api.register(enterprisesRoutes);
      await api.register(auditRoutes);
      await api.register(hazardsRoutes);
      await api.register(catalogsRoutes);
      await api.register(campaignsRoutes);
      await api.register(noticesRoutes);
      await api.register(alertsRoutes);
      await api.register(selfInspectionsRoutes);
      await api.register(leaderDutiesRoutes);
      await api.register(hazardousWorkRoutes);
      await api.register(dutyRecordsRoutes);
      await api.register(scorecardRoutes);
      await api.register(inspectionPlansRoutes);
      await api.register(inspectionsRoutes);
      await api.register(enforcementOrdersRoutes);
      await api.register(penaltiesRoutes);
      await api.register(tipsPublicRoutes);
      await api.register(tipsRoutes);
      await api.register(informantsRoutes);
      await api.register(reportsRoutes);
      await api.register(dashboardRoutes);
      await api.register(disclosuresRoutes);
      await api.register(staffRoutes);
      await api.register(notificationsRoutes);
      await api.register(accidentsRoutes);
    },
    { prefix: '/api/v1' },
  );
  await registerWebApp(app, config.env === 'test' ? null : config.webDist);

  await app.ready();
  assertAllRoutesGuarded(app);
  return app;
}
