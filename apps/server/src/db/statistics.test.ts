import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from './database.js';
import { analyzeUnmeasuredIndexes } from './statistics.js';

describe('planner statistics of new indexes (SQLite)', () => {
  let db: Db | undefined;
  afterEach(async () => {
    if (db) await closeDatabase(db);
    db = undefined;
  });

  const measured = async (d: Db) =>
    (
      await sql<{ idx: string }>`select idx from sqlite_stat1 order by idx`.execute(d.kysely)
    ).rows.map((r) => r.idx);

  async function tableWithRows(d: Db) {
    await sql`create table t (id integer primary key, a integer, b text)`.execute(d.kysely);
    await sql`create index t_a on t (a)`.execute(d.kysely);
    await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 500)
      insert into t (a, b) select i % 7, 'x' || i from n`.execute(d.kysely);
  }

  it('analyses an index added after the database was analysed, and only that one', async () => {
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await tableWithRows(db);
    await sql`analyze`.execute(db.kysely);
    const before = await measured(db);
    expect(before).toEqual(['t_a']);
    await sql`create index t_b on t (b, a)`.execute(db.kysely);
    expect(await analyzeUnmeasuredIndexes(db)).toEqual(['t_b']);
    expect(await measured(db)).toEqual(['t_a', 't_b']);
    expect(await analyzeUnmeasuredIndexes(db)).toEqual([]);
  });

  it('leaves a database that was never analysed without statistics', async () => {
    db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await tableWithRows(db);
    expect(await analyzeUnmeasuredIndexes(db)).toEqual([]);
    const stat = await sql<{ n: number }>`
      select count(*) as n from sqlite_schema where name = 'sqlite_stat1'
    `.execute(db.kysely);
    expect(Number(stat.rows[0]!.n)).toBe(0);
  });
});
