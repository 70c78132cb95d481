import {
  canAccessRecord,
  type EducationLevel,
  type LinkableUser,
  type OrgKind,
  qualifiedShare,
  shareOfStaff,
  STAFF_QUALIFICATION_RULE,
  type StaffInput,
  type StaffList,
  staffQualification,
  type StaffTrainingRecord,
  type StaffView,
  tenthsToHours,
  trainingHoursByYear,
  type UnitShare,
  type UpdateStaffInput,
} from '@hazard-ledger/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { territoryPathOf } from '../auth/session.service.js';
import * as repo from './staff.repository.js';
import { updateVersioned, voidVersioned } from './versioned-write.js';

// Enforcement staff records (执法人员) and the §四(三) qualified share. Whether a person is
// qualified is never stored: it is derived from the recorded facts by the domain rule, so a
// change of the rule (or of a person's years) shows at once everywhere, the report included.

function factsOf(r: { education: string; major_safety_related: number; safety_years: number }) {
  return {
    education: r.education as EducationLevel,
    majorSafetyRelated: r.major_safety_related === 1,
    safetyYears: r.safety_years,
  };
}

function staffView(r: repo.StaffListRow, hoursThisYear: number, today: string): StaffView {
  const q = staffQualification(factsOf(r));
  return {
    id: r.id,
    districtId: r.district_id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    userId: r.user_id,
    username: r.username,
    name: r.name,
    certificateNo: r.certificate_no,
    certificateValidUntil: r.certificate_valid_until,
    certificateExpired: r.certificate_valid_until !== null && r.certificate_valid_until < today,
    education: r.education as EducationLevel,
    major: r.major,
    majorSafetyRelated: r.major_safety_related === 1,
    safetyYears: r.safety_years,
    qualified: q.qualified,
    safetyDegree: q.safetyDegree,
    experienced: q.experienced,
    trainingHoursThisYear: hoursThisYear,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    version: r.version,
  };
}

/** Training hours per person in the year of `today`. */
async function hoursThisYear(
  db: Kysely<Database>,
  staffIds: number[],
  today: string,
): Promise<Map<number, number>> {
  const year = today.slice(0, 4);
  const tenths = new Map<number, number>();
  for (const r of await repo.listAttendedTrainings(db, staffIds)) {
    if (r.held_on.slice(0, 4) !== year) continue;
    const id = Number(r.staff_id);
    tenths.set(id, (tenths.get(id) ?? 0) + r.hours_tenths);
  }
  return new Map([...tenths].map(([id, t]) => [id, tenthsToHours(t)]));
}

/** The org paths a list covers: one district the caller sees, or the caller's territory. */
async function scopePaths(
  deps: ServiceDeps,
  ctx: RequestContext,
  districtId: number | undefined,
): Promise<string[]> {
  const actor = requireActor(ctx);
  if (!districtId) return [actor.territoryPath];
  const unit = await repo.findOrgUnit(deps.db.kysely, districtId);
  if (!unit || !canAccessRecord(actor, { orgPath: unit.path })) throw notFound();
  return [unit.path];
}

/** In-service staff of the caller's territory (or one district), with the qualified shares. */
export async function listStaff(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: { districtId?: number },
): Promise<StaffList> {
  const today = todayInChina();
  const rows = await repo.listStaffUnder(
    deps.db.kysely,
    await scopePaths(deps, ctx, query.districtId),
  );
  const hours = await hoursThisYear(
    deps.db.kysely,
    rows.map((r) => r.id),
    today,
  );
  const byUnit = new Map<number, { name: string; rows: repo.StaffListRow[] }>();
  for (const r of rows) {
    const entry = byUnit.get(r.org_unit_id) ?? { name: r.org_unit_name, rows: [] };
    entry.rows.push(r);
    byUnit.set(r.org_unit_id, entry);
  }
  const units: UnitShare[] = [...byUnit].map(([orgUnitId, u]) => ({
    orgUnitId,
    orgUnitName: u.name,
    share: shareOfStaff(u.rows.map(factsOf)),
  }));
  return {
    items: rows.map((r) => staffView(r, hours.get(r.id) ?? 0, today)),
    share: shareOfStaff(rows.map(factsOf)),
    units,
    rule: { ...STAFF_QUALIFICATION_RULE },
  };
}

/** A staff record the caller may see (404 otherwise), voided ones included. */
async function getAccessibleStaff(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findStaff(deps.db.kysely, id);
  if (!row || !canAccessRecord(actor, { orgPath: row.org_path })) throw notFound();
  return row;
}

