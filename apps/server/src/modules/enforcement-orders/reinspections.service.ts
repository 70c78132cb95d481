import {
  canonicalReinspectionText,
  enforcementDocumentNo,
  type OfficerView,
  type OrderDetail,
  orderRefusal,
  type OrderStatus,
  Permission,
  type Reinspection,
  reinspectionCoverageRefusal,
  reinspectionDateRefusal,
  reinspectionInspectorsRefusal,
  type ReinspectionOutcome,
  reinspectionOutcomeOf,
  persistingRejectsFix,
  refusal as hazardRefusal,
  type Role,
  roleHas,
  isEnterpriseRole,
  type HazardStatus,
} from '@hazard-ledger/domain';
import { AppError, fieldError, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { applyHazardAction } from '../hazards/hazard-actions.service.js';
import { factsOf, getAccessibleHazard } from '../hazards/hazards.service.js';
import * as repo from './enforcement-orders.repository.js';
import {
  getAccessibleOrder,
  getOrder,
  orderConflict,
  sha256Hex,
} from './enforcement-orders.service.js';

// The re-inspection (整改复查) of an order: two or more certified inspectors record a result per
// hazard. A rectified hazard is verified (销号) in the ledger through the hazard workflow, under
// its rules (e.g. whoever entered the fix cannot verify it); when the workflow does not allow it
// yet, the result is recorded as rectified and pending, with the workflow's reason. A persisting
// hazard stays open — one the enterprise had reported fixed goes back to rectifying (reject_fix).

/** The officers of a re-inspection, in the order given, checked against the users table. */
async function resolveOfficers(
  deps: ServiceDeps,
  userIds: number[],
): Promise<{ userId: number; name: string; certificateNo: string | null }[]> {
  const users = new Map(
    (await repo.findUsers(deps.db.kysely, userIds)).map((u) => [Number(u.id), u]),
  );
  return userIds.map((id, i) => {
    const u = users.get(id);
    if (
      !u ||
      u.status !== 'active' ||
      isEnterpriseRole(u.role as Role) ||
      !roleHas(u.role as Role, Permission.EnforcementInspect)
    ) {
      throw fieldError(`inspectorUserIds.${i}`, '所选人员不是在岗执法人员');
    }
    return { userId: id, name: u.display_name, certificateNo: u.certificate_no };
  });
}

/** Whether an error is the hazard workflow refusing (409), whose reason the result records. */
function workflowRefusal(err: unknown): string | null {
  if (!(err instanceof AppError) || err.statusCode !== 409) return null;
  return err.fields[0]?.message ?? '台账状态已变化';
}

type Plan = {
  hazardId: number;
  hazardNumber: string;
  result: Reinspection['items'][number]['result'];
  note: string | null;
  outcome: ReinspectionOutcome;
  explanation: string | null;
  verify: boolean;
  rejectFix: boolean;
  version: number;
};

/** Records the re-inspection of an order and closes it. */
export async function reinspectOrder(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: Reinspection,
): Promise<OrderDetail> {
  const actor = requireActor(ctx);
  const order = await getAccessibleOrder(deps, ctx, id);
  const status = order.status as OrderStatus;
  const why = orderRefusal(status, 'reinspect');
  if (why) throw orderConflict(status, 'reinspect', why);
  if (order.version !== input.version) throw staleVersion();

  const today = todayInChina();
  const dateWhy = reinspectionDateRefusal(
    { issuedOn: order.issued_on, deadline: order.deadline },
    input,
    today,
  );
  if (dateWhy) throw fieldError(dateWhy.path, dateWhy.message);
  const orderItems = await repo.listOrderItems(deps.db.kysely, id);
  const coverageWhy = reinspectionCoverageRefusal(
    orderItems.map((i) => Number(i.hazard_id)),
    input.items,
  );
  if (coverageWhy) throw fieldError(coverageWhy.path, coverageWhy.message);
  const officers = await resolveOfficers(deps, input.inspectorUserIds);
  const officersWhy = reinspectionInspectorsRefusal(officers, actor.userId);
  if (officersWhy) throw fieldError(officersWhy.path, officersWhy.message);
  const printed: OfficerView[] = officers.map((o) => ({ ...o, certificateNo: o.certificateNo! }));

  // Decide each hazard against the ledger as it stands, in the order's item order.
  const resultByHazard = new Map(input.items.map((i) => [i.hazardId, i]));
  const plans: Plan[] = [];
  for (const item of orderItems) {
    const given = resultByHazard.get(Number(item.hazard_id))!;
    const hazard = await getAccessibleHazard(deps, ctx, Number(item.hazard_id));
    const facts = factsOf(hazard);
    const who = { role: actor.role, userId: actor.userId };
    const decided = reinspectionOutcomeOf(
      given.result,
      hazard.status as HazardStatus,
      hazardRefusal(facts, 'verify', who),
    );
    plans.push({
      hazardId: hazard.id,
      hazardNumber: hazard.number,
      result: given.result,
      note: given.note,
      outcome: decided.outcome,
      explanation: decided.explanation,
      verify: decided.verify,
      rejectFix:
        persistingRejectsFix(given.result, hazard.status as HazardStatus) &&
        hazardRefusal(facts, 'reject_fix', who) === null,
      version: hazard.version,
    });
  }

  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    // The ledger actions go through the hazard workflow (history and audit row each) in this
    // same transaction, so the opinion and the hazards it verifies commit together. A refused
    // verification is recorded as rectified_pending; the idempotency keys make a retried
    // re-inspection verify nothing twice.
    for (const p of plans) {
      if (!p.verify && !p.rejectFix) continue;
      const note = p.note ?? (p.verify ? '经复查已整改到位' : '整改不到位');
      const text = `整改复查（${order.order_no}）：${note}`.slice(0, 1000);
      try {
        await applyHazardAction(
          trx,
          deps,
          ctx,
          p.hazardId,
          p.verify ? 'verify' : 'reject_fix',
          { version: p.version, payload: p.verify ? { comment: text } : { reason: text } },
          `enforcement-order-${id}-${p.verify ? 'verify' : 'reject'}-${p.hazardId}`,
        );
      } catch (err) {
        const refused = workflowRefusal(err);
        if (refused === null) throw err;
        if (p.verify) {
          p.outcome = 'rectified_pending';
          p.explanation = `现场复查已整改，但台账暂不能验收销号：${refused}`;
        }
      }
    }

    const year = Number(today.slice(0, 4));
    const n = await repo.nextDocumentNumber(trx, order.district_id, year, 'reinspection');
    const opinionNo = enforcementDocumentNo(order.district_name, 'reinspection', year, n);
    const canonical = canonicalReinspectionText({
      opinionNo,
      orderNo: order.order_no,
      enterprise: { id: order.enterprise_id, name: order.enterprise_name },
      reinspectedOn: input.reinspectedOn,
      inspectors: printed,
      opinion: input.opinion,
      earlyReason: input.earlyReason,
      items: plans.map((p) => ({
        hazardId: p.hazardId,
        hazardNumber: p.hazardNumber,
        result: p.result,
        outcome: p.outcome,
        note: p.note,
      })),
    });
    await repo.insertReinspection(
      trx,
      {
        order_id: id,
        opinion_no: opinionNo,
        reinspected_on: input.reinspectedOn,
        inspectors: JSON.stringify(printed),
        opinion: input.opinion,
        early_reason: input.earlyReason,
        canonical_text: canonical,
        verification_code: sha256Hex(canonical),
        created_by: actor.userId,
        created_by_name: actor.displayName,
        created_at: at,
      },
      plans.map((p) => ({
        hazard_id: p.hazardId,
        result: p.result,
        outcome: p.outcome,
        note: p.note,
        explanation: p.explanation,
      })),
    );
    const ok = await repo.updateOrderIfVersion(trx, id, input.version, {
      status: 'reinspected',
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await repo.insertEvent(trx, {
      entity_type: 'order',
      entity_id: id,
      action: 'reinspect',
      from_status: status,
      to_status: 'reinspected',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: input.opinion,
    });
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_order.reinspected',
      entityType: 'enforcement_order',
      entityId: id,
      changes: {
        status: [status, 'reinspected'],
        opinionNo: [null, opinionNo],
        reinspectedOn: [null, input.reinspectedOn],
        inspectors: [null, printed.map((o) => o.name)],
        outcomes: [null, plans.map((p) => `${p.hazardNumber}:${p.outcome}`)],
      },
    });
  });
  return getOrder(deps, ctx, id);
}
