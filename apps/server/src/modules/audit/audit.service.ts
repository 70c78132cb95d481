import type { PageQuery } from '@hazard-ledger/domain';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { listAudit } from './audit.repository.js';
import { verifyAuditChain } from './audit.verify.js';

export type AuditQuery = PageQuery & {
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

/** Audit rows of the caller's territory. */
export async function listAuditRows(deps: ServiceDeps, ctx: RequestContext, query: AuditQuery) {
  const actor = requireActor(ctx);
  const { items, total } = await listAudit(
    deps.db.kysely,
    { ...query, territoryPath: actor.territoryPath },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: items.map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      orgUnitId: r.org_unit_id,
      ip: r.ip,
      requestId: r.request_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: r.changes ? (JSON.parse(r.changes) as Record<string, unknown>) : null,
      hash: r.hash,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Verifies the whole chain (the chain is global, so the check is too). */
export function verifyChain(deps: ServiceDeps) {
  return verifyAuditChain(deps.db.kysely, deps.config.auditHash);
}
