import { Kysely } from 'kysely';
import type { DatabaseTarget, SqliteTuning } from '../config.js';
import { createDialect, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

/** The app's database handle plus the dialect it speaks. */
export type Db = {
  kysely: Kysely<Database>;
  dialect: DialectName;
  target: DatabaseTarget;
};

/**
 * Opens the database described by the target; SQLite's memory bounds come from the
 * configuration (server) or the defaults (tests, CLI, benchmarks' own handles).
 */
export function openDatabase(target: DatabaseTarget, sqliteTuning?: SqliteTuning): Db {
  return {
    kysely: new Kysely<Database>({ dialect: createDialect(target, sqliteTuning) }),
    dialect: target.dialect,
    target,
  };
}

/** Closes the pool or file handle. */
export async function closeDatabase(db: Db): Promise<void> {
  await db.kysely.destroy();
}
