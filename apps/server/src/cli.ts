import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { createUserSchema, passwordSchema } from '@hazard-ledger/domain';
import { loadConfig, type AppConfig } from './config.js';
import { closeDatabase, type Db, openDatabase } from './db/database.js';
import { migrateToLatest, MigrationError } from './db/migrate.js';
import { hashPassword } from './lib/passwords.js';
import type { RequestContext } from './lib/request-context.js';
import { nowIso } from './lib/time.js';
import { verifyAuditChain } from './modules/audit/audit.verify.js';
import { AuditWriter } from './modules/audit/audit.writer.js';
import { revokeUserSessions } from './modules/auth/auth.repository.js';
import { findOrgUnitByCode } from './modules/org/org.repository.js';
import { seedCatalogs } from './modules/catalogs/catalog-seed.js';
import { verifyAllSignatures } from './modules/inspections/verify-cli.js';
import { runReminderJob } from './modules/notifications/reminder-job.js';
import { smsChannelOf } from './modules/notifications/sms-channel.js';
import { seedDemo } from './seed/demo.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                               apply pending database migrations
  seed:demo                             seed the demo org, enterprises and users (once)
  user:create --username U --password P --role R --org ORG_CODE
              [--name NAME] [--sectors hazchem,fireworks] [--enterprise CREDIT_CODE]
  user:reset-password --username U --password P
  audit:verify                          walk the audit hash chain; exit 1 at the first broken row
  signatures:verify                     check the code and every signature of each signed inspection
                                        record; exit 1 if any fails
  jobs:run                              run the daily reminder job once now (skipped while
                                        another instance holds its lease)
  backup <file>                         consistent copy of the SQLite database (online);
                                        for PostgreSQL prints the pg_dump command
  restore <file> [--force]              restore a SQLite backup into DATABASE_URL's file;
                                        for PostgreSQL prints the pg_restore command

Database: DATABASE_URL (unset → ./data/hazard-ledger.db, sqlite:<path>, postgres://…)`;

/** Resolves a path the user typed against the directory they ran npm from. */
function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

const cliContext = (command: string): RequestContext => ({
  actor: null,
  ip: null,
  requestId: `cli:${command}`,
  locale: 'zh',
});

class CliError extends Error {}

async function withDb<T>(config: AppConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db.kysely);
    return await fn(db);
  } finally {
    await closeDatabase(db);
  }
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new CliError(`--${name} is required`);
  return v;
}

async function userCreate(
  config: AppConfig,
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  await withDb(config, async (db) => {
    const orgCode = required(values, 'org');
    const unit = await findOrgUnitByCode(db.kysely, orgCode);
    if (!unit) throw new CliError(`No org unit with code ${orgCode}`);
    let enterpriseId: number | null = null;
    if (typeof values.enterprise === 'string') {
      const e = await db.kysely
        .selectFrom('enterprises')
        .select('id')
        .where('credit_code', '=', values.enterprise)
        .executeTakeFirst();
      if (!e) throw new CliError(`No enterprise with credit code ${values.enterprise}`);
      enterpriseId = e.id;
    }
    const parsed = createUserSchema.safeParse({
      username: values.username,
      password: values.password,
      displayName: values.name ?? values.username,
      role: values.role,
      orgUnitId: unit.id,
      sectors:
        typeof values.sectors === 'string' ? values.sectors.split(',').map((s) => s.trim()) : null,
      enterpriseId,
      phone: null,
      certificateNo: null,
    });
    if (!parsed.success) {
      throw new CliError(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'),
      );
    }
    const input = parsed.data;
    const exists = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (exists) throw new CliError(`Username ${input.username} is taken`);
    const at = nowIso();
    const passwordHash = await hashPassword(input.password);
    const audit = new AuditWriter(db.dialect, config.auditHash);
    const id = await db.kysely.transaction().execute(async (trx) => {
      const { id: newId } = await trx
        .insertInto('users')
        .values({
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          role: input.role,
          org_unit_id: unit.id,
          sectors: input.sectors ? JSON.stringify(input.sectors) : null,
          enterprise_id: input.enterpriseId,
          phone: null,
          certificate_no: null,
          status: 'active',
          totp_secret: null,
          totp_enabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.append(trx, cliContext('user:create'), {
        action: 'user.created',
        entityType: 'user',
        entityId: Number(newId),
        changes: {
          username: [null, input.username],
          role: [null, input.role],
          org_unit_id: [null, unit.id],
        },
      });
      return Number(newId);
    });
    console.log(`Created user ${input.username} (id ${id}, ${input.role}, ${unit.name}).`);
  });
}

async function userResetPassword(
  config: AppConfig,
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  const username = required(values, 'username');
  const password = required(values, 'password');
  const ok = passwordSchema.safeParse(password);
  if (!ok.success) throw new CliError(ok.error.issues[0]?.message ?? 'weak password');
  await withDb(config, async (db) => {
    const user = await db.kysely
      .selectFrom('users')
      .select(['id', 'version'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) throw new CliError(`No user ${username}`);
    const passwordHash = await hashPassword(password);
    const audit = new AuditWriter(db.dialect, config.auditHash);
    const at = nowIso();
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          password_changed_at: at,
          failed_logins: 0,
          locked_until: null,
          updated_at: at,
          version: user.version + 1,
        })
        .where('id', '=', user.id)
        .execute();
      await revokeUserSessions(trx, user.id, at, 'password_reset');
      await audit.append(trx, cliContext('user:reset-password'), {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
      });
    });
    console.log(`Password of ${username} reset; their sessions were ended.`);
  });
}

