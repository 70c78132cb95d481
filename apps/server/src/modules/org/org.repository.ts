import type { Kysely, Transaction } from 'kysely';
import type { Database, OrgUnitRow } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Units in a subtree, ordered by path. */
export function listOrgUnitsUnder(db: Q, rootPath: string): Promise<OrgUnitRow[]> {
  return db
    .selectFrom('org_units')
    .selectAll()
    .where('path', 'like', `${rootPath}%`)
    .orderBy('path')
    .execute();
}

/** One unit by id. */
export function findOrgUnit(db: Q, id: number): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One unit by code. */
export function findOrgUnitByCode(db: Q, code: string): Promise<OrgUnitRow | undefined> {
  return db.selectFrom('org_units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Inserts a unit, then sets its materialized path from its id. */
export async function insertOrgUnit(
  db: Q,
  unit: {
    parentId: number | null;
    parentPath: string | null;
    kind: string;
    name: string;
    code: string;
    at: string;
  },
): Promise<OrgUnitRow> {
  const { id } = await db
    .insertInto('org_units')
    .values({
      parent_id: unit.parentId,
      kind: unit.kind,
      name: unit.name,
      code: unit.code,
      path: '',
      created_at: unit.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${unit.parentPath ?? '/'}${Number(id)}/`;
  await db.updateTable('org_units').set({ path }).where('id', '=', Number(id)).execute();
  return {
    id: Number(id),
    parent_id: unit.parentId,
    kind: unit.kind,
    name: unit.name,
    code: unit.code,
    path,
    created_at: unit.at,
  };
}

/** Ids of the district units in a territory (enterprises and hazards belong to districts). */
export async function districtIdsUnder(db: Q, territoryPath: string): Promise<number[]> {
  const rows = await db
    .selectFrom('org_units')
    .select('id')
    .where('kind', '=', 'district')
    .where('path', 'like', `${territoryPath}%`)
    .execute();
  return rows.map((r) => r.id);
}
