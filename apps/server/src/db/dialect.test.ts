import { describe, expect, it } from 'vitest';
import { openSqlite, withStatementCache } from './dialect.js';

describe('SQLite statement cache', () => {
  it('hands out the prepared statement again for the same SQL', () => {
    const db = withStatementCache(openSqlite(':memory:'));
    const first = db.prepare('select 1 as one');
    expect(db.prepare('select 1 as one')).toBe(first);
    expect(db.prepare('select 2 as two')).not.toBe(first);
    expect(db.cachedStatements()).toBe(2);
    db.close();
  });

  it('prepares a fresh statement while the cached one is still stepping through rows', () => {
    const db = withStatementCache(openSqlite(':memory:'));
    const text = 'select value from json_each(?)';
    const rows = db.prepare(text).iterate(['[1,2,3]']);
    expect(rows.next().value).toEqual({ value: 1 });
    const second = db.prepare(text);
    expect(second.all(['[4]'])).toEqual([{ value: 4 }]);
    expect([...rows]).toEqual([{ value: 2 }, { value: 3 }]);
    db.close();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const db = withStatementCache(openSqlite(':memory:'), 2);
    const a = db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3');
    expect(db.cachedStatements()).toBe(2);
    expect(db.prepare('select 1')).toBe(a);
    db.close();
  });
});
