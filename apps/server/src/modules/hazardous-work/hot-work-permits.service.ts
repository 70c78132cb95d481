import {
  canAccessRecord,
  type CreateHotWorkPermitInput,
  ErrorCode,
  HOT_WORK_ACTION_LABELS,
  HOT_WORK_ACTION_PAYLOADS,
  type HotWorkAction,
  type HotWorkEvent,
  type HotWorkFacts,
  type HotWorkLevel,
  type HotWorkMeasure,
  type HotWorkPermitDetail,
  type HotWorkPermitListItem,
  type HotWorkStatus,
  hotWorkAvailableActions,
  hotWorkBlockedActions,
  hotWorkNextStatus,
  hotWorkRefusal,
  hotWorkWindowState,
  type PageQuery,
  type Sector,
} from '@hazard-ledger/domain';
import type { HotWorkPermitEventRow, HotWorkPermitRow } from '../../db/schema-hazardous-work.js';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './hazardous-work.repository.js';
import { canRecordFor, getRecordableEnterprise } from './hazardous-work.service.js';

// Hot-work permits (动火作业许可): requested by an enterprise user, approved by another one
// after every safety measure is checked, started only inside the permitted window, closed when
// the work is done. Every step appends to the permit's history in the same transaction.

const measuresOf = (row: HotWorkPermitRow): HotWorkMeasure[] =>
  JSON.parse(row.measures) as HotWorkMeasure[];

function factsOf(row: HotWorkPermitRow): HotWorkFacts {
  return {
    status: row.status as HotWorkStatus,
    requestedByUserId: row.requested_by_user_id,
    measures: measuresOf(row),
    startAt: row.start_at,
    endAt: row.end_at,
  };
}

function listItem(row: HotWorkPermitRow, now: string): HotWorkPermitListItem {
  const measures = measuresOf(row);
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    workDescription: row.work_description,
    place: row.place,
    level: row.level as HotWorkLevel,
    startAt: row.start_at,
    endAt: row.end_at,
    guardian: row.guardian,
    status: row.status as HotWorkStatus,
    windowState: hotWorkWindowState({ startAt: row.start_at, endAt: row.end_at }, now),
    measuresChecked: measures.filter((m) => m.checked).length,
    measuresTotal: measures.length,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at,
    approvedByName: row.approved_by_name,
  };
}

function eventView(e: HotWorkPermitEventRow): HotWorkEvent {
  return {
    id: e.id,
    action: e.action as HotWorkEvent['action'],
    fromStatus: e.from_status as HotWorkStatus | null,
    toStatus: e.to_status as HotWorkStatus,
    actorName: e.actor_name,
    actorRole: e.actor_role,
    at: e.at,
    note: e.note,
  };
}

function detailOf(
  actor: SessionActor,
  row: repo.PermitWithContext,
  events: HotWorkPermitEventRow[],
): HotWorkPermitDetail {
  const now = nowIso();
  const facts = factsOf(row);
  const who = { userId: actor.userId, canRecord: canRecordFor(actor, row.enterprise_id) };
  return {
    ...listItem(row, now),
    enterpriseName: row.enterprise_name,
    operators: row.operators,
    measures: facts.measures.map((m) => ({ text: m.text, checked: m.checked })),
    gasTestResult: row.gas_test_result,
    approvedAt: row.approved_at,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    version: row.version,
    history: events.map(eventView),
    availableActions: hotWorkAvailableActions(facts, who, now),
    blockedActions: hotWorkBlockedActions(facts, who, now),
  };
}

/** Loads a permit the caller may see; anything else reads as 404. */
async function getAccessiblePermit(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findPermit(deps.db.kysely, id);
  if (!row) throw notFound();
  const visible = canAccessRecord(actor, {
    orgPath: row.org_path,
    sector: row.sector as Sector,
    enterpriseId: row.enterprise_id,
  });
  if (!visible) throw notFound();
  return row;
}

/** One permit with its history and the actions the caller may take now. */
export async function getPermit(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<HotWorkPermitDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessiblePermit(deps, ctx, id);
  const events = await repo.listPermitEvents(deps.db.kysely, id);
  return detailOf(actor, row, events);
}

export type PermitListQuery = PageQuery & { status?: HotWorkStatus };

