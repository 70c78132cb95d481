import {
  availablePenaltyCaseActions,
  canAccessRecord,
  checkPenaltyDecision,
  dailyPenalty,
  ENTERPRISE_VISIBLE_CASE_ACTIONS,
  ENTERPRISE_VISIBLE_CASE_STATUSES,
  evaluateNoPenalty,
  type HazardLevel,
  type HazardOrigin,
  type HazardStatus,
  isEnterpriseRole,
  isPublicationOverdue,
  type PageQuery,
  type PenaltyArticleKey,
  type PenaltyCaseAction,
  type PenaltyCaseDetail,
  type PenaltyCaseFacts,
  type PenaltyCaseListItem,
  type PenaltyCaseStatus,
  type PenaltyCircumstance,
  type PenaltyParty,
  type PenaltyPartyKind,
  Permission,
  publicationDeadline,
  roleHas,
  type Sector,
  SELF_FOUND_ORIGINS,
} from '@hazard-ledger/domain';
import type { z } from 'zod';
import type { filePenaltyCaseRequestSchema, updatePenaltyCaseSchema } from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import type { PenaltyCasePartyRow } from '../../db/schema-penalty-cases.js';
import { conflict, fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { enterpriseScopeOf, getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './penalties.repository.js';

// Penalty cases (行政处罚): filing, the list, the case page and its edits. The workflow actions
// are in penalty-actions.service.ts, the decision document in penalty-decision-pdf.ts. Nothing
// here writes to the hazard ledger: a case only reads whether its hazards persist.

type FileInput = z.output<typeof filePenaltyCaseRequestSchema>;

/** The cases a caller may see: own enterprise's (decided on) or the territory's and sectors'. */
export async function caseScopeOf(deps: ServiceDeps, ctx: RequestContext): Promise<repo.CaseScope> {
  return enterpriseScopeOf(deps, ctx);
}

/** Whether the caller works for the bureau and may handle cases. */
function isCaseHandler(actor: SessionActor): boolean {
  return !isEnterpriseRole(actor.role) && roleHas(actor.role, Permission.EnforcementPenalty);
}

/**
 * Loads a case the caller may see; anything else reads as 404. An enterprise user sees only
 * their own enterprise's cases, and only from the decision on.
 */
export async function getAccessibleCase(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findCase(deps.db.kysely, id);
  if (!row) throw notFound();
  const visible = canAccessRecord(actor, {
    orgPath: row.district_path,
    sector: row.sector as Sector,
    enterpriseId: row.enterprise_id,
  });
  if (!visible) throw notFound();
  if (
    isEnterpriseRole(actor.role) &&
    !ENTERPRISE_VISIBLE_CASE_STATUSES.includes(row.status as PenaltyCaseStatus)
  ) {
    throw notFound();
  }
  return row;
}

/** A stored party as the domain rules see it. */
export function partyOf(p: PenaltyCasePartyRow): PenaltyParty {
  return {
    kind: p.kind as PenaltyPartyKind,
    name: p.name,
    position: p.position,
    basis: p.basis as PenaltyArticleKey,
    circumstance: p.circumstance as PenaltyCircumstance,
    amountFen: Number(p.amount_fen),
    decisionNo: p.decision_no,
  };
}

/** Whether a ledger hazard is a major hazard that persists (not verified). */
const persists = (h: { level: string; status: string }) =>
  h.level === 'major' && h.status !== 'verified';

/** The case's major-hazard facts: null when none of its hazards is major. */
export function majorHazardOf(
  hazards: readonly { level: string; status: string }[],
): { persists: boolean } | null {
  const major = hazards.filter((h) => h.level === 'major');
  if (major.length === 0) return null;
  return { persists: major.some(persists) };
}

/** The facts the case workflow decides on, from stored rows. */
export function caseFactsOf(
  row: { status: string; published_on: string | null; leader_waiver_reason: string | null },
  parties: readonly PenaltyCasePartyRow[],
  hazards: readonly { level: string; status: string }[],
): PenaltyCaseFacts {
  return {
    status: row.status as PenaltyCaseStatus,
    published: row.published_on !== null,
    parties: parties.map(partyOf),
    majorHazard: majorHazardOf(hazards),
    leaderWaiverReason: row.leader_waiver_reason,
  };
}

/** The day the no-penalty rule is judged on: the inspection day, else the filing day. */
function noPenaltyDay(row: repo.CaseWithContext): string {
  return row.inspection_started_at
    ? todayInChina(new Date(row.inspection_started_at))
    : row.filed_on;
}

/** The no-penalty rule over the self-found hazards of a case; null when none is self-found. */
export function noPenaltyOf(
  row: repo.CaseWithContext,
  hazards: readonly repo.CaseHazardRow[],
): PenaltyCaseDetail['noPenalty'] {
  const selfFound = hazards.filter((h) => SELF_FOUND_ORIGINS.includes(h.origin as HazardOrigin));
  if (selfFound.length === 0) return null;
  const asOf = noPenaltyDay(row);
  const evaluations = selfFound.map((h) => {
    const e = evaluateNoPenalty({
      origin: h.origin as HazardOrigin,
      level: h.level as HazardLevel,
      reportedToBureauAt: h.reported_to_bureau_at,
      status: h.status as HazardStatus,
      planApproved: h.plan_approved_at !== null,
      deadline: h.deadline,
      fixedAt: h.fixed_at,
      today: asOf,
    });
    return { hazardId: h.id, number: h.number, applies: e.applies, reasons: e.reasons };
  });
  return { applies: evaluations.some((e) => e.applies), asOf, hazards: evaluations };
}

function publicationOf(row: { decision_date: string | null; published_on: string | null }) {
  if (!row.decision_date) return null;
  return {
    deadline: publicationDeadline(row.decision_date),
    publishedOn: row.published_on,
    overdue: isPublicationOverdue({
      decisionDate: row.decision_date,
      publishedOn: row.published_on,
      today: todayInChina(),
    }),
  };
}

function listItemOf(
  row: repo.CaseListRow | repo.CaseWithContext,
  parties: readonly PenaltyCasePartyRow[],
  hazards: readonly { level: string; status: string }[],
): PenaltyCaseListItem {
  return {
    id: row.id,
    caseNo: row.case_no,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    sector: row.sector as Sector,
    districtName: row.district_name,
    matter: row.matter,
    status: row.status as PenaltyCaseStatus,
    filedOn: row.filed_on,
    decisionDate: row.decision_date,
    totalAmountFen: parties.reduce((sum, p) => sum + Number(p.amount_fen), 0),
    majorHazard: majorHazardOf(hazards),
    publication: publicationOf(row),
    version: row.version,
  };
}

/** 按日连续处罚 for each fined party, counted to today. */
function dailyOf(
  row: repo.CaseWithContext,
  parties: readonly PenaltyCasePartyRow[],
): PenaltyCaseDetail['daily'] {
  if (!row.daily_ordered_on) return null;
  const today = todayInChina();
  const base = dailyPenalty({
    originalAmountFen: 0,
    orderedOn: row.daily_ordered_on,
    correctedOn: row.daily_corrected_on,
    today,
  });
  const fined = parties
    .filter((p) => Number(p.amount_fen) > 0)
    .map((p) => {
      const d = dailyPenalty({
        originalAmountFen: Number(p.amount_fen),
        orderedOn: row.daily_ordered_on!,
        correctedOn: row.daily_corrected_on,
        today,
      });
      return {
        partyId: p.id,
        name: p.name,
        originalAmountFen: Number(p.amount_fen),
        totalFen: d.totalFen,
      };
    });
  return {
    orderedOn: row.daily_ordered_on,
    correctedOn: row.daily_corrected_on,
    days: base.days,
    from: base.from,
    to: base.to,
    parties: fined,
    totalFen: fined.reduce((s, p) => s + p.totalFen, 0),
  };
}

function parseDetails(text: string | null): Record<string, unknown> | null {
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}

/** Whether the matter, facts and linked records may still be edited. */
function editable(status: string): boolean {
  return status === 'filed' || status === 'investigated' || status === 'notified';
}

/** The case page for one caller. */
export async function getCase(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<PenaltyCaseDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleCase(deps, ctx, id);
  const db = deps.db.kysely;
  const [parties, hazards, events, leaders] = await Promise.all([
    repo.listParties(db, [id]),
    repo.listCaseHazards(db, [id]),
    repo.listEvents(db, id),
    repo.findMainLeaderNames(db, [row.enterprise_id]),
  ]);
  const facts = caseFactsOf(row, parties, hazards);
  const handler = isCaseHandler(actor);
  const enterpriseSide = isEnterpriseRole(actor.role);
  const history = enterpriseSide
    ? events.filter((e) => ENTERPRISE_VISIBLE_CASE_ACTIONS.includes(e.action as PenaltyCaseAction))
    : events;
  return {
    ...listItemOf(row, parties, hazards),
    facts: row.facts,
    enterpriseCreditCode: row.enterprise_credit_code,
    mainLeaderName: leaders.get(row.enterprise_id) ?? null,
    inspectionRecordId: row.inspection_record_id,
    inspectionRecordNo: row.inspection_record_no ?? null,
    hazards: hazards.map((h) => ({
      id: h.id,
      number: h.number,
      title: h.title,
      level: h.level as HazardLevel,
      status: h.status as HazardStatus,
      origin: h.origin as HazardOrigin,
      catalogItemCode: h.catalog_item_code,
      verifiedAt: h.verified_at,
      persists: persists(h),
    })),
    parties: parties.map((p) => ({
      id: p.id,
      ...partyOf(p),
      decisionCode: p.decision_hash,
    })),
    leaderWaiverReason: row.leader_waiver_reason,
    decisionCheck: checkPenaltyDecision(facts),
    noPenalty: noPenaltyOf(row, hazards),
    noPenaltyOverrideReason: row.no_penalty_override_reason,
    noPenaltyDecision:
      row.no_penalty_decided_on && row.no_penalty_reason
        ? {
            decidedOn: row.no_penalty_decided_on,
            reason: row.no_penalty_reason,
            decisionNo: row.no_penalty_decision_no,
          }
        : null,
    notifiedOn: row.notified_on,
    executedOn: row.executed_on,
    closedOn: row.closed_on,
    daily: dailyOf(row, parties),
    history: history.map((e) => ({
      id: e.id,
      action: e.action as PenaltyCaseDetail['history'][number]['action'],
      fromStatus: e.from_status as PenaltyCaseStatus | null,
      toStatus: e.to_status as PenaltyCaseStatus,
      actorName: e.actor_name,
      at: e.at,
      note: e.note,
      details: enterpriseSide ? null : parseDetails(e.details),
    })),
    availableActions: handler ? availablePenaltyCaseActions(facts) : [],
    canEdit: handler && editable(row.status),
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type CaseListQuery = PageQuery & {
  status?: PenaltyCaseStatus;
  sector?: Sector;
  enterpriseId?: number;
  q?: string;
};

/** The cases a caller may see, newest filing first. */
export async function listCases(deps: ServiceDeps, ctx: RequestContext, query: CaseListQuery) {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const scope = await caseScopeOf(deps, ctx);
  const { items, total } = await repo.listCasePage(
    db,
    scope,
    {
      status: query.status,
      sector: query.sector,
      enterpriseId: query.enterpriseId,
      q: query.q,
      like: likeOperator(deps.db.dialect),
      statuses: isEnterpriseRole(actor.role) ? ENTERPRISE_VISIBLE_CASE_STATUSES : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const ids = items.map((c) => c.id);
  const [parties, hazards] = await Promise.all([
    repo.listParties(db, ids),
    repo.listCaseHazards(db, ids),
  ]);
  return {
    items: items.map((c) =>
      listItemOf(
        c,
        parties.filter((p) => p.case_id === c.id),
        hazards.filter((h) => h.case_id === c.id),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Checks that the hazards and inspection record named belong to the case's enterprise. */
async function checkLinks(
  deps: ServiceDeps,
  enterpriseId: number,
  hazardIds: readonly number[],
  inspectionRecordId: number | null,
): Promise<void> {
  if (new Set(hazardIds).size !== hazardIds.length) throw fieldError('hazardIds', '所选隐患重复');
  const owners = await repo.findHazardOwners(deps.db.kysely, [...hazardIds]);
  if (owners.length !== hazardIds.length || owners.some((h) => h.enterprise_id !== enterpriseId)) {
    throw fieldError('hazardIds', '所选隐患不属于该企业');
  }
  if (inspectionRecordId !== null) {
    const record = await repo.findInspectionRecord(deps.db.kysely, inspectionRecordId);
    if (!record || record.enterprise_id !== enterpriseId)
      throw fieldError('inspectionRecordId', '所选检查记录不属于该企业');
  }
}

/** The case number prefix of a district: 东胜区应急管理局 → 东胜. */
function districtPrefix(name: string): string {
  return name.replace(/应急管理局$/, '').replace(/[区县旗市]$/, '');
}

/** Files a case (立案) against an enterprise the caller may see. */
export async function fileCase(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: FileInput,
): Promise<PenaltyCaseDetail> {
  const actor = requireActor(ctx);
  if (!isCaseHandler(actor)) throw forbidden();
  const enterprise = await getAccessibleEnterprise(deps, ctx, input.enterpriseId);
  if (input.filedOn > todayInChina()) throw fieldError('filedOn', '立案日期不能晚于今天');
  await checkLinks(deps, enterprise.id, input.hazardIds, input.inspectionRecordId);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const year = Number(input.filedOn.slice(0, 4));
    const seq = await repo.nextCaseNumber(trx, enterprise.org_unit_id, year);
    const row = {
      case_no: `${districtPrefix(enterprise.district_name)}应急罚立〔${year}〕${String(seq).padStart(4, '0')}号`,
      district_id: enterprise.org_unit_id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      matter: input.matter,
      facts: input.facts,
      filed_on: input.filedOn,
      inspection_record_id: input.inspectionRecordId,
      status: 'filed',
      leader_waiver_reason: null,
      no_penalty_override_reason: null,
      notified_on: null,
      notice_document_no: null,
      decision_date: null,
      decision_major_hazard: null,
      decision_hazard_persisted: null,
      no_penalty_decided_on: null,
      no_penalty_reason: null,
      no_penalty_decision_no: null,
      published_on: null,
      publication_note: null,
      daily_ordered_on: null,
      daily_corrected_on: null,
      executed_on: null,
      closed_on: null,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    const caseId = await repo.insertCase(trx, row);
    await repo.replaceCaseHazards(trx, caseId, input.hazardIds);
    await repo.insertEvent(trx, {
      case_id: caseId,
      action: 'filed',
      from_status: null,
      to_status: 'filed',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      note: null,
      details: null,
      idempotency_key: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'penalty_case.filed',
      entityType: 'penalty_case',
      entityId: caseId,
      changes: { ...diffRecords(null, row), hazardIds: [null, input.hazardIds] },
    });
    return caseId;
  });
  return getCase(deps, ctx, id);
}

/** Edits the matter, facts and linked hazards / record while the case is being investigated. */
export async function updateCase(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: z.output<typeof updatePenaltyCaseSchema>,
): Promise<PenaltyCaseDetail> {
  const actor = requireActor(ctx);
  if (!isCaseHandler(actor)) throw forbidden();
  const before = await getAccessibleCase(deps, ctx, id);
  if (!editable(before.status)) throw conflict('status', '案件已作出决定或已终结，不能再修改');
  if (before.version !== input.version) throw staleVersion();
  await checkLinks(deps, before.enterprise_id, input.hazardIds, input.inspectionRecordId);
  const hazardsBefore = (await repo.listCaseHazards(deps.db.kysely, [id])).map((h) => h.id);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = {
      matter: input.matter,
      facts: input.facts,
      inspection_record_id: input.inspectionRecordId,
      updated_at: at,
    };
    if (!(await repo.updateCaseIfVersion(trx, id, input.version, set))) throw staleVersion();
    await repo.replaceCaseHazards(trx, id, input.hazardIds);
    const changes: Record<string, unknown> = diffRecords(before, { ...before, ...set });
    if (JSON.stringify([...hazardsBefore].sort()) !== JSON.stringify([...input.hazardIds].sort()))
      changes.hazardIds = [hazardsBefore, input.hazardIds];
    await repo.insertEvent(trx, {
      case_id: id,
      action: 'edited',
      from_status: before.status,
      to_status: before.status,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      note: null,
      details: JSON.stringify(changes),
      idempotency_key: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'penalty_case.updated',
      entityType: 'penalty_case',
      entityId: id,
      changes,
    });
  });
  return getCase(deps, ctx, id);
}
