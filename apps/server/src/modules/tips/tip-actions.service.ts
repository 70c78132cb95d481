import {
  acceptanceDueDate,
  availableTipActions,
  canAccessRecord,
  type CreateHazardInput,
  ErrorCode,
  MESSAGE_KIND_ACTION,
  nextTipStatus,
  type Sector,
  type StaffTipMessageInput,
  TIP_ACTION_LABELS,
  TIP_ACTION_PAYLOADS,
  TIP_MESSAGE_KIND_LABELS,
  TIP_REJECT_REASON_LABELS,
  TIP_VERIFICATION_RESULT_LABELS,
  type TipActionPayload,
  type TipDetail,
  type TipHazardInput,
  type TipLinkTarget,
  type TipRecordAction,
  type TipStatus,
  tipRefusal,
  verificationDueDate,
} from '@hazard-ledger/domain';
import type { Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { TipTable } from '../../db/schema-tips.js';
import { AppError, fieldError, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { type CitedItem, resolveCatalogItem } from '../hazards/hazard-catalog.js';
import { recordHazard } from '../hazards/hazards.service.js';
import * as repo from './tips.repository.js';
import {
  assignableOf,
  checkCatalogCode,
  extensionLimitOf,
  dueDateLimitOf,
  getAccessibleTip,
  getTip,
  placeTip,
  tipFactsOf,
} from './tips.service.js';

// Workflow actions on a tip (accept, reject, assign, verify, link …) and staff messages. Each
// action: scope → idempotency → payload → workflow table → version → facts → one transaction
// with the update, the history event and the audit row.

type TipSet = Omit<Updateable<TipTable>, 'id' | 'version'>;
type TipEvents = Awaited<ReturnType<typeof repo.listTipEvents>>;

/** A prepared change: what to set, the history note, and work to do inside the transaction. */
type Effect = {
  set: TipSet;
  note: string | null;
  /** Runs in the transaction before the update; may add to `set` (e.g. a new hazard's id). */
  inside?: (trx: Transaction<Database>) => Promise<TipSet>;
};

function payloadError(path: string, message: string): AppError {
  return fieldError(`payload.${path}`, message);
}

/** A ledger hazard recorded from a tip: enterprise and origin from the tip, found today. */
async function prepareHazard(
  deps: ServiceDeps,
  ctx: RequestContext,
  actor: SessionActor,
  tip: repo.TipWithContext,
  input: TipHazardInput,
  path: string,
): Promise<(trx: Transaction<Database>) => Promise<number>> {
  if (!tip.enterprise_id) throw payloadError(path, '须先确定被举报企业（从企业库选择）');
  const enterprise = await getAccessibleEnterprise(deps, ctx, tip.enterprise_id);
  let catalog: CitedItem | null = null;
  if (input.catalogItemCode) {
    try {
      catalog = await resolveCatalogItem(deps, input.catalogItemCode, enterprise);
    } catch (err) {
      if (err instanceof AppError && err.fields[0])
        throw payloadError(`${path}.catalogItemCode`, err.fields[0].message);
      throw err;
    }
  }
  const hazard: CreateHazardInput = {
    enterpriseId: enterprise.id,
    level: input.level,
    title: input.title,
    description: input.description,
    place: input.place,
    causeAnalysis: null,
    category: input.category,
    origin: tip.channel === 'informant' ? 'informant' : 'tip',
    foundAt: todayInChina(),
    foundBy: `举报核查：${actor.displayName}`.slice(0, 50),
    catalogItemCode: catalog?.code ?? null,
    noCatalogReason: catalog ? null : input.noCatalogReason,
    treatment: input.treatment,
  };
  return (trx) => recordHazard(trx, deps, ctx, enterprise, hazard, catalog);
}

/** Checks that a record to link exists, lies in the caller's scope and concerns the tip's enterprise. */
async function checkLinkTarget(
  deps: ServiceDeps,
  actor: SessionActor,
  tip: repo.TipWithContext,
  target: TipLinkTarget,
  id: number,
  path: string,
): Promise<void> {
  const db = deps.db.kysely;
  const found =
    target === 'hazard'
      ? await repo.findHazardBrief(db, id)
      : target === 'inspection_record'
        ? await repo.findInspectionRecordBrief(db, id)
        : await repo.findPenaltyCaseBrief(db, id);
  if (
    !found ||
    !canAccessRecord(actor, {
      orgPath: found.district_path,
      sector: found.sector as Sector,
      enterpriseId: found.enterprise_id,
    })
  )
    throw payloadError(path, '所选记录不存在或不在您的管辖范围内');
  if (target === 'inspection_record' && 'status' in found && found.status === 'draft')
    throw payloadError(path, '检查记录尚未定稿，不能关联');
  if (
    tip.enterprise_id !== null
      ? found.enterprise_id !== tip.enterprise_id
      : found.district_id !== tip.district_id
  )
    throw payloadError(path, '所选记录不属于被举报企业');
}

const LINK_COLUMN: Record<TipLinkTarget, 'hazard_id' | 'inspection_record_id' | 'penalty_case_id'> =
  {
    hazard: 'hazard_id',
    inspection_record: 'inspection_record_id',
    penalty_case: 'penalty_case_id',
  };
const LINK_LABEL: Record<TipLinkTarget, string> = {
  hazard: '台账隐患',
  inspection_record: '检查记录',
  penalty_case: '处罚案件',
};

/** Cross-field checks of an action against the record, and what it changes. */
async function effectOf(
  deps: ServiceDeps,
  ctx: RequestContext,
  actor: SessionActor,
  tip: repo.TipWithContext,
  events: TipEvents,
  action: TipRecordAction,
  payload: Record<string, unknown>,
): Promise<Effect> {
  const today = todayInChina();
  switch (action) {
    case 'accept': {
      const p = payload as TipActionPayload<'accept'>;
      return { set: { due_date: verificationDueDate(today) }, note: p.comment };
    }
    case 'reject': {
      const p = payload as TipActionPayload<'reject'>;
      let dupNumber: string | null = null;
      if (p.reason === 'duplicate') {
        const dupId = p.duplicateOfTipId!;
        if (dupId === tip.id) throw payloadError('duplicateOfTipId', '不能选择本举报');
        const dup = await getAccessibleTip(deps, ctx, dupId).catch(() => null);
        if (!dup) throw payloadError('duplicateOfTipId', '所选举报不存在或不在您的管辖范围内');
        if (dup.duplicate_of_tip_id === tip.id)
          throw payloadError('duplicateOfTipId', '所选举报已被认定为本举报的重复举报');
        dupNumber = dup.number;
      }
      const label = TIP_REJECT_REASON_LABELS[p.reason].zh;
      return {
        set: {
          reject_reason: p.reason,
          duplicate_of_tip_id: p.reason === 'duplicate' ? p.duplicateOfTipId : null,
        },
        note: [dupNumber ? `${label}（与${dupNumber}重复）` : label, p.comment]
          .filter(Boolean)
          .join('：'),
      };
    }
    case 'reopen': {
      const p = payload as TipActionPayload<'reopen'>;
      return {
        set: { reject_reason: null, duplicate_of_tip_id: null, due_date: acceptanceDueDate(today) },
        note: p.reason,
      };
    }
    case 'assign': {
      const p = payload as TipActionPayload<'assign'>;
      const { units, inspectors } = await assignableOf(deps, tip);
      let unitId: number;
      let who: string;
      if (p.userId !== null) {
        const user = inspectors.find((u) => u.id === p.userId);
        if (!user) throw payloadError('userId', '所选执法人员不在该举报所属区县或行业领域');
        unitId = user.org_unit_id;
        who = `${user.unit_name} ${user.display_name}`;
      } else {
        const unit = units.find((u) => u.id === p.unitId);
        if (!unit) throw payloadError('unitId', '所选科室不属于该举报所属区县');
        unitId = unit.id;
        who = unit.name;
      }
      const limit = dueDateLimitOf(tip, events);
      if (p.dueDate < today) throw payloadError('dueDate', '核查期限不能早于今天');
      if (limit && p.dueDate > limit)
        throw payloadError('dueDate', `核查期限不能晚于${limit}（受理后法定核查期限）`);
      return {
        set: { assigned_unit_id: unitId, assigned_user_id: p.userId, due_date: p.dueDate },
        note: [`交由${who}核查，期限${p.dueDate}`, p.comment].filter(Boolean).join('：'),
      };
    }
    case 'extend': {
      const p = payload as TipActionPayload<'extend'>;
      const limit = extensionLimitOf(events);
      if (tip.due_date && p.dueDate <= tip.due_date)
        throw payloadError('dueDate', '延长后的期限须晚于原核查期限');
      if (limit && p.dueDate > limit)
        throw payloadError('dueDate', `延长后的期限不能晚于${limit}（最多延长30日）`);
      return {
        set: { due_date: p.dueDate },
        note: `核查期限延长至${p.dueDate}：${p.reason}`,
      };
    }
    case 'verify': {
      const p = payload as TipActionPayload<'verify'>;
      if (p.createHazard && p.linkHazardId)
        throw payloadError('linkHazardId', '登记新隐患和关联已有隐患只能选择一项');
      if (p.result === 'not_true' && (p.createHazard || p.linkHazardId))
        throw payloadError('result', '核查不属实的举报不能登记或关联隐患');
      if (tip.hazard_id !== null && (p.createHazard || p.linkHazardId))
        throw payloadError('linkHazardId', '已关联台账隐患');
      const set: TipSet = { verification_result: p.result, verification_summary: p.summary };
      const note = `${TIP_VERIFICATION_RESULT_LABELS[p.result].zh}：${p.summary}`;
      if (p.linkHazardId) {
        await checkLinkTarget(deps, actor, tip, 'hazard', p.linkHazardId, 'linkHazardId');
        set.hazard_id = p.linkHazardId;
      }
      if (p.createHazard) {
        const create = await prepareHazard(deps, ctx, actor, tip, p.createHazard, 'createHazard');
        return { set, note, inside: async (trx) => ({ hazard_id: await create(trx) }) };
      }
      return { set, note };
    }
    case 'close': {
      const p = payload as TipActionPayload<'close'>;
      return { set: {}, note: p.comment };
    }
    case 'classify': {
      const p = payload as TipActionPayload<'classify'>;
      const placed = await placeTip(deps, ctx, {
        enterpriseId: p.enterpriseId,
        districtId: p.enterpriseId ? null : (p.districtId ?? tip.district_id),
        sector: p.sector,
      }).catch((err: unknown) => {
        if (err instanceof AppError && err.statusCode === 404)
          throw payloadError('enterpriseId', '所选企业不存在或不在您的管辖范围内');
        if (err instanceof AppError && err.fields[0])
          throw payloadError(err.fields[0].path, err.fields[0].message);
        throw err;
      });
      const enterpriseId = placed.enterprise?.id ?? null;
      if (tip.hazard_id !== null && enterpriseId !== tip.enterprise_id)
        throw payloadError('enterpriseId', '已关联台账隐患，不能更改被举报企业');
      if (tip.assigned_unit_id !== null && placed.district.id !== tip.district_id)
        throw payloadError('districtId', '已交办核查，不能改到其他区县');
      const code = await checkCatalogCode(deps, p.catalogItemCode, 'payload.catalogItemCode');
      const set: TipSet = {
        enterprise_id: enterpriseId,
        district_id: placed.district.id,
        sector: placed.sector,
        catalog_item_code: code,
      };
      const parts = [placed.enterprise?.name ?? placed.district.name, placed.sector, code];
      return { set, note: parts.filter(Boolean).join(' / ') };
    }
    case 'link': {
      const p = payload as TipActionPayload<'link'>;
      if (p.target === 'hazard' && tip.verification_result === 'not_true')
        throw payloadError('target', '核查不属实的举报不能关联隐患');
      await checkLinkTarget(deps, actor, tip, p.target, p.id, 'id');
      return { set: { [LINK_COLUMN[p.target]]: p.id }, note: `${LINK_LABEL[p.target]} #${p.id}` };
    }
    case 'create_hazard': {
      const p = payload as TipActionPayload<'create_hazard'>;
      const create = await prepareHazard(deps, ctx, actor, tip, p, '');
      return { set: {}, note: p.title, inside: async (trx) => ({ hazard_id: await create(trx) }) };
    }
  }
}

function refused(why: string, status: string, allowed: string[]): AppError {
  return new AppError(409, ErrorCode.Conflict, [{ path: 'action', message: why }], {
    status,
    allowedActions: allowed,
  });
}

/**
 * Takes one workflow action on a tip. A repeated request with the same idempotency key changes
 * nothing and returns the tip as it is.
 */
export async function actOnTip(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: TipRecordAction,
  request: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string | null,
): Promise<TipDetail> {
  const actor = requireActor(ctx);
  const tip = await getAccessibleTip(deps, ctx, id);
  if (idempotencyKey && (await repo.findTipEventByKey(deps.db.kysely, id, idempotencyKey)))
    return getTip(deps, ctx, id);
  const parsed = TIP_ACTION_PAYLOADS[action].safeParse(request.payload);
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
  const events = await repo.listTipEvents(deps.db.kysely, id);
  const facts = tipFactsOf(tip, events);
  const who = { role: actor.role, userId: actor.userId, orgUnitId: actor.orgUnitId };
  const why = tipRefusal(facts, action, who);
  if (why) throw refused(why, tip.status, availableTipActions(facts, who));
  if (tip.version !== request.version) throw staleVersion();
  const effect = await effectOf(deps, ctx, actor, tip, events, action, payload);

  const at = nowIso();
  const from = tip.status as TipStatus;
  const to = nextTipStatus(from, action);
  await inTransaction(deps, async (trx) => {
    const extra = effect.inside ? await effect.inside(trx) : {};
    const set = { ...effect.set, ...extra };
    if (
      !(await repo.updateTipIfVersion(trx, id, request.version, {
        ...set,
        status: to,
        updated_at: at,
      }))
    )
      throw staleVersion();
    await repo.insertTipEvent(trx, {
      tip_id: id,
      action,
      from_status: from,
      to_status: to,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: effect.note,
      idempotency_key: idempotencyKey,
    });
    await deps.audit.append(trx, ctx, {
      action: `tip.${action}`,
      entityType: 'tip',
      entityId: id,
      changes: {
        status: [from, to],
        label: TIP_ACTION_LABELS[action].zh,
        ...diffRecords(tip, { ...tip, ...set }),
      },
    });
  });
  return getTip(deps, ctx, id);
}

/**
 * Writes a staff message: an internal note (never shown to the reporter), a reply, or a question
 * to the reporter (both shown on the public status page). Messages do not bump the version, so
 * a note never makes a colleague's open form stale.
 */
export async function addTipMessage(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: StaffTipMessageInput,
): Promise<TipDetail> {
  const actor = requireActor(ctx);
  const tip = await getAccessibleTip(deps, ctx, id);
  const events = await repo.listTipEvents(deps.db.kysely, id);
  const facts = tipFactsOf(tip, events);
  const action = MESSAGE_KIND_ACTION[input.kind];
  const who = { role: actor.role, userId: actor.userId, orgUnitId: actor.orgUnitId };
  const why = tipRefusal(facts, action, who);
  if (why) throw refused(why, tip.status, availableTipActions(facts, who));
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const messageId = await repo.insertTipMessage(trx, {
      tip_id: id,
      kind: input.kind,
      body: input.body,
      author_user_id: actor.userId,
      author_name: actor.displayName,
      created_at: at,
    });
    await repo.insertTipEvent(trx, {
      tip_id: id,
      action,
      from_status: tip.status,
      to_status: tip.status,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: TIP_MESSAGE_KIND_LABELS[input.kind].zh,
      idempotency_key: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'tip.message_added',
      entityType: 'tip',
      entityId: id,
      changes: { messageId, kind: input.kind, body: input.body },
    });
  });
  return getTip(deps, ctx, id);
}
