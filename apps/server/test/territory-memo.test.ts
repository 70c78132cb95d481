import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database.js';
import { territoryPathOf } from '../src/modules/auth/session.service.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

// A unit's territory is kept once computed (every signed-in request needs it): it must be read
// once per database, and one database's answer must never be given for another's unit.

/** Inserts a chain of units with the given kinds: ids 1, 2, 3 …, each the child of the one before. */
async function insertChain(db: Db, kinds: string[]): Promise<string> {
  let path = '/';
  for (const [i, kind] of kinds.entries()) {
    const id = i + 1;
    path = `${path}${id}/`;
    await db.kysely
      .insertInto('org_units')
      .values({
        id,
        parent_id: i === 0 ? null : i,
        kind,
        name: `单位${id}`,
        code: `U${id}`,
        path,
        created_at: '2026-11-30T00:00:00.000Z',
      })
      .execute();
  }
  return path;
}

/** The same database seen through a Kysely that counts the queries it sends. */
function counting(db: Db): { db: Db; queries: () => number } {
  let queries = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: { ...db, kysely: db.kysely.withPlugin(plugin) }, queries: () => queries };
}

describe('territoryPathOf', () => {
  let cityOffice: TestDatabase;
  let regionOffice: TestDatabase;

  beforeAll(async () => {
    cityOffice = await createTestDatabase();
    regionOffice = await createTestDatabase();
  });

  afterAll(async () => {
    await cityOffice?.drop();
    await regionOffice?.drop();
  });

  it('reads the ancestors once per database, and never answers with another database’s unit', async () => {
    // The same path /1/2/3/ for an office: under a city in one database, under a region and a
    // brigade (not a territory) in the other.
    const path = await insertChain(cityOffice.db, ['region', 'city', 'office']);
    expect(await insertChain(regionOffice.db, ['region', 'brigade', 'office'])).toBe(path);

    const first = counting(cityOffice.db);
    expect(await territoryPathOf(first.db, { kind: 'office', path })).toBe('/1/2/');
    expect(first.queries()).toBe(1);
    expect(await territoryPathOf(first.db, { kind: 'office', path })).toBe('/1/2/');
    expect(first.queries()).toBe(1);

    const second = counting(regionOffice.db);
    expect(await territoryPathOf(second.db, { kind: 'office', path })).toBe('/1/');
    expect(second.queries()).toBe(1);

    // A territory unit is its own territory.
    expect(await territoryPathOf(second.db, { kind: 'region', path: '/1/' })).toBe('/1/');
  });
});
