import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from './database.js';

describe('slow query log', () => {
  let db: Db | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  it('reports statements at or over the threshold with their SQL and parameter count only', async () => {
    const entries: { sql: string; parameterCount: number; durationMs: number }[] = [];
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' }, undefined, {
      thresholdMs: 5,
      report: (entry) => entries.push(entry),
    });
    await sql`select 1 as quick`.execute(db.kysely);
    // A recursive count that takes well over 5 ms on any machine.
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${3_000_000})
      select count(*) as c from n`.execute(db.kysely);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sql).toContain('with recursive');
    expect(entries[0]!.parameterCount).toBe(1);
    expect(entries[0]!.durationMs).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(entries)).not.toContain('3000000');
  });

  it('is off at threshold 0', async () => {
    const entries: unknown[] = [];
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' }, undefined, {
      thresholdMs: 0,
      report: (entry) => entries.push(entry),
    });
    await sql`select 1`.execute(db.kysely);
    expect(entries).toEqual([]);
  });
});
