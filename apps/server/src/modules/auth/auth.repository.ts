import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, SessionRow, UserRow, UserUpdate } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Finds a user by username (case-sensitive, as typed). */
export function findUserByUsername(db: Q, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Finds a user by id. */
export function findUserById(db: Q, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates login-related fields of a user. */
export async function updateUserFields(db: Q, id: number, fields: UserUpdate): Promise<void> {
  await db.updateTable('users').set(fields).where('id', '=', id).execute();
}

/**
 * Counts a sign-in attempt before its password is checked, in one statement, so attempts sent
 * at once each get their own number. Returns that number, or undefined while the account is
 * locked (then nothing is counted).
 */
export async function reserveLoginAttempt(
  db: Q,
  id: number,
  now: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_logins')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.failed_logins);
}

/** Takes back an attempt counted by reserveLoginAttempt that turned out not to be a failure. */
export async function releaseLoginAttempt(db: Q, id: number): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`case when failed_logins > 0 then failed_logins - 1 else 0 end`,
    })
    .where('id', '=', id)
    .execute();
}

/** Inserts a session row. */
export async function insertSession(db: Q, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A live (not revoked) session with its user and the user's org unit. */
export function findSessionWithUser(db: Q, sessionId: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.revoked_at as revokedAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.status',
      'u.sectors',
      'u.enterprise_id as enterpriseId',
      'u.totp_enabled as totpEnabled',
      'u.org_unit_id as orgUnitId',
      'o.kind as orgKind',
      'o.path as orgPath',
      'o.name as orgUnitName',
      'e.name as enterpriseName',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** Org units with the given ids (the ancestors named in a materialized path). */
export function findOrgUnitsByIds(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_units').select(['id', 'kind', 'path']).where('id', 'in', ids).execute();
}

/** Marks a session as seen now. */
export async function touchSession(db: Q, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

/** Revokes one session. */
export async function revokeSession(
  db: Q,
  sessionId: string,
  at: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user, optionally sparing one. */
export async function revokeUserSessions(
  db: Q,
  userId: number,
  at: string,
  reason: string,
  exceptSessionId?: string,
): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: at, revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

/** Live sessions of a user seen after `since`, newest first. */
export function listLiveSessions(db: Q, userId: number, since: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('last_seen_at', '>', since)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** One session of a user by its public id prefix match is not allowed; exact id only. */
export function findUserSession(db: Q, userId: number, sessionId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'revoked_at'])
    .where('user_id', '=', userId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
}

/**
 * Records a TOTP step as the user's last accepted one, only if it is later than the one stored:
 * done in one statement so two sign-ins racing with the same code cannot both succeed. Returns
 * false when the step was already used (a replayed code).
 */
export async function claimTotpStep(db: Q, id: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
