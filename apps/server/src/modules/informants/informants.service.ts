import {
  type CreateInformantAccountInput,
  type CreateInformantInput,
  informantCode,
  informantDisplayName,
  type InformantIdentity,
  type InformantStatusInput,
  type InformantView,
  isInSubtree,
  maskName,
  maskPhone,
  type PageQuery,
  type Sector,
  type UpdateInformantInput,
} from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/passwords.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { sealJson, unsealJson } from '../../lib/sealed.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { revokeUserSessions } from '../auth/auth.repository.js';
import { staffSectors } from '../campaigns/audience.js';
import { canSeeEnterprise } from '../enterprises/enterprises.service.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { districtIdsUnder, findOrgUnit } from '../org/org.repository.js';
import * as usersRepo from '../users/users.repository.js';
import * as repo from './informants.repository.js';

// The informant registry (安全生产信息员, issue 8 item 5). Who may manage it: the bureau
// administrator for their territory, an office for its sectors (an informant is the office's when
// all the informant's sectors are the office's). An informant's name and phone are sealed at
// rest; lists mask them, the full identity is a separate read that writes an audit row, and the
// audit log never holds them in clear (only "[sealed]" markers).

const SEALED = '[sealed]';

/** Who an informant is, sealed in the row. */
type SealedIdentity = { name: string; phone: string };

/** Opens an informant's sealed identity. */
export function identityOf(deps: ServiceDeps, sealed: string): SealedIdentity {
  return unsealJson<SealedIdentity>(sealed, deps.config.identityKey)!;
}

/** Parses the stored sector list. */
export function sectorsOf(row: { sectors: string }): Sector[] {
  const v: unknown = JSON.parse(row.sectors);
  return Array.isArray(v) ? (v as Sector[]) : [];
}

/** Whether a staff member may see and manage an informant: territory, and sectors when scoped. */
export function managesInformant(
  actor: SessionActor,
  row: { district_path: string; sectors: string },
): boolean {
  if (!isInSubtree(row.district_path, actor.territoryPath)) return false;
  const scope = staffSectors(actor);
  return scope === null || sectorsOf(row).every((s) => scope.includes(s));
}

/** Loads an informant the caller manages; anything else reads as 404. */
export async function getManagedInformant(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findInformant(deps.db.kysely, id);
  if (!row || !managesInformant(actor, row)) throw notFound();
  return row;
}

