import type { Kysely } from 'kysely';
import {
  availableSelfInspectionActions,
  isEnterpriseRole,
  normalizeSelfInspectionAnswer,
  type PageQuery,
  SELF_INSPECTION_PHOTO_REQUIRED_DEFAULT,
  selfInspectionAllows,
  type SelfInspectionAction,
  type SelfInspectionAnswer,
  type SelfInspectionAnswerValue,
  type SelfInspectionDetail,
  selfInspectionItemIssues,
  type SelfInspectionListItem,
  selfInspectionProgress,
  type SelfInspectionStartInfo,
  type SelfInspectionStatus,
  type Sector,
  type StartSelfInspectionInput,
  type UpdateSelfInspectionInput,
  canAccessRecord,
} from '@hazard-ledger/domain';
import type { AppConfig } from '../../config.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { SelfInspectionPhotoRow } from '../../db/schema-self-inspections.js';
import { conflict, fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { campaignForEnterprise } from '../campaigns/enterprise-campaign.js';
import { getChecklist } from '../catalogs/catalogs.service.js';
import { enterpriseScopeOf, getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './self-inspections.repository.js';

// Self-inspections against the applicable checklist (对标自查自改): start (snapshot the
// checklist), answer item by item, attach photos, submit and sign (creating the hazards), and
// the scorecard's fact.

/**
 * Whether a 存在问题 answer needs a photo in this deployment. The domain default applies unless
 * the configuration carries `selfInspectionPhotoRequired` (env SELF_INSPECTION_PHOTO_REQUIRED).
 */
export function photoRequiredSetting(config: AppConfig): boolean {
  return config.selfInspectionPhotoRequired ?? SELF_INSPECTION_PHOTO_REQUIRED_DEFAULT;
}

export const nameOf = (actor: { displayName: string; username: string }) =>
  `${actor.displayName}(${actor.username})`;

/** Loads a run the caller may see: enterprise users their own, staff by territory and sector. */
export async function loadRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<repo.RunRow> {
  const actor = requireActor(ctx);
  const run = await repo.findRun(deps.db.kysely, id);
  if (!run) throw notFound();
  const visible = canAccessRecord(actor, {
    orgPath: run.org_path,
    sector: run.sector as Sector,
    enterpriseId: run.enterprise_id,
  });
  if (!visible) throw notFound();
  return run;
}

/** Refuses an action the run's status does not allow, with the reason in Chinese. */
export function assertAllows(run: repo.RunRow, action: SelfInspectionAction): void {
  if (selfInspectionAllows(run.status as SelfInspectionStatus, action)) return;
  throw conflict(
    'status',
    run.status === 'submitted' ? '自查记录已提交并签字，不能再修改' : '自查记录已作废，不能再修改',
  );
}

/** Loads a run the caller may change with `action` (their own enterprise's, still a draft). */
export async function loadWritableRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: SelfInspectionAction,
) {
  const actor = requireActor(ctx);
  const run = await loadRun(deps, ctx, id);
  if (!isEnterpriseRole(actor.role)) throw forbidden();
  assertAllows(run, action);
  return run;
}

function listItemOf(
  run: repo.RunRow,
  progress: SelfInspectionListItem['progress'],
): SelfInspectionListItem {
  return {
    id: run.id,
    enterpriseId: run.enterprise_id,
    enterpriseName: run.enterprise_name,
    sector: run.sector as Sector,
    campaignId: run.campaign_id,
    campaignName: run.campaign_name,
    status: run.status as SelfInspectionStatus,
    inspectionDate: run.inspection_date,
    inspectors: run.inspectors,
    progress,
    startedByName: run.started_by_name,
    startedAt: run.started_at,
    submittedAt: run.submitted_at,
    signerName: run.signer_name,
  };
}

/** The photos of a run by item code. */
export function photosByItem(
  photos: SelfInspectionPhotoRow[],
): Map<string, SelfInspectionPhotoRow[]> {
  const out = new Map<string, SelfInspectionPhotoRow[]>();
  for (const p of photos) out.set(p.item_code, [...(out.get(p.item_code) ?? []), p]);
  return out;
}

/** One run as its page shows it, with the actions the caller may take now. */
export async function getRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  const run = await loadRun(deps, ctx, id);
  const db = deps.db.kysely;
  const [items, photos, leaderName] = await Promise.all([
    repo.listItems(db, id),
    repo.listPhotos(db, id),
    repo.findLeaderName(db, run.enterprise_id),
  ]);
  const byItem = photosByItem(photos);
  const photoRequired = run.photo_required === 1;
  const status = run.status as SelfInspectionStatus;
  return {
    ...listItemOf(
      run,
      selfInspectionProgress(
        items.map((i) => ({ answer: i.answer as SelfInspectionAnswer | null })),
      ),
    ),
    districtName: run.district_name,
    leaderName,
    photoRequired,
    catalogs: JSON.parse(run.catalogs) as SelfInspectionDetail['catalogs'],
    items: items.map((i) => {
      const itemPhotos = byItem.get(i.item_code) ?? [];
      const answer = i.answer as SelfInspectionAnswer | null;
      return {
        code: i.item_code,
        catalogId: i.catalog_id,
        catalogVersion: i.catalog_version,
        section: i.section,
        clause: i.clause,
        parentCode: i.parent_code,
        title: i.title,
        requirement: i.requirement,
        answer,
        note: i.note,
        description: i.description,
        naReason: i.na_reason,
        answeredByName: i.answered_by_name,
        answeredAt: i.answered_at,
        photos: itemPhotos.map((p) => ({
          id: p.id,
          fileName: p.file_name,
          mimeType: p.mime_type,
          sizeBytes: p.size_bytes,
          uploadedAt: p.uploaded_at,
        })),
        issues:
          status === 'draft'
            ? selfInspectionItemIssues(
                {
                  answer,
                  description: i.description,
                  naReason: i.na_reason,
                  photoCount: itemPhotos.length,
                },
                photoRequired,
              )
            : [],
        hazardId: i.hazard_id,
        hazardNumber: i.hazard_number,
      };
    }),
    discardedAt: run.discarded_at,
    discardReason: run.discard_reason,
    version: run.version,
    availableActions: isEnterpriseRole(actor.role)
      ? availableSelfInspectionActions(status, actor.role)
      : [],
  };
}

