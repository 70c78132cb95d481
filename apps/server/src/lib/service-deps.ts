import type { Transaction } from 'kysely';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';

/** What every service use case is given. */
export type ServiceDeps = { db: Db; audit: AuditWriter; config: AppConfig };

/** Runs `fn` in one database transaction: the change and its audit row commit together. */
export async function inTransaction<T>(
  deps: ServiceDeps,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return deps.db.kysely.transaction().execute(fn);
}

/** The service dependencies held by a Fastify instance. */
export function depsOf(app: { db: Db; audit: AuditWriter; appConfig: AppConfig }): ServiceDeps {
  return { db: app.db, audit: app.audit, config: app.appConfig };
}
