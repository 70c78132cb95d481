import { isEnterpriseRole, type PageQuery, SECTOR_SCOPED_ROLES } from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { type EnterpriseScope, listEnterprises as listRows } from './enterprises.repository.js';

/** The enterprises a caller may see: their own, or those of their territory and sectors. */
export function enterpriseScopeOf(ctx: RequestContext): EnterpriseScope {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role))
    return { kind: 'enterprise', enterpriseId: actor.enterpriseId ?? -1 };
  return {
    kind: 'territory',
    territoryPath: actor.territoryPath,
    sectors: SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null,
  };
}

/** Lists enterprises in the caller's scope. */
export async function listEnterprises(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: PageQuery & { q?: string },
) {
  const { items, total } = await listRows(
    deps.db.kysely,
    enterpriseScopeOf(ctx),
    { q: query.q, like: likeOperator(deps.db.dialect) },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      creditCode: r.credit_code,
      sector: r.sector,
      status: r.status,
      district: r.district,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
