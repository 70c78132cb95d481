import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Major hazards of an enterprise not yet verified whose rectification deadline has passed. */
export async function countOverdueMajorHazards(
  db: Q,
  enterpriseId: number,
  today: string,
): Promise<number> {
  const row = await db
    .selectFrom('hazards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('level', '=', 'major')
    .where('status', '!=', 'verified')
    .where('deadline', '<', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
