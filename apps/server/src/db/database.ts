import { Kysely, type LogEvent } from 'kysely';
import type { DatabaseTarget, SqliteTuning } from '../config.js';
import { createDialect, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

/** The app's database handle plus the dialect it speaks. */
export type Db = {
  kysely: Kysely<Database>;
  dialect: DialectName;
  target: DatabaseTarget;
};

/** Where statements slower than `thresholdMs` are reported (the server: its logger). */
export type SlowQueryLog = {
  thresholdMs: number;
  report: (entry: { sql: string; parameterCount: number; durationMs: number }) => void;
};

/** A Kysely log hook that passes on statements at or over the threshold, and failures. */
export function slowQueryLogger(log: SlowQueryLog): (event: LogEvent) => void {
  return (event) => {
    if (event.queryDurationMillis < log.thresholdMs) return;
    log.report({
      sql: event.query.sql,
      // Parameter values may be personal data (names, phone numbers): only their count is logged.
      parameterCount: event.query.parameters.length,
      durationMs: Math.round(event.queryDurationMillis * 10) / 10,
    });
  };
}

/**
 * Opens the database described by the target; SQLite's memory bounds come from the
 * configuration (server) or the defaults (tests, CLI, benchmarks' own handles).
 */
export function openDatabase(
  target: DatabaseTarget,
  sqliteTuning?: SqliteTuning,
  slowQueries?: SlowQueryLog,
): Db {
  const log = slowQueries && slowQueries.thresholdMs > 0 ? slowQueryLogger(slowQueries) : undefined;
  return {
    kysely: new Kysely<Database>({
      dialect: createDialect(target, sqliteTuning),
      ...(log ? { log } : {}),
    }),
    dialect: target.dialect,
    target,
  };
}

/** Closes the pool or file handle. */
export async function closeDatabase(db: Db): Promise<void> {
  await db.kysely.destroy();
}
