import type { Kysely } from 'kysely';
import {
  type Actor,
  canAccessRecord,
  isInSubtree,
  type Role,
  type Sector,
  SECTOR_SCOPED_ROLES,
} from '@hazard-ledger/domain';
import type { Database } from '../src/db/schema.js';
import { todayInChina } from '../src/lib/time.js';
import type { TestClient, TestContext } from './harness.js';

// Shared vocabulary of the access matrix (issue 12 §1): scope variants, record scopes, testers,
// the marks written into out-of-scope records, and the facts of the world the seeders and the
// parameter resolvers work on. See access-matrix-fixtures.ts for the world itself.

/** Written into every record created for another district, to spot it in any response. */
export const FOREIGN_MARK = 'MXB外区标记';
/** Written into the records created for 金鼎矿业 (another sector and enterprise of 东胜). */
export const SECTOR_MARK = 'MXS外行业标记';

export type Variant = 'own' | 'otherSector' | 'otherDistrict';
export const VARIANTS: readonly Variant[] = ['own', 'otherSector', 'otherDistrict'];

/**
 * The `foreignIds` key of a territory record of 东胜 for another sector (mining) than the
 * office's and the inspector's, next to `key` for district 乙's record of the same kind.
 */
export const otherSectorKey = (key: string): string => `${key}:otherSector`;

/**
 * Who may see a record, in the terms of the domain policies:
 * - record:    `canAccessRecord` (enterprise users their enterprise, staff territory + sector);
 * - territory: a record of an org unit that everyone inside or above it sees (campaigns, key
 *              periods, notices, plans, staff): visible when the unit is in the viewer's
 *              territory or is one of its ancestors; enterprise users judge by their
 *              enterprise's district and sector (a record of a sector is addressed to that
 *              sector's enterprises); sector-scoped roles also by sector;
 * - user:      a record of one user (sessions, notifications, an informant's own reports);
 * - any:       not scoped (national catalogs, fixed names such as a workflow action).
 */
export type RecordScope =
  | { kind: 'record'; orgPath: string; sector: Sector | null; enterpriseId: number | null }
  | { kind: 'territory'; orgPath: string; sector: Sector | null }
  | { kind: 'user'; userId: number }
  | { kind: 'any' };

/** A value for one path parameter and the scope of the record it names. */
export type ParamTarget = { value: string | number; scope: RecordScope };

/** One signed-in user of the matrix, with the facts the domain policies decide on. */
export type Tester = {
  role: Role;
  username: string;
  client: TestClient;
  actor: Actor;
  /** For enterprise users: the path of their enterprise's district. */
  enterpriseDistrictPath: string | null;
  /** For enterprise users: their enterprise's sector (what sector-addressed records reach). */
  enterpriseSector: Sector | null;
  /** A second session of this user, to revoke through DELETE /auth/sessions/:id (a hex hash). */
  spareSessionId: string;
};

export type EnterpriseFacts = { id: number; name: string; sector: Sector; districtId: number };

/** The world the seeders and resolvers share (built in access-matrix-fixtures.ts). */
export type MatrixWorld = {
  t: TestContext;
  k: Kysely<Database>;
  /** 恒泰化工 (own), 金鼎矿业 (otherSector), 乙区化工企业 (otherDistrict). */
  ents: Record<Variant, EnterpriseFacts>;
  ds: { id: number; path: string };
  districtB: { id: number; path: string };
  districtOf: Record<Variant, { id: number; path: string }>;
  pathOf: (unitId: number) => string;
  unitByCode: (code: string) => { id: number; path: string };
  /** Ids of the out-of-scope records, by resolver key (or its otherSectorKey), once seeded. */
  foreignIds: Map<string, number>;
  /** A district-乙 inspector whose sessions and account are the other district's. */
  foreignUserId: number;
  /** A 东胜 inspector the bureau administers (the own variant of /users/:id). */
  ownTargetUserId: number;
  /** A 东胜 inspector of mining only, with a session (the other-sector /users/:id, sessions). */
  otherSectorUserId: number;
};

export const today = todayInChina();
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const enterpriseScope = (world: MatrixWorld, e: EnterpriseFacts): RecordScope => ({
  kind: 'record',
  orgPath: world.pathOf(e.districtId),
  sector: e.sector,
  enterpriseId: e.id,
});

/** Whether a tester may see a record of this scope, by the domain's policies. */
export function expectedVisible(tester: Tester | null, scope: RecordScope): boolean {
  if (scope.kind === 'any') return true;
  if (!tester) return false;
  if (scope.kind === 'user') return scope.userId === tester.actor.userId;
  if (scope.kind === 'record') {
    return canAccessRecord(tester.actor, {
      orgPath: scope.orgPath,
      sector: scope.sector,
      enterpriseId: scope.enterpriseId,
    });
  }
  const viewerPath = tester.enterpriseDistrictPath ?? tester.actor.territoryPath;
  const related = isInSubtree(scope.orgPath, viewerPath) || isInSubtree(viewerPath, scope.orgPath);
  if (!related) return false;
  if (tester.enterpriseSector && scope.sector) return tester.enterpriseSector === scope.sector;
  if (SECTOR_SCOPED_ROLES.includes(tester.role) && tester.actor.sectors && scope.sector) {
    return tester.actor.sectors.includes(scope.sector);
  }
  return true;
}

/** The body of a 200/201 answer, or the fixture fails with the answer in its message. */
export async function expectCreated<T = { id: number }>(
  label: string,
  res: { statusCode: number; body: string } | Promise<{ statusCode: number; body: string }>,
): Promise<T> {
  const answer = await res;
  if (answer.statusCode !== 201 && answer.statusCode !== 200)
    throw new Error(`fixture ${label}: ${answer.statusCode} ${answer.body}`);
  return JSON.parse(answer.body) as T;
}
