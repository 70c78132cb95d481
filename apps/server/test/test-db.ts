import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../src/config.js';
import { type Db, openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

// The database matrix: SQLite by default; PostgreSQL when TEST_DATABASE_URL points at a server.
// Each test file gets a database of its own, created here and dropped afterwards.

export type TestDatabase = { db: Db; target: DatabaseTarget; drop: () => Promise<void> };

/** Which database the suite runs on. */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';
}

/** Creates and migrates a fresh, empty database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (base?.startsWith('postgres')) {
    const name = `hl_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const target: DatabaseTarget = { dialect: 'postgres', connectionString: url.toString() };
    const db = openDatabase(target);
    await migrateToLatest(db.kysely);
    return {
      db,
      target,
      drop: async () => {
        await db.kysely.destroy();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-test-'));
  const target: DatabaseTarget = { dialect: 'sqlite', file: path.join(dir, 'test.db') };
  const db = openDatabase(target);
  await migrateToLatest(db.kysely);
  return {
    db,
    target,
    drop: async () => {
      await db.kysely.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
