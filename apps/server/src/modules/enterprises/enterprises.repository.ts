import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export type EnterpriseScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; territoryPath: string; sectors: string[] | null };

/** One page of enterprises visible in a scope, searched by name or credit code. */
export async function listEnterprises(
  db: Kysely<Database>,
  scope: EnterpriseScope,
  filter: { q?: string; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('enterprises as e').innerJoin('org_units as o', 'o.id', 'e.org_unit_id');
  if (scope.kind === 'enterprise') {
    q = q.where('e.id', '=', scope.enterpriseId);
  } else {
    q = q.where('o.path', 'like', `${scope.territoryPath}%`);
    if (scope.sectors) q = q.where('e.sector', 'in', scope.sectors);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('e.name', filter.like, pattern), eb('e.credit_code', filter.like, pattern)]),
    );
  }
  const [items, count] = await Promise.all([
    q
      .select(['e.id', 'e.name', 'e.credit_code', 'e.sector', 'e.status', 'o.name as district'])
      .orderBy('e.name')
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