/** One person with their training record (hours per year, sessions attended). */
export async function getStaff(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<StaffView & { training: StaffTrainingRecord }> {
  const today = todayInChina();
  const row = await getAccessibleStaff(deps, ctx, id);
  const sessions = (await repo.listAttendedTrainings(deps.db.kysely, [id])).map((s) => ({
    trainingId: s.id,
    topic: s.topic,
    heldOn: s.held_on,
    hours: tenthsToHours(s.hours_tenths),
    trainer: s.trainer,
  }));
  const years = trainingHoursByYear(sessions);
  const thisYear = years.find((y) => String(y.year) === today.slice(0, 4))?.hours ?? 0;
  return { ...staffView(row, thisYear, today), training: { years, sessions } };
}

/** The unit a record is placed in and the district (territory) that unit works for. */
async function placeInUnit(deps: ServiceDeps, ctx: RequestContext, orgUnitId: number) {
  const actor = requireActor(ctx);
  const unit = await repo.findOrgUnit(deps.db.kysely, orgUnitId);
  if (!unit || !canAccessRecord(actor, { orgPath: unit.path })) {
    throw fieldError('orgUnitId', '所在单位不存在或不在本辖区');
  }
  const territory = await territoryPathOf(deps.db, { kind: unit.kind as OrgKind, path: unit.path });
  const district = await repo.findOrgUnitByPath(deps.db.kysely, territory);
  return { unit, districtId: district ? district.id : unit.id };
}

/** A linked user must be in the caller's territory and not linked to another live record. */
async function checkUser(
  deps: ServiceDeps,
  ctx: RequestContext,
  userId: number | null,
  exceptStaffId: number | null,
) {
  if (userId === null) return null;
  const actor = requireActor(ctx);
  const user = await repo.findUser(deps.db.kysely, userId);
  if (!user || !canAccessRecord(actor, { orgPath: user.org_path })) {
    throw fieldError('userId', '关联账号不存在或不在本辖区');
  }
  const other = await repo.findStaffOfUser(deps.db.kysely, userId);
  if (other && other.id !== exceptStaffId) {
    throw conflict('userId', `该账号已关联执法人员记录（${other.name}）`);
  }
  return user;
}

function columnsOf(input: StaffInput, certificateNo: string | null) {
  // A linked inspector's number may come from the account, so this is checked here.
  if (input.certificateValidUntil && !certificateNo) {
    throw fieldError('certificateNo', '填写了执法证有效期，请同时填写执法证号');
  }
  return {
    org_unit_id: input.orgUnitId,
    user_id: input.userId,
    name: input.name,
    certificate_no: certificateNo,
    certificate_valid_until: input.certificateValidUntil,
    education: input.education,
    major: input.major,
    major_safety_related: input.majorSafetyRelated ? 1 : 0,
    safety_years: input.safetyYears,
  };
}

/** Records a person; a linked inspector's certificate number is taken from the account if blank. */
export async function createStaff(deps: ServiceDeps, ctx: RequestContext, input: StaffInput) {
  const actor = requireActor(ctx);
  const { districtId } = await placeInUnit(deps, ctx, input.orgUnitId);
  const user = await checkUser(deps, ctx, input.userId, null);
  const at = nowIso();
  const row = {
    district_id: districtId,
    ...columnsOf(input, input.certificateNo ?? user?.certificate_no ?? null),
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
    version: 1,
  };
  const id = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertStaff(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_staff.created',
      entityType: 'enforcement_staff',
      entityId: newId,
      changes: diffRecords(null, row),
    });
    return newId;
  });
  return getStaff(deps, ctx, id);
}

export async function updateStaff(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateStaffInput,
) {
  await getAccessibleStaff(deps, ctx, id);
  const before = await repo.findStaffRaw(deps.db.kysely, id);
  if (!before) throw notFound();
  if (before.voided_at) throw conflict('status', '记录已作废，不能修改');
  if (before.version !== input.version) throw staleVersion();
  const { districtId } = await placeInUnit(deps, ctx, input.orgUnitId);
  await checkUser(deps, ctx, input.userId, id);
  const set = {
    district_id: districtId,
    ...columnsOf(input, input.certificateNo),
    updated_at: nowIso(),
  };
  await updateVersioned(deps, ctx, {
    id,
    version: input.version,
    update: repo.updateStaffIfVersion,
    entityType: 'enforcement_staff',
    action: 'enforcement_staff.updated',
    before,
    set,
  });
  return getStaff(deps, ctx, id);
}

/** Voids a record (left the post, entered by mistake): it leaves the share; never deleted. */
export async function voidStaff(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
) {
  const row = await getAccessibleStaff(deps, ctx, id);
  if (row.voided_at) throw conflict('status', '记录已作废');
  if (row.version !== input.version) throw staleVersion();
  await voidVersioned(deps, ctx, {
    id,
    version: input.version,
    update: repo.updateStaffIfVersion,
    entityType: 'enforcement_staff',
    action: 'enforcement_staff.voided',
    reason: input.reason,
  });
  return getStaff(deps, ctx, id);
}

/** Inspectors of the caller's territory that have no staff record yet. */
export async function listLinkableUsers(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<LinkableUser[]> {
  const actor = requireActor(ctx);
  const rows = await repo.listLinkableUsers(deps.db.kysely, actor.territoryPath);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    certificateNo: r.certificate_no,
  }));
}

/**
 * The records behind the dispatch figure `enforcement_staff_qualified_share` (方案§四(三)):
 * `staffIds` are the enforcement staff records not voided whose unit lies in the subtree of
 * one of `districtPaths` (materialized org paths, so a district's 执法大队 and offices are
 * included); `qualifiedIds` are those of them that satisfy STAFF_QUALIFICATION_RULE
 * (packages/domain/src/staff/staff.ts) on the facts recorded now. Both sorted ascending.
 * Records have no dated history: like `enforcement_staff`, the figure is the state when the
 * report is computed. The share is percentShare(qualifiedIds.length, staffIds.length).
 */
export async function qualifiedStaffIds(
  db: Kysely<Database>,
  districtPaths: string[],
): Promise<{ staffIds: number[]; qualifiedIds: number[] }> {
  const rows = await repo.listStaffUnder(db, districtPaths);
  const sorted = (ids: number[]) => [...new Set(ids.map(Number))].sort((a, b) => a - b);
  return {
    staffIds: sorted(rows.map((r) => r.id)),
    qualifiedIds: sorted(
      rows.filter((r) => staffQualification(factsOf(r)).qualified).map((r) => r.id),
    ),
  };
}

/** The share from qualifiedStaffIds, for callers that want the number. */
export function shareOfIds(ids: { staffIds: number[]; qualifiedIds: number[] }) {
  return qualifiedShare({ total: ids.staffIds.length, qualified: ids.qualifiedIds.length });
}
