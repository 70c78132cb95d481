import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

// Queries of the safety production fund (安全生产费用) and the rectification funds it is
// compared with.

/** The fund records of an enterprise, newest year first. */
export function listFunds(db: Q, enterpriseId: number) {
  return db
    .selectFrom('safety_funds')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('year', 'desc')
    .execute();
}

/** One year's record of an enterprise. */
export function findFund(db: Q, enterpriseId: number, year: number) {
  return db
    .selectFrom('safety_funds')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export type FundColumns = {
  extracted_fen: number;
  spent_fen: number;
  note: string | null;
  updated_by: number;
  updated_by_name: string;
  updated_at: string;
};

/** Inserts the first record of a year; returns false when one exists already (a race). */
export async function insertFund(
  db: Q,
  row: FundColumns & { enterprise_id: number; year: number },
): Promise<boolean> {
  const r = await db
    .insertInto('safety_funds')
    .values({ ...row, created_at: row.updated_at, version: 1 })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Updates a year's record with the version read; returns whether it did. */
export async function updateFundIfVersion(
  db: Q,
  id: number,
  version: number,
  set: FundColumns,
): Promise<boolean> {
  const r = await db
    .updateTable('safety_funds')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Per year of discovery (found_at), the sum of the rectification funds (plan_funds_fen) of an
 * enterprise's ledger hazards that state funds, and how many do.
 */
export async function rectificationFundsByYear(
  db: Q,
  enterpriseId: number,
): Promise<Map<number, { fen: number; hazards: number }>> {
  const year = sql<string>`substr(found_at, 1, 4)`;
  const rows = await db
    .selectFrom('hazards')
    .select((eb) => [
      year.as('year'),
      eb.fn.sum<number>('plan_funds_fen').as('fen'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('enterprise_id', '=', enterpriseId)
    .where('plan_funds_fen', 'is not', null)
    .groupBy(year)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.year), { fen: Number(r.fen ?? 0), hazards: Number(r.n) }]),
  );
}
