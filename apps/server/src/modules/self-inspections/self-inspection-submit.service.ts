import {
  checkSelfInspectionSubmission,
  createHazardSchema,
  type DiscardSelfInspectionInput,
  ErrorCode,
  isEnterpriseRole,
  SELF_INSPECTION_ITEM_ISSUE_LABELS,
  type SelfInspectionAnswer,
  type SelfInspectionDetail,
  type SubmitSelfInspectionInput,
} from '@hazard-ledger/domain';
import { AppError, fieldError, forbidden, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { recordHazard } from '../hazards/hazards.service.js';
import * as repo from './self-inspections.repository.js';
import {
  assertAllows,
  getRun,
  loadRun,
  loadWritableRun,
  nameOf,
  photosByItem,
} from './self-inspections.service.js';

// Submitting and signing a self-inspection (the problems become ledger hazards), or discarding it.

/** The field errors of a run that is not complete yet. */
function submissionErrors(check: ReturnType<typeof checkSelfInspectionSubmission>, total: number) {
  const fields: { path: string; message: string }[] = [];
  if (total === 0) fields.push({ path: 'items', message: '自查记录没有检查条目' });
  if (check.inspectorsMissing) fields.push({ path: 'inspectors', message: '请填写检查人员' });
  for (const item of check.items) {
    fields.push({
      path: `items.${item.code}`,
      message: `条目${item.code}：${item.issues.map((i) => SELF_INSPECTION_ITEM_ISSUE_LABELS[i].zh).join('，')}`,
    });
  }
  return fields;
}

/**
 * Submits and signs a run as the main leader: every item must be answered completely. Each
 * 存在问题 answer becomes a major hazard (origin self_check) citing the exact catalog version and
 * item the run was made against, with the item's photos as its 整改前 photos. The run is
 * read-only afterwards. A repeated request with the same idempotency key returns the run.
 */
export async function submitRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: SubmitSelfInspectionInput,
  idempotencyKey: string | null,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  const run = await loadRun(deps, ctx, id);
  if (!isEnterpriseRole(actor.role)) throw forbidden();
  if (idempotencyKey && run.status === 'submitted' && run.submit_key === idempotencyKey) {
    return getRun(deps, ctx, id);
  }
  assertAllows(run, 'submit');
  if (run.version !== input.version) throw staleVersion();
  const db = deps.db.kysely;
  const [items, photos] = await Promise.all([repo.listItems(db, id), repo.listPhotos(db, id)]);
  const byItem = photosByItem(photos);
  const check = checkSelfInspectionSubmission(
    { inspectors: run.inspectors, photoRequired: run.photo_required === 1 },
    items.map((i) => ({
      code: i.item_code,
      answer: i.answer as SelfInspectionAnswer | null,
      description: i.description,
      naReason: i.na_reason,
      photoCount: byItem.get(i.item_code)?.length ?? 0,
    })),
  );
  if (!check.ok) {
    throw new AppError(400, ErrorCode.ValidationFailed, submissionErrors(check, items.length));
  }
  if (run.inspection_date > todayInChina())
    throw fieldError('inspectionDate', '检查日期不能晚于今天');
  const enterprise = await getAccessibleEnterprise(deps, ctx, run.enterprise_id);
  const problems = items.filter((i) => i.answer === 'problem');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateDraftIfVersion(trx, id, input.version, {
      status: 'submitted',
      submitted_by_user_id: actor.userId,
      signer_name: actor.displayName,
      submitted_at: at,
      submitted_on: todayInChina(new Date(at)),
      submit_key: idempotencyKey,
      problem_count: problems.length,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    const hazards: Record<string, number> = {};
    for (const item of problems) {
      const hazardInput = createHazardSchema.parse({
        enterpriseId: enterprise.id,
        level: 'major',
        title: `对标自查发现：${item.title}`.slice(0, 100),
        description: [item.description, item.note ? `备注：${item.note}` : null]
          .filter(Boolean)
          .join('\n')
          .slice(0, 4000),
        origin: 'self_check',
        foundAt: run.inspection_date,
        foundBy: (run.inspectors ?? actor.displayName).slice(0, 50),
        catalogItemCode: item.item_code,
        noCatalogReason: null,
        treatment: 'deadline',
      });
      const hazardId = await recordHazard(trx, deps, ctx, enterprise, hazardInput, {
        catalogId: item.catalog_id,
        version: item.catalog_version,
        code: item.item_code,
      });
      await repo.setItemHazard(trx, item.id, hazardId);
      for (const photo of byItem.get(item.item_code) ?? []) {
        await repo.attachPhotoToHazard(
          trx,
          hazardId,
          photo,
          { id: actor.userId, name: actor.displayName, role: actor.role },
          at,
        );
      }
      hazards[item.item_code] = hazardId;
    }
    await repo.insertEvent(trx, {
      run_id: id,
      action: 'submitted',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      details: { signer: nameOf(actor), hazards },
    });
    await deps.audit.append(trx, ctx, {
      action: 'self_inspection.submitted',
      entityType: 'self_inspection',
      entityId: id,
      changes: {
        status: [run.status, 'submitted'],
        signerName: [null, actor.displayName],
        problemCount: [0, problems.length],
        hazards,
      },
    });
  });
  return getRun(deps, ctx, id);
}

/** Discards a run in progress, with the reason; it stays on record, read-only. */
export async function discardRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: DiscardSelfInspectionInput,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  const run = await loadWritableRun(deps, ctx, id, 'discard');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateDraftIfVersion(trx, id, input.version, {
      status: 'discarded',
      discarded_at: at,
      discard_reason: input.reason,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await repo.insertEvent(trx, {
      run_id: id,
      action: 'discarded',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      details: { reason: input.reason },
    });
    await deps.audit.append(trx, ctx, {
      action: 'self_inspection.discarded',
      entityType: 'self_inspection',
      entityId: id,
      changes: { status: [run.status, 'discarded'], reason: [null, input.reason] },
    });
  });
  return getRun(deps, ctx, id);
}
