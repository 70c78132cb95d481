import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { type AppConfig, loadConfig } from './config.js';
import { type Db, openDatabase } from './db/database.js';
import { analyzeUnmeasuredIndexes } from './db/statistics.js';
import { migrateToLatest, MigrationError } from './db/migrate.js';
import { AuditWriter } from './modules/audit/audit.writer.js';
import { seedCatalogs } from './modules/catalogs/catalog-seed.js';
import { startReminderScheduler } from './modules/notifications/scheduler.js';
import { DEMO_USERS, seedDemo } from './seed/demo.js';

// One process (SERVER_PROCESSES=1, the default) prepares the database, serves HTTP and runs the
// daily reminders. With more, node:cluster's primary prepares the database and runs the
// reminders, and its workers share the port and serve requests: Node runs JavaScript on one core
// per process, so this is how a server uses the machine's other cores.

function open(config: AppConfig): Db {
  return openDatabase(config.database, config.sqlite, {
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

function printBanner(config: AppConfig): void {
  const where =
    config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const url = `http://localhost:${config.port}`;
  const processes =
    config.serverProcesses > 1 ? `\n  Processes:  ${config.serverProcesses} (node:cluster)` : '';
  console.log(`
重大事故隐患排查整治系统 (Hazard Ledger) is running
  URL:        ${url}
  API docs:   ${url}/api/docs
  Database:   ${where}${processes}
  Demo logins (password: ${config.demoPassword}):
${DEMO_USERS.map((u) => `    ${u.username.padEnd(10)} ${u.role.padEnd(13)} ${u.displayName}`).join('\n')}
    ${'xinxiyuan1'.padEnd(10)} ${'informant'.padEnd(13)} 安全生产信息员 (created from the informant registry)
  Public tip page: ${url}/tip
`);
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits (1 if stopping failed). */
function onShutdown(stop: (signal: string) => Promise<void>): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    stop(signal).then(
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

/** The whole server in this process. */
async function runSingle(config: AppConfig): Promise<void> {
  const db = open(config);
  const audit = new AuditWriter(db.dialect, config.auditHash);
  await prepareDatabase(config, db, audit);
  const app = await buildApp(config, { db });
  await app.listen({ port: config.port, host: config.host });
  const stopReminders = startReminderScheduler({ db, audit, config }, app.log);
  printBanner(config);
  onShutdown(async (signal) => {
    app.log.info({ signal }, 'shutting down');
    stopReminders();
    await app.close();
    await db.kysely.destroy();
  });
}

/** A worker: serves HTTP on the shared port; the primary has prepared the database. */
async function runWorker(config: AppConfig): Promise<void> {
  const db = open(config);
  const app = await buildApp(config, { db });
  await app.listen({ port: config.port, host: config.host });
  onShutdown(async () => {
    await app.close();
    await db.kysely.destroy();
  });
}

/**
 * The primary: prepares the database, forks the workers (and replaces one that dies), runs the
 * daily reminders, and on a signal stops the workers before exiting.
 */
async function runPrimary(config: AppConfig): Promise<void> {
  const db = open(config);
  const audit = new AuditWriter(db.dialect, config.auditHash);
  await prepareDatabase(config, db, audit);
  let stopping = false;
  let listening = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listening++;
      if (listening === config.serverProcesses) printBanner(config);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(
      `Worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`,
    );
    // A worker that cannot start at all (port taken, bad configuration) would loop forever.
    if (listening === 0) {
      console.error('No worker came up; stopping.');
      process.exit(1);
    }
    fork();
  });
  for (let i = 0; i < config.serverProcesses; i++) fork();
  const stopReminders = startReminderScheduler(
    { db, audit, config },
    {
      info: (msg) => console.log(msg),
      error: (obj, msg) => console.error(msg, obj),
    },
  );
  onShutdown(async () => {
    stopping = true;
    stopReminders();
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await db.kysely.destroy();
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.serverProcesses <= 1) return runSingle(config);
  return cluster.isPrimary ? runPrimary(config) : runWorker(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
