import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest, MigrationError } from './db/migrate.js';
import { AuditWriter } from './modules/audit/audit.writer.js';
import { seedCatalogs } from './modules/catalogs/catalog-seed.js';
import { startReminderScheduler } from './modules/notifications/scheduler.js';
import { DEMO_USERS, seedDemo } from './seed/demo.js';

/** Starts the server: migrate, seed the demo (first run), listen, close gracefully on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(config.database, config.sqlite);
  try {
    await migrateToLatest(db.kysely);
  } catch (err) {
    console.error(err instanceof MigrationError ? err.message : err);
    process.exit(1);
  }
  const audit = new AuditWriter(db.dialect, config.auditHash);
  // The national criteria catalogs are data every deployment needs, demo or not.
  const catalogs = await seedCatalogs(db, audit);
  if (catalogs.length > 0) console.log(`Criteria catalogs loaded: ${catalogs.join(', ')}`);
  if (config.seedDemo) {
    const seeded = await seedDemo(db, audit, config.demoPassword, config);
    if (seeded) console.log('Demo data seeded.');
  }
  const app = await buildApp(config, { db });
  await app.listen({ port: config.port, host: config.host });
  const stopReminders = startReminderScheduler({ db, audit, config }, app.log);
  const where =
    config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const url = `http://localhost:${config.port}`;
  console.log(`
重大事故隐患排查整治系统 (Hazard Ledger) is running
  URL:        ${url}
  API docs:   ${url}/api/docs
  Database:   ${where}
  Demo logins (password: ${config.demoPassword}):
${DEMO_USERS.map((u) => `    ${u.username.padEnd(10)} ${u.role.padEnd(13)} ${u.displayName}`).join('\n')}
    ${'xinxiyuan1'.padEnd(10)} ${'informant'.padEnd(13)} 安全生产信息员 (created from the informant registry)
  Public tip page: ${url}/tip
`);
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopReminders();
    app
      .close()
      .then(() => db.kysely.destroy())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => close('SIGINT'));
  process.on('SIGTERM', () => close('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
