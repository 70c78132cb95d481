import {
  canManageUserAt,
  type CreateUserInput,
  ENTERPRISE_ROLES,
  isInSubtree,
  type PageQuery,
  type Role,
  SECTOR_SCOPED_ROLES,
  type UpdateUserInput,
  type UserView,
} from '@hazard-ledger/domain';
import { diffRecords } from '../audit/audit.writer.js';
import { likeOperator } from '../../db/dialect.js';
import { fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/passwords.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { parseSectors } from '../auth/session.service.js';
import { revokeUserSessions } from '../auth/auth.repository.js';
import { findOrgUnit } from '../org/org.repository.js';
import * as repo from './users.repository.js';

/** Maps a joined user row to the API view. */
export function toUserView(row: repo.UserViewRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    sectors: parseSectors(row.sectors),
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name ?? null,
    phone: row.phone,
    certificateNo: row.certificate_no,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    totpEnabled: row.totp_enabled === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

export type UserListQuery = PageQuery & {
  q?: string;
  role?: Role;
  orgUnitId?: number;
  status?: 'active' | 'disabled';
};

/** Lists users in the caller's territory. */
export async function listUsers(deps: ServiceDeps, ctx: RequestContext, query: UserListQuery) {
  const actor = requireActor(ctx);
  const sort = (
    query.sort && query.sort in repo.USER_SORT_COLUMNS ? query.sort : 'username'
  ) as repo.UserSortKey;
  const { items, total } = await repo.listUsers(
    deps.db.kysely,
    {
      territoryPath: actor.territoryPath,
      q: query.q,
      role: query.role,
      orgUnitId: query.orgUnitId,
      status: query.status,
      like: likeOperator(deps.db.dialect),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort, order: query.order },
  );
  return { items: items.map(toUserView), total, page: query.page, pageSize: query.pageSize };
}

/** Loads a user the caller may manage, or 404. */
async function getManageableUser(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findUserView(deps.db.kysely, id);
  if (!row || !canManageUserAt(actor, row.org_path)) throw notFound();
  return row;
}

/** One user of the caller's territory. */
export async function getUser(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<UserView> {
  return toUserView(await getManageableUser(deps, ctx, id));
}

/** Checks the org unit and enterprise binding of a user being created or edited. */
async function resolvePlacement(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: { role: Role; orgUnitId: number; enterpriseId: number | null; sectors: string[] | null },
): Promise<{ orgUnitId: number; sectors: string | null }> {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  let orgUnitId = input.orgUnitId;
  if (ENTERPRISE_ROLES.includes(input.role) && input.enterpriseId !== null) {
    const enterprise = await db
      .selectFrom('enterprises as e')
      .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
      .select(['e.id', 'e.org_unit_id', 'o.path'])
      .where('e.id', '=', input.enterpriseId)
      .executeTakeFirst();
    if (!enterprise || !isInSubtree(enterprise.path, actor.territoryPath)) {
      throw fieldError('enterpriseId', '所选企业不存在或不在本辖区');
    }
    // An enterprise user belongs to the enterprise's district.
    orgUnitId = enterprise.org_unit_id;
  }
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit || !canManageUserAt(actor, unit.path)) {
    throw fieldError('orgUnitId', '所选单位不存在或不在本辖区');
  }
  const sectors =
    SECTOR_SCOPED_ROLES.includes(input.role) && input.sectors
      ? JSON.stringify([...new Set(input.sectors)].sort())
      : null;
  return { orgUnitId, sectors };
}

/** Creates a user account. */
export async function createUser(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateUserInput,
): Promise<UserView> {
  const db = deps.db.kysely;
  if (await repo.usernameExists(db, input.username)) throw fieldError('username', '用户名已被使用');
  const placement = await resolvePlacement(deps, ctx, input);
  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const row = {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      org_unit_id: placement.orgUnitId,
      sectors: placement.sectors,
      enterprise_id: ENTERPRISE_ROLES.includes(input.role) ? input.enterpriseId : null,
      phone: input.phone,
      certificate_no: input.certificateNo,
      status: 'active',
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    const newId = await repo.insertUser(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: newId,
      changes: diffRecords(null, row),
    });
    return newId;
  });
  return getUser(deps, ctx, id);
}

/** Edits a user; a stale version is refused with 409. */
export async function updateUser(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateUserInput,
): Promise<UserView> {
  await getManageableUser(deps, ctx, id);
  const placement = await resolvePlacement(deps, ctx, input);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findUserRow(trx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw staleVersion();
    const set = {
      display_name: input.displayName,
      role: input.role,
      org_unit_id: placement.orgUnitId,
      sectors: placement.sectors,
      enterprise_id: ENTERPRISE_ROLES.includes(input.role) ? input.enterpriseId : null,
      phone: input.phone,
      certificate_no: input.certificateNo,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    if (!(await repo.updateUserIfVersion(trx, id, input.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  return getUser(deps, ctx, id);
}

type StatusAction = 'disable' | 'enable' | 'unlock';
const STATUS_AUDIT_ACTION: Record<StatusAction, string> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
};

/** Disables, re-enables or unlocks a user. Disabling ends the user's sessions. */
export async function changeUserStatus(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: StatusAction,
): Promise<UserView> {
  const actor = requireActor(ctx);
  await getManageableUser(deps, ctx, id);
  if (action === 'disable' && id === actor.userId) throw fieldError('id', '不能停用自己的账号');
  await inTransaction(deps, async (trx) => {
    const before = await repo.findUserRow(trx, id);
    if (!before) throw notFound();
    const now = nowIso();
    const set =
      action === 'unlock'
        ? { locked_until: null, failed_logins: 0 }
        : { status: action === 'disable' ? 'disabled' : 'active' };
    await repo.updateUserIfVersion(trx, id, before.version, {
      ...set,
      updated_at: now,
      version: before.version + 1,
    });
    if (action === 'disable') await revokeUserSessions(trx, id, now, 'user_disabled');
    await deps.audit.append(trx, ctx, {
      action: STATUS_AUDIT_ACTION[action],
      entityType: 'user',
      entityId: id,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  return getUser(deps, ctx, id);
}

/** Sets a new password for a user; their sessions end and the lock is lifted. */
export async function resetPassword(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  password: string,
): Promise<void> {
  await getManageableUser(deps, ctx, id);
  const passwordHash = await hashPassword(password);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findUserRow(trx, id);
    if (!before) throw notFound();
    const now = nowIso();
    await repo.updateUserIfVersion(trx, id, before.version, {
      password_hash: passwordHash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
      version: before.version + 1,
    });
    await revokeUserSessions(trx, id, now, 'password_reset');
    await deps.audit.append(trx, ctx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
    });
  });
}
