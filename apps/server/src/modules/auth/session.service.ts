import {
  type Actor,
  isInSubtree,
  type OrgKind,
  type Role,
  type Sector,
  territoryOf,
} from '@hazard-ledger/domain';
import type { Db } from '../../db/database.js';
import type { SessionActor } from '../../lib/request-context.js';
import { addMinutes, nowIso } from '../../lib/time.js';
import { randomToken, sha256Hex } from '../../lib/tokens.js';
import * as repo from './auth.repository.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'hl_session';

/** Touch `last_seen_at` at most this often, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** Ids of the units named in a materialized path like "/1/4/9/". */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => Number.parseInt(p, 10));
}

/** Parses the stored JSON sector list. */
export function parseSectors(value: string | null): Sector[] | null {
  if (value === null) return null;
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? (parsed as Sector[]) : null;
}

/** Most units whose territory one database's memo keeps (a province has a few hundred). */
const TERRITORY_MEMO_LIMIT = 10_000;

/** Territory paths already computed, per database: unit "kind|path" → territory path. */
const territoryMemo = new WeakMap<Db, Map<string, string>>();

/**
 * Computes the data territory path of a unit from its path and its ancestors. Every signed-in
 * request needs it (resolveSession), and it read the ancestors each time: a second query per
 * request, a round trip on PostgreSQL. A unit is never moved or re-kinded (org.repository sets
 * its path once, when it is created) and never deleted, so its territory never changes and is
 * kept once computed, per database.
 */
export async function territoryPathOf(
  db: Db,
  unit: { kind: OrgKind; path: string },
): Promise<string> {
  let memo = territoryMemo.get(db);
  if (!memo) {
    memo = new Map();
    territoryMemo.set(db, memo);
  }
  const key = `${unit.kind}|${unit.path}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const ancestors = await repo.findOrgUnitsByIds(db.kysely, pathIds(unit.path));
  const territory = territoryOf(
    unit,
    ancestors
      .map((a) => ({ kind: a.kind as OrgKind, path: a.path }))
      .filter((a) => isInSubtree(unit.path, a.path)),
  );
  if (memo.size < TERRITORY_MEMO_LIMIT) memo.set(key, territory);
  return territory;
}

/** Creates a session for a user; returns the cookie token and the CSRF token. */
export async function createSession(
  db: Db,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const at = nowIso();
  const sessionId = sha256Hex(token);
  await repo.insertSession(db.kysely, {
    id: sessionId,
    user_id: userId,
    csrf_token: csrfToken,
    created_at: at,
    last_seen_at: at,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
    revoked_at: null,
    revoked_reason: null,
  });
  return { token, csrfToken, sessionId };
}

export type SessionLookup = { ok: true; actor: SessionActor } | { ok: false };

/**
 * Resolves a cookie token to the signed-in actor. A revoked, idle-expired or disabled session
 * resolves to nothing. Recent activity is recorded at most once a minute.
 */
export async function resolveSession(
  db: Db,
  token: string,
  options: { idleMinutes: number; requireAdminTotp: boolean },
): Promise<SessionLookup> {
  const sessionId = sha256Hex(token);
  const row = await repo.findSessionWithUser(db.kysely, sessionId);
  if (!row || row.revokedAt !== null || row.status !== 'active') return { ok: false };
  const now = nowIso();
  if (addMinutes(row.lastSeenAt, options.idleMinutes) <= now) {
    await repo.revokeSession(db.kysely, sessionId, now, 'idle_timeout');
    return { ok: false };
  }
  if (Date.parse(now) - Date.parse(row.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await repo.touchSession(db.kysely, sessionId, now);
  }
  const role = row.role as Role;
  const actor: Actor = {
    userId: row.userId,
    role,
    orgUnitId: row.orgUnitId,
    territoryPath: await territoryPathOf(db, { kind: row.orgKind as OrgKind, path: row.orgPath }),
    sectors: parseSectors(row.sectors),
    enterpriseId: row.enterpriseId,
  };
  const totpEnabled = row.totpEnabled === 1;
  return {
    ok: true,
    actor: {
      ...actor,
      username: row.username,
      displayName: row.displayName,
      sessionId,
      csrfToken: row.csrfToken,
      mustEnrollTotp: options.requireAdminTotp && role === 'bureau_admin' && !totpEnabled,
      totpEnabled,
      orgUnitName: row.orgUnitName,
      enterpriseName: row.enterpriseName,
    },
  };
}
