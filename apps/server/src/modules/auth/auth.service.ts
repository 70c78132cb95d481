import {
  ErrorCode,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  type LoginInput,
  permissionsOf,
  type Role,
} from '@hazard-ledger/domain';
import { AppError, fieldError, notFound } from '../../lib/app-error.js';
import { hashPassword, verifyDummy, verifyPassword } from '../../lib/passwords.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { addMinutes, nowIso } from '../../lib/time.js';
import { generateTotpSecret, otpauthUrl, verifyTotpStep } from '../../lib/totp.js';
import * as repo from './auth.repository.js';
import { createSession } from './session.service.js';

export type LoginResult = {
  token: string;
  csrfToken: string;
  user: { id: number; username: string; role: Role; displayName: string };
};

/**
 * Signs a user in. Five failed attempts lock the account for 15 minutes (counted atomically, so
 * parallel guesses do not slip through); every failure and the lock are audited. A successful
 * sign-in always creates a new session (rotation).
 */
export async function login(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: LoginInput,
  userAgent: string | null,
): Promise<LoginResult> {
  const user = await repo.findUserByUsername(deps.db.kysely, input.username);
  if (!user) {
    await verifyDummy(input.password);
    await inTransaction(deps, (trx) =>
      deps.audit.append(trx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: null,
        changes: { username: input.username, reason: 'unknown_user' },
      }),
    );
    throw new AppError(401, ErrorCode.InvalidCredentials);
  }
  const now = nowIso();
  const refuseLocked = async (lockedUntil: string | null): Promise<never> => {
    await inTransaction(deps, (trx) =>
      deps.audit.append(trx, ctx, {
        action: 'auth.login_refused_locked',
        entityType: 'user',
        entityId: user.id,
      }),
    );
    throw new AppError(423, ErrorCode.AccountLocked, [], { lockedUntil });
  };
  if (user.locked_until && user.locked_until > now) return refuseLocked(user.locked_until);
  // The attempt is counted before its password is checked, so guesses sent in parallel cannot
  // all see "no failures yet": at most MAX_FAILED_LOGINS passwords are checked per lock period.
  const attempt = await repo.reserveLoginAttempt(deps.db.kysely, user.id, now);
  if (attempt === undefined) {
    const current = await repo.findUserById(deps.db.kysely, user.id);
    return refuseLocked(current?.locked_until ?? addMinutes(now, LOCKOUT_MINUTES));
  }
  if (attempt > MAX_FAILED_LOGINS) {
    // More attempts in flight than failures allowed: this one is not checked, and it is not a
    // failure either (the attempts ahead of it may well be the owner signing in from several
    // tabs), so it is taken back and the caller is asked to retry. Only checked passwords that
    // turn out wrong count towards the lock.
    await repo.releaseLoginAttempt(deps.db.kysely, user.id);
    throw new AppError(429, ErrorCode.RateLimited);
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const needsTotp = user.totp_enabled === 1 && user.totp_secret !== null;
  if (passwordOk && needsTotp && !input.totp) {
    // Being asked for the code is not a failure (the password was right).
    await repo.releaseLoginAttempt(deps.db.kysely, user.id);
    throw new AppError(401, ErrorCode.TotpRequired);
  }
  // A code is good once: its step must be later than the last accepted one, and claiming the
  // step is atomic (a replayed or raced code counts as a wrong code). Only claimed after the
  // password was right, so a wrong password cannot burn the owner's current code.
  let totpOk = !needsTotp;
  if (needsTotp && passwordOk && input.totp !== undefined) {
    const step = verifyTotpStep(user.totp_secret!, input.totp, user.totp_last_step);
    totpOk = step !== null && (await repo.claimTotpStep(deps.db.kysely, user.id, step));
  }
  if (!passwordOk || !totpOk) {
    const failures = attempt;
    const locks = failures >= MAX_FAILED_LOGINS;
    await inTransaction(deps, async (trx) => {
      if (locks) {
        await repo.updateUserFields(trx, user.id, {
          failed_logins: 0,
          locked_until: addMinutes(now, LOCKOUT_MINUTES),
        });
      }
      await deps.audit.append(trx, ctx, {
        action: locks ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        changes: { reason: passwordOk ? 'wrong_totp' : 'wrong_password', failures },
      });
    });
    throw new AppError(401, passwordOk ? ErrorCode.TotpInvalid : ErrorCode.InvalidCredentials);
  }
  if (user.status !== 'active') {
    await repo.releaseLoginAttempt(deps.db.kysely, user.id);
    throw new AppError(403, ErrorCode.AccountDisabled);
  }
  const session = await createSession(deps.db, user.id, { ip: ctx.ip, userAgent });
  await inTransaction(deps, async (trx) => {
    await repo.updateUserFields(trx, user.id, {
      failed_logins: 0,
      locked_until: null,
      last_login_at: now,
    });
    await deps.audit.append(trx, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      changes: { username: user.username },
    });
  });
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    user: {
      id: user.id,
      username: user.username,
      role: user.role as Role,
      displayName: user.display_name,
    },
  };
}

