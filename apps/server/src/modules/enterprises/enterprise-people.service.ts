import {
  type CreateEnterpriseAccountInput,
  type HazardSourceInput,
  maskIdNumber,
  maskPhone,
  type PersonInput,
  type PersonView,
  type HazardSourceView,
  type EnterpriseTag,
} from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import type { Database, EnterprisePersonRow, HazardSourceRow } from '../../db/schema.js';
import { fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/passwords.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import * as usersRepo from '../users/users.repository.js';
import * as repo from './enterprises.repository.js';
import { enterpriseAbilities, getAccessibleEnterprise } from './enterprises.service.js';

/** A person as the API shows it; phone and ID masked unless `reveal`. */
export function toPersonView(row: EnterprisePersonRow, reveal: boolean): PersonView {
  return {
    id: row.id,
    kind: row.kind as PersonView['kind'],
    name: row.name,
    position: row.position,
    phone: reveal ? row.phone : maskPhone(row.phone),
    idNumber: reveal ? row.id_number : maskIdNumber(row.id_number),
    assessed: row.assessed === null ? null : row.assessed === 1,
    specialty: row.specialty,
    version: row.version,
  };
}

/** A hazard source as the API shows it; phones masked unless `reveal`. */
export function toHazardSourceView(row: HazardSourceRow, reveal: boolean): HazardSourceView {
  const phone = (p: string | null) => (reveal ? p : maskPhone(p));
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    substances: row.substances,
    leader: { name: row.leader_name, phone: phone(row.leader_phone) },
    technical: { name: row.technical_name, phone: phone(row.technical_phone) },
    operations: { name: row.operations_name, phone: phone(row.operations_phone) },
    version: row.version,
  };
}

async function requirePeopleEditor(deps: ServiceDeps, ctx: RequestContext, enterpriseId: number) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (!enterpriseAbilities(actor, enterprise).editPeople) throw forbidden();
  return enterprise;
}

/** The people of an enterprise, masked. */
export async function listPeople(deps: ServiceDeps, ctx: RequestContext, enterpriseId: number) {
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const rows = await repo.listPeople(deps.db.kysely, enterpriseId);
  return { items: rows.map((r) => toPersonView(r, false)) };
}

/** Adds a person (leader, safety manager or expert). */
export async function addPerson(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: PersonInput,
) {
  await requirePeopleEditor(deps, ctx, enterpriseId);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const personId = await repo.insertPerson(trx, enterpriseId, input, at);
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.person_added',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { personId, ...diffRecords(null, repo.personColumns(input)) },
    });
    return personId;
  });
  const row = await repo.findPerson(deps.db.kysely, enterpriseId, id);
  return toPersonView(row!, false);
}

/** Edits a person; a stale version gets 409. */
export async function updatePerson(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  personId: number,
  input: PersonInput & { version: number },
) {
  await requirePeopleEditor(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findPerson(trx, enterpriseId, personId);
    if (!before || before.voided_at) throw notFound();
    const set = { ...repo.personColumns(input), updated_at: nowIso() };
    if (!(await repo.updatePersonIfVersion(trx, personId, input.version, set)))
      throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.person_updated',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { personId, ...diffRecords(before, { ...before, ...set }) },
    });
  });
  const row = await repo.findPerson(deps.db.kysely, enterpriseId, personId);
  return toPersonView(row!, false);
}

/** Voids a person record with a reason (never deleted). */
export async function voidPerson(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  personId: number,
  input: { reason: string; version: number },
) {
  await requirePeopleEditor(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findPerson(trx, enterpriseId, personId);
    if (!before || before.voided_at) throw notFound();
    const at = nowIso();
    if (
      !(await repo.updatePersonIfVersion(trx, personId, input.version, {
        voided_at: at,
        void_reason: input.reason,
        updated_at: at,
      }))
    ) {
      throw staleVersion();
    }
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.person_voided',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { personId, name: before.name, reason: input.reason },
    });
  });
}

/** The major hazard sources of an enterprise, phones masked. */
export async function listHazardSources(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
) {
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const rows = await repo.listHazardSources(deps.db.kysely, enterpriseId);
  return { items: rows.map((r) => toHazardSourceView(r, false)) };
}

