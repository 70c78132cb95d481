import { buildApp } from './app.js';
import { type AppConfig, sqliteTuningPerProcess } from './config.js';
import { type Db, openDatabase } from './db/database.js';
import { analyzeUnmeasuredIndexes } from './db/statistics.js';
import { migrateToLatest, MigrationError } from './db/migrate.js';
import { AuditWriter } from './modules/audit/audit.writer.js';
import { seedCatalogs } from './modules/catalogs/catalog-seed.js';
import { startReminderScheduler } from './modules/notifications/scheduler.js';
import { seedDemo } from './seed/demo.js';
import { onShutdown } from './shutdown.js';

// The server's work, loaded by server.ts only in the processes that do it: one process does all
// of it; under node:cluster a short-lived process prepares the database and the workers serve
// (one of them also runs the daily reminders), while the primary loads none of this.

function open(config: AppConfig): Db {
  const tuning = sqliteTuningPerProcess(config.sqlite, config.serverProcesses);
  return openDatabase(config.database, tuning, {
    thresholdMs: config.slowQueryMs,
    report: (entry) => console.warn(`slow query ${entry.durationMs} ms: ${entry.sql}`),
  });
}

/** Migrates, loads the criteria catalogs and (first run) the demo data. */
async function prepareDatabase(config: AppConfig, db: Db, audit: AuditWriter): Promise<void> {
  try {
    await migrateToLatest(db.kysely);
    await analyzeUnmeasuredIndexes(db);
  } catch (err) {
    console.error(err instanceof MigrationError ? err.message : err);
    process.exit(1);
  }
  // The national criteria catalogs are data every deployment needs, demo or not.
  const catalogs = await seedCatalogs(db, audit);
  if (catalogs.length > 0) console.log(`Criteria catalogs loaded: ${catalogs.join(', ')}`);
  if (config.seedDemo) {
    const seeded = await seedDemo(db, audit, config.demoPassword, config);
    if (seeded) console.log('Demo data seeded.');
  }
}

/** Prepares the database and closes it: the cluster's preparing process, before any worker. */
export async function prepareOnly(config: AppConfig): Promise<void> {
  const db = open(config);
  await prepareDatabase(config, db, new AuditWriter(db.dialect, config.auditHash));
  await db.kysely.destroy();
}

/**
 * Serves HTTP (the database is already prepared) and, with `reminders`, runs the daily
 * reminders; stops both on a signal.
 */
export async function serve(
  config: AppConfig,
  options: { prepare: boolean; reminders: boolean; onListening?: () => void },
): Promise<void> {
  const db = open(config);
  const audit = new AuditWriter(db.dialect, config.auditHash);
  if (options.prepare) await prepareDatabase(config, db, audit);
  const app = await buildApp(config, { db });
  await app.listen({ port: config.port, host: config.host });
  const stopReminders = options.reminders
    ? startReminderScheduler({ db, audit, config }, app.log)
    : () => {};
  options.onListening?.();
  onShutdown(async (signal) => {
    app.log.info({ signal }, 'shutting down');
    stopReminders();
    await app.close();
    await db.kysely.destroy();
  });
}