/** The list view of an informant: identity masked. */
export function toInformantView(
  deps: ServiceDeps,
  row: repo.InformantViewRow,
  stats: { count: number; last: string | null } | undefined,
): InformantView {
  const identity = identityOf(deps, row.identity_sealed);
  return {
    id: row.id,
    code: row.code,
    nameMasked: maskName(identity.name),
    phoneMasked: maskPhone(identity.phone) ?? '',
    sectors: sectorsOf(row),
    districtId: row.district_id,
    districtName: row.district_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name ?? null,
    area: row.area,
    note: row.note,
    active: row.active === 1,
    account:
      row.user_id !== null && row.username
        ? {
            userId: row.user_id,
            username: row.username,
            status: row.user_status === 'disabled' ? 'disabled' : 'active',
          }
        : null,
    reportCount: stats?.count ?? 0,
    lastReportAt: stats?.last ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export type InformantListQuery = PageQuery & {
  q?: string;
  districtId?: number;
  sector?: Sector;
  active?: boolean;
};

/**
 * The informants the caller manages. Names are sealed, so the search (code, name, phone, area,
 * enterprise) runs on the opened rows in memory; a registry holds tens, not thousands.
 */
export async function listInformants(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: InformantListQuery,
) {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const rows = await repo.listInformants(db, {
    districtIds: await districtIdsUnder(db, actor.territoryPath),
    districtId: query.districtId,
    active: query.active,
  });
  const q = query.q?.trim().toLowerCase();
  const matching = rows.filter((row) => {
    if (!managesInformant(actor, row)) return false;
    if (query.sector && !sectorsOf(row).includes(query.sector)) return false;
    if (!q) return true;
    const identity = identityOf(deps, row.identity_sealed);
    return [row.code, identity.name, identity.phone, row.area ?? '', row.enterprise_name ?? '']
      .map((s) => s.toLowerCase())
      .some((s) => s.includes(q));
  });
  const start = (query.page - 1) * query.pageSize;
  const pageRows = matching.slice(start, start + query.pageSize);
  const stats = await repo.reportStats(
    db,
    pageRows.map((r) => r.id),
  );
  return {
    items: pageRows.map((r) => toInformantView(deps, r, stats.get(r.id))),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One informant the caller manages (identity masked). */
export async function getInformant(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<InformantView> {
  const row = await getManagedInformant(deps, ctx, id);
  const stats = await repo.reportStats(deps.db.kysely, [id]);
  return toInformantView(deps, row, stats.get(id));
}

/** An informant's full name and phone; every read is written to the audit log. */
export async function readInformantIdentity(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<InformantIdentity> {
  const row = await getManagedInformant(deps, ctx, id);
  const identity = identityOf(deps, row.identity_sealed);
  await inTransaction(deps, (trx) =>
    deps.audit.append(trx, ctx, {
      action: 'informant.identity_viewed',
      entityType: 'informant',
      entityId: id,
      changes: { code: row.code },
    }),
  );
  return { name: identity.name, phone: identity.phone };
}

/** Checks where an informant is placed: a district of the territory, the caller's sectors, and
 * an enterprise (if any) of that district and of one of the informant's sectors. */
async function checkPlacement(
  deps: ServiceDeps,
  actor: SessionActor,
  input: { districtId: number; sectors: Sector[]; enterpriseId: number | null },
) {
  const db = deps.db.kysely;
  const district = await findOrgUnit(db, input.districtId);
  if (!district || district.kind !== 'district' || !isInSubtree(district.path, actor.territoryPath))
    throw fieldError('districtId', '所选区县不存在或不在本辖区');
  const scope = staffSectors(actor);
  if (scope && input.sectors.some((s) => !scope.includes(s)))
    throw fieldError('sectors', '只能登记本科室负责行业领域的信息员');
  if (input.enterpriseId !== null) {
    const enterprise = await findEnterprise(db, input.enterpriseId);
    if (!enterprise || !canSeeEnterprise(actor, enterprise))
      throw fieldError('enterpriseId', '所选企业不存在或不在本辖区');
    if (enterprise.org_unit_id !== input.districtId)
      throw fieldError('enterpriseId', '所选企业不在该信息员所属区县');
    if (!input.sectors.includes(enterprise.sector as Sector))
      throw fieldError('enterpriseId', '所选企业的行业领域不在该信息员负责的行业领域内');
  }
}

/** Runs a write that takes the next informant number, once more if a parallel write took it. */
async function withNextSeq<T>(
  deps: ServiceDeps,
  fn: (trx: Transaction<Database>, seq: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(deps, async (trx) =>
        fn(trx, (await repo.lastInformantSeq(trx)) + 1),
      );
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

/** The audited fields of an informant row (identity as a marker only). */
function auditFields(row: {
  code: string;
  sectors: string;
  district_id: number;
  enterprise_id: number | null;
  area: string | null;
  note: string | null;
  active: number;
  user_id: number | null;
}) {
  return {
    code: row.code,
    sectors: row.sectors,
    district_id: row.district_id,
    enterprise_id: row.enterprise_id,
    area: row.area,
    note: row.note,
    active: row.active,
    user_id: row.user_id,
  };
}

/** Registers an informant (no account yet). */
export async function createInformant(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateInformantInput,
): Promise<InformantView> {
  const actor = requireActor(ctx);
  await checkPlacement(deps, actor, input);
  const at = nowIso();
  const id = await withNextSeq(deps, async (trx, seq) => {
    const row = {
      code: informantCode(seq),
      seq,
      identity_sealed: sealJson({ name: input.name, phone: input.phone }, deps.config.identityKey)!,
      sectors: JSON.stringify(input.sectors),
      district_id: input.districtId,
      enterprise_id: input.enterpriseId,
      area: input.area,
      note: input.note,
      active: 1,
      user_id: null,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    const newId = await repo.insertInformant(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'informant.created',
      entityType: 'informant',
      entityId: newId,
      changes: { ...diffRecords(null, auditFields(row)), identity: [null, SEALED] },
    });
    return newId;
  });
  return getInformant(deps, ctx, id);
}

/** Keeps an informant's account placed like the informant (district and sectors). */
async function syncAccount(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  userId: number,
  set: { org_unit_id?: number; sectors?: string; status?: 'active' | 'disabled' },
) {
  const before = await usersRepo.findUserRow(trx, userId);
  if (!before) return;
  const changed = Object.entries(set).filter(([k, v]) => before[k as keyof typeof before] !== v);
  if (changed.length === 0) return;
  const at = nowIso();
  await usersRepo.updateUserIfVersion(trx, userId, before.version, {
    ...set,
    updated_at: at,
    version: before.version + 1,
  });
  if (set.status === 'disabled' && before.status !== 'disabled')
    await revokeUserSessions(trx, userId, at, 'user_disabled');
  await deps.audit.append(trx, ctx, {
    action:
      set.status && set.status !== before.status
        ? `user.${set.status === 'disabled' ? 'disabled' : 'enabled'}`
        : 'user.updated',
    entityType: 'user',
    entityId: userId,
    changes: { ...diffRecords(before, { ...before, ...set }), via: ['', 'informant registry'] },
  });
}

/** Edits an informant; a stale version is refused with 409. The account follows the changes. */
export async function updateInformant(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateInformantInput,
): Promise<InformantView> {
  const actor = requireActor(ctx);
  await getManagedInformant(deps, ctx, id);
  await checkPlacement(deps, actor, input);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findInformantRow(trx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw staleVersion();
    const oldIdentity = identityOf(deps, before.identity_sealed);
    const identityChanged = oldIdentity.name !== input.name || oldIdentity.phone !== input.phone;
    const set = {
      identity_sealed: identityChanged
        ? sealJson({ name: input.name, phone: input.phone }, deps.config.identityKey)!
        : before.identity_sealed,
      sectors: JSON.stringify(input.sectors),
      district_id: input.districtId,
      enterprise_id: input.enterpriseId,
      area: input.area,
      note: input.note,
      updated_at: nowIso(),
      version: before.version + 1,
    };
    if (!(await repo.updateInformantIfVersion(trx, id, input.version, set))) throw staleVersion();
    if (before.user_id !== null) {
      await syncAccount(trx, deps, ctx, before.user_id, {
        org_unit_id: input.districtId,
        sectors: set.sectors,
      });
    }
    await deps.audit.append(trx, ctx, {
      action: 'informant.updated',
      entityType: 'informant',
      entityId: id,
      changes: {
        ...diffRecords(auditFields(before), auditFields({ ...before, ...set })),
        ...(identityChanged ? { identity: [SEALED, SEALED] } : {}),
      },
    });
  });
  return getInformant(deps, ctx, id);
}

/** Takes an informant off duty (their account is disabled and signed out) or back on. */
export async function setInformantStatus(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: InformantStatusInput,
): Promise<InformantView> {
  await getManagedInformant(deps, ctx, id);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findInformantRow(trx, id);
    if (!before) throw notFound();
    if (before.version !== input.version) throw staleVersion();
    const active = input.active ? 1 : 0;
    if (before.active === active) return;
    const set = { active, updated_at: nowIso(), version: before.version + 1 };
    if (!(await repo.updateInformantIfVersion(trx, id, input.version, set))) throw staleVersion();
    if (before.user_id !== null) {
      await syncAccount(trx, deps, ctx, before.user_id, {
        status: input.active ? 'active' : 'disabled',
      });
    }
    await deps.audit.append(trx, ctx, {
      action: input.active ? 'informant.activated' : 'informant.deactivated',
      entityType: 'informant',
      entityId: id,
      changes: { active: [before.active, active] },
    });
  });
  return getInformant(deps, ctx, id);
}

/**
 * Creates the login of an informant: role informant, placed at the informant's district with
 * their sectors, named by the code (never the real name: display names reach tip histories and
 * the audit log). The password is the initial one the staff member hands over.
 */
export async function createInformantAccount(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: CreateInformantAccountInput,
): Promise<InformantView> {
  const informant = await getManagedInformant(deps, ctx, id);
  if (informant.version !== input.version) throw staleVersion();
  if (informant.active !== 1) throw conflict('active', '信息员已停用，不能开通账号');
  if (informant.user_id !== null) throw conflict('account', '该信息员已有登录账号');
  if (await usersRepo.usernameExists(deps.db.kysely, input.username))
    throw fieldError('username', '用户名已被使用');
  const passwordHash = await hashPassword(input.password);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const row = {
      username: input.username,
      display_name: informantDisplayName(informant.code),
      password_hash: passwordHash,
      role: 'informant',
      org_unit_id: informant.district_id,
      sectors: informant.sectors,
      enterprise_id: null,
      phone: null,
      certificate_no: null,
      status: 'active',
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    const userId = await usersRepo.insertUser(trx, row);
    const ok = await repo.updateInformantIfVersion(trx, id, input.version, {
      user_id: userId,
      updated_at: at,
      version: input.version + 1,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: userId,
      changes: { ...diffRecords(null, row), via: ['', `informant ${id}`] },
    });
    await deps.audit.append(trx, ctx, {
      action: 'informant.account_created',
      entityType: 'informant',
      entityId: id,
      changes: { user_id: [null, userId], username: [null, input.username] },
    });
  });
  return getInformant(deps, ctx, id);
}
