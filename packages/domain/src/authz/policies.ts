import type { OrgKind } from '../org/org-unit.js';
import { isInSubtree, TERRITORY_KINDS } from '../org/org-unit.js';
import type { Role } from '../identity/role.js';
import { isEnterpriseRole, SECTOR_SCOPED_ROLES } from '../identity/role.js';
import type { Sector } from '../common/sector.js';

/** Who is asking: the facts record-level access decisions depend on. */
export type Actor = {
  userId: number;
  role: Role;
  orgUnitId: number;
  /** Materialized path of the actor's data territory (district, city or region). */
  territoryPath: string;
  /** Sectors the actor may see; null means all. */
  sectors: Sector[] | null;
  /** For enterprise roles, the enterprise they belong to. */
  enterpriseId: number | null;
};

/** The facts about a record that access depends on. */
export type ScopedRecord = {
  /** Path of the org unit (district) the record belongs to. */
  orgPath: string;
  sector?: Sector | null;
  enterpriseId?: number | null;
};

/**
 * The territory of a unit: itself when it is a region, city or district, else its nearest such
 * ancestor. Offices and brigades work for the district they belong to.
 */
export function territoryOf(
  unit: { kind: OrgKind; path: string },
  ancestors: readonly { kind: OrgKind; path: string }[],
): string {
  if (TERRITORY_KINDS.includes(unit.kind)) return unit.path;
  const sorted = [...ancestors].sort((a, b) => b.path.length - a.path.length);
  const territory = sorted.find(
    (a) => TERRITORY_KINDS.includes(a.kind) && isInSubtree(unit.path, a.path),
  );
  return territory?.path ?? unit.path;
}

/** Whether an actor may see a record: enterprise users their own, staff by territory and sector. */
export function canAccessRecord(actor: Actor, record: ScopedRecord): boolean {
  if (isEnterpriseRole(actor.role)) {
    return actor.enterpriseId !== null && record.enterpriseId === actor.enterpriseId;
  }
  if (!isInSubtree(record.orgPath, actor.territoryPath)) return false;
  if (SECTOR_SCOPED_ROLES.includes(actor.role) && actor.sectors && record.sector) {
    return actor.sectors.includes(record.sector);
  }
  return true;
}

/** Whether an actor may manage (create/edit) a user placed at an org unit path. */
export function canManageUserAt(actor: Actor, userOrgPath: string): boolean {
  return !isEnterpriseRole(actor.role) && isInSubtree(userOrgPath, actor.territoryPath);
}
