import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  type Dialect,
  type SqliteDatabase,
  type Kysely,
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
  type Transaction,
} from 'kysely';
import { type DatabaseTarget, DEFAULT_SQLITE_TUNING, type SqliteTuning } from '../config.js';
import type { Database } from './schema.js';

// The only file that branches on the database dialect.

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;

let pgParsersSet = false;

/** Makes pg return counts and ids as numbers and dates as strings, like SQLite does. */
function setPgTypeParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(PG_INT8, (v) => Number.parseInt(v, 10));
  pg.types.setTypeParser(PG_NUMERIC, (v) => Number.parseFloat(v));
  pg.types.setTypeParser(PG_DATE, (v) => v);
  pg.types.setTypeParser(PG_TIMESTAMP, (v) => v);
  pg.types.setTypeParser(PG_TIMESTAMPTZ, (v) => new Date(v).toISOString());
  pgParsersSet = true;
}

/** Opens a better-sqlite3 handle with the settings the app relies on. */
export function openSqlite(
  file: string,
  tuning: SqliteTuning = DEFAULT_SQLITE_TUNING,
): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  // A larger page cache and memory-mapped reads keep list queries over millions of rows fast;
  // both count in the process's RSS, so their size is configuration (config.ts SqliteTuning).
  handle.pragma(`cache_size = ${-tuning.cacheMb * 1024}`);
  handle.pragma(`mmap_size = ${tuning.mmapMb * 1024 * 1024}`);
  return handle;
}

/**
 * SQLite runs schema changes inside transactions, but Kysely's adapter says it does not, so its
 * migrator applied each statement on its own: a process killed in the middle of a migration left
 * a half-built schema that no later start could migrate ("duplicate column name", found by
 * test/crash-safety.test.ts). Saying so makes the migrator apply the pending migrations and their
 * bookkeeping rows in one transaction, as it does on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Transactions begin IMMEDIATE: they take SQLite's write lock at BEGIN, waiting up to
 * busy_timeout for another process's writer. Kysely's plain BEGIN took it at the first write,
 * and a transaction that had read first (nearly every service does) then failed at once with
 * SQLITE_BUSY when another process had committed in between: requests answered 500 while a CLI
 * command or a second connection wrote (found by test/backup-under-load.test.ts). Within the
 * server nothing changes: its one connection runs one transaction at a time anyway.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class AppSqliteDialect extends SqliteDialect {
  constructor(private readonly appSqliteConfig: SqliteDialectConfig) {
    super(appSqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.appSqliteConfig);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** How many distinct statements the SQLite handle keeps prepared (least recently used go). */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The handle Kysely sees, keeping each SQL text's prepared statement for the next call: Kysely
 * prepares every query anew, and on a hazard transition that compile step cost as much as running
 * the statements (the province benchmark's CPU profile). The app's SQL comes from a few hundred
 * query shapes, so nearly every call is a hit. A statement still stepping through rows (a stream)
 * is never handed out twice; a fresh one is prepared instead.
 */
export function withStatementCache(
  handle: SQLite.Database,
  capacity = STATEMENT_CACHE_SIZE,
): SqliteDatabase & { cachedStatements: () => number } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      handle.close();
    },
    prepare(sqlText) {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) {
        // Re-inserting moves it to the end: the Map's order is the recency order.
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = handle.prepare(sqlText);
      if (!cached) {
        cache.set(sqlText, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
    cachedStatements: () => cache.size,
  };
}

/** The Kysely dialect for a database target. */
export function createDialect(target: DatabaseTarget, sqliteTuning?: SqliteTuning): Dialect {
  if (target.dialect === 'sqlite') {
    return new AppSqliteDialect({
      database: withStatementCache(openSqlite(target.file, sqliteTuning)),
    });
  }
  setPgTypeParsers();
  // JIT off: it only pays for long analytic queries. A city's ledger page crossed its cost
  // threshold and spent ~85 ms compiling for a query that runs in tens of milliseconds.
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: 10,
    options: '-c jit=off',
  });
  // An idle client that loses its connection (server restart, database dropped) emits 'error'
  // on the pool; without a listener Node would crash the process. The pool discards the client
  // and the next query opens a new connection, so a warning is enough.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`);
  });
  return new PostgresDialect({ pool });
}

export type DialectName = DatabaseTarget['dialect'];

/**
 * Serialises writers of the audit chain. SQLite already has one writer at a time; on
 * PostgreSQL a transaction-scoped advisory lock keeps concurrent transactions from forking
 * the chain.
 */
export async function lockAuditChain(
  trx: Transaction<Database>,
  dialect: DialectName,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(7301001)`.execute(trx);
  }
}

/**
 * Serialises the numbering of one document series (say, a district's tips of a year) for the
 * rest of the transaction, so concurrent registrations read the last number one after another
 * instead of colliding on it. SQLite runs one write transaction at a time already.
 */
export async function lockNumberSeries(
  trx: Transaction<Database>,
  dialect: DialectName,
  series: string,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(7301002, hashtext(${series}))`.execute(trx);
  }
}

/** Case-insensitive LIKE: SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE. */
export function likeOperator(dialect: DialectName): 'like' | 'ilike' {
  return dialect === 'postgres' ? 'ilike' : 'like';
}

/** Checks the database answers (readiness probe). */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** SQL that disables/enables the audit trigger (used only by tamper tests and restore). */
export async function dropAuditTriggersForTest(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
  }
}

/** Whether an error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