/** Keeps the enterprise's major_hazard_source tag in step with its sources. */
async function syncHazardSourceTag(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
) {
  const enterprise = await repo.findEnterprise(trx, enterpriseId);
  if (!enterprise) return;
  const tags = JSON.parse(enterprise.tags) as EnterpriseTag[];
  const has = (await repo.listHazardSources(trx, enterpriseId)).length > 0;
  const tagged = tags.includes('major_hazard_source');
  if (has === tagged) return;
  const next = has
    ? [...tags, 'major_hazard_source'].sort()
    : tags.filter((t) => t !== 'major_hazard_source');
  await repo.updateEnterpriseIfVersion(trx, enterpriseId, enterprise.version, {
    tags: JSON.stringify(next),
    updated_at: nowIso(),
  });
  await deps.audit.append(trx, ctx, {
    action: 'enterprise.updated',
    entityType: 'enterprise',
    entityId: enterpriseId,
    changes: { tags: [tags, next] },
  });
}

/** Registers a major hazard source with its three 包保 persons. */
export async function addHazardSource(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: HazardSourceInput,
) {
  await requirePeopleEditor(deps, ctx, enterpriseId);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const sourceId = await repo.insertHazardSource(trx, enterpriseId, input, at);
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.hazard_source_added',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { sourceId, ...diffRecords(null, repo.hazardSourceColumns(input)) },
    });
    await syncHazardSourceTag(trx, deps, ctx, enterpriseId);
    return sourceId;
  });
  return toHazardSourceView(
    (await repo.findHazardSource(deps.db.kysely, enterpriseId, id))!,
    false,
  );
}

/** Edits a major hazard source. */
export async function updateHazardSource(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  sourceId: number,
  input: HazardSourceInput & { version: number },
) {
  await requirePeopleEditor(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findHazardSource(trx, enterpriseId, sourceId);
    if (!before || before.voided_at) throw notFound();
    const set = { ...repo.hazardSourceColumns(input), updated_at: nowIso() };
    if (!(await repo.updateHazardSourceIfVersion(trx, sourceId, input.version, set)))
      throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.hazard_source_updated',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { sourceId, ...diffRecords(before, { ...before, ...set }) },
    });
  });
  return toHazardSourceView(
    (await repo.findHazardSource(deps.db.kysely, enterpriseId, sourceId))!,
    false,
  );
}

/** Voids a major hazard source with a reason. */
export async function voidHazardSource(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  sourceId: number,
  input: { reason: string; version: number },
) {
  await requirePeopleEditor(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const before = await repo.findHazardSource(trx, enterpriseId, sourceId);
    if (!before || before.voided_at) throw notFound();
    const at = nowIso();
    if (
      !(await repo.updateHazardSourceIfVersion(trx, sourceId, input.version, {
        voided_at: at,
        void_reason: input.reason,
        updated_at: at,
      }))
    ) {
      throw staleVersion();
    }
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.hazard_source_voided',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { sourceId, name: before.name, reason: input.reason },
    });
    await syncHazardSourceTag(trx, deps, ctx, enterpriseId);
  });
}

/**
 * The full personal data (phones, ID numbers) of an enterprise's people and hazard-source
 * persons. Each call is audited: who looked at whose personal data, and when.
 */
export async function revealPersonalData(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
) {
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const [people, sources] = await Promise.all([
    repo.listPeople(deps.db.kysely, enterpriseId),
    repo.listHazardSources(deps.db.kysely, enterpriseId),
  ]);
  await inTransaction(deps, (trx) =>
    deps.audit.append(trx, ctx, {
      action: 'enterprise.personal_data_viewed',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changes: { people: people.map((p) => p.id), hazardSources: sources.map((s) => s.id) },
    }),
  );
  return {
    people: people.map((r) => toPersonView(r, true)),
    hazardSources: sources.map((r) => toHazardSourceView(r, true)),
  };
}

/** The accounts bound to an enterprise. */
export async function listAccounts(deps: ServiceDeps, ctx: RequestContext, enterpriseId: number) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (!enterpriseAbilities(actor, enterprise).manageAccounts) throw forbidden();
  const rows = await repo.listEnterpriseAccounts(deps.db.kysely, enterpriseId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role as 'ent_leader' | 'ent_safety',
      status: r.status,
      lastLoginAt: r.last_login_at,
    })),
  };
}

/** Creates the account of the enterprise's leader or a safety manager (by the office). */
export async function createAccount(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: CreateEnterpriseAccountInput,
) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (!enterpriseAbilities(actor, enterprise).manageAccounts) throw forbidden();
  if (await usersRepo.usernameExists(deps.db.kysely, input.username))
    throw fieldError('username', '用户名已被使用');
  const passwordHash = await hashPassword(input.password);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const row = {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      org_unit_id: enterprise.org_unit_id,
      sectors: null,
      enterprise_id: enterpriseId,
      phone: input.phone,
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
    await deps.audit.append(trx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: userId,
      changes: { ...diffRecords(null, row), via: ['', `enterprise ${enterpriseId}`] },
    });
    return userId;
  });
  return {
    id,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    status: 'active',
    lastLoginAt: null,
  };
}
