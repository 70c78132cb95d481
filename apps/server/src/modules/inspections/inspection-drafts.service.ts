import {
  chinaDayOf,
  draftRecordErrors,
  ErrorCode,
  type FieldError,
  findDuplicateHazard,
  type InspectionDraft,
  type InspectionRecord,
  inspectionRecordSchema,
  type InspectionRecordOrigin,
  noPenaltyDecisionProblem,
  normaliseRecordInstant,
  normaliseRecordText,
  recordInputFromDraft,
  type UpdateInspectionDraft,
} from '@hazard-ledger/domain';
import { AppError, conflict, fieldError, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import type { EnterpriseRow } from '../enterprises/enterprises.repository.js';
import { decisionRequired, ledgerRef, noPenaltyFor } from './finding-rules.js';
import {
  applicableItems,
  assertAction,
  enterpriseForRecord,
  factsOf,
  INSPECTOR_ROLES,
  loadRecord,
  type PlanLink,
  planLinkOf,
  recordNumber,
} from './inspection-access.js';
import * as repo from './inspections.repository.js';
import { getRecord } from './inspections.service.js';
import { parseStoredContent } from './record-verification.js';

// Filling in a record (现场检查记录) while it is a draft: create, save, and start a correction of a
// signed one. Every save runs the record rules on the whole content; the inspectors' names and
// certificate numbers come from their accounts; a finding on a catalog item the enterprise
// already has an open hazard for is linked to it (findDuplicateHazard).

/** The inspectors on a record, as the accounts give them. */
type Inspector = { userId: number; name: string; certificateNo: string };

/** A draft checked against the rules, the accounts, the checklist and the ledger. */
type Prepared = { record: InspectionRecord; inspectors: Inspector[] };

/**
 * Checks a draft and returns the record content to store. With `forSigning`, also what signing
 * needs: at least one checklist line and a penalty decision wherever the no-penalty rule is shown.
 * Every problem is reported at once (400 with field errors).
 */
export async function prepareContent(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterprise: EnterpriseRow,
  draft: Omit<InspectionDraft, 'targetId'>,
  supersedesRecordId: number | null,
  forSigning: boolean,
): Promise<Prepared> {
  const db = deps.db.kysely;
  const users = new Map(
    (await repo.findUsers(db, draft.inspectorUserIds)).map((u) => [u.id, u] as const),
  );
  const errors: FieldError[] = [];
  const accounts = new Map<number, { name: string; certificateNo: string | null }>();
  draft.inspectorUserIds.forEach((id, i) => {
    const u = users.get(id);
    if (!u || u.status !== 'active' || !(INSPECTOR_ROLES as readonly string[]).includes(u.role)) {
      errors.push({ path: `inspectorUserIds.${i}`, message: '所选人员不是在岗执法人员' });
      return;
    }
    accounts.set(id, {
      name: u.display_name,
      certificateNo: u.certificate_no?.trim() ? u.certificate_no.trim() : null,
    });
  });
  if (errors.length > 0) throw new AppError(400, ErrorCode.ValidationFailed, errors);
  const ruleErrors = draftRecordErrors(draft, accounts, supersedesRecordId);
  if (ruleErrors.length > 0) throw new AppError(400, ErrorCode.ValidationFailed, ruleErrors);
  const record = inspectionRecordSchema.parse(
    recordInputFromDraft(draft, accounts, supersedesRecordId),
  );

  // The checklist used: catalog items applicable to the enterprise.
  const applicable = new Set((await applicableItems(deps, ctx, enterprise)).map((i) => i.code));
  record.checklist.forEach((c, i) => {
    if (!applicable.has(c.catalogItemCode)) {
      errors.push({
        path: `checklist.${i}.catalogItemCode`,
        message: `条目${c.catalogItemCode}不在该企业适用的判定标准中`,
      });
    }
  });
  if (forSigning && record.checklist.length === 0) {
    errors.push({ path: 'checklist', message: '请至少填写一项检查内容' });
  }

  // Findings against the ledger: an explicit link must be an open hazard of this enterprise;
  // otherwise the duplicate rule links the finding to the open hazard of the same item.
  const open = (await repo.listOpenHazards(db, enterprise.id)).map(ledgerRef);
  const openById = new Map(open.map((h) => [h.id, h.row]));
  const day = chinaDayOf(record.startedAt);
  record.findings = record.findings.map((f, i) => {
    if (f.catalogItemCode !== null && !applicable.has(f.catalogItemCode)) {
      errors.push({
        path: `findings.${i}.catalogItemCode`,
        message: `条目${f.catalogItemCode}不在该企业适用的判定标准中`,
      });
    }
    let linkedHazardId = f.linkedHazardId;
    if (linkedHazardId !== null && !openById.has(linkedHazardId)) {
      errors.push({
        path: `findings.${i}.linkedHazardId`,
        message: '所关联的隐患不是该企业未销号的隐患',
      });
    }
    if (linkedHazardId === null) {
      linkedHazardId =
        findDuplicateHazard(
          { enterpriseId: enterprise.id, catalogItemCode: f.catalogItemCode },
          open,
        )?.id ?? null;
    }
    const hazard = linkedHazardId === null ? undefined : openById.get(linkedHazardId);
    if (f.penaltyDecision !== null) {
      const evaluation = noPenaltyFor(f, hazard, day) ?? { applies: false, reasons: [] };
      const problem = noPenaltyDecisionProblem(evaluation, f.penaltyDecision, f.penaltyNote);
      if (problem) errors.push({ path: `findings.${i}.penaltyDecision`, message: problem });
    } else if (forSigning && decisionRequired(f, hazard)) {
      errors.push({
        path: `findings.${i}.penaltyDecision`,
        message: '该问题涉及企业自查发现的重大事故隐患，须记录是否予以行政处罚的决定',
      });
    }
    return { ...f, linkedHazardId };
  });
  if (errors.length > 0) throw new AppError(400, ErrorCode.ValidationFailed, errors);
  return {
    record,
    inspectors: record.inspectors.map((p) => ({
      userId: p.userId,
      name: normaliseRecordText(p.name),
      certificateNo: normaliseRecordText(p.certificateNo),
    })),
  };
}

/** The columns that repeat the content (for lists and filters). */
function contentColumns(record: InspectionRecord) {
  return {
    started_at: normaliseRecordInstant(record.startedAt),
    ended_at: normaliseRecordInstant(record.endedAt),
    place: normaliseRecordText(record.place),
    content: JSON.stringify(record),
  };
}

/** Inserts a new draft with its number, inspectors, history and audit row. */
async function insertDraft(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterprise: EnterpriseRow,
  prepared: Prepared,
  meta: { origin: InspectionRecordOrigin; targetId: number | null; note: string | null },
): Promise<number> {
  const actor = requireActor(ctx);
  const at = nowIso();
  const year = Number(chinaDayOf(prepared.record.startedAt).slice(0, 4));
  return inTransaction(deps, async (trx) => {
    const seq = await repo.nextRecordNumber(trx, enterprise.org_unit_id, year);
    const recordNo = recordNumber(enterprise.district_name, year, seq);
    const row = {
      record_no: recordNo,
      district_id: enterprise.org_unit_id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      plan_id: prepared.record.planId,
      plan_target_id: meta.targetId,
      origin: meta.origin,
      ...contentColumns(prepared.record),
      enterprise_name: null,
      scorecard: null,
      status: 'draft',
      canonical_text: null,
      content_hash: null,
      supersedes_record_id: prepared.record.supersedesRecordId,
      superseded_by_record_id: null,
      signed_at: null,
      acknowledged_at: null,
      acknowledged_by_user_id: null,
      acknowledged_by_name: null,
      created_at: at,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      updated_at: at,
      version: 1,
    };
    const id = await repo.insertRecord(trx, row);
    await repo.replaceInspectors(trx, id, prepared.inspectors);
    await repo.insertEvent(trx, {
      record_id: id,
      action: 'created',
      from_status: null,
      to_status: 'draft',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: meta.note,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_record.created',
      entityType: 'inspection_record',
      entityId: id,
      changes: {
        recordNo: [null, recordNo],
        enterpriseId: [null, enterprise.id],
        planId: [null, prepared.record.planId],
        targetId: [null, meta.targetId],
        inspectors: [null, prepared.inspectors.map((p) => `${p.name}(${p.certificateNo})`)],
        findings: [null, prepared.record.findings.length],
        supersedesRecordId: [null, prepared.record.supersedesRecordId],
      },
    });
    return id;
  });
}

/** Creates a draft record for an enterprise the inspector may see (or was drawn for). */
export async function createRecord(deps: ServiceDeps, ctx: RequestContext, input: InspectionDraft) {
  let link: PlanLink | null = null;
  if (input.planId !== null && input.targetId !== null) {
    link = await planLinkOf(deps, ctx, input.planId, input.targetId, input.enterpriseId);
    const taken = await deps.db.kysely
      .selectFrom('inspection_records')
      .select('record_no')
      .where('plan_target_id', '=', input.targetId)
      .where('status', 'in', ['draft', 'signing', 'signed'])
      .executeTakeFirst();
    if (taken) throw conflict('targetId', `该检查对象已有检查记录（${taken.record_no}）`);
  }
  const enterprise = await enterpriseForRecord(
    deps,
    ctx,
    input.enterpriseId,
    link?.assigned ?? false,
  );
  const prepared = await prepareContent(deps, ctx, enterprise, input, null, false);
  const id = await insertDraft(deps, ctx, enterprise, prepared, {
    origin: link?.origin ?? 'enforcement',
    targetId: link?.targetId ?? null,
    note: null,
  });
  return getRecord(deps, ctx, id);
}

/** Saves a draft: the whole content, at the version it was read (409 when stale or not a draft). */
export async function updateRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateInspectionDraft,
) {
  const actor = requireActor(ctx);
  const { row, inspectorIds } = await loadRecord(deps, ctx, id);
  assertAction(actor, row, await factsOf(deps, row, inspectorIds), 'edit');
  if (input.enterpriseId !== row.enterprise_id)
    throw fieldError('enterpriseId', '不能更改被检查单位');
  if (input.planId !== row.plan_id || input.targetId !== row.plan_target_id)
    throw fieldError('planId', '不能更改检查计划');
  if (row.version !== input.version) throw staleVersion();
  // Named inspectors keep the enterprise they were drawn for.
  const enterprise = await enterpriseForRecord(
    deps,
    ctx,
    row.enterprise_id,
    inspectorIds.includes(actor.userId) || row.created_by === actor.userId,
  );
  const prepared = await prepareContent(
    deps,
    ctx,
    enterprise,
    input,
    row.supersedes_record_id,
    false,
  );
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { ...contentColumns(prepared.record), updated_at: at };
    if (!(await repo.updateRecordIfVersion(trx, id, input.version, set, 'draft'))) {
      throw staleVersion();
    }
    await repo.replaceInspectors(trx, id, prepared.inspectors);
    await repo.insertEvent(trx, {
      record_id: id,
      action: 'edit',
      from_status: 'draft',
      to_status: 'draft',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: null,
    });
    const before = parseStoredContent(row.content);
    await deps.audit.append(trx, ctx, {
      action: 'inspection_record.updated',
      entityType: 'inspection_record',
      entityId: id,
      changes: {
        content: [before.ok ? before.record : null, prepared.record],
      },
    });
  });
  return getRecord(deps, ctx, id);
}

