import {
  canAccessRecord,
  hoursToTenths,
  type StaffTrainingInput,
  type StaffTrainingView,
  tenthsToHours,
  type UpdateStaffTrainingInput,
} from '@hazard-ledger/domain';
import type { StaffTrainingRow } from '../../db/schema-staff-training.js';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import * as repo from './staff.repository.js';
import { updateVersioned, voidVersioned } from './versioned-write.js';

// Topic training of the enforcement staff (seed §二(二)2, 监管执法人员专题培训): a session with
// its attendees; each person's hours per year follow from the sessions they attended.

type Attendee = Awaited<ReturnType<typeof repo.listAttendees>>[number];

function trainingView(r: StaffTrainingRow, attendees: Attendee[]): StaffTrainingView {
  return {
    id: r.id,
    districtId: r.district_id,
    topic: r.topic,
    heldOn: r.held_on,
    hours: tenthsToHours(r.hours_tenths),
    trainer: r.trainer,
    place: r.place,
    content: r.content,
    attendees: attendees
      .filter((a) => Number(a.training_id) === r.id)
      .map((a) => ({ staffId: Number(a.staff_id), name: a.name, orgUnitName: a.org_unit_name })),
    createdByName: r.created_by_name,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    version: r.version,
  };
}

/** Sessions of the caller's territory, newest first, with their attendees. */
export async function listTrainings(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const rows = await repo.listTrainings(deps.db.kysely, [actor.territoryPath]);
  const attendees = await repo.listAttendees(
    deps.db.kysely,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => trainingView(r, attendees)) };
}

async function getAccessibleTraining(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findTraining(deps.db.kysely, id);
  if (!row || !canAccessRecord(actor, { orgPath: row.district_path })) throw notFound();
  return row;
}

export async function getTraining(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const row = await getAccessibleTraining(deps, ctx, id);
  return trainingView(row, await repo.listAttendees(deps.db.kysely, [id]));
}

/** Attendees must be live staff records of the caller's territory. */
async function checkAttendees(deps: ServiceDeps, ctx: RequestContext, ids: number[]) {
  const actor = requireActor(ctx);
  const live = new Set(
    (await repo.listStaffUnder(deps.db.kysely, [actor.territoryPath])).map((r) => r.id),
  );
  const unknown = ids.find((id) => !live.has(id));
  if (unknown !== undefined)
    throw fieldError('attendeeIds', `参训人员（编号${unknown}）不在本辖区执法人员名单中`);
  return [...new Set(ids)];
}

/** The district a session belongs to: the caller's territory. */
async function districtOfCaller(deps: ServiceDeps, ctx: RequestContext): Promise<number> {
  const actor = requireActor(ctx);
  const unit = await repo.findOrgUnitByPath(deps.db.kysely, actor.territoryPath);
  if (!unit) throw notFound();
  return unit.id;
}

function columnsOf(input: StaffTrainingInput) {
  return {
    topic: input.topic,
    held_on: input.heldOn,
    hours_tenths: hoursToTenths(input.hours),
    trainer: input.trainer,
    place: input.place,
    content: input.content,
  };
}

export async function createTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: StaffTrainingInput,
) {
  const actor = requireActor(ctx);
  const attendeeIds = await checkAttendees(deps, ctx, input.attendeeIds);
  const districtId = await districtOfCaller(deps, ctx);
  const at = nowIso();
  const row = {
    district_id: districtId,
    ...columnsOf(input),
    created_by: actor.userId,
    created_by_name: actor.displayName,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
    version: 1,
  };
  const id = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertTraining(trx, row);
    await repo.setAttendees(trx, newId, attendeeIds, at);
    await deps.audit.append(trx, ctx, {
      action: 'staff_training.created',
      entityType: 'staff_training',
      entityId: newId,
      changes: { ...diffRecords(null, row), attendee_ids: [null, attendeeIds] },
    });
    return newId;
  });
  return getTraining(deps, ctx, id);
}

/** Edits a session and its attendee list (the list sent replaces the current one). */
export async function updateTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateStaffTrainingInput,
) {
  const before = await getAccessibleTraining(deps, ctx, id);
  if (before.voided_at) throw conflict('status', '培训记录已作废，不能修改');
  if (before.version !== input.version) throw staleVersion();
  const attendeeIds = await checkAttendees(deps, ctx, input.attendeeIds);
  const beforeAttendees = (await repo.listAttendees(deps.db.kysely, [id]))
    .map((a) => Number(a.staff_id))
    .sort((a, b) => a - b);
  const set = { ...columnsOf(input), updated_at: nowIso() };
  const { district_path: _path, ...beforeRow } = before;
  await updateVersioned(
    deps,
    ctx,
    {
      id,
      version: input.version,
      update: repo.updateTrainingIfVersion,
      entityType: 'staff_training',
      action: 'staff_training.updated',
      before: beforeRow,
      set,
    },
    { attendee_ids: [beforeAttendees, [...attendeeIds].sort((a, b) => a - b)] },
    (trx) => repo.setAttendees(trx, id, attendeeIds, set.updated_at),
  );
  return getTraining(deps, ctx, id);
}

export async function voidTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
) {
  const before = await getAccessibleTraining(deps, ctx, id);
  if (before.voided_at) throw conflict('status', '培训记录已作废');
  if (before.version !== input.version) throw staleVersion();
  await voidVersioned(deps, ctx, {
    id,
    version: input.version,
    update: repo.updateTrainingIfVersion,
    entityType: 'staff_training',
    action: 'staff_training.voided',
    reason: input.reason,
  });
  return getTraining(deps, ctx, id);
}

/** Live staff of the caller's territory, for choosing attendees. */
export async function attendeeOptions(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const rows = await repo.listStaffUnder(deps.db.kysely, [actor.territoryPath]);
  return {
    items: rows.map((r) => ({ staffId: r.id, name: r.name, orgUnitName: r.org_unit_name })),
  };
}
