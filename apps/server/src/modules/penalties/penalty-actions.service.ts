import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  availablePenaltyCaseActions,
  canonicalDecisionText,
  ErrorCode,
  isEnterpriseRole,
  PENALTY_CASE_ACTION_LABELS,
  PENALTY_CASE_ACTION_PAYLOADS,
  type PenaltyCaseAction,
  type PenaltyCaseDetail,
  type PenaltyCaseFacts,
  penaltyCaseNextStatus,
  penaltyCaseRefusal,
  type PenaltyCaseStatus,
  type PenaltyParty,
} from '@hazard-ledger/domain';
import type { PenaltyCasePartyTable, PenaltyCaseRow } from '../../db/schema-penalty-cases.js';
import { AppError, conflict, fieldError, forbidden, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import * as repo from './penalties.repository.js';
import { caseFactsOf, getAccessibleCase, getCase, noPenaltyOf } from './penalty-cases.service.js';

// The workflow actions of a penalty case: 409 with the allowed actions when the status or a rule
// refuses; every action appends a history row and an audit row in one transaction; a repeated
// request with the same idempotency key changes nothing. No action touches the hazard ledger —
// a penalty never closes a hazard.

type Payloads = { [A in PenaltyCaseAction]: z.output<(typeof PENALTY_CASE_ACTION_PAYLOADS)[A]> };
type CaseSet = Partial<Omit<PenaltyCaseRow, 'id' | 'version'>>;
type NewParty = Omit<PenaltyCasePartyTable, 'id' | 'case_id' | 'seq'>;

/** A refusal in the shape the UI reads: the reason, the status and the actions open now. */
function refused(message: string, facts: PenaltyCaseFacts): AppError {
  return new AppError(409, ErrorCode.Conflict, [{ path: 'action', message }], {
    status: facts.status,
    allowedActions: availablePenaltyCaseActions(facts),
  });
}

function partyColumns(p: PenaltyParty): NewParty {
  return {
    kind: p.kind,
    name: p.name,
    position: p.position,
    basis: p.basis,
    circumstance: p.circumstance,
    amount_fen: p.amountFen,
    decision_no: p.decisionNo,
    decision_text: null,
    decision_hash: null,
  };
}

/** Refuses two parties with the same decision number (each party gets its own decision). */
function checkDecisionNumbers(parties: readonly PenaltyParty[]): void {
  const seen = new Set<string>();
  for (const [i, p] of parties.entries()) {
    if (!p.decisionNo) continue;
    if (seen.has(p.decisionNo))
      throw fieldError(`payload.parties.${i}.decisionNo`, '各处罚对象的决定书文号不能相同');
    seen.add(p.decisionNo);
  }
}

/** Refuses a date after today or before another date of the case. */
function checkDate(
  path: string,
  value: string,
  notBefore: { date: string | null; label: string }[],
): void {
  if (value > todayInChina()) throw fieldError(path, '日期不能晚于今天');
  for (const b of notBefore) {
    if (b.date && value < b.date) throw fieldError(path, `日期不能早于${b.label}（${b.date}）`);
  }
}

/** What an action changes on the case besides the status, and the parties it writes. */
function effectOf(
  action: PenaltyCaseAction,
  payloads: Partial<Payloads>,
  row: repo.CaseWithContext,
): { set: CaseSet; parties: NewParty[] | null; note: string | null } {
  switch (action) {
    case 'edit_parties': {
      const p = payloads.edit_parties!;
      return {
        set: { leader_waiver_reason: p.leaderWaiverReason || null },
        parties: p.parties.map(partyColumns),
        note: null,
      };
    }
    case 'record_evidence':
      return { set: {}, parties: null, note: payloads.record_evidence!.note };
    case 'end_investigation':
      return { set: {}, parties: null, note: payloads.end_investigation!.note };
    case 'notify': {
      const p = payloads.notify!;
      return {
        set: { notified_on: p.notifiedOn, notice_document_no: p.documentNo },
        parties: null,
        note: p.note,
      };
    }
    case 'record_statement':
      return { set: {}, parties: null, note: payloads.record_statement!.note };
    case 'decide': {
      const p = payloads.decide!;
      const decisionParties = p.parties.map((party) => {
        const text = canonicalDecisionText({
          caseId: row.id,
          caseNo: row.case_no,
          decisionNo: party.decisionNo!,
          decisionDate: p.decisionDate,
          authority: row.district_name,
          enterprise: {
            name: row.enterprise_name,
            creditCode: row.enterprise_credit_code,
            address: row.enterprise_address,
          },
          party: { kind: party.kind, name: party.name, position: party.position },
          matter: row.matter,
          facts: row.facts ?? row.matter,
          basis: party.basis,
          circumstance: party.circumstance,
          amountFen: party.amountFen,
        });
        return {
          ...partyColumns(party),
          decision_text: text,
          decision_hash: crypto.createHash('sha256').update(text, 'utf8').digest('hex'),
        };
      });
      return {
        set: {
          decision_date: p.decisionDate,
          leader_waiver_reason: p.leaderWaiverReason || null,
          no_penalty_override_reason: p.noPenaltyOverrideReason || null,
        },
        parties: decisionParties,
        note: p.leaderWaiverReason || null,
      };
    }
    case 'decide_no_penalty': {
      const p = payloads.decide_no_penalty!;
      return {
        set: {
          no_penalty_decided_on: p.decidedOn,
          no_penalty_reason: p.reason,
          no_penalty_decision_no: p.decisionNo,
          closed_on: p.decidedOn,
        },
        parties: null,
        note: p.reason,
      };
    }
    case 'publish': {
      const p = payloads.publish!;
      return {
        set: { published_on: p.publishedOn, publication_note: p.note },
        parties: null,
        note: p.note,
      };
    }
    case 'record_daily_penalty': {
      const p = payloads.record_daily_penalty!;
      return {
        set: { daily_ordered_on: p.orderedOn, daily_corrected_on: p.correctedOn },
        parties: null,
        note: p.note,
      };
    }
    case 'execute': {
      const p = payloads.execute!;
      return { set: { executed_on: p.executedOn }, parties: null, note: p.note };
    }
    case 'close': {
      const p = payloads.close!;
      return { set: { closed_on: p.closedOn }, parties: null, note: p.note };
    }
    case 'withdraw':
      return { set: {}, parties: null, note: payloads.withdraw!.reason };
    case 'terminate':
      return { set: {}, parties: null, note: payloads.terminate!.reason };
  }
}

/** Date and rule checks of a payload against the case (beyond the payload's own schema). */
function checkPayload(
  action: PenaltyCaseAction,
  payloads: Partial<Payloads>,
  row: repo.CaseWithContext,
): void {
  const filed = { date: row.filed_on, label: '立案日期' };
  const decided = { date: row.decision_date, label: '处罚决定日期' };
  switch (action) {
    case 'edit_parties':
      checkDecisionNumbers(payloads.edit_parties!.parties);
      return;
    case 'notify':
      checkDate('payload.notifiedOn', payloads.notify!.notifiedOn, [filed]);
      return;
    case 'decide':
      checkDecisionNumbers(payloads.decide!.parties);
      checkDate('payload.decisionDate', payloads.decide!.decisionDate, [
        filed,
        { date: row.notified_on, label: '告知日期' },
      ]);
      return;
    case 'decide_no_penalty':
      checkDate('payload.decidedOn', payloads.decide_no_penalty!.decidedOn, [filed]);
      return;
    case 'publish':
      checkDate('payload.publishedOn', payloads.publish!.publishedOn, [decided]);
      return;
    case 'record_daily_penalty': {
      const p = payloads.record_daily_penalty!;
      checkDate('payload.orderedOn', p.orderedOn, []);
      if (p.correctedOn) checkDate('payload.correctedOn', p.correctedOn, []);
      return;
    }
    case 'execute':
      checkDate('payload.executedOn', payloads.execute!.executedOn, [decided]);
      return;
    case 'close':
      checkDate('payload.closedOn', payloads.close!.closedOn, [
        decided,
        { date: row.executed_on, label: '执行完毕日期' },
      ]);
      return;
    case 'record_evidence':
    case 'end_investigation':
    case 'record_statement':
    case 'withdraw':
    case 'terminate':
      return;
  }
}

/**
 * Takes one workflow action on a case: scope, idempotency key, payload, the workflow table and
 * its rules (一案双罚, the no-penalty rule), the version; then the update, the history row and
 * the audit row in one transaction.
 */
export async function actOnCase(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: PenaltyCaseAction,
  request: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string | null,
): Promise<PenaltyCaseDetail> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const row = await getAccessibleCase(deps, ctx, id);
  const db = deps.db.kysely;
  if (idempotencyKey && (await repo.findEventByKey(db, id, idempotencyKey))) {
    return getCase(deps, ctx, id);
  }
  const parsed = PENALTY_CASE_ACTION_PAYLOADS[action].safeParse(request.payload);
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
  const payloads = { [action]: parsed.data } as Partial<Payloads>;
  const [parties, hazards] = await Promise.all([
    repo.listParties(db, [id]),
    repo.listCaseHazards(db, [id]),
  ]);
  const facts = caseFactsOf(row, parties, hazards);
  // A decision is judged on the parties and waiver it states, not on the stored draft.
  const judged: PenaltyCaseFacts =
    action === 'decide'
      ? {
          ...facts,
          parties: payloads.decide!.parties,
          leaderWaiverReason: payloads.decide!.leaderWaiverReason,
        }
      : facts;
  const why = penaltyCaseRefusal(judged, action);
  if (why) throw refused(why, facts);
  const rule = action === 'decide' ? noPenaltyOf(row, hazards) : null;
  if (action === 'decide') {
    if (rule?.applies && (payloads.decide!.noPenaltyOverrideReason ?? '').length < 2) {
      throw conflict(
        'payload.noPenaltyOverrideReason',
        '案件涉及的隐患符合“企业自查发现并已按规定报告、正在有效整改的重大事故隐患依法不予行政处罚”，应作出不予行政处罚决定，或说明仍予处罚的理由',
      );
    }
  }
  if (row.version !== request.version) throw staleVersion();
  checkPayload(action, payloads, row);

  const at = nowIso();
  const from = row.status as PenaltyCaseStatus;
  const to = penaltyCaseNextStatus(from, action);
  const { set, parties: newParties, note } = effectOf(action, payloads, row);
  if (action === 'decide') {
    set.decision_major_hazard = facts.majorHazard ? 1 : 0;
    set.decision_hazard_persisted = facts.majorHazard?.persists ? 1 : 0;
    if (!rule?.applies) set.no_penalty_override_reason = null;
  }
  await inTransaction(deps, async (trx) => {
    if (
      !(await repo.updateCaseIfVersion(trx, id, request.version, {
        ...set,
        status: to,
        updated_at: at,
      }))
    )
      throw staleVersion();
    if (newParties) await repo.replaceParties(trx, id, newParties);
    try {
      await repo.insertEvent(trx, {
        case_id: id,
        action,
        from_status: from,
        to_status: to,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        actor_role: actor.role,
        at,
        note,
        details: JSON.stringify(parsed.data),
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
      label: PENALTY_CASE_ACTION_LABELS[action].zh,
      ...diffRecords(row, { ...row, ...set }),
    };
    if (newParties) {
      changes.parties = [
        parties.map((p) => ({
          kind: p.kind,
          name: p.name,
          basis: p.basis,
          amountFen: Number(p.amount_fen),
          decisionNo: p.decision_no,
        })),
        newParties.map((p) => ({
          kind: p.kind,
          name: p.name,
          basis: p.basis,
          amountFen: p.amount_fen,
          decisionNo: p.decision_no,
          ...(p.decision_hash ? { decisionCode: p.decision_hash } : {}),
        })),
      ];
    }
    if (note) changes.note = note;
    await deps.audit.append(trx, ctx, {
      action: `penalty_case.${action}`,
      entityType: 'penalty_case',
      entityId: id,
      changes,
    });
  });
  return getCase(deps, ctx, id);
}