/** Ends the current session. */
export async function logout(deps: ServiceDeps, ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);
  await inTransaction(deps, async (trx) => {
    await repo.revokeSession(trx, actor.sessionId, nowIso(), 'logout');
    await deps.audit.append(trx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

/** The signed-in user as the web app needs it. */
export function me(ctx: RequestContext) {
  const actor = requireActor(ctx);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      orgUnitId: actor.orgUnitId,
      orgUnitName: actor.orgUnitName,
      sectors: actor.sectors,
      enterpriseId: actor.enterpriseId,
      enterpriseName: actor.enterpriseName,
      totpEnabled: actor.totpEnabled,
      mustEnrollTotp: actor.mustEnrollTotp,
    },
    csrfToken: actor.csrfToken,
    permissions: permissionsOf(actor.role),
  };
}

/** Changes the caller's password; other sessions of the user are ended. */
export async function changePassword(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUserById(deps.db.kysely, actor.userId);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError(400, ErrorCode.PasswordMismatch, [
      { path: 'currentPassword', message: '当前密码错误' },
    ]);
  }
  if (input.currentPassword === input.newPassword) {
    throw fieldError('newPassword', '新密码不能与当前密码相同');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = nowIso();
  await inTransaction(deps, async (trx) => {
    await repo.updateUserFields(trx, user.id, {
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
      version: user.version + 1,
    });
    await repo.revokeUserSessions(trx, user.id, now, 'password_changed', actor.sessionId);
    await deps.audit.append(trx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/** The caller's live sessions. */
export async function listMySessions(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const since = addMinutes(nowIso(), -deps.config.sessionIdleMinutes);
  const rows = await repo.listLiveSessions(deps.db.kysely, actor.userId, since);
  return {
    items: rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      userAgent: r.user_agent,
      current: r.id === actor.sessionId,
    })),
  };
}

/** Ends one of the caller's other sessions. */
export async function revokeMySession(
  deps: ServiceDeps,
  ctx: RequestContext,
  sessionId: string,
): Promise<void> {
  const actor = requireActor(ctx);
  const session = await repo.findUserSession(deps.db.kysely, actor.userId, sessionId);
  if (!session) throw notFound();
  if (session.id === actor.sessionId)
    throw fieldError('id', '不能在此结束当前会话，请使用退出登录');
  await inTransaction(deps, async (trx) => {
    await repo.revokeSession(trx, session.id, nowIso(), 'revoked_by_user');
    await deps.audit.append(trx, ctx, {
      action: 'auth.session_revoked',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

/** Starts TOTP enrolment: stores a fresh secret (not yet enabled) and returns it. */
export async function setupTotp(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const user = await repo.findUserById(deps.db.kysely, actor.userId);
  if (!user) throw notFound();
  if (user.totp_enabled === 1)
    throw new AppError(409, ErrorCode.Conflict, [], {}, 'TOTP already enabled');
  const secret = generateTotpSecret();
  await inTransaction(deps, async (trx) => {
    await repo.updateUserFields(trx, user.id, { totp_secret: secret });
    await deps.audit.append(trx, ctx, {
      action: 'auth.totp_setup',
      entityType: 'user',
      entityId: user.id,
    });
  });
  return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
}

/** Enables TOTP once the user proves they hold the secret. */
export async function enableTotp(
  deps: ServiceDeps,
  ctx: RequestContext,
  code: string,
): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUserById(deps.db.kysely, actor.userId);
  if (!user) throw notFound();
  if (!user.totp_secret || user.totp_enabled === 1) {
    throw new AppError(409, ErrorCode.Conflict, [{ path: 'code', message: '请先生成密钥' }]);
  }
  const step = verifyTotpStep(user.totp_secret, code, user.totp_last_step);
  if (step === null || !(await repo.claimTotpStep(deps.db.kysely, user.id, step))) {
    throw new AppError(400, ErrorCode.TotpInvalid, [{ path: 'code', message: '动态验证码错误' }]);
  }
  await inTransaction(deps, async (trx) => {
    await repo.updateUserFields(trx, user.id, {
      totp_enabled: 1,
      version: user.version + 1,
      updated_at: nowIso(),
    });
    await deps.audit.append(trx, ctx, {
      action: 'auth.totp_enabled',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/** Disables TOTP after re-checking the password; refused where TOTP is mandatory. */
export async function disableTotp(
  deps: ServiceDeps,
  ctx: RequestContext,
  password: string,
): Promise<void> {
  const actor = requireActor(ctx);
  const user = await repo.findUserById(deps.db.kysely, actor.userId);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new AppError(400, ErrorCode.PasswordMismatch, [
      { path: 'password', message: '密码错误' },
    ]);
  }
  if (deps.config.requireAdminTotp && user.role === 'bureau_admin') {
    throw new AppError(403, ErrorCode.Forbidden, [], {}, 'TOTP is mandatory for administrators');
  }
  await inTransaction(deps, async (trx) => {
    await repo.updateUserFields(trx, user.id, {
      totp_enabled: 0,
      totp_secret: null,
      version: user.version + 1,
      updated_at: nowIso(),
    });
    await deps.audit.append(trx, ctx, {
      action: 'auth.totp_disabled',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