async function auditVerify(config: AppConfig): Promise<number> {
  return withDb(config, async (db) => {
    const result = await verifyAuditChain(db.kysely, config.auditHash);
    if (result.ok) {
      console.log(`Audit chain OK: ${result.checked} rows verified (${config.auditHash}).`);
      return 0;
    }
    console.error(
      `Audit chain BROKEN at row id ${result.firstBrokenId}: ${result.reason} (${result.checked} rows verified before it).`,
    );
    return 1;
  });
}

function pgCommand(config: AppConfig, tool: 'pg_dump' | 'pg_restore', file: string): string {
  if (config.database.dialect !== 'postgres') return '';
  const url = config.database.connectionString;
  return tool === 'pg_dump'
    ? `pg_dump --format=custom --file=${JSON.stringify(file)} ${JSON.stringify(url)}`
    : `pg_restore --clean --if-exists --no-owner --dbname=${JSON.stringify(url)} ${JSON.stringify(file)}`;
}

/** better-sqlite3's largest page count for one backup step: the whole database at once. */
const ALL_REMAINING_PAGES = 0x7fffffff;

async function backup(config: AppConfig, file: string | undefined): Promise<void> {
  if (!file) throw new CliError('backup needs a target file');
  if (config.database.dialect === 'postgres') {
    console.log(`PostgreSQL: run\n  ${pgCommand(config, 'pg_dump', file)}`);
    return;
  }
  const source = config.database.file;
  if (!fs.existsSync(source)) throw new CliError(`No database at ${source}`);
  const target = userPath(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // SQLite's online backup API copies a consistent snapshot while the app keeps writing. It
  // copies in steps, and a write by the app between two steps restarts the copy from the first
  // page: with better-sqlite3's default of 100 pages a step, a 15 MB database that another
  // process inserted into every 2 ms was never copied (test/backup-under-load.test.ts). One step
  // copies every page under a single read snapshot; in WAL mode the app's writers carry on.
  const handle = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await handle.backup(target, { progress: () => ALL_REMAINING_PAGES });
  } finally {
    handle.close();
  }
  const copy = new SQLite(target, { readonly: true });
  const integrity = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (integrity !== 'ok') throw new CliError(`Backup integrity check failed: ${String(integrity)}`);
  console.log(`Backup written to ${target} (integrity ok).`);
}

async function restore(
  config: AppConfig,
  file: string | undefined,
  force: boolean,
): Promise<number> {
  if (!file) throw new CliError('restore needs a backup file');
  if (config.database.dialect === 'postgres') {
    console.log(`PostgreSQL: stop the app, then run\n  ${pgCommand(config, 'pg_restore', file)}`);
    return 0;
  }
  const source = userPath(file);
  if (!fs.existsSync(source)) throw new CliError(`No backup at ${source}`);
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  if (integrity !== 'ok') throw new CliError(`The backup is damaged: ${String(integrity)}`);
  const target = config.database.file;
  if (fs.existsSync(target) && !force) {
    throw new CliError(`${target} exists; stop the app and pass --force to replace it`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  console.log(`Restored ${source} → ${target}.`);
  return auditVerify(config);
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      sectors: { type: 'string' },
      enterprise: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  try {
    switch (command ?? 'help') {
      case 'migrate': {
        const db = openDatabase(config.database);
        try {
          const applied = await migrateToLatest(db.kysely);
          console.log(
            applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.',
          );
        } finally {
          await closeDatabase(db);
        }
        return 0;
      }
      case 'seed:demo':
        await withDb(config, async (db) => {
          const audit = new AuditWriter(db.dialect, config.auditHash);
          // The demo's self-inspections check against the national catalogs: load them first.
          await seedCatalogs(db, audit);
          const seeded = await seedDemo(db, audit, config.demoPassword, config);
          console.log(seeded ? 'Demo data seeded.' : 'Demo data already present; nothing changed.');
        });
        return 0;
      case 'user:create':
        await userCreate(config, values);
        return 0;
      case 'user:reset-password':
        await userResetPassword(config, values);
        return 0;
      case 'audit:verify':
        return await auditVerify(config);
      case 'signatures:verify':
        return await withDb(config, (db) => verifyAllSignatures(db));
      case 'jobs:run':
        return await withDb(config, async (db) => {
          const audit = new AuditWriter(db.dialect, config.auditHash);
          const sms = smsChannelOf(config.reminders.smsChannel, { info: (m) => console.log(m) });
          const result = await runReminderJob({ db, audit, config }, sms);
          if (!result.ran) {
            console.log('Another instance is running the reminder job; nothing done.');
            return 0;
          }
          console.log(
            `Reminders for ${result.today}: ${result.reminders} due, ${result.created} new notifications ${JSON.stringify(result.byKind)}.`,
          );
          return 0;
        });
      case 'backup':
        await backup(config, positionals[0]);
        return 0;
      case 'restore':
        return await restore(config, positionals[0], values.force === true);
      default:
        console.log(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (err) {
    if (err instanceof CliError || err instanceof MigrationError) {
      console.error(`Error: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
