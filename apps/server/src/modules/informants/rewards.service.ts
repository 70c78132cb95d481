import {
  addDays,
  type AmendRewardInput,
  type ApproveRewardInput,
  availableRewardActions,
  computeReward,
  DEFAULT_REWARD_RULES,
  type EligibleTip,
  ErrorCode,
  fenToYuan,
  nextRewardStatus,
  type PageQuery,
  type PayRewardInput,
  type ProposeRewardInput,
  type RejectRewardInput,
  type RewardAction,
  rewardActionRefusal,
  type RewardCase,
  type RewardFacts,
  type RewardFinding,
  type RewardPaymentMethod,
  rewardRefusal,
  type RewardRules,
  type RewardStatus,
  type RewardTotals,
  type TipChannel,
  type TipStatus,
  type TipVerificationResult,
  yuanToFen,
} from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { RewardCaseRow } from '../../db/schema-informants-rewards.js';
import { AppError, conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { staffSectors } from '../campaigns/audience.js';
import { districtIdsUnder } from '../org/org.repository.js';
import * as repo from './rewards.repository.js';

// Reward cases (举报奖励, issue 8 item 6). A case opens only for a tip verified true or partly
// true that found a major hazard or a violation (the reward rules decide); its amount comes from
// the rules and may be amended with a reason; someone other than the proposer (and the last
// amender) approves it; payment is recorded with date, method and voucher. Every step appends a
// history event and an audit row in the same transaction. The rules in force are the domain's
// `DEFAULT_REWARD_RULES` (illustrative until the deployment replaces them).

/** The past tense of each action in audit action names (reward.approved …). */
const AUDIT_VERB: Record<RewardAction, string> = {
  amend: 'amended',
  approve: 'approved',
  pay: 'paid',
  reject: 'rejected',
};

/** The reward rules this server applies. */
export const REWARD_RULES: RewardRules = DEFAULT_REWARD_RULES;

/** The districts and sectors of the caller's reward cases. */
async function scopeOf(deps: ServiceDeps, ctx: RequestContext): Promise<repo.RewardScope> {
  const actor = requireActor(ctx);
  return {
    districtIds: await districtIdsUnder(deps.db.kysely, actor.territoryPath),
    sectors: staffSectors(actor),
  };
}

function inScope(scope: repo.RewardScope, row: { district_id: number; sector: string | null }) {
  return (
    scope.districtIds.includes(row.district_id) &&
    (scope.sectors === null || row.sector === null || scope.sectors.includes(row.sector))
  );
}

/** The reward facts of a tip row, with whether its penalty is decided. */
async function factsOf(
  deps: ServiceDeps,
  row: repo.TipFactsRow,
): Promise<{ facts: RewardFacts; penaltyDecided: boolean }> {
  const penalty = await repo.penaltyFacts(deps.db.kysely, row);
  const level = row.hazard_level;
  return {
    facts: {
      status: row.status as TipStatus,
      verificationResult: row.verification_result as TipVerificationResult | null,
      hazardLevel: level === 'major' || level === 'general' ? level : null,
      violation: penalty.violation,
      fineFen: penalty.fineFen,
    },
    penaltyDecided: penalty.decided,
  };
}

/** Verified tips a reward may be proposed for now, with what the rules give each. */
export async function listEligibleTips(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<{ items: EligibleTip[]; rulesName: string }> {
  const rows = await repo.listCandidateTips(deps.db.kysely, await scopeOf(deps, ctx));
  const items: EligibleTip[] = [];
  for (const row of rows) {
    const { facts, penaltyDecided } = await factsOf(deps, row);
    const reward = computeReward(facts, REWARD_RULES);
    if (!reward) continue;
    items.push({
      id: row.id,
      number: row.number,
      channel: row.channel as TipChannel,
      districtName: row.district_name,
      enterpriseName: row.enterprise_name ?? row.enterprise_text ?? null,
      subject: row.subject,
      verificationResult: facts.verificationResult as 'true' | 'partly_true',
      finding: reward.finding,
      fineFen: reward.fineFen,
      penaltyDecided,
      computedFen: reward.amountFen,
    });
  }
  return { items, rulesName: REWARD_RULES.name };
}

function toView(
  row: repo.RewardCaseViewRow,
  events: Awaited<ReturnType<typeof repo.listEvents>>,
  userId: number,
): RewardCase {
  const facts = {
    status: row.status as RewardStatus,
    proposedBy: row.proposed_by,
    amendedBy: row.amended_by,
  };
  return {
    id: row.id,
    tipId: row.tip_id,
    tipNumber: row.tip_number,
    tipChannel: row.tip_channel as TipChannel,
    tipSubject: row.tip_subject,
    informantCode: row.informant_code ?? null,
    districtId: row.district_id,
    districtName: row.district_name,
    enterpriseName: row.enterprise_name ?? row.enterprise_text ?? null,
    finding: row.finding as RewardFinding,
    fineFen: Number(row.fine_fen),
    computedFen: Number(row.computed_fen),
    amountFen: Number(row.amount_fen),
    amountReason: row.amount_reason,
    rulesName: row.rules_name,
    status: facts.status,
    proposedByName: row.proposed_by_name,
    proposedAt: row.proposed_at,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
    paidOn: row.paid_on,
    paymentMethod: row.payment_method as RewardPaymentMethod | null,
    voucherNo: row.voucher_no,
    rejectReason: row.reject_reason,
    actions: availableRewardActions(facts, userId),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      at: e.at,
      note: e.note,
    })),
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** One reward case of the caller's scope; anything else reads as 404. */
export async function getRewardCase(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<RewardCase> {
  const actor = requireActor(ctx);
  const row = await repo.findCase(deps.db.kysely, id);
  if (!row || !inScope(await scopeOf(deps, ctx), row)) throw notFound();
  return toView(row, await repo.listEvents(deps.db.kysely, id), actor.userId);
}

export type RewardListQuery = PageQuery & { status?: RewardStatus; districtId?: number };

/** Reward cases of the caller's scope, newest first (without their histories). */
export async function listRewardCases(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: RewardListQuery,
) {
  const actor = requireActor(ctx);
  const { items, total } = await repo.listCases(
    deps.db.kysely,
    await scopeOf(deps, ctx),
    { status: query.status, districtId: query.districtId },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: items.map((r) => toView(r, [], actor.userId)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Opens a reward case for a verified tip with the amount the rules give, or another amount with
 * a reason. Refused (409) while the tip is not verified true/partly true with a major hazard or
 * violation, and when the tip already has a case.
 */
export async function proposeReward(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: ProposeRewardInput,
): Promise<RewardCase> {
  const actor = requireActor(ctx);
  const tip = await repo.findTipFacts(deps.db.kysely, input.tipId);
  if (!tip || !inScope(await scopeOf(deps, ctx), tip))
    throw fieldError('tipId', '举报不存在或不在本辖区');
  const { facts } = await factsOf(deps, tip);
  const refusal = rewardRefusal(facts, REWARD_RULES);
  if (refusal) throw conflict('tipId', refusal);
  const reward = computeReward(facts, REWARD_RULES)!;
  if (await repo.findCaseByTip(deps.db.kysely, tip.id))
    throw conflict('tipId', '该举报已有奖励案件');
  const amountFen = input.amountYuan === null ? reward.amountFen : yuanToFen(input.amountYuan);
  if (amountFen <= 0) throw fieldError('amountYuan', '奖励金额应大于0');
  if (amountFen !== reward.amountFen && !input.reason)
    throw fieldError('reason', '金额与奖励规则计算的金额不同，请说明理由');
  const at = nowIso();
  let id: number;
  try {
    id = await inTransaction(deps, async (trx) => {
      const row = {
        tip_id: tip.id,
        district_id: tip.district_id,
        finding: reward.finding,
        fine_fen: reward.fineFen,
        computed_fen: reward.amountFen,
        amount_fen: amountFen,
        amount_reason: input.reason,
        rules_name: reward.rulesName,
        status: 'proposed',
        proposed_by: actor.userId,
        proposed_by_name: actor.displayName,
        proposed_at: at,
        amended_by: null,
        approved_by: null,
        approved_by_name: null,
        approved_at: null,
        paid_on: null,
        payment_method: null,
        voucher_no: null,
        paid_recorded_at: null,
        reject_reason: null,
        rejected_at: null,
        updated_at: at,
        version: 1,
      };
      const caseId = await repo.insertCase(trx, row);
      await repo.insertEvent(trx, {
        case_id: caseId,
        action: 'propose',
        from_status: null,
        to_status: 'proposed',
        actor_id: actor.userId,
        actor_name: actor.displayName,
        at,
        note: input.reason,
        details: JSON.stringify({ computedFen: reward.amountFen, amountFen }),
      });
      await deps.audit.append(trx, ctx, {
        action: 'reward.proposed',
        entityType: 'reward_case',
        entityId: caseId,
        changes: {
          tipId: [null, tip.id],
          finding: [null, reward.finding],
          fineFen: [null, reward.fineFen],
          computedFen: [null, reward.amountFen],
          amountFen: [null, amountFen],
          rules: [null, reward.rulesName],
          ...(input.reason ? { reason: [null, input.reason] } : {}),
        },
      });
      return caseId;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('tipId', '该举报已有奖励案件');
    throw err;
  }
  return getRewardCase(deps, ctx, id);
}

/**
 * Takes one workflow action on a case: loads it in scope, checks the version (409 when stale)
 * and the workflow table (409 with the allowed actions), then writes the change, its event and
 * its audit row in one transaction. A repeat with the same idempotency key changes nothing.
 */
async function act(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: RewardAction,
  version: number,
  idempotencyKey: string | null,
  change: (row: RewardCaseRow) => {
    set: Partial<Omit<RewardCaseRow, 'id'>>;
    note: string | null;
    details: Record<string, unknown>;
  },
): Promise<RewardCase> {
  const actor = requireActor(ctx);
  const current = await getRewardCase(deps, ctx, id);
  if (idempotencyKey && (await repo.findEventByKey(deps.db.kysely, id, idempotencyKey))) {
    return current;
  }
  await inTransaction(deps, async (trx: Transaction<Database>) => {
    const row = await repo.findCaseRow(trx, id);
    if (!row) throw notFound();
    if (row.version !== version) throw staleVersion();
    const facts = {
      status: row.status as RewardStatus,
      proposedBy: row.proposed_by,
      amendedBy: row.amended_by,
    };
    const why = rewardActionRefusal(facts, action, actor.userId);
    if (why) {
      throw new AppError(409, ErrorCode.Conflict, [{ path: 'action', message: why }], {
        allowedActions: availableRewardActions(facts, actor.userId),
      });
    }
    const { set, note, details } = change(row);
    const to = nextRewardStatus(facts.status, action);
    const at = nowIso();
    const ok = await repo.updateCaseIfVersion(trx, id, version, {
      ...set,
      status: to,
      updated_at: at,
      version: version + 1,
    });
    if (!ok) throw staleVersion();
    await repo.insertEvent(trx, {
      case_id: id,
      action,
      from_status: facts.status,
      to_status: to,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note,
      details: JSON.stringify(details),
      idempotency_key: idempotencyKey,
    });
    await deps.audit.append(trx, ctx, {
      action: `reward.${AUDIT_VERB[action]}`,
      entityType: 'reward_case',
      entityId: id,
      changes: {
        status: [facts.status, to],
        ...Object.fromEntries(
          Object.entries(details).map(([k, v]) => [k, Array.isArray(v) ? v : [null, v]]),
        ),
      },
    });
  });
  return getRewardCase(deps, ctx, id);
}

/** Changes the proposed amount, with the reason; the amender may then not approve it. */
export function amendReward(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: AmendRewardInput,
  idempotencyKey: string | null = null,
): Promise<RewardCase> {
  const actor = requireActor(ctx);
  const amountFen = yuanToFen(input.amountYuan);
  if (amountFen <= 0) throw fieldError('amountYuan', '奖励金额应大于0');
  return act(deps, ctx, id, 'amend', input.version, idempotencyKey, (row) => ({
    set: { amount_fen: amountFen, amount_reason: input.reason, amended_by: actor.userId },
    note: `${fenToYuan(Number(row.amount_fen))}元 → ${fenToYuan(amountFen)}元：${input.reason}`,
    details: { amountFen: [Number(row.amount_fen), amountFen], reason: input.reason },
  }));
}

/** Approves a proposed reward (by someone other than the proposer and the last amender). */
export function approveReward(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: ApproveRewardInput,
  idempotencyKey: string | null = null,
): Promise<RewardCase> {
  const actor = requireActor(ctx);
  return act(deps, ctx, id, 'approve', input.version, idempotencyKey, (row) => ({
    set: { approved_by: actor.userId, approved_by_name: actor.displayName, approved_at: nowIso() },
    note: input.note,
    details: { amountFen: Number(row.amount_fen) },
  }));
}

/** Records the payment of an approved reward: date (not in the future), method, voucher. */
export function payReward(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: PayRewardInput,
  idempotencyKey: string | null = null,
): Promise<RewardCase> {
  if (input.paidOn > todayInChina()) throw fieldError('paidOn', '发放日期不能晚于今天');
  return act(deps, ctx, id, 'pay', input.version, idempotencyKey, (row) => {
    if (row.approved_at && input.paidOn < todayInChina(new Date(row.approved_at)))
      throw fieldError('paidOn', '发放日期不能早于批准日期');
    return {
      set: {
        paid_on: input.paidOn,
        payment_method: input.method,
        voucher_no: input.voucherNo,
        paid_recorded_at: nowIso(),
      },
      note: input.note,
      details: {
        paidOn: input.paidOn,
        method: input.method,
        voucherNo: input.voucherNo,
        amountFen: Number(row.amount_fen),
      },
    };
  });
}

/** Refuses a reward (while proposed or approved, before payment), with the reason. */
export function rejectReward(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: RejectRewardInput,
  idempotencyKey: string | null = null,
): Promise<RewardCase> {
  return act(deps, ctx, id, 'reject', input.version, idempotencyKey, () => ({
    set: { reject_reason: input.reason, rejected_at: nowIso() },
    note: input.reason,
    details: { reason: input.reason },
  }));
}

/** The UTC instant a China calendar day starts. */
function chinaDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/**
 * Reward figures of a period per district: cases proposed, approved, paid and rejected in it
 * (each counted on the day of that step, China time), with their amounts. The period defaults to
 * the current year up to today.
 */
export async function rewardTotals(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: { from?: string; to?: string },
): Promise<RewardTotals> {
  const today = todayInChina();
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (from > to) throw fieldError('from', '开始日期不能晚于结束日期');
  const db = deps.db.kysely;
  const scope = await scopeOf(deps, ctx);
  const instants = {
    from: chinaDayStart(from),
    to: chinaDayStart(addDays(to, 1)),
    inclusiveTo: false,
  };
  const [proposed, approved, paid, rejected] = await Promise.all([
    repo.totalsBy(db, scope, { column: 'proposed_at', ...instants }),
    repo.totalsBy(db, scope, { column: 'approved_at', ...instants }),
    repo.totalsBy(db, scope, { column: 'paid_on', from, to, inclusiveTo: true }),
    repo.totalsBy(db, scope, { column: 'rejected_at', ...instants }),
  ]);
  const districts = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', scope.districtIds.length > 0 ? scope.districtIds : [-1])
    .orderBy('path')
    .execute();
  const zero = () => ({ count: 0, amountFen: 0 });
  const pick = (rows: typeof proposed, districtId: number) => {
    const r = rows.find((x) => Number(x.district_id) === districtId);
    return r ? { count: Number(r.n), amountFen: Number(r.amount ?? 0) } : zero();
  };
  const rows = districts.map((d) => ({
    districtId: d.id,
    districtName: d.name,
    proposed: pick(proposed, d.id),
    approved: pick(approved, d.id),
    paid: pick(paid, d.id),
    rejected: pick(rejected, d.id),
  }));
  const sum = (key: 'proposed' | 'approved' | 'paid' | 'rejected') =>
    rows.reduce(
      (acc, r) => ({
        count: acc.count + r[key].count,
        amountFen: acc.amountFen + r[key].amountFen,
      }),
      zero(),
    );
  return {
    from,
    to,
    rows,
    total: {
      proposed: sum('proposed'),
      approved: sum('approved'),
      paid: sum('paid'),
      rejected: sum('rejected'),
    },
  };
}
