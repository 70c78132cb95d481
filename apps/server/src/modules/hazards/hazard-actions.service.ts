import {
  ErrorCode,
  HAZARD_ACTION_LABELS,
  HAZARD_ACTION_PAYLOADS,
  type HazardAction,
  type HazardActionPayload,
  type HazardStatus,
  availableActions,
  nextStatus,
  refusal,
} from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import type { HazardRow } from '../../db/schema-hazards.js';
import { diffRecords } from '../audit/audit.writer.js';
import * as repo from './hazards.repository.js';
import { factsOf, getAccessibleHazard, getHazard } from './hazards.service.js';

type HazardSet = Partial<Omit<HazardRow, 'id' | 'version'>>;

/** What an action changes on the record besides the status, and what the history keeps. */
function effectOf(
  action: HazardAction,
  payload: Record<string, unknown>,
  row: repo.HazardWithContext,
  actor: SessionActor,
  at: string,
): { set: HazardSet; reason: string | null } {
  const p = payload;
  switch (action) {
    case 'submit_plan':
      return { set: {}, reason: (p.comment as string | null) ?? null };
    case 'approve_plan':
      return { set: { plan_approved_at: at }, reason: (p.comment as string | null) ?? null };
    case 'return_plan':
      return { set: {}, reason: p.reason as string };
    case 'fix_on_spot':
      return { set: { fix_description: p.description as string }, reason: null };
    case 'submit_fix':
      // A new fix needs a new acceptance.
      return {
        set: {
          fix_description: p.description as string,
          fixed_by_user_id: actor.userId,
          fixed_at: at,
          leader_accepted_at: null,
        },
        reason: null,
      };
    case 'accept_fix':
      return { set: { leader_accepted_at: at }, reason: (p.comment as string | null) ?? null };
    case 'verify':
      return {
        set: {
          verified_at: at,
          verified_by_user_id: actor.userId,
          // Supervision ends when the hazard is closed (销号).
          supervision_level: null,
        },
        reason: p.comment as string,
      };
    case 'reject_fix':
      return { set: { leader_accepted_at: null }, reason: p.reason as string };
    case 'report_to_bureau':
      return { set: { reported_to_bureau_at: at }, reason: (p.comment as string | null) ?? null };
    case 'request_extension':
      return {
        set: { extension_deadline: p.newDeadline as string, extension_reason: p.reason as string },
        reason: p.reason as string,
      };
    case 'approve_extension':
      return {
        set: {
          deadline: p.approve ? row.extension_deadline : row.deadline,
          extension_deadline: null,
          extension_reason: null,
        },
        reason: (p.comment as string | null) ?? null,
      };
    case 'change_level':
      return { set: { level: p.level as string }, reason: p.reason as string };
    case 'supervise':
      return {
        set: { supervision_level: p.supervisionLevel as string, supervised_at: at },
        reason: p.reason as string,
      };
    case 'lift_supervision':
      return { set: { supervision_level: null }, reason: p.reason as string };
    case 'order_deadline':
      return { set: { deadline: p.newDeadline as string }, reason: p.reason as string };
  }
}

/** Cross-field checks of a payload against the record (beyond the payload's own schema). */
async function checkPayload(
  db: Transaction<Database>,
  action: HazardAction,
  payload: Record<string, unknown>,
  row: repo.HazardWithContext,
): Promise<void> {
  if (action === 'request_extension') {
    const newDeadline = payload.newDeadline as string;
    if (row.deadline && newDeadline <= row.deadline)
      throw fieldError('payload.newDeadline', '延期后的期限须晚于原整改期限');
    if (newDeadline < todayInChina())
      throw fieldError('payload.newDeadline', '延期后的期限不能早于今天');
  }
  if (action === 'order_deadline' && (payload.newDeadline as string) < todayInChina()) {
    throw fieldError('payload.newDeadline', '整改期限不能早于今天');
  }
  if (action === 'change_level' && payload.level === row.level) {
    throw fieldError('payload.level', '新等级与当前等级相同');
  }
  if (action === 'submit_fix' || action === 'fix_on_spot') {
    const ids = (payload.attachmentIds as number[] | undefined) ?? [];
    if (ids.length > 0) {
      const files = await repo.listFiles(db, row.id);
      const known = new Set(files.map((f) => f.id));
      if (ids.some((i) => !known.has(i)))
        throw fieldError('payload.attachmentIds', '所选附件不属于本隐患');
    }
  }
}

/**
 * Takes one workflow action on a hazard: checks the caller's scope, the version, the workflow
 * table and the rules, then updates the record, appends the history event and the audit row in
 * one transaction. A repeated request with the same idempotency key changes nothing.
 */
export async function actOnHazard(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: HazardAction,
  request: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string | null,
) {
  // Scope first: a foreign hazard reads as 404 before anything else is said about it.
  await getAccessibleHazard(deps, ctx, id);
  await inTransaction(deps, (trx) =>
    applyHazardAction(trx, deps, ctx, id, action, request, idempotencyKey),
  );
  return getHazard(deps, ctx, id);
}

/**
 * The same action inside the caller's transaction, for modules whose own change must commit
 * together with the hazard's (a re-inspection verifying hazards, a signed inspection record
 * raising a hazard's level). Every read and write goes through `trx`; a refusal throws before
 * anything is written, so a caller may catch it and carry on in the same transaction. Scope
 * is the caller's to check. Returns false when the idempotency key was already used.
 */
export async function applyHazardAction(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: HazardAction,
  request: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string | null,
): Promise<boolean> {
  const actor = requireActor(ctx);
  const row = await repo.findHazard(trx, id);
  if (!row) throw notFound();
  if (idempotencyKey && (await repo.findEventByKey(trx, id, idempotencyKey))) return false;
  const parsed = HAZARD_ACTION_PAYLOADS[action].safeParse(request.payload);
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
  const payload = parsed.data as HazardActionPayload<HazardAction> as Record<string, unknown>;
  const facts = factsOf(row);
  const why = refusal(facts, action, { role: actor.role, userId: actor.userId });
  if (why) {
    throw new AppError(409, ErrorCode.Conflict, [{ path: 'action', message: why }], {
      status: row.status,
      allowedActions: availableActions(facts, { role: actor.role, userId: actor.userId }),
    });
  }
  if (row.version !== request.version) throw staleVersion();
  await checkPayload(trx, action, payload, row);

  const at = nowIso();
  const from = row.status as HazardStatus;
  const to = nextStatus(from, action);
  const { set, reason } = effectOf(action, payload, row, actor, at);
  if (
    !(await repo.updateHazardIfVersion(trx, id, request.version, {
      ...set,
      status: to,
      updated_at: at,
    }))
  ) {
    throw staleVersion();
  }
  try {
    await trx
      .insertInto('hazard_events')
      .values({
        hazard_id: id,
        action,
        from_status: from,
        to_status: to,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        actor_role: actor.role,
        at,
        reason,
        details: JSON.stringify(payload),
        idempotency_key: idempotencyKey,
      })
      .execute();
  } catch (err) {
    // The same key raced in from another request: that one wins, this one changes nothing.
    if (idempotencyKey)
      throw new AppError(409, ErrorCode.Conflict, [
        { path: 'idempotencyKey', message: '该操作已提交' },
      ]);
    throw err;
  }
  await deps.audit.append(trx, ctx, {
    action: `hazard.${action}`,
    entityType: 'hazard',
    entityId: id,
    changes: {
      status: [from, to],
      label: HAZARD_ACTION_LABELS[action].zh,
      ...diffRecords(row, { ...row, ...set }),
    },
  });
  return true;
}