/**
 * Starts a correction of a signed record: a new draft with the same content that will supersede
 * it once fully signed. Its findings stay linked to the hazards the original created (while open).
 */
export async function correctRecord(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const { row, inspectorIds } = await loadRecord(deps, ctx, id);
  const pending = await repo.findPendingCorrection(deps.db.kysely, id);
  assertAction(
    actor,
    row,
    await factsOf(deps, row, inspectorIds),
    'correct',
    pending !== undefined,
  );
  const parsed = parseStoredContent(row.content);
  if (!parsed.ok) throw conflict('content', parsed.problem);
  const findingRows = await repo.listFindingRows(deps.db.kysely, id);
  const open = new Set(
    (await repo.listOpenHazards(deps.db.kysely, row.enterprise_id)).map((h) => h.id),
  );
  const record: InspectionRecord = {
    ...parsed.record,
    supersedesRecordId: id,
    findings: parsed.record.findings.map((f, i) => {
      const hazardId = findingRows[i]?.hazard_id ?? f.linkedHazardId;
      return { ...f, linkedHazardId: hazardId !== null && open.has(hazardId) ? hazardId : null };
    }),
  };
  const enterprise = await enterpriseForRecord(deps, ctx, row.enterprise_id, true);
  const newId = await insertDraft(
    deps,
    ctx,
    enterprise,
    {
      record,
      inspectors: record.inspectors.map((p) => ({
        userId: p.userId,
        name: normaliseRecordText(p.name),
        certificateNo: normaliseRecordText(p.certificateNo),
      })),
    },
    {
      origin: row.origin === 'spot_check' ? 'spot_check' : 'enforcement',
      targetId: row.plan_target_id,
      note: `更正${row.record_no}`,
    },
  );
  return getRecord(deps, ctx, newId);
}
