import {
  chinaDayOf,
  type EligibleInspector,
  type InspectionFormContext,
  type InspectionListQuery,
  type InspectionRecord,
  type InspectionRecordDetail,
  type InspectionRecordListItem,
  type InspectionRecordOrigin,
  type InspectionRecordStatus,
  isEnterpriseRole,
  NO_PENALTY_RULE,
  type NoPenaltyEvaluation,
  type Page,
  type PublicVerification,
  type RecordVerification,
  type Sector,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { findTarget } from '../inspection-plans/inspection-plans.repository.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { decisionRequired, hazardRefView, isSelfFound, noPenaltyFor } from './finding-rules.js';
import {
  actionsFor,
  applicableItems,
  enterpriseForRecord,
  factsOf,
  INSPECTOR_ROLES,
  loadRecord,
  type PlanLink,
  planLinkOf,
  recordScopeOf,
} from './inspection-access.js';
import { findOrderByCode } from '../enforcement-orders/order-verify.js';
import { findDecisionByCode } from '../penalties/penalty-decision-pdf.js';
import * as repo from './inspections.repository.js';
import {
  parseStoredContent,
  parseStoredScorecard,
  verifyStoredRecord,
} from './record-verification.js';

// Reading inspection records: the list, the record page, the form's context and verification.

const origin = (value: string): InspectionRecordOrigin =>
  value === 'spot_check' ? 'spot_check' : 'enforcement';

/** The content of a stored row, or an empty shell when a row was written outside the module. */
function contentOrShell(row: repo.RecordWithContext): InspectionRecord {
  const parsed = parseStoredContent(row.content);
  if (parsed.ok) return parsed.record;
  return {
    planId: row.plan_id,
    enterpriseId: row.enterprise_id,
    inspectors: [],
    startedAt: row.started_at,
    endedAt: row.ended_at,
    place: row.place,
    enterprisePresent: null,
    checklist: [],
    findings: [],
    supersedesRecordId: row.supersedes_record_id,
  };
}

/** The record page for one caller. */
export async function getRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<InspectionRecordDetail> {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const { row, inspectorIds } = await loadRecord(deps, ctx, id);
  const record = contentOrShell(row);
  const status = row.status as InspectionRecordStatus;
  const [signatures, findingRows, events, facts] = await Promise.all([
    repo.listSignatures(db, id),
    repo.listFindingRows(db, id),
    repo.listEvents(db, id),
    factsOf(deps, row, inspectorIds),
  ]);
  const hazardIds = [
    ...record.findings.map((f) => f.linkedHazardId),
    ...findingRows.map((r) => r.hazard_id),
  ].filter((h): h is number => h !== null);
  const hazards = new Map(
    (await repo.findHazardRefs(db, [...new Set(hazardIds)])).map((h) => [h.id, h]),
  );
  const codes = [
    ...record.checklist.map((c) => c.catalogItemCode),
    ...record.findings.map((f) => f.catalogItemCode).filter((c): c is string => c !== null),
  ];
  const texts = await repo.catalogItemTexts(db, [...new Set(codes)]);
  const numbers = await repo.recordNumbers(
    db,
    [row.supersedes_record_id, row.superseded_by_record_id].filter((v): v is number => v !== null),
  );
  const pending = status === 'signed' ? await repo.findPendingCorrection(db, id) : undefined;
  const signedAt = new Map(signatures.map((s) => [s.user_id, s.signed_at]));
  const day = chinaDayOf(record.startedAt);
  const scorecard = parseStoredScorecard(row.scorecard);
  // Enterprises never learn of plans (an unannounced one may still be visiting others); the
  // signed text names the plan, so they get the verification code without it.
  const enterpriseSide = isEnterpriseRole(actor.role);

  const findings = record.findings.map((f, i) => {
    const stored = findingRows[i];
    const linked = f.linkedHazardId === null ? undefined : hazards.get(f.linkedHazardId);
    const hazard = stored?.hazard_id ? hazards.get(stored.hazard_id) : linked;
    // Signed: the evaluation kept at signature; before that, evaluated live for the form.
    const noPenalty: NoPenaltyEvaluation | null = stored
      ? stored.no_penalty
        ? (JSON.parse(stored.no_penalty) as NoPenaltyEvaluation)
        : null
      : noPenaltyFor(f, linked, day);
    return {
      no: i + 1,
      title: f.title,
      description: f.description,
      level: f.level,
      treatment: f.treatment,
      catalogItemCode: f.catalogItemCode,
      catalogTitle: f.catalogItemCode ? (texts.get(f.catalogItemCode)?.title ?? null) : null,
      linkedHazardId: f.linkedHazardId,
      hazard: hazard ? hazardRefView(hazard) : null,
      linked: stored ? stored.linked === 1 : f.linkedHazardId !== null,
      penaltyDecision: f.penaltyDecision,
      penaltyNote: f.penaltyNote,
      noPenalty,
      decisionRequired: stored
        ? stored.no_penalty !== null && f.level === 'major'
        : decisionRequired(f, linked),
    };
  });
  return {
    id: row.id,
    recordNo: row.record_no,
    status,
    origin: origin(row.origin),
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name ?? row.current_enterprise_name,
    enterpriseAddress: row.enterprise_address,
    sector: row.sector as Sector,
    districtName: row.district_name,
    planId: enterpriseSide ? null : row.plan_id,
    targetId: enterpriseSide ? null : row.plan_target_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    place: row.place,
    enterprisePresent: record.enterprisePresent,
    inspectors: record.inspectors.map((p) => ({
      userId: p.userId,
      name: p.name,
      certificateNo: p.certificateNo,
      signedAt: signedAt.get(p.userId) ?? null,
    })),
    checklist: record.checklist.map((c) => ({
      catalogItemCode: c.catalogItemCode,
      clause: texts.get(c.catalogItemCode)?.clause ?? null,
      title: texts.get(c.catalogItemCode)?.title ?? null,
      result: c.result,
      note: c.note,
    })),
    findings,
    scorecard: scorecard.ok ? scorecard.scorecard : null,
    contentHash: row.content_hash,
    canonicalText: enterpriseSide ? null : row.canonical_text,
    signedAt: row.signed_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedByName: row.acknowledged_by_name,
    supersedesRecordId: row.supersedes_record_id,
    supersedesRecordNo: row.supersedes_record_id
      ? (numbers.get(row.supersedes_record_id) ?? null)
      : null,
    supersededByRecordId: row.superseded_by_record_id,
    supersededByRecordNo: row.superseded_by_record_id
      ? (numbers.get(row.superseded_by_record_id) ?? null)
      : null,
    pendingCorrectionId: pending?.id ?? null,
    noPenaltyRule: findings.some((f) => f.noPenalty !== null) ? NO_PENALTY_RULE.zh : null,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    version: row.version,
    history: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status as InspectionRecordStatus | null,
      toStatus: e.to_status as InspectionRecordStatus,
      actorName: e.actor_name,
      at: e.at,
      note: e.note,
    })),
    availableActions: actionsFor(actor, row, facts, pending !== undefined),
  };
}

