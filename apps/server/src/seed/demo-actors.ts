import type { OrgKind, Role } from '@hazard-ledger/domain';
import type { Db } from '../db/database.js';
import type { RequestContext } from '../lib/request-context.js';
import { parseSectors, territoryPathOf } from '../modules/auth/session.service.js';

// The demo seeds write through the services, acting as the demo users do when signed in.

/** A request context acting as a demo user, as a signed-in session would carry it. */
export async function actAs(db: Db, username: string): Promise<RequestContext | null> {
  const u = await db.kysely
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_unit_id',
      'u.sectors',
      'u.enterprise_id',
      'o.kind as org_kind',
      'o.path as org_path',
      'o.name as org_name',
      'e.name as enterprise_name',
    ])
    .where('u.username', '=', username)
    .executeTakeFirst();
  if (!u) return null;
  return {
    actor: {
      userId: u.id,
      role: u.role as Role,
      orgUnitId: u.org_unit_id,
      territoryPath: await territoryPathOf(db, { kind: u.org_kind as OrgKind, path: u.org_path }),
      sectors: parseSectors(u.sectors),
      enterpriseId: u.enterprise_id,
      username: u.username,
      displayName: u.display_name,
      sessionId: 'seed:demo',
      csrfToken: '',
      mustEnrollTotp: false,
      totpEnabled: false,
      orgUnitName: u.org_name,
      enterpriseName: u.enterprise_name,
    },
    ip: null,
    requestId: 'seed:demo',
    locale: 'zh',
  };
}