export type RunListQuery = PageQuery & { enterpriseId?: number; status?: SelfInspectionStatus };

/** Runs the caller may see (an enterprise its own), newest first. */
export async function listRuns(deps: ServiceDeps, ctx: RequestContext, query: RunListQuery) {
  const scope = await enterpriseScopeOf(deps, ctx);
  const { items, total } = await repo.listRuns(
    deps.db.kysely,
    scope,
    { enterpriseId: query.enterpriseId, status: query.status },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: items.map((r) => {
      const answered = Number(r.answered ?? 0);
      return listItemOf(r, {
        total: r.item_count,
        answered,
        compliant: Number(r.compliant ?? 0),
        problems: Number(r.problems ?? 0),
        notApplicable: Number(r.not_applicable ?? 0),
      });
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** For an enterprise user: the campaign a new run would belong to, and the run in progress. */
export async function startInfo(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<SelfInspectionStartInfo> {
  const actor = requireActor(ctx);
  if (!isEnterpriseRole(actor.role) || !actor.enterpriseId) {
    return { campaign: null, draftId: null, canStart: false };
  }
  const db = deps.db.kysely;
  const [campaign, draft] = await Promise.all([
    campaignForEnterprise(db, actor.enterpriseId, todayInChina()),
    repo.findDraftOf(db, actor.enterpriseId),
  ]);
  return {
    campaign: campaign ? { id: campaign.id, name: campaign.name } : null,
    draftId: draft?.id ?? null,
    canStart: !draft && availableSelfInspectionActions('draft', actor.role).includes('answer'),
  };
}

/**
 * Starts a run for the caller's enterprise: snapshots its checklist (the catalogs module's
 * applicability, the current published versions) and records the campaign it runs in today.
 * Without a running campaign the run is still made, with no campaign: the duty to self-inspect
 * does not end with a campaign, but such a run counts for no campaign's coverage.
 */
export async function startRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: StartSelfInspectionInput,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  if (!isEnterpriseRole(actor.role) || !actor.enterpriseId) throw forbidden();
  const enterprise = await getAccessibleEnterprise(deps, ctx, actor.enterpriseId);
  const db = deps.db.kysely;
  const today = todayInChina();
  const inspectionDate = input.inspectionDate ?? today;
  if (inspectionDate > today) throw fieldError('inspectionDate', '检查日期不能晚于今天');
  if (await repo.findDraftOf(db, enterprise.id)) {
    throw conflict('status', '已有填报中的自查记录，请继续填写，或作废后再开始新的自查');
  }
  const checklist = await getChecklist(deps, ctx, enterprise.id);
  if (checklist.items.length === 0) {
    throw conflict('checklist', '本企业没有适用的判定标准条目，无法开展对标自查');
  }
  const campaign = await campaignForEnterprise(db, enterprise.id, today);
  const at = nowIso();
  const photoRequired = photoRequiredSetting(deps.config);
  const catalogs = checklist.catalogs
    .filter((c) => c.itemCount > 0)
    .map((c) => ({
      catalogId: c.catalogId,
      version: c.version,
      name: c.name,
      documentNumber: c.documentNumber,
    }));
  try {
    const id = await inTransaction(deps, async (trx) => {
      const runId = await repo.insertRun(trx, {
        enterprise_id: enterprise.id,
        district_id: enterprise.org_unit_id,
        sector: enterprise.sector,
        campaign_id: campaign?.id ?? null,
        campaign_name: campaign?.name ?? null,
        status: 'draft',
        inspection_date: inspectionDate,
        inspectors: input.inspectors ?? null,
        photo_required: photoRequired ? 1 : 0,
        catalogs: JSON.stringify(catalogs),
        item_count: checklist.items.length,
        started_by_user_id: actor.userId,
        started_by_name: actor.displayName,
        started_at: at,
        submitted_by_user_id: null,
        signer_name: null,
        submitted_at: null,
        submitted_on: null,
        submit_key: null,
        discarded_at: null,
        discard_reason: null,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      await repo.insertItems(
        trx,
        checklist.items.map((item, ordinal) => ({
          run_id: runId,
          ordinal,
          catalog_id: item.catalogId,
          catalog_version: item.catalogVersion,
          item_code: item.code,
          section: item.section,
          clause: item.clause,
          parent_code: item.parentCode,
          title: item.title,
          requirement: item.requirement,
          answer: null,
          note: null,
          description: null,
          na_reason: null,
          answered_by_user_id: null,
          answered_by_name: null,
          answered_at: null,
          hazard_id: null,
        })),
      );
      await repo.insertEvent(trx, {
        run_id: runId,
        action: 'started',
        actor_id: actor.userId,
        actor_name: actor.displayName,
        actor_role: actor.role,
        at,
        details: { campaignId: campaign?.id ?? null, items: checklist.items.length },
      });
      await deps.audit.append(trx, ctx, {
        action: 'self_inspection.started',
        entityType: 'self_inspection',
        entityId: runId,
        changes: {
          enterpriseId: [null, enterprise.id],
          campaignId: [null, campaign?.id ?? null],
          inspectionDate: [null, inspectionDate],
          catalogs: [null, catalogs.map((c) => `${c.catalogId}@${c.version}`)],
          itemCount: [null, checklist.items.length],
          photoRequired: [null, photoRequired],
        },
      });
      return runId;
    });
    return await getRun(deps, ctx, id);
  } catch (err) {
    // Two starts at once: the one-draft index lets only one through.
    if (isUniqueViolation(err)) {
      throw conflict('status', '已有填报中的自查记录，请继续填写，或作废后再开始新的自查');
    }
    throw err;
  }
}

/** Changes the record's header (检查日期, 检查人员) of a run in progress. */
export async function updateRun(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateSelfInspectionInput,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  const run = await loadWritableRun(deps, ctx, id, 'edit');
  if (input.inspectionDate > todayInChina())
    throw fieldError('inspectionDate', '检查日期不能晚于今天');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { inspection_date: input.inspectionDate, inspectors: input.inspectors };
    if (!(await repo.updateDraftIfVersion(trx, id, input.version, { ...set, updated_at: at })))
      throw staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    if (run.inspection_date !== set.inspection_date)
      changes.inspectionDate = [run.inspection_date, set.inspection_date];
    if (run.inspectors !== set.inspectors) changes.inspectors = [run.inspectors, set.inspectors];
    await repo.insertEvent(trx, {
      run_id: id,
      action: 'edited',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      details: changes,
    });
    await deps.audit.append(trx, ctx, {
      action: 'self_inspection.updated',
      entityType: 'self_inspection',
      entityId: id,
      changes,
    });
  });
  return getRun(deps, ctx, id);
}

/** Saves the answer to one item (autosave); the run's version guards against stale writes. */
export async function answerItem(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  code: string,
  input: SelfInspectionAnswerValue,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  await loadWritableRun(deps, ctx, id, 'answer');
  const item = await repo.findItem(deps.db.kysely, id, code);
  if (!item) throw notFound();
  const value = normalizeSelfInspectionAnswer(input);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    if (!(await repo.updateDraftIfVersion(trx, id, input.version, { updated_at: at })))
      throw staleVersion();
    await repo.saveAnswer(trx, item.id, {
      answer: value.answer,
      note: value.note,
      description: value.description,
      na_reason: value.naReason,
      answered_by_user_id: actor.userId,
      answered_by_name: actor.displayName,
      answered_at: at,
    });
    const changes: Record<string, unknown> = { itemCode: code };
    const before = {
      answer: item.answer,
      note: item.note,
      description: item.description,
      naReason: item.na_reason,
    };
    for (const key of ['answer', 'note', 'description', 'naReason'] as const) {
      if (before[key] !== value[key]) changes[key] = [before[key], value[key]];
    }
    await repo.insertEvent(trx, {
      run_id: id,
      action: 'answered',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      details: changes,
    });
    await deps.audit.append(trx, ctx, {
      action: 'self_inspection.answered',
      entityType: 'self_inspection',
      entityId: id,
      changes,
    });
  });
  return getRun(deps, ctx, id);
}

/**
 * The scorecard's fact (duty 1): whether the enterprise has submitted a self-inspection of the
 * campaign it is in on `date` (YYYY-MM-DD), by that day. False when no campaign runs then.
 */
export async function selfInspectionFacts(
  db: Kysely<Database>,
  enterpriseId: number,
  date: string,
): Promise<{ selfInspectionSubmitted: boolean }> {
  const campaign = await campaignForEnterprise(db, enterpriseId, date);
  if (!campaign) return { selfInspectionSubmitted: false };
  return {
    selfInspectionSubmitted: await repo.hasSubmittedRun(db, enterpriseId, campaign.id, date),
  };
}