/** The records the caller may see, newest visit first. */
export async function listRecords(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: InspectionListQuery,
): Promise<Page<InspectionRecordListItem>> {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const scope = await recordScopeOf(deps, ctx);
  const { rows, total } = await repo.listRecordPage(
    db,
    scope,
    {
      q: query.q,
      status: query.status,
      enterpriseId: query.enterpriseId,
      planId: query.planId,
      from: query.from,
      to: query.to,
      mine: query.mine === 'true',
      awaitingMySignature: query.awaitingMySignature === 'true',
      userId: actor.userId,
      like: likeOperator(deps.db.dialect),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const signers = await repo.signersOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const parsed = parseStoredContent(r.content);
      const inspectors = parsed.ok ? parsed.record.inspectors : [];
      const findings = parsed.ok ? parsed.record.findings : [];
      const signed = signers.get(r.id) ?? [];
      return {
        id: r.id,
        recordNo: r.record_no,
        status: r.status as InspectionRecordStatus,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        sector: r.sector as Sector,
        districtName: r.district_name,
        origin: origin(r.origin),
        planId: scope.kind === 'enterprise' ? null : r.plan_id,
        startedAt: r.started_at,
        place: r.place,
        inspectorNames: inspectors.map((i) => i.name),
        findingCount: findings.length,
        majorFindingCount: findings.filter((f) => f.level === 'major').length,
        signedCount: signed.length,
        inspectorCount: inspectors.length,
        awaitingMySignature:
          r.status === 'signing' &&
          inspectors.some((i) => i.userId === actor.userId) &&
          !signed.includes(actor.userId),
        acknowledgedAt: r.acknowledged_at,
        supersededByRecordId: r.superseded_by_record_id,
        signedAt: r.signed_at,
        createdAt: r.created_at,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * What the phone form needs for one enterprise: the applicable checklist, the enterprise's open
 * hazards (to link findings to, with the no-penalty rule's evaluation), the caller and the
 * colleagues who may be named as inspectors, and the plan target's drawn inspectors.
 */
export async function formContext(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: { enterpriseId?: number; planId?: number; targetId?: number },
): Promise<InspectionFormContext> {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  // From a plan target, the enterprise is the target's (the plan page links with the target only).
  const enterpriseId =
    query.enterpriseId ??
    (query.targetId === undefined
      ? undefined
      : (await findTarget(db, query.targetId))?.enterprise_id);
  if (enterpriseId === undefined) throw fieldError('enterpriseId', '请选择被检查单位');
  const link: PlanLink | null =
    query.planId !== undefined && query.targetId !== undefined
      ? await planLinkOf(deps, ctx, query.planId, query.targetId, enterpriseId)
      : null;
  const enterprise = await enterpriseForRecord(deps, ctx, enterpriseId, link?.assigned ?? false);
  const today = todayInChina();
  const [items, open, certified, proposed] = await Promise.all([
    applicableItems(deps, ctx, enterprise),
    repo.listOpenHazards(db, enterprise.id),
    repo.listCertifiedUsers(db, INSPECTOR_ROLES, actor.territoryPath),
    repo.findUsers(db, [actor.userId, ...(link?.inspectorIds ?? [])]),
  ]);
  const eligible = (u: {
    id: number;
    display_name: string;
    certificate_no: string | null;
    org_unit_name: string;
  }): EligibleInspector | null =>
    u.certificate_no && u.certificate_no.trim()
      ? {
          userId: u.id,
          name: u.display_name,
          certificateNo: u.certificate_no.trim(),
          orgUnitName: u.org_unit_name,
        }
      : null;
  const meRow = proposed.find((u) => u.id === actor.userId);
  const me =
    meRow &&
    meRow.status === 'active' &&
    (INSPECTOR_ROLES as readonly string[]).includes(meRow.role)
      ? eligible(meRow)
      : null;
  const colleagues = new Map<number, EligibleInspector>();
  for (const u of [...certified, ...proposed.filter((p) => p.status === 'active')]) {
    const e = u.id === actor.userId ? null : eligible(u);
    if (e) colleagues.set(e.userId, e);
  }
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      sector: enterprise.sector as Sector,
      address: enterprise.address,
      districtName: enterprise.district_name,
    },
    checklist: items,
    openHazards: open.map((h) => ({
      ...hazardRefView(h),
      selfFound: isSelfFound(h),
      noPenalty: noPenaltyFor({ level: 'major' }, h, today) ?? {
        applies: false,
        reasons: ['非企业自查发现的隐患，本规则不适用'],
      },
    })),
    me,
    colleagues: [...colleagues.values()],
    proposedInspectorIds: link?.inspectorIds ?? [],
    origin: link?.origin ?? 'enforcement',
    noPenaltyRule: NO_PENALTY_RULE.zh,
  };
}

/** Verifies the signatures of a record the caller may see. */
export async function verifyRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<RecordVerification> {
  await loadRecord(deps, ctx, id);
  return verifyStoredRecord(deps.db.kysely, id);
}

/**
 * The public check of a printed record's verification code: the record number, the enterprise,
 * the day, who signed, and whether the signatures hold — never its findings.
 */
export async function verifyByCode(deps: ServiceDeps, code: string): Promise<PublicVerification> {
  const db = deps.db.kysely;
  const id = await repo.findSignedRecordIdByHash(db, code);
  if (id === undefined) return verifyOtherDocument(deps, code);
  const row = (await repo.findRecord(db, id))!;
  const result = await verifyStoredRecord(db, id);
  const successor = row.superseded_by_record_id
    ? await repo.recordNumbers(db, [row.superseded_by_record_id])
    : new Map<number, string>();
  return {
    kind: 'inspection_record',
    partyName: null,
    recordNo: row.record_no,
    enterpriseName: row.enterprise_name ?? row.current_enterprise_name,
    inspectionDate: chinaDayOf(row.started_at),
    signers: result.signatures.map((s) => ({
      name: s.signerName,
      certificateNo: s.certificateNo,
      signedAt: s.signedAt,
    })),
    valid: result.valid,
    superseded: row.status === 'superseded',
    supersededByRecordNo: row.superseded_by_record_id
      ? (successor.get(row.superseded_by_record_id) ?? null)
      : null,
    checkedAt: result.checkedAt,
  };
}

/**
 * A verification code that is not an inspection record's: a rectification order's, a
 * re-inspection opinion's or a penalty decision's. Their codes are the SHA-256 of the document's
 * frozen text, so finding one means the printed document is the one the bureau issued.
 */
async function verifyOtherDocument(deps: ServiceDeps, code: string): Promise<PublicVerification> {
  const db = deps.db.kysely;
  const checkedAt = nowIso();
  const order = await findOrderByCode(db, code);
  if (order) {
    return {
      kind: order.kind,
      recordNo: order.number,
      enterpriseName: order.enterpriseName,
      inspectionDate: order.date,
      partyName: null,
      signers: order.inspectors.map((i) => ({ ...i, signedAt: null })),
      valid: true,
      superseded: false,
      supersededByRecordNo: null,
      checkedAt,
    };
  }
  const decision = await findDecisionByCode(db, code);
  if (decision) {
    return {
      kind: 'penalty_decision',
      recordNo: decision.number,
      enterpriseName: decision.enterpriseName,
      inspectionDate: decision.date,
      partyName: decision.party.name,
      signers: [],
      valid: true,
      superseded: false,
      supersededByRecordNo: null,
      checkedAt,
    };
  }
  throw notFound();
}