/** One page of an enterprise's permits, the latest window first. */
export async function listPermits(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  query: PermitListQuery,
) {
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const { items, total } = await repo.listPermits(
    deps.db.kysely,
    enterprise.id,
    { status: query.status },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const now = nowIso();
  return {
    items: items.map((r) => listItem(r, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Files a permit request for the caller's enterprise. */
export async function requestPermit(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: CreateHotWorkPermitInput,
): Promise<HotWorkPermitDetail> {
  const actor = requireActor(ctx);
  const enterprise = await getRecordableEnterprise(deps, ctx, enterpriseId);
  const at = nowIso();
  const startAt = new Date(input.startAt).toISOString();
  const endAt = new Date(input.endAt).toISOString();
  if (endAt <= at) throw fieldError('endAt', '作业结束时间已过，不能申请动火作业许可');
  const id = await inTransaction(deps, async (trx) => {
    const row = {
      enterprise_id: enterprise.id,
      work_description: input.workDescription,
      place: input.place,
      level: input.level,
      start_at: startAt,
      end_at: endAt,
      operators: input.operators,
      guardian: input.guardian,
      measures: JSON.stringify(input.measures),
      gas_test_result: input.gasTestResult,
      status: 'requested',
      requested_by_user_id: actor.userId,
      requested_by_name: actor.displayName,
      requested_at: at,
      approved_by_user_id: null,
      approved_by_name: null,
      approved_at: null,
      started_at: null,
      closed_at: null,
      updated_at: at,
      version: 1,
    };
    const permitId = await repo.insertPermit(trx, row);
    await repo.insertPermitEvent(trx, {
      permit_id: permitId,
      action: 'requested',
      from_status: null,
      to_status: 'requested',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      note: null,
      details: null,
      idempotency_key: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'hot_work_permit.requested',
      entityType: 'hot_work_permit',
      entityId: permitId,
      changes: {
        enterpriseId: [null, enterprise.id],
        workDescription: [null, input.workDescription],
        place: [null, input.place],
        level: [null, input.level],
        startAt: [null, startAt],
        endAt: [null, endAt],
        guardian: [null, input.guardian],
        measures: [null, input.measures],
      },
    });
    return permitId;
  });
  return getPermit(deps, ctx, id);
}

/** What an action changes on the permit besides the status, and the note its history keeps. */
function effectOf(
  action: HotWorkAction,
  payload: Record<string, unknown>,
  actor: SessionActor,
  at: string,
): { set: Partial<HotWorkPermitRow>; note: string | null } {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  switch (action) {
    case 'check_measures':
      return {
        set: {
          measures: JSON.stringify(payload.measures),
          gas_test_result: text(payload.gasTestResult),
        },
        note: null,
      };
    case 'approve':
      return {
        set: {
          approved_by_user_id: actor.userId,
          approved_by_name: actor.displayName,
          approved_at: at,
        },
        note: text(payload.comment),
      };
    case 'start':
      return { set: { started_at: at }, note: text(payload.comment) };
    case 'close':
      return { set: { closed_at: at }, note: text(payload.comment) };
    case 'reject':
    case 'cancel':
      return { set: {}, note: text(payload.reason) };
  }
}

/**
 * Takes one action on a permit: scope (404), the right to record for its enterprise (403), the
 * payload (400), the workflow table and rules at this moment (409 with the allowed actions), the
 * version (409); then the update, its history entry and the audit row in one transaction. A
 * repeated request with the same idempotency key changes nothing.
 */
export async function actOnPermit(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: HotWorkAction,
  request: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string | null,
): Promise<HotWorkPermitDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessiblePermit(deps, ctx, id);
  await getRecordableEnterprise(deps, ctx, row.enterprise_id);
  if (idempotencyKey && (await repo.findPermitEventByKey(deps.db.kysely, id, idempotencyKey))) {
    return getPermit(deps, ctx, id);
  }
  const parsed = HOT_WORK_ACTION_PAYLOADS[action].safeParse(request.payload);
  if (!parsed.success) {
    throw new AppError(
      400,
      ErrorCode.ValidationFailed,
      parsed.error.issues.map((i) => ({
        path: ['payload', ...i.path].join('.'),
        message: i.message,
      })),
    );
  }
  const payload = parsed.data as Record<string, unknown>;
  const at = nowIso();
  const facts = factsOf(row);
  const who = { userId: actor.userId, canRecord: true };
  const why = hotWorkRefusal(facts, action, who, at);
  if (why) {
    throw new AppError(409, ErrorCode.Conflict, [{ path: 'action', message: why }], {
      status: row.status,
      allowedActions: hotWorkAvailableActions(facts, who, at),
    });
  }
  if (row.version !== request.version) throw staleVersion();

  const from = facts.status;
  const to = hotWorkNextStatus(from, action);
  const { set, note } = effectOf(action, payload, actor, at);
  await inTransaction(deps, async (trx) => {
    const updated = await repo.updatePermitIfVersion(trx, id, request.version, {
      ...set,
      status: to,
      updated_at: at,
    });
    if (!updated) throw staleVersion();
    try {
      await repo.insertPermitEvent(trx, {
        permit_id: id,
        action,
        from_status: from,
        to_status: to,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        actor_role: actor.role,
        at,
        note,
        details: JSON.stringify(payload),
        idempotency_key: idempotencyKey,
      });
    } catch (err) {
      // The same key raced in from another request: that one wins, this one changes nothing.
      if (idempotencyKey)
        throw new AppError(409, ErrorCode.Conflict, [
          { path: 'idempotencyKey', message: '该操作已提交' },
        ]);
      throw err;
    }
    const changes: Record<string, unknown> = {
      status: [from, to],
      label: HOT_WORK_ACTION_LABELS[action].zh,
    };
    if (note) changes.note = note;
    if (action === 'check_measures') {
      changes.measures = [facts.measures, payload.measures];
      changes.gasTestResult = [row.gas_test_result, payload.gasTestResult];
    }
    await deps.audit.append(trx, ctx, {
      action: `hot_work_permit.${action}`,
      entityType: 'hot_work_permit',
      entityId: id,
      changes,
    });
  });
  return getPermit(deps, ctx, id);
}
