import {
  isEnterpriseRole,
  isInSubtree,
  SECTOR_SCOPED_ROLES,
  type Sector,
} from '@hazard-ledger/domain';
import { notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import * as enterprises from '../enterprises/enterprises.repository.js';

// Who a campaign, notice or alert speaks to, and who may see it. Shared by the campaign,
// notice and alert services.

/** The id of the org unit at the end of a materialized path ("/1/2/3/" → 3). */
export function unitIdOfPath(path: string): number {
  return Number(path.split('/').filter(Boolean).pop());
}

/** A path and every ancestor path, root first ("/1/2/" → ["/1/", "/1/2/"]). */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** The sectors a staff member is limited to; null for all. */
export function staffSectors(actor: SessionActor): Sector[] | null {
  return SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null;
}

/**
 * Where the caller stands: an enterprise user is at their enterprise's district with its one
 * sector; staff at their territory with their sector scope (null = all sectors).
 */
export type Standpoint =
  | { kind: 'enterprise'; enterpriseId: number; path: string; sector: Sector }
  | { kind: 'staff'; path: string; sectors: Sector[] | null };

/** The caller's standpoint; an enterprise user without an enterprise sees nothing (404). */
export async function standpointOf(deps: ServiceDeps, ctx: RequestContext): Promise<Standpoint> {
  const actor = requireActor(ctx);
  if (!isEnterpriseRole(actor.role)) {
    return { kind: 'staff', path: actor.territoryPath, sectors: staffSectors(actor) };
  }
  const row = actor.enterpriseId
    ? await enterprises.findEnterprise(deps.db.kysely, actor.enterpriseId)
    : undefined;
  if (!row) throw notFound();
  return {
    kind: 'enterprise',
    enterpriseId: row.id,
    path: row.org_path,
    sector: row.sector as Sector,
  };
}

/**
 * Whether a staff member sees something published at `orgPath` for `sectors`: it lies in their
 * territory or above it (a city's campaign concerns its districts), and shares a sector with
 * them when they are sector-scoped.
 */
export function staffSees(
  point: { path: string; sectors: Sector[] | null },
  orgPath: string,
  sectors: readonly Sector[],
): boolean {
  const placed = isInSubtree(orgPath, point.path) || isInSubtree(point.path, orgPath);
  return placed && (point.sectors === null || sectors.some((s) => point.sectors!.includes(s)));
}
