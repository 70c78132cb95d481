import { Kysely } from 'kysely';
import type { DatabaseTarget } from '../config.js';
import { createDialect, type DialectName } from './dialect.js';
import type { Database } from './schema.js';

/** The app's database handle plus the dialect it speaks. */
export type Db = {
  kysely: Kysely<Database>;
  dialect: DialectName;
  target: DatabaseTarget;
};

/** Opens the database described by the target. */
export function openDatabase(target: DatabaseTarget): Db {
  return {
    kysely: new Kysely<Database>({ dialect: createDialect(target) }),
    dialect: target.dialect,
    target,
  };
}

/** Closes the pool or file handle. */
export async function closeDatabase(db: Db): Promise<void> {
  await db.kysely.destroy();
}
